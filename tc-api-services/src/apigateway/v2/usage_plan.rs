//! Usage plans: request quotas and rate limits, bound to keys and to service environments.

use tc_api_core::Empty;
use tc_api_macros::{tc_action, tc_model};

use tc_api_core::error::V2Code;

use super::common::BatchTaskResult;
use super::lenient;

/// A usage plan as bound to a service or to one of its APIs; the answers of
/// [`DescribeApiUsagePlan`](super::DescribeApiUsagePlan) and
/// [`DescribeServiceUsagePlan`](super::DescribeServiceUsagePlan) share it (the API fields
/// only appear in the former).
#[tc_model(api2)]
#[derive(Debug, Clone, PartialEq)]
pub struct UsagePlanAttribute {
    /// Plan identifier.
    #[serde(deserialize_with = "lenient::string")]
    pub usage_plan_id: Option<String>,
    /// Plan name.
    #[serde(deserialize_with = "lenient::string")]
    pub usage_plan_name: Option<String>,
    /// Plan description.
    #[serde(deserialize_with = "lenient::string")]
    pub usage_plan_desc: Option<String>,
    /// Environment the plan is bound in.
    #[serde(deserialize_with = "lenient::string")]
    pub environment: Option<String>,
    /// Creation time as the server formats it.
    #[serde(deserialize_with = "lenient::string")]
    pub created_time: Option<String>,
    /// Last change time as the server formats it.
    #[serde(deserialize_with = "lenient::string")]
    pub modified_time: Option<String>,
    /// Requests used so far.
    #[serde(deserialize_with = "lenient::int")]
    pub in_use_request_num: Option<i64>,
    /// Total request quota; `-1` for none.
    #[serde(deserialize_with = "lenient::int")]
    pub max_request_num: Option<i64>,
    /// Requests-per-second limit; `-1` for none.
    #[serde(deserialize_with = "lenient::int")]
    pub max_request_num_pre_sec: Option<i64>,
    /// API the plan is bound to.
    #[serde(deserialize_with = "lenient::string")]
    pub api_id: Option<String>,
    /// That API's path.
    #[serde(deserialize_with = "lenient::string")]
    pub path: Option<String>,
    /// That API's method.
    #[serde(deserialize_with = "lenient::string")]
    pub method: Option<String>,
    /// That API's name.
    #[serde(deserialize_with = "lenient::string")]
    pub api_name: Option<String>,
    /// Service the plan is bound to.
    #[serde(deserialize_with = "lenient::string")]
    pub service_id: Option<String>,
    /// That service's name.
    #[serde(deserialize_with = "lenient::string")]
    pub service_name: Option<String>,
}

/// Unbinds usage plans from an environment of a service (or from some of its APIs).
#[tc_action(service = "apigateway", api2, response = BatchTaskResult, errors = V2Code)]
#[derive(Debug, Clone, PartialEq)]
pub struct UnBindEnvironment {
    /// Plans to unbind (`usagePlanIds.n`).
    pub usage_plan_ids: Vec<String>,
    /// Service to unbind them from.
    pub service_id: String,
    /// Environment to unbind them from.
    pub environment: String,
    /// `SERVICE` (default) or `API`.
    pub bind_type: Option<String>,
    /// APIs to unbind from (`apiIds.n`); needed when `bind_type` is `API`.
    pub api_ids: Option<Vec<String>>,
}

/// Binds API keys to a usage plan, so that calls signed with them count against it.
#[tc_action(service = "apigateway", api2, response = BatchTaskResult, errors = V2Code)]
#[derive(Debug, Clone, PartialEq)]
pub struct BindSecretIds {
    /// Plan to bind to.
    pub usage_plan_id: String,
    /// Keys to bind (`secretIds.n`).
    pub secret_ids: Vec<String>,
}

/// Unbinds API keys from a usage plan.
#[tc_action(service = "apigateway", api2, response = BatchTaskResult, errors = V2Code)]
#[derive(Debug, Clone, PartialEq)]
pub struct UnBindSecretIds {
    /// Plan to unbind from.
    pub usage_plan_id: String,
    /// Keys to unbind (`secretIds.n`).
    pub secret_ids: Vec<String>,
}

