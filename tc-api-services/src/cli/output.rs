//! What `tcapi` prints on success: the response as JSON (with its RequestId, as the
//! cloud's `Response` object carries it) or as text tables, the list of actions, and the
//! help of a service or an action.

use serde_json::{Map, Value, json};
use tc_api_core::RegionPolicy;
use tc_api_core::client::{Output, RequestId};
use tc_api_core::registry::{ActionEntry, Fields};

use super::args::OutputFormat;
use super::catalog::{self, Known};
use super::table::TableAction;

/// The response object with `RequestId` put back, as the cloud sends it.
pub fn response_json(output: &Output<Value>) -> Value {
    let mut object = match &output.data {
        Value::Object(map) => map.clone(),
        other => {
            let mut map = Map::new();
            map.insert("Data".to_owned(), other.clone());
            map
        }
    };
    object.insert(
        "RequestId".to_owned(),
        json!(id_or_null(&output.request_id)),
    );
    Value::Object(object)
}

fn id_or_null(id: &RequestId) -> Option<&str> {
    (!id.is_empty()).then(|| id.as_str())
}

/// The response in the chosen format, ending with a newline.
pub fn render_response(output: &Output<Value>, format: OutputFormat) -> String {
    let response = response_json(output);
    match format {
        OutputFormat::Json => pretty_ordered(&response, &[], &["RequestId"]),
        OutputFormat::Table => tables(&response),
    }
}

/// Pretty JSON and a newline.
pub fn pretty(value: &Value) -> String {
    pretty_ordered(value, &[], &[])
}

/// Pretty JSON and a newline, the keys of every object in the order `first`, the others
/// (sorted), `last`: so an error reads `Code`, `Message`, `RequestId` first and a
/// response ends with its `RequestId`, as the cloud writes them.
pub fn pretty_ordered(value: &Value, first: &[&str], last: &[&str]) -> String {
    let ordered = Ordered { value, first, last };
    let mut text = serde_json::to_string_pretty(&ordered).unwrap_or_else(|_| value.to_string());
    text.push('\n');
    text
}

struct Ordered<'a> {
    value: &'a Value,
    first: &'a [&'a str],
    last: &'a [&'a str],
}

impl Ordered<'_> {
    fn of<'b>(&'b self, value: &'b Value) -> Ordered<'b> {
        Ordered {
            value,
            first: self.first,
            last: self.last,
        }
    }
}

impl serde::Serialize for Ordered<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::{SerializeMap, SerializeSeq};
        match self.value {
            Value::Object(map) => {
                let mut out = serializer.serialize_map(Some(map.len()))?;
                let pinned = |key: &str| self.first.contains(&key) || self.last.contains(&key);
                let firsts = self.first.iter().filter_map(|k| map.get_key_value(*k));
                let middle = map.iter().filter(|(k, _)| !pinned(k));
                let lasts = self.last.iter().filter_map(|k| map.get_key_value(*k));
                for (key, value) in firsts.chain(middle).chain(lasts) {
                    out.serialize_entry(key, &self.of(value))?;
                }
                out.end()
            }
            Value::Array(items) => {
                let mut out = serializer.serialize_seq(Some(items.len()))?;
                for item in items {
                    out.serialize_element(&self.of(item))?;
                }
                out.end()
            }
            scalar => scalar.serialize(serializer),
        }
    }
}

/// A table of the scalar fields (nested objects flattened to dotted names, arrays of
/// scalars joined), then one table per array of objects, its columns the union of the
/// objects' fields.
fn tables(response: &Value) -> String {
    let mut rows: Vec<Vec<String>> = Vec::new();
    let mut lists: Vec<(String, &Vec<Value>)> = Vec::new();
    collect(response, "", &mut rows, &mut lists);
    let mut out = String::new();
    if !rows.is_empty() {
        out.push_str(&table(&["Field".to_owned(), "Value".to_owned()], &rows));
    }
    for (path, items) in lists {
        let mut columns: Vec<String> = Vec::new();
        for item in items {
            if let Value::Object(map) = item {
                for key in map.keys() {
                    if !columns.contains(key) {
                        columns.push(key.clone());
                    }
                }
            }
        }
        let rows: Vec<Vec<String>> = items
            .iter()
            .map(|item| {
                columns
                    .iter()
                    .map(|column| item.get(column).map(cell).unwrap_or_default())
                    .collect()
            })
            .collect();
        out.push('\n');
        out.push_str(&format!("{path} ({} items)\n", items.len()));
        out.push_str(&table(&columns, &rows));
    }
    out
}

