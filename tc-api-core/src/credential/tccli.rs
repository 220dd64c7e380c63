//! Credentials from the files of the official CLI, tccli: `~/.tccli/<profile>.credential`,
//! a JSON object written by `tccli configure` (and by `tccli auth login`).

use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, UNIX_EPOCH};

use serde::Deserialize;
use zeroize::Zeroizing;

use super::assume_role::AssumeRoleProvider;
use super::environment::HOME_VAR;
use super::sts::AssumeRole;
use super::{
    Credential, CredentialError, CredentialFuture, DEFAULT_PROFILE, Environment, JsonProblem,
    ProvideCredential, StaticProvider, ValueProblem,
};
use crate::client::{Client, ClientBuilder};

/// Variable naming the tccli profile, as tccli reads it.
pub const ENV_TCCLI_PROFILE: &str = "TCCLI_PROFILE";

const KEY_SECRET_ID: &str = "secretId";
const KEY_SECRET_KEY: &str = "secretKey";
const KEY_TOKEN: &str = "token";
const KEY_EXPIRES_AT: &str = "expiresAt";
const KEY_ROLE_ARN: &str = "role-arn";
const KEY_ROLE_SESSION_NAME: &str = "role-session-name";
/// tccli's `type` for "use the CVM role".
const TYPE_CVM_ROLE: &str = "cvm-role";

/// Reads a tccli credential file at each call:
///
/// ```json
/// {"secretId": "AKID...", "secretKey": "...", "token": "...", "expiresAt": 1700000000}
/// ```
///
/// `token` and `expiresAt` (unix seconds; written by `tccli auth login`) are optional.
/// As in tccli: with `"type": "cvm-role"` the keys come from the CVM role, so this
/// provider answers [`NotConfigured`](CredentialError::NotConfigured) and the default
/// chain's `cvm-role` step takes over; with `role-arn` and `role-session-name` the file's
/// key is the source of an STS `AssumeRole` ([`AssumeRoleProvider`]).
///
/// The profile is the one given to [`profile`](Self::profile), else `$TCCLI_PROFILE`,
/// else `default`; the directory the one given to [`directory`](Self::directory), else
/// `~/.tccli`. Only an absent file of a profile nobody chose is `NotConfigured`; a file
/// that is not JSON, lacks a key or holds an unusable value is an error naming the path,
/// position and key (never a value).
#[derive(Debug, Clone, Default)]
pub struct TccliProfileProvider {
    env: Environment,
    profile: Option<String>,
    directory: Option<PathBuf>,
    sts: Option<ClientBuilder>,
}

/// The file as tccli writes it; the secrets go straight into zeroizing strings.
#[derive(Deserialize)]
struct TccliFile {
    #[serde(rename = "type", default)]
    kind: Option<String>,
    #[serde(rename = "secretId", default)]
    secret_id: Option<String>,
    #[serde(rename = "secretKey", default)]
    secret_key: Option<Zeroizing<String>>,
    #[serde(rename = "token", default)]
    token: Option<Zeroizing<String>>,
    #[serde(rename = "expiresAt", default)]
    expires_at: Option<f64>,
    #[serde(rename = "role-arn", default)]
    role_arn: Option<String>,
    #[serde(rename = "role-session-name", default)]
    role_session_name: Option<String>,
}

impl TccliProfileProvider {
    /// Locates the file through the process environment.
    pub fn new() -> Self {
        Self::default()
    }

    /// Locates the file through `env` instead of the process environment.
    pub fn with_environment(env: Environment) -> Self {
        Self {
            env,
            ..Self::default()
        }
    }

    /// Reads this profile, ignoring `TCCLI_PROFILE`.
    pub fn profile(mut self, name: impl Into<String>) -> Self {
        self.profile = Some(name.into());
        self
    }

    /// Looks for `<profile>.credential` in this directory instead of `~/.tccli`.
    pub fn directory(mut self, path: impl Into<PathBuf>) -> Self {
        self.directory = Some(path.into());
        self
    }

    /// The STS client for profiles with `role-arn` (endpoint, timeouts, ...); default
    /// [`Client::builder`] in region `ap-guangzhou`.
    pub fn sts_client(mut self, sts: ClientBuilder) -> Self {
        self.sts = Some(sts);
        self
    }

