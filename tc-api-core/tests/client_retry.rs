//! Retries: what is retried, how often, re-signed each time, within the budget; and
//! clock-skew correction.

mod client_support;

use std::collections::HashSet;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, SystemTime};

use client_support::*;
use tc_api_core::client::{Client, HttpMethod, SignMethod};
use tc_api_core::error::{Error, TransportPhase};

/// A clock that moves one second forward at every reading, so that every attempt has
/// its own X-TC-Timestamp.
fn ticking_clock() -> impl Fn() -> SystemTime + Send + Sync + 'static {
    let start = SystemTime::now();
    let ticks = Arc::new(AtomicU64::new(0));
    move || start + Duration::from_secs(ticks.fetch_add(1, Ordering::Relaxed))
}

#[tokio::test]
async fn throttling_is_retried_and_every_attempt_is_re_signed() {
    let server = TestServer::start().await;
    server.script([
        Reply::throttled(),
        Reply::api_error("RequestLimitExceeded.UinLimitExceeded", "t-2"),
    ]);
    let client = builder_for(&server).clock(ticking_clock()).build().unwrap();
    let out = client.send(ReleaseMnpVersion::sample()).await.unwrap();
    assert!(out.data.data.unwrap().result);
    let requests = server.requests();
    assert_eq!(requests.len(), 3, "two throttled attempts, then success");
    assert!(requests.iter().all(|r| r.signature == Some(Ok(()))));
    let stamps: HashSet<_> = requests
        .iter()
        .map(|r| r.header("x-tc-timestamp").unwrap().to_owned())
        .collect();
    let auths: HashSet<_> = requests
        .iter()
        .map(|r| r.header("authorization").unwrap().to_owned())
        .collect();
    assert_eq!(stamps.len(), 3, "fresh timestamp per attempt: {stamps:?}");
    assert_eq!(auths.len(), 3, "fresh signature per attempt");
}

#[tokio::test]
async fn v1_attempts_get_a_fresh_nonce_and_signature() {
    let server = TestServer::start().await;
    server.script([Reply::throttled(), Reply::throttled()]);
    let client = builder_for(&server)
        .sign_method(SignMethod::HmacSha1)
        .http_method(HttpMethod::Get)
        .build()
        .unwrap();
    client.send(ReleaseMnpVersion::sample()).await.unwrap();
    let requests = server.requests();
    assert_eq!(requests.len(), 3);
    let nonces: HashSet<_> = requests.iter().map(|r| r.param("Nonce").unwrap()).collect();
    let signatures: HashSet<_> = requests
        .iter()
        .map(|r| r.param("Signature").unwrap())
        .collect();
    assert_eq!(nonces.len(), 3);
    assert_eq!(signatures.len(), 3);
    assert!(requests.iter().all(|r| r.signature == Some(Ok(()))));
}

#[tokio::test]
async fn throttling_stops_at_max_attempts() {
    let server = TestServer::start().await;
    server.script(std::iter::repeat_n(Reply::throttled(), 5));
    let client = builder_for(&server).max_attempts(3).build().unwrap();
    let err = client.send(DescribeThings::sample()).await.unwrap_err();
    assert!(err.is_throttling() && err.is_retryable(), "{err:?}");
    assert_eq!(err.request_id().unwrap().as_str(), "throttled-id");
    assert_eq!(server.count(), 3);
}

#[tokio::test]
async fn non_idempotent_action_is_not_retried_after_a_dropped_connection() {
    let server = TestServer::start().await;
    server.script([Reply::Drop]);
    let client = builder_for(&server).build().unwrap();
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
    assert_eq!(server.count(), 1, "the server read exactly one request");
}

#[tokio::test]
async fn idempotent_action_is_retried_after_a_dropped_connection() {
    let server = TestServer::start().await;
    server.script([Reply::Drop]);
    let client = builder_for(&server).build().unwrap();
    client.send(DescribeThings::sample()).await.unwrap();
    assert_eq!(server.count(), 2);
}

#[tokio::test]
async fn non_idempotent_retry_of_ambiguous_failures_is_opt_in() {
    let server = TestServer::start().await;
    server.script([Reply::Drop, Reply::status(502, "bad gateway")]);
    let client = builder_for(&server)
        .retry_ambiguous_non_idempotent(true)
        .build()
        .unwrap();
    client.send(ReleaseMnpVersion::sample()).await.unwrap();
    assert_eq!(server.count(), 3);
}

#[tokio::test]
async fn http_503_is_retried_for_any_action_502_only_for_idempotent_ones() {
    let server = TestServer::start().await;
    server.script([Reply::status(503, "unavailable")]);
    let client = builder_for(&server).build().unwrap();
    client.send(ReleaseMnpVersion::sample()).await.unwrap();
    assert_eq!(server.count(), 2);

    server.script([Reply::status(502, "bad gateway")]);
    let err = client.send(ReleaseMnpVersion::sample()).await.unwrap_err();
    assert!(
        matches!(err, Error::HttpStatus { status: 502, .. }),
        "{err:?}"
    );
    assert_eq!(
        server.count(),
        3,
        "502 of a non-idempotent action: not retried"
    );

    server.script([Reply::status(502, "bad gateway")]);
    client.send(DescribeThings::sample()).await.unwrap();
    assert_eq!(server.count(), 5);
}

