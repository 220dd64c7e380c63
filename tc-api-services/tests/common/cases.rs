//! Every documented example paired with the Rust request that should produce it, as
//! the request tests and the end-to-end tests use them.

use std::future::Future;
use std::pin::Pin;

use serde::Serialize;
use serde_json::Value;
use tc_api_core::sign::flatten::to_params;
use tc_api_core::{Action, Client};
use tc_api_services::apigateway::v2 as gw;
use tc_api_services::doc_example::{DocExample, ExampleRequest};
use tc_api_services::{iotexplorer, tcb, tcmpp, tcsas};

/// A request as it goes on the wire.
#[derive(Debug, PartialEq)]
pub enum Wire {
    /// An API 3.0 JSON body.
    Json(Value),
    /// Flattened parameters, sorted by name.
    Params(Vec<(String, String)>),
}

/// The decoded response (encoded back to JSON) and the request id of a sent case.
pub type Sent = Result<(Value, String), tc_api_core::Error>;
type SendFuture = Pin<Box<dyn Future<Output = Sent> + Send>>;

/// One documented example and its Rust request.
pub struct Case {
    pub example: &'static DocExample,
    /// The request serialized as the example shows it (JSON body or parameters).
    pub wire: Wire,
    /// The example's answer decoded as the action's response, encoded back to JSON: what
    /// a client given that answer must return.
    pub expected: Value,
    /// Sends the request through a client.
    pub send: Box<dyn Fn(Client) -> SendFuture + Send + Sync>,
}