/// Changes the name, description or limits of a usage plan.
///
/// The table lists `usagePlanName` twice; the second entry describes the description and
/// the example sends it as `usagePlanDesc`, which is what this sends.
#[tc_action(service = "apigateway", api2, errors = V2Code)]
#[derive(Debug, Clone, PartialEq)]
pub struct ModifyUsagePlan {
    /// Plan to change.
    pub usage_plan_id: String,
    /// New name.
    pub usage_plan_name: Option<String>,
    /// New description.
    pub usage_plan_desc: Option<String>,
    /// New requests-per-second limit.
    pub max_request_num_pre_sec: Option<i64>,
    /// New total request quota; `-1` for none.
    pub max_request_num: Option<i64>,
}

/// Output of [`ModifyUsagePlan`].
#[tc_model(api2)]
#[derive(Debug, Clone, PartialEq)]
pub struct ModifyUsagePlanResponse {
    /// Plan identifier.
    #[serde(deserialize_with = "lenient::string")]
    pub usage_plan_id: Option<String>,
    /// Plan name.
    #[serde(deserialize_with = "lenient::string")]
    pub usage_plan_name: Option<String>,
    /// Plan description (the table lists it as a second `usagePlanName`).
    #[serde(deserialize_with = "lenient::string")]
    pub usage_plan_desc: Option<String>,
    /// Requests-per-second limit.
    #[serde(deserialize_with = "lenient::int")]
    pub max_request_num_pre_sec: Option<i64>,
    /// Last change time as the server formats it.
    #[serde(deserialize_with = "lenient::string")]
    pub modified_time: Option<String>,
}

/// Creates a usage plan, to be bound to service environments and keys.
#[tc_action(service = "apigateway", api2, errors = V2Code)]
#[derive(Debug, Clone, PartialEq)]
pub struct CreateUsagePlan {
    /// Plan name.
    pub usage_plan_name: Option<String>,
    /// Plan description.
    pub usage_plan_desc: Option<String>,
    /// Requests-per-second limit; 1000 when unset.
    pub max_request_num_pre_sec: Option<i64>,
    /// Total request quota; `-1` (none) when unset.
    pub max_request_num: Option<i64>,
}

/// Output of [`CreateUsagePlan`].
#[tc_model(api2)]
#[derive(Debug, Clone, PartialEq)]
pub struct CreateUsagePlanResponse {
    /// Identifier of the new plan.
    #[serde(deserialize_with = "lenient::string")]
    pub usage_plan_id: Option<String>,
    /// Plan name.
    #[serde(deserialize_with = "lenient::string")]
    pub usage_plan_name: Option<String>,
    /// Plan description (the table lists it as a second `usagePlanName`).
    #[serde(deserialize_with = "lenient::string")]
    pub usage_plan_desc: Option<String>,
    /// Creation time as the server formats it.
    #[serde(deserialize_with = "lenient::string")]
    pub created_time: Option<String>,
}

/// Deletes a usage plan.
#[tc_action(service = "apigateway", api2, response = Empty, errors = V2Code)]
#[derive(Debug, Clone, PartialEq)]
pub struct DeleteUsagePlan {
    /// Plan to delete.
    pub usage_plan_id: String,
}

/// Lists usage plans with their names, descriptions and limits.
#[tc_action(service = "apigateway", api2, errors = V2Code)]
#[derive(Debug, Clone, PartialEq)]
pub struct DescribeUsagePlansStatus {
    /// Only these plans (`usagePlanIds.n`).
    pub usage_plan_ids: Option<Vec<String>>,
    /// Index of the first result; 0 when unset.
    pub offset: Option<i64>,
    /// Page size; 20 when unset, at most 100.
    pub limit: Option<i64>,
    /// Field to sort by.
    pub orderby: Option<String>,
    /// Sort direction.
    pub order: Option<String>,
    /// Fuzzy match on the plan name.
    pub search_name: Option<String>,
    /// Exact match on the plan identifier.
    pub search_id: Option<String>,
}

/// Output of [`DescribeUsagePlansStatus`].
#[tc_model(api2)]
#[derive(Debug, Clone, PartialEq)]
pub struct DescribeUsagePlansStatusResponse {
    /// Number of plans that match, over all pages.
    #[serde(deserialize_with = "lenient::int")]
    pub total_count: Option<i64>,
    /// This page of plans.
    pub usage_plan_status_set: Option<Vec<UsagePlanStatus>>,
}

