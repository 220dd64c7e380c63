//! STS AssumeRole through the client pipeline, with the emulator standing in for STS:
//! it verifies the TC3 signature made with the source credential and answers through a
//! typed handler of the annotated action.

mod client_support;
mod credential_support;

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use credential_support::*;
use tc_api_core::client::Client;
use tc_api_core::credential::sts::{AssumeRole, AssumeRoleResponse, StsCredentials};
use tc_api_core::credential::{
    AnswerProblem, AssumeRoleProvider, CachingProvider, Credential, CredentialError,
    CvmRoleProvider, DefaultChain, Environment, ProvideCredential, StaticProvider,
    TccliProfileProvider,
};
use tc_api_core::emulator::{Emulator, EmulatorError, Outcome};

const SOURCE_ID: &str = "AKIDsourceSTStest000000000000000001";
const SOURCE_KEY: &str = "source-secret-key-STS-Jk3Vb8";
const SOURCE_TOKEN: &str = "source-session-token-STS-Qw2Ex5";
const ROLE_ARN: &str = "qcs::cam::uin/100000000001:roleName/deployer";

async fn emulator() -> Emulator {
    Emulator::builder()
        .credential(SOURCE_ID, SOURCE_KEY)
        .temporary_credential("AKIDsourceTemporary", SOURCE_KEY, SOURCE_TOKEN)
        .start()
        .await
        .unwrap()
}

fn source() -> StaticProvider {
    StaticProvider::new(Credential::new(SOURCE_ID, SOURCE_KEY).unwrap())
}

fn provider(emulator: &Emulator, request: AssumeRole) -> AssumeRoleProvider {
    AssumeRoleProvider::with_client(
        source(),
        request,
        Client::builder().endpoint(emulator.url()).no_env_proxy(),
    )
    .unwrap()
}

/// Answers AssumeRole with numbered keys valid for an hour from T0, counting calls.
fn answer_with_numbered_keys(emulator: &Emulator) -> Arc<AtomicUsize> {
    let calls = Arc::new(AtomicUsize::new(0));
    let counter = calls.clone();
    emulator
        .on::<AssumeRole>(move |_request| {
            let n = counter.fetch_add(1, Ordering::SeqCst) + 1;
            Ok(AssumeRoleResponse::new(
                tmp_id(n),
                TMP_KEY,
                TMP_TOKEN,
                (T0 + 3600 * n as u64) as i64,
            ))
        })
        .unwrap();
    calls
}

