//! The schema table: the parameters of every API 3.0 action of the official metadata,
//! as data (`schema_table/`, one file per service, written by `tc-api-codegen`, whose
//! `codegen/src/schema_table.rs` describes the format). `tcapi` reads it for the actions
//! it was built without.
//!
//! Nothing is read before it is needed: a service's file is indexed (versions, action
//! names) on first use, and the schemas of one service version are built on first use,
//! as tc-api-core's [`BuiltObject`]s, so the checks, templates and help of typed
//! definitions apply to them unchanged. They live as long as the program (a command
//! line runs one call).

use std::collections::HashMap;
use std::sync::OnceLock;

use tc_api_core::registry::{BuiltField, BuiltObject, Schema};

use super::schema_table::SERVICES;

/// One service of the table.
#[derive(Debug)]
pub struct Service {
    /// The wire name (`cvm`, `as`).
    pub name: &'static str,
    /// The cargo feature of tc-api-services that compiles its typed definitions.
    pub feature: &'static str,
    text: &'static str,
    versions: OnceLock<Vec<Version>>,
}

/// One API version of a service.
#[derive(Debug)]
pub struct Version {
    /// `2017-03-12`.
    pub version: &'static str,
    /// The action names, sorted.
    pub actions: Vec<&'static str>,
    /// The version's `M` and `A` lines.
    lines: &'static str,
    built: OnceLock<Result<Built, String>>,
}

/// The built schemas of one version: each action's parameters.
#[derive(Debug)]
struct Built {
    actions: HashMap<&'static str, &'static BuiltObject>,
}

/// An action of the table, its schema built.
#[derive(Debug, Clone, Copy)]
pub struct TableAction {
    /// Its service.
    pub service: &'static Service,
    /// The version it is sent with.
    pub version: &'static str,
    /// The action name.
    pub name: &'static str,
    /// Its parameters.
    pub params: &'static BuiltObject,
}

/// Every service of the table, sorted by wire name.
pub fn services() -> &'static [Service] {
    static ALL: OnceLock<Vec<Service>> = OnceLock::new();
    ALL.get_or_init(|| {
        SERVICES
            .iter()
            .map(|&(name, feature, text)| Service::new(name, feature, text))
            .collect()
    })
}

/// The service with wire name `name`.
pub fn service(name: &str) -> Option<&'static Service> {
    let services = services();
    services
        .binary_search_by(|service| service.name.cmp(name))
        .ok()
        .map(|index| &services[index])
}

impl Service {
    fn new(name: &'static str, feature: &'static str, text: &'static str) -> Self {
        Service {
            name,
            feature,
            text,
            versions: OnceLock::new(),
        }
    }

    /// Its versions, oldest first.
    pub fn versions(&self) -> &[Version] {
        self.versions.get_or_init(|| index(self.text))
    }

    /// The action `action` of `version`, or of the newest version that has it; built on
    /// first use. `Err` only if the table itself is broken.
    pub fn find(
        &'static self,
        action: &str,
        version: Option<&str>,
    ) -> Result<Option<TableAction>, String> {
        let Some(found) = self
            .versions()
            .iter()
            .rev()
            .filter(|v| version.is_none_or(|wanted| v.version == wanted))
            .find(|v| v.has(action))
        else {
            return Ok(None);
        };
        let built = found
            .built
            .get_or_init(|| build(found.lines))
            .as_ref()
            .map_err(|error| {
                format!(
                    "the schema table is broken at {} {}: {error}",
                    self.name, found.version
                )
            })?;
        Ok(built.actions.get(action).map(|&params| TableAction {
            service: self,
            version: found.version,
            name: params.name(),
            params,
        }))
    }

    /// How many actions the table has for this service, over all versions.
    pub fn action_count(&self) -> usize {
        self.versions().iter().map(|v| v.actions.len()).sum()
    }
}

impl Version {
    /// Whether the version has `action`.
    pub fn has(&self, action: &str) -> bool {
        self.actions.binary_search(&action).is_ok()
    }
}

