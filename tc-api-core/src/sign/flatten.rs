//! Flattening of request parameters for v1 signing and GET requests: a serde
//! [`Serializer`](serde::Serializer) (no detour through `serde_json::Value`) that turns a request struct into
//! `name=value` pairs.
//!
//! | value                        | parameters                                   |
//! |------------------------------|----------------------------------------------|
//! | struct field, map entry      | `Outer.Inner`                                |
//! | sequence, tuple              | `List.0`, `List.1`, ... (`Filters.0.Values.1`); an empty one has no parameters, unlike the JSON body's `[]` |
//! | bool                         | `true` / `false`                             |
//! | integers (all widths)        | decimal                                      |
//! | floats                       | shortest decimal that reads back the same, never exponent notation (`0.1`, `1000000`, `0.000001`); as Go's `strconv.FormatFloat(f, 'f', -1, 64)` in the official SDK |
//! | string, char                 | raw UTF-8 (URL-encoding is the transport's job) |
//! | `None`, `()`, unit struct    | omitted                                      |
//! | newtype struct               | its content                                  |
//! | unit enum variant            | the variant name                             |
//! | other enum variants          | `Name.Variant...`, as serde_json tags them   |
//!
//! The top level must be a struct or a map (or nothing: `()`, a unit struct, `None`).
//! Bytes, non-finite floats, map keys that are not strings and empty names are errors
//! naming the path. The output is sorted by name, so it does not depend on field
//! declaration or map iteration order.

use serde::Serialize;
use serde::ser::{self, Impossible};

/// Why a value cannot be flattened into parameters. Paths use the parameter syntax
/// (`Filters.0.Values`); values are never included, since parameters may be secret.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FlattenError {
    /// The top level is not a struct or map.
    #[error("request parameters must be a struct or a map, not {found}")]
    NotAnObject {
        /// What was found (`a string`, `a sequence`, ...).
        found: &'static str,
    },
    /// A map key is not a string.
    #[error("map keys must be strings, found {found} as a key at {}", show(.path))]
    NonStringKey {
        /// Path of the map.
        path: String,
        /// What the key was.
        found: &'static str,
    },
    /// A field or map key is empty, which would give an unnamed parameter.
    #[error("empty field name or map key at {}", show(.path))]
    EmptyKey {
        /// Path of the struct or map holding it.
        path: String,
    },
    /// A value has no parameter form (bytes).
    #[error("{found} cannot be sent as a parameter, at {}", show(.path))]
    Unsupported {
        /// Path of the value.
        path: String,
        /// What it is.
        found: &'static str,
    },
    /// NaN or an infinity.
    #[error("non-finite float at {}", show(.path))]
    NonFiniteFloat {
        /// Path of the value.
        path: String,
    },
    /// Two values flatten to the same name (a map key containing `.` colliding with a
    /// nested field, for instance).
    #[error("parameter `{key}` is produced twice")]
    DuplicateKey {
        /// The name produced twice.
        key: String,
    },
    /// A `Serialize` implementation reported an error.
    #[error("{message} (at {})", show(.path))]
    Custom {
        /// Path of the value being serialized.
        path: String,
        /// The implementation's message.
        message: String,
    },
}

fn show(path: &str) -> String {
    if path.is_empty() {
        "the top level".to_owned()
    } else {
        format!("`{path}`")
    }
}

impl ser::Error for FlattenError {
    fn custom<T: std::fmt::Display>(msg: T) -> Self {
        FlattenError::Custom {
            path: String::new(),
            message: msg.to_string(),
        }
    }
}

impl FlattenError {
    /// Gives a custom error, raised without knowing where, the path it was raised at.
    fn at(self, at: &str) -> Self {
        match self {
            FlattenError::Custom { path, message } if path.is_empty() => FlattenError::Custom {
                path: at.to_owned(),
                message,
            },
            other => other,
        }
    }
}

/// Flattens `value` into `(name, value)` parameters sorted by name.
pub fn to_params<T: Serialize + ?Sized>(value: &T) -> Result<Vec<(String, String)>, FlattenError> {
    let mut sink = Sink::default();
    value.serialize(ValueSerializer {
        sink: &mut sink,
        top: true,
    })?;
    sorted(sink.params)
}

