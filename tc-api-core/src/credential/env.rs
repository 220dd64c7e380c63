//! Credentials from `TENCENTCLOUD_SECRET_ID`, `TENCENTCLOUD_SECRET_KEY` and the optional
//! `TENCENTCLOUD_SESSION_TOKEN` (the official SDKs read the first two).

use zeroize::Zeroizing;

use super::{
    Credential, CredentialError, CredentialFuture, Environment, ProvideCredential, ValueProblem,
};

/// Variable holding the secret id.
pub const ENV_SECRET_ID: &str = "TENCENTCLOUD_SECRET_ID";
/// Variable holding the secret key.
pub const ENV_SECRET_KEY: &str = "TENCENTCLOUD_SECRET_KEY";
/// Variable holding the session token of a temporary key (optional).
pub const ENV_SESSION_TOKEN: &str = "TENCENTCLOUD_SESSION_TOKEN";

/// Reads the key pair (and optional token) from environment variables at each call.
///
/// Neither id nor key set: [`CredentialError::NotConfigured`]. Only one of them, or a token
/// without them: [`CredentialError::MissingEnvVar`] naming the missing one. A set variable
/// that is empty, whitespace-padded or not UTF-8 is an error naming it.
#[derive(Debug, Clone, Default)]
pub struct EnvProvider {
    env: Environment,
}

impl EnvProvider {
    /// Reads the process environment.
    pub fn new() -> Self {
        Self::default()
    }

    /// Reads `env` instead of the process environment.
    pub fn with_environment(env: Environment) -> Self {
        Self { env }
    }

    fn read(&self) -> Result<Credential, CredentialError> {
        let secret_id = self.env.var(ENV_SECRET_ID)?;
        let secret_key = self.env.var(ENV_SECRET_KEY)?.map(Zeroizing::new);
        let token = self.env.var(ENV_SESSION_TOKEN)?.map(Zeroizing::new);

        let (secret_id, mut secret_key) = match (secret_id, secret_key) {
            (Some(id), Some(key)) => (id, key),
            (Some(_), None) => {
                return Err(CredentialError::MissingEnvVar {
                    var: ENV_SECRET_KEY,
                });
            }
            (None, Some(_)) => return Err(CredentialError::MissingEnvVar { var: ENV_SECRET_ID }),
            // A lone token means the user meant to configure the environment.
            (None, None) if token.is_some() => {
                return Err(CredentialError::MissingEnvVar { var: ENV_SECRET_ID });
            }
            (None, None) => {
                return Err(CredentialError::NotConfigured {
                    reason: format!("neither {ENV_SECRET_ID} nor {ENV_SECRET_KEY} is set").into(),
                });
            }
        };

        check_var(ENV_SECRET_ID, &secret_id)?;
        check_var(ENV_SECRET_KEY, &secret_key)?;
        // `take` moves the strings into the credential without leaving a copy behind.
        let credential = Credential::new(secret_id, std::mem::take(&mut *secret_key))?;
        match token {
            Some(mut token) => {
                check_var(ENV_SESSION_TOKEN, &token)?;
                credential.with_token(std::mem::take(&mut *token))
            }
            None => Ok(credential),
        }
    }
}

fn check_var(var: &'static str, value: &str) -> Result<(), CredentialError> {
    ValueProblem::check(value).map_err(|problem| CredentialError::InvalidEnvVar { var, problem })
}

impl ProvideCredential for EnvProvider {
    fn provide(&self) -> CredentialFuture<'_> {
        Box::pin(async move { self.read() })
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{ID, KEY, TOKEN};
    use super::*;

    async fn provide(vars: &[(&str, &str)]) -> Result<Credential, CredentialError> {
        let vars: Vec<(String, String)> = vars
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        EnvProvider::with_environment(Environment::from_vars(vars))
            .provide()
            .await
    }

    #[tokio::test]
    async fn reads_id_and_key() {
        let cred = provide(&[(ENV_SECRET_ID, ID), (ENV_SECRET_KEY, KEY)])
            .await
            .unwrap();
        assert_eq!(cred.secret_id(), ID);
        assert_eq!(cred.secret_key(), KEY);
        assert_eq!(cred.token(), None);
    }

    #[tokio::test]
    async fn reads_session_token() {
        let cred = provide(&[
            (ENV_SECRET_ID, ID),
            (ENV_SECRET_KEY, KEY),
            (ENV_SESSION_TOKEN, TOKEN),
        ])
        .await
        .unwrap();
        assert_eq!(cred.token(), Some(TOKEN));
    }

