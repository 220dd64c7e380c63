//! Shared fixtures for the credential tests: recognisable fake secrets and temporary
//! directories that clean up after themselves.

use std::path::{Path, PathBuf};

/// Fake secret id (an identifier: allowed in Debug output).
pub const ID: &str = "AKIDtestSECRETid0001";
/// Fake secret key: must never appear in Debug output or errors.
pub const KEY: &str = "KEYtestSECRETvalue0001";
/// Fake session token: must never appear in Debug output or errors.
pub const TOKEN: &str = "TOKENtestSESSIONvalue0001";

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

/// A profile file with one `[default]` section holding the fake id and key.
pub fn default_profile_file() -> String {
    format!("[default]\nsecret_id = {ID}\nsecret_key = {KEY}\n")
}
