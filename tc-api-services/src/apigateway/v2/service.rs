//! Services: create, publish, version and inspect services, and bind custom domain names.

use tc_api_core::Empty;
use tc_api_macros::{tc_action, tc_model};

use super::lenient;
use super::usage_plan::UsagePlanAttribute;
use tc_api_core::error::V2Code;

/// Takes a service offline in one environment; its APIs there stop answering.
#[tc_action(service = "apigateway", api2, errors = V2Code)]
#[derive(Debug, Clone, PartialEq)]
pub struct UnReleaseService {
    /// Service to take offline.
    pub service_id: String,
    /// Environment: `test`, `prepub` or `release`. Typed Boolean in the document; the
    /// values are names, so text.
    pub environment_name: String,
    /// Why the service goes offline.
    pub un_release_desc: Option<String>,
}

/// Output of [`UnReleaseService`].
#[tc_model(api2)]
#[derive(Debug, Clone, PartialEq)]
pub struct UnReleaseServiceResponse {
    /// The description given. Not in the output table; the example returns it.
    #[serde(deserialize_with = "lenient::string")]
    pub un_release_desc: Option<String>,
}

/// Changes the name, description or protocol of a service.
#[tc_action(service = "apigateway", api2, errors = V2Code)]
#[derive(Debug, Clone, PartialEq)]
pub struct ModifyService {
    /// Service to change.
    pub service_id: String,
    /// New name.
    pub service_name: Option<String>,
    /// New description.
    pub service_desc: Option<String>,
    /// New caller-facing protocol, such as `HTTP` or `HTTPS`.
    pub protocol: Option<String>,
}

/// Output of [`ModifyService`]: the service as it is now.
#[tc_model(api2)]
#[derive(Debug, Clone, PartialEq)]
pub struct ModifyServiceResponse {
    /// Service identifier.
    #[serde(deserialize_with = "lenient::string")]
    pub service_id: Option<String>,
    /// Service name.
    #[serde(deserialize_with = "lenient::string")]
    pub service_name: Option<String>,
    /// Service description.
    #[serde(deserialize_with = "lenient::string")]
    pub service_desc: Option<String>,
    /// Caller-facing protocol.
    #[serde(deserialize_with = "lenient::string")]
    pub protocol: Option<String>,
    /// Last change time as the server formats it.
    #[serde(deserialize_with = "lenient::string")]
    pub modified_time: Option<String>,
}

/// Switches the version running in an environment to another published version.
#[tc_action(service = "apigateway", api2, errors = V2Code)]
#[derive(Debug, Clone, PartialEq)]
pub struct UpdateService {
    /// Service to switch.
    pub service_id: String,
    /// Environment: `Test`, `Pre` or `release`. Typed Boolean in the document; the values
    /// are names, so text.
    pub environment_name: String,
    /// Version to run.
    pub version_name: String,
    /// Why the version changes.
    pub update_desc: Option<String>,
}

/// Output of [`UpdateService`].
#[tc_model(api2)]
#[derive(Debug, Clone, PartialEq)]
pub struct UpdateServiceResponse {
    /// The description given.
    #[serde(deserialize_with = "lenient::string")]
    pub update_desc: Option<String>,
}

/// Creates a service, the unit that holds APIs and gets a default domain name.
#[tc_action(service = "apigateway", api2, errors = V2Code)]
#[derive(Debug, Clone, PartialEq)]
pub struct CreateService {
    /// Name; generated when unset.
    pub service_name: Option<String>,
    /// Description.
    pub service_desc: Option<String>,
    /// Caller-facing protocol: `HTTP`, `HTTPS` or both.
    pub protocol: String,
}

