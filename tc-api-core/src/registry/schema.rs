//! The wire shape of request parameters: what each parameter is called, what type of
//! JSON value it takes, and whether it must be given.
//!
//! `#[tc_action]` and `#[tc_model]` implement [`WireSchema`] for the structs they annotate;
//! this module implements it for scalars, `String`, `Option`, `Vec`, `Box`, maps and
//! `serde_json::Value`. A field of any other type (a hand-written enum, a generic model)
//! is described as [`Schema::Any`]: the typed decode of the action still checks it.
//!
//! Nested schemas are reached through function pointers, so a model that contains itself
//! (`Vec<Self>`) needs no infinite constant.

use std::collections::{BTreeMap, HashMap};
use std::fmt;

use serde_json::{Map, Value};

/// The JSON shape of one parameter or nested value.
#[derive(Clone, Copy)]
pub enum Schema {
    /// `true` or `false`.
    Boolean,
    /// A JSON integer (the Rust field's range is checked by the typed decode).
    Integer,
    /// Any JSON number.
    Float,
    /// A JSON string.
    String,
    /// A JSON array of one element type.
    Array(fn() -> Schema),
    /// A JSON object whose keys are free and whose values have one type.
    Map(fn() -> Schema),
    /// A JSON object with named fields: a `#[tc_action]` or `#[tc_model]` struct.
    Object(&'static ObjectSchema),
    /// Any JSON value: a type this module cannot describe.
    Any,
}

/// The named fields of an annotated struct.
#[derive(Debug, Clone, Copy)]
pub struct ObjectSchema {
    /// The struct's Rust name (`Filter`), used in type descriptions.
    pub name: &'static str,
    /// Its fields in declaration order, with their wire names.
    pub fields: &'static [FieldSchema],
}

/// One field of an [`ObjectSchema`].
#[derive(Debug, Clone, Copy)]
pub struct FieldSchema {
    /// The wire name (`PlatformId`, `serviceId`).
    pub name: &'static str,
    /// Whether the field must be present: `false` for `Option` and `Vec` fields, which
    /// decode from absence.
    pub required: bool,
    /// The field's value type (for `Option<T>`, that of `T`).
    pub schema: fn() -> Schema,
    /// The field's doc comment, trimmed; empty when it has none.
    pub doc: &'static str,
}

impl FieldSchema {
    /// The field's value type.
    pub fn schema(&self) -> Schema {
        (self.schema)()
    }
}

impl ObjectSchema {
    /// The field with wire name `name`.
    pub fn field(&self, name: &str) -> Option<&'static FieldSchema> {
        self.fields.iter().find(|field| field.name == name)
    }
}

impl Schema {
    /// A short description in the words of the Tencent Cloud documents: `Integer`,
    /// `String`, `Boolean`, `Float`, `Array of Filter`, `Filter`, `Map of String`, `Any`.
    pub fn describe(&self) -> String {
        match self {
            Schema::Boolean => "Boolean".to_owned(),
            Schema::Integer => "Integer".to_owned(),
            Schema::Float => "Float".to_owned(),
            Schema::String => "String".to_owned(),
            Schema::Array(item) => format!("Array of {}", item().describe()),
            Schema::Map(value) => format!("Map of {}", value().describe()),
            Schema::Object(object) => object.name.to_owned(),
            Schema::Any => "Any".to_owned(),
        }
    }

    /// A request template: `""` for strings, `0` for integers, `0.0` for floats, `false`
    /// for booleans, one element for arrays, every field for objects. A type that
    /// contains itself is cut at its second appearance (written `{}`).
    pub fn skeleton(&self) -> Value {
        self.skeleton_within(&mut Vec::new())
    }

