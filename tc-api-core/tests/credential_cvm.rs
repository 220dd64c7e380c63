//! The CVM role provider against a loopback stand-in of the instance metadata service,
//! alone and behind the caching wrapper: discovery, every failure the service can give,
//! refresh ahead of expiry, one refresh for 100 concurrent calls, a failed refresh while
//! the key is valid, and expiry.

mod client_support;
mod credential_support;

use std::sync::Arc;
use std::time::{Duration, Instant};

use client_support::{Reply, TestServer};
use credential_support::*;
use tc_api_core::credential::{
    AnswerProblem, CachingProvider, CredentialError, CvmRoleProblem, CvmRoleProvider,
    DEFAULT_METADATA_CONNECT_TIMEOUT, DEFAULT_METADATA_TIMEOUT, DEFAULT_METADATA_URL, JsonProblem,
    ProvideCredential,
};

const ROLE: &str = "cvm-app-role";
const ROLES_PATH: &str = "/latest/meta-data/cam/security-credentials/";

/// A metadata stand-in: answers in the scripted order, checks no signature.
async fn metadata() -> TestServer {
    let server = TestServer::start().await;
    server.set_verify(false);
    server
}

fn provider(server: &TestServer) -> CvmRoleProvider {
    CvmRoleProvider::with_base_url(&format!("{}/latest/meta-data/", server.url())).unwrap()
}

fn paths(server: &TestServer) -> Vec<String> {
    server.requests().into_iter().map(|r| r.path).collect()
}

fn cvm_problem(err: CredentialError) -> (Option<String>, CvmRoleProblem) {
    match err {
        CredentialError::CvmRole { role, problem, .. } => (role, problem),
        other => panic!("expected CvmRole, got {other:?}"),
    }
}

#[test]
fn defaults_are_the_documented_address_and_short_timeouts() {
    assert_eq!(
        DEFAULT_METADATA_URL,
        "http://metadata.tencentyun.com/latest/meta-data/"
    );
    assert_eq!(DEFAULT_METADATA_CONNECT_TIMEOUT, Duration::from_secs(1));
    assert!(DEFAULT_METADATA_TIMEOUT <= Duration::from_secs(2));
}

#[tokio::test]
async fn discovers_the_role_then_reads_its_keys() {
    let server = metadata().await;
    server.script([
        Reply::json(format!("{ROLE}\n")),
        Reply::json(metadata_document(1, T0 + 3600)),
        Reply::json(metadata_document(2, T0 + 7200)),
    ]);
    let provider = provider(&server);
    assert_temporary(&provider.provide().await.unwrap(), 1, T0 + 3600);
    // The role is remembered: the second call reads the keys only.
    assert_temporary(&provider.provide().await.unwrap(), 2, T0 + 7200);
    assert_eq!(
        paths(&server),
        [
            ROLES_PATH.to_owned(),
            format!("{ROLES_PATH}{ROLE}"),
            format!("{ROLES_PATH}{ROLE}")
        ]
    );
    let request = &server.requests()[0];
    assert_eq!(request.method, "GET");
    assert_eq!(request.header("authorization"), None);
}

#[tokio::test]
async fn a_named_role_is_read_directly_and_encoded_in_the_path() {
    let server = metadata().await;
    server.script([Reply::json(metadata_document(1, T0 + 3600))]);
    let provider = provider(&server).role("team role/1");
    assert_temporary(&provider.provide().await.unwrap(), 1, T0 + 3600);
    assert_eq!(paths(&server), [format!("{ROLES_PATH}team%20role%2F1")]);
}

#[tokio::test]
async fn no_role_bound_is_not_configured() {
    let server = metadata().await;
    server.script([Reply::status(404, "")]);
    let err = provider(&server).provide().await.unwrap_err();
    assert!(err.is_not_configured(), "{err:?}");
    assert!(err.to_string().contains("404"), "{err}");
}

#[tokio::test]
async fn nothing_listening_is_not_configured_and_fast() {
    // A port that was free a moment ago: connection refused.
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!(
        "http://{}/latest/meta-data/",
        listener.local_addr().unwrap()
    );
    drop(listener);
    let started = Instant::now();
    let err = CvmRoleProvider::with_base_url(&url)
        .unwrap()
        .provide()
        .await
        .unwrap_err();
    assert!(err.is_not_configured(), "{err:?}");
    assert!(
        started.elapsed() < Duration::from_secs(2),
        "{:?}",
        started.elapsed()
    );
}