    /// The file to read, its profile, and whether the user chose them.
    fn locate(&self) -> Result<(PathBuf, String, bool), CredentialError> {
        let (profile, chosen) = match (&self.profile, self.env.var(ENV_TCCLI_PROFILE)?) {
            (Some(name), _) => (name.clone(), true),
            (None, Some(name)) => {
                ValueProblem::check(&name).map_err(|problem| CredentialError::InvalidEnvVar {
                    var: ENV_TCCLI_PROFILE,
                    problem,
                })?;
                (name, true)
            }
            (None, None) => (DEFAULT_PROFILE.to_owned(), false),
        };
        check_profile_name(&profile)?;
        let file = format!("{profile}.credential");
        if let Some(directory) = &self.directory {
            return Ok((directory.join(file), profile, true));
        }
        match self.env.home_dir() {
            Some(home) => Ok((home.join(".tccli").join(file), profile, chosen)),
            None if chosen => Err(CredentialError::MissingEnvVar { var: HOME_VAR }),
            None => Err(CredentialError::NotConfigured {
                reason: format!("{HOME_VAR} is not set to find .tccli/{file}").into(),
            }),
        }
    }

    async fn read(&self) -> Result<Credential, CredentialError> {
        let (path, profile, chosen) = self.locate()?;
        let bytes = match std::fs::read(&path) {
            Ok(bytes) => Zeroizing::new(bytes),
            Err(err) if err.kind() == std::io::ErrorKind::NotFound => {
                return Err(if chosen {
                    CredentialError::FileNotFound { path }
                } else {
                    CredentialError::NotConfigured {
                        reason: format!("no tccli credential file at {path:?}").into(),
                    }
                });
            }
            Err(err) => {
                return Err(CredentialError::FileRead {
                    path,
                    source: Arc::new(err),
                });
            }
        };
        let text = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(&bytes);
        let file: TccliFile =
            serde_json::from_slice(text).map_err(|err| CredentialError::MalformedTccliFile {
                path: path.clone(),
                problem: JsonProblem::from_serde(&err),
            })?;
        if file.kind.as_deref() == Some(TYPE_CVM_ROLE) {
            return Err(CredentialError::NotConfigured {
                reason: format!(
                    "tccli profile {profile:?} ({path:?}) has type {TYPE_CVM_ROLE}: the CVM role provides its keys"
                )
                .into(),
            });
        }
        let missing = |key: &'static str| CredentialError::MissingProfileKey {
            key,
            profile: profile.clone(),
            path: path.clone(),
        };
        let check = |key: &'static str, value: &str| {
            ValueProblem::check(value).map_err(|problem| CredentialError::InvalidProfileValue {
                key,
                profile: profile.clone(),
                path: path.clone(),
                problem,
            })
        };
        let secret_id = file
            .secret_id
            .as_deref()
            .ok_or_else(|| missing(KEY_SECRET_ID))?;
        let secret_key = file
            .secret_key
            .as_deref()
            .ok_or_else(|| missing(KEY_SECRET_KEY))?;
        check(KEY_SECRET_ID, secret_id)?;
        check(KEY_SECRET_KEY, secret_key)?;
        let mut credential = Credential::new(secret_id, secret_key.as_str())?;
        if let Some(token) = file.token.as_deref() {
            check(KEY_TOKEN, token)?;
            credential = credential.with_token(token.as_str())?;
        }
        if let Some(expires_at) = file.expires_at {
            // try_from: a file may hold any number, and from_secs_f64 panics past
            // what a Duration holds.
            let at = (expires_at > 0.0)
                .then(|| Duration::try_from_secs_f64(expires_at).ok())
                .flatten()
                .and_then(|since_epoch| UNIX_EPOCH.checked_add(since_epoch))
                .ok_or_else(|| CredentialError::InvalidProfileValue {
                    key: KEY_EXPIRES_AT,
                    profile: profile.clone(),
                    path: path.clone(),
                    problem: ValueProblem::NotAUnixTime,
                })?;
            credential = credential.with_expiry(at);
        }
        match (file.role_arn, file.role_session_name) {
            (None, None) => Ok(credential),
            (Some(_), None) => Err(missing(KEY_ROLE_SESSION_NAME)),
            (None, Some(_)) => Err(missing(KEY_ROLE_ARN)),
            (Some(role_arn), Some(session_name)) => {
                let sts = self.sts.clone().unwrap_or_else(Client::builder);
                let request = AssumeRole::new(role_arn, session_name);
                AssumeRoleProvider::with_client(StaticProvider::new(credential), request, sts)?
                    .provide()
                    .await
            }
        }
    }
}