/// The collected parameters sorted, duplicates refused. Not generic, so that it is
/// compiled once rather than once per flattened type.
fn sorted(mut params: Vec<(String, String)>) -> Result<Vec<(String, String)>, FlattenError> {
    params.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    if let Some(pair) = params.windows(2).find(|pair| pair[0].0 == pair[1].0) {
        return Err(FlattenError::DuplicateKey {
            key: pair[0].0.clone(),
        });
    }
    Ok(params)
}

/// Collected parameters and the name of the value being serialized.
#[derive(Default)]
struct Sink {
    params: Vec<(String, String)>,
    path: String,
}

impl Sink {
    /// Appends `.segment` (or `segment` at the top) to the path; returns the length to
    /// truncate back to.
    fn enter(&mut self, segment: &str) -> Result<usize, FlattenError> {
        if segment.is_empty() {
            return Err(FlattenError::EmptyKey {
                path: self.path.clone(),
            });
        }
        let restore = self.path.len();
        if !self.path.is_empty() {
            self.path.push('.');
        }
        self.path.push_str(segment);
        Ok(restore)
    }

    fn enter_index(&mut self, index: usize) -> usize {
        let restore = self.path.len();
        if !self.path.is_empty() {
            self.path.push('.');
        }
        self.path.push_str(&index.to_string());
        restore
    }

    /// Serializes `value` at the current path, then truncates the path to `restore`.
    fn nested<T: Serialize + ?Sized>(
        &mut self,
        restore: usize,
        value: &T,
    ) -> Result<(), FlattenError> {
        let result = value.serialize(ValueSerializer {
            sink: self,
            top: false,
        });
        let result = result.map_err(|e| e.at(&self.path));
        self.path.truncate(restore);
        result
    }
}

/// Serializes one value at `sink.path`.
struct ValueSerializer<'a> {
    sink: &'a mut Sink,
    /// The request itself rather than a value inside it.
    top: bool,
}

impl ValueSerializer<'_> {
    fn emit(self, found: &'static str, value: String) -> Result<(), FlattenError> {
        if self.top {
            return Err(FlattenError::NotAnObject { found });
        }
        self.sink.params.push((self.sink.path.clone(), value));
        Ok(())
    }

    fn float(self, finite: bool, text: impl FnOnce() -> String) -> Result<(), FlattenError> {
        if self.top {
            return Err(FlattenError::NotAnObject { found: "a float" });
        }
        if !finite {
            return Err(FlattenError::NonFiniteFloat {
                path: self.sink.path.clone(),
            });
        }
        self.emit("a float", text())
    }
}

impl<'a> ser::Serializer for ValueSerializer<'a> {
    type Ok = ();
    type Error = FlattenError;
    type SerializeSeq = SeqSerializer<'a>;
    type SerializeTuple = SeqSerializer<'a>;
    type SerializeTupleStruct = SeqSerializer<'a>;
    type SerializeTupleVariant = SeqSerializer<'a>;
    type SerializeMap = MapSerializer<'a>;
    type SerializeStruct = StructSerializer<'a>;
    type SerializeStructVariant = StructSerializer<'a>;

    fn serialize_bool(self, v: bool) -> Result<(), FlattenError> {
        self.emit("a bool", if v { "true" } else { "false" }.to_owned())
    }

    fn serialize_i8(self, v: i8) -> Result<(), FlattenError> {
        self.emit("an integer", v.to_string())
    }

    fn serialize_i16(self, v: i16) -> Result<(), FlattenError> {
        self.emit("an integer", v.to_string())
    }

    fn serialize_i32(self, v: i32) -> Result<(), FlattenError> {
        self.emit("an integer", v.to_string())
    }

    fn serialize_i64(self, v: i64) -> Result<(), FlattenError> {
        self.emit("an integer", v.to_string())
    }

    fn serialize_i128(self, v: i128) -> Result<(), FlattenError> {
        self.emit("an integer", v.to_string())
    }

    fn serialize_u8(self, v: u8) -> Result<(), FlattenError> {
        self.emit("an integer", v.to_string())
    }

