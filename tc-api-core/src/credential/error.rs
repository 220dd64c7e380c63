//! Why a credential could not be produced. Every variant names the field, variable, file,
//! profile or key at fault and never carries a secret value.

use std::borrow::Cow;
use std::fmt;
use std::io;
use std::path::PathBuf;
use std::sync::Arc;

use super::chain::ChainAttempt;

/// Why no credential could be produced.
///
/// `Clone` (I/O errors are shared behind an `Arc`) so that one failed lookup can be
/// handed to every caller waiting on it.
#[derive(Debug, Clone, thiserror::Error)]
#[non_exhaustive]
pub enum CredentialError {
    /// A value given to [`Credential::new`](super::Credential::new) or
    /// [`Credential::with_token`](super::Credential::with_token) is unusable.
    #[error("credential {field} {problem}")]
    InvalidField {
        /// Which value.
        field: CredentialField,
        /// What is wrong with it.
        problem: ValueProblem,
    },

    /// One variable of a pair is set and the other is not.
    #[error("environment variable {var} is not set")]
    MissingEnvVar {
        /// The variable that is missing.
        var: &'static str,
    },

    /// An environment variable is set to an unusable value.
    #[error("environment variable {var} {problem}")]
    InvalidEnvVar {
        /// The variable.
        var: &'static str,
        /// What is wrong with its value.
        problem: ValueProblem,
    },

    /// An environment variable holds bytes that are not UTF-8.
    #[error("environment variable {var} is not valid UTF-8")]
    EnvVarNotUnicode {
        /// The variable.
        var: &'static str,
    },

    /// A credentials file that was asked for (by path or by profile name) does not exist.
    #[error("credentials file {path:?} does not exist")]
    FileNotFound {
        /// The path looked at.
        path: PathBuf,
    },

    /// A credentials file exists but could not be read (permissions, a directory, not
    /// UTF-8).
    #[error("cannot read credentials file {path:?}: {source}")]
    FileRead {
        /// The file.
        path: PathBuf,
        /// The underlying error.
        #[source]
        source: Arc<io::Error>,
    },

    /// A line of a credentials file is not valid INI.
    #[error("credentials file {path:?}, line {line}: {problem}")]
    MalformedFile {
        /// The file.
        path: PathBuf,
        /// 1-based line number.
        line: usize,
        /// What is wrong with the line (its text is not repeated: it may hold a secret).
        problem: IniProblem,
    },

    /// The credentials file has no section for the profile.
    #[error("profile [{profile}] not found in credentials file {path:?}")]
    ProfileNotFound {
        /// The profile (section) name looked for.
        profile: String,
        /// The file.
        path: PathBuf,
    },

    /// The profile lacks a required key.
    #[error("key {key} is missing from profile [{profile}] in credentials file {path:?}")]
    MissingProfileKey {
        /// The key (`secret_id` or `secret_key`).
        key: &'static str,
        /// The profile.
        profile: String,
        /// The file.
        path: PathBuf,
    },

    /// A key of the profile has an unusable value.
    #[error("key {key} of profile [{profile}] in credentials file {path:?} {problem}")]
    InvalidProfileValue {
        /// The key.
        key: &'static str,
        /// The profile.
        profile: String,
        /// The file.
        path: PathBuf,
        /// What is wrong with the value.
        problem: ValueProblem,
    },

    /// The provider found nothing to read (no variables set, no file). A chain moves on
    /// to its next step; see [`CredentialError::is_not_configured`].
    #[error("not configured: {reason}")]
    NotConfigured {
        /// What was looked for, e.g. which variables or which file.
        reason: Cow<'static, str>,
    },

    /// No step of a chain was configured; each step's answer is kept, in order.
    #[error("no credential found: {}", describe_attempts(.attempts))]
    NoCredential {
        /// What each step answered.
        attempts: Vec<ChainAttempt>,
    },
}

