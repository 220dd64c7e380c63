//! A small, thread-safe cache of TC3 signing keys.

use std::fmt;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{PoisonError, RwLock};

use zeroize::Zeroizing;

use super::key::{SigningKey, derive_signing_key};

/// Keys kept by [`SigningKeyCache::default`]: a client rarely talks to more than a few
/// services with a few credentials on one day.
const DEFAULT_CAPACITY: usize = 16;

/// Derives each TC3 signing key once per (secret key, date, service) and hands out
/// copies afterwards.
///
/// Bounded: a key for a new date replaces the key of the same secret and service for the
/// previous date, and when the cache is full the oldest entry is evicted. The secret
/// keys it holds are never printed (`Debug` shows only sizes) and are wiped when an entry
/// is replaced, evicted or the cache dropped.
pub struct SigningKeyCache {
    entries: RwLock<Entries>,
    capacity: usize,
    derivations: AtomicU64,
}

struct Entries {
    list: Vec<Entry>,
    /// Insertion counter; the entry with the smallest `inserted` is the oldest.
    next: u64,
}

struct Entry {
    secret_key: Zeroizing<String>,
    date: String,
    service: String,
    key: SigningKey,
    inserted: u64,
}

impl Entry {
    fn is(&self, secret_key: &str, date: &str, service: &str) -> bool {
        self.date == date && self.service == service && self.secret_key.as_str() == secret_key
    }
}

impl Default for SigningKeyCache {
    fn default() -> Self {
        Self::with_capacity(DEFAULT_CAPACITY)
    }
}

impl SigningKeyCache {
    /// A cache with the default bound (16 keys).
    pub fn new() -> Self {
        Self::default()
    }

    /// A cache holding at most `capacity` keys (at least one).
    pub fn with_capacity(capacity: usize) -> Self {
        let capacity = capacity.max(1);
        Self {
            entries: RwLock::new(Entries {
                list: Vec::with_capacity(capacity),
                next: 0,
            }),
            capacity,
            derivations: AtomicU64::new(0),
        }
    }

    /// The signing key for `secret_key`, `date` (`YYYY-MM-DD`) and `service`, derived on
    /// the first request for that triple and copied from the cache afterwards.
    pub fn get(&self, secret_key: &str, date: &str, service: &str) -> SigningKey {
        {
            // No code path panics while holding the lock, so a poisoned lock still guards
            // consistent entries: recover it rather than fail.
            let entries = self.entries.read().unwrap_or_else(PoisonError::into_inner);
            if let Some(entry) = entries
                .list
                .iter()
                .find(|e| e.is(secret_key, date, service))
            {
                return entry.key.clone();
            }
        }

        // Derive outside the lock so that other threads keep signing meanwhile.
        let key = derive_signing_key(secret_key, date, service);
        self.derivations.fetch_add(1, Ordering::Relaxed);

        let mut entries = self.entries.write().unwrap_or_else(PoisonError::into_inner);
        if entries.list.iter().any(|e| e.is(secret_key, date, service)) {
            return key; // another thread inserted it while we derived
        }
        let inserted = entries.next;
        entries.next += 1;
        let entry = Entry {
            secret_key: Zeroizing::new(secret_key.to_owned()),
            date: date.to_owned(),
            service: service.to_owned(),
            key: key.clone(),
            inserted,
        };
        let same_secret_and_service = entries
            .list
            .iter()
            .position(|e| e.service == service && e.secret_key.as_str() == secret_key);
        if let Some(i) = same_secret_and_service {
            entries.list[i] = entry; // a new day's key replaces yesterday's
        } else if entries.list.len() < self.capacity {
            entries.list.push(entry);
        } else if let Some(oldest) = entries.list.iter_mut().min_by_key(|e| e.inserted) {
            *oldest = entry;
        }
        key
    }

    /// How many keys this cache has derived (cache misses) since it was created.
    pub fn derivations(&self) -> u64 {
        self.derivations.load(Ordering::Relaxed)
    }

    /// How many keys the cache holds now.
    pub fn len(&self) -> usize {
        self.entries
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .list
            .len()
    }

