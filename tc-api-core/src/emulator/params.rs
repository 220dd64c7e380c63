//! Request parameters as the emulator receives them, and their decoding into an action's
//! typed struct.
//!
//! Both encodings land in one tree, [`Node`], read by one serde [`Deserializer`]:
//!
//! - flat parameters (`Filters.0.Values.1=x`, from a query string or a form body) become
//!   groups keyed by name segment whose leaves are text; the *target* type decides what
//!   the text is (`deserialize_i64` parses it, `deserialize_seq` reads a group keyed
//!   `0`, `1`, ... as a list), since the wire carries no types;
//! - a JSON body keeps its types, and is read strictly: a string where the action wants
//!   an integer is an error, as the cloud answers.
//!
//! Errors name the parameter by its flat path (`Filters.0.Name`) whichever the encoding,
//! and say whether it is missing, invalid or unknown; the emulator answers them as
//! `MissingParameter`, `InvalidParameter` and `UnknownParameter`.
//!
//! The tree is at most [`MAX_PARAM_DEPTH`] levels deep whichever the encoding (checked
//! where it is built), so everything that walks it recursively (the deserializer,
//! [`Node::into_json`], dropping it) has a bounded stack.

use std::collections::BTreeMap;
use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, IntoDeserializer, Visitor};

/// The most segments a parameter's flat path may have (`Filters.0.Values.1` has 4), which
/// is also the most levels of JSON arrays and objects below the body object. Deeper
/// parameters answer `InvalidParameter` naming the first level too deep. The actions
/// of the cloud nest far less; the bound keeps the recursive decoding of a hostile
/// request (`a.a.a.…` with 10,000 segments) off the end of the stack.
pub const MAX_PARAM_DEPTH: usize = 32;

/// One received parameter value or group.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Node {
    /// Text of a flat parameter: its type is whatever the target asks for.
    Flat(String),
    /// JSON `null`.
    Null,
    /// JSON `true` / `false`.
    Bool(bool),
    /// A JSON number.
    Number(serde_json::Number),
    /// A JSON string.
    Str(String),
    /// A JSON array.
    List(Vec<Node>),
    /// A JSON object, or a group of flat parameters sharing a name prefix.
    Map {
        entries: BTreeMap<String, Node>,
        /// From flat parameters: keys `0`, `1`, ... may be read as a list.
        flat: bool,
    },
}

/// Why received parameters do not decode into the action, naming the parameter.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ParamError {
    /// A required parameter is absent.
    #[error("the required parameter `{path}` is missing")]
    Missing {
        /// Flat path of the parameter (`Filters.0.Name`).
        path: String,
    },
    /// A parameter has a value of the wrong type or form.
    #[error("the value of parameter `{}` is invalid: {reason}", show(.path))]
    Invalid {
        /// Flat path of the parameter; empty for the request as a whole.
        path: String,
        /// What is wrong.
        reason: String,
    },
    /// A parameter the action does not define.
    #[error("the parameter `{path}` is not a parameter of this action")]
    Unknown {
        /// Flat path of the parameter.
        path: String,
    },
}

fn show(path: &str) -> &str {
    if path.is_empty() { "(request)" } else { path }
}

impl ParamError {
    /// The flat path of the parameter at fault.
    pub fn path(&self) -> &str {
        match self {
            ParamError::Missing { path }
            | ParamError::Invalid { path, .. }
            | ParamError::Unknown { path } => path,
        }
    }
}

/// The deserializer's error: a [`ParamError`] whose path may still be relative to the
/// value being decoded when it was raised (serde raises errors without knowing where).
#[derive(Debug)]
pub(crate) struct DecodeError {
    error: ParamError,
    /// Whether `error`'s path is already the full path.
    located: bool,
}

impl DecodeError {
    fn invalid(path: &str, reason: impl Into<String>) -> Self {
        DecodeError {
            error: ParamError::Invalid {
                path: path.to_owned(),
                reason: reason.into(),
            },
            located: true,
        }
    }

    /// Completes a relative path with the path of the value it was raised in.
    fn locate(mut self, at: &str) -> Self {
        if !self.located {
            self.located = true;
            match &mut self.error {
                // `missing_field` gives the field's name, relative to the struct.
                ParamError::Missing { path } => *path = join(at, path),
                ParamError::Invalid { path, .. } | ParamError::Unknown { path } => {
                    *path = at.to_owned()
                }
            }
        }
        self
    }

