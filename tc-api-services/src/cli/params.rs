//! The request's parameters as one JSON object, from `--cli-input-json` and the
//! `--Name VALUE` arguments (which win).
//!
//! A VALUE is read as JSON when it parses, else taken as a string; when the action's
//! definition says the parameter is a String, the text is taken as it is (so
//! `--PlatformId 123` is the string `"123"`), unless it is a quoted JSON string. Dotted
//! names set nested values: `--Filters.0.Name zone` is `{"Filters": [{"Name": "zone"}]}`.

use std::collections::HashSet;

use serde_json::{Map, Value};
use tc_api_core::registry::{Schema, json_type};

use super::CliError;
use super::args::RawParam;

/// The parameters of one call. `schema` is that of the action's parameters, when it
/// has a definition (typed or from the table).
pub fn build(
    input_json: Option<&str>,
    params: &[RawParam],
    schema: Option<Schema>,
) -> Result<Value, CliError> {
    let mut root = match input_json {
        Some(input) => read_input(input)?,
        None => Value::Object(Map::new()),
    };
    let mut seen = HashSet::new();
    for param in params {
        if !seen.insert(param.name.as_str()) {
            return Err(CliError::usage(format!(
                "parameter --{} is given twice",
                param.name
            )));
        }
        let segments: Vec<&str> = param.name.split('.').collect();
        if segments.iter().any(|segment| segment.is_empty()) {
            return Err(CliError::usage(format!(
                "--{} is not a parameter name (empty part between dots)",
                param.name
            )));
        }
        let target = schema.and_then(|schema| schema_at(schema, &segments));
        let value = coerce(&param.value, target);
        set_path(&mut root, &segments, value, &param.name, 0)?;
    }
    Ok(root)
}

/// The JSON of `--cli-input-json`: the text itself, or the file of `file://PATH`.
fn read_input(input: &str) -> Result<Value, CliError> {
    let (text, source) = match input.strip_prefix("file://") {
        Some(path) => {
            let text = std::fs::read_to_string(path).map_err(|error| {
                CliError::input(format!("--cli-input-json: cannot read {path:?}: {error}"))
            })?;
            (text, format!("file {path:?}"))
        }
        None => (input.to_owned(), "the value".to_owned()),
    };
    let value: Value = serde_json::from_str(&text).map_err(|error| {
        CliError::input(format!(
            "--cli-input-json: {source} is not valid JSON: {error}"
        ))
    })?;
    match value {
        Value::Object(_) => Ok(value),
        Value::Null => Ok(Value::Object(Map::new())),
        other => Err(CliError::input(format!(
            "--cli-input-json must be a JSON object of parameters; {source} is {} {}",
            article(json_type(&other)),
            json_type(&other)
        ))),
    }
}

fn article(word: &str) -> &'static str {
    if word.starts_with(['a', 'e', 'i', 'o', 'u']) {
        "an"
    } else {
        "a"
    }
}

/// The schema of the value at `segments` below `schema`, if the definition has one.
fn schema_at(schema: Schema, segments: &[&str]) -> Option<Schema> {
    let Some((first, rest)) = segments.split_first() else {
        return Some(schema);
    };
    let inner = if let Some(object) = schema.fields() {
        object.get(first)?.schema
    } else if let Some(item) = schema.element() {
        index(first)?;
        item
    } else if let Schema::Map(value) = schema {
        value()
    } else {
        return None;
    };
    schema_at(inner, rest)
}

fn index(segment: &str) -> Option<usize> {
    segment
        .bytes()
        .all(|b| b.is_ascii_digit())
        .then(|| segment.parse().ok())
        .flatten()
}

/// The value of one `--Name VALUE`.
fn coerce(text: &str, schema: Option<Schema>) -> Value {
    match (schema, serde_json::from_str::<Value>(text)) {
        (Some(Schema::String), Ok(Value::String(quoted))) => Value::String(quoted),
        (Some(Schema::String), _) => Value::String(text.to_owned()),
        (_, Ok(value)) => value,
        (_, Err(_)) => Value::String(text.to_owned()),
    }
}

/// Sets `value` at `segments` below `target`, making objects and arrays on the way
/// (a segment of digits is an array index when the place holds no object).
fn set_path(
    target: &mut Value,
    segments: &[&str],
    value: Value,
    name: &str,
    depth: usize,
) -> Result<(), CliError> {
    let Some((first, rest)) = segments.split_first() else {
        *target = value;
        return Ok(());
    };
    if target.is_null() {
        *target = match index(first) {
            Some(_) if depth > 0 => Value::Array(Vec::new()),
            _ => Value::Object(Map::new()),
        };
    }
    let prefix = |n: usize| segments_before(name, depth + n);
    match target {
        Value::Object(map) => {
            let slot = map.entry((*first).to_owned()).or_insert(Value::Null);
            set_path(slot, rest, value, name, depth + 1)
        }
        Value::Array(items) => {
            let Some(i) = index(first) else {
                return Err(CliError::usage(format!(
                    "--{name}: {} is an array, so the part after it must be an index; found {first:?}",
                    prefix(0)
                )));
            };
            if i > items.len() {
                return Err(CliError::usage(format!(
                    "--{name}: index {i} of {} comes before index {} is given (indexes count from 0, without gaps)",
                    prefix(0),
                    items.len()
                )));
            }
            if i == items.len() {
                items.push(Value::Null);
            }
            set_path(&mut items[i], rest, value, name, depth + 1)
        }
        scalar => Err(CliError::usage(format!(
            "--{name}: {} is {} {} already, so nothing can be set inside it",
            prefix(0),
            article(json_type(scalar)),
            json_type(scalar)
        ))),
    }
}

