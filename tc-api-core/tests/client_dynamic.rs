//! Calls by name (`call_json`, `call_json_v2`) and typed actions read as JSON
//! (`send_json`): the same pipeline as `send` (encoding, signing, retries, errors), with
//! metadata made at run time.

mod client_support;

use std::time::Duration;

use client_support::*;
use serde_json::json;
use tc_api_core::client::{HttpMethod, SignMethod};
use tc_api_core::error::{Error, InvalidRequest};

#[tokio::test]
async fn call_json_posts_the_object_signed_with_tc3() {
    let server = TestServer::start().await;
    let client = builder_for(&server).build().unwrap();
    let params = json!({"Limit": 2, "Filters": [{"Name": "zone", "Values": ["ap-guangzhou-3"]}]});
    let out = client
        .call_json("cvm", "2017-03-12", "DescribeInstances", params.clone())
        .await
        .unwrap();
    // The server's default answer, minus RequestId, with fields no type declares.
    assert_eq!(
        out.data,
        json!({"Data": {"Result": true, "Unknown": "x"}, "Extra": null})
    );
    assert_eq!(out.request_id.as_str(), "req-0");
    let request = &server.requests()[0];
    assert_eq!(request.signature, Some(Ok(())));
    assert_eq!(request.method, "POST");
    assert_eq!(request.header("x-tc-action"), Some("DescribeInstances"));
    assert_eq!(request.header("x-tc-version"), Some("2017-03-12"));
    assert_eq!(request.header("x-tc-region"), Some("ap-guangzhou"));
    assert_eq!(request.json(), params);
    assert!(
        request
            .header("authorization")
            .unwrap()
            .contains("/cvm/tc3_request"),
        "the service is the credential scope"
    );
}

#[tokio::test]
async fn the_region_is_optional_and_null_means_no_parameters() {
    let server = TestServer::start().await;
    let client = builder_for(&server)
        .build()
        .unwrap()
        .with_region(None)
        .unwrap();
    client
        .call_json(
            "cvm",
            "2017-03-12",
            "DescribeZones",
            serde_json::Value::Null,
        )
        .await
        .unwrap();
    let request = &server.requests()[0];
    assert_eq!(request.header("x-tc-region"), None);
    assert_eq!(request.json(), json!({}));
}

#[tokio::test]
async fn call_json_flattens_for_v1_get() {
    let server = TestServer::start().await;
    let client = builder_for(&server)
        .sign_method(SignMethod::HmacSha256)
        .http_method(HttpMethod::Get)
        .build()
        .unwrap();
    client
        .call_json(
            "cvm",
            "2017-03-12",
            "DescribeInstances",
            json!({"Filters": [{"Name": "zone", "Values": ["a", "b"]}], "Limit": 1}),
        )
        .await
        .unwrap();
    let request = &server.requests()[0];
    assert_eq!(request.signature, Some(Ok(())));
    assert_eq!(request.method, "GET");
    assert_eq!(
        request.param("Action").as_deref(),
        Some("DescribeInstances")
    );
    assert_eq!(request.param("Version").as_deref(), Some("2017-03-12"));
    assert_eq!(request.param("Filters.0.Values.1").as_deref(), Some("b"));
    assert_eq!(request.param("Limit").as_deref(), Some("1"));
}

#[tokio::test]
async fn call_json_v2_uses_the_api2_encoding_and_envelope() {
    let server = TestServer::start().await;
    let client = builder_for(&server).build().unwrap();
    let out = client
        .call_json_v2(
            "apigateway",
            "DescribeService",
            json!({"serviceId": "service-1"}),
        )
        .await
        .unwrap();
    assert_eq!(
        out.data,
        json!({"serviceId": "service-0", "newField": [1, 2]}),
        "code, message, codeDesc and requestId are the envelope's"
    );
    assert_eq!(out.request_id.as_str(), "v2-req-0");
    let request = &server.requests()[0];
    assert_eq!(request.signature, Some(Ok(())));
    assert_eq!(request.path, "/v2/index.php");
    assert_eq!(request.param("Action").as_deref(), Some("DescribeService"));
    assert_eq!(request.param("serviceId").as_deref(), Some("service-1"));
    assert_eq!(request.param("Version"), None);
}

