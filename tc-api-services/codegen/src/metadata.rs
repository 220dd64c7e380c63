//! The shape of the packages' `api.json` and `examples.json`, as far as the generator
//! reads them. Prose fields (`document`, `name` of actions) are deliberately not read.

use std::collections::BTreeMap;

use serde::{Deserialize, Deserializer};

/// A yes/no fact, written `true`/`false` in most files and `1`/`0` in a few.
fn flag<'de, D: Deserializer<'de>>(deserializer: D) -> Result<bool, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Flag {
        Bool(bool),
        Number(i64),
    }
    match Flag::deserialize(deserializer)? {
        Flag::Bool(value) => Ok(value),
        Flag::Number(0) => Ok(false),
        Flag::Number(1) => Ok(true),
        Flag::Number(other) => Err(serde::de::Error::custom(format!(
            "expected a boolean or 0/1, found {other}"
        ))),
    }
}

/// One `api.json`.
#[derive(Debug, Deserialize)]
pub struct ApiFile {
    /// Actions by name.
    pub actions: BTreeMap<String, ApiAction>,
    /// Models (request, response and nested) by name.
    pub objects: BTreeMap<String, ApiObject>,
    /// Service facts.
    pub metadata: ApiMetadata,
}

/// `metadata` of an `api.json`.
#[derive(Debug, Deserialize)]
pub struct ApiMetadata {
    /// `2017-03-12`.
    #[serde(rename = "apiVersion")]
    pub api_version: String,
    /// The service's name on the wire (`as`), which the package's directory may not be
    /// (tccli keeps `as` in `autoscaling`, a Python keyword otherwise).
    #[serde(rename = "serviceShortName")]
    pub service_short_name: String,
}

/// One action.
#[derive(Debug, Deserialize)]
pub struct ApiAction {
    /// Name of the request model.
    pub input: String,
    /// Name of the response model.
    pub output: String,
    /// `online`, `deprecated`, `offline`; absent in some intl files (online).
    pub status: Option<String>,
}

/// One model.
#[derive(Debug, Deserialize)]
pub struct ApiObject {
    /// Its members in order.
    pub members: Vec<ApiMember>,
}

/// One member of a model.
#[derive(Debug, Clone, Deserialize)]
pub struct ApiMember {
    /// Wire name.
    pub name: String,
    /// `string`, `int`, `float`, `bool`, `list`, `object`, `binary`.
    #[serde(rename = "type")]
    pub kind: String,
    /// Element or refined type: `int64`, `uint64`, `string`, `datetime`, a model name.
    pub member: String,
    /// Whether a request must carry it.
    #[serde(default, deserialize_with = "flag")]
    pub required: bool,
    /// Whether an answer may carry `null`.
    #[serde(default, deserialize_with = "flag")]
    pub value_allowed_null: bool,
    /// An example value as text.
    #[serde(default)]
    pub example: Option<String>,
}

/// One `examples.json`.
#[derive(Debug, Default, Deserialize)]
pub struct ExamplesFile {
    /// Examples by action name.
    #[serde(default)]
    pub actions: BTreeMap<String, Vec<ApiExample>>,
}

/// One example: an HTTP request and the JSON answer.
#[derive(Debug, Clone, Deserialize)]
pub struct ApiExample {
    /// The HTTP request as text (request line, headers, body).
    #[serde(default)]
    pub input: String,
    /// The JSON answer as text.
    #[serde(default)]
    pub output: String,
}
