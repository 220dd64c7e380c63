//! Runtime of tc-api: signing, credentials, endpoints, the client and the emulator.
//!
//! Users normally depend on this crate and `tc-api-macros` and write
//! `#[tc_action(...)]` structs; see the workspace README.

pub mod action;
pub mod credential;
pub mod sign;

pub use action::{Action, ActionMeta, ApiStyle, CommonErrorCode, Empty, ErrorCode, RegionPolicy};
pub use credential::{Credential, CredentialError, ProvideCredential};

/// Paths the generated code names, so that a user crate needs no direct dependency on
/// serde. Not a public API: anything here may change without notice.
#[doc(hidden)]
pub mod __private {
    pub use serde;
    pub use serde_json;
}
