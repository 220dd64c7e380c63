//! Fixtures shared by the credential tests: a clock the test moves by hand, fake
//! temporary keys, metadata documents, and temporary directories.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use tc_api_core::credential::{CachingProvider, Credential, ProvideCredential};

/// Temporary secret key handed out by the fakes: must never appear in errors or logs.
pub const TMP_KEY: &str = "TMPKEYcredentialTEST-Wq7Zr2Xv";
/// Temporary token handed out by the fakes: must never appear in errors or logs.
pub const TMP_TOKEN: &str = "TMPTOKENcredentialTEST-Hd4Ls8Pn";
/// Start of the fake clock, an arbitrary moment.
pub const T0: u64 = 1_750_000_000;

/// The secret id of the `n`th temporary key.
pub fn tmp_id(n: usize) -> String {
    format!("AKIDtmp{n:04}")
}

/// A clock the test moves by hand, shared by clones.
#[derive(Clone)]
pub struct FakeClock(Arc<AtomicU64>);

impl FakeClock {
    pub fn at(secs: u64) -> Self {
        Self(Arc::new(AtomicU64::new(secs)))
    }

    pub fn now(&self) -> SystemTime {
        UNIX_EPOCH + Duration::from_secs(self.0.load(Ordering::SeqCst))
    }

    pub fn set(&self, secs: u64) {
        self.0.store(secs, Ordering::SeqCst);
    }
}

/// `inner` behind a cache that reads `clock`.
pub fn cached<P: ProvideCredential>(inner: P, clock: &FakeClock) -> CachingProvider<P> {
    let clock = clock.clone();
    CachingProvider::new(inner).clock(move || clock.now())
}

/// The credentials document the CVM metadata service answers for a role.
pub fn metadata_document(n: usize, expired_time: u64) -> String {
    format!(
        r#"{{"TmpSecretId":"{}","TmpSecretKey":"{TMP_KEY}","ExpiredTime":{expired_time},"Expiration":"2025-06-15T15:06:40Z","Token":"{TMP_TOKEN}","Code":"Success"}}"#,
        tmp_id(n)
    )
}

/// Asserts that `credential` is the `n`th temporary key, expiring at `expired_time`.
pub fn assert_temporary(credential: &Credential, n: usize, expired_time: u64) {
    assert_eq!(credential.secret_id(), tmp_id(n));
    assert_eq!(credential.secret_key(), TMP_KEY);
    assert_eq!(credential.token(), Some(TMP_TOKEN));
    assert_eq!(
        credential.expires_at(),
        Some(UNIX_EPOCH + Duration::from_secs(expired_time))
    );
}

/// Asserts that neither temporary secret shows in `text`.
pub fn assert_no_secrets(text: &str) {
    assert!(!text.contains(TMP_KEY), "secret key leaked: {text}");
    assert!(!text.contains(TMP_TOKEN), "token leaked: {text}");
}

/// A fresh temporary directory (removed on drop) that writes files into itself.
pub struct TempDir(tempfile::TempDir);

impl TempDir {
    pub fn new() -> Self {
        Self(tempfile::tempdir().expect("create temp dir"))
    }

    pub fn path(&self) -> &Path {
        self.0.path()
    }

    /// Writes `contents` to `name` (creating parent directories) and returns its path.
    pub fn write(&self, name: &str, contents: impl AsRef<[u8]>) -> PathBuf {
        let file = self.path().join(name);
        if let Some(parent) = file.parent() {
            std::fs::create_dir_all(parent).expect("create parent dir");
        }
        std::fs::write(&file, contents).expect("write temp file");
        file
    }
}