    pub(crate) fn into_param_error(self) -> ParamError {
        self.error
    }
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.error.fmt(f)
    }
}

impl std::error::Error for DecodeError {}

impl de::Error for DecodeError {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        DecodeError {
            error: ParamError::Invalid {
                path: String::new(),
                reason: msg.to_string(),
            },
            located: false,
        }
    }

    fn missing_field(field: &'static str) -> Self {
        DecodeError {
            error: ParamError::Missing {
                path: field.to_owned(),
            },
            located: false,
        }
    }
}

fn join(parent: &str, child: &str) -> String {
    if parent.is_empty() {
        child.to_owned()
    } else {
        format!("{parent}.{child}")
    }
}

impl Node {
    /// The tree of flat parameters: `A.0.B=x` becomes `{A: {0: {B: "x"}}}`.
    pub(crate) fn from_flat(params: Vec<(String, String)>) -> Result<Node, ParamError> {
        let mut root = BTreeMap::new();
        for (name, value) in params {
            insert_flat(&mut root, &name, value)?;
        }
        Ok(Node::Map {
            entries: root,
            flat: true,
        })
    }

    /// The tree of a JSON request body, which must be an object (an empty body counts as
    /// `{}`).
    pub(crate) fn from_json_body(body: &[u8]) -> Result<Node, ParamError> {
        if body.iter().all(u8::is_ascii_whitespace) {
            return Ok(Node::Map {
                entries: BTreeMap::new(),
                flat: false,
            });
        }
        let value: serde_json::Value =
            serde_json::from_slice(body).map_err(|e| ParamError::Invalid {
                path: String::new(),
                reason: format!("the body is not valid JSON: {e}"),
            })?;
        // serde_json refuses more than 128 levels while parsing, so the walk below
        // recurses at most that deep.
        if !value.is_object() {
            return Err(ParamError::Invalid {
                path: String::new(),
                reason: "the body must be a JSON object".to_owned(),
            });
        }
        Node::from_json(value, 0).map_err(|mut path| {
            path.reverse();
            too_deep(path.join("."), "the body nests")
        })
    }

    /// The tree of `value`, itself `depth` levels below the body. A level deeper than
    /// [`MAX_PARAM_DEPTH`] gives its path instead, innermost segment first (built only
    /// then, as the error unwinds).
    fn from_json(value: serde_json::Value, depth: usize) -> Result<Node, Vec<String>> {
        use serde_json::Value;
        let child = |segment: String, value: Value| {
            if depth == MAX_PARAM_DEPTH {
                return Err(vec![segment]);
            }
            Node::from_json(value, depth + 1).map_err(|mut path| {
                path.push(segment);
                path
            })
        };
        Ok(match value {
            Value::Null => Node::Null,
            Value::Bool(b) => Node::Bool(b),
            Value::Number(n) => Node::Number(n),
            Value::String(s) => Node::Str(s),
            Value::Array(items) => Node::List(
                items
                    .into_iter()
                    .enumerate()
                    .map(|(index, item)| child(index.to_string(), item))
                    .collect::<Result<_, _>>()?,
            ),
            Value::Object(map) => {
                let mut entries = BTreeMap::new();
                for (key, member) in map {
                    // A member set to null is taken as absent, as for optional
                    // parameters (but it still counts towards the depth).
                    if member.is_null() && depth < MAX_PARAM_DEPTH {
                        continue;
                    }
                    let node = child(key.clone(), member)?;
                    entries.insert(key, node);
                }
                Node::Map {
                    entries,
                    flat: false,
                }
            }
        })
    }

    /// The parameters as JSON, for handlers that take untyped parameters: flat groups
    /// keyed `0..n` become arrays, flat leaves stay strings.
    pub(crate) fn into_json(self) -> serde_json::Value {
        use serde_json::Value;
        match self {
            Node::Flat(s) | Node::Str(s) => Value::String(s),
            Node::Null => Value::Null,
            Node::Bool(b) => Value::Bool(b),
            Node::Number(n) => Value::Number(n),
            Node::List(items) => Value::Array(items.into_iter().map(Node::into_json).collect()),
            Node::Map { entries, flat } => {
                if flat && !entries.is_empty() && as_indices(&entries).is_some() {
                    let items = ordered_items(entries);
                    Value::Array(items.into_iter().map(Node::into_json).collect())
                } else {
                    Value::Object(
                        entries
                            .into_iter()
                            .map(|(k, v)| (k, v.into_json()))
                            .collect(),
                    )
                }
            }
        }
    }