    fn skeleton_within(&self, open: &mut Vec<&'static str>) -> Value {
        match self {
            Schema::Boolean => Value::Bool(false),
            Schema::Integer => Value::from(0),
            Schema::Float => Value::from(0.0),
            Schema::String => Value::String(String::new()),
            Schema::Array(item) => Value::Array(vec![item().skeleton_within(open)]),
            Schema::Map(_) | Schema::Any => Value::Object(Map::new()),
            Schema::Object(object) => {
                if open.contains(&object.name) {
                    return Value::Object(Map::new());
                }
                open.push(object.name);
                let fields = object
                    .fields
                    .iter()
                    .map(|field| (field.name.to_owned(), field.schema().skeleton_within(open)))
                    .collect();
                open.pop();
                Value::Object(fields)
            }
        }
    }
}

impl fmt::Debug for Schema {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.describe())
    }
}

impl fmt::Display for Schema {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.describe())
    }
}

/// A type whose JSON shape is known: implemented by `#[tc_action]` and `#[tc_model]`
/// structs and by the standard types below.
pub trait WireSchema {
    /// The type's shape.
    fn wire_schema() -> Schema;
}

macro_rules! scalar_schema {
    ($schema:ident: $($ty:ty),*) => {
        $(impl WireSchema for $ty {
            fn wire_schema() -> Schema {
                Schema::$schema
            }
        })*
    };
}

scalar_schema!(Integer: i8, i16, i32, i64, i128, isize, u8, u16, u32, u64, u128, usize);
scalar_schema!(Float: f32, f64);
scalar_schema!(String: String, str, char);
scalar_schema!(Boolean: bool);
scalar_schema!(Any: Value);

impl<T: WireSchema + ?Sized> WireSchema for Box<T> {
    fn wire_schema() -> Schema {
        T::wire_schema()
    }
}

impl<T: WireSchema> WireSchema for Option<T> {
    fn wire_schema() -> Schema {
        T::wire_schema()
    }
}

impl<T: WireSchema> WireSchema for Vec<T> {
    fn wire_schema() -> Schema {
        Schema::Array(T::wire_schema)
    }
}

impl<T: WireSchema> WireSchema for [T] {
    fn wire_schema() -> Schema {
        Schema::Array(T::wire_schema)
    }
}

impl<K, V: WireSchema, S> WireSchema for HashMap<K, V, S> {
    fn wire_schema() -> Schema {
        Schema::Map(V::wire_schema)
    }
}

impl<K, V: WireSchema> WireSchema for BTreeMap<K, V> {
    fn wire_schema() -> Schema {
        Schema::Map(V::wire_schema)
    }
}

/// The schema of a field type that may or may not implement [`WireSchema`], for the
/// macros; not a public API.
///
/// `(&&Probe::<T>::new()).wire_schema()` resolves, at compile time, to `T::wire_schema()`
/// when `T: WireSchema` (method lookup finds [`ViaWireSchema`](__probe::ViaWireSchema) on `&Probe<T>` first) and
/// to [`Schema::Any`] otherwise ([`ViaFallback`](__probe::ViaFallback) on `Probe<T>`, one auto-deref later). So
/// a field of a type nobody described still compiles, and is checked by the typed decode
/// alone.
#[doc(hidden)]
pub mod __probe {
    use std::marker::PhantomData;

    use super::{Schema, WireSchema};

    /// A zero-sized stand-in for a field type.
    pub struct Probe<T: ?Sized>(PhantomData<T>);

    impl<T: ?Sized> Probe<T> {
        /// The probe of `T`.
        pub const fn new() -> Self {
            Probe(PhantomData)
        }
    }

    impl<T: ?Sized> Default for Probe<T> {
        fn default() -> Self {
            Self::new()
        }
    }

    /// Chosen when the type implements [`WireSchema`].
    pub trait ViaWireSchema {
        /// The type's schema.
        fn wire_schema(&self) -> Schema;
    }

    impl<T: WireSchema + ?Sized> ViaWireSchema for &Probe<T> {
        fn wire_schema(&self) -> Schema {
            T::wire_schema()
        }
    }

    /// Chosen otherwise.
    pub trait ViaFallback {
        /// [`Schema::Any`].
        fn wire_schema(&self) -> Schema;
    }

    impl<T: ?Sized> ViaFallback for Probe<T> {
        fn wire_schema(&self) -> Schema {
            Schema::Any
        }
    }

