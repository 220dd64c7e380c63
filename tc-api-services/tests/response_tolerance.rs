//! Every response type, and every model nested in one, tolerates what real answers do:
//! fields it does not know, and `null` in any field (all response fields are `Option`).
//!
//! The full example of each type is generated, not written: a sample deserializer fills
//! every field of the type, recursively (one element per list, one entry per map), so a
//! field or nested type added later is covered without touching this file.

mod common;

use serde::de::value::{Error as DeError, StrDeserializer};
use serde::de::{
    self, DeserializeSeed, Deserializer, IntoDeserializer, MapAccess, SeqAccess, Visitor,
};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use tc_api_core::Action;

/// Aliases (alternative spellings read from misspelt examples) per type: serde lists them
/// among the field names, and the sample must name each field once.
const ALIASES: &[(&str, &str)] = &[
    ("UsagePlanEnvironment", "seviceId"),
    ("BoundEnvironment", "seviceId"),
    ("ServiceEnvironment", "versionName"),
    ("ApiServiceParameter", "in"),
    ("DescribeServiceSubDomainMappingsResponse", "pathMapping"),
];

/// Key of the single entry of every sampled map; map entries are data, not fields, so they
/// are not nulled.
const MAP_KEY: &str = "sample-map-key";
const MAX_DEPTH: usize = 8;

/// Produces a value of any derived type with every field present.
struct Sample {
    depth: usize,
}

impl Sample {
    fn nested(&self) -> Result<Sample, DeError> {
        if self.depth >= MAX_DEPTH {
            return Err(de::Error::custom("sample nests too deep"));
        }
        Ok(Sample {
            depth: self.depth + 1,
        })
    }
}

macro_rules! sample_ints {
    ($($method:ident => $visit:ident($($value:expr)?)),* $(,)?) => {
        $(fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
            visitor.$visit($($value)?)
        })*
    };
}

impl<'de> Deserializer<'de> for Sample {
    type Error = DeError;

    // Only the tolerant API 2.0 decoders ask for "anything": numeric text suits both their
    // text and their integer flavour.
    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        visitor.visit_str("7")
    }

    sample_ints! {
        deserialize_bool => visit_bool(true),
        deserialize_i8 => visit_i64(7),
        deserialize_i16 => visit_i64(7),
        deserialize_i32 => visit_i64(7),
        deserialize_i64 => visit_i64(7),
        deserialize_u8 => visit_u64(7),
        deserialize_u16 => visit_u64(7),
        deserialize_u32 => visit_u64(7),
        deserialize_u64 => visit_u64(7),
        deserialize_f32 => visit_f64(7.5),
        deserialize_f64 => visit_f64(7.5),
        deserialize_char => visit_char('s'),
        deserialize_str => visit_str("sample"),
        deserialize_string => visit_str("sample"),
        deserialize_bytes => visit_bytes(b"sample"),
        deserialize_byte_buf => visit_bytes(b"sample"),
        deserialize_unit => visit_unit(),
        deserialize_identifier => visit_str("sample"),
        deserialize_ignored_any => visit_unit(),
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        visitor.visit_some(self)
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, DeError> {
        visitor.visit_unit()
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, DeError> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        visitor.visit_seq(OneElement {
            next: Some(self.nested()?),
        })
    }

    fn deserialize_tuple<V: Visitor<'de>>(
        self,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value, DeError> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value, DeError> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        visitor.visit_map(Entries {
            keys: vec![MAP_KEY],
            depth: self.depth,
        })
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, DeError> {
        let keys = fields
            .iter()
            .copied()
            .filter(|field| !ALIASES.contains(&(name, *field)))
            .rev()
            .collect();
        visitor.visit_map(Entries {
            keys,
            depth: self.depth,
        })
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        name: &'static str,
        _variants: &'static [&'static str],
        _visitor: V,
    ) -> Result<V::Value, DeError> {
        Err(de::Error::custom(format_args!("no sample for enum {name}")))
    }
}