/// A profile names a file: no path separators, not `.` or `..`, no control characters.
fn check_profile_name(profile: &str) -> Result<(), CredentialError> {
    let reason = if profile.is_empty() {
        Some("it is empty")
    } else if profile == "." || profile == ".." || profile.contains(['/', '\\']) {
        Some("it would leave the tccli directory")
    } else if profile.chars().any(char::is_control) {
        Some("it contains a control character")
    } else {
        None
    };
    match reason {
        Some(reason) => Err(CredentialError::InvalidProfileName {
            profile: profile.to_owned(),
            reason,
        }),
        None => Ok(()),
    }
}

impl ProvideCredential for TccliProfileProvider {
    fn provide(&self) -> CredentialFuture<'_> {
        Box::pin(self.read())
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::super::test_support::{ID, KEY, TOKEN, TempDir};
    use super::*;

    fn env(vars: &[(&str, &Path)]) -> Environment {
        Environment::from_vars(
            vars.iter()
                .map(|(k, v)| (k.to_string(), v.as_os_str().to_owned())),
        )
    }

    fn in_home(file: &str, contents: &str) -> (TempDir, TccliProfileProvider) {
        let home = TempDir::new();
        home.write(&format!(".tccli/{file}"), contents);
        let provider = TccliProfileProvider::with_environment(env(&[(HOME_VAR, home.path())]));
        (home, provider)
    }

