//! Helpers shared by the integration tests.

#![allow(dead_code)]

pub mod cases;

use serde_json::{Map, Value};
use tc_api_core::{Action, ApiStyle};

/// Calls `$callback!` with the path of every action type this crate defines, grouped by
/// service as in `tc_api_services::actions()`. A test checks this list against `actions()`,
/// so an action added without being listed here fails the suite.
#[macro_export]
macro_rules! with_all_actions {
    ($callback:ident) => {
        $callback! {
            tc_api_services::iotexplorer::v20190423::DescribeBatchProduction,
            tc_api_services::tcb::v20180608::CreatePostpayPackage,
            tc_api_services::tcmpp::v20240801::ReleaseMNPVersion,
            tc_api_services::tcsas::v20250106::DescribeMNPMAUMetricCard,
            tc_api_services::apigateway::v2::ModifyApi,
            tc_api_services::apigateway::v2::DeleteApi,
            tc_api_services::apigateway::v2::DescribeApi,
            tc_api_services::apigateway::v2::DescribeApisStatus,
            tc_api_services::apigateway::v2::RunApi,
            tc_api_services::apigateway::v2::CreateApi,
            tc_api_services::apigateway::v2::DescribeApiUsagePlan,
            tc_api_services::apigateway::v2::UnReleaseService,
            tc_api_services::apigateway::v2::ModifyService,
            tc_api_services::apigateway::v2::UpdateService,
            tc_api_services::apigateway::v2::CreateService,
            tc_api_services::apigateway::v2::DeleteService,
            tc_api_services::apigateway::v2::DeleteServiceSubDomainMapping,
            tc_api_services::apigateway::v2::ReleaseService,
            tc_api_services::apigateway::v2::ModifySubDomain,
            tc_api_services::apigateway::v2::BindSubDomain,
            tc_api_services::apigateway::v2::UnBindSubDomain,
            tc_api_services::apigateway::v2::DescribeServiceUsagePlan,
            tc_api_services::apigateway::v2::DescribeServicesStatus,
            tc_api_services::apigateway::v2::DescribeServiceReleaseVersion,
            tc_api_services::apigateway::v2::DescribeServiceEnvironmentList,
            tc_api_services::apigateway::v2::DescribeServiceEnvironmentReleaseHistory,
            tc_api_services::apigateway::v2::DescribeService,
            tc_api_services::apigateway::v2::DescribeServiceSubDomains,
            tc_api_services::apigateway::v2::DescribeServiceSubDomainMappings,
            tc_api_services::apigateway::v2::CreateApiKey,
            tc_api_services::apigateway::v2::DeleteApiKey,
            tc_api_services::apigateway::v2::EnableApiKey,
            tc_api_services::apigateway::v2::UpdateApiKey,
            tc_api_services::apigateway::v2::DescribeApiKeysStatus,
            tc_api_services::apigateway::v2::DescribeApiKey,
            tc_api_services::apigateway::v2::DisableApiKey,
            tc_api_services::apigateway::v2::UnBindEnvironment,
            tc_api_services::apigateway::v2::BindSecretIds,
            tc_api_services::apigateway::v2::UnBindSecretIds,
            tc_api_services::apigateway::v2::ModifyUsagePlan,
            tc_api_services::apigateway::v2::CreateUsagePlan,
            tc_api_services::apigateway::v2::DeleteUsagePlan,
            tc_api_services::apigateway::v2::DescribeUsagePlansStatus,
            tc_api_services::apigateway::v2::DescribeUsagePlanSecretIds,
            tc_api_services::apigateway::v2::DescribeUsagePlanEnvironments,
            tc_api_services::apigateway::v2::DescribeUsagePlan,
            tc_api_services::apigateway::v2::BindEnvironment,
            tc_api_services::apigateway::v2::DemoteServiceUsagePlan,
            tc_api_services::apigateway::v2::GenerateApiDocument,
        }
    };
}

/// The part of a whole documented answer that `A::Response` decodes: the `Response` object
/// without `RequestId` (API 3.0), or the object without `code`, `message` and `codeDesc`
/// (API 2.0), as the client hands it over.
pub fn payload<A: Action>(whole: &Value) -> Value {
    let (object, envelope): (&Value, &[&str]) = match A::META.style {
        ApiStyle::V3 { .. } => (&whole["Response"], &["RequestId"]),
        ApiStyle::V2 => (whole, &["code", "message", "codeDesc"]),
    };
    let mut object: Map<String, Value> = object
        .as_object()
        .unwrap_or_else(|| panic!("{}: answer is not an object", A::META.action))
        .clone();
    for key in envelope {
        object.remove(*key);
    }
    Value::Object(object)
}
