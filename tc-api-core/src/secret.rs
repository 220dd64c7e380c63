//! A string that is a secret: a password, a private key, an access token sent as a
//! business parameter or returned in an answer. Generated definitions use it for every
//! member whose name marks a secret, so `Debug` output and logs never show the value.

use std::fmt;

use serde::{Deserialize, Serialize};
use zeroize::{Zeroize, ZeroizeOnDrop};

/// A secret string: transparent on the wire, redacted by `Debug`, wiped from memory when
/// dropped. Read it with [`SecretString::expose`].
///
/// ```
/// use tc_api_core::SecretString;
///
/// let password = SecretString::new("hunter2");
/// assert_eq!(format!("{password:?}"), "SecretString(<redacted>)");
/// assert_eq!(password.expose(), "hunter2");
/// assert_eq!(serde_json::to_string(&password).unwrap(), r#""hunter2""#);
/// ```
#[derive(Clone, PartialEq, Eq, Default, Zeroize, ZeroizeOnDrop, Serialize, Deserialize)]
#[serde(transparent)]
pub struct SecretString(String);

impl SecretString {
    /// Wraps a secret.
    pub fn new(secret: impl Into<String>) -> Self {
        Self(secret.into())
    }

    /// The secret text.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl From<String> for SecretString {
    fn from(secret: String) -> Self {
        Self(secret)
    }
}

impl From<&str> for SecretString {
    fn from(secret: &str) -> Self {
        Self(secret.to_owned())
    }
}

impl fmt::Debug for SecretString {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("SecretString(<redacted>)")
    }
}

impl crate::registry::WireSchema for SecretString {
    fn wire_schema() -> crate::registry::Schema {
        crate::registry::Schema::String
    }
}
