//! The one error type of the client, and the typed codes of API 2.0.
//!
//! Every failure of [`Client::send`](crate::client::Client::send) is an [`Error`]. Errors
//! answered by the service carry its RequestId; none carries a secret (transport errors
//! are stripped of their URL, which holds the signed parameters of v1 GET requests).

use std::fmt;
use std::time::Duration;

use std::sync::Arc;

use serde::de::DeserializeOwned;

use crate::action::{Action, ErrorCode};
use crate::client::RequestId;
use crate::credential::CredentialError;
use crate::retry::{self, RetryClass};

/// A boxed error source (transport errors keep theirs without naming the HTTP crate in
/// this API).
pub type BoxError = Box<dyn std::error::Error + Send + Sync + 'static>;

/// Everything that can go wrong when calling an action.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The service answered an API 3.0 error (`{"Response": {"Error": {...}}}`).
    #[error(
        "{code}: {message} (RequestId: {}, HTTP {http_status})",
        display_id(request_id)
    )]
    Api {
        /// The wire code, e.g. `RequestLimitExceeded` or `FailedOperation.MNPVersionReleased`.
        code: String,
        /// The service's message.
        message: String,
        /// The request id of the answer.
        request_id: Option<RequestId>,
        /// HTTP status of the answer (the cloud uses 200 for most API errors).
        http_status: u16,
    },

    /// The service answered an API 2.0 error (`{"code": 4100, "message": ...}`).
    #[error("API 2.0 error {}: {message} (codeDesc: {}, RequestId: {}, HTTP {http_status})",
        code.as_code(), code_desc.as_deref().unwrap_or("-"), display_id(request_id))]
    ApiV2 {
        /// The common code (4000-6200 are named, others kept in [`V2Code::Other`]).
        code: V2Code,
        /// The service's message, often `(module code) text`.
        message: String,
        /// The business-side code (`codeDesc`), when sent.
        code_desc: Option<String>,
        /// The `requestId`, when sent.
        request_id: Option<RequestId>,
        /// HTTP status of the answer.
        http_status: u16,
        /// The whole answer as sent, for what the fields above do not name: the
        /// per-resource `detail` map of a batch task that failed (5100) or partly
        /// failed (5400). See [`Error::v2_detail`] and [`AnswerBody::decode`].
        body: AnswerBody,
    },

    /// An HTTP error status whose body is not an API envelope (a gateway or proxy
    /// answered, not the API).
    #[error("HTTP {status} without an API answer; body starts: {excerpt:?}")]
    HttpStatus {
        /// The HTTP status.
        status: u16,
        /// At most ~200 characters of the body.
        excerpt: String,
        /// A request id, if the body still carried one.
        request_id: Option<RequestId>,
    },

    /// The HTTP exchange failed (connection refused or reset, TLS, a truncated body).
    #[error("transport error {phase}: {}", source_chain(source.as_ref()))]
    Transport {
        /// Whether the request could have reached the server.
        phase: TransportPhase,
        /// The underlying error (its URL removed).
        #[source]
        source: BoxError,
    },

    /// A configured timeout fired.
    #[error("{kind} timeout after {after:?}")]
    Timeout {
        /// Which timeout.
        kind: TimeoutKind,
        /// The configured duration.
        after: Duration,
    },

    /// The answer could not be decoded into the action's response type.
    #[error("cannot decode the answer (HTTP {http_status}): {reason}; body starts: {excerpt:?}")]
    Decode {
        /// What did not fit.
        reason: String,
        /// At most ~200 characters of the body.
        excerpt: String,
        /// HTTP status of the answer.
        http_status: u16,
        /// The request id, when it could still be read.
        request_id: Option<RequestId>,
    },

    /// The answer is larger than the configured cap
    /// ([`ClientBuilder::max_response_bytes`](crate::client::ClientBuilder::max_response_bytes));
    /// it was not read whole.
    #[error("the answer exceeds the limit of {limit} bytes (HTTP {http_status})")]
    TooLarge {
        /// The configured cap in bytes.
        limit: usize,
        /// HTTP status of the answer.
        http_status: u16,
    },

    /// No credential could be obtained.
    #[error("credential error: {0}")]
    Credential(#[from] CredentialError),

    /// The request was refused before anything was sent.
    #[error("invalid request: {0}")]
    InvalidRequest(#[from] InvalidRequest),

    /// The client configuration is invalid (from [`ClientBuilder::build`](crate::client::ClientBuilder::build)).
    #[error("invalid client configuration: {0}")]
    Config(#[from] ConfigError),
}

/// `error: cause: cause ...`, so that the root cause (e.g. "connection closed before
/// message completed") shows in one line.
pub(crate) fn source_chain(error: &dyn std::error::Error) -> String {
    let mut text = error.to_string();
    let mut source = error.source();
    while let Some(cause) = source {
        text.push_str(": ");
        text.push_str(&cause.to_string());
        source = cause.source();
    }
    text
}

fn display_id(id: &Option<RequestId>) -> &str {
    id.as_ref().map_or("-", RequestId::as_str)
}

impl Error {
    /// The service's error code: the API 3.0 code string, or the API 2.0 numeric code as
    /// text (`"4100"`). `None` for errors the service did not answer.
    pub fn code(&self) -> Option<&str> {
        match self {
            Error::Api { code, .. } => Some(code),
            Error::ApiV2 { code, .. } => Some(code.as_code()),
            _ => None,
        }
    }

    /// The RequestId the service sent with this error, if any.
    pub fn request_id(&self) -> Option<&RequestId> {
        match self {
            Error::Api { request_id, .. }
            | Error::ApiV2 { request_id, .. }
            | Error::HttpStatus { request_id, .. }
            | Error::Decode { request_id, .. } => request_id.as_ref(),
            _ => None,
        }
    }

    /// The body of an API 2.0 error answer as the server sent it
    /// ([`Error::ApiV2`]); `None` for other errors.
    pub fn answer_body(&self) -> Option<&AnswerBody> {
        match self {
            Error::ApiV2 { body, .. } => Some(body),
            _ => None,
        }
    }

    /// The `detail` member of an API 2.0 error answer: for batch tasks (codes 5100 and
    /// 5400), the outcome per resource id, `{"<id>": {"code", "message", "requestId"}}`,
    /// which tells which resources failed. `None` when the answer has no `detail` (or
    /// it is `null`) and for other errors.
    pub fn v2_detail(&self) -> Option<serde_json::Value> {
        self.answer_body()?.member("detail")
    }

    /// The HTTP status of the answer, when there was one.
    pub fn http_status(&self) -> Option<u16> {
        match self {
            Error::Api { http_status, .. }
            | Error::ApiV2 { http_status, .. }
            | Error::Decode { http_status, .. }
            | Error::TooLarge { http_status, .. } => Some(*http_status),
            Error::HttpStatus { status, .. } => Some(*status),
            _ => None,
        }
    }

    /// Whether the service refused the call for exceeding a rate limit:
    /// `RequestLimitExceeded` and its sub-codes, API 2.0 code 4400, or HTTP 429.
    pub fn is_throttling(&self) -> bool {
        match self {
            Error::Api {
                code, http_status, ..
            } => retry::is_throttling_code(code) || *http_status == 429,
            Error::ApiV2 {
                code, http_status, ..
            } => *code == V2Code::QuotaExceeded || *http_status == 429,
            Error::HttpStatus { status, .. } => *status == 429,
            _ => false,
        }
    }

    /// Whether the failure is transient, so that the same call may succeed later
    /// (see [`crate::retry`] for the table). Ambiguous failures (the request may have
    /// been processed) count as retryable here; the client itself retries them only for
    /// idempotent actions or when told to.
    pub fn is_retryable(&self) -> bool {
        retry::classify(self) != RetryClass::Fatal
    }

    /// Whether the request may have reached the server although no answer came back
    /// (a connection reset or timeout after sending): repeating a non-idempotent action
    /// could then perform it twice.
    pub fn is_ambiguous(&self) -> bool {
        matches!(retry::classify(self), RetryClass::Ambiguous { .. })
    }

    /// The service's code parsed as the action's own typed error code, e.g.
    /// `err.action_error::<ReleaseMNPVersion>() == Some(ReleaseError::MnpVersionReleased)`.
    pub fn action_error<A: Action>(&self) -> Option<A::ErrorCode> {
        self.code().map(A::ErrorCode::from_code)
    }
}

/// The raw body of an error answer (cheap to clone: shared bytes; a thin pointer, so
/// that [`Error`] stays small).
///
/// `Debug` shows an excerpt, not the whole body.
#[derive(Clone, PartialEq, Eq)]
pub struct AnswerBody(Arc<[u8]>);

impl AnswerBody {
    /// The body as received.
    pub fn as_bytes(&self) -> &[u8] {
        &self.0
    }

    /// The body decoded as `T`, e.g. a batch-task result type with a typed `detail` map.
    pub fn decode<T: DeserializeOwned>(&self) -> Result<T, serde_json::Error> {
        serde_json::from_slice(&self.0)
    }

    /// The top-level member `name` of the body's JSON object; `None` when the body is
    /// not an object, has no such member, or it is `null`.
    pub fn member(&self, name: &str) -> Option<serde_json::Value> {
        let mut object: serde_json::Map<String, serde_json::Value> = self.decode().ok()?;
        object.remove(name).filter(|value| !value.is_null())
    }
}

impl From<&[u8]> for AnswerBody {
    fn from(body: &[u8]) -> Self {
        AnswerBody(Arc::from(body))
    }
}

impl fmt::Debug for AnswerBody {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("AnswerBody")
            .field(&crate::envelope::excerpt(&self.0))
            .finish()
    }
}

/// How far a failed HTTP exchange got.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum TransportPhase {
    /// Connecting failed (refused, DNS, TLS handshake): the request was never sent.
    Connect,
    /// The connection failed after the request was (possibly) written: the server may
    /// have received and processed it.
    Exchange,
}