/// The versions and action names of a service's file, without building any schema.
fn index(text: &'static str) -> Vec<Version> {
    let mut versions: Vec<Version> = Vec::new();
    let mut offset = 0;
    // Where the `M`/`A` lines of the last version start.
    let mut section = 0;
    for line in text.split_inclusive('\n') {
        let start = offset;
        offset += line.len();
        if let Some(version) = line.strip_prefix("V ") {
            if let Some(last) = versions.last_mut() {
                last.lines = &text[section..start];
            }
            section = offset;
            versions.push(Version {
                version: version.trim_end(),
                actions: Vec::new(),
                lines: "",
                built: OnceLock::new(),
            });
        } else if let (Some(rest), Some(last)) = (line.strip_prefix("A "), versions.last_mut()) {
            let name = rest.split([' ', '\n']).next().unwrap_or_default();
            last.actions.push(name.trim_end());
        }
    }
    if let Some(last) = versions.last_mut() {
        last.lines = &text[section..];
    }
    for version in &mut versions {
        version.actions.sort_unstable();
    }
    versions
}

/// The schemas of one version's lines: every model and action made first (so members
/// can name any model, the one they are in included), then their fields.
fn build(lines: &'static str) -> Result<Built, String> {
    let lines: Vec<(char, &'static str, &'static str)> = lines
        .lines()
        .filter_map(|line| {
            let (tag, rest) = line.split_once(' ')?;
            let (name, members) = rest.split_once(' ').unwrap_or((rest, ""));
            match tag {
                "M" => Some(('M', name, members)),
                "A" => Some(('A', name, members)),
                _ => None,
            }
        })
        .collect();
    let objects: &'static [BuiltObject] = Box::leak(
        lines
            .iter()
            .map(|(_, name, _)| BuiltObject::new(*name))
            .collect::<Box<[_]>>(),
    );
    let models: HashMap<&'static str, &'static Schema> = {
        let schemas: &'static [Schema] = Box::leak(
            objects
                .iter()
                .zip(&lines)
                .filter(|(_, (tag, _, _))| *tag == 'M')
                .map(|(object, _)| Schema::Built(object))
                .collect::<Box<[_]>>(),
        );
        lines
            .iter()
            .filter(|(tag, _, _)| *tag == 'M')
            .map(|(_, name, _)| *name)
            .zip(schemas)
            .collect()
    };
    let mut actions = HashMap::new();
    for (object, (tag, name, members)) in objects.iter().zip(&lines) {
        let fields = members
            .split_ascii_whitespace()
            .map(|member| field(member, &models))
            .collect::<Result<Vec<_>, _>>()
            .map_err(|error| format!("{name}: {error}"))?;
        // Each object is new here, so its fields are always accepted.
        let _ = object.set_fields(fields);
        if *tag == 'A' {
            actions.insert(*name, object);
        }
    }
    Ok(Built { actions })
}

/// One `Name:TYPE[!]` member.
fn field(member: &str, models: &HashMap<&str, &'static Schema>) -> Result<BuiltField, String> {
    let (name, kind) = member
        .split_once(':')
        .ok_or_else(|| format!("member {member:?} has no type"))?;
    let (kind, required) = match kind.strip_suffix('!') {
        Some(kind) => (kind, true),
        None => (kind, false),
    };
    let doc = match kind.trim_start_matches('[') {
        "u" => "unsigned",
        "x" => "binary content, sent as a string",
        _ => "",
    };
    Ok(BuiltField {
        name: name.to_owned(),
        required,
        schema: schema(kind, models).map_err(|error| format!("{name}: {error}"))?,
        doc: doc.to_owned(),
    })
}

