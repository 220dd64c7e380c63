//! Every annotated action linked into the program, found at run time (with the
//! `registry` feature; without it, only the parameter schemas and checks are here).
//!
//! `#[tc_action]` submits one `ActionEntry` per action (through the `inventory` crate,
//! re-exported so that user crates need no dependency of their own), so the list is never
//! kept by hand: an action is in the registry exactly when its crate is linked in. An
//! entry knows the action's metadata, the schema of its parameters and how to decode
//! JSON parameters into the typed action and send it; a command line or any other
//! dynamic caller can thus check a request against the typed definition before
//! anything is sent.
//!
//! ```
//! # #[cfg(feature = "registry")] {
//! # use tc_api_core::registry;
//! for entry in registry::actions() {
//!     println!("{} {} {}", entry.meta.service, entry.version_label(), entry.meta.action);
//! }
//! # }
//! ```

mod check;
#[cfg(feature = "registry")]
mod entry;
mod schema;

pub use check::{InvalidParams, ParamError, check_schema, decode, json_type};
#[cfg(feature = "registry")]
pub use entry::{
    API2_LABEL, ActionEntry, CallError, SendFuture, actions, answer_through_typed, find,
    service_actions, services,
};
pub use schema::{
    __probe, BuiltField, BuiltObject, Field, FieldSchema, Fields, ObjectSchema, Schema, WireSchema,
};
