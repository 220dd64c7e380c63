//! One span per call and per attempt with the documented fields, and no secret in any
//! log line, whatever the path (TC3, v1 GET whose URL holds the token, retries, errors).
//! Alone in its binary, as `credential_cvm_log.rs` explains: a scoped subscriber misses
//! statements another test's thread reaches first.

mod client_support;

use client_support::*;
use tc_api_core::client::{HttpMethod, SignMethod};
use tracing_subscriber::fmt::format::FmtSpan;

#[tokio::test]
async fn spans_carry_call_and_attempt_fields_and_no_secret_is_logged() {
    let capture = LogCapture::start(FmtSpan::CLOSE);

    let server = TestServer::start().await;
    let tc3 = builder_for(&server)
        .credential(temporary_credential())
        .build()
        .unwrap();
    server.script([Reply::throttled()]);
    tc3.send(ReleaseMnpVersion::sample()).await.unwrap();
    server.script([Reply::api_error(
        "FailedOperation.MNPVersionReleased",
        "rid-err",
    )]);
    tc3.send(ReleaseMnpVersion::sample()).await.unwrap_err();

    let v1_get = builder_for(&server)
        .credential(temporary_credential())
        .sign_method(SignMethod::HmacSha256)
        .http_method(HttpMethod::Get)
        .build()
        .unwrap();
    server.script([Reply::Drop]);
    v1_get.send(DescribeThings::sample()).await.unwrap();
    server.script([Reply::Drop]);
    v1_get.send(ReleaseMnpVersion::sample()).await.unwrap_err();

    server.set_clock_offset(3600);
    tc3.send(DescribeThings::sample()).await.unwrap();

    let log = capture.text();
    for expected in [
        "tc_api.call",
        "tc_api.attempt",
        "service=\"tcmpp\"",
        "action=\"ReleaseMNPVersion\"",
        "region=\"ap-guangzhou\"",
        "attempt=2",
        "request_id=\"req-0\"",
        "request_id=\"rid-err\"",
        "latency_ms=",
        "retrying",
        "clock skew",
        "not retrying",
    ] {
        assert!(log.contains(expected), "missing {expected:?} in:\n{log}");
    }
    for secret in [SECRET_KEY, TOKEN, SECRET_ID, "Signature="] {
        assert!(!log.contains(secret), "{secret:?} leaked in:\n{log}");
    }
}