    /// Chosen when the response type can be encoded again: the typed answer round trip.
    #[cfg(feature = "registry")]
    pub trait AnswerViaSerde {
        /// `Some` round trip of an answer through the type.
        fn answer_through_typed(
            &self,
            answer: serde_json::Value,
        ) -> Option<Result<serde_json::Value, crate::registry::ParamError>>;
    }

    #[cfg(feature = "registry")]
    impl<T: serde::Serialize + serde::de::DeserializeOwned> AnswerViaSerde for &Probe<T> {
        fn answer_through_typed(
            &self,
            answer: serde_json::Value,
        ) -> Option<Result<serde_json::Value, crate::registry::ParamError>> {
            Some(crate::registry::answer_through_typed::<T>(answer))
        }
    }

    /// Chosen otherwise: no round trip.
    #[cfg(feature = "registry")]
    pub trait AnswerFallback {
        /// `None`.
        fn answer_through_typed(
            &self,
            answer: serde_json::Value,
        ) -> Option<Result<serde_json::Value, crate::registry::ParamError>>;
    }

    #[cfg(feature = "registry")]
    impl<T: ?Sized> AnswerFallback for Probe<T> {
        fn answer_through_typed(
            &self,
            _answer: serde_json::Value,
        ) -> Option<Result<serde_json::Value, crate::registry::ParamError>> {
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::__probe::{Probe, ViaFallback as _, ViaWireSchema as _};
    use super::*;

    static FILTER_FIELDS: [FieldSchema; 2] = [
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
    ];
    static FILTER: ObjectSchema = ObjectSchema {
        name: "Filter",
        fields: &FILTER_FIELDS,
    };

    struct Filter;
    impl WireSchema for Filter {
        fn wire_schema() -> Schema {
            Schema::Object(&FILTER)
        }
    }

    /// A model that contains itself.
    struct Node;
    static NODE_FIELDS: [FieldSchema; 2] = [
        FieldSchema {
            name: "Id",
            required: true,
            schema: i64::wire_schema,
            doc: "",
        },
        FieldSchema {
            name: "Children",
            required: false,
            schema: <Vec<Node>>::wire_schema,
            doc: "",
        },
    ];
    static NODE: ObjectSchema = ObjectSchema {
        name: "Node",
        fields: &NODE_FIELDS,
    };
    impl WireSchema for Node {
        fn wire_schema() -> Schema {
            Schema::Object(&NODE)
        }
    }

    #[test]
    fn descriptions_use_the_documents_words() {
        assert_eq!(i64::wire_schema().describe(), "Integer");
        assert_eq!(<Option<u32>>::wire_schema().describe(), "Integer");
        assert_eq!(f64::wire_schema().describe(), "Float");
        assert_eq!(String::wire_schema().describe(), "String");
        assert_eq!(bool::wire_schema().describe(), "Boolean");
        assert_eq!(<Vec<Filter>>::wire_schema().describe(), "Array of Filter");
        assert_eq!(
            <Option<Vec<Vec<String>>>>::wire_schema().describe(),
            "Array of Array of String"
        );
        assert_eq!(
            <BTreeMap<String, i64>>::wire_schema().describe(),
            "Map of Integer"
        );
        assert_eq!(Value::wire_schema().describe(), "Any");
    }

    #[test]
    fn skeletons_fill_every_field_and_stop_at_recursion() {
        assert_eq!(
            <Vec<Filter>>::wire_schema().skeleton(),
            serde_json::json!([{"Name": "", "Values": [""]}])
        );
        assert_eq!(
            Node::wire_schema().skeleton(),
            serde_json::json!({"Id": 0, "Children": [{}]})
        );
    }

    struct Undescribed;

    #[test]
    // The borrows pick the impl: clippy does not see the specialisation.
    #[allow(clippy::needless_borrow)]
    fn the_probe_falls_back_to_any() {
        assert_eq!(
            (&&Probe::<Vec<Filter>>::new()).wire_schema().describe(),
            "Array of Filter"
        );
        assert_eq!(
            (&&Probe::<Undescribed>::new()).wire_schema().describe(),
            "Any"
        );
    }
}
