//! What an annotated action is: the trait `#[tc_action]` implements and the static
//! metadata the client reads to route, sign and throttle a call.
//!
//! Everything here is data; the request pipeline lives in the client.

use std::num::NonZeroU32;

use serde::Serialize;
use serde::de::DeserializeOwned;

/// A callable Tencent Cloud action: its parameters (the implementing struct, serialized
/// with wire names), its typed response and the metadata that places it on the wire.
///
/// Implemented by `#[tc_action]`; hand-written impls are possible but the macro also
/// validates the metadata at compile time.
pub trait Action: Serialize + Send + Sync + 'static {
    /// The action's successful output: the `Response` object of API 3.0 (without
    /// `RequestId`, which the client returns beside it), or the top-level object of an
    /// API 2.0 answer (without `code`, `message` and `codeDesc`).
    type Response: DeserializeOwned + Send + 'static;

    /// The documented error codes of this action, as a typed enum with an `Other` arm.
    type ErrorCode: ErrorCode;

    /// Where and how this action is sent.
    const META: ActionMeta;
}

/// Static description of one action.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ActionMeta {
    /// Service name, the first label of the host and the TC3 credential scope
    /// (`tcmpp`, `cvm`, `apigateway`).
    pub service: &'static str,
    /// Action name sent as `X-TC-Action` / `Action`.
    pub action: &'static str,
    /// Calling style: API 3.0 with a version, or API 2.0.
    pub style: ApiStyle,
    /// A host fixed by the documentation (`tcsas.intl.tencentcloudapi.com`); `None` means
    /// `<service>.<root domain>`.
    pub host: Option<&'static str>,
    /// Whether the action takes a region, and which ones.
    pub region: RegionPolicy,
    /// Documented limit, requests per second; the client throttles below it.
    pub rate_limit: Option<NonZeroU32>,
    /// Whether sending the same request twice is harmless. Only idempotent actions are
    /// retried after a network failure that leaves unknown whether the server acted.
    pub idempotent: bool,
}

impl ActionMeta {
    /// The API version for API 3.0 actions; `None` for API 2.0.
    pub const fn version(&self) -> Option<&'static str> {
        match self.style {
            ApiStyle::V3 { version } => Some(version),
            ApiStyle::V2 => None,
        }
    }
}

/// Action-name prefixes of read-only actions: `#[tc_action]` makes such actions
/// idempotent unless told otherwise, and so does [`Client::call_json`](crate::Client::call_json).
pub const READ_ONLY_PREFIXES: &[&str] = &[
    "Describe", "Get", "List", "Query", "Check", "Inquire", "Inquiry",
];

/// Whether an action is idempotent unless told otherwise: its name starts with a
/// read-only verb of [`READ_ONLY_PREFIXES`] followed by a new word (`DescribeX`, not
/// `Getaway`). The macro applies the same rule at compile time; a test keeps the two equal.
pub fn default_idempotent(action: &str) -> bool {
    READ_ONLY_PREFIXES.iter().any(|prefix| {
        action
            .strip_prefix(prefix)
            .is_some_and(|rest| !rest.starts_with(|c: char| c.is_ascii_lowercase()))
    })
}

/// The two generations of the Tencent Cloud API.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ApiStyle {
    /// API 3.0: `X-TC-Version`, PascalCase parameters, TC3 or v1 signature, answers wrapped
    /// in `{"Response": {...}}`.
    V3 { version: &'static str },
    /// API 2.0: `/v2/index.php` on `<service>.api.qcloud.com`, v1 signature only,
    /// camelCase parameters, answers `{code, message, codeDesc, ...}`.
    V2,
}

/// Whether an action takes the `Region` common parameter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RegionPolicy {
    /// A region must be given; if `allowed` is non-empty it must be one of them.
    Required { allowed: &'static [&'static str] },
    /// A region may be given; if `allowed` is non-empty it must be one of them.
    Optional { allowed: &'static [&'static str] },
    /// The action takes no region: none is sent, and giving one is an error.
    None,
}

/// An action's documented error codes, parsed from the wire `Code` string.
///
/// Implementations keep unknown codes in an `Other(String)` arm, so parsing never fails.
pub trait ErrorCode: Sized + Send + Sync + std::fmt::Debug + 'static {
    /// Parses a wire code such as `FailedOperation.MNPVersionReleased`.
    fn from_code(code: &str) -> Self;
    /// The wire code.
    fn as_code(&self) -> &str;
}

