//! Pieces shared by all API Gateway 2.0 actions: the common error codes, the batch-task
//! answer format and the redacted API key secret.

use std::collections::BTreeMap;
use std::fmt;

use tc_api_macros::tc_model;
use zeroize::{Zeroize, ZeroizeOnDrop};

use super::lenient;

tc_api_core::error_codes! {
    /// The common error codes of API 2.0 (the `code` of a failed answer, as decimal text).
    ///
    /// Module-specific causes travel in `message` as `(NNNNNN) text`.
    pub enum ApiV2ErrorCode {
        /// A required parameter is missing or a value is malformed.
        InvalidParameter = "4000",
        /// The signature does not verify.
        AuthFailure = "4100",
        /// A sub-user is not allowed to call this action.
        ActionNotAuthorized = "4101",
        /// A sub-user is not allowed to use a resource named in the request.
        ResourceNotAuthorized = "4102",
        /// Only the developer account itself may call this action.
        DeveloperOnly = "4103",
        /// The SecretId does not exist or the key is disabled.
        SecretIdNotFound = "4104",
        /// Permission check on the resource failed.
        PermissionDenied = "4110",
        /// The request has expired.
        RequestExpired = "4200",
        /// The account is blocked or outside the action's user range.
        AccessDenied = "4300",
        /// The request quota is exhausted.
        QuotaExceeded = "4400",
        /// Nonce reused, or timestamp more than two hours off.
        ReplayAttack = "4500",
        /// The protocol is not supported.
        UnsupportedProtocol = "4600",
        /// The resource does not exist, was returned, or belongs to someone else.
        ResourceNotFound = "5000",
        /// The operation on the resource failed.
        OperationFailed = "5100",
        /// Buying the resource failed (configuration or stock).
        PurchaseFailed = "5200",
        /// Buying the resource failed for lack of balance.
        InsufficientBalance = "5300",
        /// A batch operation succeeded on some resources only; see the batch `detail`.
        PartialSuccess = "5400",
        /// Buying failed because the account's identity is not verified.
        IdentityNotVerified = "5500",
        /// The server failed internally.
        InternalError = "6000",
        /// The action is not offered in this version, or under maintenance (check the
        /// domain name).
        VersionNotSupported = "6100",
        /// The action is temporarily unavailable.
        ActionUnavailable = "6200",
    }
}

/// The answer of a batch asynchronous task: one outcome per resource, keyed by resource id.
///
/// The overall `code` (read by the client) is 0 when every resource succeeded, 5100 when all
/// failed and 5400 when only some did; `detail` then tells which.
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
