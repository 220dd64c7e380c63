//! API keys: the key pairs callers sign API Gateway calls with.

use tc_api_core::Empty;
use tc_api_macros::{tc_action, tc_model};

use tc_api_core::error::V2Code;

use super::common::ApiKeySecret;
use super::lenient;

/// Creates a new API key pair.
#[tc_action(service = "apigateway", api2, errors = V2Code)]
#[derive(Debug, Clone, PartialEq)]
pub struct CreateApiKey {
    /// Name for the key.
    pub secret_name: Option<String>,
}

/// Output of [`CreateApiKey`]: the new pair, secret included.
#[tc_model(api2)]
#[derive(Debug, Clone, PartialEq)]
pub struct CreateApiKeyResponse {
    /// Name of the key.
    #[serde(deserialize_with = "lenient::string")]
    pub secret_name: Option<String>,
    /// Public identifier of the key.
    #[serde(deserialize_with = "lenient::string")]
    pub secret_id: Option<String>,
    /// The secret; redacted in `Debug`.
    pub secret_key: Option<ApiKeySecret>,
    /// Creation time as the server formats it.
    #[serde(deserialize_with = "lenient::string")]
    pub created_time: Option<String>,
}

/// Deletes an API key pair.
#[tc_action(service = "apigateway", api2, response = Empty, errors = V2Code)]
#[derive(Debug, Clone, PartialEq)]
pub struct DeleteApiKey {
    /// Key to delete.
    pub secret_id: String,
}

/// Re-enables a disabled API key pair.
#[tc_action(service = "apigateway", api2, response = Empty, errors = V2Code)]
#[derive(Debug, Clone, PartialEq)]
pub struct EnableApiKey {
    /// Key to enable.
    pub secret_id: String,
}

/// Replaces the secret of an API key pair.
#[tc_action(service = "apigateway", api2, errors = V2Code)]
#[derive(Debug, Clone, PartialEq)]
pub struct UpdateApiKey {
    /// Key whose secret is replaced.
    pub secret_id: String,
}

/// Output of [`UpdateApiKey`].
#[tc_model(api2)]
#[derive(Debug, Clone, PartialEq)]
pub struct UpdateApiKeyResponse {
    /// Public identifier of the key.
    #[serde(deserialize_with = "lenient::string")]
    pub secret_id: Option<String>,
    /// The new secret; redacted in `Debug`.
    pub secret_key: Option<ApiKeySecret>,
    /// When the secret was replaced, as the server formats it.
    #[serde(deserialize_with = "lenient::string")]
    pub modified_time: Option<String>,
}

/// Lists API keys without their secrets.
#[tc_action(service = "apigateway", api2, errors = V2Code)]
#[derive(Debug, Clone, PartialEq)]
pub struct DescribeApiKeysStatus {
    /// Only these keys (`secretIds.n`); the first 20 keys when unset.
    pub secret_ids: Option<Vec<String>>,
    /// Index of the first result; 0 when unset.
    pub offset: Option<i64>,
    /// Page size; 20 when unset, at most 100.
    pub limit: Option<i64>,
    /// Field to sort by.
    pub orderby: Option<String>,
    /// Sort direction.
    pub order: Option<String>,
    /// Fuzzy match on the key name.
    pub search_name: Option<String>,
    /// Exact match on the key identifier.
    pub search_id: Option<String>,
}

/// Output of [`DescribeApiKeysStatus`].
#[tc_model(api2)]
#[derive(Debug, Clone, PartialEq)]
pub struct DescribeApiKeysStatusResponse {
    /// Number of keys that match, over all pages.
    #[serde(deserialize_with = "lenient::int")]
    pub total_count: Option<i64>,
    /// This page of keys.
    pub api_key_status_set: Option<Vec<ApiKeyStatus>>,
}

/// Summary of one API key, without its secret.
#[tc_model(api2)]
#[derive(Debug, Clone, PartialEq)]
pub struct ApiKeyStatus {
    /// Public identifier of the key.
    #[serde(deserialize_with = "lenient::string")]
    pub secret_id: Option<String>,
    /// Name of the key.
    #[serde(deserialize_with = "lenient::string")]
    pub secret_name: Option<String>,
    /// `1` in use, `0` disabled. Typed Boolean in the table but described and printed as
    /// `1`/`0`: an integer (a JSON boolean reads as 1/0).
    #[serde(deserialize_with = "lenient::int")]
    pub status: Option<i64>,
    /// Creation time as the server formats it.
    #[serde(deserialize_with = "lenient::string")]
    pub created_time: Option<String>,
    /// Last change time as the server formats it.
    #[serde(deserialize_with = "lenient::string")]
    pub modified_time: Option<String>,
}

/// Reads one API key, secret included.
#[tc_action(service = "apigateway", api2, errors = V2Code)]
#[derive(Debug, Clone, PartialEq)]
pub struct DescribeApiKey {
    /// Key to read.
    pub secret_id: String,
}

/// Output of [`DescribeApiKey`].
#[tc_model(api2)]
#[derive(Debug, Clone, PartialEq)]
pub struct DescribeApiKeyResponse {
    /// Name of the key.
    #[serde(deserialize_with = "lenient::string")]
    pub secret_name: Option<String>,
    /// Public identifier of the key.
    #[serde(deserialize_with = "lenient::string")]
    pub secret_id: Option<String>,
    /// The secret; redacted in `Debug`.
    pub secret_key: Option<ApiKeySecret>,
    /// `1` in use, `0` disabled.
    #[serde(deserialize_with = "lenient::int")]
    pub status: Option<i64>,
    /// Creation time as the server formats it.
    #[serde(deserialize_with = "lenient::string")]
    pub created_time: Option<String>,
    /// Last change time as the server formats it.
    #[serde(deserialize_with = "lenient::string")]
    pub modified_time: Option<String>,
}

/// Disables an API key pair; calls signed with it are refused until it is enabled again.
#[tc_action(service = "apigateway", api2, response = Empty, errors = V2Code)]
#[derive(Debug, Clone, PartialEq)]
pub struct DisableApiKey {
    /// Key to disable.
    pub secret_id: String,
}