struct OneElement {
    next: Option<Sample>,
}

impl<'de> SeqAccess<'de> for OneElement {
    type Error = DeError;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, DeError> {
        self.next
            .take()
            .map(|sample| seed.deserialize(sample))
            .transpose()
    }
}

/// Map or struct entries: the given keys (popped from the end), each with a sample value.
struct Entries {
    keys: Vec<&'static str>,
    depth: usize,
}

impl<'de> MapAccess<'de> for Entries {
    type Error = DeError;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, DeError> {
        match self.keys.last() {
            None => Ok(None),
            Some(key) => {
                let key: StrDeserializer<'_, DeError> = (*key).into_deserializer();
                seed.deserialize(key).map(Some)
            }
        }
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, DeError> {
        self.keys.pop();
        seed.deserialize(Sample { depth: self.depth }.nested()?)
    }
}

/// The full example of `T`, as JSON.
fn full_example<T: for<'de> Deserialize<'de> + Serialize>() -> Value {
    let sample = T::deserialize(Sample { depth: 0 }).expect("sample decodes");
    serde_json::to_value(&sample).expect("sample encodes")
}

/// Decodes `value` as `T` and encodes it again.
fn round_trip<T: for<'de> Deserialize<'de> + Serialize>(value: &Value) -> Result<Value, String> {
    let decoded: T = serde_json::from_value(value.clone()).map_err(|e| e.to_string())?;
    serde_json::to_value(&decoded).map_err(|e| e.to_string())
}

/// Paths (object keys, through objects and arrays) of every field in `value`.
fn field_paths(value: &Value, prefix: &mut Vec<PathStep>, out: &mut Vec<Vec<PathStep>>) {
    match value {
        Value::Object(object) => {
            for (key, child) in object {
                prefix.push(PathStep::Key(key.clone()));
                if key != MAP_KEY {
                    out.push(prefix.clone());
                }
                field_paths(child, prefix, out);
                prefix.pop();
            }
        }
        Value::Array(items) => {
            for (i, child) in items.iter().enumerate() {
                prefix.push(PathStep::Index(i));
                field_paths(child, prefix, out);
                prefix.pop();
            }
        }
        _ => {}
    }
}

#[derive(Debug, Clone)]
enum PathStep {
    Key(String),
    Index(usize),
}

fn at_mut<'a>(value: &'a mut Value, path: &[PathStep]) -> &'a mut Value {
    path.iter().fold(value, |value, step| match step {
        PathStep::Key(key) => &mut value[key.as_str()],
        PathStep::Index(i) => &mut value[*i],
    })
}

fn remove_at(value: &mut Value, path: &[PathStep]) {
    let (last, parent) = path.split_last().unwrap();
    let PathStep::Key(key) = last else {
        unreachable!()
    };
    at_mut(value, parent).as_object_mut().unwrap().remove(key);
}

fn add_unknown_fields(value: &mut Value) {
    match value {
        Value::Object(object) => {
            for child in object.values_mut() {
                add_unknown_fields(child);
            }
            // A sampled map's entries are data: an extra key there is an extra entry.
            if object.contains_key(MAP_KEY) {
                return;
            }
            object.insert(
                "zzUnknownField".into(),
                serde_json::json!({"nested": [1, null, "x"], "more": true}),
            );
        }
        Value::Array(items) => items.iter_mut().for_each(add_unknown_fields),
        _ => {}
    }
}

fn no_nulls_or_empty_objects(value: &Value) -> bool {
    match value {
        Value::Null => false,
        Value::Object(object) => object.values().all(no_nulls_or_empty_objects),
        Value::Array(items) => !items.is_empty() && items.iter().all(no_nulls_or_empty_objects),
        _ => true,
    }
}

