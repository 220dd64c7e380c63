//! What every connection of one emulator shares. Locks are held for a lookup or an
//! insertion only, never across an `.await`.

use std::collections::HashMap;
use std::fmt;
use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError, RwLock, RwLockReadGuard, RwLockWriteGuard};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use zeroize::Zeroizing;

use super::faults::FaultQueue;
use super::record::RequestLog;
use super::routes::Routes;
use crate::sign::tc3::SigningKeyCache;

/// A credential the emulator accepts.
pub(crate) struct KnownCredential {
    pub(crate) secret_key: Zeroizing<String>,
    /// When set, requests signed with this credential must carry this token.
    pub(crate) token: Option<Zeroizing<String>>,
}

impl fmt::Debug for KnownCredential {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("KnownCredential")
            .field("secret_key", &"<redacted>")
            .field("token", &self.token.as_ref().map(|_| "<redacted>"))
            .finish()
    }
}

pub(crate) struct State {
    pub(crate) credentials: RwLock<HashMap<String, Arc<KnownCredential>>>,
    pub(crate) routes: Routes,
    pub(crate) faults: FaultQueue,
    pub(crate) log: RequestLog,
    /// Seconds added to the system clock.
    pub(crate) clock_offset: AtomicI64,
    /// Largest accepted distance between a request's timestamp and the clock, seconds.
    pub(crate) max_skew_secs: i64,
    /// Largest accepted request body.
    pub(crate) max_body_bytes: usize,
    /// How many bytes of a verified body the log keeps.
    pub(crate) record_body_bytes: usize,
    /// How many connections are served at once.
    pub(crate) max_connections: usize,
    /// How long the head, then the body, of a request may take to arrive.
    pub(crate) read_timeout: Duration,
    /// Bodies larger than [`SMALL_BODY_BYTES`] reserve their size here before they are
    /// read: the bound on the body bytes all connections hold together.
    pub(crate) body_budget: BodyBudget,
    pub(crate) signing_keys: SigningKeyCache,
}

/// Bodies up to this size are read without a reservation from the [`BodyBudget`]: they
/// never wait behind large ones, and hold at most `max_connections` × 64 KiB together.
pub(crate) const SMALL_BODY_BYTES: usize = 64 * 1024;

/// The bytes of large request bodies that may be held at once, shared by every
/// connection. A request reserves its whole (announced) size at once, so no two requests
/// can each hold part of what the other waits for.
#[derive(Debug)]
pub(crate) struct BodyBudget {
    permits: Arc<tokio::sync::Semaphore>,
    total: u32,
}

impl BodyBudget {
    /// A budget of `bytes`, at most `u32::MAX` (4 GiB).
    pub(crate) fn new(bytes: usize) -> Self {
        let total = u32::try_from(bytes).unwrap_or(u32::MAX);
        BodyBudget {
            permits: Arc::new(tokio::sync::Semaphore::new(total as usize)),
            total,
        }
    }

    /// Waits until `bytes` (capped at the whole budget, so that any body can be read)
    /// are free and reserves them until the returned guard is dropped. Small bodies
    /// reserve nothing.
    pub(crate) async fn reserve(&self, bytes: usize) -> Option<tokio::sync::OwnedSemaphorePermit> {
        if bytes <= SMALL_BODY_BYTES {
            return None;
        }
        let wanted = u32::try_from(bytes).unwrap_or(u32::MAX).min(self.total);
        // The semaphore is never closed, so acquiring fails only if it were.
        Arc::clone(&self.permits)
            .acquire_many_owned(wanted)
            .await
            .ok()
    }
}

impl State {
    /// The emulator's clock: the system clock plus the offset.
    pub(crate) fn now(&self) -> SystemTime {
        let offset = self.clock_offset.load(Ordering::Relaxed);
        let now = SystemTime::now();
        let shifted = if offset >= 0 {
            now.checked_add(Duration::from_secs(offset.unsigned_abs()))
        } else {
            now.checked_sub(Duration::from_secs(offset.unsigned_abs()))
        };
        shifted.unwrap_or(now)
    }

    pub(crate) fn now_unix(&self) -> i64 {
        match self.now().duration_since(UNIX_EPOCH) {
            Ok(after) => i64::try_from(after.as_secs()).unwrap_or(i64::MAX),
            Err(before) => -i64::try_from(before.duration().as_secs()).unwrap_or(i64::MAX),
        }
    }

    pub(crate) fn credential(&self, secret_id: &str) -> Option<Arc<KnownCredential>> {
        read(&self.credentials).get(secret_id).cloned()
    }
}

/// Locks a mutex, taking over the data of a thread that panicked while holding it: the
/// emulator's state stays usable (each update is a single push, pop or insertion).
pub(crate) fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

pub(crate) fn read<T>(lock: &RwLock<T>) -> RwLockReadGuard<'_, T> {
    lock.read().unwrap_or_else(PoisonError::into_inner)
}

pub(crate) fn write<T>(lock: &RwLock<T>) -> RwLockWriteGuard<'_, T> {
    lock.write().unwrap_or_else(PoisonError::into_inner)
}
