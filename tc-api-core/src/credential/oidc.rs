//! Temporary keys of a role for the holder of an OIDC token, from STS
//! `AssumeRoleWithWebIdentity`, sent unsigned; and the TKE flavour that reads its
//! settings from the variables the TKE pod identity webhook sets.

use std::path::PathBuf;
use std::sync::{Arc, OnceLock};
use std::time::{SystemTime, UNIX_EPOCH};

use zeroize::Zeroizing;

use super::assume_role::sts_failed;
use super::sts::{AssumeRoleWithWebIdentity, DEFAULT_DURATION_SECONDS};
use super::{
    Credential, CredentialError, CredentialFuture, Environment, ProvideCredential, ValueProblem,
};
use crate::client::{Client, ClientBuilder};

/// Region of the STS call (TKE).
pub const ENV_TKE_REGION: &str = "TKE_REGION";
/// The identity provider's name in CAM (TKE).
pub const ENV_TKE_PROVIDER_ID: &str = "TKE_PROVIDER_ID";
/// File holding the pod's OIDC token, re-read at each call because TKE rotates it.
pub const ENV_TKE_WEB_IDENTITY_TOKEN_FILE: &str = "TKE_WEB_IDENTITY_TOKEN_FILE";
/// The role to assume (TKE).
pub const ENV_TKE_ROLE_ARN: &str = "TKE_ROLE_ARN";

const TKE_VARS: [&str; 4] = [
    ENV_TKE_REGION,
    ENV_TKE_PROVIDER_ID,
    ENV_TKE_WEB_IDENTITY_TOKEN_FILE,
    ENV_TKE_ROLE_ARN,
];
const ACTION: &str = "AssumeRoleWithWebIdentity";

/// Calls STS `AssumeRoleWithWebIdentity` at each call and answers the role's temporary
/// keys with their expiry. The request is sent **unsigned** (`Authorization: SKIP`, the
/// OIDC token being the proof), through a [`Client`] built with
/// [`skip_signature`](ClientBuilder::skip_signature), as the official SDKs do.
///
/// Two ways to configure it:
/// - [`new`](Self::new): a region and a fixed [`AssumeRoleWithWebIdentity`] request;
/// - [`tke`](Self::tke): from `TKE_REGION`, `TKE_PROVIDER_ID`,
///   `TKE_WEB_IDENTITY_TOKEN_FILE` and `TKE_ROLE_ARN`, read at each call (the token file
///   is rotated), with a fresh session name `tc-api-rust-<microseconds>` and a duration
///   of 7200 s. None of the four set is
///   [`NotConfigured`](CredentialError::NotConfigured); some but not all is
///   [`MissingEnvVar`](CredentialError::MissingEnvVar).
///
/// Wrap it in a [`CachingProvider`](super::CachingProvider); the default chain does.
#[derive(Debug, Clone)]
pub struct OidcRoleProvider {
    settings: Settings,
    sts: ClientBuilder,
    /// Built from `sts` on first use, so that building the provider cannot fail.
    client: Arc<OnceLock<Client>>,
}

#[derive(Debug, Clone)]
enum Settings {
    Fixed {
        region: String,
        request: AssumeRoleWithWebIdentity,
    },
    Tke {
        env: Environment,
    },
}

impl OidcRoleProvider {
    /// Sends `request` (checked now with [`AssumeRoleWithWebIdentity::validate`]) to the
    /// STS of `region`.
    pub fn new(
        region: impl Into<String>,
        request: AssumeRoleWithWebIdentity,
    ) -> Result<Self, CredentialError> {
        request.validate()?;
        let region = region.into();
        check_region(&region)?;
        Ok(Self::with_settings(Settings::Fixed { region, request }))
    }

    /// The TKE flavour over the process environment.
    pub fn tke() -> Self {
        Self::tke_with_environment(Environment::process())
    }

    /// The TKE flavour reading `env` instead of the process environment.
    pub fn tke_with_environment(env: Environment) -> Self {
        Self::with_settings(Settings::Tke { env })
    }

    fn with_settings(settings: Settings) -> Self {
        Self {
            settings,
            sts: Client::builder(),
            client: Arc::new(OnceLock::new()),
        }
    }

    /// Builds the STS client from `sts` (endpoint, timeouts, proxy, ...) instead of the
    /// defaults; signing is switched off on it whatever it says.
    pub fn sts_client(mut self, sts: ClientBuilder) -> Self {
        self.sts = sts;
        self.client = Arc::new(OnceLock::new());
        self
    }

    fn client(&self) -> Result<&Client, CredentialError> {
        if let Some(client) = self.client.get() {
            return Ok(client);
        }
        let client = self
            .sts
            .clone()
            .skip_signature(true)
            .build()
            .map_err(|err| sts_failed("client", err))?;
        Ok(self.client.get_or_init(|| client))
    }

