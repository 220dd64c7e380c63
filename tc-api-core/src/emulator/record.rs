//! The log of received requests, for assertions in tests.
//!
//! Bounded: the oldest entries are dropped past a count
//! ([`EmulatorBuilder::record_limit`](super::EmulatorBuilder::record_limit)) and past a
//! size in bytes ([`EmulatorBuilder::record_bytes`](super::EmulatorBuilder::record_bytes)),
//! and an entry keeps at most a prefix of its body, only for verified requests, so a
//! long soak or a flood of large bodies does not grow memory; [`RequestLog::total`]
//! still counts every request.

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
    /// The connection was closed without an answer, for the reason given: the body did
    /// not arrive within the read timeout, or the client went away while sending it.
    Closed(String),
}

/// How much of the received body [`RecordedRequest::body`] holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum BodyKept {
    /// The whole body.
    Whole,
    /// Its first [`EmulatorBuilder::record_body_bytes`](super::EmulatorBuilder::record_body_bytes)
    /// bytes; the body was longer ([`RecordedRequest::body_len`]).
    Prefix,
    /// Nothing: the request was not verified (unsigned, a signature that does not
    /// check, or answered by an injected fault before verification), so its body is
    /// not kept.
    Unverified,
    /// Nothing: the body was not read whole (dropped before reading, too large, not
    /// sent in time, or the client went away).
    Unread,
}

/// One request as the emulator received it, and what it answered.
///
/// `Debug` hides the `Authorization` and `X-TC-Token` headers and shows the body by
/// size only (a v1 body carries the token).
///
/// The body is kept for verified requests only, and then at most its first
/// [`EmulatorBuilder::record_body_bytes`](super::EmulatorBuilder::record_body_bytes)
/// bytes: [`body_kept`](Self::body_kept) says which, [`body_len`](Self::body_len) how
/// long the body was.
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
    /// The raw body, or its first bytes, or nothing: see [`body_kept`](Self::body_kept).
    pub body: Bytes,
    /// How much of the body [`body`](Self::body) holds.
    pub body_kept: BodyKept,
    /// How many body bytes were received (all of them, unless the body is
    /// [`BodyKept::Unread`]).
    pub body_len: u64,
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

    /// Keeps the body (or its first `limit` bytes) if the request was verified. It is
    /// copied, so that the received buffer is not kept alive by the log.
    pub(crate) fn keep_body(&mut self, body: &Bytes, verified: bool, limit: usize) {
        self.body_len = body.len() as u64;
        (self.body, self.body_kept) = if !verified {
            (Bytes::new(), BodyKept::Unverified)
        } else if body.len() <= limit {
            (Bytes::copy_from_slice(body), BodyKept::Whole)
        } else {
            (Bytes::copy_from_slice(&body[..limit]), BodyKept::Prefix)
        };
    }

    /// About how many bytes of memory the entry holds, for the log's size bound.
    fn retained_bytes(&self) -> usize {
        let text = |s: &Option<String>| s.as_ref().map_or(0, String::len);
        let outcome = match &self.outcome {
            Outcome::Error { code, message } => code.len() + message.len(),
            Outcome::Closed(reason) => reason.len(),
            _ => 0,
        };
        size_of::<Self>()
            + self.method.len()
            + self.path.len()
            + self.query.len()
            + self
                .headers
                .iter()
                .map(|(name, value)| size_of::<(String, String)>() + name.len() + value.len())
                .sum::<usize>()
            + self.body.len()
            + text(&self.action)
            + text(&self.version)
            + text(&self.region)
            + text(&self.secret_id)
            + text(&self.request_id)
            + outcome
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
            .field("body_len", &self.body_len)
            .field("body_kept", &self.body_kept)
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
    entries: Mutex<Entries>,
    capacity: usize,
    byte_limit: usize,
    total: AtomicU64,
}

/// The kept entries, each with its [`RecordedRequest::retained_bytes`], and their sum.
#[derive(Debug, Default)]
struct Entries {
    kept: VecDeque<(usize, RecordedRequest)>,
    bytes: usize,
}