fn collect<'a>(
    value: &'a Value,
    path: &str,
    rows: &mut Vec<Vec<String>>,
    lists: &mut Vec<(String, &'a Vec<Value>)>,
) {
    match value {
        Value::Object(map) if !map.is_empty() => {
            for (key, value) in map {
                let path = if path.is_empty() {
                    key.clone()
                } else {
                    format!("{path}.{key}")
                };
                collect(value, &path, rows, lists);
            }
        }
        Value::Array(items) if !items.is_empty() && items.iter().all(Value::is_object) => {
            lists.push((path.to_owned(), items));
        }
        other => rows.push(vec![path.to_owned(), cell(other)]),
    }
}

/// One value as table text: strings bare, `-` for null, arrays of scalars joined,
/// anything else compact JSON.
fn cell(value: &Value) -> String {
    match value {
        Value::Null => "-".to_owned(),
        Value::String(text) => text.clone(),
        Value::Array(items) if items.iter().all(|v| !v.is_object() && !v.is_array()) => {
            items.iter().map(cell).collect::<Vec<_>>().join(", ")
        }
        other => other.to_string(),
    }
}

/// Columns padded to their widest cell, a dashed rule under the header.
fn table(header: &[String], rows: &[Vec<String>]) -> String {
    let width = |text: &str| text.chars().count();
    let mut widths: Vec<usize> = header.iter().map(|h| width(h)).collect();
    for row in rows {
        for (i, text) in row.iter().enumerate() {
            widths[i] = widths[i].max(width(text));
        }
    }
    let line = |cells: &[String]| {
        let padded: Vec<String> = cells
            .iter()
            .zip(&widths)
            .map(|(text, w)| format!("{text}{}", " ".repeat(w - width(text))))
            .collect();
        format!("{}\n", padded.join("  ").trim_end())
    };
    let mut out = line(header);
    let rule: Vec<String> = widths.iter().map(|w| "-".repeat(*w)).collect();
    out.push_str(&line(&rule));
    for row in rows {
        out.push_str(&line(row));
    }
    out
}

/// `tcapi list [SERVICE]`: every action known, typed or from the schema table.
pub fn list(service: Option<&str>, format: OutputFormat) -> String {
    match service {
        None => {
            let services: Vec<(&str, Vec<Known>)> = catalog::services()
                .into_iter()
                .map(|service| (service, catalog::service_actions(service)))
                .collect();
            let versions = |known: &[Known]| {
                let mut versions: Vec<&str> = known.iter().map(|k| k.version).collect();
                versions.dedup();
                versions
            };
            let typed = |known: &[Known]| known.iter().filter(|k| k.typed.is_some()).count();
            match format {
                OutputFormat::Json => pretty(&Value::Array(
                    services
                        .iter()
                        .map(|(service, known)| {
                            json!({
                                "Service": service,
                                "Versions": versions(known),
                                "Actions": known.len(),
                                "Typed": typed(known),
                            })
                        })
                        .collect(),
                )),
                OutputFormat::Table => {
                    let mut rows: Vec<Vec<String>> = services
                        .iter()
                        .map(|(service, known)| {
                            vec![
                                (*service).to_owned(),
                                versions(known).join(", "),
                                known.len().to_string(),
                                typed(known).to_string(),
                            ]
                        })
                        .collect();
                    let all: Vec<&Known> = services.iter().flat_map(|(_, k)| k).collect();
                    rows.push(vec![
                        format!("({} services)", services.len()),
                        String::new(),
                        all.len().to_string(),
                        all.iter().filter(|k| k.typed.is_some()).count().to_string(),
                    ]);
                    table(
                        &[
                            "Service".into(),
                            "Versions".into(),
                            "Actions".into(),
                            "Typed".into(),
                        ],
                        &rows,
                    )
                }
            }
        }
        Some(service) => {
            let known = catalog::service_actions(service);
            let source = |k: &Known| if k.typed.is_some() { "typed" } else { "table" };
            let summary = |k: &Known| k.typed.map_or("", |entry| summary(entry.doc));
            match format {
                OutputFormat::Json => pretty(&Value::Array(
                    known
                        .iter()
                        .map(|k| {
                            json!({
                                "Action": k.action,
                                "Version": k.version,
                                "Source": source(k),
                                "Summary": summary(k),
                            })
                        })
                        .collect(),
                )),
                OutputFormat::Table => table(
                    &[
                        "Action".into(),
                        "Version".into(),
                        "Source".into(),
                        "Summary".into(),
                    ],
                    &known
                        .iter()
                        .map(|k| {
                            vec![
                                k.action.to_owned(),
                                k.version.to_owned(),
                                source(k).to_owned(),
                                summary(k).to_owned(),
                            ]
                        })
                        .collect::<Vec<_>>(),
                ),
            }
        }
    }
}

