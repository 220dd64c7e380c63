//! Client-side rate limiting per action, from the documented `rate_limit`.
//!
//! Each (service, action) gets a schedule: attempts start at least `1 / rate` seconds
//! apart, so no one-second window sees more than the documented number. A caller over
//! the rate waits for its slot; it never fails. Slots are reserved under a short lock and
//! waited for outside it, so concurrent callers queue in arrival order. The limiter is
//! shared by all clones of one client.

use std::collections::HashMap;
use std::num::NonZeroU32;
use std::sync::Mutex;
use std::time::Duration;

use tokio::time::Instant;

/// Per-action schedules of one client.
#[derive(Debug, Default)]
pub struct RateLimiter {
    next_slot: Mutex<HashMap<(&'static str, &'static str), Instant>>,
}

impl RateLimiter {
    /// An empty limiter.
    pub fn new() -> Self {
        Self::default()
    }

    /// Reserves the next slot of `service.action` at `rate` per second and returns when
    /// it starts (now, if the action is under its rate).
    pub fn reserve(
        &self,
        service: &'static str,
        action: &'static str,
        rate: NonZeroU32,
    ) -> Instant {
        let interval = Duration::from_secs(1) / rate.get();
        let now = Instant::now();
        let mut slots = self
            .next_slot
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        let next = slots.entry((service, action)).or_insert(now);
        let start = (*next).max(now);
        *next = start + interval;
        start
    }

    /// Waits for the next slot of `service.action` at `rate` per second.
    pub async fn acquire(&self, service: &'static str, action: &'static str, rate: NonZeroU32) {
        let start = self.reserve(service, action, rate);
        if start > Instant::now() {
            tokio::time::sleep_until(start).await;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slots_are_spaced_by_the_interval_per_action() {
        let limiter = RateLimiter::new();
        let rate = NonZeroU32::new(10).unwrap();
        let first = limiter.reserve("svc", "A", rate);
        let second = limiter.reserve("svc", "A", rate);
        let third = limiter.reserve("svc", "A", rate);
        assert_eq!(second - first, Duration::from_millis(100));
        assert_eq!(third - second, Duration::from_millis(100));
        // Another action has its own schedule.
        let other = limiter.reserve("svc", "B", rate);
        assert!(other < second);
    }

    #[tokio::test]
    async fn acquire_waits_instead_of_failing() {
        let limiter = RateLimiter::new();
        let rate = NonZeroU32::new(20).unwrap();
        let started = std::time::Instant::now();
        for _ in 0..5 {
            limiter.acquire("svc", "A", rate).await;
        }
        // Four intervals of 50 ms after the first, immediate, slot.
        let elapsed = started.elapsed();
        assert!(elapsed >= Duration::from_millis(195), "{elapsed:?}");
        assert!(elapsed < Duration::from_millis(600), "{elapsed:?}");
    }
}