/// Summary of one usage plan in a listing.
#[tc_model(api2)]
#[derive(Debug, Clone, PartialEq)]
pub struct UsagePlanStatus {
    /// Plan identifier.
    #[serde(deserialize_with = "lenient::string")]
    pub usage_plan_id: Option<String>,
    /// Plan name.
    #[serde(deserialize_with = "lenient::string")]
    pub usage_plan_name: Option<String>,
    /// Plan description.
    #[serde(deserialize_with = "lenient::string")]
    pub usage_plan_description: Option<String>,
    /// Unit of the rate limit; only `SECOND` so far.
    #[serde(deserialize_with = "lenient::string")]
    pub request_control_unit: Option<String>,
    /// Rate limit per unit.
    #[serde(deserialize_with = "lenient::int")]
    pub request_control_num: Option<i64>,
    /// Requests-per-second limit. Not in the table; the example returns it.
    #[serde(deserialize_with = "lenient::int")]
    pub max_request_num_pre_sec: Option<i64>,
    /// Creation time as the server formats it.
    #[serde(deserialize_with = "lenient::string")]
    pub created_time: Option<String>,
    /// Last change time as the server formats it.
    #[serde(deserialize_with = "lenient::string")]
    pub modified_time: Option<String>,
    /// Total request quota; `-1` for none.
    #[serde(deserialize_with = "lenient::int")]
    pub max_request_num: Option<i64>,
}

/// Lists the API keys bound to a usage plan.
#[tc_action(service = "apigateway", api2, errors = V2Code)]
#[derive(Debug, Clone, PartialEq)]
pub struct DescribeUsagePlanSecretIds {
    /// Plan to inspect.
    pub usage_plan_id: String,
    /// Page size.
    pub limit: Option<i64>,
    /// Index of the first result.
    pub offset: Option<i64>,
}

/// Output of [`DescribeUsagePlanSecretIds`].
#[tc_model(api2)]
#[derive(Debug, Clone, PartialEq)]
pub struct DescribeUsagePlanSecretIdsResponse {
    /// Number of bound keys. Typed String in the table but printed as a number: an
    /// integer that also accepts numeric text.
    #[serde(deserialize_with = "lenient::int")]
    pub total_count: Option<i64>,
    /// This page of keys.
    pub secret_id_list: Option<Vec<SecretStatus>>,
}

/// A key bound to a usage plan.
#[tc_model(api2)]
#[derive(Debug, Clone, PartialEq)]
pub struct SecretStatus {
    /// Key name.
    #[serde(deserialize_with = "lenient::string")]
    pub secret_name: Option<String>,
    /// Public identifier of the key.
    #[serde(deserialize_with = "lenient::string")]
    pub secret_id: Option<String>,
    /// `1` enabled, `0` disabled.
    #[serde(deserialize_with = "lenient::int")]
    pub status: Option<i64>,
}

/// Lists the service environments (or APIs) a usage plan is bound to.
#[tc_action(service = "apigateway", api2, errors = V2Code)]
#[derive(Debug, Clone, PartialEq)]
pub struct DescribeUsagePlanEnvironments {
    /// Plan to inspect.
    pub usage_plan_id: String,
    /// Page size; 20 when unset.
    pub limit: Option<i64>,
    /// Index of the first result.
    pub offset: Option<i64>,
    /// `SERVICE` (default) or `API`.
    pub bind_type: Option<String>,
}

/// Output of [`DescribeUsagePlanEnvironments`].
#[tc_model(api2)]
#[derive(Debug, Clone, PartialEq)]
pub struct DescribeUsagePlanEnvironmentsResponse {
    /// Number of bindings, over all pages.
    #[serde(deserialize_with = "lenient::int")]
    pub total_count: Option<i64>,
    /// This page of bindings.
    pub environment_list: Option<Vec<UsagePlanEnvironment>>,
}

