//! Checking request parameters given as JSON against an action's definition, before
//! anything is sent: first against the [`Schema`] (unknown names, missing required
//! parameters, wrong JSON types, all of them at once), then by decoding into the typed
//! action (ranges and everything else the schema does not say).
//!
//! Paths name a value the way flattened parameters do: `Filters.0.Values.1`. The schema
//! check reads typed and run-time-built objects alike (through [`Fields`]).

use std::fmt;

use serde::de::DeserializeOwned;
use serde_json::Value;

use super::schema::{Fields, Schema};

/// One problem with the parameters of a request.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ParamError {
    /// The parameters (or a nested value that should be an object) are not a JSON object.
    #[error(
        "{} must be a JSON object ({expected}); found {found}",
        display_path(path)
    )]
    NotAnObject {
        /// Where; empty for the top level.
        path: String,
        /// The expected object type.
        expected: String,
        /// The JSON type found.
        found: &'static str,
    },
    /// A name the action (or nested type) does not have.
    #[error("unknown parameter {}: {expected} has no field {name:?}", display_path(&join(path, name)))]
    Unknown {
        /// The object holding the name; empty for the top level.
        path: String,
        /// The name given.
        name: String,
        /// The type of the object (`ReleaseMNPVersion`, `Filter`).
        expected: String,
        /// The names the object does have, in declaration order.
        known: Vec<&'static str>,
    },
    /// A required parameter is absent.
    #[error("missing required parameter {path} ({expected})")]
    Missing {
        /// The parameter's full path.
        path: String,
        /// Its type.
        expected: String,
    },
    /// A value of the wrong JSON type.
    #[error("parameter {path} expects {expected}; found {found}")]
    WrongType {
        /// The value's full path.
        path: String,
        /// The type the definition gives (`Integer`, `Array of Filter`).
        expected: String,
        /// The JSON type found, with the value when short (`string "abc"`).
        found: String,
    },
    /// The typed decode refused a value the schema accepted (an integer out of range, a
    /// value a hand-written type rejects).
    #[error("parameter {}: {message}", display_path(path))]
    Invalid {
        /// Where, as far as the decoder tells.
        path: String,
        /// The decoder's message.
        message: String,
    },
}

impl ParamError {
    /// The path of the value the problem is about (for [`ParamError::Unknown`], including
    /// the unknown name).
    pub fn path(&self) -> String {
        match self {
            ParamError::Unknown { path, name, .. } => join(path, name),
            ParamError::NotAnObject { path, .. }
            | ParamError::Missing { path, .. }
            | ParamError::WrongType { path, .. }
            | ParamError::Invalid { path, .. } => path.clone(),
        }
    }
}

/// Every problem found in one request's parameters; never empty.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InvalidParams {
    /// The action whose parameters these are.
    pub action: &'static str,
    /// The problems, in the order the parameters were read.
    pub errors: Vec<ParamError>,
}

impl fmt::Display for InvalidParams {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "invalid parameters for {}: ", self.action)?;
        for (i, error) in self.errors.iter().enumerate() {
            if i > 0 {
                f.write_str("; ")?;
            }
            write!(f, "{error}")?;
        }
        Ok(())
    }
}

impl std::error::Error for InvalidParams {}

fn display_path(path: &str) -> &str {
    if path.is_empty() {
        "the parameters"
    } else {
        path
    }
}

fn join(path: &str, name: &str) -> String {
    if path.is_empty() {
        name.to_owned()
    } else {
        format!("{path}.{name}")
    }
}

/// Checks `params` against `object`, the schema of an action's parameters (an
/// annotated struct's, or one built at run time), and collects every problem. `null`
/// stands for "no parameters".
pub fn check_schema(object: impl Into<Fields>, params: &Value) -> Vec<ParamError> {
    let object = object.into();
    let mut errors = Vec::new();
    match params {
        Value::Null => check_object(object, &serde_json::Map::new(), "", &mut errors),
        Value::Object(map) => check_object(object, map, "", &mut errors),
        other => errors.push(ParamError::NotAnObject {
            path: String::new(),
            expected: object.name().to_owned(),
            found: json_type(other),
        }),
    }
    errors
}

