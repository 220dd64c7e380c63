//! When a failed attempt is tried again, how long to wait, and how many retries a client
//! may spend.
//!
//! # Classification
//!
//! | failure | class | retry cost |
//! |---|---|---|
//! | `RequestLimitExceeded`, `RequestLimitExceeded.*` (3.0), code 4400 (2.0), HTTP 429 | throttled: always retried | 5 |
//! | HTTP 503 without an API answer | not processed: always retried | 5 |
//! | HTTP 500, 502, 504 without an API answer | ambiguous | 5 |
//! | connection refused, DNS or TLS failure ([`TransportPhase::Connect`]) | nothing sent: always retried | 5 |
//! | connect timeout | nothing sent: always retried | 10 |
//! | connection reset, truncated answer after sending ([`TransportPhase::Exchange`]) | ambiguous | 5 |
//! | per-attempt timeout | ambiguous | 10 |
//! | `AuthFailure.SignatureExpire` / 2.0 code 4200 | re-signed once with the server's clock, outside this table | 0 |
//! | `InternalError`, every other API error, decode errors, total timeout, credential, invalid request | fatal | - |
//!
//! *Ambiguous* failures are retried only for idempotent actions (`ActionMeta::idempotent`)
//! or when the client opted in with
//! [`ClientBuilder::retry_ambiguous_non_idempotent`](crate::client::ClientBuilder::retry_ambiguous_non_idempotent).
//!
//! `InternalError` is not retried: neither tencentcloud-sdk-go (which retries only
//! `RequestLimitExceeded` and, for requests with a `ClientToken`, network failures) nor
//! tencentcloud-sdk-python's standard retryer (network errors, non-200 answers,
//! `RequestLimitExceeded` and two sub-codes) retries it, and the server may have acted
//! before failing.
//!
//! # Backoff and budget
//!
//! Retry *n* (1-based) sleeps a uniformly random duration in `[0, min(cap, base * 2^(n-1))]`
//! ("full jitter"). Each retry takes tokens from a bucket shared by all calls of one
//! client (the AWS SDK's standard retry quota): 5 per retry, 10 per retry after a
//! timeout; a call that succeeds returns what its retries took, or 1 token if it needed
//! none, up to the capacity. When the bucket cannot pay, the last error is returned: an
//! outage then costs one attempt per call instead of `max_attempts`.

use std::sync::atomic::{AtomicU32, Ordering};
use std::time::Duration;

use crate::error::{Error, TimeoutKind, TransportPhase, V2Code};

/// Tokens one retry costs.
pub const RETRY_COST: u32 = 5;
/// Tokens one retry after a timeout costs.
pub const TIMEOUT_RETRY_COST: u32 = 10;
/// Tokens a call that succeeded at its first attempt returns.
pub const SUCCESS_REFUND: u32 = 1;

/// Retry settings of a client.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RetryConfig {
    /// Attempts per call, the first included (1 disables retries). Default 3.
    pub max_attempts: u32,
    /// Base of the exponential backoff. Default 1 s.
    pub base_backoff: Duration,
    /// Upper bound of one backoff. Default 20 s.
    pub max_backoff: Duration,
    /// Capacity of the retry budget in tokens; 0 disables the budget. Default 500.
    pub budget: u32,
}

impl Default for RetryConfig {
    fn default() -> Self {
        RetryConfig {
            max_attempts: 3,
            base_backoff: Duration::from_secs(1),
            max_backoff: Duration::from_secs(20),
            budget: 500,
        }
    }
}

impl RetryConfig {
    /// The backoff before retry `retry` (1 for the first retry), full jitter applied.
    pub fn backoff(&self, retry: u32) -> Duration {
        let ceiling = self.backoff_ceiling(retry);
        if ceiling.is_zero() {
            return ceiling;
        }
        let nanos = u64::try_from(ceiling.as_nanos()).unwrap_or(u64::MAX);
        Duration::from_nanos(rand::random_range(0..=nanos))
    }

    /// The upper bound of the backoff before retry `retry`: `min(cap, base * 2^(retry-1))`.
    pub fn backoff_ceiling(&self, retry: u32) -> Duration {
        let factor = 1u32
            .checked_shl(retry.saturating_sub(1))
            .unwrap_or(u32::MAX);
        self.base_backoff
            .checked_mul(factor)
            .unwrap_or(self.max_backoff)
            .min(self.max_backoff)
    }
}

/// How a failure may be retried.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RetryClass {
    /// Never retried.
    Fatal,
    /// Retried for any action: the server did not act (throttled, not sent, 503).
    Safe {
        /// Tokens the retry takes from the budget.
        cost: u32,
    },
    /// The server may have acted: retried only for idempotent actions or on opt-in.
    Ambiguous {
        /// Tokens the retry takes from the budget.
        cost: u32,
    },
}

/// Whether `code` is `RequestLimitExceeded` or one of its sub-codes.
pub fn is_throttling_code(code: &str) -> bool {
    code.strip_prefix("RequestLimitExceeded")
        .is_some_and(|rest| rest.is_empty() || rest.starts_with('.'))
}