impl CredentialError {
    /// True when the provider had nothing to read, as opposed to finding a configuration
    /// that is broken. Chains skip such steps; a chain that found nothing counts as not
    /// configured itself, so chains nest.
    pub fn is_not_configured(&self) -> bool {
        matches!(self, Self::NotConfigured { .. } | Self::NoCredential { .. })
    }
}

fn describe_attempts(attempts: &[ChainAttempt]) -> String {
    if attempts.is_empty() {
        return "the chain has no providers".to_owned();
    }
    let tried: Vec<String> = attempts
        .iter()
        .map(|attempt| format!("{}: {}", attempt.step, attempt.error))
        .collect();
    format!("tried {}", tried.join("; "))
}

/// A field of [`Credential`](super::Credential).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CredentialField {
    /// The secret id.
    SecretId,
    /// The secret key.
    SecretKey,
    /// The session token.
    Token,
}

impl fmt::Display for CredentialField {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::SecretId => "secret id",
            Self::SecretKey => "secret key",
            Self::Token => "token",
        })
    }
}

/// What is wrong with a credential value, wherever it came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ValueProblem {
    /// Empty or only whitespace.
    Empty,
    /// Leading or trailing whitespace (usually a copy-paste accident; the server would
    /// reject the signature without saying why).
    Padded,
    /// A control character (it would break the header or signature it goes into).
    ControlCharacter,
}

impl ValueProblem {
    /// Checks one value; `Ok` when it is usable as a secret id, key or token.
    pub(crate) fn check(value: &str) -> Result<(), ValueProblem> {
        if value.trim().is_empty() {
            Err(Self::Empty)
        } else if value.trim() != value {
            Err(Self::Padded)
        } else if value.chars().any(char::is_control) {
            Err(Self::ControlCharacter)
        } else {
            Ok(())
        }
    }
}

impl fmt::Display for ValueProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Empty => "is empty",
            Self::Padded => "has leading or trailing whitespace",
            Self::ControlCharacter => "contains a control character",
        })
    }
}

/// Why a line of a credentials file is not valid INI.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum IniProblem {
    /// A `key = value` line before any `[section]`.
    KeyOutsideSection,
    /// A `[` without a closing `]`.
    UnclosedSectionHeader,
    /// `[]` or `[   ]`.
    EmptySectionName,
    /// Text after the closing `]` of a section header.
    TextAfterSectionHeader,
    /// A section that already appeared earlier in the file.
    DuplicateSection {
        /// The section name.
        name: String,
        /// Line of its first appearance.
        first_line: usize,
    },
    /// A line that is neither a comment, a section header nor `key = value`.
    MissingSeparator,
    /// `= value` with nothing before the separator.
    EmptyKey,
    /// A key that already appeared in the same section.
    DuplicateKey {
        /// The key.
        key: String,
        /// Line of its first appearance.
        first_line: usize,
    },
    /// A value starting with a quote that does not end with the same quote.
    UnclosedQuote,
    /// `value # comment`: INI readers disagree on whether that is a comment, so it is
    /// refused rather than guessed; put comments on their own line.
    InlineComment,
}

impl fmt::Display for IniProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::KeyOutsideSection => f.write_str("key before any [section] header"),
            Self::UnclosedSectionHeader => f.write_str("section header lacks its closing `]`"),
            Self::EmptySectionName => f.write_str("section name is empty"),
            Self::TextAfterSectionHeader => f.write_str("text after the section header's `]`"),
            Self::DuplicateSection { name, first_line } => {
                write!(f, "section [{name}] already defined on line {first_line}")
            }
            Self::MissingSeparator => {
                f.write_str("expected `key = value`, a [section] or a comment")
            }
            Self::EmptyKey => f.write_str("key name is empty"),
            Self::DuplicateKey { key, first_line } => {
                write!(f, "key {key} already set on line {first_line}")
            }
            Self::UnclosedQuote => f.write_str("quoted value lacks its closing quote"),
            Self::InlineComment => f.write_str(
                "comment after a value; put comments on their own line starting with # or ;",
            ),
        }
    }
}
