//! The merged description of the cloud: both packages united into one set of services,
//! versions, actions and models, with the overrides applied.
//!
//! The merge rule:
//! - a service version is in the catalog when either package has it;
//! - an action is in it when either package has it; its input and output model names
//!   come from the China package when both have it;
//! - an action is generated when it is online (or has no status) in at least one package;
//!   deprecated and offline actions are left out and listed;
//! - a model present in both keeps the China package's member order, and members only the
//!   international package has are appended;
//! - a member present in both is required only when both require it (a definition never
//!   refuses a request one site accepts), may be null when either says so, and takes its
//!   example from the China package; when the two disagree on its type, the overrides file
//!   must settle it (an unsettled conflict stops the generator).

use std::collections::{BTreeMap, BTreeSet};

use serde::Deserialize;

use crate::metadata::{ApiAction, ApiMember};
use crate::source::{Package, Site};

/// The type of a member.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Kind {
    /// `string` (also dates and times, which travel as strings).
    String,
    /// `int` / `int64`.
    Int64,
    /// `int` / `uint64`.
    Uint64,
    /// `float`.
    Float,
    /// `bool`.
    Bool,
    /// `binary`: file content; the JSON body carries it as a string.
    Binary,
    /// A nested model by name.
    Model(String),
    /// `list` of an element type.
    List(Box<Kind>),
}

impl Kind {
    /// Reads `type` / `member` of the metadata.
    pub fn from_metadata(kind: &str, member: &str) -> Result<Kind, String> {
        let scalar = |member: &str| -> Result<Kind, String> {
            Ok(match member {
                "string" | "datetime" | "datetime_iso" | "date" => Kind::String,
                "int64" => Kind::Int64,
                "uint64" => Kind::Uint64,
                "float" | "double" => Kind::Float,
                "bool" => Kind::Bool,
                "binary" => Kind::Binary,
                model => Kind::Model(model.to_owned()),
            })
        };
        match kind {
            "list" => Ok(Kind::List(Box::new(scalar(member)?))),
            "object" => Ok(Kind::Model(member.to_owned())),
            "string" => Ok(Kind::String),
            "int" => match member {
                "uint64" => Ok(Kind::Uint64),
                "int64" | "int" | "integer" => Ok(Kind::Int64),
                other => Err(format!("int member type `{other}`")),
            },
            "float" => Ok(Kind::Float),
            "bool" => Ok(Kind::Bool),
            "binary" => Ok(Kind::Binary),
            other => Err(format!("member type `{other}`")),
        }
    }

    /// The model this type names, directly or as list element.
    pub fn model(&self) -> Option<&str> {
        match self {
            Kind::Model(name) => Some(name),
            Kind::List(element) => element.model(),
            _ => None,
        }
    }

    /// The spelling in the overrides file and reports: `string`, `list of Filter`.
    pub fn describe(&self) -> String {
        match self {
            Kind::String => "string".into(),
            Kind::Int64 => "int64".into(),
            Kind::Uint64 => "uint64".into(),
            Kind::Float => "float".into(),
            Kind::Bool => "bool".into(),
            Kind::Binary => "binary".into(),
            Kind::Model(name) => name.clone(),
            Kind::List(element) => format!("list of {}", element.describe()),
        }
    }

    fn parse_described(text: &str) -> Result<Kind, String> {
        if let Some(element) = text.strip_prefix("list of ") {
            return Ok(Kind::List(Box::new(Kind::parse_described(element)?)));
        }
        let kind = Kind::from_metadata("list", text)?;
        match kind {
            Kind::List(element) => Ok(*element),
            other => Ok(other),
        }
    }
}

/// One member of a model.
#[derive(Debug, Clone, PartialEq)]
pub struct Member {
    /// Wire name.
    pub name: String,
    /// Type.
    pub kind: Kind,
    /// Whether a request must carry it.
    pub required: bool,
    /// Whether an answer may carry `null` here.
    pub nullable: bool,
    /// Example value as the metadata writes it.
    pub example: Option<String>,
}

/// One model: a request, a response or a nested structure.
#[derive(Debug, Clone, PartialEq)]
pub struct Model {
    /// Name in the metadata.
    pub name: String,
    /// Members in order.
    pub members: Vec<Member>,
}

/// One action.
#[derive(Debug, Clone, PartialEq)]
pub struct Action {
    /// Name sent as `X-TC-Action`.
    pub name: String,
    /// Request model name.
    pub input: String,
    /// Response model name.
    pub output: String,
    /// Packages that list it, and its status in each.
    pub statuses: BTreeMap<Site, String>,
}

