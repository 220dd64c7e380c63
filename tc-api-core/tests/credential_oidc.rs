//! The OIDC provider and the client seam it uses: AssumeRoleWithWebIdentity is sent with
//! `Authorization: SKIP`, without a token header and without looking up a credential,
//! to a loopback stand-in of STS that records what it received.

mod client_support;
mod credential_support;

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use client_support::{DescribeServiceV2, Recorded, Reply, TestServer};
use credential_support::*;
use tc_api_core::client::{Client, ClientBuilder, HttpMethod, SignMethod};
use tc_api_core::credential::sts::AssumeRoleWithWebIdentity;
use tc_api_core::credential::{
    CredentialError, CredentialFuture, ENV_TKE_PROVIDER_ID, ENV_TKE_REGION, ENV_TKE_ROLE_ARN,
    ENV_TKE_WEB_IDENTITY_TOKEN_FILE, Environment, OidcRoleProvider, ProvideCredential,
};
use tc_api_core::error::{ConfigError, Error, InvalidRequest};

const OIDC_TOKEN: &str = "eyJraWQiOiJ0ZXN0In0.OIDCtokenPAYLOAD.SIGNATURE-Zr8Qm";
const ROLE_ARN: &str = "qcs::cam::uin/100000000001:roleName/pod-role";

/// The STS stand-in: checks no signature (the request carries none), answers in order.
async fn sts() -> TestServer {
    let server = TestServer::start().await;
    server.set_verify(false);
    server
}

/// The STS answer carrying the `n`th temporary key.
fn sts_answer(n: usize, expired_time: u64) -> Reply {
    Reply::json(format!(
        r#"{{"Response":{{"Credentials":{{"Token":"{TMP_TOKEN}","TmpSecretId":"{}","TmpSecretKey":"{TMP_KEY}"}},
            "ExpiredTime":{expired_time},"Expiration":"2025-06-15T15:06:40Z","RequestId":"oidc-req-{n}"}}}}"#,
        tmp_id(n)
    ))
}

/// A provider that counts lookups and never answers a credential.
#[derive(Debug, Default)]
struct CountingRefusal(Arc<AtomicUsize>);

impl ProvideCredential for CountingRefusal {
    fn provide(&self) -> CredentialFuture<'_> {
        self.0.fetch_add(1, Ordering::SeqCst);
        Box::pin(async {
            Err(CredentialError::NotConfigured {
                reason: "a skip-signature client must not ask".into(),
            })
        })
    }
}

fn sts_builder(server: &TestServer) -> ClientBuilder {
    Client::builder().endpoint(server.url()).no_env_proxy()
}

fn assert_unsigned(request: &Recorded, region: &str) {
    assert_eq!(request.header("authorization"), Some("SKIP"));
    assert_eq!(request.header("x-tc-token"), None);
    assert_eq!(
        request.header("x-tc-action"),
        Some("AssumeRoleWithWebIdentity")
    );
    assert_eq!(request.header("x-tc-version"), Some("2018-08-13"));
    assert_eq!(request.header("x-tc-region"), Some(region));
    assert!(request.header("x-tc-timestamp").is_some());
    assert_eq!(request.header("content-type"), Some("application/json"));
    assert_eq!(request.method, "POST");
}

#[tokio::test]
async fn web_identity_is_sent_unsigned_and_answers_temporary_keys() {
    let server = sts().await;
    server.script([sts_answer(1, T0 + 3600)]);
    let lookups = Arc::new(AtomicUsize::new(0));
    let request = AssumeRoleWithWebIdentity::new("OIDC", OIDC_TOKEN, ROLE_ARN, "web-session")
        .duration_seconds(3600);
    let provider = OidcRoleProvider::new("ap-shanghai", request)
        .unwrap()
        .sts_client(sts_builder(&server).credential_provider(CountingRefusal(lookups.clone())));

    assert_temporary(&provider.provide().await.unwrap(), 1, T0 + 3600);
    assert_eq!(
        lookups.load(Ordering::SeqCst),
        0,
        "no credential is looked up"
    );
    let recorded = &server.requests()[0];
    assert_unsigned(recorded, "ap-shanghai");
    assert_eq!(
        recorded.json(),
        serde_json::json!({
            "ProviderId": "OIDC",
            "WebIdentityToken": OIDC_TOKEN,
            "RoleArn": ROLE_ARN,
            "RoleSessionName": "web-session",
            "DurationSeconds": 3600,
        })
    );
    assert!(!format!("{provider:?}").contains(OIDC_TOKEN));
}

#[tokio::test]
async fn an_sts_refusal_is_typed_with_its_request_id() {
    let server = sts().await;
    server.script([Reply::api_error(
        "InvalidParameter.WebIdentityTokenError",
        "oidc-refused",
    )]);
    let request = AssumeRoleWithWebIdentity::new("OIDC", OIDC_TOKEN, ROLE_ARN, "web-session");
    let err = OidcRoleProvider::new("ap-guangzhou", request)
        .unwrap()
        .sts_client(sts_builder(&server))
        .provide()
        .await
        .unwrap_err();
    assert!(!format!("{err} {err:?}").contains(OIDC_TOKEN));
    match err {
        CredentialError::Sts { action, source } => {
            assert_eq!(action, "AssumeRoleWithWebIdentity");
            assert_eq!(
                source.code(),
                Some("InvalidParameter.WebIdentityTokenError")
            );
            assert_eq!(source.request_id().unwrap().as_str(), "oidc-refused");
        }
        other => panic!("expected Sts, got {other:?}"),
    }
}

