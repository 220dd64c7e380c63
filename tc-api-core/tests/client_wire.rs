//! Every wire encoding end to end against the loopback server, which verifies each
//! signature with the sign module the way the cloud does.

mod client_support;

use client_support::*;
use tc_api_core::client::{HttpMethod, Language, REQUEST_CLIENT, SignMethod};
use tc_api_core::error::Error;

#[tokio::test]
async fn tc3_post_json_end_to_end() {
    let server = TestServer::start().await;
    let client = builder_for(&server).build().unwrap();
    let out = client.send(ReleaseMnpVersion::sample()).await.unwrap();
    assert_eq!(out.data.data, Some(BooleanInfo { result: true }));
    assert_eq!(out.request_id.as_str(), "req-0");

    let [req] = &server.requests()[..] else {
        panic!()
    };
    assert_eq!(req.signature, Some(Ok(())));
    assert_eq!(req.method, "POST");
    assert_eq!(req.path, "/");
    assert_eq!(req.query, "");
    assert_eq!(req.header("content-type"), Some("application/json"));
    assert_eq!(
        req.header("host"),
        Some(server.host().as_str()),
        "Host carries the port"
    );
    assert_eq!(req.header("x-tc-action"), Some("ReleaseMNPVersion"));
    assert_eq!(req.header("x-tc-version"), Some("2024-08-01"));
    assert_eq!(req.header("x-tc-region"), Some("ap-guangzhou"));
    assert_eq!(req.header("x-tc-requestclient"), Some(REQUEST_CLIENT));
    assert_eq!(req.header("x-tc-language"), None, "not sent unless set");
    assert_eq!(req.header("x-tc-token"), None);
    let stamp: i64 = req.header("x-tc-timestamp").unwrap().parse().unwrap();
    assert!((stamp - unix(std::time::SystemTime::now())).abs() <= 2);
    let auth = req.header("authorization").unwrap();
    assert!(
        auth.starts_with(&format!("TC3-HMAC-SHA256 Credential={SECRET_ID}/")),
        "{auth}"
    );
    assert!(auth.contains("/tcmpp/tc3_request, SignedHeaders=content-type;host, Signature="));
    // 64-bit id survives; body is the serde JSON of the action.
    assert_eq!(
        req.json(),
        serde_json::json!({"MNPVersionId": 9_432_130_281i64, "PlatformId": "T04257DS9431720WTAG"})
    );
}

#[tokio::test]
async fn tc3_get_puts_flattened_params_in_the_signed_query() {
    let server = TestServer::start().await;
    let client = builder_for(&server)
        .http_method(HttpMethod::Get)
        .build()
        .unwrap();
    client.send(DescribeThings::sample()).await.unwrap();
    let [req] = &server.requests()[..] else {
        panic!()
    };
    assert_eq!(req.signature, Some(Ok(())));
    assert_eq!(req.method, "GET");
    assert!(req.body.is_empty());
    assert_eq!(
        req.header("content-type"),
        Some("application/x-www-form-urlencoded")
    );
    assert_eq!(
        req.query,
        "Filters.0.Name=instance-name&Filters.0.Values.0=%E6%9C%AA%E5%91%BD%E5%90%8D+a%2Bb&Filters.0.Values.1=x%26y%3Dz&Limit=1"
    );
}

#[tokio::test]
async fn tc3_with_token_language_suffix_extra_header_and_unsigned_payload() {
    let server = TestServer::start().await;
    let client = builder_for(&server)
        .credential(temporary_credential())
        .language(Language::EnUs)
        .request_client_suffix("my-app/1.0")
        .header("X-TC-TraceId", "trace-123")
        .unsigned_payload(true)
        .build()
        .unwrap();
    client.send(ReleaseMnpVersion::sample()).await.unwrap();
    let [req] = &server.requests()[..] else {
        panic!()
    };
    assert_eq!(req.signature, Some(Ok(())));
    assert_eq!(req.header("x-tc-token"), Some(TOKEN));
    assert_eq!(req.header("x-tc-language"), Some("en-US"));
    assert_eq!(
        req.header("x-tc-requestclient"),
        Some(format!("{REQUEST_CLIENT}; my-app/1.0").as_str())
    );
    assert_eq!(req.header("x-tc-traceid"), Some("trace-123"));
    assert_eq!(req.header("x-tc-content-sha256"), Some("UNSIGNED-PAYLOAD"));
}

