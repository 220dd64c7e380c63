//! The emulator's errors: the API error a handler (or the emulator itself) answers, and
//! the errors of starting an emulator and registering handlers.

use std::borrow::Cow;

/// An API error to answer: an API 3.0 code such as `ResourceNotFound.Instance` (or, for
/// API 2.0 actions, a numeric code such as `"5000"`) and its message.
///
/// Handlers return it to answer an error; the emulator answers its own refusals
/// (signature, parameters, region...) with it too. API 3.0 answers carry the code as
/// is; API 2.0 answers carry the numeric code of [`EmulatorError::v2_code`] and the
/// code as `codeDesc`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{code}: {message}")]
pub struct EmulatorError {
    code: Cow<'static, str>,
    message: String,
}

impl EmulatorError {
    /// An error with any code, e.g. `EmulatorError::new("FailedOperation.MNPVersionReleased", "released already")`.
    pub fn new(code: impl Into<Cow<'static, str>>, message: impl Into<String>) -> Self {
        EmulatorError {
            code: code.into(),
            message: message.into(),
        }
    }

    /// `InternalError`.
    pub fn internal(message: impl Into<String>) -> Self {
        Self::new(codes::INTERNAL_ERROR, message)
    }

    /// `InvalidParameterValue`.
    pub fn invalid_parameter_value(message: impl Into<String>) -> Self {
        Self::new(codes::INVALID_PARAMETER_VALUE, message)
    }

    /// `ResourceNotFound`.
    pub fn resource_not_found(message: impl Into<String>) -> Self {
        Self::new(codes::RESOURCE_NOT_FOUND, message)
    }

    /// The code as answered by API 3.0.
    pub fn code(&self) -> &str {
        &self.code
    }

    /// The message.
    pub fn message(&self) -> &str {
        &self.message
    }

    /// The API 2.0 `code` of this error: a numeric code is kept; the API 3.0 codes map
    /// onto the common API 2.0 codes (spec/003): parameter errors 4000, signature and
    /// token failures 4100, unknown SecretId 4104, expired signature 4200, throttling
    /// 4400, unknown resources 5000, failed operations 5100, anything else 6000.
    pub fn v2_code(&self) -> u32 {
        if let Ok(numeric) = self.code.parse::<u32>() {
            return numeric;
        }
        let code = self.code.as_ref();
        let family = |prefix: &str| {
            code.strip_prefix(prefix)
                .is_some_and(|rest| rest.is_empty() || rest.starts_with('.'))
        };
        match code {
            codes::SECRET_ID_NOT_FOUND => 4104,
            codes::SIGNATURE_EXPIRE => 4200,
            codes::UNAUTHORIZED_OPERATION => 4101,
            _ if family("AuthFailure") => 4100,
            _ if family("MissingParameter")
                || family("InvalidParameter")
                || family("InvalidParameterValue")
                || family("UnknownParameter")
                || family("InvalidAction")
                || family("UnsupportedRegion")
                || family("RequestSizeLimitExceeded") =>
            {
                4000
            }
            _ if family("RequestLimitExceeded") => 4400,
            _ if family("ResourceNotFound") => 5000,
            _ if family("FailedOperation") || family("ResourceUnavailable") => 5100,
            _ => 6000,
        }
    }
}

