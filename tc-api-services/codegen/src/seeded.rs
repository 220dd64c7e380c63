//! The hand-written versions: the actions the source documents define keep their
//! definitions (rate limits, error-code enums, hosts, regions), and the generator writes
//! everything else of the version around them.

use std::collections::BTreeSet;
use std::fs;
use std::path::Path;

/// The service versions with hand-written actions, as (service, version). Each has its
/// hand-written file at `src/<service>/<vYYYYMMDD>/seeded.rs`.
pub const SEEDED: &[(&str, &str)] = &[
    ("iotexplorer", "2019-04-23"),
    ("tcb", "2018-06-08"),
    ("tcmpp", "2024-08-01"),
    ("tcsas", "2025-01-06"),
];

/// Hand-written modules beside the generated versions of a service, as (service,
/// module): API Gateway's API 2.0 actions, from the calling guide.
pub const HAND_WRITTEN_MODULES: &[(&str, &str)] = &[("apigateway", "v2")];

/// What a hand-written file defines.
#[derive(Debug, Clone, Default)]
pub struct Seeded {
    /// Action names.
    pub actions: BTreeSet<String>,
    /// Every type name it declares at the top level (actions, models, error enums).
    pub types: BTreeSet<String>,
}

/// Reads the names a hand-written file declares: a top-level `pub struct` or `pub enum`
/// is a type; one right after `#[tc_action(` is an action (named by its `action = ".."`
/// when it has one).
pub fn read(path: &Path) -> Result<Seeded, String> {
    let text = fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut seeded = Seeded::default();
    let mut pending_action: Option<Option<String>> = None;
    let mut in_attribute = false;
    for line in text.lines() {
        let trimmed = line.trim();
        if trimmed.starts_with("#[tc_action") {
            pending_action = Some(None);
            in_attribute = true;
        }
        if in_attribute {
            if let Some(rest) = trimmed.split("action = \"").nth(1) {
                let name = rest.split('"').next().unwrap_or_default().to_owned();
                pending_action = Some(Some(name));
            }
            if trimmed.ends_with(")]") {
                in_attribute = false;
            }
        }
        let declared = line
            .strip_prefix("pub struct ")
            .or_else(|| line.strip_prefix("    pub enum "))
            .or_else(|| line.strip_prefix("pub enum "));
        if let Some(rest) = declared {
            let name: String = rest
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect();
            if let Some(action) = pending_action.take() {
                seeded
                    .actions
                    .insert(action.unwrap_or_else(|| name.clone()));
            }
            seeded.types.insert(name);
        }
    }
    Ok(seeded)
}
