//! Every documented example request, built as a Rust value, serializes to exactly the
//! documented parameters: the JSON body for API 3.0 POST examples, the flattened
//! parameters (as signed and sent) for query-string examples.

use serde::Serialize;
use serde_json::Value;
use tc_api_core::sign::flatten::to_params;
use tc_api_services::apigateway::v2 as gw;
use tc_api_services::doc_example::{DocExample, ExampleRequest};
use tc_api_services::{iotexplorer, tcb, tcmpp, tcsas};

/// A request as it goes on the wire.
#[derive(Debug, PartialEq)]
enum Wire {
    Json(Value),
    Params(Vec<(String, String)>),
}

fn json<A: Serialize>(request: A) -> Wire {
    Wire::Json(serde_json::to_value(&request).expect("request serializes to JSON"))
}

fn params<A: Serialize>(request: A) -> Wire {
    Wire::Params(to_params(&request).expect("request flattens"))
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
fn cases() -> Vec<(&'static DocExample, Wire)> {
    vec![
        // API 3.0
        (
            &tcmpp::v20240801::examples::RELEASE_MNP_VERSION,
            json(tcmpp::v20240801::ReleaseMNPVersion {
                mnp_version_id: 2597,
                platform_id: s("T04257DS9431720WTAG"),
            }),
        ),
        (
            &tcb::v20180608::examples::CREATE_POSTPAY_PACKAGE,
            params(tcb::v20180608::CreatePostpayPackage {
                env_id: some("cdnheader-v2a"),
                free_quota: some("basic"),
                ..Default::default()
            }),
        ),
        (
            &iotexplorer::v20190423::examples::DESCRIBE_BATCH_PRODUCTION,
            params(iotexplorer::v20190423::DescribeBatchProduction {
                product_id: s("R32ONVL0EU"),
                batch_production_id: s("LC-ya6zinv9"),
            }),
        ),
        (
            &tcsas::v20250106::examples::DESCRIBE_MNP_MAU_METRIC_CARD,
            json(tcsas::v20250106::DescribeMNPMAUMetricCard {
                source_month: 202511,
                data_type: 1,
                platform_id: s("T04398WY9481762VZTT"),
                target_month: 202512,
                application_id: s("ApplicationId"),
                mnp_id: some("mp1vd81ntbitj9k2"),
                mnp_team_id: Some(9_432_130_281),
            }),
        ),
        // API 2.0: API management
        (
            &gw::examples::MODIFY_API_HTTP,
            params(gw::ModifyApi {
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
            }),
        ),
        (
            &gw::examples::MODIFY_API_MOCK,
            params(gw::ModifyApi {
                service_type: some("MOCK"),
                service_mock_return_message: some("Returned message from MOCK"),
                ..modify_api("myTestApi")
            }),
        ),
        (
            &gw::examples::MODIFY_API_SCF,
            params(gw::ModifyApi {
                service_type: some("SCF"),
                service_scf_function_name: some("myScfFunction"),
                ..modify_api("myTestApi")
            }),
        ),
        (
            &gw::examples::DELETE_API,
            params(gw::DeleteApi {
                service_id: s("service-XX"),
                api_id: s("api-xx"),
            }),
        ),
        (
            &gw::examples::DESCRIBE_API_HTTP,
            params(gw::DescribeApi {
                service_id: s("service-XX"),
                api_id: s("api-XX"),
            }),
        ),
        (
            &gw::examples::DESCRIBE_API_MOCK,
            params(gw::DescribeApi {
                service_id: s("service-XX"),
                api_id: s("api-XXX"),
            }),
        ),
        (
            &gw::examples::DESCRIBE_API_SCF,
            params(gw::DescribeApi {
                service_id: s("service-XX"),
                api_id: s("api-XXXX"),
            }),
        ),
        (
            &gw::examples::DESCRIBE_APIS_STATUS,
            params(gw::DescribeApisStatus {
                service_id: s("service-XX"),
                api_ids: Some(strings(&["api-XX", "api-XXX"])),
                offset: Some(0),
                limit: Some(2),
                orderby: some("createdTime"),
                order: some("desc"),
                search_name: None,
                search_id: None,
            }),
        ),
        (
            &gw::examples::RUN_API,
            params(gw::RunApi {
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
            }),
        ),
        (
            &gw::examples::CREATE_API_HTTP,
            params(gw::CreateApi {
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
            }),
        ),
        (
            &gw::examples::CREATE_API_MOCK,
            params(gw::CreateApi {
                service_mock_return_message: some("Returned message from MOCK"),
                ..create_api("MOCK", "HEADER")
            }),
        ),
        (
            &gw::examples::CREATE_API_SCF,
            params(gw::CreateApi {
                service_scf_function_name: some("myScfFunction"),
                ..create_api("SCF", "HEADER")
            }),
        ),
        (
            &gw::examples::DESCRIBE_API_USAGE_PLAN,
            params(gw::DescribeApiUsagePlan {
                service_id: s("service-XX"),
                offset: None,
                limit: None,
                search_environment: None,
                api_ids: None,
            }),
        ),
        // API 2.0: services
        (
            &gw::examples::UN_RELEASE_SERVICE,
            params(gw::UnReleaseService {
                service_id: s("service=XX"),
                environment_name: s("Online"),
                un_release_desc: some("Deactivation description"),
            }),
        ),
        (
            &gw::examples::MODIFY_SERVICE,
            params(gw::ModifyService {
                service_id: s("service-XXXX"),
                service_name: some("newTest"),
                service_desc: some("newTestDescription"),
                protocol: some("https"),
            }),
        ),
        (
            &gw::examples::UPDATE_SERVICE,
            params(gw::UpdateService {
                service_id: s("service-XX"),
                environment_name: s("release"),
                version_name: s("xxxxx"),
                update_desc: some("updateDesc"),
            }),
        ),
        (
            &gw::examples::CREATE_SERVICE,
            params(gw::CreateService {
                service_name: some("test"),
                service_desc: some("testDescription"),
                protocol: s("http"),
            }),
        ),
        (
            &gw::examples::DELETE_SERVICE,
            params(gw::DeleteService {
                service_id: s("service-XXXX"),
            }),
        ),
        (
            &gw::examples::DELETE_SERVICE_SUB_DOMAIN_MAPPING,
            params(gw::DeleteServiceSubDomainMapping {
                service_id: s("service-XXXX"),
                sub_domain: s("www.qq.com"),
                environment: s("test"),
            }),
        ),
        (
            &gw::examples::RELEASE_SERVICE,
            params(gw::ReleaseService {
                service_id: s("service=XX"),
                environment_name: s("Online"),
                release_desc: s("Publishing description"),
            }),
        ),
        (
            &gw::examples::MODIFY_SUB_DOMAIN,
            params(gw::ModifySubDomain {
                service_id: s("service-XXXX"),
                sub_domain: s("testSubDomain"),
                is_default_mapping: s("FALSE"),
                path_mapping_set: Some(vec![gw::PathMapping {
                    path: some("/test"),
                    environment: some("release"),
                }]),
            }),
        ),
        (
            &gw::examples::BIND_SUB_DOMAIN,
            params(gw::BindSubDomain {
                service_id: s("service-XXXX"),
                sub_domain: s("testSubDomain"),
                certificate_id: some("testcertificate"),
                is_default_mapping: None,
                path_mapping_set: Some(vec![gw::PathMapping {
                    path: some("/test"),
                    environment: some("release"),
                }]),
            }),
        ),
        (
            &gw::examples::UN_BIND_SUB_DOMAIN,
            params(gw::UnBindSubDomain {
                service_id: s("service-XXXX"),
                sub_domain: s("testSubDomain"),
            }),
        ),
        (
            &gw::examples::DESCRIBE_SERVICE_USAGE_PLAN,
            params(gw::DescribeServiceUsagePlan {
                service_id: s("service-XX"),
                offset: None,
                limit: None,
                search_environment: None,
            }),
        ),
        (
            &gw::examples::DESCRIBE_SERVICES_STATUS,
            params(gw::DescribeServicesStatus {
                service_ids: Some(strings(&["service-XX", "service-XXXX"])),
                offset: Some(0),
                limit: Some(2),
                orderby: some("createdTime"),
                order: some("desc"),
                ..Default::default()
            }),
        ),
        (
            &gw::examples::DESCRIBE_SERVICE_RELEASE_VERSION,
            params(gw::DescribeServiceReleaseVersion {
                service_id: s("service-XX"),
                limit: None,
                offset: None,
            }),
        ),
        (
            &gw::examples::DESCRIBE_SERVICE_ENVIRONMENT_LIST,
            params(gw::DescribeServiceEnvironmentList {
                service_id: s("service-XX"),
                limit: None,
                offset: None,
            }),
        ),
        (
            &gw::examples::DESCRIBE_SERVICE_ENVIRONMENT_RELEASE_HISTORY,
            params(gw::DescribeServiceEnvironmentReleaseHistory {
                service_id: s("service-XX"),
                environment_name: s("test"),
                limit: None,
                offset: None,
            }),
        ),
        (
            &gw::examples::DESCRIBE_SERVICE,
            params(gw::DescribeService {
                service_id: s("service-XX"),
            }),
        ),
        (
            &gw::examples::DESCRIBE_SERVICE_SUB_DOMAINS,
            params(gw::DescribeServiceSubDomains {
                service_id: s("service-XXXX"),
            }),
        ),
        (
            &gw::examples::DESCRIBE_SERVICE_SUB_DOMAIN_MAPPINGS,
            params(gw::DescribeServiceSubDomainMappings {
                service_id: s("service-XXXX"),
                sub_domain: s("www.qq.com"),
            }),
        ),
        // API 2.0: keys
        (
            &gw::examples::CREATE_API_KEY,
            params(gw::CreateApiKey {
                secret_name: some("myTest"),
            }),
        ),
        (
            &gw::examples::DELETE_API_KEY,
            params(gw::DeleteApiKey {
                secret_id: s("AKIDXXXXWKipDlK"),
            }),
        ),
        (
            &gw::examples::ENABLE_API_KEY,
            params(gw::EnableApiKey {
                secret_id: s("AKIDXXXXWKipDlK"),
            }),
        ),
        (
            &gw::examples::UPDATE_API_KEY,
            params(gw::UpdateApiKey {
                secret_id: s("AKIDXXXXWKipDlK"),
            }),
        ),
        (
            &gw::examples::DESCRIBE_API_KEYS_STATUS,
            params(gw::DescribeApiKeysStatus {
                secret_ids: Some(strings(&["AKIDXXXXWKipDlK", "AKIDXXXXAVd3EuW"])),
                offset: Some(0),
                limit: Some(2),
                orderby: some("createdTime"),
                order: some("desc"),
                ..Default::default()
            }),
        ),
        (
            &gw::examples::DESCRIBE_API_KEY,
            params(gw::DescribeApiKey {
                secret_id: s("AKIDXXXXWKipDlK"),
            }),
        ),
        (
            &gw::examples::DISABLE_API_KEY,
            params(gw::DisableApiKey {
                secret_id: s("AKIDXXXXWKipDlK"),
            }),
        ),
        // API 2.0: usage plans
        (
            &gw::examples::UN_BIND_ENVIRONMENT_SERVICE,
            params(gw::UnBindEnvironment {
                usage_plan_ids: strings(&["usagePlan-XX", "usagePlan-XXX"]),
                service_id: s("sevice-XX"),
                environment: s("test"),
                bind_type: None,
                api_ids: None,
            }),
        ),
        (
            &gw::examples::UN_BIND_ENVIRONMENT_API,
            params(gw::UnBindEnvironment {
                usage_plan_ids: strings(&["usagePlan-XX", "usagePlan-XXX"]),
                service_id: s("sevice-XX"),
                environment: s("test"),
                bind_type: some("API"),
                api_ids: Some(strings(&["api-2yuua008"])),
            }),
        ),
        (
            &gw::examples::BIND_SECRET_IDS,
            params(gw::BindSecretIds {
                usage_plan_id: s("usagePlan-XX"),
                secret_ids: strings(&["AKIDXXXXXXwEdsADQ", "AKIDXXXXXXjkIjdDE"]),
            }),
        ),
        (
            &gw::examples::UN_BIND_SECRET_IDS,
            params(gw::UnBindSecretIds {
                usage_plan_id: s("usagePlan-XX"),
                secret_ids: strings(&["AKIDXXXXXXwEdsADQ", "AKIDXXXXXXjkIjdDE"]),
            }),
        ),
        (
            &gw::examples::MODIFY_USAGE_PLAN,
            params(gw::ModifyUsagePlan {
                usage_plan_id: s("usagePlan-XX"),
                usage_plan_name: some("newusagePlanName"),
                usage_plan_desc: some("newUsagePlanDescription"),
                max_request_num_pre_sec: Some(1000),
                max_request_num: None,
            }),
        ),
        (
            &gw::examples::CREATE_USAGE_PLAN,
            params(gw::CreateUsagePlan {
                usage_plan_name: some("test"),
                usage_plan_desc: some("testDesc"),
                max_request_num_pre_sec: Some(100),
                max_request_num: None,
            }),
        ),
        (
            &gw::examples::DELETE_USAGE_PLAN,
            params(gw::DeleteUsagePlan {
                usage_plan_id: s("usagePlan-XX"),
            }),
        ),
        (
            &gw::examples::DESCRIBE_USAGE_PLANS_STATUS,
            params(gw::DescribeUsagePlansStatus {
                usage_plan_ids: Some(strings(&["usagePlan-XX", "usagePlan-XXXX"])),
                offset: Some(0),
                limit: Some(2),
                orderby: some("createdTime"),
                order: some("desc"),
                ..Default::default()
            }),
        ),
        (
            &gw::examples::DESCRIBE_USAGE_PLAN_SECRET_IDS,
            params(gw::DescribeUsagePlanSecretIds {
                usage_plan_id: s("usagePlan-XX"),
                limit: None,
                offset: None,
            }),
        ),
        (
            &gw::examples::DESCRIBE_USAGE_PLAN_ENVIRONMENTS,
            params(gw::DescribeUsagePlanEnvironments {
                usage_plan_id: s("usagePlan-XX"),
                limit: None,
                offset: None,
                bind_type: None,
            }),
        ),
        (
            &gw::examples::DESCRIBE_USAGE_PLAN,
            params(gw::DescribeUsagePlan {
                usage_plan_id: s("usagePlan-XX"),
            }),
        ),
        (
            &gw::examples::BIND_ENVIRONMENT_SERVICE,
            params(gw::BindEnvironment {
                usage_plan_ids: strings(&["usagePlan-XX", "usagePlan-XXX"]),
                service_id: s("sevice-XX"),
                environment: s("test"),
                bind_type: None,
                api_ids: None,
            }),
        ),
        (
            &gw::examples::BIND_ENVIRONMENT_API,
            params(gw::BindEnvironment {
                usage_plan_ids: strings(&["usagePlan-XX", "usagePlan-XXX"]),
                service_id: s("sevice-XX"),
                environment: s("test"),
                bind_type: some("API"),
                api_ids: Some(strings(&["api-2yuua008"])),
            }),
        ),
        (
            &gw::examples::DEMOTE_SERVICE_USAGE_PLAN,
            params(gw::DemoteServiceUsagePlan {
                service_id: s("service-XX"),
                environment: s("release"),
                usage_plan_id: s("usagePlan-XX"),
            }),
        ),
        // API 2.0: documentation
        (
            &gw::examples::GENERATE_API_DOCUMENT,
            params(gw::GenerateApiDocument {
                service_id: s("service-xxxx"),
                language: s("python"),
                environment: s("release"),
            }),
        ),
    ]
}

/// What the document shows for an example, in the same form as [`Wire`].
fn documented(example: &DocExample) -> Wire {
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

#[test]
fn every_example_request_serializes_to_the_documented_parameters() {
    let mut failures = Vec::new();
    for (example, wire) in cases() {
        // Parameters the example omits although the table requires them are not compared.
        let missing = example.request.missing_params();
        let wire = match wire {
            Wire::Params(params) => Wire::Params(
                params
                    .into_iter()
                    .filter(|(name, _)| !missing.contains(&name.as_str()))
                    .collect(),
            ),
            json => json,
        };
        let expected = documented(example);
        if wire != expected {
            failures.push(format!(
                "{} ({}):\n  sent       {wire:?}\n  documented {expected:?}",
                example.action, example.title
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_documented_example_has_a_request_case() {
    let covered: Vec<(&str, &str)> = cases()
        .iter()
        .map(|(example, _)| (example.action, example.title))
        .collect();
    let all: Vec<(&str, &str)> = tc_api_services::examples()
        .iter()
        .map(|example| (example.action, example.title))
        .collect();
    assert_eq!(covered, all);
    // 4 API 3.0 examples and the 53 printed in the API Gateway 2.0 guide.
    assert_eq!(all.len(), 57);
}

#[test]
fn fixes_name_parameters_that_exist() {
    use tc_api_services::doc_example::ParamFix;
    for example in tc_api_services::examples() {
        if let ExampleRequest::Params { printed, fixes } = example.request {
            for fix in fixes {
                match fix {
                    ParamFix::Rename { printed: name, .. }
                    | ParamFix::Drop { printed: name, .. } => {
                        assert!(
                            printed.iter().any(|(printed_name, _)| printed_name == name),
                            "{}: fix for {name}, which the example does not print",
                            example.action
                        );
                    }
                    ParamFix::Missing { documented, .. } => {
                        assert!(
                            printed
                                .iter()
                                .all(|(printed_name, _)| printed_name != documented),
                            "{}: {documented} is printed, not missing",
                            example.action
                        );
                    }
                }
            }
        }
    }
}

#[test]
fn api3_get_examples_flatten_like_their_json_body() {
    // The two GET examples of API 3.0 carry scalar parameters only, so their flattened form
    // and the JSON body a POST would send hold the same names and values.
    let request = iotexplorer::v20190423::DescribeBatchProduction {
        product_id: s("R32ONVL0EU"),
        batch_production_id: s("LC-ya6zinv9"),
    };
    let body = serde_json::to_value(&request).unwrap();
    let flat = to_params(&request).unwrap();
    for (name, value) in &flat {
        assert_eq!(body[name], Value::String(value.clone()));
    }
    assert_eq!(flat.len(), body.as_object().unwrap().len());
}

#[test]
fn sixty_four_bit_team_id_survives_the_body() {
    let request = tcsas::v20250106::DescribeMNPMAUMetricCard {
        source_month: 202511,
        data_type: 1,
        platform_id: s("p"),
        target_month: 202512,
        application_id: s("a"),
        mnp_id: None,
        mnp_team_id: Some(9_432_130_281),
    };
    let body = serde_json::to_string(&request).unwrap();
    assert!(body.contains(r#""MNPTeamId":9432130281"#), "{body}");
    assert!(!body.contains("MNPId"), "None is omitted: {body}");
}

#[test]
fn run_api_body_dict_flattens_by_key() {
    let request = gw::RunApi {
        service_id: s("service-XX"),
        api_id: s("api-XX"),
        request_header: None,
        request_query: None,
        request_path: None,
        request_method: None,
        request_body: None,
        request_body_dict: Some([(s("b"), s("2")), (s("a"), s("1"))].into()),
        content_type: None,
    };
    let flat = to_params(&request).unwrap();
    assert_eq!(
        flat,
        vec![
            (s("apiId"), s("api-XX")),
            (s("requestBodyDict.a"), s("1")),
            (s("requestBodyDict.b"), s("2")),
            (s("serviceId"), s("service-XX")),
        ]
    );
}