/// The codes the emulator answers by itself.
pub mod codes {
    /// The signature does not match.
    pub const SIGNATURE_FAILURE: &str = "AuthFailure.SignatureFailure";
    /// The timestamp is too far from the emulator's clock.
    pub const SIGNATURE_EXPIRE: &str = "AuthFailure.SignatureExpire";
    /// The SecretId is not one the emulator knows.
    pub const SECRET_ID_NOT_FOUND: &str = "AuthFailure.SecretIdNotFound";
    /// The `Authorization` header is malformed, or the request carries no signature.
    pub const INVALID_AUTHORIZATION: &str = "AuthFailure.InvalidAuthorization";
    /// The temporary token does not match the credential's.
    pub const TOKEN_FAILURE: &str = "AuthFailure.TokenFailure";
    /// The caller may not do this.
    pub const UNAUTHORIZED_OPERATION: &str = "AuthFailure.UnauthorizedOperation";
    /// A required parameter is absent.
    pub const MISSING_PARAMETER: &str = "MissingParameter";
    /// A parameter is malformed or has the wrong type.
    pub const INVALID_PARAMETER: &str = "InvalidParameter";
    /// A parameter value is not acceptable.
    pub const INVALID_PARAMETER_VALUE: &str = "InvalidParameterValue";
    /// A parameter the action does not define.
    pub const UNKNOWN_PARAMETER: &str = "UnknownParameter";
    /// No such action, or no such version of it.
    pub const INVALID_ACTION: &str = "InvalidAction";
    /// The region is missing or not one the action supports.
    pub const UNSUPPORTED_REGION: &str = "UnsupportedRegion";
    /// Throttled.
    pub const REQUEST_LIMIT_EXCEEDED: &str = "RequestLimitExceeded";
    /// The request body is larger than the emulator accepts.
    pub const REQUEST_SIZE_LIMIT_EXCEEDED: &str = "RequestSizeLimitExceeded";
    /// The HTTP method or content type is not supported.
    pub const UNSUPPORTED_OPERATION: &str = "UnsupportedOperation";
    /// Something failed inside (a handler's answer could not be serialized, ...).
    pub const INTERNAL_ERROR: &str = "InternalError";
    /// A resource does not exist.
    pub const RESOURCE_NOT_FOUND: &str = "ResourceNotFound";
}

/// Why an emulator could not start.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum StartError {
    /// The address could not be bound.
    #[error("cannot listen on {addr}: {source}")]
    Bind {
        /// The address asked for.
        addr: String,
        /// The operating system's error.
        #[source]
        source: std::io::Error,
    },
    /// The address is not a loopback address (the emulator serves this machine only).
    #[error("the emulator listens on loopback addresses only, not {0}")]
    NotLoopback(String),
    /// The runtime of [`EmulatorBuilder::start_in_background`](super::EmulatorBuilder::start_in_background)
    /// could not be created.
    #[error("cannot start the emulator's runtime: {0}")]
    Runtime(#[source] std::io::Error),
}

/// Why a handler could not be registered.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum RegisterError {
    /// The route is taken: an API 3.0 action is routed by (action, version), an API 2.0
    /// action by its name, since the service is not visible in every request.
    #[error(
        "a handler for {action}{} is registered already (by service {existing_service})",
        version.as_deref().map(|v| format!(" version {v}")).unwrap_or_default()
    )]
    Duplicate {
        /// The action name.
        action: String,
        /// The API 3.0 version; `None` for API 2.0.
        version: Option<String>,
        /// Service of the handler registered first.
        existing_service: String,
    },
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn v2_codes_follow_the_common_table() {
        for (code, v2) in [
            (codes::SIGNATURE_FAILURE, 4100),
            (codes::INVALID_AUTHORIZATION, 4100),
            (codes::TOKEN_FAILURE, 4100),
            (codes::SECRET_ID_NOT_FOUND, 4104),
            (codes::SIGNATURE_EXPIRE, 4200),
            (codes::MISSING_PARAMETER, 4000),
            ("InvalidParameter.Format", 4000),
            (codes::UNKNOWN_PARAMETER, 4000),
            (codes::INVALID_ACTION, 4000),
            (codes::UNSUPPORTED_REGION, 4000),
            (codes::REQUEST_LIMIT_EXCEEDED, 4400),
            ("RequestLimitExceeded.UinLimitExceeded", 4400),
            ("ResourceNotFound.Service", 5000),
            ("FailedOperation", 5100),
            (codes::INTERNAL_ERROR, 6000),
            ("5300", 5300),
            ("InvalidParameterish", 6000),
        ] {
            assert_eq!(EmulatorError::new(code, "m").v2_code(), v2, "{code}");
        }
    }

    #[test]
    fn display_shows_code_and_message() {
        let err = EmulatorError::new("FailedOperation.X", "no");
        assert_eq!(err.to_string(), "FailedOperation.X: no");
        let dup = RegisterError::Duplicate {
            action: "A".into(),
            version: Some("2020-01-01".into()),
            existing_service: "svc".into(),
        };
        assert!(dup.to_string().contains("A version 2020-01-01"), "{dup}");
    }
}
