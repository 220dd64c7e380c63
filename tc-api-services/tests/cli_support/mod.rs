//! Shared by the `cli_*` tests: the built `tcapi` binary run as a child process (with a
//! clean environment, never the real HOME), an emulator seeded with the documented
//! examples, and temporary directories.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use serde_json::Value;
use tc_api_core::emulator::{DEMO_SECRET_ID, DEMO_SECRET_KEY, Emulator};

/// `tcapi` arguments of a documented ReleaseMNPVersion call that the seeded emulator
/// answers.
pub const RELEASE_CALL: [&str; 8] = [
    "tcmpp",
    "ReleaseMNPVersion",
    "--MNPVersionId",
    "2597",
    "--PlatformId",
    "T04257DS9431720WTAG",
    "--region",
    "ap-guangzhou",
];

/// The demo credential as environment variables.
pub fn demo_env() -> Vec<(&'static str, String)> {
    vec![
        ("TENCENTCLOUD_SECRET_ID", DEMO_SECRET_ID.to_owned()),
        ("TENCENTCLOUD_SECRET_KEY", DEMO_SECRET_KEY.to_owned()),
    ]
}

/// An emulator on its own runtime, accepting the demo credential, answering every
/// action of this crate with its documented example.
pub fn seeded() -> Emulator {
    let emulator = Emulator::builder()
        .demo_credential()
        .start_in_background()
        .expect("the emulator starts");
    tc_api_services::emulator::seed(&emulator).expect("the examples seed");
    emulator
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

/// What one run of `tcapi` did.
#[derive(Debug)]
pub struct Run {
    pub status: Option<i32>,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    /// stdout as JSON (the run must have succeeded).
    pub fn json(&self) -> Value {
        assert_eq!(self.status, Some(0), "tcapi failed: {self:?}");
        assert!(self.stderr.is_empty(), "{self:?}");
        serde_json::from_str(&self.stdout)
            .unwrap_or_else(|e| panic!("stdout is not JSON ({e}): {self:?}"))
    }

    /// stderr as JSON (the run must have failed with `status`, printing nothing on
    /// stdout).
    pub fn error(&self, status: i32) -> Value {
        assert_eq!(self.status, Some(status), "{self:?}");
        assert!(self.stdout.is_empty(), "{self:?}");
        serde_json::from_str(&self.stderr)
            .unwrap_or_else(|e| panic!("stderr is not JSON ({e}): {self:?}"))
    }
}

/// Runs the built `tcapi` with `args`, in an environment holding only `env` and a HOME
/// of its own (an empty directory unless `env` sets HOME, so no real profile is ever
/// read). Every run is
/// bounded by the emulator-facing `--timeout` the tests pass, and by the client's own
/// attempt timeout otherwise.
pub fn tcapi(args: &[&str], env: &[(&str, String)]) -> Run {
    let home = TempDir::new();
    let mut command = Command::new(env!("CARGO_BIN_EXE_tcapi"));
    command
        .args(args)
        .env_clear()
        .env("HOME", home.path())
        .env("USERPROFILE", home.path())
        // No test asks the real CVM metadata address.
        .env("TC_API_METADATA_DISABLED", "true")
        .stdin(Stdio::null());
    for (name, value) in env {
        command.env(name, value);
    }
    let output = command.output().expect("tcapi runs");
    Run {
        status: output.status.code(),
        stdout: String::from_utf8(output.stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(output.stderr).expect("stderr is UTF-8"),
    }
}

/// `tcapi` against `emulator` with the demo credential in the environment: `args`
/// plus `--endpoint URL` and, unless `args` set one, `--timeout 20`.
pub fn tcapi_at(emulator: &Emulator, args: &[&str]) -> Run {
    tcapi_at_with(emulator, args, &demo_env())
}

/// [`tcapi_at`] with this environment instead of the demo credential.
pub fn tcapi_at_with(emulator: &Emulator, args: &[&str], env: &[(&str, String)]) -> Run {
    let mut all: Vec<&str> = args.to_vec();
    all.extend(["--endpoint", emulator.url()]);
    if !args.iter().any(|arg| arg.starts_with("--timeout")) {
        all.extend(["--timeout", "20"]);
    }
    tcapi(&all, env)
}

/// The response without its RequestId, and the RequestId.
pub fn split_request_id(mut response: Value) -> (Value, Option<String>) {
    let id = response
        .as_object_mut()
        .and_then(|object| object.remove("RequestId"))
        .and_then(|id| id.as_str().map(str::to_owned));
    (response, id)
}
