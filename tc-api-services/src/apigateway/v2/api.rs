//! API management: create, modify, inspect, debug and delete the APIs of a service.

use tc_api_core::Empty;
use tc_api_macros::{tc_action, tc_model};

use super::lenient;
use super::usage_plan::UsagePlanAttribute;
use tc_api_core::error::V2Code;

/// Changes the configuration of an existing API. The change reaches callers once the
/// service is published again to an environment.
#[tc_action(service = "apigateway", api2, response = Empty, errors = V2Code)]
#[derive(Debug, Clone, PartialEq)]
pub struct ModifyApi {
    /// Service the API belongs to.
    pub service_id: String,
    /// API to change.
    pub api_id: String,
    /// New name of the API.
    pub api_name: Option<String>,
    /// New description of the API.
    pub api_desc: Option<String>,
    /// `TRUE` to require signed calls, `FALSE` to accept anonymous ones.
    pub auth_required: Option<String>,
    /// `TRUE` to allow cross-origin calls, `FALSE` to refuse them.
    #[tc(rename = "enableCORS")]
    pub enable_cors: Option<String>,
    /// How callers reach the API (`requestConfig.*`).
    pub request_config: Option<ModifyApiRequestConfig>,
    /// Parameters callers send (`requestParameters.n.*`).
    pub request_parameters: Option<Vec<RequestParameter>>,
    /// Kind of backend: `HTTP`, `MOCK` or `SCF`. The document types it Boolean, but the
    /// values are words, so it is text here.
    pub service_type: Option<String>,
    /// Backend timeout, in seconds.
    pub service_timeout: Option<i64>,
    /// Where an `HTTP` backend is (`serviceConfig.*`).
    pub service_config: Option<ServiceConfig>,
    /// Parameters sent to an `HTTP` backend (`serviceParameters.n.*`).
    pub service_parameters: Option<Vec<ServiceParameter>>,
    /// Fixed parameters added for an `HTTP` backend (`constantParameters.n.*`).
    pub constant_parameters: Option<Vec<ConstantParameter>>,
    /// Body a `MOCK` backend answers with; needed for `MOCK`.
    pub service_mock_return_message: Option<String>,
    /// Cloud function behind an `SCF` backend; needed for `SCF`.
    pub service_scf_function_name: Option<String>,
    /// Content type of the documented answer: `HTML`, `JSON`, `TEST`, `BINARY` or `XML`.
    pub response_type: Option<String>,
    /// Sample of a successful answer, for the generated documentation.
    pub response_success_example: Option<String>,
    /// Sample of a failed answer, for the generated documentation.
    pub response_fail_example: Option<String>,
    /// Error codes to document for callers (`responseErrorCodes.n.*`).
    pub response_error_codes: Option<Vec<ResponseErrorCode>>,
    /// `TRUE` removes all documented error codes of the API; `FALSE` or unset keeps them.
    pub is_delete_response_error_codes: Option<String>,
}

/// The caller-facing side of an API, as [`ModifyApi`] changes it; unset parts stay.
#[tc_model(api2)]
#[derive(Debug, Clone, PartialEq)]
pub struct ModifyApiRequestConfig {
    /// Path callers use, such as `/path`.
    pub path: Option<String>,
    /// HTTP method callers use, such as `GET`.
    pub method: Option<String>,
    /// Scheme callers use: `HTTP`, `HTTPS` or both.
    pub protocol: Option<String>,
}

/// The caller-facing side of a new API, as [`CreateApi`] requires it.
#[tc_model(api2)]
#[derive(Debug, Clone, PartialEq)]
pub struct CreateApiRequestConfig {
    /// Path callers use, such as `/path`.
    pub path: String,
    /// HTTP method callers use, such as `GET`.
    pub method: String,
}

/// A parameter that callers of an API send (`requestParameters.n`).
#[tc_model(api2)]
#[derive(Debug, Clone, PartialEq)]
pub struct RequestParameter {
    /// Parameter name.
    pub name: Option<String>,
    /// Where it travels: `PATH`, `QUERY` or `HEADER`.
    pub position: Option<String>,
    /// Its data type, such as `String` or `int`.
    #[tc(rename = "type")]
    pub param_type: Option<String>,
    /// Value used when the caller leaves it out.
    pub default_value: Option<String>,
    /// Whether callers must send it. Typed Boolean in the table, yet described as
    /// `TRUE`/`FALSE` and sent as `REQUIRED` in the examples: text, so either spelling can
    /// be sent as the gateway expects.
    pub required: Option<String>,
    /// Description of the parameter.
    pub desc: Option<String>,
}

