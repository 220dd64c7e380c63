//! Serving one credential until shortly before it expires, refreshing it once for all
//! concurrent callers.

use std::fmt;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, SystemTime};

use super::{Credential, CredentialError, CredentialFuture, ProvideCredential};
use crate::client::Clock;

/// How long before expiry a temporary credential is refreshed.
pub const DEFAULT_REFRESH_BEFORE: Duration = Duration::from_secs(5 * 60);
/// How long a still-valid credential is served without another refresh attempt after
/// a refresh failed (or returned a credential already due for refresh).
pub const DEFAULT_RETRY_AFTER: Duration = Duration::from_secs(10);

/// Wraps a provider and serves its credential from memory:
///
/// - a credential without expiry (static keys) is fetched once and kept;
/// - a temporary one is served until [`refresh_before`](Self::refresh_before) (5 minutes)
///   before it expires, then refreshed ahead of expiry;
/// - **single flight**: one refresh runs at a time. While it runs, callers holding a
///   still-valid credential keep using it without waiting; callers that have none wait
///   and share the refresh's outcome, so 100 concurrent calls cause one refresh;
/// - when a refresh fails while the cached credential is still valid, that credential
///   is served (the failure is logged through `tracing`, without secrets) and the next
///   attempt waits [`retry_after`](Self::retry_after) (10 s);
/// - once the cached credential has expired and refreshing fails, the answer is
///   [`CredentialError::Expired`] carrying the refresh error;
/// - a credential that arrives already expired is refused the same way.
///
/// The clock is injectable for tests ([`clock`](Self::clock)).
pub struct CachingProvider<P> {
    inner: P,
    state: Mutex<State>,
    /// Held by the one caller that is refreshing.
    gate: tokio::sync::Mutex<()>,
    clock: Clock,
    refresh_before: Duration,
    retry_after: Duration,
}

#[derive(Default)]
struct State {
    cached: Option<Credential>,
    /// Refresh attempts finished so far; a waiter that sees it change shares the
    /// outcome instead of refreshing again.
    attempts: u64,
    /// The error the last attempt answered, for the callers that waited on it.
    last_error: Option<CredentialError>,
    /// No refresh of a still-valid credential before this time.
    quiet_until: Option<SystemTime>,
}

/// What the cache holds, seen at one instant.
enum Cached {
    /// Valid and not due for refresh (or a refresh failed recently).
    Fresh(Credential),
    /// Valid, but within the refresh window.
    Due(Credential),
    /// Nothing, or expired.
    Unusable,
}

impl<P: ProvideCredential> CachingProvider<P> {
    /// Caches what `inner` provides, with the default refresh window and the system
    /// clock.
    pub fn new(inner: P) -> Self {
        Self {
            inner,
            state: Mutex::new(State::default()),
            gate: tokio::sync::Mutex::new(()),
            clock: Arc::new(SystemTime::now),
            refresh_before: DEFAULT_REFRESH_BEFORE,
            retry_after: DEFAULT_RETRY_AFTER,
        }
    }

    /// Refreshes this long before expiry (default 5 minutes).
    pub fn refresh_before(mut self, window: Duration) -> Self {
        self.refresh_before = window;
        self
    }

    /// After a failed refresh, serves the still-valid credential this long before trying
    /// again (default 10 s).
    pub fn retry_after(mut self, pause: Duration) -> Self {
        self.retry_after = pause;
        self
    }

    /// Reads the time from `clock` instead of [`SystemTime::now`].
    pub fn clock(mut self, clock: impl Fn() -> SystemTime + Send + Sync + 'static) -> Self {
        self.clock = Arc::new(clock);
        self
    }

    /// The wrapped provider.
    pub fn inner(&self) -> &P {
        &self.inner
    }

    /// Forgets the cached credential, e.g. after the service rejected it; the next call
    /// fetches a new one.
    pub fn invalidate(&self) {
        let mut state = self.lock();
        state.cached = None;
        state.quiet_until = None;
    }

    fn lock(&self) -> MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn assess(&self, state: &State, now: SystemTime) -> Cached {
        let Some(credential) = &state.cached else {
            return Cached::Unusable;
        };
        let Some(expires_at) = credential.expires_at() else {
            return Cached::Fresh(credential.clone());
        };
        if now >= expires_at {
            return Cached::Unusable;
        }
        let due = expires_at
            .checked_sub(self.refresh_before)
            .is_none_or(|refresh_at| now >= refresh_at);
        let quiet = state.quiet_until.is_some_and(|until| now < until);
        if due && !quiet {
            Cached::Due(credential.clone())
        } else {
            Cached::Fresh(credential.clone())
        }
    }

