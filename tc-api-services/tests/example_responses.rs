//! Every documented example answer decodes into its action's response type, and nothing
//! the example carries is lost on the way.

mod common;

use serde_json::Value;
use tc_api_core::Action;
use tc_api_services::apigateway::v2 as gw;
use tc_api_services::doc_example::DocExample;
use tc_api_services::{iotexplorer, tcb, tcmpp, tcsas};

/// Keys the examples misspell, and the field name they decode into.
const KEY_ALIASES: &[(&str, &str)] = &[
    ("seviceId", "serviceId"),
    ("pathMapping", "pathMappingSet"),
    // Backend parameters in DescribeApi: the table says `position`, the examples `in`.
    ("in", "position"),
];

/// Decodes `whole` as `A`'s answer twice (the client's payload, and the whole object with
/// its envelope, which the decoder must ignore), checks both agree, and returns the decoded
/// value serialized back to JSON.
fn decode<A: Action>(whole: &Value) -> Result<Value, String>
where
    A::Response: serde::Serialize,
{
    let payload = common::payload::<A>(whole);
    let from_payload: A::Response =
        serde_json::from_value(payload).map_err(|e| format!("payload: {e}"))?;
    let inner = match A::META.style {
        tc_api_core::ApiStyle::V3 { .. } => whole["Response"].clone(),
        tc_api_core::ApiStyle::V2 => whole.clone(),
    };
    let from_whole: A::Response =
        serde_json::from_value(inner).map_err(|e| format!("whole object: {e}"))?;
    let a = serde_json::to_value(&from_payload).map_err(|e| e.to_string())?;
    let b = serde_json::to_value(&from_whole).map_err(|e| e.to_string())?;
    if a != b {
        return Err(format!(
            "payload and whole object decode differently: {a} vs {b}"
        ));
    }
    Ok(a)
}

macro_rules! decoder {
    ($($action:path),* $(,)?) => {
        /// Decodes an example with the response type of the action it documents.
        fn decode_example(example: &DocExample) -> Result<Value, String> {
            let whole: Value = serde_json::from_str(example.response)
                .map_err(|e| format!("repaired answer is not JSON: {e}"))?;
            $(
                if <$action as Action>::META.action == example.action {
                    return decode::<$action>(&whole);
                }
            )*
            Err(format!("no action named {}", example.action))
        }
    };
}
with_all_actions!(decoder);