/// Address of an `HTTP` backend (`serviceConfig.*`), in requests and answers.
#[tc_model(api2)]
#[derive(Debug, Clone, PartialEq)]
pub struct ServiceConfig {
    /// Backend URL.
    #[serde(deserialize_with = "lenient::string")]
    pub url: Option<String>,
    /// Backend path, such as `/path`; may differ from the caller-facing path.
    #[serde(deserialize_with = "lenient::string")]
    pub path: Option<String>,
    /// Backend HTTP method; may differ from the caller-facing method.
    #[serde(deserialize_with = "lenient::string")]
    pub method: Option<String>,
}

/// A parameter sent to an `HTTP` backend and the caller parameter it is taken from
/// (`serviceParameters.n`).
#[tc_model(api2)]
#[derive(Debug, Clone, PartialEq)]
pub struct ServiceParameter {
    /// Name at the backend.
    pub name: Option<String>,
    /// Where it travels to the backend, such as `head`.
    pub position: Option<String>,
    /// Name of the caller parameter that supplies the value.
    pub relevant_request_parameter_name: Option<String>,
    /// Where that caller parameter travels.
    pub relevant_request_parameter_position: Option<String>,
    /// Description.
    pub desc: Option<String>,
}

/// A fixed parameter the gateway adds for the backend, hidden from callers
/// (`constantParameters.n`), in requests and answers.
#[tc_model(api2)]
#[derive(Debug, Clone, PartialEq)]
pub struct ConstantParameter {
    /// Parameter name.
    #[serde(deserialize_with = "lenient::string")]
    pub name: Option<String>,
    /// Description.
    #[serde(deserialize_with = "lenient::string")]
    pub desc: Option<String>,
    /// Where it travels: `header` or `query`.
    #[serde(deserialize_with = "lenient::string")]
    pub position: Option<String>,
    /// The fixed value.
    #[serde(deserialize_with = "lenient::string")]
    pub default_value: Option<String>,
}

/// An error code documented for an API's callers (`responseErrorCodes.n`), in requests and
/// answers.
#[tc_model(api2)]
#[derive(Debug, Clone, PartialEq)]
pub struct ResponseErrorCode {
    /// The code. CreateApi types it Int and ModifyApi String; both travel as the same text
    /// in a 2.0 request, so text accepts every value either document allows.
    #[serde(deserialize_with = "lenient::string")]
    pub code: Option<String>,
    /// Error message.
    #[serde(deserialize_with = "lenient::string")]
    pub msg: Option<String>,
    /// Longer description.
    #[serde(deserialize_with = "lenient::string")]
    pub desc: Option<String>,
}

/// Deletes an API from a service.
#[tc_action(service = "apigateway", api2, response = Empty, errors = V2Code)]
#[derive(Debug, Clone, PartialEq)]
pub struct DeleteApi {
    /// Service the API belongs to.
    pub service_id: String,
    /// API to delete.
    pub api_id: String,
}

/// Reads the full configuration of one API.
#[tc_action(service = "apigateway", api2, errors = V2Code)]
#[derive(Debug, Clone, PartialEq)]
pub struct DescribeApi {
    /// Service the API belongs to.
    pub service_id: String,
    /// API to read.
    pub api_id: String,
}