fn schema(kind: &str, models: &HashMap<&str, &'static Schema>) -> Result<Schema, String> {
    static STRING: Schema = Schema::String;
    static INTEGER: Schema = Schema::Integer;
    static FLOAT: Schema = Schema::Float;
    static BOOLEAN: Schema = Schema::Boolean;
    let element = |kind: &str| -> Result<&'static Schema, String> {
        Ok(match kind {
            "s" | "x" => &STRING,
            "i" | "u" => &INTEGER,
            "f" => &FLOAT,
            "b" => &BOOLEAN,
            _ => match kind.strip_prefix('@') {
                Some(model) => models
                    .get(model)
                    .ok_or_else(|| format!("model {model:?} is not in this version"))?,
                // A list of lists: not in the metadata, but cheap to allow.
                None => Box::leak(Box::new(schema(kind, models)?)),
            },
        })
    };
    match kind.strip_prefix('[') {
        Some(item) => Ok(Schema::ArrayOf(element(item)?)),
        None if kind.starts_with('@') || ["s", "x", "i", "u", "f", "b"].contains(&kind) => {
            Ok(*element(kind)?)
        }
        None => Err(format!("unknown type {kind:?}")),
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;
    use tc_api_core::registry::check_schema;

    use super::*;

    const AS: &str = "\
# comment
V 2018-04-19
M Filter Name:s! Values:[s
M Node Id:i! Children:[@Node
A DescribeGroups Filters:[@Filter Limit:u Tree:@Node
A Empty
";
    const CVM: &str = "\
V 2017-03-12
A DescribeZones
V 2020-01-01
A DescribeZones Product:s
";

    fn leak(name: &'static str, text: &'static str) -> &'static Service {
        Box::leak(Box::new(Service::new(name, name, text)))
    }

    #[test]
    fn the_index_has_versions_and_actions() {
        let service = leak("as", AS);
        assert_eq!(service.versions().len(), 1);
        assert_eq!(service.versions()[0].actions, ["DescribeGroups", "Empty"]);
        let cvm = leak("cvm", CVM);
        assert_eq!(cvm.versions().len(), 2);
        assert_eq!(cvm.versions()[0].lines, "A DescribeZones\n");
        assert_eq!(cvm.versions()[1].lines, "A DescribeZones Product:s\n");
        assert_eq!(cvm.action_count(), 2);
    }

    #[test]
    fn schemas_are_built_with_nested_and_recursive_models() {
        let action = leak("as", AS)
            .find("DescribeGroups", None)
            .unwrap()
            .expect("in the table");
        assert_eq!(
            (action.version, action.name),
            ("2018-04-19", "DescribeGroups")
        );
        let schema = Schema::Built(action.params);
        assert_eq!(
            schema.skeleton(),
            json!({"Filters": [{"Name": "", "Values": [""]}], "Limit": 0, "Tree": {"Id": 0, "Children": [{}]}})
        );
        let errors: Vec<String> = check_schema(
            action.params,
            &json!({"Filters": [{"Values": [1]}], "Limit": "x", "Tree": {"Id": 1, "Children": [{"Idd": 2}]}}),
        )
        .iter()
        .map(ToString::to_string)
        .collect();
        assert_eq!(
            errors,
            [
                "parameter Filters.0.Values.0 expects String; found integer 1",
                "missing required parameter Filters.0.Name (String)",
                "parameter Limit expects Integer; found string \"x\"",
                "unknown parameter Tree.Children.0.Idd: Node has no field \"Idd\"",
                "missing required parameter Tree.Children.0.Id (Integer)",
            ]
        );
        let cvm = leak("cvm", CVM);
        let newest = cvm.find("DescribeZones", None).unwrap().unwrap();
        assert_eq!(newest.version, "2020-01-01");
        assert_eq!(newest.params.fields().len(), 1);
        let older = cvm
            .find("DescribeZones", Some("2017-03-12"))
            .unwrap()
            .unwrap();
        assert!(older.params.fields().is_empty());
        assert!(
            cvm.find("DescribeZones", Some("2019-01-01"))
                .unwrap()
                .is_none()
        );
        assert!(cvm.find("Nope", None).unwrap().is_none());
    }

    #[test]
    fn a_broken_table_is_an_error() {
        let broken = leak("cvm", "V 2017-03-12\nA DescribeZones Filters:[@Filter\n");
        let error = broken.find("DescribeZones", None).unwrap_err();
        assert!(
            error.contains("\"Filter\" is not in this version"),
            "{error}"
        );
    }

    /// Every version of the real table builds, and every file is in the index.
    #[test]
    fn the_whole_table_builds() {
        let mut actions = 0;
        for service in services() {
            for version in service.versions() {
                for action in &version.actions {
                    let found = service.find(action, Some(version.version)).unwrap();
                    assert!(found.is_some(), "{} {action}", service.name);
                    actions += 1;
                }
            }
        }
        assert!(actions > 16_000, "{actions}");
        assert_eq!(service("as").unwrap().feature, "autoscaling");
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/cli/schema_table");
        let mut files: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|entry| entry.unwrap().file_name().into_string().unwrap())
            .filter(|name| name != "mod.rs")
            .collect();
        files.sort_unstable();
        let indexed: Vec<String> = services()
            .iter()
            .map(|s| format!("{}.txt", s.name))
            .collect();
        assert_eq!(files, indexed, "a file the index does not list is stale");
    }
}