impl RequestLog {
    pub(crate) fn new(capacity: usize, byte_limit: usize) -> Self {
        RequestLog {
            entries: Mutex::new(Entries::default()),
            capacity,
            byte_limit,
            total: AtomicU64::new(0),
        }
    }

    /// Appends `request`, then drops the oldest entries until both bounds hold (an
    /// entry larger than the whole byte limit is not kept).
    pub(crate) fn push(&self, request: RecordedRequest) {
        self.total.fetch_add(1, Ordering::Relaxed);
        if self.capacity == 0 {
            return;
        }
        let size = request.retained_bytes();
        let mut entries = lock(&self.entries);
        entries.kept.push_back((size, request));
        entries.bytes += size;
        while entries.kept.len() > self.capacity || entries.bytes > self.byte_limit {
            let Some((dropped, _)) = entries.kept.pop_front() else {
                break;
            };
            entries.bytes -= dropped;
        }
    }

    pub(crate) fn snapshot(&self) -> Vec<RecordedRequest> {
        lock(&self.entries)
            .kept
            .iter()
            .map(|(_, request)| request.clone())
            .collect()
    }

    pub(crate) fn take(&self) -> Vec<RecordedRequest> {
        let taken = std::mem::take(&mut *lock(&self.entries));
        taken.kept.into_iter().map(|(_, request)| request).collect()
    }

    pub(crate) fn clear(&self) {
        *lock(&self.entries) = Entries::default();
    }

    pub(crate) fn total(&self) -> u64 {
        self.total.load(Ordering::Relaxed)
    }

    /// About how many bytes the kept entries hold.
    pub(crate) fn bytes(&self) -> usize {
        lock(&self.entries).bytes
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
            body_kept: BodyKept::Whole,
            body_len: 23,
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
        let log = RequestLog::new(2, usize::MAX);
        for n in 0..5 {
            log.push(request(n));
        }
        let kept: Vec<_> = log.snapshot().into_iter().map(|r| r.action).collect();
        assert_eq!(kept, vec![Some("A3".to_owned()), Some("A4".to_owned())]);
        assert_eq!(log.total(), 5);
        assert_eq!(log.take().len(), 2);
        assert!(log.snapshot().is_empty());
        let off = RequestLog::new(0, usize::MAX);
        off.push(request(0));
        assert!(off.snapshot().is_empty());
        assert_eq!(off.total(), 1);
    }

    #[test]
    fn log_is_bounded_by_bytes() {
        let one = request(0).retained_bytes();
        let log = RequestLog::new(100, one * 3 + one / 2);
        for n in 0..10 {
            log.push(request(n));
        }
        assert_eq!(log.snapshot().len(), 3);
        assert!(log.bytes() <= one * 3 + one / 2);
        assert_eq!(log.total(), 10);
        // An entry larger than the whole limit is not kept.
        let small = RequestLog::new(100, one / 2);
        small.push(request(0));
        assert!(small.snapshot().is_empty());
        assert_eq!(small.bytes(), 0);
        log.clear();
        assert_eq!(log.bytes(), 0);
    }

    #[test]
    fn only_verified_bodies_are_kept_and_then_a_prefix() {
        let body = Bytes::from_static(b"0123456789");
        let mut r = request(0);
        r.keep_body(&body, false, 4);
        assert_eq!(
            (r.body.len(), r.body_kept, r.body_len),
            (0, BodyKept::Unverified, 10)
        );
        r.keep_body(&body, true, 4);
        assert_eq!((&r.body[..], r.body_kept), (&b"0123"[..], BodyKept::Prefix));
        r.keep_body(&body, true, 10);
        assert_eq!((&r.body[..], r.body_kept), (&body[..], BodyKept::Whole));
    }

    #[test]
    fn debug_hides_secrets() {
        let shown = format!("{:?}", request(1));
        assert!(!shown.contains("very-secret-token"), "{shown}");
        assert!(shown.contains("x-tc-action"), "{shown}");
        assert_eq!(request(1).header("X-TC-Action"), Some("A1"));
    }
}