/// Output of [`DescribeApi`].
#[tc_model(api2)]
#[derive(Debug, Clone, PartialEq)]
pub struct DescribeApiResponse {
    /// Service the API belongs to.
    #[serde(deserialize_with = "lenient::string")]
    pub service_id: Option<String>,
    /// Name of that service.
    #[serde(deserialize_with = "lenient::string")]
    pub service_name: Option<String>,
    /// Description of that service.
    #[serde(deserialize_with = "lenient::string")]
    pub service_desc: Option<String>,
    /// API identifier.
    #[serde(deserialize_with = "lenient::string")]
    pub api_id: Option<String>,
    /// API description.
    #[serde(deserialize_with = "lenient::string")]
    pub api_desc: Option<String>,
    /// API name.
    #[serde(deserialize_with = "lenient::string")]
    pub api_name: Option<String>,
    /// API kind, `NORMAL`. Not in the output table; the examples return it.
    #[serde(deserialize_with = "lenient::string")]
    pub api_type: Option<String>,
    /// Creation time as the server formats it (ISO 8601 UTC documented).
    #[serde(deserialize_with = "lenient::string")]
    pub created_time: Option<String>,
    /// Last change time as the server formats it (ISO 8601 UTC documented).
    #[serde(deserialize_with = "lenient::string")]
    pub modified_time: Option<String>,
    /// How callers reach the API.
    pub request_config: Option<ApiRequestConfig>,
    /// Parameters callers send.
    pub request_parameters: Option<Vec<ApiRequestParameter>>,
    /// Kind of backend: `HTTP`, `MOCK` or `SCF` (typed Boolean in the document; the values
    /// are words).
    #[serde(deserialize_with = "lenient::string")]
    pub service_type: Option<String>,
    /// Backend timeout, in seconds.
    #[serde(deserialize_with = "lenient::int")]
    pub service_timeout: Option<i64>,
    /// Where an `HTTP` backend is; only for `HTTP`.
    pub service_config: Option<ServiceConfig>,
    /// Parameters sent to an `HTTP` backend; only for `HTTP`.
    pub service_parameters: Option<Vec<ApiServiceParameter>>,
    /// Fixed parameters added for an `HTTP` backend; only for `HTTP`.
    pub constant_parameters: Option<Vec<ConstantParameter>>,
    /// Body a `MOCK` backend answers with; only for `MOCK`.
    #[serde(deserialize_with = "lenient::string")]
    pub service_mock_return_message: Option<String>,
    /// Cloud function behind an `SCF` backend; only for `SCF`.
    #[serde(deserialize_with = "lenient::string")]
    pub service_scf_function_name: Option<String>,
    /// `TRUE` when calls must be signed.
    #[serde(deserialize_with = "lenient::string")]
    pub auth_required: Option<String>,
    /// `TRUE` when cross-origin calls are allowed.
    #[tc(rename = "enableCORS")]
    #[serde(deserialize_with = "lenient::string")]
    pub enable_cors: Option<String>,
    /// Content type of the documented answer.
    #[serde(deserialize_with = "lenient::string")]
    pub response_type: Option<String>,
    /// Documented sample of a successful answer.
    #[serde(deserialize_with = "lenient::string")]
    pub response_success_example: Option<String>,
    /// Documented sample of a failed answer.
    #[serde(deserialize_with = "lenient::string")]
    pub response_fail_example: Option<String>,
    /// Error codes documented for callers.
    pub response_error_codes: Option<Vec<ResponseErrorCode>>,
}

/// The caller-facing path and method of an API, as answers describe it.
#[tc_model(api2)]
#[derive(Debug, Clone, PartialEq)]
pub struct ApiRequestConfig {
    /// Path callers use.
    #[serde(deserialize_with = "lenient::string")]
    pub path: Option<String>,
    /// HTTP method callers use.
    #[serde(deserialize_with = "lenient::string")]
    pub method: Option<String>,
}

/// A caller parameter of an API, as answers describe it (the answer names its position
/// `in`).
#[tc_model(api2)]
#[derive(Debug, Clone, PartialEq)]
pub struct ApiRequestParameter {
    /// Parameter name.
    #[serde(deserialize_with = "lenient::string")]
    pub name: Option<String>,
    /// Where it travels, such as `HEADER`.
    #[tc(rename = "in")]
    #[serde(deserialize_with = "lenient::string")]
    pub position: Option<String>,
    /// Its data type.
    #[tc(rename = "type")]
    #[serde(deserialize_with = "lenient::string")]
    pub param_type: Option<String>,
    /// Value used when the caller leaves it out (printed as a number in the examples).
    #[serde(deserialize_with = "lenient::string")]
    pub default_value: Option<String>,
    /// Whether callers must send it: typed Boolean but shown as `REQUIRED`/`OPTIONAL` and
    /// `True`, so kept as text (a JSON boolean becomes `true`/`false`).
    #[serde(deserialize_with = "lenient::string")]
    pub required: Option<String>,
    /// Description.
    #[serde(deserialize_with = "lenient::string")]
    pub desc: Option<String>,
}

/// A backend parameter of an API, as answers describe it.
#[tc_model(api2)]
#[derive(Debug, Clone, PartialEq)]
pub struct ApiServiceParameter {
    /// Name at the backend.
    #[serde(deserialize_with = "lenient::string")]
    pub name: Option<String>,
    /// Where it travels to the backend. The table calls it `position`, the examples `in`;
    /// both are read.
    #[serde(alias = "in", deserialize_with = "lenient::string")]
    pub position: Option<String>,
    /// Name of the caller parameter that supplies the value.
    #[serde(deserialize_with = "lenient::string")]
    pub relevant_request_parameter_name: Option<String>,
    /// Where that caller parameter travels.
    #[serde(deserialize_with = "lenient::string")]
    pub relevant_request_parameter_in: Option<String>,
    /// Value used when none is supplied. Not in the table; the examples return it.
    #[serde(deserialize_with = "lenient::string")]
    pub default_value: Option<String>,
    /// Description.
    #[serde(deserialize_with = "lenient::string")]
    pub desc: Option<String>,
}