    /// What the node is, for error messages.
    fn kind(&self) -> &'static str {
        match self {
            Node::Flat(_) => "a value",
            Node::Null => "null",
            Node::Bool(_) => "a boolean",
            Node::Number(_) => "a number",
            Node::Str(_) => "a string",
            Node::List(_) => "a list",
            Node::Map { .. } => "a group of parameters",
        }
    }
}

/// The refusal of a parameter nesting deeper than [`MAX_PARAM_DEPTH`]; `path` is the
/// first level too deep.
fn too_deep(path: String, what: &str) -> ParamError {
    ParamError::Invalid {
        path,
        reason: format!("{what} deeper than {MAX_PARAM_DEPTH} levels, the most accepted"),
    }
}

fn insert_flat(
    root: &mut BTreeMap<String, Node>,
    name: &str,
    value: String,
) -> Result<(), ParamError> {
    let invalid = |reason: &str| ParamError::Invalid {
        path: name.to_owned(),
        reason: reason.to_owned(),
    };
    let segments: Vec<&str> = name.split('.').collect();
    if segments.len() > MAX_PARAM_DEPTH {
        return Err(too_deep(
            segments[..=MAX_PARAM_DEPTH].join("."),
            &format!("the name has {} segments; it nests", segments.len()),
        ));
    }
    if segments.iter().any(|s| s.is_empty()) {
        return Err(invalid("the name has an empty segment"));
    }
    let (last, parents) = segments.split_last().unwrap_or((&"", &[]));
    let mut map = root;
    for (depth, segment) in parents.iter().enumerate() {
        let entry = map.entry((*segment).to_owned()).or_insert(Node::Map {
            entries: BTreeMap::new(),
            flat: true,
        });
        match entry {
            Node::Map { entries, .. } => map = entries,
            _ => {
                return Err(ParamError::Invalid {
                    path: segments[..=depth].join("."),
                    reason: format!("it is given both as a value and as a group (`{name}`)"),
                });
            }
        }
    }
    match map.get(*last) {
        None => {
            map.insert((*last).to_owned(), Node::Flat(value));
            Ok(())
        }
        Some(Node::Map { .. }) => Err(invalid("it is given both as a value and as a group")),
        Some(_) => Err(invalid("it is given more than once")),
    }
}

/// The indices of a group whose keys are exactly `0..n`, or `None`.
fn as_indices(entries: &BTreeMap<String, Node>) -> Option<Vec<usize>> {
    let mut indices = Vec::with_capacity(entries.len());
    for key in entries.keys() {
        // `01` or `+1` are not list indices.
        if (key.len() > 1 && key.starts_with('0')) || !key.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        indices.push(key.parse::<usize>().ok()?);
    }
    indices.sort_unstable();
    indices
        .iter()
        .enumerate()
        .all(|(i, &index)| i == index)
        .then_some(indices)
}

/// A group keyed `0..n` (checked by [`as_indices`]) as its items in index order.
fn ordered_items(entries: BTreeMap<String, Node>) -> Vec<Node> {
    let mut items: Vec<(usize, Node)> = entries
        .into_iter()
        .filter_map(|(k, v)| k.parse::<usize>().ok().map(|i| (i, v)))
        .collect();
    items.sort_unstable_by_key(|(i, _)| *i);
    items.into_iter().map(|(_, v)| v).collect()
}

/// Decodes the parameters `node` into `T`.
pub(crate) fn decode<T: de::DeserializeOwned>(node: Node) -> Result<T, ParamError> {
    T::deserialize(NodeDe {
        node,
        path: String::new(),
    })
    .map_err(|e| e.locate("").into_param_error())
}

