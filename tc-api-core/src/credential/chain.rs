//! Trying providers in order: the first configured one answers.

use std::borrow::Cow;
use std::sync::Arc;

use super::{
    CredentialError, CredentialFuture, CvmRoleProvider, EnvProvider, Environment, OidcRoleProvider,
    ProfileProvider, ProvideCredential, TccliProfileProvider, ValueProblem,
};
use crate::client::ClientBuilder;

/// An ordered list of named providers.
///
/// The first step that answers a credential wins. A step answering
/// [`NotConfigured`](CredentialError::NotConfigured) (see
/// [`CredentialError::is_not_configured`]) is skipped; any other error is returned as is,
/// so a half-configured source is reported instead of silently falling through to the
/// next one. When no step is configured the error is
/// [`NoCredential`](CredentialError::NoCredential), listing every step and its answer.
#[derive(Debug, Clone, Default)]
pub struct ProviderChain {
    steps: Vec<Step>,
}

#[derive(Debug, Clone)]
struct Step {
    name: Cow<'static, str>,
    provider: Arc<dyn ProvideCredential>,
}

/// What one chain step answered, kept in [`CredentialError::NoCredential`].
#[derive(Debug, Clone)]
pub struct ChainAttempt {
    /// The step's name (`environment`, `profile`, ...).
    pub step: Cow<'static, str>,
    /// Why the step had no credential.
    pub error: CredentialError,
}

impl ProviderChain {
    /// A chain with no steps; it answers `NoCredential` until steps are added.
    pub fn new() -> Self {
        Self::default()
    }

    /// Appends a step, tried after those already present.
    pub fn then(
        mut self,
        name: impl Into<Cow<'static, str>>,
        provider: impl ProvideCredential + 'static,
    ) -> Self {
        self.steps.push(Step {
            name: name.into(),
            provider: Arc::new(provider),
        });
        self
    }

    /// The step names, in the order they are tried.
    pub fn step_names(&self) -> impl Iterator<Item = &str> {
        self.steps.iter().map(|step| step.name.as_ref())
    }
}

impl ProvideCredential for ProviderChain {
    fn provide(&self) -> CredentialFuture<'_> {
        Box::pin(async move {
            let mut attempts = Vec::with_capacity(self.steps.len());
            for step in &self.steps {
                match step.provider.provide().await {
                    Ok(credential) => return Ok(credential),
                    Err(error) if error.is_not_configured() => attempts.push(ChainAttempt {
                        step: step.name.clone(),
                        error,
                    }),
                    Err(error) => return Err(error),
                }
            }
            Err(CredentialError::NoCredential { attempts })
        })
    }
}

/// Variable that switches the `cvm-role` step of the [`DefaultChain`] off when `true` or
/// `1` (`false`, `0` or empty leave it on): for machines known not to be CVM instances,
/// and for tests, so that nothing asks the metadata address.
pub const ENV_METADATA_DISABLED: &str = "TC_API_METADATA_DISABLED";

/// The chain a client uses when given no credential, in the official SDKs' order:
///
/// | step | provider | not configured when |
/// |---|---|---|
/// | `environment` | [`EnvProvider`] | no `TENCENTCLOUD_SECRET_ID`/`_KEY` |
/// | `profile` | [`ProfileProvider`] (`~/.tencentcloud/credentials`) | no file, no profile chosen |
/// | `tccli` | [`TccliProfileProvider`] (`~/.tccli/<profile>.credential`) | no file, no profile chosen, or `type: cvm-role` |
/// | `cvm-role` | [`CvmRoleProvider`] | no metadata service answers within 1 s / 2 s, no role bound (404), or `TC_API_METADATA_DISABLED=true` |
/// | `tke-oidc` | [`OidcRoleProvider::tke`] | none of the `TKE_*` variables set |
///
/// The client wraps it in a [`CachingProvider`](super::CachingProvider), so the chain
/// runs once and then again only to refresh temporary keys. Off a CVM the `cvm-role`
/// step costs at most its timeouts; tests and programs that know they are not on a CVM
/// can drop it ([`without_cvm_role`](Self::without_cvm_role), or
/// [`ENV_METADATA_DISABLED`] from outside the program) or point it elsewhere
/// ([`cvm_role`](Self::cvm_role)).
#[derive(Debug, Clone)]
pub struct DefaultChain {
    env: Environment,
    cvm_role: Option<CvmRoleProvider>,
    sts: Option<ClientBuilder>,
    chain: ProviderChain,
}

