//! Every action `tcapi` knows: the typed definitions compiled in (the registry), and the
//! schema table for all the others. A typed definition wins wherever both describe the
//! same action; without `--version`, an action compiled in any version is the typed one
//! (so `apigateway CreateApi` stays the API 2.0 action it is with default features).

use tc_api_core::registry::{self, ActionEntry};

use super::table::{self, TableAction};

/// What an action is checked and sent through.
#[derive(Debug, Clone, Copy)]
pub enum Definition {
    /// A typed definition compiled in.
    Typed(&'static ActionEntry),
    /// The schema table.
    Table(TableAction),
}

/// One action of a service, as `tcapi list SERVICE` shows it.
#[derive(Debug, Clone, Copy)]
pub struct Known {
    /// The action name.
    pub action: &'static str,
    /// Its version (`2.0` for API 2.0).
    pub version: &'static str,
    /// The typed definition, when compiled in.
    pub typed: Option<&'static ActionEntry>,
}

/// The definition of `service`'s `action` (of `version` when given). `Err` only if the
/// table itself is broken.
pub fn find(
    service: &str,
    action: &str,
    version: Option<&str>,
) -> Result<Option<Definition>, String> {
    if let Some(entry) = registry::find(service, action, version) {
        return Ok(Some(Definition::Typed(entry)));
    }
    match table::service(service) {
        Some(service) => Ok(service.find(action, version)?.map(Definition::Table)),
        None => Ok(None),
    }
}

/// Every service, sorted, each once.
pub fn services() -> Vec<&'static str> {
    let mut services = registry::services();
    services.extend(table::services().iter().map(|service| service.name));
    services.sort_unstable();
    services.dedup();
    services
}

/// Every action of `service`, sorted by version then name, each once.
pub fn service_actions(service: &str) -> Vec<Known> {
    let mut known: Vec<Known> = registry::service_actions(service)
        .map(|entry| Known {
            action: entry.meta.action,
            version: entry.version_label(),
            typed: Some(entry),
        })
        .collect();
    if let Some(service) = table::service(service) {
        for version in service.versions() {
            known.extend(version.actions.iter().map(|action| Known {
                action,
                version: version.version,
                typed: None,
            }));
        }
    }
    // The typed entry sorts first of a pair, so it is the one kept.
    known.sort_by_key(|k| (k.version, k.action, k.typed.is_none()));
    known.dedup_by_key(|k| (k.version, k.action));
    known
}