fn text(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

/// Checks that everything in `documented` is in `decoded` under the same (or aliased)
/// key with the same text; collects what is missing into `lost`.
fn carries(path: &str, documented: &Value, decoded: &Value, lost: &mut Vec<String>) {
    match (documented, decoded) {
        (Value::Null, Value::Null) => {}
        (Value::Object(doc), Value::Object(dec)) => {
            for (key, value) in doc {
                let found = dec.get(key).or_else(|| {
                    KEY_ALIASES
                        .iter()
                        .find(|(alias, _)| alias == key)
                        .and_then(|(_, field)| dec.get(*field))
                });
                match found {
                    Some(found) => carries(&format!("{path}.{key}"), value, found, lost),
                    None if value.is_null() => {}
                    None => lost.push(format!("{path}.{key} = {value}")),
                }
            }
        }
        (Value::Array(doc), Value::Array(dec)) if doc.len() == dec.len() => {
            for (i, (d, e)) in doc.iter().zip(dec).enumerate() {
                carries(&format!("{path}.{i}"), d, e, lost);
            }
        }
        (d, e) if text(d).is_some() && text(d) == text(e) => {}
        (d, e) => lost.push(format!("{path}: documented {d}, decoded {e}")),
    }
}

#[test]
fn every_example_answer_decodes_without_losing_data() {
    let mut failures = Vec::new();
    for example in tc_api_services::examples() {
        match decode_example(example) {
            Err(e) => failures.push(format!("{} ({}): {e}", example.action, example.title)),
            Ok(decoded) => {
                let whole: Value = serde_json::from_str(example.response).unwrap();
                let documented = if whole.get("Response").is_some() {
                    let mut inner = whole["Response"].clone();
                    inner.as_object_mut().unwrap().remove("RequestId");
                    inner
                } else {
                    let mut inner = whole.clone();
                    for key in ["code", "message", "codeDesc"] {
                        inner.as_object_mut().unwrap().remove(key);
                    }
                    inner
                };
                let mut lost = Vec::new();
                carries("", &documented, &decoded, &mut lost);
                if !lost.is_empty() {
                    failures.push(format!(
                        "{} ({}): lost {}",
                        example.action,
                        example.title,
                        lost.join(", ")
                    ));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn api2_examples_report_success_with_code_zero_as_text() {
    for example in gw::examples::ALL {
        let whole: Value = serde_json::from_str(example.response).unwrap();
        assert_eq!(
            whole["code"],
            Value::String("0".into()),
            "{}",
            example.action
        );
        assert_eq!(whole["codeDesc"], "Success", "{}", example.action);
    }
}

#[test]
fn repaired_answers_carry_the_same_words_as_printed() {
    // Repairs may only touch JSON punctuation, quotes and white space.
    fn words(text: &str) -> Vec<&str> {
        text.split(|c: char| c.is_whitespace() || "\"{}[],:".contains(c))
            .filter(|word| !word.is_empty())
            .collect()
    }
    let mut printed_invalid = 0;
    for example in tc_api_services::examples() {
        assert_eq!(
            words(example.response),
            words(example.response_as_printed),
            "{} ({})",
            example.action,
            example.title
        );
        if serde_json::from_str::<Value>(example.response_as_printed).is_err() {
            printed_invalid += 1;
        } else {
            assert_eq!(
                example.response, example.response_as_printed,
                "{}",
                example.action
            );
        }
    }
    // Most 2.0 answers are printed with a trailing comma or worse.
    assert!(printed_invalid > 30, "{printed_invalid}");
    assert_eq!(
        words(gw::examples::BATCH_TASK_RESPONSE),
        words(gw::examples::BATCH_TASK_RESPONSE_AS_PRINTED)
    );
}

fn decoded<A: Action>(example: &DocExample) -> A::Response {
    let whole: Value = serde_json::from_str(example.response).unwrap();
    serde_json::from_value(common::payload::<A>(&whole)).unwrap()
}

#[test]
fn api3_answers_decode_to_typed_values() {
    let release = decoded::<tcmpp::v20240801::ReleaseMNPVersion>(
        &tcmpp::v20240801::examples::RELEASE_MNP_VERSION,
    );
    assert_eq!(release.data.and_then(|d| d.result), Some(true));

    let package = decoded::<tcb::v20180608::CreatePostpayPackage>(
        &tcb::v20180608::examples::CREATE_POSTPAY_PACKAGE,
    );
    assert_eq!(package.tran_id.as_deref(), Some("20200603119423"));
    assert_eq!(package.env_id.as_deref(), Some("cdnheader-v2a"));

    let batch = decoded::<iotexplorer::v20190423::DescribeBatchProduction>(
        &iotexplorer::v20190423::examples::DESCRIBE_BATCH_PRODUCTION,
    );
    assert_eq!(batch.batch_cnt, Some(3));
    assert_eq!(batch.burn_method, Some(0));
    assert_eq!(batch.create_time, Some(1_572_233_486));
    assert_eq!(batch.upload_url.as_deref(), Some(""));
    assert!(
        batch
            .download_url
            .unwrap()
            .ends_with("a31f6ed1e25d3dc753516b74ee33559d37cbc7f2")
    );

    let card = decoded::<tcsas::v20250106::DescribeMNPMAUMetricCard>(
        &tcsas::v20250106::examples::DESCRIBE_MNP_MAU_METRIC_CARD,
    )
    .data
    .unwrap();
    assert_eq!(card.comparison_ratio.as_deref(), Some("-85.19%"));
    assert_eq!(card.comparison_result, Some(2));
    assert_eq!(card.flush_time, Some(1_764_593_542));
    assert_eq!(card.source_mau_num, Some(27));
    assert_eq!(card.target_mau_num, Some(4));
}

#[test]
fn api2_answers_decode_despite_the_guides_types() {
    let api = decoded::<gw::DescribeApi>(&gw::examples::DESCRIBE_API_HTTP);
    assert_eq!(api.service_type.as_deref(), Some("HTTP"));
    assert_eq!(api.service_timeout, Some(60));
    let parameter = &api.request_parameters.as_ref().unwrap()[0];
    assert_eq!(parameter.default_value.as_deref(), Some("18"));
    assert_eq!(parameter.position.as_deref(), Some("HEADER"));
    assert_eq!(parameter.required.as_deref(), Some("True"));
    let backend = &api.service_parameters.as_ref().unwrap()[0];
    assert_eq!(backend.position.as_deref(), Some("HEADER"));
    assert_eq!(
        backend.relevant_request_parameter_in.as_deref(),
        Some("HEADER")
    );

    let release = decoded::<gw::ReleaseService>(&gw::examples::RELEASE_SERVICE);
    assert_eq!(release.release_desc.as_deref(), Some("1234"));

    let versions = decoded::<gw::DescribeServiceReleaseVersion>(
        &gw::examples::DESCRIBE_SERVICE_RELEASE_VERSION,
    );
    assert_eq!(versions.total_count, Some(2));
    let list = versions.version_list.unwrap();
    assert_eq!(
        list[0].environments.as_deref(),
        Some(&["test".to_owned(), "prepub".to_owned()][..])
    );

    let environments = decoded::<gw::DescribeServiceEnvironmentList>(
        &gw::examples::DESCRIBE_SERVICE_ENVIRONMENT_LIST,
    );
    let list = environments.environment_list.unwrap();
    assert_eq!(list[1].version_name.as_deref(), Some("version-20170904xx"));
    assert_eq!(list[1].status, Some(1));

    let bound = decoded::<gw::DescribeUsagePlanEnvironments>(
        &gw::examples::DESCRIBE_USAGE_PLAN_ENVIRONMENTS,
    );
    let list = bound.environment_list.unwrap();
    assert_eq!(list[0].service_id.as_deref(), Some("sevice-XX"));
    assert_eq!(list[0].max_request_num, Some(-1));

    let plan = decoded::<gw::DescribeUsagePlan>(&gw::examples::DESCRIBE_USAGE_PLAN);
    assert_eq!(plan.bind_secret_ids.map(|ids| ids.len()), Some(2));
    assert_eq!(
        plan.bind_environments.unwrap()[1].service_id.as_deref(),
        Some("sevice-XXXX")
    );

    let mappings = decoded::<gw::DescribeServiceSubDomainMappings>(
        &gw::examples::DESCRIBE_SERVICE_SUB_DOMAIN_MAPPINGS,
    );
    assert_eq!(mappings.is_default_mapping.as_deref(), Some("FALSE"));
    assert_eq!(
        mappings.path_mapping_set.unwrap()[1].environment.as_deref(),
        Some("test")
    );

    let keys = decoded::<gw::DescribeApiKeysStatus>(&gw::examples::DESCRIBE_API_KEYS_STATUS);
    let statuses: Vec<Option<i64>> = keys
        .api_key_status_set
        .unwrap()
        .iter()
        .map(|k| k.status)
        .collect();
    assert_eq!(statuses, vec![Some(1), Some(0)]);

    let document = decoded::<gw::GenerateApiDocument>(&gw::examples::GENERATE_API_DOCUMENT);
    assert!(
        document
            .sdk_url
            .unwrap()
            .starts_with("http://api-sdk-python")
    );
}

#[test]
fn api_key_secrets_decode_but_never_print() {
    let created = decoded::<gw::CreateApiKey>(&gw::examples::CREATE_API_KEY);
    assert_eq!(
        created.secret_key.as_ref().map(|k| k.expose()),
        Some("adasfdasffa")
    );
    let shown = format!("{created:?}");
    assert!(!shown.contains("adasfdasffa"), "{shown}");
    assert!(
        shown.contains("AKIDXXXXWKipDlK"),
        "the key id is not secret: {shown}"
    );

    let read = decoded::<gw::DescribeApiKey>(&gw::examples::DESCRIBE_API_KEY);
    assert!(!format!("{read:?}").contains("asdkXXXXKOlhKn"));
    let updated = decoded::<gw::UpdateApiKey>(&gw::examples::UPDATE_API_KEY);
    assert!(!format!("{updated:?}").contains("adasfdasffa"));
}

#[test]
fn batch_task_answer_decodes_per_resource() {
    let whole: Value = serde_json::from_str(gw::examples::BATCH_TASK_RESPONSE).unwrap();
    let result: gw::BatchTaskResult = serde_json::from_value(whole).unwrap();
    let detail = result.detail.unwrap();
    // The printed example repeats one resource id; the later entry wins.
    assert_eq!(detail.len(), 1);
    let outcome = &detail["qcvm6a456b0d8f01d4b2b1f5073d3fb8ccc0"];
    assert_eq!(outcome.code, Some(0));
    assert_eq!(outcome.message.as_deref(), Some(""));
    assert_eq!(outcome.request_id.as_deref(), Some("1231231231232"));

    // A partial failure (overall code 5400) names the failed resource.
    let partial: gw::BatchTaskResult = serde_json::from_str(
        r#"{"code":5400,"message":"","detail":{
            "usagePlan-a":{"code":0,"message":"","requestId":"r1"},
            "usagePlan-b":{"code":"5100","message":"(100004)bad","requestId":"r2"}}}"#,
    )
    .unwrap();
    let detail = partial.detail.unwrap();
    let failed: Vec<&String> = detail
        .iter()
        .filter(|(_, outcome)| outcome.code != Some(0))
        .map(|(id, _)| id)
        .collect();
    assert_eq!(failed, vec!["usagePlan-b"]);
}

#[test]
fn batch_actions_answer_in_the_batch_format() {
    use std::any::TypeId;
    fn response_of<A: Action>() -> TypeId {
        TypeId::of::<A::Response>()
    }
    let batch = TypeId::of::<gw::BatchTaskResult>();
    assert_eq!(response_of::<gw::BindEnvironment>(), batch);
    assert_eq!(response_of::<gw::UnBindEnvironment>(), batch);
    assert_eq!(response_of::<gw::BindSecretIds>(), batch);
    assert_eq!(response_of::<gw::UnBindSecretIds>(), batch);
    let empty = decoded::<gw::BindSecretIds>(&gw::examples::BIND_SECRET_IDS);
    assert_eq!(empty.detail, None);
}
