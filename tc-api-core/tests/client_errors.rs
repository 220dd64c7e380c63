//! Each error kind, as the client reports it, with its RequestId where one was sent.

mod client_support;

use std::time::Duration;

use client_support::*;
use serde::Serialize;
use tc_api_core::action::{Action, ActionMeta, ApiStyle, CommonErrorCode, RegionPolicy};
use tc_api_core::client::{Client, HttpMethod, SignMethod};
use tc_api_core::credential::{DefaultChain, Environment};
use tc_api_core::error::{ConfigError, Error, InvalidRequest, TransportPhase, V2Code};

#[tokio::test]
async fn api_error_carries_code_message_request_id_status_and_typed_code() {
    let server = TestServer::start().await;
    server.script([
        Reply::api_error("FailedOperation.MNPVersionReleased", "rid-released"),
        Reply::Json {
            status: 400,
            body: r#"{"Response":{"Error":{"Code":"InvalidParameter","Message":"bad"},"RequestId":"rid-400"}}"#.into(),
            headers: vec![],
        },
    ]);
    let client = builder_for(&server).build().unwrap();
    let err = client.send(ReleaseMnpVersion::sample()).await.unwrap_err();
    match &err {
        Error::Api {
            code,
            message,
            request_id,
            http_status,
        } => {
            assert_eq!(code, "FailedOperation.MNPVersionReleased");
            assert_eq!(message, "scripted FailedOperation.MNPVersionReleased");
            assert_eq!(request_id.as_ref().unwrap().as_str(), "rid-released");
            assert_eq!(*http_status, 200);
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(err.code(), Some("FailedOperation.MNPVersionReleased"));
    assert_eq!(err.request_id().unwrap().as_str(), "rid-released");
    assert_eq!(
        err.action_error::<ReleaseMnpVersion>(),
        Some(ReleaseError::MnpVersionReleased)
    );
    assert!(!err.is_retryable() && !err.is_throttling());
    assert!(err.to_string().contains("rid-released"), "{err}");

    let err = client.send(ReleaseMnpVersion::sample()).await.unwrap_err();
    assert_eq!(err.http_status(), Some(400));
    assert_eq!(err.code(), Some("InvalidParameter"));
    assert_eq!(
        err.action_error::<DescribeThings>(),
        Some(CommonErrorCode::InvalidParameter)
    );
    assert_eq!(server.count(), 2, "API errors are not retried");
}

#[tokio::test]
async fn api2_error_with_numeric_or_string_code_maps_to_named_variants() {
    let server = TestServer::start().await;
    server.script([
        Reply::json(r#"{"code":"4000","message":"(100004)serviceId is incorrect","codeDesc":"InvalidParameter","requestId":"v2-rid"}"#),
        Reply::json(r#"{"code":6200,"message":"maintenance"}"#),
    ]);
    let client = builder_for(&server).build().unwrap();
    let err = client.send(DescribeServiceV2::sample()).await.unwrap_err();
    match &err {
        Error::ApiV2 {
            code,
            message,
            code_desc,
            request_id,
            http_status,
            body,
        } => {
            assert_eq!(*code, V2Code::InvalidParameter);
            assert!(body.as_bytes().starts_with(br#"{"code":"4000""#));
            assert_eq!(message, "(100004)serviceId is incorrect");
            assert_eq!(code_desc.as_deref(), Some("InvalidParameter"));
            assert_eq!(request_id.as_ref().unwrap().as_str(), "v2-rid");
            assert_eq!(*http_status, 200);
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(err.code(), Some("4000"));
    let err = client.send(DescribeServiceV2::sample()).await.unwrap_err();
    assert!(
        matches!(
            err,
            Error::ApiV2 {
                code: V2Code::ApiUnavailable,
                ..
            }
        ),
        "{err:?}"
    );
    assert!(err.request_id().is_none());
}

#[tokio::test]
async fn api2_partial_success_shows_which_resources_failed() {
    let server = TestServer::start().await;
    server.script([Reply::json(
        r#"{"code":5400,"message":"partly failed","requestId":"batch-1","detail":{"plan-a":{"code":0,"message":"","requestId":"t-a"},"plan-b":{"code":5100,"message":"(100004)bad plan","requestId":"t-b"}}}"#,
    )]);
    let client = builder_for(&server).build().unwrap();
    let err = client.send(DescribeServiceV2::sample()).await.unwrap_err();
    assert!(
        matches!(
            err,
            Error::ApiV2 {
                code: V2Code::PartialSuccess,
                ..
            }
        ),
        "{err:?}"
    );
    assert_eq!(err.code(), Some("5400"));
    assert_eq!(err.request_id().unwrap().as_str(), "batch-1");
    let detail = err.v2_detail().expect("the detail map is kept");
    assert_eq!(detail["plan-b"]["code"], 5100);
    assert_eq!(detail["plan-b"]["message"], "(100004)bad plan");
    assert_eq!(detail["plan-a"]["code"], 0);
    assert_eq!(server.count(), 1, "5400 is not retried");
}

#[tokio::test]
async fn http_status_without_envelope() {
    let server = TestServer::start().await;
    server.script([Reply::status(404, "<html>not here</html>")]);
    let client = builder_for(&server).build().unwrap();
    let err = client.send(DescribeThings::sample()).await.unwrap_err();
    assert!(
        matches!(&err, Error::HttpStatus { status: 404, excerpt, .. } if excerpt.contains("not here")),
        "{err:?}"
    );
    assert!(!err.is_retryable());
    assert_eq!(server.count(), 1);
}

#[tokio::test]
async fn decode_error_has_a_bounded_excerpt_and_the_request_id() {
    let server = TestServer::start().await;
    let long_garbage = format!("{{\"Response\": [{}", "x".repeat(5000));
    server.script([
        Reply::json(r#"{"Response":{"Data":{"Result":"not a bool"},"RequestId":"rid-decode"}}"#),
        Reply::json(long_garbage),
    ]);
    let client = builder_for(&server).build().unwrap();
    let err = client.send(DescribeThings::sample()).await.unwrap_err();
    match &err {
        Error::Decode {
            excerpt,
            request_id,
            http_status,
            reason,
        } => {
            assert!(excerpt.contains("not a bool"));
            assert_eq!(request_id.as_ref().unwrap().as_str(), "rid-decode");
            assert_eq!(*http_status, 200);
            assert!(reason.contains("invalid type"), "{reason}");
        }
        other => panic!("{other:?}"),
    }
    let err = client.send(DescribeThings::sample()).await.unwrap_err();
    match &err {
        Error::Decode { excerpt, .. } => {
            assert!(excerpt.chars().count() <= 201, "{}", excerpt.len())
        }
        other => panic!("{other:?}"),
    }
    assert!(
        !err.is_retryable(),
        "a decoded answer means the server acted"
    );
}

#[tokio::test]
async fn answers_over_the_size_cap_are_refused() {
    let server = TestServer::start().await;
    let big = format!(
        r#"{{"Response":{{"RequestId":"x","Pad":"{}"}}}}"#,
        "y".repeat(4096)
    );
    // Chunked, so the cap must be enforced while streaming.
    let chunked = format!(
        "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ntransfer-encoding: chunked\r\n\r\n{:x}\r\n{big}\r\n0\r\n\r\n",
        big.len()
    );
    server.script([Reply::json(big.clone()), Reply::Raw(chunked.into_bytes())]);
    let client = builder_for(&server)
        .max_response_bytes(1024)
        .build()
        .unwrap();
    for _ in 0..2 {
        let err = client.send(DescribeThings::sample()).await.unwrap_err();
        assert!(
            matches!(
                err,
                Error::TooLarge {
                    limit: 1024,
                    http_status: 200
                }
            ),
            "{err:?}"
        );
    }
}

#[tokio::test]
async fn transport_errors_say_whether_anything_was_sent_and_hide_the_url() {
    let closed = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = closed.local_addr().unwrap().port();
    drop(closed);
    let client = Client::builder()
        .credential(temporary_credential())
        .region("ap-guangzhou")
        .endpoint(format!("http://127.0.0.1:{port}"))
        .no_env_proxy()
        .max_attempts(1)
        .build()
        .unwrap();
    let err = client.send(ReleaseMnpVersion::sample()).await.unwrap_err();
    assert!(
        matches!(
            err,
            Error::Transport {
                phase: TransportPhase::Connect,
                ..
            }
        ),
        "{err:?}"
    );
    assert!(err.is_retryable() && !err.is_ambiguous());

    // A v1 GET puts SecretId, Token and Signature in the URL: the error must not.
    let server = TestServer::start().await;
    server.script([Reply::Drop]);
    let client = builder_for(&server)
        .credential(temporary_credential())
        .sign_method(SignMethod::HmacSha256)
        .http_method(HttpMethod::Get)
        .build()
        .unwrap();
    let err = client.send(ReleaseMnpVersion::sample()).await.unwrap_err();
    assert!(
        matches!(
            err,
            Error::Transport {
                phase: TransportPhase::Exchange,
                ..
            }
        ),
        "{err:?}"
    );
    assert!(err.is_ambiguous());
    let mut text = format!("{err} {err:?}");
    let mut source = std::error::Error::source(&err);
    while let Some(s) = source {
        text.push_str(&format!(" {s} {s:?}"));
        source = s.source();
    }
    for secret in [SECRET_ID, SECRET_KEY, TOKEN, "Signature="] {
        assert!(!text.contains(secret), "{secret} leaked: {text}");
    }
}

#[tokio::test]
async fn credential_errors_are_reported_and_nothing_is_sent() {
    let server = TestServer::start().await;
    let empty = Environment::from_vars(Vec::<(String, String)>::new());
    let client = Client::builder()
        .credential_provider(DefaultChain::with_environment(empty).without_cvm_role())
        .endpoint(server.url())
        .region("ap-guangzhou")
        .build()
        .unwrap();
    let err = client.send(ReleaseMnpVersion::sample()).await.unwrap_err();
    assert!(matches!(err, Error::Credential(_)), "{err:?}");
    assert!(!err.is_retryable());
    assert_eq!(server.count(), 0);
}

/// An action whose parameters cannot be serialized.
struct Unserializable;

impl Serialize for Unserializable {
    fn serialize<S: serde::Serializer>(&self, _: S) -> Result<S::Ok, S::Error> {
        Err(serde::ser::Error::custom("this value cannot be written"))
    }
}

impl Action for Unserializable {
    type Response = tc_api_core::Empty;
    type ErrorCode = CommonErrorCode;
    const META: ActionMeta = ActionMeta {
        service: "tcmpp",
        action: "Broken",
        style: ApiStyle::V3 {
            version: "2024-08-01",
        },
        host: None,
        region: RegionPolicy::Optional { allowed: &[] },
        rate_limit: None,
        idempotent: true,
    };
}

#[tokio::test]
async fn serialization_failures_are_invalid_requests() {
    let server = TestServer::start().await;
    let post = builder_for(&server).build().unwrap();
    let err = post.send(Unserializable).await.unwrap_err();
    assert!(
        matches!(
            err,
            Error::InvalidRequest(InvalidRequest::Serialize {
                action: "Broken",
                ..
            })
        ),
        "{err:?}"
    );
    let get = builder_for(&server)
        .http_method(HttpMethod::Get)
        .build()
        .unwrap();
    let err = get.send(Unserializable).await.unwrap_err();
    assert!(
        matches!(
            err,
            Error::InvalidRequest(InvalidRequest::Flatten {
                action: "Broken",
                ..
            })
        ),
        "{err:?}"
    );
    assert_eq!(server.count(), 0);
}

#[test]
fn config_errors_from_build() {
    let err = Client::builder().endpoint("http://").build().unwrap_err();
    assert!(
        matches!(err, Error::Config(ConfigError::InvalidEndpoint { .. })),
        "{err}"
    );
    let err = Client::builder()
        .header("Authorization", "x")
        .build()
        .unwrap_err();
    assert!(
        matches!(err, Error::Config(ConfigError::ReservedHeader(_))),
        "{err}"
    );
    let err = Client::builder()
        .total_timeout(Duration::ZERO)
        .build()
        .unwrap_err();
    assert!(
        matches!(err, Error::Config(ConfigError::ZeroTimeout(_))),
        "{err}"
    );
}