#[tokio::test]
async fn a_service_that_never_answers_is_not_configured_after_the_timeout() {
    let server = metadata().await;
    server.script([Reply::json(ROLE).delayed(Duration::from_secs(5))]);
    let started = Instant::now();
    let err = provider(&server)
        .timeouts(Duration::from_millis(200), Duration::from_millis(300))
        .provide()
        .await
        .unwrap_err();
    assert!(err.is_not_configured(), "{err:?}");
    let took = started.elapsed();
    assert!(
        took >= Duration::from_millis(250) && took < Duration::from_secs(2),
        "{took:?}"
    );
}

#[tokio::test]
async fn an_unexpected_status_while_discovering_is_typed() {
    let server = metadata().await;
    server.script([Reply::status(500, "oops")]);
    let (role, problem) = cvm_problem(provider(&server).provide().await.unwrap_err());
    assert_eq!((role, problem), (None, CvmRoleProblem::Status(500)));
}

#[tokio::test]
async fn a_code_other_than_success_is_typed() {
    let server = metadata().await;
    let failed = metadata_document(1, T0).replace("\"Success\"", "\"NoPermission\"");
    server.script([Reply::json(ROLE), Reply::json(failed)]);
    let err = provider(&server).provide().await.unwrap_err();
    assert_no_secrets(&format!("{err} {err:?}"));
    let (role, problem) = cvm_problem(err);
    assert_eq!(role.as_deref(), Some(ROLE));
    assert_eq!(problem, CvmRoleProblem::Code("NoPermission".into()));
}

#[tokio::test]
async fn malformed_json_is_typed_without_quoting_the_keys() {
    let server = metadata().await;
    let document = metadata_document(1, T0 + 3600);
    server.script([
        Reply::json(ROLE),
        Reply::json(&document[..document.len() - 20]),
        Reply::json(document.replace(&format!("\"{TMP_TOKEN}\""), "true")),
    ]);
    let provider = provider(&server);
    let err = provider.provide().await.unwrap_err();
    assert_no_secrets(&format!("{err} {err:?}"));
    assert!(matches!(
        cvm_problem(err).1,
        CvmRoleProblem::Answer(AnswerProblem::Json(JsonProblem::Syntax { .. }))
    ));
    let err = provider.provide().await.unwrap_err();
    assert_no_secrets(&format!("{err} {err:?}"));
    assert_eq!(
        cvm_problem(err).1,
        CvmRoleProblem::Answer(AnswerProblem::WrongType("Token"))
    );
}

#[tokio::test]
async fn a_vanished_role_is_typed_and_rediscovered_next_time() {
    let server = metadata().await;
    server.script([
        Reply::json(ROLE),
        Reply::status(404, ""),
        Reply::json("new-role"),
        Reply::json(metadata_document(1, T0 + 3600)),
    ]);
    let provider = provider(&server);
    let (role, problem) = cvm_problem(provider.provide().await.unwrap_err());
    assert_eq!(
        (role.as_deref(), problem),
        (Some(ROLE), CvmRoleProblem::RoleNotFound)
    );
    assert_temporary(&provider.provide().await.unwrap(), 1, T0 + 3600);
    assert_eq!(
        paths(&server).last().unwrap(),
        &format!("{ROLES_PATH}new-role")
    );
}

#[tokio::test]
async fn a_named_role_on_an_unreachable_service_is_an_error() {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}/", listener.local_addr().unwrap());
    drop(listener);
    let err = CvmRoleProvider::with_base_url(&url)
        .unwrap()
        .role(ROLE)
        .provide()
        .await
        .unwrap_err();
    assert!(!err.is_not_configured());
    assert!(matches!(cvm_problem(err).1, CvmRoleProblem::Unreachable(_)));
}

#[tokio::test]
async fn an_oversized_answer_is_refused() {
    let server = metadata().await;
    server.script([Reply::json(ROLE), Reply::json("x".repeat(100_000))]);
    assert!(matches!(
        cvm_problem(provider(&server).provide().await.unwrap_err()).1,
        CvmRoleProblem::TooLarge { .. }
    ));
}

// ---------------------------------------------------------------------------------
// Behind the caching wrapper.