/// Output of [`CreateService`].
#[tc_model(api2)]
#[derive(Debug, Clone, PartialEq)]
pub struct CreateServiceResponse {
    /// Service name.
    #[serde(deserialize_with = "lenient::string")]
    pub service_name: Option<String>,
    /// Service description.
    #[serde(deserialize_with = "lenient::string")]
    pub service_desc: Option<String>,
    /// Default domain name assigned to the service.
    #[serde(deserialize_with = "lenient::string")]
    pub sub_domain: Option<String>,
    /// Identifier of the new service.
    #[serde(deserialize_with = "lenient::string")]
    pub service_id: Option<String>,
    /// Creation time as the server formats it.
    #[serde(deserialize_with = "lenient::string")]
    pub created_time: Option<String>,
}

/// Deletes a service.
#[tc_action(service = "apigateway", api2, response = Empty, errors = V2Code)]
#[derive(Debug, Clone, PartialEq)]
pub struct DeleteService {
    /// Service to delete.
    pub service_id: String,
}

/// Removes the path mapping of one environment from a custom domain name. Fails when it
/// would leave the domain without any mapping.
#[tc_action(service = "apigateway", api2, response = Empty, errors = V2Code)]
#[derive(Debug, Clone, PartialEq)]
pub struct DeleteServiceSubDomainMapping {
    /// Service the domain is bound to.
    pub service_id: String,
    /// The custom domain name.
    pub sub_domain: String,
    /// Environment whose mapping is removed.
    pub environment: String,
}

/// Publishes a service to an environment, making its APIs callable there.
#[tc_action(service = "apigateway", api2, errors = V2Code)]
#[derive(Debug, Clone, PartialEq)]
pub struct ReleaseService {
    /// Service to publish.
    pub service_id: String,
    /// Environment: `test`, `prepub` or `release`. Typed Boolean in the document; the
    /// values are names, so text.
    pub environment_name: String,
    /// Notes on this release.
    pub release_desc: String,
}

/// Output of [`ReleaseService`].
#[tc_model(api2)]
#[derive(Debug, Clone, PartialEq)]
pub struct ReleaseServiceResponse {
    /// When the release happened (a point to roll back to), as the server formats it.
    #[serde(deserialize_with = "lenient::string")]
    pub release_time: Option<String>,
    /// The notes given (printed as a number in the example).
    #[serde(deserialize_with = "lenient::string")]
    pub release_desc: Option<String>,
}

/// One path of a custom domain name mapped to an environment (`pathMappingSet.n`), in
/// requests and answers.
#[tc_model(api2)]
#[derive(Debug, Clone, PartialEq)]
pub struct PathMapping {
    /// Path on the custom domain. Typed Object in the request tables; the values are paths.
    #[serde(deserialize_with = "lenient::string")]
    pub path: Option<String>,
    /// Environment served under that path. Typed Object in the request tables; the values
    /// are names.
    #[serde(deserialize_with = "lenient::string")]
    pub environment: Option<String>,
}

/// Changes the path mappings of a custom domain name bound to a service.
#[tc_action(service = "apigateway", api2, response = Empty, errors = V2Code)]
#[derive(Debug, Clone, PartialEq)]
pub struct ModifySubDomain {
    /// Service the domain is bound to.
    pub service_id: String,
    /// The custom domain name.
    pub sub_domain: String,
    /// `TRUE` to use the default mapping, `FALSE` to use `path_mapping_set`.
    pub is_default_mapping: String,
    /// The custom mappings (`pathMappingSet.n.*`).
    pub path_mapping_set: Option<Vec<PathMapping>>,
}

/// Binds a custom domain name to a service; it answers once its CNAME points to the
/// service's default domain.
#[tc_action(service = "apigateway", api2, response = Empty, errors = V2Code)]
#[derive(Debug, Clone, PartialEq)]
pub struct BindSubDomain {
    /// Service to bind to.
    pub service_id: String,
    /// The custom domain name.
    pub sub_domain: String,
    /// Certificate for HTTPS on the domain.
    pub certificate_id: Option<String>,
    /// `TRUE` (default) for the default mapping; `FALSE` requires `path_mapping_set`.
    pub is_default_mapping: Option<String>,
    /// Custom mappings (`pathMappingSet.n.*`); once used, only these paths answer.
    pub path_mapping_set: Option<Vec<PathMapping>>,
}