    async fn get(&self) -> Result<Credential, CredentialError> {
        let (cached, seen) = {
            let state = self.lock();
            (self.assess(&state, (self.clock)()), state.attempts)
        };
        let _gate = match cached {
            Cached::Fresh(credential) => return Ok(credential),
            Cached::Due(credential) => match self.gate.try_lock() {
                Ok(gate) => gate,
                // Someone is refreshing; this one is still good meanwhile.
                Err(_) => return Ok(credential),
            },
            Cached::Unusable => self.gate.lock().await,
        };
        {
            // Another caller may have refreshed while this one waited for the gate.
            let state = self.lock();
            match self.assess(&state, (self.clock)()) {
                Cached::Fresh(credential) => return Ok(credential),
                Cached::Due(credential) if state.attempts != seen => return Ok(credential),
                Cached::Unusable if state.attempts != seen => {
                    if let Some(error) = &state.last_error {
                        return Err(error.clone());
                    }
                }
                _ => {}
            }
        }
        self.refresh().await
    }

    /// Asks the inner provider; called with the gate held.
    async fn refresh(&self) -> Result<Credential, CredentialError> {
        tracing::debug!("refreshing credential");
        let result = self.inner.provide().await;
        let now = (self.clock)();
        let mut state = self.lock();
        state.attempts += 1;
        state.quiet_until = now.checked_add(self.retry_after);
        let error = match result {
            Ok(credential) => match credential.expires_at() {
                Some(expires_at) if expires_at <= now => CredentialError::Expired {
                    expired_at: expires_at,
                    refresh_error: None,
                },
                _ => {
                    if let Some(expires_at) = credential.expires_at() {
                        tracing::debug!(
                            expires_in_secs =
                                expires_at.duration_since(now).unwrap_or_default().as_secs(),
                            "credential refreshed"
                        );
                    }
                    state.cached = Some(credential.clone());
                    state.last_error = None;
                    return Ok(credential);
                }
            },
            Err(error) => error,
        };
        let answer = match &state.cached {
            Some(cached) => match cached.expires_at() {
                Some(expires_at) if now >= expires_at => Err(CredentialError::Expired {
                    expired_at: expires_at,
                    refresh_error: Some(Box::new(error)),
                }),
                expires_at => {
                    tracing::warn!(
                        error = %error,
                        expires_in_secs = expires_at
                            .and_then(|at| at.duration_since(now).ok())
                            .map(|left| left.as_secs()),
                        "credential refresh failed; serving the cached credential until it expires"
                    );
                    Ok(cached.clone())
                }
            },
            None => Err(error),
        };
        if let Err(error) = &answer {
            state.last_error = Some(error.clone());
        }
        answer
    }
}

impl<P: ProvideCredential> ProvideCredential for CachingProvider<P> {
    fn provide(&self) -> CredentialFuture<'_> {
        Box::pin(self.get())
    }
}

impl<P: fmt::Debug> fmt::Debug for CachingProvider<P> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let expires_at = self
            .state
            .lock()
            .ok()
            .and_then(|state| state.cached.as_ref().map(Credential::expires_at));
        f.debug_struct("CachingProvider")
            .field("inner", &self.inner)
            .field("cached_expires_at", &expires_at)
            .field("refresh_before", &self.refresh_before)
            .field("retry_after", &self.retry_after)
            .finish_non_exhaustive()
    }
}

#[cfg(test)]
mod tests {
    use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
    use std::time::UNIX_EPOCH;

    use super::super::test_support::{ID, KEY, TOKEN};
    use super::*;

    /// A clock the test moves by hand.
    #[derive(Clone, Default)]
    struct FakeClock(Arc<AtomicU64>);

    impl FakeClock {
        fn at(secs: u64) -> Self {
            Self(Arc::new(AtomicU64::new(secs)))
        }
        fn now(&self) -> SystemTime {
            UNIX_EPOCH + Duration::from_secs(self.0.load(Ordering::SeqCst))
        }
        fn set(&self, secs: u64) {
            self.0.store(secs, Ordering::SeqCst);
        }
    }

