//! What `validate` hands to `expand`: the definition with every value checked and every
//! default filled in. Nothing here carries an error; spans remain only where generated
//! code should point back at the user's tokens.

use syn::{Ident, Path, Type};

use crate::rules::Casing;

/// A checked `#[tc_action]` or `#[tc_model]` item.
pub(crate) struct Definition {
    pub(crate) ident: Ident,
    /// Path of tc-api-core in the user's crate (`::tc_api_core` unless `crate = "..."`).
    pub(crate) krate: Path,
    /// `None` for a unit struct.
    pub(crate) fields: Option<Vec<WireField>>,
    /// Emit `#[derive(Default)]`: every field is optional and the user did not derive it.
    pub(crate) derive_default: bool,
    /// The action's metadata; `None` for `#[tc_model]`.
    pub(crate) action: Option<ActionDefinition>,
    /// The struct's doc comment (for the registry).
    pub(crate) doc: String,
    /// Whether the struct has generic parameters (only models may): such a type gets no
    /// `WireSchema` impl, since its schema would depend on the parameters.
    pub(crate) generic: bool,
}

/// One field and how it appears on the wire.
pub(crate) struct WireField {
    /// The field's type when it is not known to be serializable: its serialization is then
    /// routed through a function named with this type, spanned on it, so that a type
    /// lacking serde impls is reported on the field.
    pub(crate) checked_type: Option<Type>,
    pub(crate) wire_name: String,
    pub(crate) presence: Presence,
    /// `#[serde(...)]` keys the user wrote on the field; the expansion does not write them.
    pub(crate) user_serde_keys: Vec<String>,
    /// The field's type as written.
    pub(crate) ty: Type,
    /// Whether a request must carry the field: not an `Option` or `Vec`, and no
    /// `#[serde(default)]` of the user's.
    pub(crate) required: bool,
    /// The field's doc comment.
    pub(crate) doc: String,
}

/// How a field's absence is handled.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Presence {
    /// Always sent; must be present when decoding.
    Required,
    /// `Option<T>`: omitted when `None`; absent or `null` decodes as `None`.
    Optional,
    /// `Vec<T>`: absent decodes as empty; always written, an empty one as `[]`.
    List,
}

/// The checked metadata of an action, one value per `ActionMeta` field.
pub(crate) struct ActionDefinition {
    pub(crate) service: String,
    pub(crate) action: String,
    /// `None` for API 2.0.
    pub(crate) version: Option<String>,
    pub(crate) host: Option<String>,
    pub(crate) region: RegionRule,
    pub(crate) allowed_regions: Vec<String>,
    pub(crate) rate_limit: Option<u32>,
    pub(crate) idempotent: bool,
    pub(crate) response: Type,
    /// `None` means the crate's `CommonErrorCode`.
    pub(crate) errors: Option<Type>,
}

/// The `region = "..."` policy.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum RegionRule {
    Required,
    Optional,
    None,
}

/// The casing that `api2` selects.
pub(crate) fn casing(api2: bool) -> Casing {
    if api2 { Casing::Camel } else { Casing::Pascal }
}