/// Every check for one response type; returns the number of fields nulled.
fn check_type<T: for<'de> Deserialize<'de> + Serialize>(
    name: &str,
    failures: &mut Vec<String>,
) -> usize {
    let full = full_example::<T>();
    if !no_nulls_or_empty_objects(&full) {
        failures.push(format!("{name}: sample left something empty: {full}"));
    }
    match round_trip::<T>(&full) {
        Ok(back) if back == full => {}
        other => failures.push(format!(
            "{name}: full example does not round-trip: {other:?}"
        )),
    }

    let mut with_unknown = full.clone();
    add_unknown_fields(&mut with_unknown);
    match round_trip::<T>(&with_unknown) {
        Ok(back) if back == full => {}
        other => failures.push(format!("{name}: unknown fields not ignored: {other:?}")),
    }

    let mut paths = Vec::new();
    field_paths(&full, &mut Vec::new(), &mut paths);
    for path in &paths {
        let mut nulled = full.clone();
        *at_mut(&mut nulled, path) = Value::Null;
        let mut expected = full.clone();
        remove_at(&mut expected, path);
        match round_trip::<T>(&nulled) {
            Ok(back) if back == expected => {}
            other => failures.push(format!("{name}: null at {path:?}: {other:?}")),
        }
    }
    paths.len()
}

macro_rules! check_all {
    ($($action:path),* $(,)?) => {
        fn check_every_response_type(failures: &mut Vec<String>) -> (usize, usize) {
            let mut types = 0;
            let mut fields = 0;
            $(
                types += 1;
                fields += check_type::<<$action as Action>::Response>(
                    <$action as Action>::META.action,
                    failures,
                );
            )*
            (types, fields)
        }

        /// Nulls each field of a documented example in turn and decodes it.
        fn null_each_documented_field(failures: &mut Vec<String>) -> usize {
            let mut checked = 0;
            for example in tc_api_services::examples() {
                let whole: Value = serde_json::from_str(example.response).unwrap();
                $(
                    if <$action as Action>::META.action == example.action {
                        let payload = common::payload::<$action>(&whole);
                        let mut paths = Vec::new();
                        field_paths(&payload, &mut Vec::new(), &mut paths);
                        for path in &paths {
                            let mut nulled = payload.clone();
                            *at_mut(&mut nulled, path) = Value::Null;
                            checked += 1;
                            if let Err(e) = round_trip::<<$action as Action>::Response>(&nulled) {
                                failures.push(format!("{} ({}): null at {path:?}: {e}", example.action, example.title));
                            }
                        }
                    }
                )*
            }
            checked
        }
    };
}
with_all_actions!(check_all);

#[test]
fn every_response_type_ignores_unknown_fields_and_accepts_null_everywhere() {
    let mut failures = Vec::new();
    let (types, fields) = check_every_response_type(&mut failures);
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert_eq!(types, tc_api_services::actions().len());
    // Sanity: the samples reach into nested models (DescribeApi alone has dozens).
    assert!(fields >= 250, "only {fields} fields were sampled");
}

#[test]
fn documented_examples_accept_null_in_every_field() {
    let mut failures = Vec::new();
    let checked = null_each_documented_field(&mut failures);
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert!(checked > 300, "only {checked} fields were nulled");
}

#[test]
fn sample_reaches_nested_models() {
    // DescribeApi's answer nests five model types; each shows up fully populated.
    let full = full_example::<tc_api_services::apigateway::v2::DescribeApiResponse>();
    assert_eq!(full["requestParameters"][0]["in"], "7");
    assert_eq!(full["requestParameters"][0]["type"], "7");
    assert_eq!(full["serviceParameters"][0]["position"], "7");
    assert_eq!(full["serviceTimeout"], 7);
    assert_eq!(full["enableCORS"], "7");
    let batch = full_example::<tc_api_services::apigateway::v2::BatchTaskResult>();
    assert_eq!(batch["detail"][MAP_KEY]["requestId"], "7");
    let card =
        full_example::<tc_api_services::tcsas::v20250106::DescribeMNPMAUMetricCardResponse>();
    assert_eq!(card["Data"]["SourceMAUNum"], 7);
    let _: Map<String, Value> = card.as_object().unwrap().clone();
}