    /// Whether the cache holds no key.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The most keys the cache holds.
    pub fn capacity(&self) -> usize {
        self.capacity
    }

    /// Drops (and wipes) every cached key and secret.
    pub fn clear(&self) {
        self.entries
            .write()
            .unwrap_or_else(PoisonError::into_inner)
            .list
            .clear();
    }
}

impl fmt::Debug for SigningKeyCache {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SigningKeyCache")
            .field("len", &self.len())
            .field("capacity", &self.capacity)
            .field("derivations", &self.derivations())
            .finish_non_exhaustive()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn assert_send_sync<T: Send + Sync>() {}

    #[test]
    fn is_send_and_sync() {
        assert_send_sync::<SigningKeyCache>();
    }

    #[test]
    fn second_lookup_does_not_derive_again() {
        let cache = SigningKeyCache::new();
        let first = cache.get("secret", "2024-05-01", "cvm");
        assert_eq!(cache.derivations(), 1);
        let second = cache.get("secret", "2024-05-01", "cvm");
        assert_eq!(cache.derivations(), 1, "the second lookup must be a hit");
        assert_eq!(first.expose_bytes(), second.expose_bytes());
        assert_eq!(
            first.expose_bytes(),
            derive_signing_key("secret", "2024-05-01", "cvm").expose_bytes()
        );
    }

    #[test]
    fn each_part_of_the_triple_is_part_of_the_key() {
        let cache = SigningKeyCache::new();
        let base = cache.get("secret", "2024-05-01", "cvm");
        for (secret, date, service) in [
            ("other", "2024-05-01", "cvm"),
            ("secret", "2024-05-02", "cvm"),
            ("secret", "2024-05-01", "cbs"),
        ] {
            let key = cache.get(secret, date, service);
            assert_ne!(key.expose_bytes(), base.expose_bytes());
            assert_eq!(
                key.expose_bytes(),
                derive_signing_key(secret, date, service).expose_bytes()
            );
        }
        assert_eq!(cache.derivations(), 4);
    }

    #[test]
    fn a_new_day_replaces_the_previous_day() {
        let cache = SigningKeyCache::new();
        for day in 1..=30 {
            cache.get("secret", &format!("2024-05-{day:02}"), "cvm");
        }
        assert_eq!(cache.len(), 1);
        assert_eq!(cache.derivations(), 30);
    }

    #[test]
    fn stays_within_capacity_and_evicts_the_oldest() {
        let cache = SigningKeyCache::with_capacity(3);
        for service in ["a", "b", "c", "d"] {
            cache.get("secret", "2024-05-01", service);
        }
        assert_eq!(cache.len(), 3);
        cache.get("secret", "2024-05-01", "d");
        assert_eq!(cache.derivations(), 4, "newest entry is kept");
        cache.get("secret", "2024-05-01", "a");
        assert_eq!(cache.derivations(), 5, "oldest entry was evicted");
        assert_eq!(cache.len(), 3);
        cache.clear();
        assert!(cache.is_empty());
        assert_eq!(SigningKeyCache::with_capacity(0).capacity(), 1);
    }

    #[test]
    fn debug_does_not_print_secrets() {
        let cache = SigningKeyCache::new();
        cache.get("very-secret-key", "2024-05-01", "cvm");
        let shown = format!("{cache:?}");
        assert!(!shown.contains("very-secret-key"), "{shown}");
        assert!(shown.contains("len: 1"), "{shown}");
    }

    #[test]
    fn concurrent_lookups_agree() {
        let cache = SigningKeyCache::new();
        let expected = derive_signing_key("s", "2024-05-01", "cvm");
        std::thread::scope(|scope| {
            for _ in 0..4 {
                scope.spawn(|| {
                    for _ in 0..50 {
                        let key = cache.get("s", "2024-05-01", "cvm");
                        assert_eq!(key.expose_bytes(), expected.expose_bytes());
                    }
                });
            }
        });
        // Racing first lookups may each derive, but never more than once per thread.
        assert!((1..=4).contains(&cache.derivations()));
        assert_eq!(cache.len(), 1);
    }
}
