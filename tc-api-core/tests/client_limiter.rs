//! The per-action rate limiter waits (never fails) and can be switched off.

mod client_support;

use std::time::{Duration, Instant};

use client_support::*;

#[tokio::test]
async fn documented_rate_limit_spaces_calls() {
    let server = TestServer::start().await;
    let client = builder_for(&server).build().unwrap();
    let started = Instant::now();
    let mut calls = Vec::new();
    for _ in 0..6 {
        let client = client.clone();
        calls.push(tokio::spawn(
            async move { client.send(LimitedAction {}).await },
        ));
    }
    for call in calls {
        call.await.unwrap().unwrap();
    }
    let elapsed = started.elapsed();
    // 10 per second: the sixth call starts five intervals (500 ms) after the first.
    assert!(elapsed >= Duration::from_millis(490), "{elapsed:?}");
    assert!(elapsed < Duration::from_millis(1500), "{elapsed:?}");
    assert_eq!(server.count(), 6);
}

#[tokio::test]
async fn the_limiter_can_be_switched_off() {
    let server = TestServer::start().await;
    let client = builder_for(&server).rate_limit(false).build().unwrap();
    let started = Instant::now();
    for _ in 0..6 {
        client.send(LimitedAction {}).await.unwrap();
    }
    assert!(
        started.elapsed() < Duration::from_millis(400),
        "{:?}",
        started.elapsed()
    );
}

#[tokio::test]
async fn actions_without_a_documented_limit_are_not_throttled() {
    let server = TestServer::start().await;
    let client = builder_for(&server).build().unwrap();
    let started = Instant::now();
    for _ in 0..6 {
        client.send(DescribeThings::sample()).await.unwrap();
    }
    assert!(
        started.elapsed() < Duration::from_millis(400),
        "{:?}",
        started.elapsed()
    );
}