/// Unbinds a custom domain name from a service.
#[tc_action(service = "apigateway", api2, response = Empty, errors = V2Code)]
#[derive(Debug, Clone, PartialEq)]
pub struct UnBindSubDomain {
    /// Service the domain is bound to.
    pub service_id: String,
    /// The custom domain name.
    pub sub_domain: String,
}

/// Lists the usage plans bound to a service.
#[tc_action(service = "apigateway", api2, errors = V2Code)]
#[derive(Debug, Clone, PartialEq)]
pub struct DescribeServiceUsagePlan {
    /// Service to inspect.
    pub service_id: String,
    /// Index of the first result; 0 when unset.
    pub offset: Option<i64>,
    /// Page size; 20 when unset, at most 100.
    pub limit: Option<i64>,
    /// Only plans bound in this environment.
    pub search_environment: Option<String>,
}

/// Output of [`DescribeServiceUsagePlan`].
#[tc_model(api2)]
#[derive(Debug, Clone, PartialEq)]
pub struct DescribeServiceUsagePlanResponse {
    /// Number of bound plans, over all pages.
    #[serde(deserialize_with = "lenient::int")]
    pub total_count: Option<i64>,
    /// This page of plans.
    pub usage_plan_list: Option<Vec<UsagePlanAttribute>>,
}

/// Lists services with their domain names, protocols and environments.
#[tc_action(service = "apigateway", api2, errors = V2Code)]
#[derive(Debug, Clone, PartialEq)]
pub struct DescribeServicesStatus {
    /// Only these services (`serviceIds.n`).
    pub service_ids: Option<Vec<String>>,
    /// Index of the first result; 0 when unset.
    pub offset: Option<i64>,
    /// Page size; 20 when unset, at most 100.
    pub limit: Option<i64>,
    /// Field to sort by.
    pub orderby: Option<String>,
    /// Sort direction; `desc` when unset.
    pub order: Option<String>,
    /// Fuzzy match on the service name.
    pub search_name: Option<String>,
    /// Exact match on the service identifier.
    pub search_id: Option<String>,
}

/// Output of [`DescribeServicesStatus`].
#[tc_model(api2)]
#[derive(Debug, Clone, PartialEq)]
pub struct DescribeServicesStatusResponse {
    /// Number of services that match, over all pages.
    #[serde(deserialize_with = "lenient::int")]
    pub total_count: Option<i64>,
    /// This page of services.
    pub service_status_set: Option<Vec<ServiceStatus>>,
}

/// Summary of one service in a listing.
#[tc_model(api2)]
#[derive(Debug, Clone, PartialEq)]
pub struct ServiceStatus {
    /// Service identifier.
    #[serde(deserialize_with = "lenient::string")]
    pub service_id: Option<String>,
    /// Service name.
    #[serde(deserialize_with = "lenient::string")]
    pub service_name: Option<String>,
    /// Service description.
    #[serde(deserialize_with = "lenient::string")]
    pub service_description: Option<String>,
    /// Default domain name of the service.
    #[serde(deserialize_with = "lenient::string")]
    pub sub_domain: Option<String>,
    /// Caller-facing protocol.
    #[serde(deserialize_with = "lenient::string")]
    pub protocol: Option<String>,
    /// Creation time as the server formats it.
    #[serde(deserialize_with = "lenient::string")]
    pub created_time: Option<String>,
    /// Last change time as the server formats it.
    #[serde(deserialize_with = "lenient::string")]
    pub modified_time: Option<String>,
    /// Environments the service is published to.
    pub available_environments: Option<Vec<String>>,
}

/// Lists the published versions of a service.
#[tc_action(service = "apigateway", api2, errors = V2Code)]
#[derive(Debug, Clone, PartialEq)]
pub struct DescribeServiceReleaseVersion {
    /// Service to inspect.
    pub service_id: String,
    /// Page size.
    pub limit: Option<i64>,
    /// Index of the first result.
    pub offset: Option<i64>,
}

