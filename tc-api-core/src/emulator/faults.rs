//! Injected faults: misbehaviour the emulator shows on request, for testing how a client
//! copes with throttling, server errors, slow answers and broken connections.
//!
//! A [`Fault`] is a kind, a scope (every action, or one action) and a count. Faults are
//! kept in the order injected; each request takes the first fault whose scope matches
//! it, and a fault is gone once its count is used up. So
//! `inject(Fault::throttle().times(2))` throttles the next two calls, whatever they are.
//!
//! Faults apply before the request is verified: they stand for what happens in front of
//! the API (a gateway, the network, an overloaded server).

use std::sync::Mutex;
use std::time::Duration;

use super::state::lock;

/// What goes wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum FaultKind {
    /// Answer `RequestLimitExceeded` (API 2.0: code 4400) without running the handler.
    Throttle,
    /// Answer this API error without running the handler.
    ApiError {
        /// The API 3.0 code (API 2.0 answers map it, see `EmulatorError::v2_code`).
        code: String,
        /// The message.
        message: String,
    },
    /// Answer this HTTP status with an HTML body that is no API answer, as a gateway
    /// does, without running the handler.
    HttpStatus(u16),
    /// Wait this long, then handle the request normally (a slow server: the status line
    /// and headers come late).
    Delay(Duration),
    /// Close the connection without reading the request body and without answering; the
    /// handler does not run. Matched as soon as the request head arrives: an action scope
    /// matches when the action is in the head (TC3 `X-TC-Action`, v1 GET query). For a v1
    /// POST, whose action is in the body, an action-scoped fault of this kind fires after
    /// the body is read, still before anything is processed.
    DropBeforeRead,
    /// Read and process the request (the handler runs), then close the connection
    /// without answering: the client cannot know whether the call took effect.
    DropAfterRead,
    /// Process the request, then answer HTTP 200 with a correctly framed body that is
    /// not valid JSON (the real answer cut in half).
    MalformedJson,
    /// Process the request, then announce the real answer's length in `Content-Length`,
    /// send half of it and close the connection.
    TruncatedBody,
    /// Answer HTTP 200 with a valid API 3.0 success envelope of exactly this many bytes
    /// (padded), streamed without being held in memory; the handler does not run.
    /// `chunked` sends it without `Content-Length`.
    LargeBody {
        /// Total size of the body in bytes (at least the envelope's own size).
        bytes: u64,
        /// Use chunked transfer encoding instead of `Content-Length`.
        chunked: bool,
    },
}

/// Which requests a fault applies to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FaultScope {
    /// Any request.
    Any,
    /// Requests for this action name (any version, any service).
    Action(String),
}

/// How many requests a fault applies to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FaultCount {
    /// This many matching requests, then the fault is gone.
    Times(u32),
    /// Every matching request until the faults are cleared.
    Always,
}

/// A fault to inject with [`Emulator::inject`](super::Emulator::inject).
///
/// ```
/// # use std::time::Duration;
/// use tc_api_core::emulator::Fault;
/// let throttle_twice = Fault::throttle().times(2);
/// let flaky = Fault::status(503).for_action("DescribeApisStatus").always().with_probability(0.1);
/// let slow = Fault::delay(Duration::from_millis(200));
/// # let _ = (throttle_twice, flaky, slow);
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Fault {
    kind: FaultKind,
    scope: FaultScope,
    count: FaultCount,
    probability: f64,
}

impl Fault {
    /// A fault of `kind`, for the next request of any action.
    pub fn new(kind: FaultKind) -> Self {
        Fault {
            kind,
            scope: FaultScope::Any,
            count: FaultCount::Times(1),
            probability: 1.0,
        }
    }

    /// See [`FaultKind::Throttle`].
    pub fn throttle() -> Self {
        Self::new(FaultKind::Throttle)
    }

    /// See [`FaultKind::ApiError`].
    pub fn api_error(code: impl Into<String>, message: impl Into<String>) -> Self {
        Self::new(FaultKind::ApiError {
            code: code.into(),
            message: message.into(),
        })
    }

    /// See [`FaultKind::HttpStatus`]; e.g. 500, 502, 503, 504.
    pub fn status(status: u16) -> Self {
        Self::new(FaultKind::HttpStatus(status))
    }

    /// See [`FaultKind::Delay`].
    pub fn delay(delay: Duration) -> Self {
        Self::new(FaultKind::Delay(delay))
    }

    /// See [`FaultKind::DropBeforeRead`].
    pub fn drop_before_read() -> Self {
        Self::new(FaultKind::DropBeforeRead)
    }

    /// See [`FaultKind::DropAfterRead`].
    pub fn drop_after_read() -> Self {
        Self::new(FaultKind::DropAfterRead)
    }

    /// See [`FaultKind::MalformedJson`].
    pub fn malformed_json() -> Self {
        Self::new(FaultKind::MalformedJson)
    }

    /// See [`FaultKind::TruncatedBody`].
    pub fn truncated_body() -> Self {
        Self::new(FaultKind::TruncatedBody)
    }

    /// See [`FaultKind::LargeBody`] (with `Content-Length`).
    pub fn large_body(bytes: u64) -> Self {
        Self::new(FaultKind::LargeBody {
            bytes,
            chunked: false,
        })
    }