/// The field names `T`'s derived `Deserialize` passes to `deserialize_struct` (its
/// wire names); empty for a type that is not a struct.
pub(crate) fn struct_fields<T: de::DeserializeOwned>() -> &'static [&'static str] {
    struct Probe;
    #[derive(Debug)]
    struct Found(&'static [&'static str]);
    impl fmt::Display for Found {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("probe")
        }
    }
    impl std::error::Error for Found {}
    impl de::Error for Found {
        fn custom<M: fmt::Display>(_: M) -> Self {
            Found(&[])
        }
    }
    impl<'de> de::Deserializer<'de> for Probe {
        type Error = Found;
        fn deserialize_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Found> {
            Err(Found(&[]))
        }
        fn deserialize_struct<V: Visitor<'de>>(
            self,
            _: &'static str,
            fields: &'static [&'static str],
            _: V,
        ) -> Result<V::Value, Found> {
            Err(Found(fields))
        }
        serde::forward_to_deserialize_any! {
            bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
            bytes byte_buf option unit unit_struct newtype_struct seq tuple
            tuple_struct map enum identifier ignored_any
        }
    }
    match T::deserialize(Probe) {
        Err(Found(fields)) => fields,
        Ok(_) => &[],
    }
}

/// Deserializer of one node at a flat path.
struct NodeDe {
    node: Node,
    path: String,
}

impl NodeDe {
    fn wrong_type(&self, expected: &str) -> DecodeError {
        let found = match &self.node {
            Node::Flat(text) | Node::Str(text) => format!("{:?}", truncate(text)),
            other => other.kind().to_owned(),
        };
        DecodeError::invalid(&self.path, format!("expected {expected}, found {found}"))
    }

    /// Text of a flat value, for types parsed on demand.
    fn flat_text(&self) -> Option<&str> {
        match &self.node {
            Node::Flat(text) => Some(text),
            _ => None,
        }
    }

    fn integer<'de, V: Visitor<'de>>(
        self,
        visitor: V,
        unsigned: bool,
    ) -> Result<V::Value, DecodeError> {
        let expected = if unsigned {
            "a non-negative integer"
        } else {
            "an integer"
        };
        let path = self.path.clone();
        let result = match &self.node {
            Node::Flat(text) => {
                let text = text.trim();
                if unsigned || !text.starts_with('-') {
                    match text.parse::<u64>() {
                        Ok(v) => visitor.visit_u64(v),
                        Err(_) => Err(self.wrong_type(expected)),
                    }
                } else {
                    match text.parse::<i64>() {
                        Ok(v) => visitor.visit_i64(v),
                        Err(_) => Err(self.wrong_type(expected)),
                    }
                }
            }
            Node::Number(n) => {
                if let Some(v) = n.as_u64() {
                    visitor.visit_u64(v)
                } else if let Some(v) = n.as_i64() {
                    visitor.visit_i64(v)
                } else {
                    Err(self.wrong_type(expected))
                }
            }
            _ => Err(self.wrong_type(expected)),
        };
        result.map_err(|e| e.locate(&path))
    }

    fn float<'de, V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DecodeError> {
        let path = self.path.clone();
        let result = match &self.node {
            Node::Flat(text) => match text.trim().parse::<f64>() {
                Ok(v) if v.is_finite() => visitor.visit_f64(v),
                _ => Err(self.wrong_type("a number")),
            },
            Node::Number(n) => match n.as_f64() {
                Some(v) => visitor.visit_f64(v),
                None => Err(self.wrong_type("a number")),
            },
            _ => Err(self.wrong_type("a number")),
        };
        result.map_err(|e| e.locate(&path))
    }

    /// Items of a list: a JSON array, or a flat group keyed `0..n`.
    fn list_items(self) -> Result<(Vec<Node>, String), DecodeError> {
        match self.node {
            Node::List(items) => Ok((items, self.path)),
            Node::Map {
                entries,
                flat: true,
            } => {
                if as_indices(&entries).is_none() {
                    let keys: Vec<&str> = entries.keys().map(String::as_str).take(5).collect();
                    return Err(DecodeError::invalid(
                        &self.path,
                        format!(
                            "expected a list numbered from 0 (`{0}.0`, `{0}.1`, ...), found the names {keys:?}",
                            self.path
                        ),
                    ));
                }
                Ok((ordered_items(entries), self.path))
            }
            _ => Err(self.wrong_type("a list")),
        }
    }
}

fn truncate(text: &str) -> String {
    const MAX: usize = 40;
    if text.chars().count() <= MAX {
        text.to_owned()
    } else {
        let mut cut: String = text.chars().take(MAX).collect();
        cut.push('…');
        cut
    }
}

macro_rules! forward_integers {
    ($($method:ident => $unsigned:expr),* $(,)?) => {
        $(
            fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DecodeError> {
                self.integer(visitor, $unsigned)
            }
        )*
    };
}