/// The first line of a doc comment.
fn summary(doc: &str) -> &str {
    doc.lines().next().unwrap_or_default()
}

/// `tcapi SERVICE ACTION --help`: what the action is, how it is sent, its parameters
/// (nested ones as dotted names, `N` for an array index).
pub fn action_help(entry: &ActionEntry) -> String {
    let meta = &entry.meta;
    let api = match meta.version() {
        Some(version) => format!("API 3.0, version {version}"),
        None => "API 2.0".to_owned(),
    };
    let region = match meta.region {
        RegionPolicy::Required { allowed: [] } => "region required".to_owned(),
        RegionPolicy::Required { allowed } => format!("region required: {}", allowed.join(", ")),
        RegionPolicy::Optional { allowed: [] } => "region optional".to_owned(),
        RegionPolicy::Optional { allowed } => format!("region optional: {}", allowed.join(", ")),
        RegionPolicy::None => "no region".to_owned(),
    };
    let mut facts = vec![api, region];
    if let Some(rate) = meta.rate_limit {
        facts.push(format!("at most {rate} requests/s"));
    }
    facts.push(
        if meta.idempotent {
            "idempotent"
        } else {
            "not idempotent"
        }
        .to_owned(),
    );
    let mut out = format!(
        "{} {} ({})\n{}\n",
        meta.service,
        meta.action,
        facts.join("; "),
        entry.type_name()
    );
    if !entry.doc.is_empty() {
        out.push('\n');
        out.push_str(entry.doc);
        out.push('\n');
    }
    out.push_str(&parameters_and_usage(
        meta.service,
        meta.action,
        Fields::Typed(entry.params()),
    ));
    out
}

/// `tcapi SERVICE ACTION --help` for an action of the schema table: what the table says,
/// and which feature would compile the typed definition.
pub fn table_action_help(action: &TableAction) -> String {
    let service = action.service;
    let mut out = format!(
        "{} {} (API 3.0, version {}; region optional)\n\
         From the schema table: this tcapi is built without the typed definition, which\n\
         feature `{}` of tc-api-services compiles in. Names, presence and JSON types of\n\
         the parameters are checked; value ranges are left to the service.\n",
        service.name, action.name, action.version, service.feature
    );
    let others: Vec<&str> = service
        .versions()
        .iter()
        .filter(|v| v.version != action.version && v.has(action.name))
        .map(|v| v.version)
        .collect();
    if !others.is_empty() {
        out.push_str(&format!(
            "Also in version {} (pick one with --version).\n",
            others.join(", ")
        ));
    }
    out.push_str(&parameters_and_usage(
        service.name,
        action.name,
        Fields::Built(action.params),
    ));
    out
}