    fn serialize_u16(self, v: u16) -> Result<(), FlattenError> {
        self.emit("an integer", v.to_string())
    }

    fn serialize_u32(self, v: u32) -> Result<(), FlattenError> {
        self.emit("an integer", v.to_string())
    }

    fn serialize_u64(self, v: u64) -> Result<(), FlattenError> {
        self.emit("an integer", v.to_string())
    }

    fn serialize_u128(self, v: u128) -> Result<(), FlattenError> {
        self.emit("an integer", v.to_string())
    }

    // Rust's `Display` for floats prints the shortest digits that parse back to the same
    // value, without exponent: the format of the Go SDK (`FormatFloat(f, 'f', -1, 64)`).
    fn serialize_f32(self, v: f32) -> Result<(), FlattenError> {
        self.float(v.is_finite(), || v.to_string())
    }

    fn serialize_f64(self, v: f64) -> Result<(), FlattenError> {
        self.float(v.is_finite(), || v.to_string())
    }

    fn serialize_char(self, v: char) -> Result<(), FlattenError> {
        self.emit("a char", v.to_string())
    }

    fn serialize_str(self, v: &str) -> Result<(), FlattenError> {
        self.emit("a string", v.to_owned())
    }

    fn serialize_bytes(self, _v: &[u8]) -> Result<(), FlattenError> {
        if self.top {
            return Err(FlattenError::NotAnObject { found: "bytes" });
        }
        Err(FlattenError::Unsupported {
            path: self.sink.path.clone(),
            found: "bytes",
        })
    }

    fn serialize_none(self) -> Result<(), FlattenError> {
        Ok(())
    }

    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), FlattenError> {
        value.serialize(self)
    }

    fn serialize_unit(self) -> Result<(), FlattenError> {
        Ok(())
    }

    fn serialize_unit_struct(self, _name: &'static str) -> Result<(), FlattenError> {
        Ok(())
    }

    fn serialize_unit_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
    ) -> Result<(), FlattenError> {
        self.emit("an enum variant", variant.to_owned())
    }

    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        value: &T,
    ) -> Result<(), FlattenError> {
        value.serialize(self)
    }

    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<(), FlattenError> {
        let restore = self.sink.enter(variant)?;
        self.sink.nested(restore, value)
    }

    fn serialize_seq(self, _len: Option<usize>) -> Result<SeqSerializer<'a>, FlattenError> {
        if self.top {
            return Err(FlattenError::NotAnObject {
                found: "a sequence",
            });
        }
        let restore = self.sink.path.len();
        Ok(SeqSerializer {
            sink: self.sink,
            next: 0,
            restore,
        })
    }

    fn serialize_tuple(self, len: usize) -> Result<SeqSerializer<'a>, FlattenError> {
        self.serialize_seq(Some(len))
    }

    fn serialize_tuple_struct(
        self,
        _name: &'static str,
        len: usize,
    ) -> Result<SeqSerializer<'a>, FlattenError> {
        self.serialize_seq(Some(len))
    }

    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<SeqSerializer<'a>, FlattenError> {
        let restore = self.sink.enter(variant)?;
        Ok(SeqSerializer {
            sink: self.sink,
            next: 0,
            restore,
        })
    }

    fn serialize_map(self, _len: Option<usize>) -> Result<MapSerializer<'a>, FlattenError> {
        Ok(MapSerializer {
            sink: self.sink,
            key_restore: None,
        })
    }

    fn serialize_struct(
        self,
        _name: &'static str,
        _len: usize,
    ) -> Result<StructSerializer<'a>, FlattenError> {
        let restore = self.sink.path.len();
        Ok(StructSerializer {
            sink: self.sink,
            restore,
        })
    }

    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<StructSerializer<'a>, FlattenError> {
        let restore = self.sink.enter(variant)?;
        Ok(StructSerializer {
            sink: self.sink,
            restore,
        })
    }
}

/// Sequences, tuples and tuple variants: elements at `path.0`, `path.1`, ...
struct SeqSerializer<'a> {
    sink: &'a mut Sink,
    next: usize,
    /// Path length to restore at the end (before a tuple variant's name).
    restore: usize,
}