impl<'de> Deserializer<'de> for NodeDe {
    type Error = DecodeError;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DecodeError> {
        let path = self.path.clone();
        let result = match self.node {
            Node::Flat(text) | Node::Str(text) => visitor.visit_string(text),
            Node::Null => visitor.visit_unit(),
            Node::Bool(b) => visitor.visit_bool(b),
            Node::Number(n) => {
                if let Some(v) = n.as_u64() {
                    visitor.visit_u64(v)
                } else if let Some(v) = n.as_i64() {
                    visitor.visit_i64(v)
                } else {
                    visitor.visit_f64(n.as_f64().unwrap_or(f64::NAN))
                }
            }
            Node::List(items) => visitor.visit_seq(Items::new(items, path.clone())),
            Node::Map { entries, .. } => visitor.visit_map(Entries::new(entries, path.clone())),
        };
        result.map_err(|e| e.locate(&path))
    }

    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DecodeError> {
        let path = self.path.clone();
        let result = match (&self.node, self.flat_text()) {
            (_, Some(text)) if text.trim().eq_ignore_ascii_case("true") => visitor.visit_bool(true),
            (_, Some(text)) if text.trim().eq_ignore_ascii_case("false") => {
                visitor.visit_bool(false)
            }
            (Node::Bool(b), _) => visitor.visit_bool(*b),
            _ => Err(self.wrong_type("true or false")),
        };
        result.map_err(|e| e.locate(&path))
    }

    forward_integers! {
        deserialize_i8 => false, deserialize_i16 => false, deserialize_i32 => false,
        deserialize_i64 => false, deserialize_u8 => true, deserialize_u16 => true,
        deserialize_u32 => true, deserialize_u64 => true,
    }

    fn deserialize_i128<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DecodeError> {
        self.integer(visitor, false)
    }

    fn deserialize_u128<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DecodeError> {
        self.integer(visitor, true)
    }

    fn deserialize_f32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DecodeError> {
        self.float(visitor)
    }

    fn deserialize_f64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DecodeError> {
        self.float(visitor)
    }