/// The parameter table (nested parameters as dotted names, `N` for an array index) and
/// the usage line; the description column only when some parameter has one.
fn parameters_and_usage(service: &str, action: &str, params: Fields) -> String {
    let mut out = String::new();
    let mut rows = Vec::new();
    parameter_rows(params, "", &mut Vec::new(), &mut rows);
    out.push('\n');
    if rows.is_empty() {
        out.push_str("Parameters: none\n");
    } else {
        let mut header: Vec<String> = vec!["Name".into(), "Type".into(), "Required".into()];
        if rows.iter().any(|row| !row[3].is_empty()) {
            header.push("Description".into());
        } else {
            rows.iter_mut().for_each(|row| row.truncate(3));
        }
        out.push_str("Parameters:\n");
        out.push_str(&table(&header, &rows));
    }
    out.push_str(&format!(
        "\nUsage: tcapi {service} {action} [--Name VALUE ...] [--cli-input-json JSON|file://PATH]\n"
    ));
    out
}

fn parameter_rows(
    object: Fields,
    prefix: &str,
    open: &mut Vec<&'static str>,
    rows: &mut Vec<Vec<String>>,
) {
    open.push(object.name());
    for field in object.iter() {
        let name = format!("{prefix}{}", field.name);
        let schema = field.schema;
        rows.push(vec![
            format!("--{name}"),
            schema.describe(),
            if field.required { "yes" } else { "no" }.to_owned(),
            summary(field.doc).to_owned(),
        ]);
        // Nested fields, unless the type is already open above (a recursive model).
        let nested = match (schema.fields(), schema.element()) {
            (Some(inner), _) => Some((inner, format!("{name}."))),
            (None, Some(item)) => item.fields().map(|inner| (inner, format!("{name}.N."))),
            (None, None) => None,
        };
        if let Some((inner, path)) = nested.filter(|(inner, _)| !open.contains(&inner.name())) {
            parameter_rows(inner, &path, open, rows);
        }
    }
    open.pop();
}

/// `tcapi SERVICE --help`.
pub fn service_help(service: &str) -> String {
    format!(
        "Actions of {service} (tcapi {service} ACTION --help shows one):\n\n{}",
        list(Some(service), OutputFormat::Table)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_ordered_as_asked() {
        let value = json!({"RequestId": "r", "B": [{"Z": 1, "Code": 2}], "Code": "C", "A": null});
        assert_eq!(
            pretty_ordered(&value, &["Code"], &["RequestId"]),
            "{\n  \"Code\": \"C\",\n  \"A\": null,\n  \"B\": [\n    {\n      \"Code\": 2,\n      \"Z\": 1\n    }\n  ],\n  \"RequestId\": \"r\"\n}\n"
        );
    }

    #[test]
    fn json_output_puts_the_request_id_back() {
        let output = Output {
            data: json!({"Data": {"Result": true}}),
            request_id: RequestId::from("r-1".to_owned()),
        };
        assert_eq!(
            response_json(&output),
            json!({"Data": {"Result": true}, "RequestId": "r-1"})
        );
        let output = Output {
            data: json!({}),
            request_id: RequestId::default(),
        };
        assert_eq!(response_json(&output), json!({"RequestId": null}));
    }

    #[test]
    fn tables_flatten_objects_and_list_arrays_of_objects() {
        let output = Output {
            data: json!({
                "TotalCount": 2,
                "Data": {"Result": true, "Tags": ["a", "b"]},
                "Set": [{"Id": 1, "Name": "x"}, {"Id": 22, "Extra": null}],
            }),
            request_id: RequestId::from("r-9".to_owned()),
        };
        let text = render_response(&output, OutputFormat::Table);
        assert_eq!(
            text,
            "\
Field        Value
-----------  -----
Data.Result  true
Data.Tags    a, b
RequestId    r-9
TotalCount   2

Set (2 items)
Id  Name  Extra
--  ----  -----
1   x
22        -
"
        );
    }
}