/// The retry class of an error; the table is in the module documentation.
pub fn classify(error: &Error) -> RetryClass {
    let safe = RetryClass::Safe { cost: RETRY_COST };
    match error {
        Error::Api {
            code, http_status, ..
        } if is_throttling_code(code) || *http_status == 429 => safe,
        Error::ApiV2 {
            code, http_status, ..
        } if *code == V2Code::QuotaExceeded || *http_status == 429 => safe,
        Error::HttpStatus { status, .. } => match status {
            429 | 503 => safe,
            500 | 502 | 504 => RetryClass::Ambiguous { cost: RETRY_COST },
            _ => RetryClass::Fatal,
        },
        Error::Transport { phase, .. } => match phase {
            TransportPhase::Connect => safe,
            TransportPhase::Exchange => RetryClass::Ambiguous { cost: RETRY_COST },
        },
        Error::Timeout { kind, .. } => match kind {
            TimeoutKind::Connect => RetryClass::Safe {
                cost: TIMEOUT_RETRY_COST,
            },
            TimeoutKind::Attempt => RetryClass::Ambiguous {
                cost: TIMEOUT_RETRY_COST,
            },
            TimeoutKind::Total => RetryClass::Fatal,
        },
        _ => RetryClass::Fatal,
    }
}

/// The retry quota of one client: a token bucket shared by all its calls.
#[derive(Debug)]
pub struct RetryBudget {
    capacity: u32,
    tokens: AtomicU32,
}

impl RetryBudget {
    /// A full bucket of `capacity` tokens; capacity 0 means unlimited.
    pub fn new(capacity: u32) -> Self {
        RetryBudget {
            capacity,
            tokens: AtomicU32::new(capacity),
        }
    }

    /// Tokens left now.
    pub fn available(&self) -> u32 {
        self.tokens.load(Ordering::Relaxed)
    }

    /// Takes `cost` tokens for one retry; false (and nothing taken) if the bucket cannot
    /// pay.
    pub fn try_acquire(&self, cost: u32) -> bool {
        if self.capacity == 0 {
            return true;
        }
        self.tokens
            .fetch_update(Ordering::AcqRel, Ordering::Acquire, |t| t.checked_sub(cost))
            .is_ok()
    }

    /// Returns tokens after a successful call: what its retries took, or
    /// [`SUCCESS_REFUND`] if it took none. Never beyond the capacity.
    pub fn on_success(&self, spent_on_retries: u32) {
        if self.capacity == 0 {
            return;
        }
        let refund = if spent_on_retries == 0 {
            SUCCESS_REFUND
        } else {
            spent_on_retries
        };
        // Only a full bucket makes the update a no-op; skip the write in the common case.
        if self.tokens.load(Ordering::Relaxed) >= self.capacity {
            return;
        }
        let capacity = self.capacity;
        let _ = self
            .tokens
            .fetch_update(Ordering::AcqRel, Ordering::Acquire, |t| {
                Some(t.saturating_add(refund).min(capacity))
            });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn throttling_codes_are_the_code_and_its_sub_codes() {
        assert!(is_throttling_code("RequestLimitExceeded"));
        assert!(is_throttling_code("RequestLimitExceeded.UinLimitExceeded"));
        assert!(is_throttling_code(
            "RequestLimitExceeded.GlobalRegionUinLimitExceeded"
        ));
        assert!(!is_throttling_code("RequestLimitExceededX"));
        assert!(!is_throttling_code("LimitExceeded"));
        assert!(!is_throttling_code("InternalError"));
    }

    #[test]
    fn backoff_ceiling_doubles_up_to_the_cap() {
        let cfg = RetryConfig {
            max_attempts: 10,
            base_backoff: Duration::from_millis(100),
            max_backoff: Duration::from_millis(1000),
            budget: 0,
        };
        let ceilings: Vec<u128> = (1..=6)
            .map(|n| cfg.backoff_ceiling(n).as_millis())
            .collect();
        assert_eq!(ceilings, [100, 200, 400, 800, 1000, 1000]);
        assert_eq!(cfg.backoff_ceiling(200), Duration::from_millis(1000));
        for n in 1..=8 {
            for _ in 0..50 {
                assert!(cfg.backoff(n) <= cfg.backoff_ceiling(n));
            }
        }
    }

    #[test]
    fn backoff_is_jittered_over_the_whole_range() {
        let cfg = RetryConfig {
            base_backoff: Duration::from_millis(1000),
            ..RetryConfig::default()
        };
        let samples: Vec<Duration> = (0..200).map(|_| cfg.backoff(1)).collect();
        assert!(samples.iter().any(|d| *d < Duration::from_millis(250)));
        assert!(samples.iter().any(|d| *d > Duration::from_millis(750)));
    }

    #[test]
    fn budget_is_spent_and_refunded_within_capacity() {
        let budget = RetryBudget::new(12);
        assert!(budget.try_acquire(RETRY_COST));
        assert!(budget.try_acquire(RETRY_COST));
        assert_eq!(budget.available(), 2);
        assert!(!budget.try_acquire(RETRY_COST));
        assert_eq!(budget.available(), 2, "a refused acquire takes nothing");
        budget.on_success(0);
        assert_eq!(budget.available(), 3);
        budget.on_success(10);
        assert_eq!(budget.available(), 12, "refunds stop at the capacity");
        assert!(!budget.try_acquire(13));
    }

    #[test]
    fn zero_capacity_budget_never_refuses() {
        let budget = RetryBudget::new(0);
        for _ in 0..1000 {
            assert!(budget.try_acquire(TIMEOUT_RETRY_COST));
        }
    }
}