/// Output of [`DescribeServiceReleaseVersion`].
#[tc_model(api2)]
#[derive(Debug, Clone, PartialEq)]
pub struct DescribeServiceReleaseVersionResponse {
    /// Number of versions. Typed String in the table but printed as a number: an integer
    /// that also accepts numeric text.
    #[serde(deserialize_with = "lenient::int")]
    pub total_count: Option<i64>,
    /// This page of versions.
    pub version_list: Option<Vec<ServiceReleaseVersion>>,
}

/// One published version of a service.
#[tc_model(api2)]
#[derive(Debug, Clone, PartialEq)]
pub struct ServiceReleaseVersion {
    /// Version name.
    #[serde(deserialize_with = "lenient::string")]
    pub version_name: Option<String>,
    /// Version description.
    #[serde(deserialize_with = "lenient::string")]
    pub version_desc: Option<String>,
    /// Environments running this version.
    pub environments: Option<Vec<String>>,
    /// When the version was created, as the server formats it.
    #[serde(deserialize_with = "lenient::string")]
    pub create_time: Option<String>,
}

/// Lists the environments of a service and whether each is published.
#[tc_action(service = "apigateway", api2, errors = V2Code)]
#[derive(Debug, Clone, PartialEq)]
pub struct DescribeServiceEnvironmentList {
    /// Service to inspect.
    pub service_id: String,
    /// Page size.
    pub limit: Option<i64>,
    /// Index of the first result.
    pub offset: Option<i64>,
}

/// Output of [`DescribeServiceEnvironmentList`].
#[tc_model(api2)]
#[derive(Debug, Clone, PartialEq)]
pub struct DescribeServiceEnvironmentListResponse {
    /// Number of environments. Typed String in the table but printed as a number: an
    /// integer that also accepts numeric text.
    #[serde(deserialize_with = "lenient::int")]
    pub total_count: Option<i64>,
    /// This page of environments.
    pub environment_list: Option<Vec<ServiceEnvironment>>,
}

/// One environment of a service.
#[tc_model(api2)]
#[derive(Debug, Clone, PartialEq)]
pub struct ServiceEnvironment {
    /// Environment name.
    #[serde(deserialize_with = "lenient::string")]
    pub environment_name: Option<String>,
    /// Address of the environment.
    #[serde(deserialize_with = "lenient::string")]
    pub url: Option<String>,
    /// `1` published, `0` not published.
    #[serde(deserialize_with = "lenient::int")]
    pub status: Option<i64>,
    /// Version running there. The document spells the key `verisonName` in both the table
    /// and the example; `versionName` is read too.
    #[tc(rename = "verisonName")]
    #[serde(alias = "versionName", deserialize_with = "lenient::string")]
    pub version_name: Option<String>,
}

/// Lists the releases made to one environment of a service.
#[tc_action(service = "apigateway", api2, errors = V2Code)]
#[derive(Debug, Clone, PartialEq)]
pub struct DescribeServiceEnvironmentReleaseHistory {
    /// Service to inspect.
    pub service_id: String,
    /// Environment to inspect.
    pub environment_name: String,
    /// Page size.
    pub limit: Option<i64>,
    /// Index of the first result.
    pub offset: Option<i64>,
}

/// Output of [`DescribeServiceEnvironmentReleaseHistory`].
#[tc_model(api2)]
#[derive(Debug, Clone, PartialEq)]
pub struct DescribeServiceEnvironmentReleaseHistoryResponse {
    /// Number of releases. Typed String in the table but printed as a number: an integer
    /// that also accepts numeric text.
    #[serde(deserialize_with = "lenient::int")]
    pub total_count: Option<i64>,
    /// This page of releases.
    pub version_list: Option<Vec<EnvironmentRelease>>,
}

/// One release to an environment.
#[tc_model(api2)]
#[derive(Debug, Clone, PartialEq)]
pub struct EnvironmentRelease {
    /// Version released.
    #[serde(deserialize_with = "lenient::string")]
    pub version_name: Option<String>,
    /// Version description.
    #[serde(deserialize_with = "lenient::string")]
    pub version_desc: Option<String>,
    /// When it was released, as the server formats it.
    #[serde(deserialize_with = "lenient::string")]
    pub release_time: Option<String>,
}