#[tokio::test]
async fn internal_error_is_not_retried() {
    let server = TestServer::start().await;
    server.script([Reply::api_error("InternalError", "ie-1")]);
    let client = builder_for(&server).build().unwrap();
    let err = client.send(DescribeThings::sample()).await.unwrap_err();
    assert_eq!(err.code(), Some("InternalError"));
    assert!(!err.is_retryable());
    assert_eq!(server.count(), 1);
}

#[tokio::test]
async fn connect_refused_is_retried_even_for_non_idempotent_actions() {
    // Nothing listens at first; the server appears on the same port a little later.
    let probe = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = probe.local_addr().unwrap();
    drop(probe);
    let late = tokio::spawn(async move {
        tokio::time::sleep(Duration::from_millis(150)).await;
        let listener = tokio::net::TcpListener::bind(addr).await.unwrap();
        TestServer::serve(listener)
    });
    let client = Client::builder()
        .credential(credential())
        .region("ap-guangzhou")
        .endpoint(format!("http://{addr}"))
        .no_env_proxy()
        .max_attempts(20)
        .backoff(Duration::from_millis(100), Duration::from_millis(200))
        .build()
        .unwrap();
    client.send(ReleaseMnpVersion::sample()).await.unwrap();
    let server = late.await.unwrap();
    assert_eq!(
        server.count(),
        1,
        "only the attempt that connected was sent"
    );
}

#[tokio::test]
async fn retries_stop_when_the_budget_is_empty() {
    let server = TestServer::start().await;
    server.script(std::iter::repeat_n(Reply::throttled(), 4));
    let client = builder_for(&server)
        .max_attempts(10)
        .retry_budget(10)
        .build()
        .unwrap();
    let err = client.send(DescribeThings::sample()).await.unwrap_err();
    assert!(err.is_throttling());
    assert_eq!(server.count(), 3, "10 tokens pay for two retries of 5");
    assert_eq!(client.retry_tokens(), 0);

    let err = client.send(DescribeThings::sample()).await.unwrap_err();
    assert!(err.is_throttling());
    assert_eq!(
        server.count(),
        4,
        "an empty bucket allows the first attempt only"
    );

    // A clone shares the bucket; a first-attempt success refunds one token.
    let clone = client.clone();
    clone.send(DescribeThings::sample()).await.unwrap();
    assert_eq!(client.retry_tokens(), 1);
}

#[tokio::test]
async fn clock_skew_is_corrected_from_the_date_header_once_and_remembered() {
    let server = TestServer::start().await;
    server.set_clock_offset(3600); // the server's clock is an hour ahead
    let client = builder_for(&server).max_attempts(1).build().unwrap();
    let out = client.send(ReleaseMnpVersion::sample()).await.unwrap();
    assert!(out.data.data.is_some());
    let requests = server.requests();
    assert_eq!(
        requests.len(),
        2,
        "rejected once, then re-signed with the server's time"
    );
    let first: i64 = requests[0]
        .header("x-tc-timestamp")
        .unwrap()
        .parse()
        .unwrap();
    let second: i64 = requests[1]
        .header("x-tc-timestamp")
        .unwrap()
        .parse()
        .unwrap();
    assert!((second - first - 3600).abs() <= 2, "{first} -> {second}");
    assert!((client.clock_skew_secs() - 3600).abs() <= 2);

    client.send(ReleaseMnpVersion::sample()).await.unwrap();
    assert_eq!(
        server.count(),
        3,
        "later calls use the offset from the start"
    );

    // API 2.0: code 4200 triggers the same correction on a fresh client.
    let v2 = builder_for(&server).max_attempts(1).build().unwrap();
    v2.send(DescribeServiceV2::sample()).await.unwrap();
    assert_eq!(server.count(), 5);
}

#[tokio::test]
async fn skew_correction_happens_only_once_per_call() {
    let server = TestServer::start().await;
    let expired = || Reply::api_error("AuthFailure.SignatureExpire", "still-expired");
    server.script([expired(), expired()]);
    let client = builder_for(&server).max_attempts(5).build().unwrap();
    let err = client.send(DescribeThings::sample()).await.unwrap_err();
    assert_eq!(err.code(), Some("AuthFailure.SignatureExpire"));
    assert_eq!(err.request_id().unwrap().as_str(), "still-expired");
    assert_eq!(
        server.count(),
        2,
        "one re-signed attempt, then the error is returned"
    );
}

#[tokio::test]
async fn a_frozen_client_clock_is_corrected_too() {
    let server = TestServer::start().await;
    server.set_clock_offset(0);
    let frozen = SystemTime::now() - Duration::from_secs(3 * 3600);
    let client = builder_for(&server).clock(move || frozen).build().unwrap();
    client.send(DescribeThings::sample()).await.unwrap();
    assert_eq!(server.count(), 2);
    assert!((client.clock_skew_secs() - 3 * 3600).abs() <= 2);
}

#[tokio::test]
async fn a_clock_at_the_edge_of_time_gives_the_service_error_not_an_overflow() {
    // The skew is the server's time minus the client's: with a client clock this far
    // back, the difference does not fit an i64.
    let server = TestServer::start().await;
    server.set_clock_offset(0);
    let edge = SystemTime::UNIX_EPOCH
        .checked_sub(Duration::from_secs(i64::MAX as u64))
        .expect("a SystemTime this early");
    let client = builder_for(&server).clock(move || edge).build().unwrap();
    let err = client.send(DescribeThings::sample()).await.unwrap_err();
    assert_eq!(err.code(), Some("AuthFailure.SignatureExpire"), "{err}");
    assert_eq!(client.clock_skew_secs(), i64::MAX);
}