    /// Answers a numbered temporary credential valid for `lifetime` from the fake
    /// clock's now, or an error when told to fail; counts calls.
    #[derive(Debug)]
    struct Issuer {
        clock_secs: Arc<AtomicU64>,
        lifetime: u64,
        calls: Arc<AtomicUsize>,
        fail: Arc<std::sync::atomic::AtomicBool>,
        delay: Duration,
    }

    impl Issuer {
        fn new(clock: &FakeClock, lifetime: u64) -> Self {
            Self {
                clock_secs: clock.0.clone(),
                lifetime,
                calls: Arc::default(),
                fail: Arc::default(),
                delay: Duration::ZERO,
            }
        }
    }

    impl ProvideCredential for Issuer {
        fn provide(&self) -> CredentialFuture<'_> {
            Box::pin(async move {
                let n = self.calls.fetch_add(1, Ordering::SeqCst) + 1;
                if !self.delay.is_zero() {
                    tokio::time::sleep(self.delay).await;
                }
                if self.fail.load(Ordering::SeqCst) {
                    return Err(CredentialError::NotConfigured {
                        reason: "issuer is down".into(),
                    });
                }
                let now = self.clock_secs.load(Ordering::SeqCst);
                Ok(Credential::new(format!("{ID}{n}"), KEY)
                    .unwrap()
                    .with_token(TOKEN)
                    .unwrap()
                    .with_expiry(UNIX_EPOCH + Duration::from_secs(now + self.lifetime)))
            })
        }
    }

    fn caching(issuer: Issuer, clock: &FakeClock) -> CachingProvider<Issuer> {
        let clock = clock.clone();
        CachingProvider::new(issuer).clock(move || clock.now())
    }

    #[tokio::test]
    async fn serves_from_cache_until_the_refresh_window() {
        let clock = FakeClock::at(1_000_000);
        let provider = caching(Issuer::new(&clock, 3600), &clock);
        assert_eq!(
            provider.provide().await.unwrap().secret_id(),
            format!("{ID}1")
        );
        clock.set(1_000_000 + 3600 - 301);
        assert_eq!(
            provider.provide().await.unwrap().secret_id(),
            format!("{ID}1")
        );
        assert_eq!(provider.inner().calls.load(Ordering::SeqCst), 1);
        // Inside the 5-minute window: refreshed ahead of expiry.
        clock.set(1_000_000 + 3600 - 299);
        assert_eq!(
            provider.provide().await.unwrap().secret_id(),
            format!("{ID}2")
        );
        assert_eq!(provider.inner().calls.load(Ordering::SeqCst), 2);
    }

    #[tokio::test]
    async fn credential_without_expiry_is_fetched_once() {
        #[derive(Debug)]
        struct Static(Arc<AtomicUsize>);
        impl ProvideCredential for Static {
            fn provide(&self) -> CredentialFuture<'_> {
                self.0.fetch_add(1, Ordering::SeqCst);
                Box::pin(async { Ok(Credential::new(ID, KEY).unwrap()) })
            }
        }
        let calls = Arc::new(AtomicUsize::new(0));
        let clock = FakeClock::at(5);
        let provider = {
            let clock = clock.clone();
            CachingProvider::new(Static(calls.clone())).clock(move || clock.now())
        };
        for later in [5, 1_000_000, 9_000_000_000] {
            clock.set(later);
            assert_eq!(provider.provide().await.unwrap().secret_id(), ID);
        }
        assert_eq!(calls.load(Ordering::SeqCst), 1);
    }

    #[tokio::test]
    async fn failed_refresh_serves_the_valid_key_then_retries_after_the_pause() {
        let clock = FakeClock::at(1_000_000);
        let issuer = Issuer::new(&clock, 3600);
        let fail = issuer.fail.clone();
        let provider = caching(issuer, &clock);
        provider.provide().await.unwrap();
        fail.store(true, Ordering::SeqCst);
        clock.set(1_000_000 + 3400);
        assert_eq!(
            provider.provide().await.unwrap().secret_id(),
            format!("{ID}1")
        );
        assert_eq!(provider.inner().calls.load(Ordering::SeqCst), 2);
        // Within the pause: no new attempt.
        clock.set(1_000_000 + 3405);
        assert_eq!(
            provider.provide().await.unwrap().secret_id(),
            format!("{ID}1")
        );
        assert_eq!(provider.inner().calls.load(Ordering::SeqCst), 2);
        // After it: tried again, and it works now.
        fail.store(false, Ordering::SeqCst);
        clock.set(1_000_000 + 3411);
        assert_eq!(
            provider.provide().await.unwrap().secret_id(),
            format!("{ID}3")
        );
    }

    #[tokio::test]
    async fn expired_key_and_failed_refresh_is_a_typed_error() {
        let clock = FakeClock::at(1_000_000);
        let issuer = Issuer::new(&clock, 3600);
        let fail = issuer.fail.clone();
        let provider = caching(issuer, &clock);
        provider.provide().await.unwrap();
        fail.store(true, Ordering::SeqCst);
        clock.set(1_000_000 + 3600);
        let err = provider.provide().await.unwrap_err();
        match &err {
            CredentialError::Expired {
                expired_at,
                refresh_error: Some(cause),
            } => {
                assert_eq!(*expired_at, UNIX_EPOCH + Duration::from_secs(1_003_600));
                assert!(cause.to_string().contains("issuer is down"));
            }
            other => panic!("{other:?}"),
        }
        let text = format!("{err} {err:?}");
        assert!(text.contains("expired at"), "{text}");
        assert!(!text.contains(KEY) && !text.contains(TOKEN), "{text}");
        // Expired keys are never served, even within the retry pause.
        assert!(matches!(
            provider.provide().await,
            Err(CredentialError::Expired { .. })
        ));
    }

    #[tokio::test]
    async fn credential_arriving_expired_is_refused() {
        let clock = FakeClock::at(1_000_000);
        let provider = caching(Issuer::new(&clock, 0), &clock);
        assert!(matches!(
            provider.provide().await,
            Err(CredentialError::Expired {
                refresh_error: None,
                ..
            })
        ));
    }

    #[tokio::test]
    async fn first_failure_is_the_inner_error_unchanged() {
        let clock = FakeClock::at(1_000_000);
        let issuer = Issuer::new(&clock, 3600);
        issuer.fail.store(true, Ordering::SeqCst);
        let provider = caching(issuer, &clock);
        let err = provider.provide().await.unwrap_err();
        assert!(err.is_not_configured(), "{err:?}");
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
    async fn concurrent_first_calls_share_one_fetch() {
        let clock = FakeClock::at(1_000_000);
        let mut issuer = Issuer::new(&clock, 3600);
        issuer.delay = Duration::from_millis(200);
        let provider = Arc::new(caching(issuer, &clock));
        let tasks: Vec<_> = (0..100)
            .map(|_| {
                let provider = provider.clone();
                tokio::spawn(
                    async move { provider.provide().await.map(|c| c.secret_id().to_owned()) },
                )
            })
            .collect();
        for task in tasks {
            assert_eq!(task.await.unwrap().unwrap(), format!("{ID}1"));
        }
        assert_eq!(provider.inner().calls.load(Ordering::SeqCst), 1);
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
    async fn concurrent_failures_share_one_attempt() {
        let clock = FakeClock::at(1_000_000);
        let mut issuer = Issuer::new(&clock, 3600);
        issuer.delay = Duration::from_millis(200);
        issuer.fail.store(true, Ordering::SeqCst);
        let provider = Arc::new(caching(issuer, &clock));
        let tasks: Vec<_> = (0..20)
            .map(|_| {
                let provider = provider.clone();
                tokio::spawn(async move { provider.provide().await })
            })
            .collect();
        for task in tasks {
            assert!(task.await.unwrap().is_err());
        }
        assert_eq!(provider.inner().calls.load(Ordering::SeqCst), 1);
    }

    #[tokio::test]
    async fn invalidate_forces_a_new_fetch() {
        let clock = FakeClock::at(1_000_000);
        let provider = caching(Issuer::new(&clock, 3600), &clock);
        provider.provide().await.unwrap();
        provider.invalidate();
        assert_eq!(
            provider.provide().await.unwrap().secret_id(),
            format!("{ID}2")
        );
    }

    #[test]
    fn debug_shows_no_secrets() {
        let clock = FakeClock::at(1);
        let provider = caching(Issuer::new(&clock, 3600), &clock);
        let text = format!("{provider:?}");
        assert!(
            text.contains("CachingProvider") && !text.contains(KEY),
            "{text}"
        );
    }
}