impl SeqSerializer<'_> {
    fn element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), FlattenError> {
        let restore = self.sink.enter_index(self.next);
        self.next += 1;
        self.sink.nested(restore, value)
    }

    fn finish(self) -> Result<(), FlattenError> {
        self.sink.path.truncate(self.restore);
        Ok(())
    }
}

impl ser::SerializeSeq for SeqSerializer<'_> {
    type Ok = ();
    type Error = FlattenError;

    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), FlattenError> {
        self.element(value)
    }

    fn end(self) -> Result<(), FlattenError> {
        self.finish()
    }
}

impl ser::SerializeTuple for SeqSerializer<'_> {
    type Ok = ();
    type Error = FlattenError;

    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), FlattenError> {
        self.element(value)
    }

    fn end(self) -> Result<(), FlattenError> {
        self.finish()
    }
}

impl ser::SerializeTupleStruct for SeqSerializer<'_> {
    type Ok = ();
    type Error = FlattenError;

    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), FlattenError> {
        self.element(value)
    }

    fn end(self) -> Result<(), FlattenError> {
        self.finish()
    }
}

impl ser::SerializeTupleVariant for SeqSerializer<'_> {
    type Ok = ();
    type Error = FlattenError;

    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), FlattenError> {
        self.element(value)
    }

    fn end(self) -> Result<(), FlattenError> {
        self.finish()
    }
}

/// Structs and struct variants: fields at `path.Field`.
struct StructSerializer<'a> {
    sink: &'a mut Sink,
    /// Path length to restore at the end (before a struct variant's name).
    restore: usize,
}

impl StructSerializer<'_> {
    fn field<T: Serialize + ?Sized>(&mut self, name: &str, value: &T) -> Result<(), FlattenError> {
        let restore = self.sink.enter(name)?;
        self.sink.nested(restore, value)
    }

    fn finish(self) -> Result<(), FlattenError> {
        self.sink.path.truncate(self.restore);
        Ok(())
    }
}

impl ser::SerializeStruct for StructSerializer<'_> {
    type Ok = ();
    type Error = FlattenError;

    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), FlattenError> {
        self.field(key, value)
    }

    fn end(self) -> Result<(), FlattenError> {
        self.finish()
    }
}

impl ser::SerializeStructVariant for StructSerializer<'_> {
    type Ok = ();
    type Error = FlattenError;

    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), FlattenError> {
        self.field(key, value)
    }

    fn end(self) -> Result<(), FlattenError> {
        self.finish()
    }
}

/// Maps: values at `path.key`; keys must serialize as strings.
struct MapSerializer<'a> {
    sink: &'a mut Sink,
    /// Set between `serialize_key` and `serialize_value`: the path length before the key.
    key_restore: Option<usize>,
}

impl ser::SerializeMap for MapSerializer<'_> {
    type Ok = ();
    type Error = FlattenError;

    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), FlattenError> {
        let key = key.serialize(MapKeySerializer {
            path: &self.sink.path,
        })?;
        self.key_restore = Some(self.sink.enter(&key)?);
        Ok(())
    }

    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), FlattenError> {
        match self.key_restore.take() {
            Some(restore) => self.sink.nested(restore, value),
            None => Err(FlattenError::Custom {
                path: self.sink.path.clone(),
                message: "map value serialized before its key".to_owned(),
            }),
        }
    }

    fn end(self) -> Result<(), FlattenError> {
        Ok(())
    }
}

/// Turns a map key into a name segment: strings, chars and unit variants only.
struct MapKeySerializer<'a> {
    path: &'a str,
}

impl MapKeySerializer<'_> {
    fn reject(&self, found: &'static str) -> FlattenError {
        FlattenError::NonStringKey {
            path: self.path.to_owned(),
            found,
        }
    }
}