/// Lists the APIs of a service, or the ones named, with their paths and methods.
#[tc_action(service = "apigateway", api2, errors = V2Code)]
#[derive(Debug, Clone, PartialEq)]
pub struct DescribeApisStatus {
    /// Service whose APIs are listed.
    pub service_id: String,
    /// Only these APIs (`apiIds.n`).
    pub api_ids: Option<Vec<String>>,
    /// Index of the first result; 0 when unset.
    pub offset: Option<i64>,
    /// Page size; 20 when unset, at most 100.
    pub limit: Option<i64>,
    /// Field to sort by.
    pub orderby: Option<String>,
    /// Sort direction.
    pub order: Option<String>,
    /// Fuzzy match on the API path.
    pub search_name: Option<String>,
    /// Exact match on the API identifier.
    pub search_id: Option<String>,
}

/// Output of [`DescribeApisStatus`].
#[tc_model(api2)]
#[derive(Debug, Clone, PartialEq)]
pub struct DescribeApisStatusResponse {
    /// Service the APIs belong to.
    #[serde(deserialize_with = "lenient::string")]
    pub service_id: Option<String>,
    /// Number of APIs that match, over all pages.
    #[serde(deserialize_with = "lenient::int")]
    pub total_count: Option<i64>,
    /// This page of APIs.
    pub api_id_status_set: Option<Vec<ApiIdStatus>>,
}

/// Summary of one API in a listing.
#[tc_model(api2)]
#[derive(Debug, Clone, PartialEq)]
pub struct ApiIdStatus {
    /// API identifier.
    #[serde(deserialize_with = "lenient::string")]
    pub api_id: Option<String>,
    /// API description.
    #[serde(deserialize_with = "lenient::string")]
    pub api_desc: Option<String>,
    /// API name.
    #[serde(deserialize_with = "lenient::string")]
    pub api_name: Option<String>,
    /// API kind, `NORMAL`.
    #[serde(deserialize_with = "lenient::string")]
    pub api_type: Option<String>,
    /// Service the API belongs to. Not in the table; the example returns it.
    #[serde(deserialize_with = "lenient::string")]
    pub service_id: Option<String>,
    /// Caller-facing path.
    #[serde(deserialize_with = "lenient::string")]
    pub path: Option<String>,
    /// Caller-facing method. Typed Int in the table but shown as `"http"`: text.
    #[serde(deserialize_with = "lenient::string")]
    pub method: Option<String>,
    /// Creation time as the server formats it.
    #[serde(deserialize_with = "lenient::string")]
    pub created_time: Option<String>,
    /// Last change time as the server formats it.
    #[serde(deserialize_with = "lenient::string")]
    pub modified_time: Option<String>,
    /// `TRUE` when calls must be signed.
    #[serde(deserialize_with = "lenient::string")]
    pub auth_required: Option<String>,
}

/// Calls an API through the gateway for debugging, before it is published.
#[tc_action(service = "apigateway", api2, errors = V2Code)]
#[derive(Debug, Clone, PartialEq)]
pub struct RunApi {
    /// Service the API belongs to.
    pub service_id: String,
    /// API to call.
    pub api_id: String,
    /// Request headers, as a JSON object text.
    pub request_header: Option<String>,
    /// Query parameters, as a JSON object text.
    pub request_query: Option<String>,
    /// Path parameters, as a JSON object text.
    pub request_path: Option<String>,
    /// Method: `HEAD`, `GET`, `POST`, `PUT`, `PATCH` or `DELETE`.
    pub request_method: Option<String>,
    /// Request body text.
    pub request_body: Option<String>,
    /// Body fields, for APIs that declare body parameters (a Dict in the document; sent as
    /// `requestBodyDict.<key>=<value>`).
    pub request_body_dict: Option<std::collections::BTreeMap<String, String>>,
    /// `application/json` or `application/x-www-form-urlencoded` (the default).
    pub content_type: Option<String>,
}