#[tokio::test]
async fn api_errors_keep_code_message_and_request_id() {
    let server = TestServer::start().await;
    server.script([Reply::api_error("InvalidAction", "err-1")]);
    let client = builder_for(&server).build().unwrap();
    let err = client
        .call_json("cvm", "2017-03-12", "DescribeNothing", json!({}))
        .await
        .unwrap_err();
    assert_eq!(err.code(), Some("InvalidAction"));
    assert_eq!(err.request_id().unwrap().as_str(), "err-1");
    assert!(err.to_string().contains("scripted InvalidAction"), "{err}");
}

#[tokio::test]
async fn throttling_is_retried_like_any_call() {
    let server = TestServer::start().await;
    server.script([Reply::throttled()]);
    let client = builder_for(&server).build().unwrap();
    client
        .call_json("cvm", "2017-03-12", "RunInstances", json!({}))
        .await
        .unwrap();
    assert_eq!(server.count(), 2);
}

#[tokio::test]
async fn only_read_only_names_are_retried_after_an_unknown_outcome() {
    let server = TestServer::start().await;
    server.script([Reply::Drop]);
    let client = builder_for(&server).build().unwrap();
    client
        .call_json("cvm", "2017-03-12", "DescribeZones", json!({}))
        .await
        .unwrap();
    assert_eq!(server.count(), 2, "Describe* is idempotent: retried");

    let server = TestServer::start().await;
    server.script([Reply::Drop]);
    let client = builder_for(&server).build().unwrap();
    let err = client
        .call_json("cvm", "2017-03-12", "RunInstances", json!({}))
        .await
        .unwrap_err();
    assert!(err.is_ambiguous(), "{err:?}");
    assert_eq!(server.count(), 1, "RunInstances may have run: not repeated");
}

#[tokio::test]
async fn bad_names_and_parameters_are_refused_before_sending() {
    let server = TestServer::start().await;
    let client = builder_for(&server)
        .total_timeout(Duration::from_secs(5))
        .build()
        .unwrap();
    let cases = [
        ("CVM", "2017-03-12", "DescribeZones", json!({}), "service"),
        ("cvm", "17-03-12", "DescribeZones", json!({}), "version"),
        ("cvm", "2017-03-12", "describe-zones", json!({}), "action"),
    ];
    for (service, version, action, params, kind) in cases {
        let err = client
            .call_json(service, version, action, params)
            .await
            .unwrap_err();
        assert!(
            matches!(&err, Error::InvalidRequest(InvalidRequest::InvalidName { kind: k, .. }) if *k == kind),
            "{err:?}"
        );
    }
    let err = client
        .call_json("cvm", "2017-03-12", "DescribeZones", json!([1, 2]))
        .await
        .unwrap_err();
    assert!(
        matches!(
            &err,
            Error::InvalidRequest(InvalidRequest::ParamsNotObject { found: "array", .. })
        ),
        "{err:?}"
    );
    let err = client
        .call_json_v2("apigateway", "Describe.Service", json!({}))
        .await
        .unwrap_err();
    assert!(err.to_string().contains("PascalCase"), "{err}");
    assert_eq!(server.count(), 0);
}

#[tokio::test]
async fn send_json_keeps_what_the_typed_response_drops() {
    let server = TestServer::start().await;
    let client = builder_for(&server).build().unwrap();
    let out = client
        .send_json(&ReleaseMnpVersion::sample())
        .await
        .unwrap();
    assert_eq!(
        out.data,
        json!({"Data": {"Result": true, "Unknown": "x"}, "Extra": null})
    );
    let request = &server.requests()[0];
    assert_eq!(request.header("x-tc-action"), Some("ReleaseMNPVersion"));
    assert_eq!(request.signature, Some(Ok(())));
}
