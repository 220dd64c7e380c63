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
//!
//! A program can also describe types at run time, from data rather than code (a table of
//! actions it has no typed definition for): [`BuiltObject`] and [`Schema::ArrayOf`]
//! hold their parts as values. [`Fields`] reads the fields of either kind of object, so
//! that the checks and templates are written once.

use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::sync::OnceLock;

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
    /// A JSON array whose element type is a value built at run time (`Array` needs a
    /// function, which data cannot provide).
    ArrayOf(&'static Schema),
    /// A JSON object with named fields built at run time from data.
    Built(&'static BuiltObject),
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

/// An object type described at run time. Its fields are given after it is made
/// ([`set_fields`](Self::set_fields)), so that objects built together can refer to one
/// another, and to themselves, through `&'static` references.
#[derive(Debug)]
pub struct BuiltObject {
    name: String,
    fields: OnceLock<Vec<BuiltField>>,
}

/// One field of a [`BuiltObject`].
#[derive(Debug, Clone)]
pub struct BuiltField {
    /// The wire name.
    pub name: String,
    /// Whether the field must be present.
    pub required: bool,
    /// The field's value type.
    pub schema: Schema,
    /// A description; empty when there is none.
    pub doc: String,
}

impl BuiltObject {
    /// An object named `name` (used in type descriptions), without fields yet.
    pub fn new(name: impl Into<String>) -> Self {
        BuiltObject {
            name: name.into(),
            fields: OnceLock::new(),
        }
    }

    /// Gives the fields, once: a second call changes nothing and hands them back.
    pub fn set_fields(&self, fields: Vec<BuiltField>) -> Result<(), Vec<BuiltField>> {
        self.fields.set(fields)
    }

    /// The name.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The fields in order; none before [`set_fields`](Self::set_fields).
    pub fn fields(&self) -> &[BuiltField] {
        self.fields.get().map_or(&[], Vec::as_slice)
    }
}

/// The named fields of an object type, typed or built at run time.
#[derive(Debug, Clone, Copy)]
pub enum Fields {
    /// An annotated struct's.
    Typed(&'static ObjectSchema),
    /// A [`BuiltObject`]'s.
    Built(&'static BuiltObject),
}

/// One field as [`Fields`] gives it.
#[derive(Debug, Clone, Copy)]
pub struct Field {
    /// The wire name.
    pub name: &'static str,
    /// Whether the field must be present.
    pub required: bool,
    /// The field's value type.
    pub schema: Schema,
    /// Its description; empty when it has none.
    pub doc: &'static str,
}

impl Fields {
    /// The type's name (`Filter`).
    pub fn name(self) -> &'static str {
        match self {
            Fields::Typed(object) => object.name,
            Fields::Built(object) => &object.name,
        }
    }

    /// How many fields there are.
    pub fn len(self) -> usize {
        match self {
            Fields::Typed(object) => object.fields.len(),
            Fields::Built(object) => object.fields().len(),
        }
    }

    /// Whether there are none.
    pub fn is_empty(self) -> bool {
        self.len() == 0
    }

    /// The fields in declaration order.
    pub fn iter(self) -> impl Iterator<Item = Field> {
        (0..self.len()).map(move |index| self.at(index))
    }

    /// The field with wire name `name`.
    pub fn get(self, name: &str) -> Option<Field> {
        (0..self.len())
            .find(|&index| self.name_at(index) == name)
            .map(|index| self.at(index))
    }

    /// The wire names in declaration order.
    pub fn names(self) -> Vec<&'static str> {
        self.iter().map(|field| field.name).collect()
    }

    fn name_at(self, index: usize) -> &'static str {
        match self {
            Fields::Typed(object) => object.fields[index].name,
            Fields::Built(object) => &object.fields()[index].name,
        }
    }

    fn at(self, index: usize) -> Field {
        match self {
            Fields::Typed(object) => {
                let field = &object.fields[index];
                Field {
                    name: field.name,
                    required: field.required,
                    schema: field.schema(),
                    doc: field.doc,
                }
            }
            Fields::Built(object) => {
                let field = &object.fields()[index];
                Field {
                    name: &field.name,
                    required: field.required,
                    schema: field.schema,
                    doc: &field.doc,
                }
            }
        }
    }
}

impl From<&'static ObjectSchema> for Fields {
    fn from(object: &'static ObjectSchema) -> Self {
        Fields::Typed(object)
    }
}

