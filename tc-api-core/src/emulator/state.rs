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
    pub(crate) signing_keys: SigningKeyCache,
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
