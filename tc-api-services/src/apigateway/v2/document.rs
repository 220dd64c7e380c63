//! Documentation and SDK generation.

use tc_api_macros::{tc_action, tc_model};

use super::lenient;
use tc_api_core::error::V2Code;

/// Generates the API documentation and a client SDK for a service in one environment.
#[tc_action(service = "apigateway", api2, errors = V2Code)]
#[derive(Debug, Clone, PartialEq)]
pub struct GenerateApiDocument {
    /// Service to document.
    pub service_id: String,
    /// SDK language: `python` or `javascript`.
    pub language: String,
    /// Environment the SDK calls.
    pub environment: String,
}

/// Output of [`GenerateApiDocument`]: download links in COS.
#[tc_model(api2)]
#[derive(Debug, Clone, PartialEq)]
pub struct GenerateApiDocumentResponse {
    /// Link to the generated documentation.
    #[tc(rename = "documentURL")]
    #[serde(deserialize_with = "lenient::string")]
    pub document_url: Option<String>,
    /// Link to the generated SDK.
    #[tc(rename = "sdkURL")]
    #[serde(deserialize_with = "lenient::string")]
    pub sdk_url: Option<String>,
}