impl From<&'static BuiltObject> for Fields {
    fn from(object: &'static BuiltObject) -> Self {
        Fields::Built(object)
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
            Schema::ArrayOf(item) => format!("Array of {}", item.describe()),
            Schema::Map(value) => format!("Map of {}", value().describe()),
            Schema::Object(object) => object.name.to_owned(),
            Schema::Built(object) => object.name.clone(),
            Schema::Any => "Any".to_owned(),
        }
    }

    /// The fields, when this is an object type with named fields.
    pub fn fields(&self) -> Option<Fields> {
        match *self {
            Schema::Object(object) => Some(Fields::Typed(object)),
            Schema::Built(object) => Some(Fields::Built(object)),
            _ => None,
        }
    }

    /// The element type, when this is an array.
    pub fn element(&self) -> Option<Schema> {
        match *self {
            Schema::Array(item) => Some(item()),
            Schema::ArrayOf(item) => Some(*item),
            _ => None,
        }
    }

    /// A request template: `""` for strings, `0` for integers, `0.0` for floats, `false`
    /// for booleans, one element for arrays, every field for objects. A type that
    /// contains itself is cut at its second appearance (written `{}`).
    pub fn skeleton(&self) -> Value {
        self.skeleton_within(&mut Vec::new())
    }

    fn skeleton_within(&self, open: &mut Vec<&'static str>) -> Value {
        if let Some(item) = self.element() {
            return Value::Array(vec![item.skeleton_within(open)]);
        }
        if let Some(fields) = self.fields() {
            if open.contains(&fields.name()) {
                return Value::Object(Map::new());
            }
            open.push(fields.name());
            let fields = fields
                .iter()
                .map(|field| (field.name.to_owned(), field.schema.skeleton_within(open)))
                .collect();
            open.pop();
            return Value::Object(fields);
        }
        match self {
            Schema::Boolean => Value::Bool(false),
            Schema::Integer => Value::from(0),
            Schema::Float => Value::from(0.0),
            Schema::String => Value::String(String::new()),
            _ => Value::Object(Map::new()),
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

    /// A tree whose nodes hold a list of nodes, built at run time.
    fn built_tree() -> &'static BuiltObject {
        let node: &'static BuiltObject = Box::leak(Box::new(BuiltObject::new("Node")));
        let nodes: &'static Schema = Box::leak(Box::new(Schema::Built(node)));
        let field = |name: &str, required, schema| BuiltField {
            name: name.to_owned(),
            required,
            schema,
            doc: String::new(),
        };
        node.set_fields(vec![
            field("Id", true, Schema::Integer),
            field("Children", false, Schema::ArrayOf(nodes)),
            field("Tags", false, Schema::Array(String::wire_schema)),
        ])
        .unwrap();
        assert!(
            node.set_fields(Vec::new()).is_err(),
            "fields are given once"
        );
        node
    }

    #[test]
    fn built_objects_read_like_typed_ones() {
        let node = built_tree();
        let schema = Schema::Built(node);
        assert_eq!(schema.describe(), "Node");
        let fields = schema.fields().unwrap();
        assert_eq!(fields.names(), ["Id", "Children", "Tags"]);
        assert_eq!(
            fields.get("Children").unwrap().schema.describe(),
            "Array of Node"
        );
        assert!(fields.get("children").is_none());
        assert_eq!(
            fields
                .get("Children")
                .unwrap()
                .schema
                .element()
                .unwrap()
                .describe(),
            "Node"
        );
        assert_eq!(
            schema.skeleton(),
            serde_json::json!({"Id": 0, "Children": [{}], "Tags": [""]})
        );
        // The typed view says the same of a typed object.
        let typed = Node::wire_schema().fields().unwrap();
        assert_eq!(typed.names(), ["Id", "Children"]);
        assert!(typed.get("Id").unwrap().required);
        assert!(BuiltObject::new("Empty").fields().is_empty());
    }
}