    fn deserialize_char<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DecodeError> {
        self.deserialize_string(visitor)
    }

    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DecodeError> {
        self.deserialize_string(visitor)
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DecodeError> {
        let path = self.path.clone();
        let result = match self.node {
            Node::Flat(text) | Node::Str(text) => visitor.visit_string(text),
            _ => Err(self.wrong_type("a string")),
        };
        result.map_err(|e| e.locate(&path))
    }

    fn deserialize_bytes<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DecodeError> {
        self.deserialize_any(visitor)
    }

    fn deserialize_byte_buf<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DecodeError> {
        self.deserialize_any(visitor)
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DecodeError> {
        let path = self.path.clone();
        let result = match self.node {
            Node::Null => visitor.visit_none(),
            _ => visitor.visit_some(self),
        };
        result.map_err(|e| e.locate(&path))
    }

    fn deserialize_unit<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DecodeError> {
        let path = self.path.clone();
        let empty = match &self.node {
            Node::Null => true,
            Node::Flat(text) => text.is_empty(),
            Node::Map { entries, .. } => entries.is_empty(),
            _ => false,
        };
        let result = if empty {
            visitor.visit_unit()
        } else {
            Err(self.wrong_type("nothing"))
        };
        result.map_err(|e| e.locate(&path))
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, DecodeError> {
        self.deserialize_unit(visitor)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, DecodeError> {
        let path = self.path.clone();
        visitor
            .visit_newtype_struct(self)
            .map_err(|e| e.locate(&path))
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DecodeError> {
        let (items, path) = self.list_items()?;
        visitor
            .visit_seq(Items::new(items, path.clone()))
            .map_err(|e| e.locate(&path))
    }

    fn deserialize_tuple<V: Visitor<'de>>(
        self,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value, DecodeError> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value, DecodeError> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DecodeError> {
        let path = self.path.clone();
        match self.node {
            Node::Map { entries, .. } => visitor
                .visit_map(Entries::new(entries, path.clone()))
                .map_err(|e| e.locate(&path)),
            _ => Err(self.wrong_type("a group of parameters")),
        }
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, DecodeError> {
        if let Node::Map { entries, .. } = &self.node
            && let Some(unknown) = entries.keys().find(|key| !fields.contains(&key.as_str()))
        {
            return Err(DecodeError {
                error: ParamError::Unknown {
                    path: join(&self.path, unknown),
                },
                located: true,
            });
        }
        self.deserialize_map(visitor)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, DecodeError> {
        let path = self.path.clone();
        let result = match self.node {
            Node::Flat(name) | Node::Str(name) => visitor.visit_enum(name.into_deserializer()),
            Node::Map { mut entries, .. } if entries.len() == 1 => match entries.pop_first() {
                Some((variant, value)) => {
                    let value = NodeDe {
                        node: value,
                        path: join(&path, &variant),
                    };
                    visitor.visit_enum(Variant { variant, value })
                }
                None => Err(DecodeError::invalid(&path, "expected a variant")),
            },
            _ => Err(self.wrong_type("a variant name or a group with one variant")),
        };
        result.map_err(|e| e.locate(&path))
    }

    fn deserialize_identifier<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DecodeError> {
        self.deserialize_string(visitor)
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DecodeError> {
        visitor.visit_unit()
    }
}

/// The items of a list, each at `path.i`.
struct Items {
    items: std::iter::Enumerate<std::vec::IntoIter<Node>>,
    path: String,
}

impl Items {
    fn new(items: Vec<Node>, path: String) -> Self {
        Items {
            items: items.into_iter().enumerate(),
            path,
        }
    }
}

impl<'de> de::SeqAccess<'de> for Items {
    type Error = DecodeError;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, DecodeError> {
        match self.items.next() {
            Some((index, node)) => {
                let path = join(&self.path, &index.to_string());
                seed.deserialize(NodeDe {
                    node,
                    path: path.clone(),
                })
                .map(Some)
                .map_err(|e| e.locate(&path))
            }
            None => Ok(None),
        }
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.items.len())
    }
}

/// The entries of a group, each value at `path.key`.
struct Entries {
    entries: std::collections::btree_map::IntoIter<String, Node>,
    pending: Option<NodeDe>,
    path: String,
}

impl Entries {
    fn new(entries: BTreeMap<String, Node>, path: String) -> Self {
        Entries {
            entries: entries.into_iter(),
            pending: None,
            path,
        }
    }
}

impl<'de> de::MapAccess<'de> for Entries {
    type Error = DecodeError;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, DecodeError> {
        let Some((key, node)) = self.entries.next() else {
            return Ok(None);
        };
        let path = join(&self.path, &key);
        self.pending = Some(NodeDe {
            node,
            path: path.clone(),
        });
        // Keys are text; a map with integer keys parses them like flat values.
        seed.deserialize(NodeDe {
            node: Node::Flat(key),
            path: path.clone(),
        })
        .map(Some)
        .map_err(|e| e.locate(&path))
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(
        &mut self,
        seed: V,
    ) -> Result<V::Value, DecodeError> {
        match self.pending.take() {
            Some(value) => {
                let path = value.path.clone();
                seed.deserialize(value).map_err(|e| e.locate(&path))
            }
            None => Err(de::Error::custom("a value was read before its key")),
        }
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.entries.len())
    }
}

/// A variant given as a group with one entry: `{Variant: value}`.
struct Variant {
    variant: String,
    value: NodeDe,
}

impl<'de> de::EnumAccess<'de> for Variant {
    type Error = DecodeError;
    type Variant = NodeDe;

    fn variant_seed<S: DeserializeSeed<'de>>(
        self,
        seed: S,
    ) -> Result<(S::Value, NodeDe), DecodeError> {
        let name = seed.deserialize(NodeDe {
            node: Node::Flat(self.variant),
            path: self.value.path.clone(),
        })?;
        Ok((name, self.value))
    }
}

impl<'de> de::VariantAccess<'de> for NodeDe {
    type Error = DecodeError;

    fn unit_variant(self) -> Result<(), DecodeError> {
        de::Deserialize::deserialize(self)
    }

    fn newtype_variant_seed<S: DeserializeSeed<'de>>(
        self,
        seed: S,
    ) -> Result<S::Value, DecodeError> {
        seed.deserialize(self)
    }

    fn tuple_variant<V: Visitor<'de>>(
        self,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value, DecodeError> {
        self.deserialize_seq(visitor)
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, DecodeError> {
        self.deserialize_struct("", fields, visitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Debug, Deserialize, PartialEq)]
    struct Filter {
        #[serde(rename = "Name")]
        name: String,
        #[serde(rename = "Values", default)]
        values: Vec<String>,
    }

    #[derive(Debug, Deserialize, PartialEq)]
    #[serde(rename_all = "PascalCase")]
    struct Describe {
        #[serde(default)]
        filters: Vec<Filter>,
        limit: Option<u32>,
        offset: i64,
        enabled: Option<bool>,
        ratio: Option<f64>,
        kind: Option<Kind>,
    }

    #[derive(Debug, Deserialize, PartialEq)]
    enum Kind {
        Small,
        Big,
    }

    fn flat(pairs: &[(&str, &str)]) -> Node {
        Node::from_flat(
            pairs
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
        )
        .unwrap()
    }

    #[test]
    fn flat_params_decode_with_types_parsed_on_demand() {
        let node = flat(&[
            ("Filters.1.Name", "zone"),
            ("Filters.0.Values.1", "b"),
            ("Filters.0.Name", "name"),
            ("Filters.0.Values.0", "a"),
            ("Limit", "10"),
            ("Offset", "-9432130281"),
            ("Enabled", "True"),
            ("Ratio", "0.5"),
            ("Kind", "Big"),
        ]);
        let decoded: Describe = decode(node).unwrap();
        assert_eq!(
            decoded,
            Describe {
                filters: vec![
                    Filter {
                        name: "name".into(),
                        values: vec!["a".into(), "b".into()]
                    },
                    Filter {
                        name: "zone".into(),
                        values: vec![]
                    },
                ],
                limit: Some(10),
                offset: -9_432_130_281,
                enabled: Some(true),
                ratio: Some(0.5),
                kind: Some(Kind::Big),
            }
        );
    }

    #[test]
    fn json_and_flat_give_the_same_struct() {
        let json = br#"{"Filters":[{"Name":"n","Values":["a"]}],"Offset":3,"Enabled":false}"#;
        let from_json: Describe = decode(Node::from_json_body(json).unwrap()).unwrap();
        let from_flat: Describe = decode(flat(&[
            ("Filters.0.Name", "n"),
            ("Filters.0.Values.0", "a"),
            ("Offset", "3"),
            ("Enabled", "false"),
        ]))
        .unwrap();
        assert_eq!(from_json, from_flat);
    }

    #[test]
    fn missing_parameters_are_named_by_their_path() {
        let err = decode::<Describe>(flat(&[("Limit", "1")])).unwrap_err();
        assert_eq!(
            err,
            ParamError::Missing {
                path: "Offset".into()
            }
        );
        let err =
            decode::<Describe>(flat(&[("Offset", "1"), ("Filters.0.Values.0", "x")])).unwrap_err();
        assert_eq!(
            err,
            ParamError::Missing {
                path: "Filters.0.Name".into()
            }
        );
        let json = br#"{"Offset":1,"Filters":[{"Name":"a"},{"Values":[]}]}"#;
        let err = decode::<Describe>(Node::from_json_body(json).unwrap()).unwrap_err();
        assert_eq!(err.path(), "Filters.1.Name");
        assert!(matches!(err, ParamError::Missing { .. }));
    }

    #[test]
    fn invalid_values_are_named_by_their_path() {
        for (pairs, path) in [
            (&[("Offset", "ten")][..], "Offset"),
            (&[("Offset", "1"), ("Limit", "-1")][..], "Limit"),
            (&[("Offset", "1"), ("Limit", "99999999999")][..], "Limit"),
            (&[("Offset", "1"), ("Enabled", "yes")][..], "Enabled"),
            (&[("Offset", "1"), ("Ratio", "NaN")][..], "Ratio"),
            (&[("Offset", "1"), ("Kind", "Huge")][..], "Kind"),
            (
                &[
                    ("Offset", "1"),
                    ("Filters.0.Name", "a"),
                    ("Filters.2.Name", "b"),
                ][..],
                "Filters",
            ),
            (
                &[("Offset", "1"), ("Filters.0.Values", "x")][..],
                "Filters.0.Values",
            ),
        ] {
            let err = decode::<Describe>(flat(pairs)).unwrap_err();
            assert!(
                matches!(err, ParamError::Invalid { .. }),
                "{pairs:?}: {err}"
            );
            assert_eq!(err.path(), path, "{pairs:?}: {err}");
        }
        // JSON keeps its types: a string is not an integer.
        let err =
            decode::<Describe>(Node::from_json_body(br#"{"Offset":"1"}"#).unwrap()).unwrap_err();
        assert_eq!(err.path(), "Offset");
        assert!(err.to_string().contains("expected an integer"), "{err}");
    }

    #[test]
    fn unknown_parameters_are_refused() {
        let err = decode::<Describe>(flat(&[("Offset", "1"), ("Limt", "2")])).unwrap_err();
        assert_eq!(
            err,
            ParamError::Unknown {
                path: "Limt".into()
            }
        );
        let err = decode::<Describe>(flat(&[
            ("Offset", "1"),
            ("Filters.0.Name", "a"),
            ("Filters.0.Value.0", "x"),
        ]))
        .unwrap_err();
        assert_eq!(err.path(), "Filters.0.Value");
    }

    #[test]
    fn conflicting_and_malformed_names_are_invalid() {
        let conflict = Node::from_flat(vec![("A".into(), "1".into()), ("A.B".into(), "2".into())])
            .unwrap_err();
        assert_eq!(conflict.path(), "A");
        let conflict = Node::from_flat(vec![("A.B".into(), "2".into()), ("A".into(), "1".into())])
            .unwrap_err();
        assert_eq!(conflict.path(), "A");
        let twice =
            Node::from_flat(vec![("A".into(), "1".into()), ("A".into(), "2".into())]).unwrap_err();
        assert!(twice.to_string().contains("more than once"), "{twice}");
        assert!(Node::from_flat(vec![("A..B".into(), "1".into())]).is_err());
    }

    #[test]
    fn json_body_must_be_an_object() {
        assert!(Node::from_json_body(b"[1]").is_err());
        assert!(Node::from_json_body(b"{").is_err());
        assert_eq!(
            Node::from_json_body(b"").unwrap(),
            Node::Map {
                entries: BTreeMap::new(),
                flat: false
            }
        );
    }

    #[test]
    fn into_json_turns_numbered_groups_into_arrays() {
        let value = flat(&[("A.0.B", "x"), ("A.1.B", "y"), ("C", "1")]).into_json();
        assert_eq!(
            value,
            serde_json::json!({"A": [{"B": "x"}, {"B": "y"}], "C": "1"})
        );
    }

    #[derive(Debug, Deserialize)]
    struct Anything {
        #[serde(rename = "A")]
        a: serde_json::Value,
    }

    #[test]
    fn nesting_is_bounded_whichever_the_encoding() {
        // At the bound: accepted, decoded into a recursive type and turned into JSON.
        let at_bound = vec!["A"; MAX_PARAM_DEPTH].join(".");
        let node = flat(&[(&at_bound, "1")]);
        assert!(node.clone().into_json().is_object());
        let decoded: Anything = decode(node).unwrap();
        assert!(decoded.a.is_object());
        let mut json = serde_json::json!(1);
        for _ in 0..MAX_PARAM_DEPTH {
            json = serde_json::json!({ "A": json });
        }
        let body = serde_json::to_vec(&json).unwrap();
        let decoded: Anything = decode(Node::from_json_body(&body).unwrap()).unwrap();
        assert!(decoded.a.is_object());

        // One level more: refused, naming the first level too deep.
        let too_deep = format!("{at_bound}.A");
        let err = Node::from_flat(vec![(too_deep.clone(), "1".into())]).unwrap_err();
        assert!(matches!(err, ParamError::Invalid { .. }), "{err}");
        assert_eq!(err.path(), too_deep);
        let json = serde_json::json!({ "A": [json] });
        let err = Node::from_json_body(&serde_json::to_vec(&json).unwrap()).unwrap_err();
        assert!(matches!(err, ParamError::Invalid { .. }), "{err}");
        assert_eq!(
            err.path(),
            format!("A.0.{}", vec!["A"; MAX_PARAM_DEPTH - 1].join("."))
        );

        // Far deeper: serde_json's own limit (128) stops the parse, for arrays and objects.
        let arrays = format!("{{\"A\":{}{}}}", "[".repeat(200_000), "]".repeat(200_000));
        let objects = format!("{}1{}", "{\"A\":".repeat(200_000), "}".repeat(200_000));
        for body in [arrays, objects] {
            let err = Node::from_json_body(body.as_bytes()).unwrap_err();
            assert!(err.to_string().contains("recursion limit"), "{err}");
        }
        let name = vec!["a"; 10_000].join(".");
        let err = Node::from_flat(vec![(name, "1".into())]).unwrap_err();
        assert!(err.to_string().contains("10000 segments"), "{err}");
        assert_eq!(err.path().split('.').count(), MAX_PARAM_DEPTH + 1);
    }
}