/// A service environment (or API) a usage plan is bound to, with its consumption.
#[tc_model(api2)]
#[derive(Debug, Clone, PartialEq)]
pub struct UsagePlanEnvironment {
    /// Bound service. The example spells the key `seviceId`; both spellings are read.
    #[serde(alias = "seviceId", deserialize_with = "lenient::string")]
    pub service_id: Option<String>,
    /// Bound service's name.
    #[serde(deserialize_with = "lenient::string")]
    pub service_name: Option<String>,
    /// Bound environment.
    #[serde(deserialize_with = "lenient::string")]
    pub environment_name: Option<String>,
    /// Bound API, for `API` bindings.
    #[serde(deserialize_with = "lenient::string")]
    pub api_id: Option<String>,
    /// Requests used so far.
    #[serde(deserialize_with = "lenient::int")]
    pub in_use_request_num: Option<i64>,
    /// Total request quota; `-1` for none.
    #[serde(deserialize_with = "lenient::int")]
    pub max_request_num: Option<i64>,
}

/// Reads a usage plan: limits, bound keys and bound environments.
#[tc_action(service = "apigateway", api2, errors = V2Code)]
#[derive(Debug, Clone, PartialEq)]
pub struct DescribeUsagePlan {
    /// Plan to read.
    pub usage_plan_id: String,
}

/// Output of [`DescribeUsagePlan`].
#[tc_model(api2)]
#[derive(Debug, Clone, PartialEq)]
pub struct DescribeUsagePlanResponse {
    /// Plan identifier.
    #[serde(deserialize_with = "lenient::string")]
    pub usage_plan_id: Option<String>,
    /// Plan name.
    #[serde(deserialize_with = "lenient::string")]
    pub usage_plan_name: Option<String>,
    /// Plan description.
    #[serde(deserialize_with = "lenient::string")]
    pub usage_plan_desc: Option<String>,
    /// Requests-per-second limit.
    #[serde(deserialize_with = "lenient::int")]
    pub max_request_num_pre_sec: Option<i64>,
    /// Creation time as the server formats it.
    #[serde(deserialize_with = "lenient::string")]
    pub created_time: Option<String>,
    /// Last change time as the server formats it.
    #[serde(deserialize_with = "lenient::string")]
    pub modified_time: Option<String>,
    /// Number of bound keys.
    #[serde(deserialize_with = "lenient::int")]
    pub bind_secret_id_total_count: Option<i64>,
    /// Bound keys.
    pub bind_secret_ids: Option<Vec<String>>,
    /// Number of bound service environments.
    #[serde(deserialize_with = "lenient::int")]
    pub bind_environment_total_count: Option<i64>,
    /// Bound service environments.
    pub bind_environments: Option<Vec<BoundEnvironment>>,
}

/// A service environment a usage plan is bound to.
#[tc_model(api2)]
#[derive(Debug, Clone, PartialEq)]
pub struct BoundEnvironment {
    /// Bound service. The example spells the key `seviceId`; both spellings are read.
    #[serde(alias = "seviceId", deserialize_with = "lenient::string")]
    pub service_id: Option<String>,
    /// Bound environment.
    #[serde(deserialize_with = "lenient::string")]
    pub environment_name: Option<String>,
}

/// Binds usage plans to an environment of a published service (or to some of its APIs).
///
/// A service's plans are bound either to the service or to its APIs, not both; demote a
/// service-level binding with [`DemoteServiceUsagePlan`] first.
#[tc_action(service = "apigateway", api2, response = BatchTaskResult, errors = V2Code)]
#[derive(Debug, Clone, PartialEq)]
pub struct BindEnvironment {
    /// Plans to bind (`usagePlanIds.n`).
    pub usage_plan_ids: Vec<String>,
    /// Service to bind them to.
    pub service_id: String,
    /// Environment to bind them in.
    pub environment: String,
    /// `SERVICE` (default) or `API`.
    pub bind_type: Option<String>,
    /// APIs to bind to (`apiIds.n`); needed when `bind_type` is `API`.
    pub api_ids: Option<Vec<String>>,
}

/// Turns a service-level usage plan binding in an environment into bindings on each API.
///
/// Refused for a service without APIs or not published in that environment.
#[tc_action(service = "apigateway", api2, response = Empty, errors = V2Code)]
#[derive(Debug, Clone, PartialEq)]
pub struct DemoteServiceUsagePlan {
    /// Service whose binding is demoted.
    pub service_id: String,
    /// Environment of the binding.
    pub environment: String,
    /// Plan whose binding is demoted.
    pub usage_plan_id: String,
}