impl DefaultChain {
    /// The default chain over the process environment.
    pub fn new() -> Self {
        Self::with_environment(Environment::process())
    }

    /// The default chain reading variables (and finding files) through `env` instead of
    /// the process environment. The `cvm-role` step still asks the real metadata
    /// address; see [`without_cvm_role`](Self::without_cvm_role).
    pub fn with_environment(env: Environment) -> Self {
        Self::assemble(env, Some(CvmRoleProvider::new()), None)
    }

    /// Uses `provider` as the `cvm-role` step (e.g. another metadata URL or role).
    pub fn cvm_role(self, provider: CvmRoleProvider) -> Self {
        Self::assemble(self.env, Some(provider), self.sts)
    }

    /// Drops the `cvm-role` step.
    pub fn without_cvm_role(self) -> Self {
        Self::assemble(self.env, None, self.sts)
    }

    /// Builds the STS clients of the `tccli` (profiles with `role-arn`) and `tke-oidc`
    /// steps from `sts` (endpoint, timeouts, ...).
    pub fn sts_client(self, sts: ClientBuilder) -> Self {
        Self::assemble(self.env, self.cvm_role, Some(sts))
    }

    fn assemble(
        env: Environment,
        cvm_role: Option<CvmRoleProvider>,
        sts: Option<ClientBuilder>,
    ) -> Self {
        let mut tccli = TccliProfileProvider::with_environment(env.clone());
        let mut oidc = OidcRoleProvider::tke_with_environment(env.clone());
        if let Some(sts) = &sts {
            tccli = tccli.sts_client(sts.clone());
            oidc = oidc.sts_client(sts.clone());
        }
        let mut chain = ProviderChain::new()
            .then("environment", EnvProvider::with_environment(env.clone()))
            .then("profile", ProfileProvider::with_environment(env.clone()))
            .then("tccli", tccli);
        if let Some(cvm_role) = &cvm_role {
            let step = SwitchableCvmRole {
                env: env.clone(),
                provider: cvm_role.clone(),
            };
            chain = chain.then("cvm-role", step);
        }
        let chain = chain.then("tke-oidc", oidc);
        Self {
            env,
            cvm_role,
            sts,
            chain,
        }
    }

    /// The step names, in the order they are tried.
    pub fn step_names(&self) -> impl Iterator<Item = &str> {
        self.chain.step_names()
    }

    /// The underlying chain, e.g. to append steps of one's own.
    pub fn into_chain(self) -> ProviderChain {
        self.chain
    }
}

impl Default for DefaultChain {
    fn default() -> Self {
        Self::new()
    }
}

impl ProvideCredential for DefaultChain {
    fn provide(&self) -> CredentialFuture<'_> {
        self.chain.provide()
    }
}

/// The `cvm-role` step, unless [`ENV_METADATA_DISABLED`] switches it off.
#[derive(Debug, Clone)]
struct SwitchableCvmRole {
    env: Environment,
    provider: CvmRoleProvider,
}

impl SwitchableCvmRole {
    fn disabled(&self) -> Result<bool, CredentialError> {
        let Some(value) = self.env.var(ENV_METADATA_DISABLED)? else {
            return Ok(false);
        };
        match value.trim() {
            "1" => Ok(true),
            "0" | "" => Ok(false),
            text if text.eq_ignore_ascii_case("true") => Ok(true),
            text if text.eq_ignore_ascii_case("false") => Ok(false),
            _ => Err(CredentialError::InvalidEnvVar {
                var: ENV_METADATA_DISABLED,
                problem: ValueProblem::NotABoolean,
            }),
        }
    }
}

impl ProvideCredential for SwitchableCvmRole {
    fn provide(&self) -> CredentialFuture<'_> {
        Box::pin(async move {
            if self.disabled()? {
                return Err(CredentialError::NotConfigured {
                    reason: format!("switched off by {ENV_METADATA_DISABLED}").into(),
                });
            }
            self.provider.provide().await
        })
    }
}

#[cfg(test)]
mod tests {
    use std::ffi::OsString;
    use std::sync::atomic::{AtomicUsize, Ordering};

    use super::super::test_support::{ID, KEY, TOKEN, TempDir, default_profile_file};
    use super::super::{Credential, ENV_SECRET_ID, ENV_SECRET_KEY, StaticProvider};
    use super::*;