/// The first `n` dotted parts of `name`.
fn segments_before(name: &str, n: usize) -> String {
    name.split('.').take(n).collect::<Vec<_>>().join(".")
}

#[cfg(test)]
mod tests {
    use serde_json::json;
    use tc_api_core::registry::{FieldSchema, ObjectSchema, WireSchema};

    use super::*;

    fn raw(pairs: &[(&str, &str)]) -> Vec<RawParam> {
        pairs
            .iter()
            .map(|(name, value)| RawParam {
                name: (*name).to_owned(),
                value: (*value).to_owned(),
            })
            .collect()
    }

    static FILTER: ObjectSchema = ObjectSchema {
        name: "Filter",
        fields: &[
            FieldSchema {
                name: "Name",
                required: true,
                schema: String::wire_schema,
                doc: "",
            },
            FieldSchema {
                name: "Values",
                required: false,
                schema: <Vec<String>>::wire_schema,
                doc: "",
            },
        ],
    };
    struct Filter;
    impl WireSchema for Filter {
        fn wire_schema() -> Schema {
            Schema::Object(&FILTER)
        }
    }
    static ACTION: ObjectSchema = ObjectSchema {
        name: "DescribeThings",
        fields: &[
            FieldSchema {
                name: "PlatformId",
                required: true,
                schema: String::wire_schema,
                doc: "",
            },
            FieldSchema {
                name: "Limit",
                required: false,
                schema: i64::wire_schema,
                doc: "",
            },
            FieldSchema {
                name: "Filters",
                required: false,
                schema: <Vec<Filter>>::wire_schema,
                doc: "",
            },
        ],
    };

    #[test]
    fn values_are_json_when_they_parse_and_strings_where_the_definition_says_so() {
        let params = build(
            None,
            &raw(&[
                ("PlatformId", "123"),
                ("Limit", "10"),
                ("Filters.0.Name", "true"),
                ("Filters.0.Values", r#"["a", "b"]"#),
                ("Other", "not json"),
                ("Quoted", r#""x""#),
            ]),
            Some(Schema::Object(&ACTION)),
        )
        .unwrap();
        assert_eq!(
            params,
            json!({
                "PlatformId": "123",
                "Limit": 10,
                "Filters": [{"Name": "true", "Values": ["a", "b"]}],
                "Other": "not json",
                "Quoted": "x",
            })
        );
        // Without a definition, JSON wins.
        let params = build(None, &raw(&[("PlatformId", "123")]), None).unwrap();
        assert_eq!(params, json!({"PlatformId": 123}));
    }

    #[test]
    fn arguments_override_the_input_json() {
        let params = build(
            Some(r#"{"Limit": 1, "Filters": [{"Name": "a"}], "PlatformId": "p"}"#),
            &raw(&[
                ("Limit", "2"),
                ("Filters.0.Values.0", "v"),
                ("Filters.1.Name", "b"),
            ]),
            Some(Schema::Object(&ACTION)),
        )
        .unwrap();
        assert_eq!(
            params,
            json!({"Limit": 2, "PlatformId": "p", "Filters": [{"Name": "a", "Values": ["v"]}, {"Name": "b"}]})
        );
    }

    #[test]
    fn input_files_are_read() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("input.json");
        std::fs::write(&file, r#"{"Limit": 3}"#).unwrap();
        let params = build(Some(&format!("file://{}", file.display())), &[], None).unwrap();
        assert_eq!(params, json!({"Limit": 3}));
        let missing = dir.path().join("missing.json");
        let err = build(Some(&format!("file://{}", missing.display())), &[], None).unwrap_err();
        assert_eq!(err.code(), "InvalidInput");
        assert!(err.message().contains("cannot read"), "{}", err.message());
    }

    #[test]
    fn bad_input_and_bad_paths_are_errors() {
        for (input, params, needle) in [
            (Some("{nope"), vec![], "not valid JSON"),
            (Some("[1]"), vec![], "is an array"),
            (None, raw(&[("A", "1"), ("A", "2")]), "given twice"),
            (None, raw(&[("A..B", "1")]), "empty part"),
            (
                None,
                raw(&[("A.1", "x")]),
                "index 1 of A comes before index 0",
            ),
            (
                None,
                raw(&[("A", "1"), ("A.B", "2")]),
                "A is an integer already",
            ),
            (None, raw(&[("A.0", "1"), ("A.x", "2")]), "must be an index"),
        ] {
            let err = build(input, &params, None).unwrap_err();
            assert!(
                err.message().contains(needle),
                "{needle}: {}",
                err.message()
            );
        }
    }
}
