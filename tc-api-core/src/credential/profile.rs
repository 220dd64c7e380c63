//! Credentials from the INI profile file the official SDKs read:
//! `TENCENTCLOUD_CREDENTIALS_FILE`, else `~/.tencentcloud/credentials`, one section per
//! profile with keys `secret_id`, `secret_key` and optional `token`.

use std::ffi::OsString;
use std::path::PathBuf;
use std::sync::Arc;

use zeroize::Zeroizing;

use super::environment::HOME_VAR;
use super::ini::IniFile;
use super::{
    Credential, CredentialError, CredentialFuture, Environment, ProvideCredential, ValueProblem,
};

/// Variable naming the credentials file, overriding `~/.tencentcloud/credentials`.
pub const ENV_CREDENTIALS_FILE: &str = "TENCENTCLOUD_CREDENTIALS_FILE";
/// Variable naming the profile (section) to read, as the Terraform provider and tccli
/// wrappers use it; the official SDKs always read `[default]`, which stays the default.
pub const ENV_PROFILE: &str = "TENCENTCLOUD_PROFILE";
/// The profile read when none is chosen.
pub const DEFAULT_PROFILE: &str = "default";

const KEY_SECRET_ID: &str = "secret_id";
const KEY_SECRET_KEY: &str = "secret_key";
const KEY_TOKEN: &str = "token";

/// Reads one profile of an INI credentials file at each call:
///
/// ```ini
/// [default]
/// secret_id = AKID...
/// secret_key = ...
/// # token = ...   (temporary keys only)
/// ```
///
/// The file is the one given to [`file`](Self::file), else `$TENCENTCLOUD_CREDENTIALS_FILE`,
/// else `$HOME/.tencentcloud/credentials`; the profile is the one given to
/// [`profile`](Self::profile), else `$TENCENTCLOUD_PROFILE`, else `default`.
///
/// Only an absent default file with no profile chosen is
/// [`NotConfigured`](CredentialError::NotConfigured); a file or profile that was asked
/// for and is missing, a malformed line, a missing profile or key, and an unusable value
/// are errors naming the path, line, profile and key. The file is small and read with
/// blocking I/O inside the future.
#[derive(Debug, Clone, Default)]
pub struct ProfileProvider {
    env: Environment,
    file: Option<PathBuf>,
    profile: Option<String>,
}

/// Where to look, and whether the user asked for it (then absence is an error).
struct Location {
    path: PathBuf,
    profile: String,
    requested: bool,
}

impl ProfileProvider {
    /// Locates the file and profile through the process environment.
    pub fn new() -> Self {
        Self::default()
    }

    /// Locates the file and profile through `env` instead of the process environment.
    pub fn with_environment(env: Environment) -> Self {
        Self {
            env,
            ..Self::default()
        }
    }

    /// Reads this file, ignoring `TENCENTCLOUD_CREDENTIALS_FILE` and the home directory.
    pub fn file(mut self, path: impl Into<PathBuf>) -> Self {
        self.file = Some(path.into());
        self
    }

    /// Reads this profile, ignoring `TENCENTCLOUD_PROFILE`.
    pub fn profile(mut self, name: impl Into<String>) -> Self {
        self.profile = Some(name.into());
        self
    }

    fn locate(&self) -> Result<Location, CredentialError> {
        let (profile, profile_requested) = match (&self.profile, self.env.var(ENV_PROFILE)?) {
            (Some(name), _) => (name.clone(), true),
            (None, Some(name)) => {
                check_var(ENV_PROFILE, &name)?;
                (name, true)
            }
            (None, None) => (DEFAULT_PROFILE.to_owned(), false),
        };
        if let Some(path) = &self.file {
            return Ok(Location {
                path: path.clone(),
                profile,
                requested: true,
            });
        }
        if let Some(path) = self.env.var_os(ENV_CREDENTIALS_FILE) {
            check_path_var(ENV_CREDENTIALS_FILE, &path)?;
            return Ok(Location {
                path: path.into(),
                profile,
                requested: true,
            });
        }
        match self.env.home_dir() {
            Some(home) => Ok(Location {
                path: home.join(".tencentcloud").join("credentials"),
                profile,
                requested: profile_requested,
            }),
            None if profile_requested => Err(CredentialError::MissingEnvVar { var: HOME_VAR }),
            None => Err(CredentialError::NotConfigured {
                reason: format!(
                    "{ENV_CREDENTIALS_FILE} is not set and {HOME_VAR} is not set to find \
                     .tencentcloud/credentials"
                )
                .into(),
            }),
        }
    }