    fn fixed(id: &str) -> StaticProvider {
        StaticProvider::new(Credential::new(id, KEY).unwrap())
    }

    /// Counts calls and answers a fixed error.
    #[derive(Debug)]
    struct Failing {
        error: CredentialError,
        calls: Arc<AtomicUsize>,
    }

    impl ProvideCredential for Failing {
        fn provide(&self) -> CredentialFuture<'_> {
            self.calls.fetch_add(1, Ordering::SeqCst);
            let error = self.error.clone();
            Box::pin(async move { Err(error) })
        }
    }

    fn not_configured(reason: &'static str) -> CredentialError {
        CredentialError::NotConfigured {
            reason: reason.into(),
        }
    }

    #[tokio::test]
    async fn first_configured_step_wins() {
        let chain = ProviderChain::new()
            .then("a", fixed("AKIDfirst"))
            .then("b", fixed("AKIDsecond"));
        assert_eq!(chain.provide().await.unwrap().secret_id(), "AKIDfirst");
    }

    #[tokio::test]
    async fn unconfigured_steps_are_skipped() {
        let calls = Arc::new(AtomicUsize::new(0));
        let chain = ProviderChain::new()
            .then(
                "empty",
                Failing {
                    error: not_configured("nothing here"),
                    calls: calls.clone(),
                },
            )
            .then("fixed", fixed("AKIDsecond"));
        assert_eq!(chain.provide().await.unwrap().secret_id(), "AKIDsecond");
        assert_eq!(calls.load(Ordering::SeqCst), 1);
    }

    #[tokio::test]
    async fn broken_step_stops_the_chain() {
        let later = Arc::new(AtomicUsize::new(0));
        let chain = ProviderChain::new()
            .then(
                "broken",
                Failing {
                    error: CredentialError::MissingEnvVar {
                        var: ENV_SECRET_KEY,
                    },
                    calls: Arc::new(AtomicUsize::new(0)),
                },
            )
            .then(
                "later",
                Failing {
                    error: not_configured("unused"),
                    calls: later.clone(),
                },
            );
        let err = chain.provide().await.unwrap_err();
        assert!(matches!(
            err,
            CredentialError::MissingEnvVar {
                var: ENV_SECRET_KEY
            }
        ));
        assert_eq!(later.load(Ordering::SeqCst), 0, "later step must not run");
    }

    #[tokio::test]
    async fn nothing_configured_lists_every_step_in_order() {
        let chain = ProviderChain::new()
            .then(
                "first",
                Failing {
                    error: not_configured("reason one"),
                    calls: Arc::new(AtomicUsize::new(0)),
                },
            )
            .then(
                "second",
                Failing {
                    error: not_configured("reason two"),
                    calls: Arc::new(AtomicUsize::new(0)),
                },
            );
        let err = chain.provide().await.unwrap_err();
        assert_eq!(
            err.to_string(),
            "no credential found: tried first: not configured: reason one; \
             second: not configured: reason two"
        );
        match err {
            CredentialError::NoCredential { attempts } => {
                let steps: Vec<&str> = attempts.iter().map(|a| a.step.as_ref()).collect();
                assert_eq!(steps, ["first", "second"]);
            }
            other => panic!("expected NoCredential, got {other:?}"),
        }
    }

    #[tokio::test]
    async fn empty_chain_says_so() {
        let err = ProviderChain::new().provide().await.unwrap_err();
        assert!(err.is_not_configured());
        assert!(err.to_string().contains("no providers"), "{err}");
    }

    #[tokio::test]
    async fn chains_nest() {
        let inner = ProviderChain::new().then(
            "inner-empty",
            Failing {
                error: not_configured("x"),
                calls: Arc::new(AtomicUsize::new(0)),
            },
        );
        let outer = ProviderChain::new()
            .then("inner", inner)
            .then("fixed", fixed("AKIDouter"));
        assert_eq!(outer.provide().await.unwrap().secret_id(), "AKIDouter");
    }

    #[test]
    fn debug_of_a_chain_redacts_secrets() {
        let cred = Credential::new(ID, KEY).unwrap().with_token(TOKEN).unwrap();
        let chain = ProviderChain::new().then("static", StaticProvider::new(cred));
        let text = format!("{chain:?} {:?}", DefaultChain::new());
        assert!(text.contains(ID), "{text}");
        assert!(!text.contains(KEY) && !text.contains(TOKEN), "{text}");
    }

    /// The default chain over `vars`, without the step that would ask the real metadata
    /// address.
    fn default_chain(vars: Vec<(&str, OsString)>) -> DefaultChain {
        DefaultChain::with_environment(Environment::from_vars(vars)).without_cvm_role()
    }

    #[test]
    fn default_chain_order() {
        let chain = DefaultChain::new();
        let names: Vec<&str> = chain.step_names().collect();
        assert_eq!(
            names,
            ["environment", "profile", "tccli", "cvm-role", "tke-oidc"]
        );
        let chain = chain.without_cvm_role();
        let names: Vec<&str> = chain.step_names().collect();
        assert_eq!(names, ["environment", "profile", "tccli", "tke-oidc"]);
    }

    #[tokio::test]
    async fn default_chain_prefers_environment_over_profile() {
        let home = TempDir::new();
        home.write(".tencentcloud/credentials", default_profile_file());
        let chain = default_chain(vec![
            ("HOME", home.path().into()),
            ("USERPROFILE", home.path().into()),
            (ENV_SECRET_ID, "AKIDfromenv".into()),
            (ENV_SECRET_KEY, "keyfromenv".into()),
        ]);
        assert_eq!(chain.provide().await.unwrap().secret_id(), "AKIDfromenv");
    }

    #[tokio::test]
    async fn default_chain_falls_back_to_profile() {
        let home = TempDir::new();
        home.write(".tencentcloud/credentials", default_profile_file());
        let chain = default_chain(vec![
            ("HOME", home.path().into()),
            ("USERPROFILE", home.path().into()),
        ]);
        let cred = chain.provide().await.unwrap();
        assert_eq!((cred.secret_id(), cred.secret_key()), (ID, KEY));
    }

    #[tokio::test]
    async fn default_chain_reports_half_set_environment_despite_a_good_profile() {
        let home = TempDir::new();
        home.write(".tencentcloud/credentials", default_profile_file());
        let chain = default_chain(vec![
            ("HOME", home.path().into()),
            ("USERPROFILE", home.path().into()),
            (ENV_SECRET_ID, "AKIDfromenv".into()),
        ]);
        let err = chain.provide().await.unwrap_err();
        assert!(matches!(
            err,
            CredentialError::MissingEnvVar {
                var: ENV_SECRET_KEY
            }
        ));
    }

    #[tokio::test]
    async fn default_chain_reports_a_broken_profile() {
        let home = TempDir::new();
        home.write(".tencentcloud/credentials", "[default]\nsecret_id = x\n");
        let chain = default_chain(vec![
            ("HOME", home.path().into()),
            ("USERPROFILE", home.path().into()),
        ]);
        let err = chain.provide().await.unwrap_err();
        assert!(
            matches!(
                err,
                CredentialError::MissingProfileKey {
                    key: "secret_key",
                    ..
                }
            ),
            "{err:?}"
        );
    }

    #[tokio::test]
    async fn default_chain_with_nothing_lists_every_step() {
        let home = TempDir::new();
        let chain = default_chain(vec![
            ("HOME", home.path().into()),
            ("USERPROFILE", home.path().into()),
        ]);
        let err = chain.provide().await.unwrap_err();
        let text = err.to_string();
        assert!(text.contains("environment: not configured"), "{text}");
        assert!(text.contains("profile: not configured"), "{text}");
        assert!(text.contains("tccli: not configured"), "{text}");
        assert!(text.contains("tke-oidc: not configured"), "{text}");
        assert!(text.contains(ENV_SECRET_ID), "{text}");
    }

    #[tokio::test]
    async fn default_chain_can_be_extended() {
        let home = TempDir::new();
        let chain = default_chain(vec![("HOME", home.path().into())])
            .into_chain()
            .then("fallback", fixed("AKIDfallback"));
        assert_eq!(chain.provide().await.unwrap().secret_id(), "AKIDfallback");
    }

    #[test]
    fn chain_is_usable_as_a_shared_trait_object() {
        let shared: Arc<dyn ProvideCredential> = Arc::new(DefaultChain::new());
        fn assert_send_sync<T: Send + Sync + ?Sized>(_: &T) {}
        assert_send_sync(&shared);
        let _future_is_send: &(dyn std::future::Future<Output = _> + Send) = &shared.provide();
    }
}