    #[tokio::test]
    async fn nothing_set_is_not_configured() {
        let err = provide(&[("UNRELATED", "x")]).await.unwrap_err();
        assert!(err.is_not_configured(), "{err:?}");
        let text = err.to_string();
        assert!(
            text.contains(ENV_SECRET_ID) && text.contains(ENV_SECRET_KEY),
            "{text}"
        );
    }

    #[tokio::test]
    async fn id_without_key_names_the_key() {
        let err = provide(&[(ENV_SECRET_ID, ID)]).await.unwrap_err();
        assert!(!err.is_not_configured());
        match err {
            CredentialError::MissingEnvVar { var } => assert_eq!(var, ENV_SECRET_KEY),
            other => panic!("expected MissingEnvVar, got {other:?}"),
        }
    }

    #[tokio::test]
    async fn key_without_id_names_the_id() {
        let err = provide(&[(ENV_SECRET_KEY, KEY)]).await.unwrap_err();
        match &err {
            CredentialError::MissingEnvVar { var } => assert_eq!(*var, ENV_SECRET_ID),
            other => panic!("expected MissingEnvVar, got {other:?}"),
        }
        assert!(!format!("{err} {err:?}").contains(KEY));
    }

    #[tokio::test]
    async fn token_alone_names_the_id() {
        let err = provide(&[(ENV_SESSION_TOKEN, TOKEN)]).await.unwrap_err();
        assert!(matches!(
            err,
            CredentialError::MissingEnvVar { var: ENV_SECRET_ID }
        ));
    }

    fn invalid_var(err: CredentialError) -> (&'static str, ValueProblem) {
        match err {
            CredentialError::InvalidEnvVar { var, problem } => (var, problem),
            other => panic!("expected InvalidEnvVar, got {other:?}"),
        }
    }

    #[tokio::test]
    async fn empty_id_names_the_variable() {
        let err = provide(&[(ENV_SECRET_ID, ""), (ENV_SECRET_KEY, KEY)])
            .await
            .unwrap_err();
        assert_eq!(invalid_var(err), (ENV_SECRET_ID, ValueProblem::Empty));
    }

    #[tokio::test]
    async fn padded_key_names_the_variable_without_its_value() {
        let padded = format!("{KEY} ");
        let err = provide(&[(ENV_SECRET_ID, ID), (ENV_SECRET_KEY, &padded)])
            .await
            .unwrap_err();
        let text = format!("{err} {err:?}");
        assert!(text.contains(ENV_SECRET_KEY), "{text}");
        assert!(!text.contains(KEY), "{text}");
        assert_eq!(invalid_var(err), (ENV_SECRET_KEY, ValueProblem::Padded));
    }

    #[tokio::test]
    async fn empty_token_names_the_variable() {
        let err = provide(&[
            (ENV_SECRET_ID, ID),
            (ENV_SECRET_KEY, KEY),
            (ENV_SESSION_TOKEN, ""),
        ])
        .await
        .unwrap_err();
        assert_eq!(invalid_var(err), (ENV_SESSION_TOKEN, ValueProblem::Empty));
    }

    #[tokio::test]
    async fn padded_token_names_the_variable() {
        let padded = format!("\t{TOKEN}");
        let err = provide(&[
            (ENV_SECRET_ID, ID),
            (ENV_SECRET_KEY, KEY),
            (ENV_SESSION_TOKEN, &padded),
        ])
        .await
        .unwrap_err();
        assert_eq!(invalid_var(err), (ENV_SESSION_TOKEN, ValueProblem::Padded));
    }

    #[cfg(unix)]
    #[tokio::test]
    async fn non_utf8_key_names_the_variable() {
        use std::ffi::OsString;
        use std::os::unix::ffi::OsStringExt;
        let env = Environment::from_vars([
            (ENV_SECRET_ID, OsString::from(ID)),
            (ENV_SECRET_KEY, OsString::from_vec(vec![b'k', 0xfe, b'y'])),
        ]);
        let err = EnvProvider::with_environment(env)
            .provide()
            .await
            .unwrap_err();
        assert!(matches!(
            err,
            CredentialError::EnvVarNotUnicode {
                var: ENV_SECRET_KEY
            }
        ));
    }

    #[test]
    fn debug_shows_no_values() {
        let provider = EnvProvider::with_environment(Environment::from_vars([
            (ENV_SECRET_ID, ID),
            (ENV_SECRET_KEY, KEY),
            (ENV_SESSION_TOKEN, TOKEN),
        ]));
        let text = format!("{provider:?}");
        assert!(!text.contains(KEY) && !text.contains(TOKEN), "{text}");
    }
}
