//! Tolerant decoders for API 2.0 answers.
//!
//! The API 2.0 guide types many output fields one way and shows them another: `totalCount`
//! is typed String but printed as a number, `defaultValue` is typed String but printed as
//! `18`, a key status is typed Boolean but printed as `1`. A decoder that insisted on the
//! documented type would fail the whole answer over one field, so every scalar field of an
//! API 2.0 response decodes through these functions:
//!
//! - [`string`] accepts a string, a number or a boolean (kept as its JSON text);
//! - [`int`] accepts an integer, a string holding an integer, or a boolean (`1`/`0`).
//!
//! Both accept `null`; a missing key needs `#[serde(default)]`, which `#[tc_model]` adds to
//! every `Option` field. Anything else, such as an object where a string belongs or `"abc"`
//! where an integer belongs, is an error that names what was found.

use std::fmt;

use serde::Deserializer;
use serde::de::{self, Visitor};

/// Decodes an optional text field that the server may send as a string, a number or a
/// boolean.
pub fn string<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<String>, D::Error> {
    deserializer.deserialize_any(TextVisitor)
}

/// Decodes an optional integer field that the server may send as a number, as a string
/// holding a number, or as a boolean.
pub fn int<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<i64>, D::Error> {
    deserializer.deserialize_any(IntVisitor)
}

struct TextVisitor;

impl<'de> Visitor<'de> for TextVisitor {
    type Value = Option<String>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a string, a number, a boolean or null")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        Ok(Some(v.to_owned()))
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<Self::Value, E> {
        Ok(Some(v))
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
        Ok(Some(v.to_string()))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
        Ok(Some(v.to_string()))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Self::Value, E> {
        Ok(Some(v.to_string()))
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Self::Value, E> {
        Ok(Some(v.to_string()))
    }

    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_any(self)
    }
}

struct IntVisitor;

impl<'de> Visitor<'de> for IntVisitor {
    type Value = Option<i64>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an integer, a string holding an integer, a boolean or null")
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
        Ok(Some(v))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
        i64::try_from(v)
            .map(Some)
            .map_err(|_| E::custom(format_args!("integer {v} does not fit in i64")))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Self::Value, E> {
        // Integral floats within i64 range are exact: 2^63 is the first value that is not.
        if v.fract() == 0.0
            && (-9_223_372_036_854_775_808.0..9_223_372_036_854_775_808.0).contains(&v)
        {
            Ok(Some(v as i64))
        } else {
            Err(E::invalid_value(de::Unexpected::Float(v), &self))
        }
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Self::Value, E> {
        Ok(Some(i64::from(v)))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        v.trim()
            .parse::<i64>()
            .map(Some)
            .map_err(|_| E::invalid_value(de::Unexpected::Str(v), &self))
    }

    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_any(self)
    }
}

#[cfg(test)]
mod tests {
    use serde::Deserialize;

    #[derive(Debug, Deserialize, PartialEq)]
    struct Probe {
        #[serde(default, deserialize_with = "super::string")]
        text: Option<String>,
        #[serde(default, deserialize_with = "super::int")]
        number: Option<i64>,
    }

    fn probe(json: &str) -> Result<Probe, serde_json::Error> {
        serde_json::from_str(json)
    }

    #[test]
    fn text_accepts_strings_numbers_booleans_and_null() {
        assert_eq!(probe(r#"{"text":"a"}"#).unwrap().text.as_deref(), Some("a"));
        assert_eq!(probe(r#"{"text":18}"#).unwrap().text.as_deref(), Some("18"));
        assert_eq!(probe(r#"{"text":-1}"#).unwrap().text.as_deref(), Some("-1"));
        assert_eq!(
            probe(r#"{"text":1.5}"#).unwrap().text.as_deref(),
            Some("1.5")
        );
        assert_eq!(
            probe(r#"{"text":true}"#).unwrap().text.as_deref(),
            Some("true")
        );
        assert_eq!(probe(r#"{"text":null}"#).unwrap().text, None);
        assert_eq!(probe("{}").unwrap().text, None);
    }

    #[test]
    fn int_accepts_numbers_numeric_strings_booleans_and_null() {
        assert_eq!(probe(r#"{"number":2}"#).unwrap().number, Some(2));
        assert_eq!(probe(r#"{"number":"2"}"#).unwrap().number, Some(2));
        assert_eq!(probe(r#"{"number":" -1 "}"#).unwrap().number, Some(-1));
        assert_eq!(probe(r#"{"number":3.0}"#).unwrap().number, Some(3));
        assert_eq!(probe(r#"{"number":true}"#).unwrap().number, Some(1));
        assert_eq!(
            probe(r#"{"number":9432130281}"#).unwrap().number,
            Some(9_432_130_281)
        );
        assert_eq!(probe(r#"{"number":null}"#).unwrap().number, None);
        assert_eq!(probe("{}").unwrap().number, None);
    }

    #[test]
    fn rejects_what_cannot_be_the_documented_value() {
        let err = probe(r#"{"number":"two"}"#).unwrap_err().to_string();
        assert!(err.contains("two"), "{err}");
        assert!(probe(r#"{"number":1.5}"#).is_err());
        assert!(probe(r#"{"number":18446744073709551615}"#).is_err());
        assert!(probe(r#"{"text":{"a":1}}"#).is_err());
        assert!(probe(r#"{"text":["a"]}"#).is_err());
    }
}
