//! Every documented example request, built as a Rust value, serializes to exactly the
//! documented parameters: the JSON body for API 3.0 POST examples, the flattened
//! parameters (as signed and sent) for query-string examples.

mod common;

use common::cases::{Wire, cases, documented};
use serde_json::Value;
use tc_api_core::sign::flatten::to_params;
use tc_api_services::apigateway::v2 as gw;
use tc_api_services::doc_example::ExampleRequest;
use tc_api_services::{iotexplorer, tcsas};

fn s(text: &str) -> String {
    text.to_owned()
}

#[test]
fn every_example_request_serializes_to_the_documented_parameters() {
    let mut failures = Vec::new();
    for case in cases() {
        let (example, wire) = (case.example, case.wire);
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
        .map(|case| (case.example.action, case.example.title))
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