#[tokio::test]
async fn cached_keys_are_refreshed_ahead_of_expiry() {
    let server = metadata().await;
    server.script([
        Reply::json(ROLE),
        Reply::json(metadata_document(1, T0 + 3600)),
        Reply::json(metadata_document(2, T0 + 7200)),
    ]);
    let clock = FakeClock::at(T0);
    let provider = cached(provider(&server), &clock);
    assert_temporary(&provider.provide().await.unwrap(), 1, T0 + 3600);
    // More than 5 minutes left: served from memory.
    clock.set(T0 + 3600 - 301);
    assert_temporary(&provider.provide().await.unwrap(), 1, T0 + 3600);
    assert_eq!(server.count(), 2);
    // Less than 5 minutes left: refreshed before it expires.
    clock.set(T0 + 3600 - 299);
    assert_temporary(&provider.provide().await.unwrap(), 2, T0 + 7200);
    assert_eq!(server.count(), 3);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_hundred_concurrent_calls_cause_one_refresh() {
    let server = metadata().await;
    let slow = Duration::from_millis(300);
    server.script([
        Reply::json(ROLE).delayed(slow),
        Reply::json(metadata_document(1, T0 + 3600)),
        Reply::json(metadata_document(2, T0 + 7200)).delayed(slow),
    ]);
    let clock = FakeClock::at(T0);
    let provider = Arc::new(cached(provider(&server), &clock));

    let calls = |provider: &Arc<CachingProvider<CvmRoleProvider>>| {
        (0..100)
            .map(|_| {
                let provider = Arc::clone(provider);
                tokio::spawn(async move { provider.provide().await })
            })
            .collect::<Vec<_>>()
    };

    // First fetch: everyone waits for the one lookup (role + keys).
    for call in calls(&provider) {
        assert_temporary(&call.await.unwrap().unwrap(), 1, T0 + 3600);
    }
    assert_eq!(server.count(), 2);

    // Refresh window: one refresh; the others keep using the still-valid key meanwhile.
    clock.set(T0 + 3500);
    let mut seen = [0usize; 3];
    for call in calls(&provider) {
        let credential = call.await.unwrap().unwrap();
        let n: usize = credential.secret_id()[7..].parse().unwrap();
        seen[n] += 1;
    }
    assert_eq!(server.count(), 3, "exactly one refresh request");
    assert_eq!(seen[1] + seen[2], 100);
    assert!(seen[2] >= 1, "{seen:?}");
    assert_temporary(&provider.provide().await.unwrap(), 2, T0 + 7200);
}

#[tokio::test]
async fn a_failed_refresh_keeps_serving_the_valid_key() {
    let server = metadata().await;
    server.script([
        Reply::json(ROLE),
        Reply::json(metadata_document(1, T0 + 3600)),
        Reply::status(500, "metadata hiccup"),
        Reply::json(metadata_document(2, T0 + 7200)),
    ]);
    let clock = FakeClock::at(T0);
    let provider = cached(provider(&server), &clock);
    provider.provide().await.unwrap();
    clock.set(T0 + 3400);
    // The refresh fails: the old key, still valid for 200 s, is served.
    assert_temporary(&provider.provide().await.unwrap(), 1, T0 + 3600);
    assert_eq!(server.count(), 3);
    // No new attempt during the pause...
    clock.set(T0 + 3405);
    assert_temporary(&provider.provide().await.unwrap(), 1, T0 + 3600);
    assert_eq!(server.count(), 3);
    // ...then the next one succeeds.
    clock.set(T0 + 3420);
    assert_temporary(&provider.provide().await.unwrap(), 2, T0 + 7200);
    assert_eq!(server.count(), 4);
}

#[tokio::test]
async fn an_expired_key_and_a_failed_refresh_is_a_typed_error() {
    let server = metadata().await;
    server.script([
        Reply::json(ROLE),
        Reply::json(metadata_document(1, T0 + 3600)),
        Reply::status(500, "down"),
    ]);
    let clock = FakeClock::at(T0);
    let provider = cached(provider(&server), &clock);
    provider.provide().await.unwrap();
    clock.set(T0 + 3600);
    let err = provider.provide().await.unwrap_err();
    assert_no_secrets(&format!("{err} {err:?}"));
    match err {
        CredentialError::Expired {
            expired_at,
            refresh_error: Some(cause),
        } => {
            assert_eq!(
                expired_at,
                std::time::UNIX_EPOCH + Duration::from_secs(T0 + 3600)
            );
            assert_eq!(cvm_problem(*cause).1, CvmRoleProblem::Status(500));
        }
        other => panic!("expected Expired, got {other:?}"),
    }
}