#[tokio::test]
async fn assume_role_is_signed_with_the_source_key_and_answers_temporary_keys() {
    let emulator = emulator().await;
    let seen = Arc::new(std::sync::Mutex::new(None));
    let record = seen.clone();
    emulator
        .on::<AssumeRole>(move |request| {
            *record.lock().unwrap() = Some(request);
            Ok(AssumeRoleResponse::new(
                tmp_id(1),
                TMP_KEY,
                TMP_TOKEN,
                (T0 + 3600) as i64,
            ))
        })
        .unwrap();
    let request = AssumeRole::new(ROLE_ARN, "ci-deploy")
        .duration_seconds(3600)
        .policy(r#"{"version":"2.0","statement":[{"effect":"allow","action":["cos:GetObject"],"resource":["*"]}]}"#)
        .external_id("ext-42")
        .tag("team", "infra");
    let credential = provider(&emulator, request.clone())
        .provide()
        .await
        .unwrap();
    assert_temporary(&credential, 1, T0 + 3600);

    // The handler got the parameters the provider was built with.
    assert_eq!(seen.lock().unwrap().as_ref(), Some(&request));
    let recorded = &emulator.requests()[0];
    assert_eq!(recorded.outcome, Outcome::Success);
    assert_eq!(recorded.action.as_deref(), Some("AssumeRole"));
    assert_eq!(recorded.version.as_deref(), Some("2018-08-13"));
    assert_eq!(recorded.region.as_deref(), Some("ap-guangzhou"));
    assert_eq!(recorded.secret_id.as_deref(), Some(SOURCE_ID));
    let body: serde_json::Value = serde_json::from_slice(&recorded.body).unwrap();
    assert_eq!(body["DurationSeconds"], 3600);
    assert_eq!(body["RoleSessionName"], "ci-deploy");
    assert!(
        body["Policy"]
            .as_str()
            .unwrap()
            .starts_with("%7B%22version%22"),
        "{body}"
    );
}

#[tokio::test]
async fn a_temporary_source_credential_sends_its_token() {
    let emulator = emulator().await;
    answer_with_numbered_keys(&emulator);
    let source = Credential::new("AKIDsourceTemporary", SOURCE_KEY)
        .unwrap()
        .with_token(SOURCE_TOKEN)
        .unwrap();
    let provider = AssumeRoleProvider::with_client(
        StaticProvider::new(source),
        AssumeRole::new(ROLE_ARN, "session"),
        Client::builder().endpoint(emulator.url()).no_env_proxy(),
    )
    .unwrap();
    assert_temporary(&provider.provide().await.unwrap(), 1, T0 + 3600);
    assert_eq!(
        emulator.requests()[0].header("x-tc-token"),
        Some(SOURCE_TOKEN)
    );
}

#[tokio::test]
async fn a_service_error_is_typed_with_its_code_and_request_id() {
    let emulator = emulator().await;
    emulator
        .on::<AssumeRole>(|_| {
            Err(EmulatorError::new(
                "InvalidParameter.RoleNotExist",
                "role does not exist",
            ))
        })
        .unwrap();
    let err = provider(&emulator, AssumeRole::new(ROLE_ARN, "session"))
        .provide()
        .await
        .unwrap_err();
    let recorded_id = emulator.requests()[0].request_id.clone().unwrap();
    match &err {
        CredentialError::Sts { action, source } => {
            assert_eq!(*action, "AssumeRole");
            assert_eq!(source.code(), Some("InvalidParameter.RoleNotExist"));
            assert_eq!(source.request_id().unwrap().as_str(), recorded_id);
        }
        other => panic!("expected Sts, got {other:?}"),
    }
    assert!(err.to_string().contains(&recorded_id), "{err}");
}

#[tokio::test]
async fn a_wrong_source_key_fails_the_signature_check() {
    let emulator = emulator().await;
    answer_with_numbered_keys(&emulator);
    let provider = AssumeRoleProvider::with_client(
        StaticProvider::new(Credential::new(SOURCE_ID, "not-the-source-key").unwrap()),
        AssumeRole::new(ROLE_ARN, "session"),
        Client::builder().endpoint(emulator.url()).no_env_proxy(),
    )
    .unwrap();
    match provider.provide().await.unwrap_err() {
        CredentialError::Sts { source, .. } => {
            assert_eq!(source.code(), Some("AuthFailure.SignatureFailure"))
        }
        other => panic!("expected Sts, got {other:?}"),
    }
}

#[tokio::test]
async fn an_answer_without_keys_is_typed_with_the_request_id() {
    let emulator = emulator().await;
    emulator
        .on::<AssumeRole>(|_| {
            let mut answer = AssumeRoleResponse::new(tmp_id(1), TMP_KEY, TMP_TOKEN, 1);
            answer.credentials = Some(StsCredentials {
                tmp_secret_key: None,
                ..answer.credentials.unwrap()
            });
            Ok(answer)
        })
        .unwrap();
    let err = provider(&emulator, AssumeRole::new(ROLE_ARN, "session"))
        .provide()
        .await
        .unwrap_err();
    assert_no_secrets(&format!("{err} {err:?}"));
    let recorded_id = emulator.requests()[0].request_id.clone().unwrap();
    match err {
        CredentialError::StsAnswer {
            request_id,
            problem,
            ..
        } => {
            assert_eq!(request_id.as_str(), recorded_id);
            assert_eq!(problem, AnswerProblem::MissingField("TmpSecretKey"));
        }
        other => panic!("expected StsAnswer, got {other:?}"),
    }
}

#[tokio::test]
async fn an_invalid_duration_is_refused_before_anything_is_sent() {
    let emulator = emulator().await;
    answer_with_numbered_keys(&emulator);
    let request = AssumeRole::new(ROLE_ARN, "session").duration_seconds(43_201);
    let err = AssumeRoleProvider::with_client(
        source(),
        request,
        Client::builder().endpoint(emulator.url()).no_env_proxy(),
    )
    .unwrap_err();
    assert!(
        matches!(
            err,
            CredentialError::InvalidStsParameter {
                parameter: "DurationSeconds",
                ..
            }
        ),
        "{err:?}"
    );
    assert_eq!(emulator.request_count(), 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_hundred_concurrent_calls_cause_one_assume_role() {
    let emulator = emulator().await;
    let calls = Arc::new(AtomicUsize::new(0));
    let counter = calls.clone();
    emulator
        .on_async::<AssumeRole, _>(move |_| {
            let n = counter.fetch_add(1, Ordering::SeqCst) + 1;
            async move {
                tokio::time::sleep(Duration::from_millis(300)).await;
                Ok(AssumeRoleResponse::new(
                    tmp_id(n),
                    TMP_KEY,
                    TMP_TOKEN,
                    (T0 + 3600) as i64,
                ))
            }
        })
        .unwrap();
    let clock = FakeClock::at(T0);
    let provider = Arc::new(cached(
        provider(&emulator, AssumeRole::new(ROLE_ARN, "session")),
        &clock,
    ));
    let tasks: Vec<_> = (0..100)
        .map(|_| {
            let provider = provider.clone();
            tokio::spawn(async move { provider.provide().await })
        })
        .collect();
    for task in tasks {
        assert_temporary(&task.await.unwrap().unwrap(), 1, T0 + 3600);
    }
    assert_eq!(emulator.request_count(), 1);
    assert_eq!(calls.load(Ordering::SeqCst), 1);
}

#[tokio::test]
async fn cached_role_keys_refresh_ahead_of_expiry_and_survive_a_failed_refresh() {
    let emulator = emulator().await;
    answer_with_numbered_keys(&emulator);
    let clock = FakeClock::at(T0);
    let provider: CachingProvider<AssumeRoleProvider> = cached(
        provider(&emulator, AssumeRole::new(ROLE_ARN, "session")),
        &clock,
    );
    assert_temporary(&provider.provide().await.unwrap(), 1, T0 + 3600);
    clock.set(T0 + 3000);
    assert_temporary(&provider.provide().await.unwrap(), 1, T0 + 3600);
    assert_eq!(emulator.request_count(), 1);
    clock.set(T0 + 3400);
    assert_temporary(&provider.provide().await.unwrap(), 2, T0 + 7200);
    assert_eq!(emulator.request_count(), 2);

    // STS starts failing: the key (valid until T0 + 7200) is still served.
    assert!(emulator.remove::<AssumeRole>());
    emulator
        .on::<AssumeRole>(|_| Err(EmulatorError::internal("sts is down")))
        .unwrap();
    clock.set(T0 + 7000);
    assert_temporary(&provider.provide().await.unwrap(), 2, T0 + 7200);
    assert_eq!(emulator.request_count(), 3);
    // Once it has expired, the failure is reported.
    clock.set(T0 + 7200);
    match provider.provide().await.unwrap_err() {
        CredentialError::Expired {
            refresh_error: Some(cause),
            ..
        } => assert!(
            matches!(&*cause, CredentialError::Sts { source, .. } if source.code() == Some("InternalError")),
            "{cause:?}"
        ),
        other => panic!("expected Expired, got {other:?}"),
    }
}

#[tokio::test]
async fn a_tccli_profile_with_a_role_assumes_it_with_its_key() {
    let emulator = emulator().await;
    answer_with_numbered_keys(&emulator);
    let dir = TempDir::new();
    dir.write(
        "ops.credential",
        format!(
            r#"{{"secretId": "{SOURCE_ID}", "secretKey": "{SOURCE_KEY}",
                "role-arn": "{ROLE_ARN}", "role-session-name": "tccli-session"}}"#
        ),
    );
    let provider = TccliProfileProvider::new()
        .directory(dir.path())
        .profile("ops")
        .sts_client(Client::builder().endpoint(emulator.url()).no_env_proxy());
    assert_temporary(&provider.provide().await.unwrap(), 1, T0 + 3600);
    let recorded = &emulator.requests()[0];
    assert_eq!(recorded.secret_id.as_deref(), Some(SOURCE_ID));
    let body: serde_json::Value = serde_json::from_slice(&recorded.body).unwrap();
    assert_eq!(body["RoleArn"], ROLE_ARN);
    assert_eq!(body["RoleSessionName"], "tccli-session");
}

#[tokio::test]
async fn cvm_role_keys_from_the_cached_default_chain_sign_sts_calls() {
    // The instance's role keys (from the metadata stand-in) are the source credential.
    let metadata = client_support::TestServer::start().await;
    metadata.set_verify(false);
    metadata.script([
        client_support::Reply::json("instance-role"),
        client_support::Reply::json(metadata_document(7, T0 + 3600)),
    ]);
    let emulator = Emulator::builder()
        .temporary_credential(tmp_id(7), TMP_KEY, TMP_TOKEN)
        .start()
        .await
        .unwrap();
    answer_with_numbered_keys(&emulator);
    let clock = FakeClock::at(T0);
    let source = cached(
        DefaultChain::with_environment(Environment::from_vars(Vec::<(String, String)>::new()))
            .cvm_role(
                CvmRoleProvider::with_base_url(&format!("{}/latest/meta-data/", metadata.url()))
                    .unwrap(),
            ),
        &clock,
    );
    let provider = AssumeRoleProvider::with_client(
        source,
        AssumeRole::new(ROLE_ARN, "from-cvm"),
        Client::builder().endpoint(emulator.url()).no_env_proxy(),
    )
    .unwrap();
    for n in 1..=3 {
        assert_temporary(&provider.provide().await.unwrap(), n, T0 + 3600 * n as u64);
    }
    let recorded = emulator.requests();
    assert_eq!(recorded.len(), 3);
    for request in &recorded {
        assert_eq!(request.outcome, Outcome::Success);
        assert_eq!(request.secret_id.as_deref(), Some(tmp_id(7).as_str()));
        assert_eq!(request.header("x-tc-token"), Some(TMP_TOKEN));
    }
    assert_eq!(metadata.count(), 2, "the role keys were fetched once");
}