    /// Applies to requests of this action name only.
    pub fn for_action(mut self, action: impl Into<String>) -> Self {
        self.scope = FaultScope::Action(action.into());
        self
    }

    /// Applies to the next `n` matching requests (default 1; 0 makes the fault inert).
    pub fn times(mut self, n: u32) -> Self {
        self.count = FaultCount::Times(n);
        self
    }

    /// Applies to every matching request until [`Emulator::clear_faults`](super::Emulator::clear_faults).
    pub fn always(mut self) -> Self {
        self.count = FaultCount::Always;
        self
    }

    /// Fires on a matching request with this probability (clamped to 0..=1; default 1);
    /// a request it spares does not use up the count.
    pub fn with_probability(mut self, probability: f64) -> Self {
        self.probability = if probability.is_nan() {
            0.0
        } else {
            probability.clamp(0.0, 1.0)
        };
        self
    }

    /// What goes wrong.
    pub fn kind(&self) -> &FaultKind {
        &self.kind
    }

    /// Which requests it applies to.
    pub fn scope(&self) -> &FaultScope {
        &self.scope
    }

    /// How many requests it applies to.
    pub fn count(&self) -> FaultCount {
        self.count
    }

    fn matches(&self, action: Option<&str>) -> bool {
        match &self.scope {
            FaultScope::Any => true,
            FaultScope::Action(wanted) => action == Some(wanted.as_str()),
        }
    }
}

/// When a request is matched against the faults.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Stage {
    /// The head arrived; the body is not read. Only [`FaultKind::DropBeforeRead`] fires.
    Head,
    /// The whole request is read.
    Read,
}

/// The injected faults, in order.
#[derive(Debug, Default)]
pub(crate) struct FaultQueue {
    faults: Mutex<Vec<Fault>>,
}

impl FaultQueue {
    pub(crate) fn push(&self, fault: Fault) {
        if fault.count != FaultCount::Times(0) {
            lock(&self.faults).push(fault);
        }
    }

    pub(crate) fn clear(&self) {
        lock(&self.faults).clear();
    }

    pub(crate) fn len(&self) -> usize {
        lock(&self.faults).len()
    }

    /// The fault this request takes, if any, using up one of its count.
    ///
    /// At [`Stage::Head`] only the first matching fault is considered, and taken only if
    /// it drops before reading: the order of injection is kept across stages.
    pub(crate) fn take(&self, stage: Stage, action: Option<&str>) -> Option<FaultKind> {
        let mut faults = lock(&self.faults);
        if faults.is_empty() {
            return None;
        }
        let index = faults.iter().position(|fault| {
            fault.matches(action)
                && (fault.probability >= 1.0 || rand::random::<f64>() < fault.probability)
        })?;
        if stage == Stage::Head && faults[index].kind != FaultKind::DropBeforeRead {
            return None;
        }
        let fault = &mut faults[index];
        let kind = fault.kind.clone();
        if let FaultCount::Times(n) = &mut fault.count {
            *n -= 1;
            if *n == 0 {
                faults.remove(index);
            }
        }
        Some(kind)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn faults_are_taken_in_order_and_used_up() {
        let queue = FaultQueue::default();
        queue.push(Fault::throttle().times(2));
        queue.push(Fault::status(503));
        assert_eq!(
            queue.take(Stage::Read, Some("A")),
            Some(FaultKind::Throttle)
        );
        assert_eq!(queue.take(Stage::Read, None), Some(FaultKind::Throttle));
        assert_eq!(
            queue.take(Stage::Read, Some("B")),
            Some(FaultKind::HttpStatus(503))
        );
        assert_eq!(queue.take(Stage::Read, Some("B")), None);
        assert_eq!(queue.len(), 0);
    }

    #[test]
    fn scoped_faults_skip_other_actions() {
        let queue = FaultQueue::default();
        queue.push(Fault::drop_after_read().for_action("A"));
        assert_eq!(queue.take(Stage::Read, Some("B")), None);
        assert_eq!(queue.take(Stage::Read, None), None);
        assert_eq!(
            queue.take(Stage::Read, Some("A")),
            Some(FaultKind::DropAfterRead)
        );
    }

    #[test]
    fn head_stage_takes_only_a_leading_drop_before_read() {
        let queue = FaultQueue::default();
        queue.push(Fault::throttle());
        queue.push(Fault::drop_before_read());
        assert_eq!(
            queue.take(Stage::Head, Some("A")),
            None,
            "throttle is first"
        );
        assert_eq!(
            queue.take(Stage::Read, Some("A")),
            Some(FaultKind::Throttle)
        );
        assert_eq!(
            queue.take(Stage::Head, Some("A")),
            Some(FaultKind::DropBeforeRead)
        );
    }

    #[test]
    fn always_and_probability() {
        let queue = FaultQueue::default();
        queue.push(Fault::throttle().always().with_probability(0.0));
        queue.push(Fault::status(500).always());
        for _ in 0..5 {
            assert_eq!(
                queue.take(Stage::Read, None),
                Some(FaultKind::HttpStatus(500))
            );
        }
        assert_eq!(queue.len(), 2);
        queue.clear();
        assert_eq!(queue.take(Stage::Read, None), None);
        queue.push(Fault::throttle().times(0));
        assert_eq!(queue.len(), 0);
        assert_eq!(
            Fault::throttle().with_probability(f64::NAN).probability,
            0.0
        );
    }
}
