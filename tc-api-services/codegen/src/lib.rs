//! The generator of tc-api-services: reads the official metadata packages (pinned, see
//! [`source::Site`]), merges them ([`catalog`]) and writes one Rust module per service
//! version ([`rust`]) plus the files around them ([`project`]), and the table of every
//! action's parameters that `tcapi` reads ([`schema_table`]).
//!
//! `cargo run -p tc-api-codegen` writes the files; `-- --check` only compares and fails
//! on any difference, which is how CI proves the committed output is what the generator
//! writes.

pub mod catalog;
pub mod metadata;
pub mod naming;
pub mod project;
pub mod rust;
pub mod schema_table;
pub mod seeded;
pub mod source;

use std::path::{Path, PathBuf};

/// The workspace root (two levels above this crate).
pub fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .ancestors()
        .nth(2)
        .expect("the codegen crate lives at tc-api-services/codegen")
        .to_path_buf()
}
