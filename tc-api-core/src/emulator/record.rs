//! The log of received requests, for assertions in tests.
//!
//! Bounded: the oldest entries are dropped past the capacity (see
//! [`EmulatorBuilder::record_limit`](super::EmulatorBuilder::record_limit)), so a long
//! soak does not grow memory; [`RequestLog::total`] still counts every request.

use std::collections::VecDeque;
use std::fmt;
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::SystemTime;

use bytes::Bytes;

use super::faults::FaultKind;
use super::state::lock;
use crate::client::SignMethod;

/// How the emulator answered a request.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Outcome {
    /// The handler answered successfully.
    Success,
    /// An API error was answered: the emulator refused the request (signature,
    /// parameters, region, unknown action...) or the handler returned an error.
    Error {
        /// The API 3.0 code (also for API 2.0 answers, whose numeric code derives from it).
        code: String,
        /// The message.
        message: String,
    },
    /// An injected fault decided the answer (for [`FaultKind::Delay`], the outcome of
    /// the request after the delay is recorded instead).
    Fault(FaultKind),
}

/// One request as the emulator received it, and what it answered.
///
/// `Debug` hides the `Authorization` and `X-TC-Token` headers and shows the body by
/// size only (a v1 body carries the token).
#[derive(Clone)]
#[non_exhaustive]
pub struct RecordedRequest {
    /// When it arrived (emulator clock).
    pub received_at: SystemTime,
    /// HTTP method.
    pub method: String,
    /// Request path (`/` or `/v2/index.php`).
    pub path: String,
    /// The raw query string (without `?`).
    pub query: String,
    /// Headers as received, names lower-case.
    pub headers: Vec<(String, String)>,
    /// The raw body (empty when the connection was dropped before reading it).
    pub body: Bytes,
    /// The action, from `X-TC-Action` or the `Action` parameter.
    pub action: Option<String>,
    /// The API 3.0 version, from `X-TC-Version` or the `Version` parameter.
    pub version: Option<String>,
    /// The region, from `X-TC-Region` or the `Region` parameter.
    pub region: Option<String>,
    /// The SecretId of the signature.
    pub secret_id: Option<String>,
    /// How the request was signed, when it could be told.
    pub sign_method: Option<SignMethod>,
    /// The signed timestamp (`X-TC-Timestamp` or `Timestamp`).
    pub timestamp: Option<i64>,
    /// The RequestId answered, if an API answer was sent.
    pub request_id: Option<String>,
    /// What was answered.
    pub outcome: Outcome,
}

impl RecordedRequest {
    /// The first value of a header (name matched case-insensitively).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// Whether the handler answered successfully.
    pub fn is_success(&self) -> bool {
        self.outcome == Outcome::Success
    }

    /// The API error code answered, if any.
    pub fn error_code(&self) -> Option<&str> {
        match &self.outcome {
            Outcome::Error { code, .. } => Some(code),
            _ => None,
        }
    }
}

impl fmt::Debug for RecordedRequest {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let headers: Vec<(&str, &str)> = self
            .headers
            .iter()
            .map(|(name, value)| {
                let hidden = matches!(name.as_str(), "authorization" | "x-tc-token");
                (name.as_str(), if hidden { "<redacted>" } else { value })
            })
            .collect();
        f.debug_struct("RecordedRequest")
            .field("method", &self.method)
            .field("path", &self.path)
            .field("query_len", &self.query.len())
            .field("headers", &headers)
            .field("body_len", &self.body.len())
            .field("action", &self.action)
            .field("version", &self.version)
            .field("region", &self.region)
            .field("secret_id", &self.secret_id)
            .field("sign_method", &self.sign_method)
            .field("timestamp", &self.timestamp)
            .field("request_id", &self.request_id)
            .field("outcome", &self.outcome)
            .finish()
    }
}

/// The bounded log.
#[derive(Debug)]
pub(crate) struct RequestLog {
    entries: Mutex<VecDeque<RecordedRequest>>,
    capacity: usize,
    total: AtomicU64,
}

impl RequestLog {
    pub(crate) fn new(capacity: usize) -> Self {
        RequestLog {
            entries: Mutex::new(VecDeque::new()),
            capacity,
            total: AtomicU64::new(0),
        }
    }

    pub(crate) fn push(&self, request: RecordedRequest) {
        self.total.fetch_add(1, Ordering::Relaxed);
        if self.capacity == 0 {
            return;
        }
        let mut entries = lock(&self.entries);
        if entries.len() == self.capacity {
            entries.pop_front();
        }
        entries.push_back(request);
    }

    pub(crate) fn snapshot(&self) -> Vec<RecordedRequest> {
        lock(&self.entries).iter().cloned().collect()
    }

    pub(crate) fn take(&self) -> Vec<RecordedRequest> {
        lock(&self.entries).drain(..).collect()
    }

    pub(crate) fn clear(&self) {
        lock(&self.entries).clear();
    }

    pub(crate) fn total(&self) -> u64 {
        self.total.load(Ordering::Relaxed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request(n: usize) -> RecordedRequest {
        RecordedRequest {
            received_at: SystemTime::UNIX_EPOCH,
            method: "POST".into(),
            path: "/".into(),
            query: String::new(),
            headers: vec![
                (
                    "authorization".into(),
                    "TC3-HMAC-SHA256 Credential=x".into(),
                ),
                ("x-tc-token".into(), "very-secret-token".into()),
                ("x-tc-action".into(), format!("A{n}")),
            ],
            body: Bytes::from_static(b"Token=very-secret-token"),
            action: Some(format!("A{n}")),
            version: None,
            region: None,
            secret_id: None,
            sign_method: None,
            timestamp: None,
            request_id: None,
            outcome: Outcome::Success,
        }
    }

    #[test]
    fn log_is_bounded_and_counts_everything() {
        let log = RequestLog::new(2);
        for n in 0..5 {
            log.push(request(n));
        }
        let kept: Vec<_> = log.snapshot().into_iter().map(|r| r.action).collect();
        assert_eq!(kept, vec![Some("A3".to_owned()), Some("A4".to_owned())]);
        assert_eq!(log.total(), 5);
        assert_eq!(log.take().len(), 2);
        assert!(log.snapshot().is_empty());
        let off = RequestLog::new(0);
        off.push(request(0));
        assert!(off.snapshot().is_empty());
        assert_eq!(off.total(), 1);
    }

    #[test]
    fn debug_hides_secrets() {
        let shown = format!("{:?}", request(1));
        assert!(!shown.contains("very-secret-token"), "{shown}");
        assert!(shown.contains("x-tc-action"), "{shown}");
        assert_eq!(request(1).header("X-TC-Action"), Some("A1"));
    }
}