fn check_object(
    object: Fields,
    map: &serde_json::Map<String, Value>,
    path: &str,
    errors: &mut Vec<ParamError>,
) {
    for (name, value) in map {
        match object.get(name) {
            Some(field) => {
                let path = join(path, name);
                if value.is_null() && !field.required {
                    continue;
                }
                check_value(field.schema, value, &path, errors);
            }
            None => errors.push(ParamError::Unknown {
                path: path.to_owned(),
                name: name.clone(),
                expected: object.name().to_owned(),
                known: object.names(),
            }),
        }
    }
    for field in object.iter().filter(|field| field.required) {
        if !map.contains_key(field.name) {
            errors.push(ParamError::Missing {
                path: join(path, field.name),
                expected: field.schema.describe(),
            });
        }
    }
}

fn check_value(schema: Schema, value: &Value, path: &str, errors: &mut Vec<ParamError>) {
    if let (Some(item), Value::Array(values)) = (schema.element(), value) {
        for (i, value) in values.iter().enumerate() {
            check_value(item, value, &join(path, &i.to_string()), errors);
        }
        return;
    }
    if let (Some(object), Value::Object(map)) = (schema.fields(), value) {
        check_object(object, map, path, errors);
        return;
    }
    let fits = match (schema, value) {
        (Schema::Any, _) => true,
        (Schema::Boolean, Value::Bool(_)) | (Schema::String, Value::String(_)) => true,
        (Schema::Integer, Value::Number(n)) => n.is_i64() || n.is_u64(),
        (Schema::Float, Value::Number(_)) => true,
        (Schema::Map(entry), Value::Object(map)) => {
            let entry = entry();
            for (key, value) in map {
                check_value(entry, value, &join(path, key), errors);
            }
            true
        }
        _ => false,
    };
    if !fits {
        errors.push(ParamError::WrongType {
            path: path.to_owned(),
            expected: schema.describe(),
            found: describe_value(value),
        });
    }
}

/// The JSON type of a value, as a word.
pub fn json_type(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(n) if n.is_f64() => "number",
        Value::Number(_) => "integer",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    }
}

/// `string "abc"`, `number 1.5`, `object`: the type and, for short scalars, the value.
fn describe_value(value: &Value) -> String {
    const SHORT: usize = 40;
    match value {
        Value::Array(_) | Value::Object(_) | Value::Null => json_type(value).to_owned(),
        scalar => {
            let text = scalar.to_string();
            if text.chars().count() <= SHORT {
                format!("{} {text}", json_type(value))
            } else {
                json_type(value).to_owned()
            }
        }
    }
}

/// Decodes checked parameters into the typed action; a failure names the path the
/// decoder was at.
pub fn decode<A: DeserializeOwned>(params: Value) -> Result<A, ParamError> {
    let params = match params {
        Value::Null => Value::Object(serde_json::Map::new()),
        other => other,
    };
    serde_path_to_error::deserialize(params).map_err(|error| {
        let path = dotted(error.path());
        ParamError::Invalid {
            path,
            message: error.into_inner().to_string(),
        }
    })
}

/// serde_path_to_error's `Filters[0].Name` as `Filters.0.Name`.
fn dotted(path: &serde_path_to_error::Path) -> String {
    use serde_path_to_error::Segment;
    let mut out = String::new();
    for segment in path.iter() {
        let part = match segment {
            Segment::Seq { index } => index.to_string(),
            Segment::Map { key } => key.clone(),
            Segment::Enum { variant } => variant.clone(),
            Segment::Unknown => continue,
        };
        if !out.is_empty() {
            out.push('.');
        }
        out.push_str(&part);
    }
    out
}

#[cfg(test)]
mod tests {
    use serde::Deserialize;
    use serde_json::json;

