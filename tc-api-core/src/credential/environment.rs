//! Where providers read environment variables from: the process environment, or an
//! injected lookup so tests (and embedders) never mutate the real one.

use std::collections::HashMap;
use std::ffi::OsString;
use std::fmt;
use std::sync::Arc;

use super::CredentialError;

type Lookup = dyn Fn(&str) -> Option<OsString> + Send + Sync;

/// The variable holding the home directory, as the Go SDK and tccli read it.
pub(crate) const HOME_VAR: &str = if cfg!(windows) { "USERPROFILE" } else { "HOME" };

/// A source of environment variables.
///
/// `Debug` never shows values: the environment holds secrets.
#[derive(Clone)]
pub struct Environment {
    source: Source,
}

#[derive(Clone)]
enum Source {
    Process,
    Vars(Arc<HashMap<String, OsString>>),
    Custom(Arc<Lookup>),
}

impl Environment {
    /// The variables of this process (`std::env::var_os`), read at each lookup.
    pub fn process() -> Self {
        Self {
            source: Source::Process,
        }
    }

    /// A fixed set of variables; any other name is unset.
    pub fn from_vars<I, K, V>(vars: I) -> Self
    where
        I: IntoIterator<Item = (K, V)>,
        K: Into<String>,
        V: Into<OsString>,
    {
        let vars = vars
            .into_iter()
            .map(|(name, value)| (name.into(), value.into()))
            .collect();
        Self {
            source: Source::Vars(Arc::new(vars)),
        }
    }

    /// Any lookup function, e.g. one backed by a configuration system.
    pub fn from_fn(lookup: impl Fn(&str) -> Option<OsString> + Send + Sync + 'static) -> Self {
        Self {
            source: Source::Custom(Arc::new(lookup)),
        }
    }

    /// The raw value of `name`, `None` when unset. Paths use this: they need not be UTF-8.
    pub fn var_os(&self, name: &str) -> Option<OsString> {
        match &self.source {
            Source::Process => std::env::var_os(name),
            Source::Vars(vars) => vars.get(name).cloned(),
            Source::Custom(lookup) => lookup(name),
        }
    }

    /// The value of `name` as UTF-8, `Ok(None)` when unset; a value that is not UTF-8 is
    /// an error naming the variable rather than being treated as unset.
    pub(crate) fn var(&self, name: &'static str) -> Result<Option<String>, CredentialError> {
        self.var_os(name)
            .map(|value| {
                value
                    .into_string()
                    .map_err(|_| CredentialError::EnvVarNotUnicode { var: name })
            })
            .transpose()
    }

    /// The home directory (`$HOME`, `%USERPROFILE%` on Windows), `None` when unset or
    /// empty.
    pub(crate) fn home_dir(&self) -> Option<std::path::PathBuf> {
        self.var_os(HOME_VAR)
            .filter(|home| !home.is_empty())
            .map(Into::into)
    }
}

impl Default for Environment {
    fn default() -> Self {
        Self::process()
    }
}

impl fmt::Debug for Environment {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.source {
            Source::Process => f.write_str("Environment::Process"),
            Source::Vars(vars) => {
                let mut names: Vec<&str> = vars.keys().map(String::as_str).collect();
                names.sort_unstable();
                f.debug_tuple("Environment::Vars").field(&names).finish()
            }
            Source::Custom(_) => f.write_str("Environment::Custom"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn from_vars_answers_only_its_names() {
        let env = Environment::from_vars([("A", "1")]);
        assert_eq!(env.var("A").unwrap().as_deref(), Some("1"));
        assert_eq!(env.var("B").unwrap(), None);
    }

    #[test]
    fn from_fn_is_consulted() {
        let env = Environment::from_fn(|name| (name == "X").then(|| OsString::from("y")));
        assert_eq!(env.var_os("X"), Some(OsString::from("y")));
        assert_eq!(env.var_os("Y"), None);
    }

    #[test]
    fn process_reads_the_real_environment() {
        // PATH is set in any test run; only read, never written.
        assert_eq!(
            Environment::process().var_os("PATH"),
            std::env::var_os("PATH")
        );
    }

    #[test]
    fn debug_lists_names_not_values() {
        let env = Environment::from_vars([("TENCENTCLOUD_SECRET_KEY", "very-secret-value")]);
        let text = format!("{env:?}");
        assert!(text.contains("TENCENTCLOUD_SECRET_KEY"), "{text}");
        assert!(!text.contains("very-secret-value"), "{text}");
    }

    #[cfg(unix)]
    #[test]
    fn non_utf8_value_is_an_error_naming_the_variable() {
        use std::os::unix::ffi::OsStringExt;
        let env = Environment::from_vars([("V", OsString::from_vec(vec![0x66, 0xff]))]);
        match env.var("V") {
            Err(CredentialError::EnvVarNotUnicode { var }) => assert_eq!(var, "V"),
            other => panic!("expected EnvVarNotUnicode, got {other:?}"),
        }
    }
}