    #[tokio::test]
    async fn reads_the_default_profile_under_home() {
        let (_home, provider) = in_home(
            "default.credential",
            &format!(r#"{{"secretId": "{ID}", "secretKey": "{KEY}"}}"#),
        );
        let cred = provider.provide().await.unwrap();
        assert_eq!((cred.secret_id(), cred.secret_key()), (ID, KEY));
        assert_eq!(cred.token(), None);
        assert_eq!(cred.expires_at(), None);
    }

    #[tokio::test]
    async fn reads_token_and_expiry_of_a_login_session() {
        let (_home, provider) = in_home(
            "default.credential",
            &format!(
                r#"{{"type": "oauth", "secretId": "{ID}", "secretKey": "{KEY}", "token": "{TOKEN}",
                    "expiresAt": 1700000000, "oauth": {{"openId": "x", "site": "cn"}}}}"#
            ),
        );
        let cred = provider.provide().await.unwrap();
        assert_eq!(cred.token(), Some(TOKEN));
        assert_eq!(
            cred.expires_at(),
            Some(UNIX_EPOCH + Duration::from_secs(1_700_000_000))
        );
    }

    #[tokio::test]
    async fn profile_from_builder_beats_tccli_profile() {
        let home = TempDir::new();
        home.write(
            ".tccli/prod.credential",
            format!(r#"{{"secretId": "AKIDprod", "secretKey": "{KEY}"}}"#),
        );
        home.write(
            ".tccli/env.credential",
            format!(r#"{{"secretId": "AKIDenv", "secretKey": "{KEY}"}}"#),
        );
        let vars = Environment::from_vars([
            (HOME_VAR.to_owned(), home.path().as_os_str().to_owned()),
            (ENV_TCCLI_PROFILE.to_owned(), "env".into()),
        ]);
        let provider = TccliProfileProvider::with_environment(vars);
        assert_eq!(provider.provide().await.unwrap().secret_id(), "AKIDenv");
        let provider = provider.profile("prod");
        assert_eq!(provider.provide().await.unwrap().secret_id(), "AKIDprod");
    }

    #[tokio::test]
    async fn absent_default_file_is_not_configured_but_a_chosen_one_is_an_error() {
        let home = TempDir::new();
        let provider = TccliProfileProvider::with_environment(env(&[(HOME_VAR, home.path())]));
        let err = provider.provide().await.unwrap_err();
        assert!(err.is_not_configured(), "{err:?}");
        let err = provider.profile("prod").provide().await.unwrap_err();
        match err {
            CredentialError::FileNotFound { path } => {
                assert_eq!(path, home.path().join(".tccli").join("prod.credential"))
            }
            other => panic!("{other:?}"),
        }
        let err = TccliProfileProvider::with_environment(env(&[]))
            .provide()
            .await
            .unwrap_err();
        assert!(err.is_not_configured(), "{err:?}");
    }

    #[tokio::test]
    async fn cvm_role_type_defers_to_the_cvm_step() {
        let (_home, provider) = in_home("default.credential", r#"{"type": "cvm-role"}"#);
        let err = provider.provide().await.unwrap_err();
        assert!(err.is_not_configured(), "{err:?}");
        assert!(err.to_string().contains("cvm-role"), "{err}");
    }

    fn malformed(err: CredentialError) -> JsonProblem {
        match err {
            CredentialError::MalformedTccliFile { problem, .. } => problem,
            other => panic!("expected MalformedTccliFile, got {other:?}"),
        }
    }

    #[tokio::test]
    async fn parsing_errors_name_position_never_values() {
        let (_home, provider) = in_home(
            "default.credential",
            &format!("{{\n  \"secretId\": \"{ID}\",\n  \"secretKey\": \"{KEY}\"\n"),
        );
        let err = provider.provide().await.unwrap_err();
        assert!(!format!("{err} {err:?}").contains(KEY));
        assert!(matches!(
            malformed(err),
            JsonProblem::Syntax { line: 4, .. }
        ));

        let (_home, provider) = in_home(
            "default.credential",
            &format!("{{\"secretId\": \"{ID}\",\n \"secretKey\": 12345}}"),
        );
        let err = provider.provide().await.unwrap_err();
        assert!(!format!("{err} {err:?}").contains("12345"));
        assert!(matches!(
            malformed(err),
            JsonProblem::WrongType { line: 2, .. }
        ));

        let (_home, provider) = in_home("default.credential", "[1, 2]");
        assert!(matches!(
            malformed(provider.provide().await.unwrap_err()),
            JsonProblem::WrongType { line: 1, .. }
        ));
    }

    #[tokio::test]
    async fn missing_and_invalid_keys_are_named() {
        let (_home, provider) =
            in_home("default.credential", &format!(r#"{{"secretId": "{ID}"}}"#));
        match provider.provide().await.unwrap_err() {
            CredentialError::MissingProfileKey { key, profile, .. } => {
                assert_eq!((key, profile.as_str()), (KEY_SECRET_KEY, "default"))
            }
            other => panic!("{other:?}"),
        }
        let (_home, provider) = in_home(
            "default.credential",
            &format!(r#"{{"secretId": "{ID}", "secretKey": " {KEY}"}}"#),
        );
        let err = provider.provide().await.unwrap_err();
        assert!(!format!("{err} {err:?}").contains(KEY));
        match err {
            CredentialError::InvalidProfileValue { key, problem, .. } => {
                assert_eq!((key, problem), (KEY_SECRET_KEY, ValueProblem::Padded))
            }
            other => panic!("{other:?}"),
        }
        let (_home, provider) = in_home(
            "default.credential",
            &format!(
                r#"{{"secretId": "{ID}", "secretKey": "{KEY}", "role-arn": "qcs::cam::uin/1:roleName/r"}}"#
            ),
        );
        match provider.provide().await.unwrap_err() {
            CredentialError::MissingProfileKey { key, .. } => {
                assert_eq!(key, KEY_ROLE_SESSION_NAME)
            }
            other => panic!("{other:?}"),
        }
        // Negative, past what a Duration holds, and past what a SystemTime holds.
        for expires_at in ["-1", "0", "1e20", "1.8e19", "1e300"] {
            let (_home, provider) = in_home(
                "default.credential",
                &format!(
                    r#"{{"secretId": "{ID}", "secretKey": "{KEY}", "expiresAt": {expires_at}}}"#
                ),
            );
            match provider.provide().await.unwrap_err() {
                CredentialError::InvalidProfileValue { key, problem, .. } => {
                    assert_eq!(key, KEY_EXPIRES_AT, "{expires_at}");
                    assert_eq!(problem, ValueProblem::NotAUnixTime, "{expires_at}");
                }
                other => panic!("{expires_at}: {other:?}"),
            }
        }
    }

    #[tokio::test]
    async fn profile_names_that_leave_the_directory_are_refused() {
        let home = TempDir::new();
        for bad in ["../x", "a/b", "..", "a\\b", ""] {
            let err = TccliProfileProvider::with_environment(env(&[(HOME_VAR, home.path())]))
                .profile(bad)
                .provide()
                .await
                .unwrap_err();
            assert!(
                matches!(err, CredentialError::InvalidProfileName { .. }),
                "{bad}: {err:?}"
            );
        }
    }
}