    async fn assume(&self) -> Result<Credential, CredentialError> {
        let (region, request) = match &self.settings {
            Settings::Fixed { region, request } => (region.clone(), request.clone()),
            Settings::Tke { env } => tke_request(env)?,
        };
        let client = self
            .client()?
            .with_region(Some(&region))
            .map_err(|err| sts_failed(ACTION, err))?;
        let output = client
            .send(request)
            .await
            .map_err(|err| sts_failed(ACTION, err))?;
        output.data.into_credential(ACTION, &output.request_id)
    }
}

/// The region and request the TKE variables describe.
fn tke_request(env: &Environment) -> Result<(String, AssumeRoleWithWebIdentity), CredentialError> {
    let mut values: [Option<String>; 4] = Default::default();
    for (value, var) in values.iter_mut().zip(TKE_VARS) {
        *value = env.var(var)?;
    }
    if values.iter().all(Option::is_none) {
        return Err(CredentialError::NotConfigured {
            reason: format!("none of {} is set", TKE_VARS.join(", ")).into(),
        });
    }
    let require = |var: &'static str, value: Option<String>| {
        let value = value.ok_or(CredentialError::MissingEnvVar { var })?;
        ValueProblem::check(&value)
            .map_err(|problem| CredentialError::InvalidEnvVar { var, problem })?;
        Ok::<_, CredentialError>(value)
    };
    let [region, provider_id, token_file, role_arn] = values;
    let region = require(ENV_TKE_REGION, region)?;
    let provider_id = require(ENV_TKE_PROVIDER_ID, provider_id)?;
    let token_file = require(ENV_TKE_WEB_IDENTITY_TOKEN_FILE, token_file)?;
    let role_arn = require(ENV_TKE_ROLE_ARN, role_arn)?;
    check_region(&region).map_err(|_| CredentialError::InvalidStsParameter {
        action: ACTION,
        parameter: "Region",
        reason: format!("from {ENV_TKE_REGION} must be letters, digits and '-', e.g. ap-guangzhou")
            .into(),
    })?;
    let request = AssumeRoleWithWebIdentity {
        provider_id,
        web_identity_token: read_token(PathBuf::from(token_file))?,
        role_arn,
        role_session_name: session_name(),
        duration_seconds: Some(DEFAULT_DURATION_SECONDS),
    };
    request.validate()?;
    Ok((region, request))
}

/// The token in `path`, surrounding whitespace removed (a JWT has none).
fn read_token(path: PathBuf) -> Result<Zeroizing<String>, CredentialError> {
    let bytes = match std::fs::read(&path) {
        Ok(bytes) => Zeroizing::new(bytes),
        Err(err) => {
            return Err(CredentialError::TokenFile {
                path,
                source: Arc::new(err),
            });
        }
    };
    let text = std::str::from_utf8(&bytes).map_err(|err| CredentialError::TokenFile {
        path: path.clone(),
        source: Arc::new(std::io::Error::new(std::io::ErrorKind::InvalidData, err)),
    })?;
    Ok(Zeroizing::new(text.trim().to_owned()))
}

/// `tc-api-rust-<microseconds since the epoch>`, like the Go SDK's TKE session names.
fn session_name() -> String {
    let micros = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_micros())
        .unwrap_or_default();
    format!("tc-api-rust-{micros}")
}

/// A region the client accepts (`ap-guangzhou`); checked early so a typo is reported
/// when the provider is built.
fn check_region(region: &str) -> Result<(), CredentialError> {
    crate::client::validate_region(region).map_err(|_| CredentialError::InvalidStsParameter {
        action: ACTION,
        parameter: "Region",
        reason: "must be letters, digits and '-', e.g. ap-guangzhou".into(),
    })
}

impl Default for OidcRoleProvider {
    /// The TKE flavour over the process environment, like [`OidcRoleProvider::tke`].
    fn default() -> Self {
        Self::tke()
    }
}

impl ProvideCredential for OidcRoleProvider {
    fn provide(&self) -> CredentialFuture<'_> {
        Box::pin(self.assume())
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{TOKEN, TempDir};
    use super::*;

    fn tke(vars: &[(&str, &str)]) -> Result<(String, AssumeRoleWithWebIdentity), CredentialError> {
        let env = Environment::from_vars(vars.iter().map(|(k, v)| (k.to_string(), v.to_string())));
        tke_request(&env)
    }

    #[test]
    fn no_tke_variable_is_not_configured() {
        let err = tke(&[("HOME", "/root")]).unwrap_err();
        assert!(err.is_not_configured(), "{err:?}");
        assert!(err.to_string().contains(ENV_TKE_ROLE_ARN), "{err}");
    }

