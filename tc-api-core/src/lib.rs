//! Runtime of tc-api: signing, credentials, endpoints, the client and the emulator.
//!
//! Users normally depend on this crate and `tc-api-macros` and write
//! `#[tc_action(...)]` structs; see the workspace README.

#[doc(hidden)]
#[path = "fuzzing.rs"]
pub mod __fuzz;
pub mod action;
pub mod client;
pub mod credential;
#[cfg(feature = "emulator")]
pub mod emulator;
pub mod endpoint;
pub mod envelope;
pub mod error;
pub mod limiter;
pub mod region;
pub mod registry;
pub mod retry;
mod secret;
pub mod sign;

pub use action::{Action, ActionMeta, ApiStyle, CommonErrorCode, Empty, ErrorCode, RegionPolicy};
pub use client::{Client, ClientBuilder, Output, RequestId};
pub use credential::{Credential, CredentialError, ProvideCredential};
pub use error::Error;
pub use secret::SecretString;

/// Paths the generated code names, so that a user crate needs no direct dependency on
/// serde or inventory. Not a public API: anything here may change without notice.
#[doc(hidden)]
pub mod __private {
    #[cfg(feature = "registry")]
    pub use inventory;
    pub use serde;
    pub use serde_json;
}

/// What `#[tc_action]` expands its registry entry to: the entry submitted to
/// [`registry`] when the `registry` feature is on. Not a public API.
#[cfg(feature = "registry")]
#[doc(hidden)]
#[macro_export]
macro_rules! __register_action {
    ($action:ident, $doc:expr) => {
        $crate::__private::inventory::submit! {
            $crate::registry::ActionEntry::new::<$action>($doc).with_answer({
                // The probe picks the round trip when the response is `Serialize`: the
                // type is concrete here, which autoref specialisation needs.
                fn answer(
                    answer: $crate::__private::serde_json::Value,
                ) -> ::core::option::Option<
                    ::core::result::Result<
                        $crate::__private::serde_json::Value,
                        $crate::registry::ParamError,
                    >,
                > {
                    #[allow(unused_imports)]
                    use $crate::registry::__probe::{AnswerFallback as _, AnswerViaSerde as _};
                    #[allow(clippy::needless_borrow)]
                    (&&$crate::registry::__probe::Probe::<
                        <$action as $crate::Action>::Response,
                    >::new())
                    .answer_through_typed(answer)
                }
                answer
            })
        }
    };
}

/// What `#[tc_action]` expands its registry entry to: nothing, without the `registry`
/// feature. Not a public API.
#[cfg(not(feature = "registry"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __register_action {
    ($action:ident, $doc:expr) => {};
}