fn case<A>(example: &'static DocExample, request: A) -> Case
where
    A: Action + Clone,
    A::Response: Serialize,
{
    assert_eq!(
        A::META.action,
        example.action,
        "case paired with the wrong example"
    );
    let wire = match example.request {
        ExampleRequest::Json(_) => {
            Wire::Json(serde_json::to_value(&request).expect("request serializes to JSON"))
        }
        ExampleRequest::Params { .. } => {
            Wire::Params(to_params(&request).expect("request flattens"))
        }
    };
    let whole: Value = serde_json::from_str(example.response).expect("answer is JSON");
    let decoded: A::Response =
        serde_json::from_value(super::payload::<A>(&whole)).expect("answer decodes");
    let expected = serde_json::to_value(&decoded).expect("response encodes");
    let send = Box::new(move |client: Client| -> SendFuture {
        let request = request.clone();
        Box::pin(async move {
            let out = client.send(request).await?;
            let data = serde_json::to_value(&out.data).expect("response encodes");
            Ok((data, out.request_id.to_string()))
        })
    });
    Case {
        example,
        wire,
        expected,
        send,
    }
}

fn s(text: &str) -> String {
    text.to_owned()
}

fn some(text: &str) -> Option<String> {
    Some(text.to_owned())
}

fn strings(items: &[&str]) -> Vec<String> {
    items.iter().map(|item| (*item).to_owned()).collect()
}

/// The `age` header parameter every API example declares.
fn age_parameter(position: &str) -> gw::RequestParameter {
    gw::RequestParameter {
        name: some("age"),
        position: some(position),
        param_type: some("Int"),
        default_value: some("18"),
        required: some("REQUIRED"),
        desc: some("Age"),
    }
}

fn modify_api(api_desc: &str) -> gw::ModifyApi {
    gw::ModifyApi {
        service_id: s("service-XX"),
        api_id: s("api-XX"),
        api_name: None,
        api_desc: some(api_desc),
        auth_required: None,
        enable_cors: None,
        request_config: Some(gw::ModifyApiRequestConfig {
            path: some("/path"),
            method: some("GET"),
            protocol: some("Http"),
        }),
        request_parameters: Some(vec![age_parameter("head")]),
        service_type: None,
        service_timeout: Some(60),
        service_config: None,
        service_parameters: None,
        constant_parameters: None,
        service_mock_return_message: None,
        service_scf_function_name: None,
        response_type: None,
        response_success_example: None,
        response_fail_example: None,
        response_error_codes: None,
        is_delete_response_error_codes: None,
    }
}

fn create_api(service_type: &str, position: &str) -> gw::CreateApi {
    gw::CreateApi {
        service_id: s("service-XX"),
        api_name: None,
        api_desc: some("myTestApi"),
        api_type: None,
        auth_required: None,
        enable_cors: None,
        request_config: gw::CreateApiRequestConfig {
            path: s("/path"),
            method: s("GET"),
        },
        request_parameters: Some(vec![age_parameter(position)]),
        service_type: s(service_type),
        service_timeout: 60,
        service_config: None,
        service_parameters: None,
        constant_parameters: None,
        service_mock_return_message: None,
        service_scf_function_name: None,
        response_type: None,
        response_success_example: None,
        response_fail_example: None,
        response_error_codes: None,
    }
}

/// Each documented example with the Rust request that should produce it.
pub fn cases() -> Vec<Case> {
    vec![
        // API 3.0
        case(
            &tcmpp::v20240801::examples::RELEASE_MNP_VERSION,
            tcmpp::v20240801::ReleaseMNPVersion {
                mnp_version_id: 2597,
                platform_id: s("T04257DS9431720WTAG"),
            },
        ),
        case(
            &tcb::v20180608::examples::CREATE_POSTPAY_PACKAGE,
            tcb::v20180608::CreatePostpayPackage {
                env_id: some("cdnheader-v2a"),
                free_quota: some("basic"),
                ..Default::default()
            },
        ),
        case(
            &iotexplorer::v20190423::examples::DESCRIBE_BATCH_PRODUCTION,
            iotexplorer::v20190423::DescribeBatchProduction {
                product_id: s("R32ONVL0EU"),
                batch_production_id: s("LC-ya6zinv9"),
            },
        ),
        case(
            &tcsas::v20250106::examples::DESCRIBE_MNP_MAU_METRIC_CARD,
            tcsas::v20250106::DescribeMNPMAUMetricCard {
                source_month: 202511,
                data_type: 1,
                platform_id: s("T04398WY9481762VZTT"),
                target_month: 202512,
                application_id: s("ApplicationId"),
                mnp_id: some("mp1vd81ntbitj9k2"),
                mnp_team_id: Some(9_432_130_281),
            },
        ),
        // API 2.0: API management
        case(
            &gw::examples::MODIFY_API_HTTP,
            gw::ModifyApi {
                service_type: some("Http"),
                service_config: Some(gw::ServiceConfig {
                    url: some("cloud.tencent.com"),
                    path: some("/path"),
                    method: some("GET"),
                }),
                service_parameters: Some(vec![gw::ServiceParameter {
                    name: some("age"),
                    position: some("head"),
                    relevant_request_parameter_name: some("age"),
                    relevant_request_parameter_position: some("head"),
                    desc: some("Age"),
                }]),
                ..modify_api("myTestApi")
            },
        ),
        case(
            &gw::examples::MODIFY_API_MOCK,
            gw::ModifyApi {
                service_type: some("MOCK"),
                service_mock_return_message: some("Returned message from MOCK"),
                ..modify_api("myTestApi")
            },
        ),
        case(
            &gw::examples::MODIFY_API_SCF,
            gw::ModifyApi {
                service_type: some("SCF"),
                service_scf_function_name: some("myScfFunction"),
                ..modify_api("myTestApi")
            },
        ),
        case(
            &gw::examples::DELETE_API,
            gw::DeleteApi {
                service_id: s("service-XX"),
                api_id: s("api-xx"),
            },
        ),
        case(
            &gw::examples::DESCRIBE_API_HTTP,
            gw::DescribeApi {
                service_id: s("service-XX"),
                api_id: s("api-XX"),
            },
        ),
        case(
            &gw::examples::DESCRIBE_API_MOCK,
            gw::DescribeApi {
                service_id: s("service-XX"),
                api_id: s("api-XXX"),
            },
        ),
        case(
            &gw::examples::DESCRIBE_API_SCF,
            gw::DescribeApi {
                service_id: s("service-XX"),
                api_id: s("api-XXXX"),
            },
        ),
        case(
            &gw::examples::DESCRIBE_APIS_STATUS,
            gw::DescribeApisStatus {
                service_id: s("service-XX"),
                api_ids: Some(strings(&["api-XX", "api-XXX"])),
                offset: Some(0),
                limit: Some(2),
                orderby: some("createdTime"),
                order: some("desc"),
                search_name: None,
                search_id: None,
            },
        ),
        case(
            &gw::examples::RUN_API,
            gw::RunApi {
                service_id: s("service-XX"),
                api_id: s("api-XX"),
                request_header: some(
                    r#"{"headerKey1":"headerValue1","headerKey2":"headerValue2"}"#,
                ),
                request_query: some(r#"{"queryKey1":"queryValue1","queryKey2":"queryValue2"}"#),
                request_path: some(r#"{"pathKey1":"pathValue1","pathKey2":"pathValue2"}"#),
                request_method: some("GET"),
                request_body: some("abalabala"),
                request_body_dict: None,
                content_type: some("application/json"),
            },
        ),
        case(
            &gw::examples::CREATE_API_HTTP,
            gw::CreateApi {
                service_config: Some(gw::ServiceConfig {
                    url: some("cloud.tencent.com"),
                    path: some("/path"),
                    method: some("GET"),
                }),
                service_parameters: Some(vec![gw::ServiceParameter {
                    name: some("age"),
                    position: some("HEADER"),
                    relevant_request_parameter_name: some("age"),
                    relevant_request_parameter_position: some("HEADER"),
                    desc: some("Age"),
                }]),
                constant_parameters: Some(vec![gw::ConstantParameter {
                    name: some("aa"),
                    desc: some("aa"),
                    position: some("HEADER"),
                    default_value: some("aa"),
                }]),
                ..create_api("Http", "HEADER")
            },
        ),
        case(
            &gw::examples::CREATE_API_MOCK,
            gw::CreateApi {
                service_mock_return_message: some("Returned message from MOCK"),
                ..create_api("MOCK", "HEADER")
            },
        ),
        case(
            &gw::examples::CREATE_API_SCF,
            gw::CreateApi {
                service_scf_function_name: some("myScfFunction"),
                ..create_api("SCF", "HEADER")
            },
        ),
        case(
            &gw::examples::DESCRIBE_API_USAGE_PLAN,
            gw::DescribeApiUsagePlan {
                service_id: s("service-XX"),
                offset: None,
                limit: None,
                search_environment: None,
                api_ids: None,
            },
        ),
        // API 2.0: services
        case(
            &gw::examples::UN_RELEASE_SERVICE,
            gw::UnReleaseService {
                service_id: s("service=XX"),
                environment_name: s("Online"),
                un_release_desc: some("Deactivation description"),
            },
        ),
        case(
            &gw::examples::MODIFY_SERVICE,
            gw::ModifyService {
                service_id: s("service-XXXX"),
                service_name: some("newTest"),
                service_desc: some("newTestDescription"),
                protocol: some("https"),
            },
        ),
        case(
            &gw::examples::UPDATE_SERVICE,
            gw::UpdateService {
                service_id: s("service-XX"),
                environment_name: s("release"),
                version_name: s("xxxxx"),
                update_desc: some("updateDesc"),
            },
        ),
        case(
            &gw::examples::CREATE_SERVICE,
            gw::CreateService {
                service_name: some("test"),
                service_desc: some("testDescription"),
                protocol: s("http"),
            },
        ),
        case(
            &gw::examples::DELETE_SERVICE,
            gw::DeleteService {
                service_id: s("service-XXXX"),
            },
        ),
        case(
            &gw::examples::DELETE_SERVICE_SUB_DOMAIN_MAPPING,
            gw::DeleteServiceSubDomainMapping {
                service_id: s("service-XXXX"),
                sub_domain: s("www.qq.com"),
                environment: s("test"),
            },
        ),
        case(
            &gw::examples::RELEASE_SERVICE,
            gw::ReleaseService {
                service_id: s("service=XX"),
                environment_name: s("Online"),
                release_desc: s("Publishing description"),
            },
        ),
        case(
            &gw::examples::MODIFY_SUB_DOMAIN,
            gw::ModifySubDomain {
                service_id: s("service-XXXX"),
                sub_domain: s("testSubDomain"),
                is_default_mapping: s("FALSE"),
                path_mapping_set: Some(vec![gw::PathMapping {
                    path: some("/test"),
                    environment: some("release"),
                }]),
            },
        ),
        case(
            &gw::examples::BIND_SUB_DOMAIN,
            gw::BindSubDomain {
                service_id: s("service-XXXX"),
                sub_domain: s("testSubDomain"),
                certificate_id: some("testcertificate"),
                is_default_mapping: None,
                path_mapping_set: Some(vec![gw::PathMapping {
                    path: some("/test"),
                    environment: some("release"),
                }]),
            },
        ),
        case(
            &gw::examples::UN_BIND_SUB_DOMAIN,
            gw::UnBindSubDomain {
                service_id: s("service-XXXX"),
                sub_domain: s("testSubDomain"),
            },
        ),
        case(
            &gw::examples::DESCRIBE_SERVICE_USAGE_PLAN,
            gw::DescribeServiceUsagePlan {
                service_id: s("service-XX"),
                offset: None,
                limit: None,
                search_environment: None,
            },
        ),
        case(
            &gw::examples::DESCRIBE_SERVICES_STATUS,
            gw::DescribeServicesStatus {
                service_ids: Some(strings(&["service-XX", "service-XXXX"])),
                offset: Some(0),
                limit: Some(2),
                orderby: some("createdTime"),
                order: some("desc"),
                ..Default::default()
            },
        ),
        case(
            &gw::examples::DESCRIBE_SERVICE_RELEASE_VERSION,
            gw::DescribeServiceReleaseVersion {
                service_id: s("service-XX"),
                limit: None,
                offset: None,
            },
        ),
        case(
            &gw::examples::DESCRIBE_SERVICE_ENVIRONMENT_LIST,
            gw::DescribeServiceEnvironmentList {
                service_id: s("service-XX"),
                limit: None,
                offset: None,
            },
        ),
        case(
            &gw::examples::DESCRIBE_SERVICE_ENVIRONMENT_RELEASE_HISTORY,
            gw::DescribeServiceEnvironmentReleaseHistory {
                service_id: s("service-XX"),
                environment_name: s("test"),
                limit: None,
                offset: None,
            },
        ),
        case(
            &gw::examples::DESCRIBE_SERVICE,
            gw::DescribeService {
                service_id: s("service-XX"),
            },
        ),
        case(
            &gw::examples::DESCRIBE_SERVICE_SUB_DOMAINS,
            gw::DescribeServiceSubDomains {
                service_id: s("service-XXXX"),
            },
        ),
        case(
            &gw::examples::DESCRIBE_SERVICE_SUB_DOMAIN_MAPPINGS,
            gw::DescribeServiceSubDomainMappings {
                service_id: s("service-XXXX"),
                sub_domain: s("www.qq.com"),
            },
        ),
        // API 2.0: keys
        case(
            &gw::examples::CREATE_API_KEY,
            gw::CreateApiKey {
                secret_name: some("myTest"),
            },
        ),
        case(
            &gw::examples::DELETE_API_KEY,
            gw::DeleteApiKey {
                secret_id: s("AKIDXXXXWKipDlK"),
            },
        ),
        case(
            &gw::examples::ENABLE_API_KEY,
            gw::EnableApiKey {
                secret_id: s("AKIDXXXXWKipDlK"),
            },
        ),
        case(
            &gw::examples::UPDATE_API_KEY,
            gw::UpdateApiKey {
                secret_id: s("AKIDXXXXWKipDlK"),
            },
        ),
        case(
            &gw::examples::DESCRIBE_API_KEYS_STATUS,
            gw::DescribeApiKeysStatus {
                secret_ids: Some(strings(&["AKIDXXXXWKipDlK", "AKIDXXXXAVd3EuW"])),
                offset: Some(0),
                limit: Some(2),
                orderby: some("createdTime"),
                order: some("desc"),
                ..Default::default()
            },
        ),
        case(
            &gw::examples::DESCRIBE_API_KEY,
            gw::DescribeApiKey {
                secret_id: s("AKIDXXXXWKipDlK"),
            },
        ),
        case(
            &gw::examples::DISABLE_API_KEY,
            gw::DisableApiKey {
                secret_id: s("AKIDXXXXWKipDlK"),
            },
        ),
        // API 2.0: usage plans
        case(
            &gw::examples::UN_BIND_ENVIRONMENT_SERVICE,
            gw::UnBindEnvironment {
                usage_plan_ids: strings(&["usagePlan-XX", "usagePlan-XXX"]),
                service_id: s("sevice-XX"),
                environment: s("test"),
                bind_type: None,
                api_ids: None,
            },
        ),
        case(
            &gw::examples::UN_BIND_ENVIRONMENT_API,
            gw::UnBindEnvironment {
                usage_plan_ids: strings(&["usagePlan-XX", "usagePlan-XXX"]),
                service_id: s("sevice-XX"),
                environment: s("test"),
                bind_type: some("API"),
                api_ids: Some(strings(&["api-2yuua008"])),
            },
        ),
        case(
            &gw::examples::BIND_SECRET_IDS,
            gw::BindSecretIds {
                usage_plan_id: s("usagePlan-XX"),
                secret_ids: strings(&["AKIDXXXXXXwEdsADQ", "AKIDXXXXXXjkIjdDE"]),
            },
        ),
        case(
            &gw::examples::UN_BIND_SECRET_IDS,
            gw::UnBindSecretIds {
                usage_plan_id: s("usagePlan-XX"),
                secret_ids: strings(&["AKIDXXXXXXwEdsADQ", "AKIDXXXXXXjkIjdDE"]),
            },
        ),
        case(
            &gw::examples::MODIFY_USAGE_PLAN,
            gw::ModifyUsagePlan {
                usage_plan_id: s("usagePlan-XX"),
                usage_plan_name: some("newusagePlanName"),
                usage_plan_desc: some("newUsagePlanDescription"),
                max_request_num_pre_sec: Some(1000),
                max_request_num: None,
            },
        ),
        case(
            &gw::examples::CREATE_USAGE_PLAN,
            gw::CreateUsagePlan {
                usage_plan_name: some("test"),
                usage_plan_desc: some("testDesc"),
                max_request_num_pre_sec: Some(100),
                max_request_num: None,
            },
        ),
        case(
            &gw::examples::DELETE_USAGE_PLAN,
            gw::DeleteUsagePlan {
                usage_plan_id: s("usagePlan-XX"),
            },
        ),
        case(
            &gw::examples::DESCRIBE_USAGE_PLANS_STATUS,
            gw::DescribeUsagePlansStatus {
                usage_plan_ids: Some(strings(&["usagePlan-XX", "usagePlan-XXXX"])),
                offset: Some(0),
                limit: Some(2),
                orderby: some("createdTime"),
                order: some("desc"),
                ..Default::default()
            },
        ),
        case(
            &gw::examples::DESCRIBE_USAGE_PLAN_SECRET_IDS,
            gw::DescribeUsagePlanSecretIds {
                usage_plan_id: s("usagePlan-XX"),
                limit: None,
                offset: None,
            },
        ),
        case(
            &gw::examples::DESCRIBE_USAGE_PLAN_ENVIRONMENTS,
            gw::DescribeUsagePlanEnvironments {
                usage_plan_id: s("usagePlan-XX"),
                limit: None,
                offset: None,
                bind_type: None,
            },
        ),
        case(
            &gw::examples::DESCRIBE_USAGE_PLAN,
            gw::DescribeUsagePlan {
                usage_plan_id: s("usagePlan-XX"),
            },
        ),
        case(
            &gw::examples::BIND_ENVIRONMENT_SERVICE,
            gw::BindEnvironment {
                usage_plan_ids: strings(&["usagePlan-XX", "usagePlan-XXX"]),
                service_id: s("sevice-XX"),
                environment: s("test"),
                bind_type: None,
                api_ids: None,
            },
        ),
        case(
            &gw::examples::BIND_ENVIRONMENT_API,
            gw::BindEnvironment {
                usage_plan_ids: strings(&["usagePlan-XX", "usagePlan-XXX"]),
                service_id: s("sevice-XX"),
                environment: s("test"),
                bind_type: some("API"),
                api_ids: Some(strings(&["api-2yuua008"])),
            },
        ),
        case(
            &gw::examples::DEMOTE_SERVICE_USAGE_PLAN,
            gw::DemoteServiceUsagePlan {
                service_id: s("service-XX"),
                environment: s("release"),
                usage_plan_id: s("usagePlan-XX"),
            },
        ),
        // API 2.0: documentation
        case(
            &gw::examples::GENERATE_API_DOCUMENT,
            gw::GenerateApiDocument {
                service_id: s("service-xxxx"),
                language: s("python"),
                environment: s("release"),
            },
        ),
    ]
}

/// What the document shows for an example, in the same form as [`Wire`].
pub fn documented(example: &DocExample) -> Wire {
    match example.request {
        ExampleRequest::Json(body) => {
            Wire::Json(serde_json::from_str(body).expect("documented body is JSON"))
        }
        request @ ExampleRequest::Params { .. } => Wire::Params(
            request
                .documented_params()
                .expect("query-string example has parameters"),
        ),
    }
}