impl Action {
    /// Whether the action is generated: online in at least one package.
    pub fn is_online(&self) -> bool {
        self.statuses.values().any(|status| status == "online")
    }

    /// The packages that have it.
    pub fn sites(&self) -> BTreeSet<Site> {
        self.statuses.keys().copied().collect()
    }
}

/// One API version of one service.
#[derive(Debug, Clone, PartialEq)]
pub struct ApiVersion {
    /// `2017-03-12`.
    pub version: String,
    /// Actions by name.
    pub actions: BTreeMap<String, Action>,
    /// Models by name.
    pub models: BTreeMap<String, Model>,
    /// Packages that have this version.
    pub sites: BTreeSet<Site>,
}

impl ApiVersion {
    /// `v20170312`, the module name.
    pub fn module(&self) -> String {
        format!("v{}", self.version.replace('-', ""))
    }
}

/// One service.
#[derive(Debug, Clone, PartialEq)]
pub struct Service {
    /// Name on the wire (`cvm`, `as`).
    pub name: String,
    /// Versions by date.
    pub versions: BTreeMap<String, ApiVersion>,
}

/// The whole cloud.
#[derive(Debug, Clone, PartialEq)]
pub struct Catalog {
    /// Services by wire name.
    pub services: BTreeMap<String, Service>,
    /// Type conflicts the overrides settled, for the report.
    pub settled: Vec<String>,
}

/// A hand-written fact settling a conflict between the packages.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Override {
    service: String,
    version: String,
    model: String,
    member: String,
    /// The type to use, spelled as [`Kind::describe`] writes it.
    #[serde(rename = "type")]
    kind: String,
    /// The fact behind the choice.
    because: String,
}

/// The overrides file, compiled in so the generator has no other input.
const OVERRIDES: &str = include_str!("../overrides.json");

/// Merges the packages (China first) by the rule in the module docs.
pub fn merge(packages: &[(Site, Package)]) -> Result<Catalog, String> {
    let overrides: Vec<Override> =
        serde_json::from_str(OVERRIDES).map_err(|e| format!("overrides.json: {e}"))?;
    let mut services: BTreeMap<String, Service> = BTreeMap::new();
    let mut conflicts = Vec::new();
    let mut settled = Vec::new();
    let mut used_overrides = BTreeSet::new();
    for (site, package) in packages {
        for files in package.values() {
            let service_name = &files.api.metadata.service_short_name;
            let version = files.api.metadata.api_version.clone();
            let service = services
                .entry(service_name.clone())
                .or_insert_with(|| Service {
                    name: service_name.clone(),
                    versions: BTreeMap::new(),
                });
            let merged = service
                .versions
                .entry(version.clone())
                .or_insert_with(|| ApiVersion {
                    version: version.clone(),
                    actions: BTreeMap::new(),
                    models: BTreeMap::new(),
                    sites: BTreeSet::new(),
                });
            merged.sites.insert(*site);
            for (name, action) in &files.api.actions {
                merge_action(merged, *site, name, action);
            }
            for (model_name, object) in &files.api.objects {
                let mut members = Vec::with_capacity(object.members.len());
                for member in &object.members {
                    members.push(read_member(member).map_err(|e| {
                        format!("{service_name} {version} {model_name}.{}: {e}", member.name)
                    })?);
                }
                match merged.models.get_mut(model_name) {
                    None => {
                        merged.models.insert(
                            model_name.clone(),
                            Model {
                                name: model_name.clone(),
                                members,
                            },
                        );
                    }
                    Some(existing) => {
                        for member in members {
                            let Some(known) =
                                existing.members.iter_mut().find(|m| m.name == member.name)
                            else {
                                existing.members.push(Member {
                                    required: false,
                                    ..member
                                });
                                continue;
                            };
                            known.required &= member.required;
                            known.nullable |= member.nullable;
                            if known.example.is_none() {
                                known.example = member.example;
                            }
                            if known.kind == member.kind {
                                continue;
                            }
                            let settle = overrides.iter().position(|o| {
                                o.service == *service_name
                                    && o.version == version
                                    && o.model == *model_name
                                    && o.member == known.name
                            });
                            let place = format!(
                                "{service_name} {version} {model_name}.{}: {} vs {}",
                                known.name,
                                known.kind.describe(),
                                member.kind.describe()
                            );
                            match settle {
                                Some(index) => {
                                    let choice = &overrides[index];
                                    known.kind = Kind::parse_described(&choice.kind)?;
                                    used_overrides.insert(index);
                                    settled.push(format!(
                                        "{place}: {} ({})",
                                        choice.kind, choice.because
                                    ));
                                }
                                None => conflicts.push(place),
                            }
                        }
                    }
                }
            }
        }
    }
    if !conflicts.is_empty() {
        return Err(format!(
            "the packages disagree on these member types; settle each in overrides.json:\n  {}",
            conflicts.join("\n  ")
        ));
    }
    let unused: Vec<String> = overrides
        .iter()
        .enumerate()
        // Only services that were loaded can tell (tests load a few).
        .filter(|(index, o)| !used_overrides.contains(index) && services.contains_key(&o.service))
        .map(|(_, o)| format!("{} {} {}.{}", o.service, o.version, o.model, o.member))
        .collect();
    if !unused.is_empty() {
        return Err(format!(
            "overrides.json settles conflicts that no longer exist:\n  {}",
            unused.join("\n  ")
        ));
    }
    Ok(Catalog { services, settled })
}

