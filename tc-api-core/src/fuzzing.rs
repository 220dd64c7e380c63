//! Thin entry points for the fuzz targets (`fuzz/`) and their property-test twins
//! (`tests/tests/fuzz_equivalents.rs`): each feeds untrusted input to one decoder of the
//! crate and returns its typed result, so a harness can assert "no panic, a typed
//! error". Not a public API: anything here may change without notice.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};
use std::task::{Context, Poll, Waker};

use serde::{Deserialize, Serialize};

use crate::action::Empty;
use crate::credential::{
    Credential, CredentialError, Environment, ProfileProvider, ProvideCredential,
};
use crate::envelope;
use crate::error::Error;
use crate::sign::flatten::{self, FlattenError};

/// A response shape with the features real responses have: nested models, optional and
/// nullable fields, 64-bit integers, lists, renamed fields.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SampleResponse {
    /// A nested model.
    #[serde(rename = "Data", default)]
    pub data: Option<SampleItem>,
    /// A list of models.
    #[serde(rename = "Items", default)]
    pub items: Option<Vec<SampleItem>>,
    /// A 64-bit count.
    #[serde(rename = "TotalCount", default)]
    pub total_count: Option<i64>,
}

/// An item of [`SampleResponse`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SampleItem {
    /// A name.
    #[serde(rename = "Name", default)]
    pub name: Option<String>,
    /// A flag.
    #[serde(rename = "Result", default)]
    pub result: Option<bool>,
    /// Values.
    #[serde(rename = "Values", default)]
    pub values: Option<Vec<String>>,
}

/// Decodes `body` as an API 3.0 answer with HTTP `status`, into an empty response, an
/// untyped one and [`SampleResponse`]. Returns the three results' errors, if any.
pub fn decode_v3(status: u16, body: &[u8]) -> [Option<Error>; 3] {
    [
        envelope::decode_v3::<Empty>(status, body).err(),
        envelope::decode_v3::<serde_json::Value>(status, body).err(),
        envelope::decode_v3::<SampleResponse>(status, body).err(),
    ]
}

/// As [`decode_v3`], for an API 2.0 answer.
pub fn decode_v2(status: u16, body: &[u8]) -> [Option<Error>; 3] {
    [
        envelope::decode_v2::<Empty>(status, body).err(),
        envelope::decode_v2::<serde_json::Value>(status, body).err(),
        envelope::decode_v2::<SampleResponse>(status, body).err(),
    ]
}

/// Flattens any JSON value into v1 parameters.
pub fn flatten_json(value: &serde_json::Value) -> Result<Vec<(String, String)>, FlattenError> {
    flatten::to_params(value)
}

/// A request shape for the round trip flatten -> the emulator's flat decoder.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SampleRequest {
    /// A string.
    #[serde(rename = "Name")]
    pub name: String,
    /// A 64-bit id (does not fit i32).
    #[serde(rename = "Id")]
    pub id: i64,
    /// An optional flag.
    #[serde(rename = "Flag", default, skip_serializing_if = "Option::is_none")]
    pub flag: Option<bool>,
    /// A list of strings.
    #[serde(rename = "Tags", default)]
    pub tags: Vec<String>,
    /// Nested filters, each with a list of values.
    #[serde(rename = "Filters", default)]
    pub filters: Vec<SampleFilter>,
    /// A string map (keys are parameter names: non-empty, without `.`).
    #[serde(rename = "Labels", default)]
    pub labels: BTreeMap<String, u32>,
}

/// A filter of [`SampleRequest`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SampleFilter {
    /// Name.
    #[serde(rename = "Name")]
    pub name: String,
    /// Values.
    #[serde(rename = "Values", default)]
    pub values: Vec<String>,
}

/// Why a round trip did not give back what went in.
#[derive(Debug, thiserror::Error)]
pub enum RoundTripError {
    /// Flattening refused the value.
    #[error("flatten: {0}")]
    Flatten(#[from] FlattenError),
    /// The emulator's decoder refused the parameters.
    #[cfg(feature = "emulator")]
    #[error("decode: {0}")]
    Decode(#[from] crate::emulator::ParamError),
}

/// Flattens `request` and decodes the parameters back with the emulator's flat decoder.
#[cfg(feature = "emulator")]
pub fn flatten_round_trip(request: &SampleRequest) -> Result<SampleRequest, RoundTripError> {
    let params = flatten::to_params(request)?;
    Ok(crate::emulator::decode_flat(params)?)
}

/// Reads profile `profile` from a credentials file holding `contents`, through
/// [`ProfileProvider`] (file read, UTF-8 check, INI parse, value checks), with an empty
/// environment. The file is written to the temporary directory and removed afterwards.
pub fn read_profile(contents: &[u8], profile: &str) -> Result<Credential, CredentialError> {
    static NEXT: AtomicU64 = AtomicU64::new(0);
    let path: PathBuf = std::env::temp_dir().join(format!(
        "tc-api-fuzz-profile-{}-{}",
        std::process::id(),
        NEXT.fetch_add(1, Ordering::Relaxed)
    ));
    if let Err(error) = std::fs::write(&path, contents) {
        return Err(CredentialError::FileRead {
            path,
            source: std::sync::Arc::new(error),
        });
    }
    let provider = ProfileProvider::with_environment(Environment::from_vars(std::iter::empty::<(
        String,
        String,
    )>()))
    .file(&path)
    .profile(profile);
    // `ProfileProvider` does its work in the first poll: no runtime needed.
    let mut future = provider.provide();
    let result = match future
        .as_mut()
        .poll(&mut Context::from_waker(Waker::noop()))
    {
        Poll::Ready(result) => result,
        Poll::Pending => Err(CredentialError::NotConfigured {
            reason: "the profile provider did not finish in one poll".into(),
        }),
    };
    let _ = std::fs::remove_file(&path);
    result
}