    #[test]
    fn some_tke_variables_name_the_first_missing_one() {
        let err = tke(&[(ENV_TKE_REGION, "ap-guangzhou"), (ENV_TKE_ROLE_ARN, "arn")]).unwrap_err();
        assert!(
            matches!(
                err,
                CredentialError::MissingEnvVar {
                    var: ENV_TKE_PROVIDER_ID
                }
            ),
            "{err:?}"
        );
    }

    #[test]
    fn an_unusable_tke_variable_is_named() {
        let err = tke(&[
            (ENV_TKE_REGION, "ap guangzhou"),
            (ENV_TKE_PROVIDER_ID, "OIDC"),
            (ENV_TKE_WEB_IDENTITY_TOKEN_FILE, "/nonexistent"),
            (ENV_TKE_ROLE_ARN, "arn"),
        ])
        .unwrap_err();
        assert!(err.to_string().contains(ENV_TKE_REGION), "{err}");
        let err = tke(&[
            (ENV_TKE_REGION, "ap-guangzhou"),
            (ENV_TKE_PROVIDER_ID, " OIDC"),
            (ENV_TKE_WEB_IDENTITY_TOKEN_FILE, "/nonexistent"),
            (ENV_TKE_ROLE_ARN, "arn"),
        ])
        .unwrap_err();
        assert!(
            matches!(
                err,
                CredentialError::InvalidEnvVar {
                    var: ENV_TKE_PROVIDER_ID,
                    problem: ValueProblem::Padded
                }
            ),
            "{err:?}"
        );
    }

    #[test]
    fn tke_variables_make_a_request_with_the_token_file() {
        let dir = TempDir::new();
        let file = dir.write("token", format!("{TOKEN}\n"));
        let file = file.to_str().unwrap();
        let vars = [
            (ENV_TKE_REGION, "ap-shanghai"),
            (ENV_TKE_PROVIDER_ID, "OIDC"),
            (ENV_TKE_WEB_IDENTITY_TOKEN_FILE, file),
            (ENV_TKE_ROLE_ARN, "qcs::cam::uin/1:roleName/pod"),
        ];
        let (region, request) = tke(&vars).unwrap();
        assert_eq!(region, "ap-shanghai");
        assert_eq!(request.provider_id, "OIDC");
        assert_eq!(&*request.web_identity_token, TOKEN);
        assert_eq!(request.role_arn, "qcs::cam::uin/1:roleName/pod");
        assert!(request.role_session_name.starts_with("tc-api-rust-"));
        assert_eq!(request.duration_seconds, Some(7200));
    }

    #[test]
    fn missing_or_empty_token_file_is_typed() {
        let dir = TempDir::new();
        let absent = dir.path().join("absent");
        let vars = |file: &str| {
            tke(&[
                (ENV_TKE_REGION, "ap-shanghai"),
                (ENV_TKE_PROVIDER_ID, "OIDC"),
                (ENV_TKE_WEB_IDENTITY_TOKEN_FILE, file),
                (ENV_TKE_ROLE_ARN, "arn"),
            ])
        };
        match vars(absent.to_str().unwrap()).unwrap_err() {
            CredentialError::TokenFile { path, source } => {
                assert_eq!(path, absent);
                assert_eq!(source.kind(), std::io::ErrorKind::NotFound);
            }
            other => panic!("{other:?}"),
        }
        let empty = dir.write("empty", "\n");
        match vars(empty.to_str().unwrap()).unwrap_err() {
            CredentialError::InvalidStsParameter { parameter, .. } => {
                assert_eq!(parameter, "WebIdentityToken")
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn fixed_settings_are_checked_when_building() {
        let request = AssumeRoleWithWebIdentity::new("OIDC", TOKEN, "arn", "session");
        assert!(OidcRoleProvider::new("ap-guangzhou", request.clone()).is_ok());
        assert!(matches!(
            OidcRoleProvider::new("ap guangzhou", request.clone()),
            Err(CredentialError::InvalidStsParameter {
                parameter: "Region",
                ..
            })
        ));
        assert!(matches!(
            OidcRoleProvider::new("ap-guangzhou", request.duration_seconds(43_201)),
            Err(CredentialError::InvalidStsParameter {
                parameter: "DurationSeconds",
                ..
            })
        ));
        let provider = OidcRoleProvider::new(
            "ap-guangzhou",
            AssumeRoleWithWebIdentity::new("OIDC", TOKEN, "arn", "session"),
        )
        .unwrap();
        assert!(!format!("{provider:?}").contains(TOKEN));
    }
}
