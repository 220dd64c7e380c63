//! A failed CVM role refresh behind the caching wrapper is logged, without secrets.
//!
//! This test is alone in its binary on purpose. `tracing` caches, per process, whether a
//! log statement is wanted; while a test's `set_default` subscriber is the only one
//! registered, a statement first reached on another thread (another test doing a failed
//! refresh) is cached as unwanted for every thread, and this test's log stays empty.
//! That made the test fail about 1 run in 13 next to the other CVM tests. Alone, every
//! statement it logs is first reached on its own thread, under its own subscriber.
//! Add no other test here.

mod client_support;
mod credential_support;

use client_support::{LogCapture, Reply, TestServer};
use credential_support::*;
use tc_api_core::credential::{CvmRoleProvider, ProvideCredential};
use tracing_subscriber::fmt::format::FmtSpan;

const ROLE: &str = "cvm-app-role";

#[tokio::test]
async fn a_failed_refresh_is_logged_without_secrets() {
    let capture = LogCapture::start(FmtSpan::NONE);

    let server = TestServer::start().await;
    server.set_verify(false);
    let document = metadata_document(1, T0 + 3600);
    server.script([
        Reply::json(ROLE),
        Reply::json(document.clone()),
        Reply::json(&document[..document.len() - 30]),
    ]);
    let clock = FakeClock::at(T0);
    let base = format!("{}/latest/meta-data/", server.url());
    let provider = cached(CvmRoleProvider::with_base_url(&base).unwrap(), &clock);
    provider.provide().await.unwrap();
    clock.set(T0 + 3500);
    assert_temporary(&provider.provide().await.unwrap(), 1, T0 + 3600);

    let logged = capture.text();
    assert!(
        logged.contains("credential refresh failed; serving the cached credential"),
        "{logged}"
    );
    assert!(logged.contains("not valid JSON"), "{logged}");
    assert_no_secrets(&logged);
}