#[tokio::test]
async fn v1_signatures_for_api3_post_and_get() {
    for (sign, wire) in [
        (SignMethod::HmacSha1, "HmacSHA1"),
        (SignMethod::HmacSha256, "HmacSHA256"),
    ] {
        for method in [HttpMethod::Post, HttpMethod::Get] {
            let server = TestServer::start().await;
            let client = builder_for(&server)
                .credential(temporary_credential())
                .sign_method(sign)
                .http_method(method)
                .language(Language::ZhCn)
                .build()
                .unwrap();
            let out = client.send(DescribeThings::sample()).await.unwrap();
            assert!(out.data.data.unwrap().result);
            let [req] = &server.requests()[..] else {
                panic!()
            };
            let ctx = format!("{wire} {method:?}");
            assert_eq!(req.signature, Some(Ok(())), "{ctx}");
            assert_eq!(req.path, "/", "{ctx}");
            assert_eq!(req.header("authorization"), None, "{ctx}");
            let expect = [
                ("Action", "DescribeBatchProduction"),
                ("Version", "2019-04-23"),
                ("Region", "ap-guangzhou"),
                ("SecretId", SECRET_ID),
                ("SignatureMethod", wire),
                ("Token", TOKEN),
                ("Language", "zh-CN"),
                ("RequestClient", REQUEST_CLIENT),
                ("Filters.0.Name", "instance-name"),
                ("Filters.0.Values.0", "未命名 a+b"),
                ("Filters.0.Values.1", "x&y=z"),
                ("Limit", "1"),
            ];
            for (name, value) in expect {
                assert_eq!(req.param(name).as_deref(), Some(value), "{ctx} {name}");
            }
            assert!(req.param("Nonce").unwrap().parse::<u32>().unwrap() > 0);
            match method {
                HttpMethod::Post => {
                    assert_eq!(
                        req.header("content-type"),
                        Some("application/x-www-form-urlencoded")
                    );
                    assert!(req.query.is_empty());
                }
                HttpMethod::Get => assert!(req.body.is_empty()),
            }
        }
    }
}

#[tokio::test]
async fn api2_goes_to_v2_index_php_with_v1_signature_and_no_version() {
    for (sign, wire) in [
        (SignMethod::Tc3HmacSha256, "HmacSHA256"),
        (SignMethod::HmacSha1, "HmacSHA1"),
        (SignMethod::HmacSha256, "HmacSHA256"),
    ] {
        for method in [HttpMethod::Get, HttpMethod::Post] {
            let server = TestServer::start().await;
            let client = builder_for(&server)
                .sign_method(sign)
                .http_method(method)
                .build()
                .unwrap();
            let out = client.send(DescribeServiceV2::sample()).await.unwrap();
            assert_eq!(out.data.service_id, "service-0");
            assert_eq!(out.request_id.as_str(), "v2-req-0");
            let [req] = &server.requests()[..] else {
                panic!()
            };
            let ctx = format!("{wire} {method:?}");
            assert_eq!(req.signature, Some(Ok(())), "{ctx}");
            assert_eq!(req.path, "/v2/index.php", "{ctx}");
            assert_eq!(req.param("SignatureMethod").as_deref(), Some(wire), "{ctx}");
            assert_eq!(req.param("Action").as_deref(), Some("DescribeService"));
            assert_eq!(req.param("Version"), None, "API 2.0 sends no Version");
            assert_eq!(req.param("Region").as_deref(), Some("ap-guangzhou"));
            assert_eq!(req.param("serviceId").as_deref(), Some("service-abc"));
            assert_eq!(req.param("apiIds.0").as_deref(), Some("api-1"));
            assert_eq!(req.param("apiIds.1").as_deref(), Some("api 2"));
        }
    }
}

#[tokio::test]
async fn the_server_rejects_a_wrong_key_so_the_checks_above_mean_something() {
    let server = TestServer::start().await;
    for sign in [SignMethod::Tc3HmacSha256, SignMethod::HmacSha256] {
        let client = builder_for(&server)
            .credential(tc_api_core::credential::Credential::new(SECRET_ID, "not-the-key").unwrap())
            .sign_method(sign)
            .build()
            .unwrap();
        let err = client.send(ReleaseMnpVersion::sample()).await.unwrap_err();
        assert!(
            matches!(&err, Error::Api { code, .. } if code == "AuthFailure.SignatureFailure"),
            "{err:?}"
        );
    }
    let requests = server.requests();
    assert_eq!(requests.len(), 2, "auth failures are not retried");
    assert!(requests.iter().all(|r| matches!(r.signature, Some(Err(_)))));
}

#[tokio::test]
async fn clones_share_one_client_and_work_concurrently() {
    let server = TestServer::start().await;
    let client = builder_for(&server).build().unwrap();
    let mut tasks = Vec::new();
    for i in 0..16 {
        let client = client.clone();
        tasks.push(tokio::spawn(async move {
            client
                .send(ReleaseMnpVersion {
                    mnp_version_id: i,
                    platform_id: "p".into(),
                })
                .await
        }));
    }
    for task in tasks {
        task.await.unwrap().unwrap();
    }
    assert_eq!(server.count(), 16);
    assert!(
        server
            .requests()
            .iter()
            .all(|r| r.signature == Some(Ok(())))
    );
}
