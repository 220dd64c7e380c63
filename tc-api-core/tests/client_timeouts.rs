//! Per-attempt and total timeouts fire within 20% of the configured value.
//! Run with `--nocapture` to see the measured times.

mod client_support;

use std::time::{Duration, Instant};

use client_support::*;
use tc_api_core::error::{Error, TimeoutKind};

fn assert_within(elapsed: Duration, configured: Duration, what: &str) {
    let ratio = elapsed.as_secs_f64() / configured.as_secs_f64();
    eprintln!(
        "{what}: configured {configured:?}, fired after {elapsed:?} ({:+.1}%)",
        (ratio - 1.0) * 100.0
    );
    assert!(elapsed >= configured, "{what} fired early: {elapsed:?}");
    assert!(
        ratio <= 1.2,
        "{what} fired late: {elapsed:?} for {configured:?}"
    );
}

#[tokio::test]
async fn attempt_timeout_fires_on_time_and_is_not_retried_for_non_idempotent_actions() {
    let server = TestServer::start().await;
    server.script([Reply::json("{}").delayed(Duration::from_secs(3))]);
    let limit = Duration::from_millis(400);
    let client = builder_for(&server).attempt_timeout(limit).build().unwrap();
    let started = Instant::now();
    let err = client.send(ReleaseMnpVersion::sample()).await.unwrap_err();
    let elapsed = started.elapsed();
    assert!(
        matches!(err, Error::Timeout { kind: TimeoutKind::Attempt, after } if after == limit),
        "{err:?}"
    );
    assert!(err.is_ambiguous());
    assert_within(elapsed, limit, "per-attempt timeout");
    assert_eq!(server.count(), 1);
}

#[tokio::test]
async fn attempt_timeout_of_an_idempotent_action_is_retried() {
    let server = TestServer::start().await;
    server.script([Reply::json("{}").delayed(Duration::from_secs(3))]);
    let client = builder_for(&server)
        .attempt_timeout(Duration::from_millis(300))
        .build()
        .unwrap();
    client.send(DescribeThings::sample()).await.unwrap();
    assert_eq!(server.count(), 2);
    assert_eq!(
        client.retry_tokens(),
        500,
        "the timeout retry's 10 tokens came back on success"
    );
}

#[tokio::test]
async fn total_timeout_fires_on_time_during_a_slow_answer() {
    let server = TestServer::start().await;
    server.script([Reply::json("{}").delayed(Duration::from_secs(3))]);
    let limit = Duration::from_millis(500);
    let client = builder_for(&server)
        .attempt_timeout(None)
        .total_timeout(limit)
        .build()
        .unwrap();
    let started = Instant::now();
    let err = client.send(DescribeThings::sample()).await.unwrap_err();
    let elapsed = started.elapsed();
    assert!(
        matches!(err, Error::Timeout { kind: TimeoutKind::Total, after } if after == limit),
        "{err:?}"
    );
    assert!(!err.is_retryable());
    assert_within(elapsed, limit, "total timeout (slow answer)");
}

#[tokio::test]
async fn total_timeout_bounds_retries_and_backoff() {
    let server = TestServer::start().await;
    server.script(std::iter::repeat_n(Reply::throttled(), 200));
    let limit = Duration::from_millis(500);
    let client = builder_for(&server)
        .total_timeout(limit)
        .max_attempts(100)
        .backoff(Duration::from_millis(50), Duration::from_millis(100))
        .build()
        .unwrap();
    let started = Instant::now();
    let err = client.send(DescribeThings::sample()).await.unwrap_err();
    let elapsed = started.elapsed();
    assert!(
        matches!(
            err,
            Error::Timeout {
                kind: TimeoutKind::Total,
                ..
            }
        ),
        "{err:?}"
    );
    assert_within(elapsed, limit, "total timeout (retry loop)");
    assert!(
        server.count() > 2,
        "several attempts happened: {}",
        server.count()
    );
}