fn merge_action(version: &mut ApiVersion, site: Site, name: &str, action: &ApiAction) {
    let status = action.status.clone().unwrap_or_else(|| "online".to_owned());
    version
        .actions
        .entry(name.to_owned())
        .or_insert_with(|| Action {
            name: name.to_owned(),
            input: action.input.clone(),
            output: action.output.clone(),
            statuses: BTreeMap::new(),
        })
        .statuses
        .insert(site, status);
}

fn read_member(member: &ApiMember) -> Result<Member, String> {
    Ok(Member {
        name: member.name.clone(),
        kind: Kind::from_metadata(&member.kind, &member.member)?,
        required: member.required,
        nullable: member.value_allowed_null,
        example: member.example.clone().filter(|e| !e.trim().is_empty()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::metadata::{ApiFile, ExamplesFile};
    use crate::source::VersionFiles;

    fn package(api: serde_json::Value) -> Package {
        let api: ApiFile = serde_json::from_value(api).unwrap();
        let mut package = Package::new();
        package.insert(
            ("demo".into(), "v20200101".into()),
            VersionFiles {
                api,
                examples: ExamplesFile::default(),
            },
        );
        package
    }

    fn api(members: serde_json::Value, status: &str) -> serde_json::Value {
        serde_json::json!({
            "metadata": {"apiVersion": "2020-01-01", "serviceShortName": "demo"},
            "actions": {"Run": {"input": "RunRequest", "output": "RunResponse", "status": status}},
            "objects": {
                "RunRequest": {"members": members},
                "RunResponse": {"members": []}
            }
        })
    }

    fn member(name: &str, kind: &str, member: &str, required: bool) -> serde_json::Value {
        serde_json::json!({"name": name, "type": kind, "member": member, "required": required})
    }

    #[test]
    fn members_are_united_and_required_only_when_both_say_so() {
        let china = api(
            serde_json::json!([
                member("A", "string", "string", true),
                member("B", "int", "int64", true)
            ]),
            "deprecated",
        );
        let intl = api(
            serde_json::json!([
                member("B", "int", "int64", false),
                member("C", "list", "string", true)
            ]),
            "online",
        );
        let catalog = merge(&[(Site::China, package(china)), (Site::Intl, package(intl))]).unwrap();
        let version = &catalog.services["demo"].versions["2020-01-01"];
        let members = &version.models["RunRequest"].members;
        let summary: Vec<(&str, bool)> = members
            .iter()
            .map(|m| (m.name.as_str(), m.required))
            .collect();
        assert_eq!(summary, [("A", true), ("B", false), ("C", false)]);
        assert_eq!(members[2].kind, Kind::List(Box::new(Kind::String)));
        // Online on one site is enough.
        assert!(version.actions["Run"].is_online());
    }

    #[test]
    fn an_unsettled_type_conflict_stops_the_merge() {
        let china = api(
            serde_json::json!([member("A", "string", "string", true)]),
            "online",
        );
        let intl = api(
            serde_json::json!([member("A", "int", "uint64", true)]),
            "online",
        );
        let error =
            merge(&[(Site::China, package(china)), (Site::Intl, package(intl))]).unwrap_err();
        assert!(
            error.contains("demo 2020-01-01 RunRequest.A: string vs uint64"),
            "{error}"
        );
    }
}