    fn read(&self) -> Result<Credential, CredentialError> {
        let Location {
            path,
            profile,
            requested,
        } = self.locate()?;
        let bytes = match std::fs::read(&path) {
            Ok(bytes) => Zeroizing::new(bytes),
            Err(err) if err.kind() == std::io::ErrorKind::NotFound => {
                return Err(if requested {
                    CredentialError::FileNotFound { path }
                } else {
                    CredentialError::NotConfigured {
                        reason: format!("no credentials file at {path:?}").into(),
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
        // `Utf8Error` carries no file contents, unlike `FromUtf8Error`.
        let text = match std::str::from_utf8(&bytes) {
            Ok(text) => text,
            Err(err) => {
                return Err(CredentialError::FileRead {
                    path,
                    source: Arc::new(std::io::Error::new(std::io::ErrorKind::InvalidData, err)),
                });
            }
        };
        let file = IniFile::parse(text).map_err(|err| CredentialError::MalformedFile {
            path: path.clone(),
            line: err.line,
            problem: err.problem,
        })?;
        let Some(section) = file.section(&profile) else {
            return Err(CredentialError::ProfileNotFound { profile, path });
        };
        let value = |key: &'static str| -> Result<Option<&str>, CredentialError> {
            let Some(value) = section.get(key) else {
                return Ok(None);
            };
            ValueProblem::check(value).map_err(|problem| CredentialError::InvalidProfileValue {
                key,
                profile: profile.clone(),
                path: path.clone(),
                problem,
            })?;
            Ok(Some(value))
        };
        let required = |key: &'static str| -> Result<&str, CredentialError> {
            value(key)?.ok_or_else(|| CredentialError::MissingProfileKey {
                key,
                profile: profile.clone(),
                path: path.clone(),
            })
        };
        let credential = Credential::new(required(KEY_SECRET_ID)?, required(KEY_SECRET_KEY)?)?;
        match value(KEY_TOKEN)? {
            Some(token) => credential.with_token(token),
            None => Ok(credential),
        }
    }
}

fn check_var(var: &'static str, value: &str) -> Result<(), CredentialError> {
    ValueProblem::check(value).map_err(|problem| CredentialError::InvalidEnvVar { var, problem })
}

/// A path variable need not be UTF-8; when it is, it is checked like any other value.
fn check_path_var(var: &'static str, value: &OsString) -> Result<(), CredentialError> {
    if value.is_empty() {
        return Err(CredentialError::InvalidEnvVar {
            var,
            problem: ValueProblem::Empty,
        });
    }
    match value.to_str() {
        Some(text) => check_var(var, text),
        None => Ok(()),
    }
}

impl ProvideCredential for ProfileProvider {
    fn provide(&self) -> CredentialFuture<'_> {
        Box::pin(async move { self.read() })
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::super::test_support::{ID, KEY, TOKEN, TempDir, default_profile_file};
    use super::super::{IniProblem, ValueProblem};
    use super::*;

    /// An environment with only `vars`, so the real HOME never leaks into a test.
    fn env(vars: &[(&str, &Path)]) -> Environment {
        Environment::from_vars(
            vars.iter()
                .map(|(k, v)| (k.to_string(), v.as_os_str().to_owned())),
        )
    }

    fn in_file(contents: &str) -> (TempDir, ProfileProvider) {
        let dir = TempDir::new();
        let path = dir.write("credentials", contents);
        let provider = ProfileProvider::with_environment(env(&[])).file(path);
        (dir, provider)
    }

    #[tokio::test]
    async fn reads_default_profile_under_home() {
        let home = TempDir::new();
        home.write(".tencentcloud/credentials", default_profile_file());
        let provider = ProfileProvider::with_environment(env(&[(HOME_VAR, home.path())]));
        let cred = provider.provide().await.unwrap();
        assert_eq!(cred.secret_id(), ID);
        assert_eq!(cred.secret_key(), KEY);
        assert_eq!(cred.token(), None);
    }

    #[tokio::test]
    async fn credentials_file_variable_overrides_home() {
        let dir = TempDir::new();
        let path = dir.write("custom.ini", "[default]\nsecret_id=other\nsecret_key=k2\n");
        dir.write(".tencentcloud/credentials", default_profile_file());
        let provider = ProfileProvider::with_environment(env(&[
            (HOME_VAR, dir.path()),
            (ENV_CREDENTIALS_FILE, &path),
        ]));
        assert_eq!(provider.provide().await.unwrap().secret_id(), "other");
    }

    #[tokio::test]
    async fn profile_variable_selects_section_and_reads_token() {
        let (_dir, provider) = in_file(&format!(
            "[default]\nsecret_id = wrong\nsecret_key = wrong\n\n[prod]\nsecret_id = {ID}\nsecret_key = {KEY}\ntoken = {TOKEN}\n"
        ));
        let provider = ProfileProvider {
            env: Environment::from_vars([(ENV_PROFILE, "prod")]),
            ..provider
        };
        let cred = provider.provide().await.unwrap();
        assert_eq!(cred.secret_id(), ID);
        assert_eq!(cred.token(), Some(TOKEN));
    }

    #[tokio::test]
    async fn builder_profile_beats_profile_variable() {
        let (_dir, provider) = in_file(&format!(
            "[env]\nsecret_id = wrong\nsecret_key = wrong\n[chosen]\nsecret_id = {ID}\nsecret_key = {KEY}\n"
        ));
        let provider = ProfileProvider {
            env: Environment::from_vars([(ENV_PROFILE, "env")]),
            ..provider
        }
        .profile("chosen");
        assert_eq!(provider.provide().await.unwrap().secret_id(), ID);
    }

    #[tokio::test]
    async fn tolerates_comments_quotes_colons_and_other_keys() {
        let (_dir, provider) = in_file(&format!(
            "; written by hand\r\n[default]\r\n# the id\r\nsecret_id : \"{ID}\"\r\nsecret_key=   {KEY}\r\nregion = ap-guangzhou\r\n"
        ));
        let cred = provider.provide().await.unwrap();
        assert_eq!((cred.secret_id(), cred.secret_key()), (ID, KEY));
    }

    #[tokio::test]
    async fn missing_default_file_is_not_configured() {
        let home = TempDir::new();
        let err = ProfileProvider::with_environment(env(&[(HOME_VAR, home.path())]))
            .provide()
            .await
            .unwrap_err();
        assert!(err.is_not_configured(), "{err:?}");
        assert!(err.to_string().contains(".tencentcloud"), "{err}");
    }

    #[tokio::test]
    async fn no_home_and_no_file_variable_is_not_configured() {
        let err = ProfileProvider::with_environment(env(&[]))
            .provide()
            .await
            .unwrap_err();
        assert!(err.is_not_configured(), "{err:?}");
        assert!(err.to_string().contains(HOME_VAR), "{err}");
    }

    #[tokio::test]
    async fn chosen_profile_without_home_names_home() {
        let err = ProfileProvider::with_environment(env(&[]))
            .profile("prod")
            .provide()
            .await
            .unwrap_err();
        assert!(
            matches!(err, CredentialError::MissingEnvVar { var: HOME_VAR }),
            "{err:?}"
        );
    }

    fn assert_file_not_found(err: CredentialError, expected: &Path) {
        match err {
            CredentialError::FileNotFound { path } => assert_eq!(path, expected),
            other => panic!("expected FileNotFound, got {other:?}"),
        }
    }

    #[tokio::test]
    async fn missing_file_from_variable_names_the_path() {
        let dir = TempDir::new();
        let path = dir.path().join("nope.ini");
        let err = ProfileProvider::with_environment(env(&[(ENV_CREDENTIALS_FILE, &path)]))
            .provide()
            .await
            .unwrap_err();
        assert!(err.to_string().contains("nope.ini"), "{err}");
        assert_file_not_found(err, &path);
    }

    #[tokio::test]
    async fn missing_file_from_builder_names_the_path() {
        let dir = TempDir::new();
        let path = dir.path().join("absent");
        let err = ProfileProvider::with_environment(env(&[]))
            .file(&path)
            .provide()
            .await
            .unwrap_err();
        assert_file_not_found(err, &path);
    }

    #[tokio::test]
    async fn missing_default_file_with_chosen_profile_is_an_error() {
        let home = TempDir::new();
        let err = ProfileProvider::with_environment(env(&[(HOME_VAR, home.path())]))
            .profile("prod")
            .provide()
            .await
            .unwrap_err();
        assert_file_not_found(err, &home.path().join(".tencentcloud").join("credentials"));
    }

    #[tokio::test]
    async fn empty_file_variable_names_the_variable() {
        let err = ProfileProvider::with_environment(env(&[(ENV_CREDENTIALS_FILE, Path::new(""))]))
            .provide()
            .await
            .unwrap_err();
        assert!(matches!(
            err,
            CredentialError::InvalidEnvVar {
                var: ENV_CREDENTIALS_FILE,
                problem: ValueProblem::Empty
            }
        ));
    }

    #[tokio::test]
    async fn padded_profile_variable_names_the_variable() {
        let (_dir, provider) = in_file(&default_profile_file());
        let provider = ProfileProvider {
            env: Environment::from_vars([(ENV_PROFILE, "prod ")]),
            ..provider
        };
        let err = provider.provide().await.unwrap_err();
        assert!(matches!(
            err,
            CredentialError::InvalidEnvVar {
                var: ENV_PROFILE,
                problem: ValueProblem::Padded
            }
        ));
    }

    #[tokio::test]
    async fn directory_instead_of_file_is_a_read_error() {
        let dir = TempDir::new();
        let err = ProfileProvider::with_environment(env(&[]))
            .file(dir.path())
            .provide()
            .await
            .unwrap_err();
        match err {
            CredentialError::FileRead { path, .. } => assert_eq!(path, dir.path()),
            other => panic!("expected FileRead, got {other:?}"),
        }
    }

    #[tokio::test]
    async fn non_utf8_file_is_a_read_error_without_contents() {
        let dir = TempDir::new();
        let mut contents = format!("[default]\nsecret_id = {ID}\nsecret_key = {KEY}").into_bytes();
        contents.push(0xff);
        let path = dir.write("credentials", contents);
        let err = ProfileProvider::with_environment(env(&[]))
            .file(&path)
            .provide()
            .await
            .unwrap_err();
        let text = format!("{err} {err:?}");
        assert!(!text.contains(KEY), "{text}");
        match err {
            CredentialError::FileRead { path: p, source } => {
                assert_eq!(p, path);
                assert_eq!(source.kind(), std::io::ErrorKind::InvalidData);
            }
            other => panic!("expected FileRead, got {other:?}"),
        }
    }

    #[tokio::test]
    async fn malformed_line_names_path_and_line_without_its_text() {
        let (dir, provider) = in_file(&format!("[default]\nsecret_id = {ID}\n{KEY}\n"));
        let err = provider.provide().await.unwrap_err();
        let text = format!("{err} {err:?}");
        assert!(!text.contains(KEY), "{text}");
        assert!(text.contains("line 3"), "{text}");
        match err {
            CredentialError::MalformedFile {
                path,
                line,
                problem,
            } => {
                assert_eq!(path, dir.path().join("credentials"));
                assert_eq!(line, 3);
                assert_eq!(problem, IniProblem::MissingSeparator);
            }
            other => panic!("expected MalformedFile, got {other:?}"),
        }
    }

    #[tokio::test]
    async fn missing_profile_names_profile_and_path() {
        let (dir, provider) = in_file(&default_profile_file());
        let err = provider.profile("staging").provide().await.unwrap_err();
        let text = err.to_string();
        assert!(text.contains("[staging]"), "{text}");
        match err {
            CredentialError::ProfileNotFound { profile, path } => {
                assert_eq!(profile, "staging");
                assert_eq!(path, dir.path().join("credentials"));
            }
            other => panic!("expected ProfileNotFound, got {other:?}"),
        }
    }

    fn missing_key(err: CredentialError) -> (&'static str, String) {
        match err {
            CredentialError::MissingProfileKey { key, profile, .. } => (key, profile),
            other => panic!("expected MissingProfileKey, got {other:?}"),
        }
    }

    #[tokio::test]
    async fn missing_secret_id_names_key_and_profile() {
        let (_dir, provider) = in_file(&format!("[default]\nsecret_key = {KEY}\n"));
        let err = provider.provide().await.unwrap_err();
        assert!(err.to_string().contains("credentials"), "{err}");
        assert_eq!(
            missing_key(err),
            (KEY_SECRET_ID, DEFAULT_PROFILE.to_owned())
        );
    }

    #[tokio::test]
    async fn missing_secret_key_names_key_and_profile() {
        let (_dir, provider) = in_file(&format!("[p]\nsecret_id = {ID}\n"));
        let err = provider.profile("p").provide().await.unwrap_err();
        assert_eq!(missing_key(err), (KEY_SECRET_KEY, "p".to_owned()));
    }

    fn invalid_value(err: CredentialError) -> (&'static str, ValueProblem) {
        match err {
            CredentialError::InvalidProfileValue { key, problem, .. } => (key, problem),
            other => panic!("expected InvalidProfileValue, got {other:?}"),
        }
    }

    #[tokio::test]
    async fn empty_secret_key_names_the_key() {
        let (_dir, provider) = in_file(&format!("[default]\nsecret_id = {ID}\nsecret_key =\n"));
        let err = provider.provide().await.unwrap_err();
        assert_eq!(invalid_value(err), (KEY_SECRET_KEY, ValueProblem::Empty));
    }

    #[tokio::test]
    async fn quoted_padded_secret_id_names_the_key() {
        let (_dir, provider) = in_file(&format!(
            "[default]\nsecret_id = \" {ID}\"\nsecret_key = {KEY}\n"
        ));
        let err = provider.provide().await.unwrap_err();
        assert_eq!(invalid_value(err), (KEY_SECRET_ID, ValueProblem::Padded));
    }

    #[tokio::test]
    async fn empty_token_names_the_key() {
        let (_dir, provider) = in_file(&format!("{}token = ''\n", default_profile_file()));
        let err = provider.provide().await.unwrap_err();
        assert_eq!(invalid_value(err), (KEY_TOKEN, ValueProblem::Empty));
    }

    #[test]
    fn debug_shows_location_settings_not_secrets() {
        let provider = ProfileProvider::with_environment(Environment::from_vars([(
            "TENCENTCLOUD_SECRET_KEY",
            KEY,
        )]))
        .file("/etc/x")
        .profile("prod");
        let text = format!("{provider:?}");
        assert!(text.contains("prod") && text.contains("/etc/x"), "{text}");
        assert!(!text.contains(KEY), "{text}");
    }
}