/// Output of [`RunApi`]: what the API answered.
#[tc_model(api2)]
#[derive(Debug, Clone, PartialEq)]
pub struct RunApiResponse {
    /// Response headers.
    #[serde(deserialize_with = "lenient::string")]
    pub return_header: Option<String>,
    /// Response body.
    #[serde(deserialize_with = "lenient::string")]
    pub return_body: Option<String>,
    /// HTTP status code.
    #[serde(deserialize_with = "lenient::int")]
    pub return_code: Option<i64>,
    /// Time to answer, in milliseconds.
    #[serde(deserialize_with = "lenient::int")]
    pub delay: Option<i64>,
}

/// Creates an API in an existing service.
#[tc_action(service = "apigateway", api2, errors = V2Code)]
#[derive(Debug, Clone, PartialEq)]
pub struct CreateApi {
    /// Service that will hold the API.
    pub service_id: String,
    /// Name of the API.
    pub api_name: Option<String>,
    /// Description of the API.
    pub api_desc: Option<String>,
    /// API kind; only `NORMAL` exists.
    pub api_type: Option<String>,
    /// `TRUE` (default) to require signed calls, `FALSE` to accept anonymous ones; APIs
    /// sold on the cloud marketplace need `TRUE`.
    pub auth_required: Option<String>,
    /// `TRUE` to allow cross-origin calls; `FALSE` by default.
    #[tc(rename = "enableCORS")]
    pub enable_cors: Option<String>,
    /// How callers reach the API (`requestConfig.*`).
    pub request_config: CreateApiRequestConfig,
    /// Parameters callers send (`requestParameters.n.*`).
    pub request_parameters: Option<Vec<RequestParameter>>,
    /// Kind of backend: `HTTP`, `MOCK` or `SCF`. Typed Boolean in the document; the
    /// values are words, so text.
    pub service_type: String,
    /// Backend timeout, in seconds.
    pub service_timeout: i64,
    /// Where an `HTTP` backend is (`serviceConfig.*`); needed for `HTTP`.
    pub service_config: Option<ServiceConfig>,
    /// Parameters sent to an `HTTP` backend (`serviceParameters.n.*`).
    pub service_parameters: Option<Vec<ServiceParameter>>,
    /// Fixed parameters added for an `HTTP` backend (`constantParameters.n.*`).
    pub constant_parameters: Option<Vec<ConstantParameter>>,
    /// Body a `MOCK` backend answers with; needed for `MOCK`.
    pub service_mock_return_message: Option<String>,
    /// Cloud function behind an `SCF` backend; needed for `SCF`.
    pub service_scf_function_name: Option<String>,
    /// Content type of the documented answer (documentation only).
    pub response_type: Option<String>,
    /// Sample of a successful answer (documentation only).
    pub response_success_example: Option<String>,
    /// Sample of a failed answer (documentation only).
    pub response_fail_example: Option<String>,
    /// Error codes to document for callers (`responseErrorCodes.n.*`).
    pub response_error_codes: Option<Vec<ResponseErrorCode>>,
}

/// Output of [`CreateApi`].
#[tc_model(api2)]
#[derive(Debug, Clone, PartialEq)]
pub struct CreateApiResponse {
    /// Identifier of the new API.
    #[serde(deserialize_with = "lenient::string")]
    pub api_id: Option<String>,
    /// Its caller-facing path.
    #[serde(deserialize_with = "lenient::string")]
    pub path: Option<String>,
    /// Its caller-facing method.
    #[serde(deserialize_with = "lenient::string")]
    pub method: Option<String>,
    /// Creation time as the server formats it.
    #[serde(deserialize_with = "lenient::string")]
    pub created_time: Option<String>,
}

/// Lists the usage plans bound to a service's APIs, one entry per plan and API.
#[tc_action(service = "apigateway", api2, errors = V2Code)]
#[derive(Debug, Clone, PartialEq)]
pub struct DescribeApiUsagePlan {
    /// Service to inspect.
    pub service_id: String,
    /// Index of the first result; 0 when unset.
    pub offset: Option<i64>,
    /// Page size; 20 when unset, at most 100.
    pub limit: Option<i64>,
    /// Only plans bound in this environment.
    pub search_environment: Option<String>,
    /// Only these APIs (`apiIds.n`); all APIs of the service when unset.
    pub api_ids: Option<Vec<String>>,
}

/// Output of [`DescribeApiUsagePlan`].
#[tc_model(api2)]
#[derive(Debug, Clone, PartialEq)]
pub struct DescribeApiUsagePlanResponse {
    /// Number of bindings, over all pages.
    #[serde(deserialize_with = "lenient::int")]
    pub total_count: Option<i64>,
    /// This page of bindings.
    pub usage_plan_list: Option<Vec<UsagePlanAttribute>>,
}
