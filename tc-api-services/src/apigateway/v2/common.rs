//! Pieces shared by API Gateway 2.0 actions: the batch-task answer format and the redacted
//! API key secret.

use std::collections::BTreeMap;
use std::fmt;

use tc_api_macros::tc_model;
use zeroize::{Zeroize, ZeroizeOnDrop};

use super::lenient;

/// The answer of a batch asynchronous task: one outcome per resource, keyed by resource id.
///
/// The overall `code` is 0 when every resource succeeded, 5100 when all failed and 5400
/// when only some did; `detail` tells which. The client returns this type for code 0 and
/// reports 5100/5400 as `tc_api_core::Error::ApiV2` (`V2Code::PartialSuccess` for 5400),
/// whose fields do not include `detail`; decode the answer body with this type to read
/// the per-resource outcomes of a partial failure.
#[tc_model(api2)]
#[derive(Debug, Clone, PartialEq)]
pub struct BatchTaskResult {
    /// Outcome per resource id; absent when the server reports none.
    pub detail: Option<BTreeMap<String, ResourceOutcome>>,
}

/// The outcome of a batch task on one resource.
#[tc_model(api2)]
#[derive(Debug, Clone, PartialEq)]
pub struct ResourceOutcome {
    /// 0 on success, otherwise an API 2.0 error code.
    #[serde(deserialize_with = "lenient::int")]
    pub code: Option<i64>,
    /// Why the operation failed; empty on success.
    #[serde(deserialize_with = "lenient::string")]
    pub message: Option<String>,
    /// Identifier of the task run for this resource.
    #[serde(deserialize_with = "lenient::string")]
    pub request_id: Option<String>,
}

/// The secret half of an API Gateway key pair, as some answers return it.
///
/// Never shown by `Debug`, wiped from memory when dropped; read it with
/// [`ApiKeySecret::expose`].
#[derive(
    Clone, PartialEq, Eq, Default, Zeroize, ZeroizeOnDrop, serde::Serialize, serde::Deserialize,
)]
#[serde(transparent)]
pub struct ApiKeySecret(String);

impl ApiKeySecret {
    /// Wraps a secret.
    pub fn new(secret: impl Into<String>) -> Self {
        Self(secret.into())
    }

    /// The secret text.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for ApiKeySecret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("ApiKeySecret(<redacted>)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn api_key_secret_is_redacted_in_debug_and_transparent_on_the_wire() {
        let secret: ApiKeySecret = serde_json::from_str(r#""adasfdasffa""#).unwrap();
        assert_eq!(secret.expose(), "adasfdasffa");
        let shown = format!("{secret:?} {:?}", Some(&secret));
        assert!(!shown.contains("adasfdasffa"), "{shown}");
        assert_eq!(serde_json::to_string(&secret).unwrap(), r#""adasfdasffa""#);
    }
}
