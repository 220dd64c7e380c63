//! Why a credential could not be produced. Every variant names the field, variable, file,
//! profile or key at fault and never carries a secret value.

use std::borrow::Cow;
use std::fmt;
use std::io;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::SystemTime;

use super::chain::ChainAttempt;
use crate::client::RequestId;

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

    /// A profile name cannot name a file (tccli keeps one file per profile).
    #[error("invalid profile name {profile:?}: {reason}")]
    InvalidProfileName {
        /// The name given.
        profile: String,
        /// What is wrong with it.
        reason: &'static str,
    },

    /// A tccli credential file (`~/.tccli/<profile>.credential`) is not the JSON object
    /// tccli writes.
    #[error("tccli credential file {path:?}: {problem}")]
    MalformedTccliFile {
        /// The file.
        path: PathBuf,
        /// Where and what (never the text: it holds the secret key).
        problem: JsonProblem,
    },

    /// The instance metadata service of a CVM answered, but not with usable temporary
    /// keys of the role.
    #[error("CVM role {}at {url}: {problem}", role_prefix(.role))]
    CvmRole {
        /// The metadata base URL.
        url: String,
        /// The role, once known.
        role: Option<String>,
        /// What went wrong.
        problem: CvmRoleProblem,
    },

    /// A parameter of an STS request is unusable; nothing was sent.
    #[error("sts {action}: {parameter} {reason}")]
    InvalidStsParameter {
        /// The STS action.
        action: &'static str,
        /// The parameter (wire name).
        parameter: &'static str,
        /// The rule it breaks (its value is not repeated: it may be a token).
        reason: Cow<'static, str>,
    },

    /// An STS call failed: the source credential, the transport, or an error the service
    /// answered (its code and RequestId are in `source`).
    #[error("sts {action} failed: {source}")]
    Sts {
        /// The STS action.
        action: &'static str,
        /// The client's error.
        #[source]
        source: Arc<crate::error::Error>,
    },

    /// STS answered success but without usable temporary keys.
    #[error(
        "sts {action} answered without usable credentials: {problem} (RequestId: {request_id})"
    )]
    StsAnswer {
        /// The STS action.
        action: &'static str,
        /// The RequestId of the answer.
        request_id: RequestId,
        /// What is missing or wrong.
        problem: AnswerProblem,
    },

    /// The web identity (OIDC) token file could not be read.
    #[error("cannot read the web identity token file {path:?}: {source}")]
    TokenFile {
        /// The file.
        path: PathBuf,
        /// The underlying error.
        #[source]
        source: Arc<io::Error>,
    },

    /// A temporary credential has expired and no fresh one could be obtained: the cached
    /// one ran out and refreshing failed, or a source handed out keys already expired.
    #[error("the credential expired at {}{}", http_date(*.expired_at), refresh_suffix(.refresh_error))]
    Expired {
        /// When it expired.
        expired_at: SystemTime,
        /// Why refreshing it failed, when a refresh was tried.
        #[source]
        refresh_error: Option<Box<CredentialError>>,
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

fn role_prefix(role: &Option<String>) -> String {
    role.as_ref()
        .map(|role| format!("{role:?} "))
        .unwrap_or_default()
}

fn http_date(at: SystemTime) -> String {
    httpdate::fmt_http_date(at)
}

fn refresh_suffix(error: &Option<Box<CredentialError>>) -> String {
    error
        .as_ref()
        .map(|error| format!(" and refreshing it failed: {error}"))
        .unwrap_or_default()
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
    /// An expiry that is not a unix time after 1970.
    NotAUnixTime,
    /// A switch that is none of `true`, `false`, `1`, `0`.
    NotABoolean,
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
            Self::NotAUnixTime => "is not a unix time after 1970",
            Self::NotABoolean => "is none of true, false, 1, 0",
        })
    }
}

/// Where a JSON document (a tccli file, a metadata or STS answer) stops being what was
/// expected. Only positions and key names: the text may hold a secret.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum JsonProblem {
    /// Not JSON at all, or cut short.
    Syntax {
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
    },
    /// JSON, but a value has the wrong type (e.g. a number where text belongs, or no
    /// object at the top).
    WrongType {
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
    },
}

impl JsonProblem {
    /// Classifies a serde_json error by position only; its message is not kept because
    /// it can quote the offending value.
    pub(crate) fn from_serde(error: &serde_json::Error) -> Self {
        let (line, column) = (error.line(), error.column());
        match error.classify() {
            serde_json::error::Category::Data => Self::WrongType { line, column },
            _ => Self::Syntax { line, column },
        }
    }
}

impl fmt::Display for JsonProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Syntax { line, column } => {
                write!(f, "not valid JSON (line {line}, column {column})")
            }
            Self::WrongType { line, column } => {
                write!(
                    f,
                    "a value has the wrong type (line {line}, column {column})"
                )
            }
        }
    }
}

/// What is wrong with the temporary keys an answer (metadata service or STS) carried.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum AnswerProblem {
    /// The body is not the expected JSON.
    Json(JsonProblem),
    /// A field is absent or null.
    MissingField(&'static str),
    /// A field holds a value of the wrong type.
    WrongType(&'static str),
    /// A field's value cannot be used in a credential.
    InvalidField {
        /// The wire name.
        field: &'static str,
        /// What is wrong with it.
        problem: ValueProblem,
    },
    /// The expiry is not a time after 1970.
    InvalidExpiry(i64),
}

impl fmt::Display for AnswerProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Json(problem) => problem.fmt(f),
            Self::MissingField(field) => write!(f, "field {field} is missing"),
            Self::WrongType(field) => write!(f, "field {field} has the wrong type"),
            Self::InvalidField { field, problem } => write!(f, "field {field} {problem}"),
            Self::InvalidExpiry(value) => write!(f, "expiry {value} is not a valid unix time"),
        }
    }
}

/// Why the CVM metadata service gave no usable role credentials.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum CvmRoleProblem {
    /// The configured base URL is not an `http(s)` URL with a host.
    InvalidBaseUrl(String),
    /// The service could not be reached (after it was found, or for a role that was
    /// named explicitly); the cause, without URL.
    Unreachable(String),
    /// An HTTP status other than 200 and the "no role" 404.
    Status(u16),
    /// The named role has no credentials at the service (404).
    RoleNotFound,
    /// The role name is not usable in a URL path.
    InvalidRoleName,
    /// The answer exceeds the size any metadata answer has.
    TooLarge {
        /// The limit in bytes.
        limit: usize,
    },
    /// The answer's `Code` is not `Success`.
    Code(String),
    /// The answer's keys are missing or malformed.
    Answer(AnswerProblem),
}

impl fmt::Display for CvmRoleProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::InvalidBaseUrl(reason) => write!(f, "invalid metadata base URL: {reason}"),
            Self::Unreachable(cause) => write!(f, "the metadata service is unreachable: {cause}"),
            Self::Status(status) => write!(f, "the metadata service answered HTTP {status}"),
            Self::RoleNotFound => {
                f.write_str("the metadata service has no credentials for it (404)")
            }
            Self::InvalidRoleName => {
                f.write_str("the role name is empty or has characters a URL path cannot carry")
            }
            Self::TooLarge { limit } => write!(f, "the answer exceeds {limit} bytes"),
            Self::Code(code) => write!(f, "the answer's Code is {code:?}, not \"Success\""),
            Self::Answer(problem) => problem.fmt(f),
        }
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