    use super::super::schema::{BuiltField, BuiltObject, FieldSchema, ObjectSchema, WireSchema};
    use super::*;

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
                name: "Limit",
                required: true,
                schema: u8::wire_schema,
                doc: "",
            },
            FieldSchema {
                name: "Filters",
                required: false,
                schema: <Vec<Filter>>::wire_schema,
                doc: "",
            },
            FieldSchema {
                name: "Ratio",
                required: false,
                schema: f64::wire_schema,
                doc: "",
            },
        ],
    };

    #[test]
    fn good_parameters_pass() {
        let params = json!({"Limit": 1, "Filters": [{"Name": "a", "Values": ["x"]}], "Ratio": 1});
        assert_eq!(check_schema(&ACTION, &params), vec![]);
        assert_eq!(
            check_schema(&ACTION, &json!({"Limit": 2, "Ratio": null})),
            vec![]
        );
    }

    #[test]
    fn every_problem_is_reported_with_its_path() {
        let params = json!({
            "Limt": 1,
            "Filters": [{"Name": 5, "Valeus": []}, "x"],
            "Ratio": "high"
        });
        let errors = check_schema(&ACTION, &params);
        let text: Vec<String> = errors.iter().map(ToString::to_string).collect();
        assert_eq!(
            text,
            [
                "parameter Filters.0.Name expects String; found integer 5",
                "unknown parameter Filters.0.Valeus: Filter has no field \"Valeus\"",
                "parameter Filters.1 expects Filter; found string \"x\"",
                "unknown parameter Limt: DescribeThings has no field \"Limt\"",
                "parameter Ratio expects Float; found string \"high\"",
                "missing required parameter Limit (Integer)",
            ]
        );
        match &errors[1] {
            ParamError::Unknown { known, .. } => assert_eq!(known, &["Name", "Values"]),
            other => panic!("{other:?}"),
        }
        assert_eq!(errors[1].path(), "Filters.0.Valeus");
    }

    #[test]
    fn integers_refuse_fractions_and_the_top_level_must_be_an_object() {
        let errors = check_schema(&ACTION, &json!({"Limit": 1.5}));
        assert_eq!(
            errors[0].to_string(),
            "parameter Limit expects Integer; found number 1.5"
        );
        let errors = check_schema(&ACTION, &json!([1]));
        assert_eq!(
            errors,
            vec![ParamError::NotAnObject {
                path: String::new(),
                expected: "DescribeThings".into(),
                found: "array",
            }]
        );
    }

    #[derive(Debug, Deserialize)]
    #[allow(dead_code)]
    struct Typed {
        #[serde(rename = "Limit")]
        limit: u8,
        #[serde(rename = "Filters", default)]
        filters: Vec<TypedFilter>,
    }
    #[derive(Debug, Deserialize)]
    #[allow(dead_code)]
    struct TypedFilter {
        #[serde(rename = "Values", default)]
        values: Vec<u8>,
    }

    #[test]
    fn the_typed_decode_names_the_path() {
        let error = decode::<Typed>(json!({"Limit": 300})).unwrap_err();
        assert_eq!(error.path(), "Limit");
        assert!(error.to_string().contains("300"), "{error}");
        let error =
            decode::<Typed>(json!({"Limit": 1, "Filters": [{"Values": [1, -1]}]})).unwrap_err();
        assert_eq!(error.path(), "Filters.0.Values.1");
        assert!(decode::<Typed>(json!({"Limit": 3})).is_ok());
    }

    /// `ACTION` again, built at run time.
    fn built_action() -> &'static BuiltObject {
        let leak = |object: BuiltObject| -> &'static BuiltObject { Box::leak(Box::new(object)) };
        let field = |name: &str, required, schema| BuiltField {
            name: name.to_owned(),
            required,
            schema,
            doc: String::new(),
        };
        let filter = leak(BuiltObject::new("Filter"));
        filter
            .set_fields(vec![
                field("Name", true, Schema::String),
                field("Values", false, Schema::Array(String::wire_schema)),
            ])
            .unwrap();
        let filters: &'static Schema = Box::leak(Box::new(Schema::Built(filter)));
        let action = leak(BuiltObject::new("DescribeThings"));
        action
            .set_fields(vec![
                field("Limit", true, Schema::Integer),
                field("Filters", false, Schema::ArrayOf(filters)),
                field("Ratio", false, Schema::Float),
            ])
            .unwrap();
        action
    }

    #[test]
    fn built_schemas_are_checked_like_typed_ones() {
        let built = built_action();
        for params in [
            json!({"Limt": 1, "Filters": [{"Name": 5, "Valeus": []}, "x"], "Ratio": "high"}),
            json!({"Limit": 1, "Filters": [{"Name": "a", "Values": ["x"]}], "Ratio": 1}),
            json!({"Limit": 1.5, "Filters": {"Name": "a"}}),
            json!([1]),
            Value::Null,
        ] {
            assert_eq!(
                check_schema(built, &params),
                check_schema(&ACTION, &params),
                "{params}"
            );
        }
        assert_eq!(
            check_schema(built, &json!({"Filters": [{"Values": [1]}]}))
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>(),
            [
                "parameter Filters.0.Values.0 expects String; found integer 1",
                "missing required parameter Filters.0.Name (String)",
                "missing required parameter Limit (Integer)",
            ]
        );
    }
}