/// Reads the details of one service.
#[tc_action(service = "apigateway", api2, errors = V2Code)]
#[derive(Debug, Clone, PartialEq)]
pub struct DescribeService {
    /// Service to read.
    pub service_id: String,
}

/// Output of [`DescribeService`].
#[tc_model(api2)]
#[derive(Debug, Clone, PartialEq)]
pub struct DescribeServiceResponse {
    /// Service identifier.
    #[serde(deserialize_with = "lenient::string")]
    pub service_id: Option<String>,
    /// Service name.
    #[serde(deserialize_with = "lenient::string")]
    pub service_name: Option<String>,
    /// Service description.
    #[serde(deserialize_with = "lenient::string")]
    pub service_desc: Option<String>,
    /// Default domain name of the service.
    #[serde(deserialize_with = "lenient::string")]
    pub sub_domain: Option<String>,
    /// Caller-facing protocol.
    #[serde(deserialize_with = "lenient::string")]
    pub protocol: Option<String>,
    /// Creation time as the server formats it.
    #[serde(deserialize_with = "lenient::string")]
    pub created_time: Option<String>,
    /// Last change time as the server formats it.
    #[serde(deserialize_with = "lenient::string")]
    pub modified_time: Option<String>,
    /// Environments the service is published to.
    pub available_environments: Option<Vec<String>>,
}

/// Lists the custom domain names bound to a service.
///
/// The document's example sends `Action=DescribeSubDomain`; the action is named
/// `DescribeServiceSubDomains` in its heading, which is what this sends.
#[tc_action(service = "apigateway", api2, errors = V2Code)]
#[derive(Debug, Clone, PartialEq)]
pub struct DescribeServiceSubDomains {
    /// Service to inspect.
    pub service_id: String,
}

/// Output of [`DescribeServiceSubDomains`].
#[tc_model(api2)]
#[derive(Debug, Clone, PartialEq)]
pub struct DescribeServiceSubDomainsResponse {
    /// Number of custom domain names.
    #[serde(deserialize_with = "lenient::int")]
    pub total_count: Option<i64>,
    /// The custom domain names.
    pub domain_set: Option<Vec<DomainStatus>>,
}

/// A custom domain name and whether it resolves.
#[tc_model(api2)]
#[derive(Debug, Clone, PartialEq)]
pub struct DomainStatus {
    /// The domain name.
    #[serde(deserialize_with = "lenient::string")]
    pub domain_name: Option<String>,
    /// `True` when its DNS resolution works, `False` otherwise (text as sent; the example
    /// even prints `Flase`).
    #[serde(deserialize_with = "lenient::string")]
    pub status: Option<String>,
    /// Certificate bound to the domain.
    #[serde(deserialize_with = "lenient::string")]
    pub certificate_id: Option<String>,
}

/// Reads the path mappings of a custom domain name.
#[tc_action(service = "apigateway", api2, errors = V2Code)]
#[derive(Debug, Clone, PartialEq)]
pub struct DescribeServiceSubDomainMappings {
    /// Service the domain is bound to.
    pub service_id: String,
    /// The custom domain name.
    pub sub_domain: String,
}

/// Output of [`DescribeServiceSubDomainMappings`].
#[tc_model(api2)]
#[derive(Debug, Clone, PartialEq)]
pub struct DescribeServiceSubDomainMappingsResponse {
    /// `TRUE` for the default mapping; `FALSE` for the custom mappings listed.
    #[serde(deserialize_with = "lenient::string")]
    pub is_default_mapping: Option<String>,
    /// The custom mappings. The table names the key `pathMappingSet`, the example
    /// `pathMapping`; both are read.
    #[serde(alias = "pathMapping")]
    pub path_mapping_set: Option<Vec<PathMapping>>,
    /// Number of mappings. Not in the table; the example returns it.
    #[serde(deserialize_with = "lenient::int")]
    pub total_count: Option<i64>,
}