fn tke_env(token_file: &std::path::Path) -> Environment {
    Environment::from_vars([
        (ENV_TKE_REGION.to_owned(), "ap-chengdu".into()),
        (ENV_TKE_PROVIDER_ID.to_owned(), "tke-oidc-provider".into()),
        (
            ENV_TKE_WEB_IDENTITY_TOKEN_FILE.to_owned(),
            token_file.as_os_str().to_owned(),
        ),
        (ENV_TKE_ROLE_ARN.to_owned(), ROLE_ARN.into()),
    ])
}

#[tokio::test]
async fn tke_reads_its_variables_and_the_rotated_token_file_at_each_call() {
    let server = sts().await;
    server.script([sts_answer(1, T0 + 3600), sts_answer(2, T0 + 7200)]);
    let dir = TempDir::new();
    let token_file = dir.write("token", "first.jwt.token\n");
    let provider = OidcRoleProvider::tke_with_environment(tke_env(&token_file))
        .sts_client(sts_builder(&server));

    assert_temporary(&provider.provide().await.unwrap(), 1, T0 + 3600);
    dir.write("token", "second.jwt.token");
    assert_temporary(&provider.provide().await.unwrap(), 2, T0 + 7200);

    let requests = server.requests();
    assert_unsigned(&requests[0], "ap-chengdu");
    let first = requests[0].json();
    assert_eq!(first["ProviderId"], "tke-oidc-provider");
    assert_eq!(first["WebIdentityToken"], "first.jwt.token");
    assert_eq!(first["RoleArn"], ROLE_ARN);
    assert_eq!(first["DurationSeconds"], 7200);
    assert!(
        first["RoleSessionName"]
            .as_str()
            .unwrap()
            .starts_with("tc-api-rust-")
    );
    assert_eq!(requests[1].json()["WebIdentityToken"], "second.jwt.token");
}

#[tokio::test]
async fn tke_without_its_variables_sends_nothing() {
    let server = sts().await;
    let provider = OidcRoleProvider::tke_with_environment(Environment::from_vars(Vec::<(
        String,
        String,
    )>::new()))
    .sts_client(sts_builder(&server));
    assert!(provider.provide().await.unwrap_err().is_not_configured());
    assert_eq!(server.count(), 0);
}

// ---------------------------------------------------------------------------------
// The client seam: `ClientBuilder::skip_signature`.

#[tokio::test]
async fn skip_signature_works_with_get_too() {
    let server = sts().await;
    server.script([sts_answer(1, T0 + 3600)]);
    let client = sts_builder(&server)
        .http_method(HttpMethod::Get)
        .skip_signature(true)
        .region("ap-guangzhou")
        .build()
        .unwrap();
    let out = client
        .send(AssumeRoleWithWebIdentity::new(
            "OIDC",
            OIDC_TOKEN,
            ROLE_ARN,
            "get-session",
        ))
        .await
        .unwrap();
    assert_eq!(out.request_id.as_str(), "oidc-req-1");
    let recorded = &server.requests()[0];
    assert_eq!(recorded.method, "GET");
    assert_eq!(recorded.header("authorization"), Some("SKIP"));
    assert_eq!(recorded.param("ProviderId").as_deref(), Some("OIDC"));
}

#[test]
fn skip_signature_requires_tc3() {
    let err = Client::builder()
        .sign_method(SignMethod::HmacSha1)
        .skip_signature(true)
        .build()
        .unwrap_err();
    assert!(
        matches!(err, Error::Config(ConfigError::SkipSignatureNeedsTc3)),
        "{err:?}"
    );
}

#[tokio::test]
async fn a_skip_signature_client_refuses_api2_actions_before_sending() {
    let server = sts().await;
    let client = sts_builder(&server)
        .skip_signature(true)
        .region("ap-guangzhou")
        .build()
        .unwrap();
    let err = client.send(DescribeServiceV2::sample()).await.unwrap_err();
    assert!(
        matches!(
            err,
            Error::InvalidRequest(InvalidRequest::SkipSignatureNeedsTc3 {
                action: "DescribeService"
            })
        ),
        "{err:?}"
    );
    assert_eq!(server.count(), 0);
}

#[tokio::test]
async fn signed_clients_still_sign_and_ask_their_provider() {
    let server = sts().await;
    server.script([sts_answer(1, T0 + 3600)]);
    let lookups = Arc::new(AtomicUsize::new(0));
    let client = sts_builder(&server)
        .credential_provider(CountingRefusal(lookups.clone()))
        .region("ap-guangzhou")
        .build()
        .unwrap();
    let err = client
        .send(AssumeRoleWithWebIdentity::new(
            "OIDC", OIDC_TOKEN, ROLE_ARN, "s1",
        ))
        .await
        .unwrap_err();
    assert!(matches!(err, Error::Credential(_)), "{err:?}");
    assert_eq!(lookups.load(Ordering::SeqCst), 1);
    assert_eq!(server.count(), 0);
}
