//! Shared fixtures for the credential tests: recognisable fake secrets and temporary
//! directories that clean up after themselves.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

/// Fake secret id (an identifier: allowed in Debug output).
pub const ID: &str = "AKIDtestSECRETid0001";
/// Fake secret key: must never appear in Debug output or errors.
pub const KEY: &str = "KEYtestSECRETvalue0001";
/// Fake session token: must never appear in Debug output or errors.
pub const TOKEN: &str = "TOKENtestSESSIONvalue0001";

/// A fresh directory under the system temp dir, removed on drop.
pub struct TempDir {
    path: PathBuf,
}

impl TempDir {
    pub fn new() -> Self {
        static NEXT: AtomicU64 = AtomicU64::new(0);
        let path = std::env::temp_dir().join(format!(
            "tc-api-credential-test-{}-{}",
            std::process::id(),
            NEXT.fetch_add(1, Ordering::Relaxed)
        ));
        std::fs::create_dir_all(&path).expect("create temp dir");
        Self { path }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Writes `contents` to `name` (creating parent directories) and returns its path.
    pub fn write(&self, name: &str, contents: impl AsRef<[u8]>) -> PathBuf {
        let file = self.path.join(name);
        if let Some(parent) = file.parent() {
            std::fs::create_dir_all(parent).expect("create parent dir");
        }
        std::fs::write(&file, contents).expect("write temp file");
        file
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.path);
    }
}

/// A profile file with one `[default]` section holding the fake id and key.
pub fn default_profile_file() -> String {
    format!("[default]\nsecret_id = {ID}\nsecret_key = {KEY}\n")
}