/// Declares an error-code enum: one unit variant per documented code plus
/// `Other(String)`, with its [`ErrorCode`] impl.
///
/// ```
/// tc_api_core::error_codes! {
///     /// Errors of ReleaseMNPVersion.
///     pub enum ReleaseError {
///         /// The version was released already.
///         MnpVersionReleased = "FailedOperation.MNPVersionReleased",
///     }
/// }
/// use tc_api_core::ErrorCode;
/// assert_eq!(ReleaseError::from_code("FailedOperation.MNPVersionReleased"), ReleaseError::MnpVersionReleased);
/// assert_eq!(ReleaseError::from_code("Nope").as_code(), "Nope");
/// ```
#[macro_export]
macro_rules! error_codes {
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident {
            $( $(#[$vmeta:meta])* $variant:ident = $code:literal, )*
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Eq)]
        #[non_exhaustive]
        $vis enum $name {
            $( $(#[$vmeta])* $variant, )*
            /// A code this enum does not list, kept verbatim.
            Other(::std::string::String),
        }

        impl $crate::ErrorCode for $name {
            fn from_code(code: &str) -> Self {
                match code {
                    $( $code => Self::$variant, )*
                    other => Self::Other(other.to_owned()),
                }
            }

            fn as_code(&self) -> &str {
                match self {
                    $( Self::$variant => $code, )*
                    Self::Other(code) => code,
                }
            }
        }
    };
}

error_codes! {
    /// Error codes every API 3.0 action may answer (the common error codes page); the
    /// default for actions that document none of their own.
    pub enum CommonErrorCode {
        /// The signature does not match.
        SignatureFailure = "AuthFailure.SignatureFailure",
        /// The timestamp is more than five minutes off the server's clock.
        SignatureExpire = "AuthFailure.SignatureExpire",
        /// The SecretId is unknown.
        SecretIdNotFound = "AuthFailure.SecretIdNotFound",
        /// The Authorization header is malformed.
        InvalidAuthorization = "AuthFailure.InvalidAuthorization",
        /// The temporary token is invalid or expired.
        TokenFailure = "AuthFailure.TokenFailure",
        /// The caller is not allowed to do this.
        UnauthorizedOperation = "AuthFailure.UnauthorizedOperation",
        /// Too many requests; retry later.
        RequestLimitExceeded = "RequestLimitExceeded",
        /// The action does not exist.
        InvalidAction = "InvalidAction",
        /// A parameter is wrong.
        InvalidParameter = "InvalidParameter",
        /// A parameter value is wrong.
        InvalidParameterValue = "InvalidParameterValue",
        /// A required parameter is missing.
        MissingParameter = "MissingParameter",
        /// The region is not supported by this action.
        UnsupportedRegion = "UnsupportedRegion",
        /// The server failed.
        InternalError = "InternalError",
    }
}

/// The response of an action that answers nothing but its request id. Decodes from any
/// object, ignoring its fields.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Empty {}

/// Field glue for `#[tc_action]` and `#[tc_model]`; not a public API.
///
/// The macros route each field of a user-defined type through these two functions
/// (`serialize_with = "...::serialize::<FieldType, _>"`, the string spanned on the field's
/// type), so that a field type which is not serializable is reported on that field, not
/// on the attribute.
#[doc(hidden)]
pub mod __field {
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    /// Serializes a field as its own `Serialize` impl does.
    pub fn serialize<T, S>(value: &T, serializer: S) -> Result<S::Ok, S::Error>
    where
        T: ?Sized + Serialize,
        S: Serializer,
    {
        value.serialize(serializer)
    }

    /// Deserializes a field as its own `Deserialize` impl does.
    pub fn deserialize<'de, T, D>(deserializer: D) -> Result<T, D::Error>
    where
        T: Deserialize<'de>,
        D: Deserializer<'de>,
    {
        T::deserialize(deserializer)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_decodes_from_any_object() {
        let empty: Empty = serde_json::from_str(r#"{"Extra": 1, "More": null}"#).unwrap();
        assert_eq!(empty, Empty {});
        assert_eq!(serde_json::to_string(&Empty {}).unwrap(), "{}");
    }

    #[test]
    fn error_codes_round_trip_and_keep_unknown_codes() {
        let code = CommonErrorCode::from_code("RequestLimitExceeded");
        assert_eq!(code, CommonErrorCode::RequestLimitExceeded);
        assert_eq!(code.as_code(), "RequestLimitExceeded");
        let other = CommonErrorCode::from_code("RequestLimitExceeded.UinLimitExceeded");
        assert_eq!(
            other,
            CommonErrorCode::Other("RequestLimitExceeded.UinLimitExceeded".into())
        );
        assert_eq!(other.as_code(), "RequestLimitExceeded.UinLimitExceeded");
    }
}