impl ser::Serializer for MapKeySerializer<'_> {
    type Ok = String;
    type Error = FlattenError;
    type SerializeSeq = Impossible<String, FlattenError>;
    type SerializeTuple = Impossible<String, FlattenError>;
    type SerializeTupleStruct = Impossible<String, FlattenError>;
    type SerializeTupleVariant = Impossible<String, FlattenError>;
    type SerializeMap = Impossible<String, FlattenError>;
    type SerializeStruct = Impossible<String, FlattenError>;
    type SerializeStructVariant = Impossible<String, FlattenError>;

    fn serialize_str(self, v: &str) -> Result<String, FlattenError> {
        Ok(v.to_owned())
    }

    fn serialize_char(self, v: char) -> Result<String, FlattenError> {
        Ok(v.to_string())
    }

    fn serialize_unit_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
    ) -> Result<String, FlattenError> {
        Ok(variant.to_owned())
    }

    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        value: &T,
    ) -> Result<String, FlattenError> {
        value.serialize(self)
    }

    fn serialize_bool(self, _v: bool) -> Result<String, FlattenError> {
        Err(self.reject("a bool"))
    }

    fn serialize_i8(self, _v: i8) -> Result<String, FlattenError> {
        Err(self.reject("an integer"))
    }

    fn serialize_i16(self, _v: i16) -> Result<String, FlattenError> {
        Err(self.reject("an integer"))
    }

    fn serialize_i32(self, _v: i32) -> Result<String, FlattenError> {
        Err(self.reject("an integer"))
    }

    fn serialize_i64(self, _v: i64) -> Result<String, FlattenError> {
        Err(self.reject("an integer"))
    }

    fn serialize_i128(self, _v: i128) -> Result<String, FlattenError> {
        Err(self.reject("an integer"))
    }

    fn serialize_u8(self, _v: u8) -> Result<String, FlattenError> {
        Err(self.reject("an integer"))
    }

    fn serialize_u16(self, _v: u16) -> Result<String, FlattenError> {
        Err(self.reject("an integer"))
    }

    fn serialize_u32(self, _v: u32) -> Result<String, FlattenError> {
        Err(self.reject("an integer"))
    }

    fn serialize_u64(self, _v: u64) -> Result<String, FlattenError> {
        Err(self.reject("an integer"))
    }

    fn serialize_u128(self, _v: u128) -> Result<String, FlattenError> {
        Err(self.reject("an integer"))
    }

    fn serialize_f32(self, _v: f32) -> Result<String, FlattenError> {
        Err(self.reject("a float"))
    }

    fn serialize_f64(self, _v: f64) -> Result<String, FlattenError> {
        Err(self.reject("a float"))
    }

    fn serialize_bytes(self, _v: &[u8]) -> Result<String, FlattenError> {
        Err(self.reject("bytes"))
    }

    fn serialize_none(self) -> Result<String, FlattenError> {
        Err(self.reject("None"))
    }

    fn serialize_some<T: Serialize + ?Sized>(self, _value: &T) -> Result<String, FlattenError> {
        Err(self.reject("an Option"))
    }

    fn serialize_unit(self) -> Result<String, FlattenError> {
        Err(self.reject("()"))
    }

    fn serialize_unit_struct(self, _name: &'static str) -> Result<String, FlattenError> {
        Err(self.reject("a unit struct"))
    }

    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _value: &T,
    ) -> Result<String, FlattenError> {
        Err(self.reject("an enum variant with data"))
    }

    fn serialize_seq(self, _len: Option<usize>) -> Result<Self::SerializeSeq, FlattenError> {
        Err(self.reject("a sequence"))
    }

    fn serialize_tuple(self, _len: usize) -> Result<Self::SerializeTuple, FlattenError> {
        Err(self.reject("a tuple"))
    }

    fn serialize_tuple_struct(
        self,
        _name: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeTupleStruct, FlattenError> {
        Err(self.reject("a tuple struct"))
    }

    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeTupleVariant, FlattenError> {
        Err(self.reject("an enum variant with data"))
    }

    fn serialize_map(self, _len: Option<usize>) -> Result<Self::SerializeMap, FlattenError> {
        Err(self.reject("a map"))
    }

    fn serialize_struct(
        self,
        _name: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeStruct, FlattenError> {
        Err(self.reject("a struct"))
    }

    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeStructVariant, FlattenError> {
        Err(self.reject("an enum variant with data"))
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use serde::Serialize;

    use super::*;

    fn params(list: &[(&str, &str)]) -> Vec<(String, String)> {
        list.iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[derive(Serialize)]
    #[serde(rename_all = "PascalCase")]
    struct Filter {
        name: String,
        values: Vec<String>,
    }

    #[derive(Serialize)]
    #[serde(rename_all = "PascalCase")]
    struct Describe {
        limit: Option<u32>,
        offset: Option<u32>,
        filters: Vec<Filter>,
        instance_ids: Vec<String>,
    }

    #[test]
    fn nested_structs_and_lists_use_dotted_indices() {
        let request = Describe {
            limit: Some(1),
            offset: None,
            filters: vec![
                Filter {
                    name: "zone".into(),
                    values: vec!["ap-guangzhou-1".into(), "ap-guangzhou-2".into()],
                },
                Filter {
                    name: "instance-name".into(),
                    values: vec!["未命名".into()],
                },
            ],
            instance_ids: vec!["ins-1".into()],
        };
        assert_eq!(
            to_params(&request),
            Ok(params(&[
                ("Filters.0.Name", "zone"),
                ("Filters.0.Values.0", "ap-guangzhou-1"),
                ("Filters.0.Values.1", "ap-guangzhou-2"),
                ("Filters.1.Name", "instance-name"),
                ("Filters.1.Values.0", "未命名"),
                ("InstanceIds.0", "ins-1"),
                ("Limit", "1"),
            ]))
        );
    }

    #[derive(Serialize)]
    struct Scalars {
        yes: bool,
        no: bool,
        i_min: i64,
        u_max: u64,
        i128_min: i128,
        small: i8,
        f: f64,
        tiny: f64,
        big: f64,
        neg_zero: f64,
        single: f32,
        c: char,
        unit: (),
        tuple: (u8, &'static str),
    }

    #[test]
    fn scalars_have_plain_text_forms() {
        let value = Scalars {
            yes: true,
            no: false,
            i_min: i64::MIN,
            u_max: u64::MAX,
            i128_min: i128::MIN,
            small: -7,
            f: 0.1,
            tiny: 1e-7,
            big: 1e21,
            neg_zero: -0.0,
            single: 0.1,
            c: 'é',
            unit: (),
            tuple: (1, "x"),
        };
        assert_eq!(
            to_params(&value),
            Ok(params(&[
                ("big", "1000000000000000000000"),
                ("c", "é"),
                ("f", "0.1"),
                ("i128_min", "-170141183460469231731687303715884105728"),
                ("i_min", "-9223372036854775808"),
                ("neg_zero", "-0"),
                ("no", "false"),
                ("single", "0.1"),
                ("small", "-7"),
                ("tiny", "0.0000001"),
                ("tuple.0", "1"),
                ("tuple.1", "x"),
                ("u_max", "18446744073709551615"),
                ("yes", "true"),
            ]))
        );
    }

    #[derive(Serialize)]
    struct Id(u64);

    #[derive(Serialize)]
    struct Marker;

    #[derive(Serialize)]
    #[allow(dead_code)]
    enum Kind {
        Plain,
        Wrapped(u8),
        Pair(u8, u8),
        Shaped { side: u8 },
    }

    #[derive(Serialize)]
    struct WithEnums {
        id: Id,
        marker: Marker,
        plain: Kind,
        wrapped: Kind,
        pair: Kind,
        shaped: Kind,
        after: u8,
    }

    #[test]
    fn newtypes_are_transparent_and_enums_tag_like_json() {
        let value = WithEnums {
            id: Id(9_432_130_281),
            marker: Marker,
            plain: Kind::Plain,
            wrapped: Kind::Wrapped(3),
            pair: Kind::Pair(4, 5),
            shaped: Kind::Shaped { side: 6 },
            after: 7,
        };
        assert_eq!(
            to_params(&value),
            Ok(params(&[
                ("after", "7"),
                ("id", "9432130281"),
                ("pair.Pair.0", "4"),
                ("pair.Pair.1", "5"),
                ("plain", "Plain"),
                ("shaped.Shaped.side", "6"),
                ("wrapped.Wrapped", "3"),
            ]))
        );
    }

    #[test]
    fn maps_nest_like_structs_and_empty_things_vanish() {
        let mut inner = BTreeMap::new();
        inner.insert("b", vec![Some(1), None, Some(3)]);
        inner.insert("empty", vec![]);
        let mut outer = BTreeMap::new();
        outer.insert("a", inner);
        assert_eq!(
            to_params(&outer),
            Ok(params(&[("a.b.0", "1"), ("a.b.2", "3")]))
        );
        assert_eq!(to_params(&()), Ok(vec![]));
        assert_eq!(to_params(&Marker), Ok(vec![]));
        assert_eq!(to_params(&None::<Describe>), Ok(vec![]));
    }

    #[test]
    fn empty_strings_are_sent() {
        let mut map = BTreeMap::new();
        map.insert("Name", "");
        assert_eq!(to_params(&map), Ok(params(&[("Name", "")])));
    }

    #[test]
    fn top_level_must_be_an_object() {
        assert_eq!(
            to_params("text"),
            Err(FlattenError::NotAnObject { found: "a string" })
        );
        assert_eq!(
            to_params(&5u8),
            Err(FlattenError::NotAnObject {
                found: "an integer"
            })
        );
        assert_eq!(
            to_params(&f64::NAN),
            Err(FlattenError::NotAnObject { found: "a float" })
        );
        assert_eq!(
            to_params(&vec![1]),
            Err(FlattenError::NotAnObject {
                found: "a sequence"
            })
        );
        assert_eq!(
            to_params(&Kind::Plain),
            Err(FlattenError::NotAnObject {
                found: "an enum variant"
            })
        );
    }

    #[test]
    fn errors_name_the_path() {
        let mut bad_key = BTreeMap::new();
        bad_key.insert(1, "x");
        let mut nested = BTreeMap::new();
        nested.insert("Tags", vec![bad_key]);
        assert_eq!(
            to_params(&nested),
            Err(FlattenError::NonStringKey {
                path: "Tags.0".into(),
                found: "an integer"
            })
        );

        #[derive(Serialize)]
        struct Blob<'a> {
            #[serde(with = "serde_bytes_like")]
            data: &'a [u8],
        }
        mod serde_bytes_like {
            pub fn serialize<S: serde::Serializer>(v: &[u8], s: S) -> Result<S::Ok, S::Error> {
                s.serialize_bytes(v)
            }
        }
        assert_eq!(
            to_params(&Blob { data: b"x" }),
            Err(FlattenError::Unsupported {
                path: "data".into(),
                found: "bytes"
            })
        );

        let mut floats = BTreeMap::new();
        floats.insert("Ratio", vec![1.0, f64::INFINITY]);
        let err = to_params(&floats).unwrap_err();
        assert_eq!(
            err,
            FlattenError::NonFiniteFloat {
                path: "Ratio.1".into()
            }
        );
        assert_eq!(err.to_string(), "non-finite float at `Ratio.1`");

        let mut empty = BTreeMap::new();
        empty.insert("", 1);
        assert_eq!(
            to_params(&empty),
            Err(FlattenError::EmptyKey {
                path: String::new()
            })
        );
    }

    #[test]
    fn colliding_names_are_an_error() {
        let mut map: BTreeMap<&str, serde_json::Value> = BTreeMap::new();
        map.insert("a.b", serde_json::json!(1));
        map.insert("a", serde_json::json!({"b": 2}));
        assert_eq!(
            to_params(&map),
            Err(FlattenError::DuplicateKey { key: "a.b".into() })
        );
    }

    #[test]
    fn custom_errors_get_the_path() {
        struct Failing;
        impl Serialize for Failing {
            fn serialize<S: serde::Serializer>(&self, _s: S) -> Result<S::Ok, S::Error> {
                Err(serde::ser::Error::custom("cannot serialize this"))
            }
        }
        let mut map = BTreeMap::new();
        map.insert("Outer", vec![Failing]);
        let err = to_params(&map).unwrap_err();
        assert_eq!(
            err,
            FlattenError::Custom {
                path: "Outer.0".into(),
                message: "cannot serialize this".into()
            }
        );
        assert_eq!(err.to_string(), "cannot serialize this (at `Outer.0`)");
    }
}