impl fmt::Display for TransportPhase {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            TransportPhase::Connect => "while connecting (nothing was sent)",
            TransportPhase::Exchange => "after sending (the server may have received the request)",
        })
    }
}

/// Which of the configured timeouts fired.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum TimeoutKind {
    /// Establishing the connection took too long (nothing was sent).
    Connect,
    /// One attempt (send and read the answer) took too long.
    Attempt,
    /// The whole call, retries and waits included, took too long.
    Total,
}

impl fmt::Display for TimeoutKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            TimeoutKind::Connect => "connect",
            TimeoutKind::Attempt => "per-attempt",
            TimeoutKind::Total => "total",
        })
    }
}

/// Why a request was refused before anything was sent.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum InvalidRequest {
    /// The action requires a region and the client has none.
    #[error("{service}.{action} requires a region; set one with ClientBuilder::region")]
    RegionRequired {
        /// Service of the action.
        service: &'static str,
        /// The action.
        action: &'static str,
    },
    /// The region is not one the action supports.
    #[error("{service}.{action} does not support region {region:?}; supported: {allowed:?}")]
    RegionNotAllowed {
        /// Service of the action.
        service: &'static str,
        /// The action.
        action: &'static str,
        /// The client's region.
        region: String,
        /// The regions the action documents.
        allowed: &'static [&'static str],
    },
    /// The action takes no region but the client has one.
    #[error(
        "{service}.{action} takes no region, but the client has region {region:?}; use a client without a region"
    )]
    RegionNotAccepted {
        /// Service of the action.
        service: &'static str,
        /// The action.
        action: &'static str,
        /// The client's region.
        region: String,
    },
    /// The host the action documents is not a host name.
    #[error("{action} documents an invalid host {host:?}: {reason}")]
    InvalidHost {
        /// The action.
        action: &'static str,
        /// The host.
        host: String,
        /// What is wrong.
        reason: String,
    },
    /// A header value built from the action or the credential is not a valid header
    /// value (its content is not shown: it may be a token).
    #[error("the {0} header value has characters a header cannot carry")]
    HeaderValue(&'static str),
    /// A client that skips signatures cannot send an action that needs a v1 signature
    /// (API 2.0).
    #[error("{action} needs a v1 signature; a client built with skip_signature cannot send it")]
    SkipSignatureNeedsTc3 {
        /// The action.
        action: &'static str,
    },
    /// The HTTP request could not be built.
    #[error("cannot build the HTTP request: {0}")]
    Http(#[source] BoxError),
    /// The action's parameters could not be serialized to JSON.
    #[error("cannot serialize the parameters of {action}: {source}")]
    Serialize {
        /// The action.
        action: &'static str,
        /// The serializer's error.
        #[source]
        source: serde_json::Error,
    },
    /// A service, version or action name given to a call by name
    /// ([`Client::call_json`](crate::Client::call_json)) is not one the API could have.
    #[error("invalid {kind} {value:?} for a call by name: expected {expected}")]
    InvalidName {
        /// `service`, `version` or `action`.
        kind: &'static str,
        /// The name given.
        value: String,
        /// What such a name looks like.
        expected: &'static str,
    },
    /// The parameters of a call by name are not a JSON object.
    #[error("the parameters of {action} must be a JSON object (or null for none); found {found}")]
    ParamsNotObject {
        /// The action.
        action: String,
        /// The JSON type given.
        found: &'static str,
    },
    /// The action's parameters could not be flattened into form parameters.
    #[error("cannot flatten the parameters of {action}: {source}")]
    Flatten {
        /// The action.
        action: &'static str,
        /// The flattener's error.
        #[source]
        source: crate::sign::flatten::FlattenError,
    },
}

/// A setting of [`ClientBuilder`](crate::client::ClientBuilder) that cannot work.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ConfigError {
    /// The endpoint override is not a usable URL.
    #[error("invalid endpoint {endpoint:?}: {reason}")]
    InvalidEndpoint {
        /// The value given.
        endpoint: String,
        /// What is wrong with it.
        reason: String,
    },
    /// A plain-http endpoint that is not a loopback address: requests, tokens and
    /// answers would cross the network unencrypted.
    #[error(
        "endpoint {endpoint:?} uses plain http on a non-loopback host; use https, or opt in with ClientBuilder::allow_insecure_http(true)"
    )]
    InsecureHttp {
        /// The endpoint given.
        endpoint: String,
    },
    /// The root domain is not a host name.
    #[error("invalid root domain {0:?}: expected a host name such as tencentcloudapi.com")]
    InvalidRootDomain(String),
    /// The region cannot be sent as a header or parameter.
    #[error("invalid region {0:?}: expected letters, digits and '-'")]
    InvalidRegion(String),
    /// An extra header has an invalid name or value.
    #[error("invalid header {name:?}: {reason}")]
    InvalidHeader {
        /// The header name given.
        name: String,
        /// What is wrong.
        reason: String,
    },
    /// An extra header would replace one the client signs or sets itself.
    #[error("header {0:?} is set by the client and cannot be overridden")]
    ReservedHeader(String),
    /// The request-client suffix is not printable ASCII of at most 128 bytes.
    #[error("invalid request client suffix {0:?}: expected at most 128 printable ASCII characters")]
    InvalidRequestClient(String),
    /// The proxy URL is invalid.
    #[error("invalid proxy: {0}")]
    InvalidProxy(String),
    /// A retry setting is out of range.
    #[error("invalid retry settings: {0}")]
    InvalidRetry(String),
    /// A timeout is zero.
    #[error("the {0} timeout must be greater than zero")]
    ZeroTimeout(TimeoutKind),
    /// UNSIGNED-PAYLOAD exists only in TC3-HMAC-SHA256.
    #[error("unsigned payload requires the TC3-HMAC-SHA256 sign method")]
    UnsignedPayloadNeedsTc3,
    /// Skipping the signature (`Authorization: SKIP`) exists only in TC3-HMAC-SHA256.
    #[error("skip_signature requires the TC3-HMAC-SHA256 sign method")]
    SkipSignatureNeedsTc3,
    /// The HTTP transport could not be built.
    #[error("cannot build the HTTP transport: {0}")]
    Transport(#[source] BoxError),
    /// The blocking client's runtime could not be started.
    #[error("cannot start the blocking client's runtime: {0}")]
    Runtime(#[source] std::io::Error),
}

crate::error_codes! {
    /// The common error codes of API 2.0 (spec/003, "Error Code" and "Signature Method"):
    /// the `code` field of an answer, as text. Codes not listed stay in `Other`.
    pub enum V2Code {
        /// 4000: a required parameter is missing or malformed.
        InvalidParameter = "4000",
        /// 4100: signature authentication failed.
        AuthFailure = "4100",
        /// 4101: the sub-user may not call this API.
        ApiNotAuthorized = "4101",
        /// 4102: the sub-user may not access a resource of the request.
        ResourceNotAuthorized = "4102",
        /// 4103: only the developer's own SecretId may call this API.
        DeveloperOnly = "4103",
        /// 4104: the SecretId does not exist or is disabled.
        SecretIdNotFound = "4104",
        /// 4110: permission verification failed.
        PermissionDenied = "4110",
        /// 4200: the request has expired (timestamp too far from the server's clock).
        RequestExpired = "4200",
        /// 4300: the account is blocked or not allowed to use the API.
        AccessDenied = "4300",
        /// 4400: the request quota was exceeded.
        QuotaExceeded = "4400",
        /// 4500: replayed Nonce, or Timestamp more than two hours off.
        ReplayAttack = "4500",
        /// 4600: the protocol is not supported.
        UnsupportedProtocol = "4600",
        /// 5000: the resource does not exist.
        ResourceNotFound = "5000",
        /// 5100: the operation on the resource failed.
        ResourceOperationFailed = "5100",
        /// 5200: purchasing the resource failed.
        PurchaseFailed = "5200",
        /// 5300: purchasing failed for insufficient balance.
        InsufficientBalance = "5300",
        /// 5400: the batch operation succeeded on some resources only.
        PartialSuccess = "5400",
        /// 5500: the user has not passed identity verification.
        IdentityNotVerified = "5500",
        /// 6000: internal error of the server.
        InternalError = "6000",
        /// 6100: not supported in this version (check the domain).
        VersionNotSupported = "6100",
        /// 6200: the API is under maintenance.
        ApiUnavailable = "6200",
    }
}
