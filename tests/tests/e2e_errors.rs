//! Every error the emulator answers, as the real client sees it: the typed error, its
//! code and message, and the RequestId the emulator recorded.
//!
//! Requests the real definitions would never produce (a missing, mistyped or unknown
//! parameter, an unknown action or version, a region the action refuses) are sent
//! through *shadow* actions declared here: the same service, action and version as a
//! seeded action, with different fields or rules. A malformed `Authorization` header,
//! which no client sends, goes over a raw socket.

mod e2e_support;

use std::sync::Arc;
use std::sync::atomic::{AtomicI64, Ordering};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use e2e_support::{V3_COMBOS, builder, client, method_name, seeded};
use serde_json::Value;
use tc_api_core::client::{HttpMethod, SignMethod};
use tc_api_core::emulator::{DEMO_SECRET_ID, DEMO_SECRET_KEY, Emulator, EmulatorError, codes};
use tc_api_core::error::{Error, V2Code};
use tc_api_core::{Action, Client, Credential, Empty};
use tc_api_macros::{tc_action, tc_model};
use tc_api_services::apigateway::v2 as gw;
use tc_api_services::tcmpp::v20240801::{ReleaseMNPVersion, ReleaseMNPVersionError};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

fn release() -> ReleaseMNPVersion {
    ReleaseMNPVersion {
        mnp_version_id: 2597,
        platform_id: "T04257DS9431720WTAG".into(),
    }
}

fn services_status() -> gw::DescribeServicesStatus {
    gw::DescribeServicesStatus {
        limit: Some(2),
        ..Default::default()
    }
}

/// The code, message and RequestId of an API error (3.0 code, or 2.0 numeric code).
fn api_error(error: &Error) -> (String, String, String) {
    match error {
        Error::Api {
            code,
            message,
            request_id,
            ..
        } => (
            code.clone(),
            message.clone(),
            request_id
                .as_ref()
                .map(|id| id.to_string())
                .unwrap_or_default(),
        ),
        Error::ApiV2 {
            code,
            message,
            request_id,
            ..
        } => (
            tc_api_core::ErrorCode::as_code(code).to_owned(),
            message.clone(),
            request_id
                .as_ref()
                .map(|id| id.to_string())
                .unwrap_or_default(),
        ),
        other => panic!("not an API error: {other:?}"),
    }
}

/// Sends `action` with `client`, expects an API error with `code` whose message contains
/// `mentions`, and checks it carries the RequestId the emulator recorded.
async fn expect_error<A: Action>(
    emulator: &Emulator,
    client: &Client,
    action: A,
    code: &str,
    mentions: &str,
) -> String {
    emulator.clear_requests();
    let Err(error) = client.send(action).await else {
        panic!("the emulator must refuse this request ({code})")
    };
    let (got, message, request_id) = api_error(&error);
    assert_eq!(got, code, "{error}");
    assert!(
        message.contains(mentions),
        "{code}: {message:?} lacks {mentions:?}"
    );
    let recorded = emulator.requests();
    let last = recorded.last().expect("the request was recorded");
    assert_eq!(
        last.request_id.as_deref(),
        Some(request_id.as_str()),
        "{error}"
    );
    assert!(!request_id.is_empty());
    message
}

fn with_credential(emulator: &Emulator, id: &str, key: &str, sign: SignMethod) -> Client {
    builder(emulator)
        .credential(Credential::new(id, key).unwrap())
        .sign_method(sign)
        .build()
        .unwrap()
}

#[tokio::test]
async fn wrong_key_is_a_signature_failure_in_every_method() {
    let emulator = seeded().await;
    for (sign, method) in V3_COMBOS {
        let client = builder(&emulator)
            .credential(Credential::new(DEMO_SECRET_ID, "not-the-key").unwrap())
            .sign_method(sign)
            .http_method(method)
            .build()
            .unwrap();
        expect_error(
            &emulator,
            &client,
            release(),
            codes::SIGNATURE_FAILURE,
            "signature",
        )
        .await;
        let error = client.send(release()).await.unwrap_err();
        assert_eq!(error.code(), Some("AuthFailure.SignatureFailure"));
        assert!(!error.is_retryable(), "{error}");
        // API 2.0: code 4100.
        let error = client.send(services_status()).await.unwrap_err();
        assert!(
            matches!(&error, Error::ApiV2 { code: V2Code::AuthFailure, code_desc: Some(desc), .. } if desc == codes::SIGNATURE_FAILURE),
            "{sign:?} {}: {error:?}",
            method_name(method)
        );
    }
}

#[tokio::test]
async fn unknown_secret_id() {
    let emulator = seeded().await;
    for sign in [
        SignMethod::Tc3HmacSha256,
        SignMethod::HmacSha1,
        SignMethod::HmacSha256,
    ] {
        let client = with_credential(&emulator, "AKIDnobodyknows", "key", sign);
        expect_error(
            &emulator,
            &client,
            release(),
            codes::SECRET_ID_NOT_FOUND,
            "AKIDnobodyknows",
        )
        .await;
        let error = client.send(services_status()).await.unwrap_err();
        assert_eq!(error.code(), Some("4104"), "{error}");
    }
}

fn unix_now() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_secs() as i64
}

#[tokio::test]
async fn an_old_timestamp_expires_and_the_client_adopts_the_emulators_clock() {
    let emulator = seeded().await;
    // The emulator runs an hour ahead; the client learns it from the Date header of the
    // SignatureExpire answer and re-signs once.
    emulator.set_clock_offset_secs(3600);
    for sign in [SignMethod::Tc3HmacSha256, SignMethod::HmacSha256] {
        let client = e2e_support::client(&emulator, sign, HttpMethod::Post);
        emulator.clear_requests();
        let out = client.send(release()).await.unwrap();
        let outcomes: Vec<Option<String>> = emulator
            .requests()
            .iter()
            .map(|r| r.error_code().map(str::to_owned))
            .collect();
        assert_eq!(
            outcomes,
            [Some(codes::SIGNATURE_EXPIRE.to_owned()), None],
            "{sign:?}"
        );
        assert!(!out.request_id.is_empty());
        assert!(
            (client.clock_skew_secs() - 3600).abs() <= 2,
            "{}",
            client.clock_skew_secs()
        );
    }
}

#[tokio::test]
async fn a_timestamp_that_stays_off_is_a_signature_expire_error() {
    let emulator = seeded().await;
    // A clock that falls back an hour at every reading: the corrected retry is off again.
    let readings = Arc::new(AtomicI64::new(0));
    let clock = move || {
        let n = readings.fetch_add(1, Ordering::Relaxed) + 1;
        SystemTime::now() - Duration::from_secs(3600 * n as u64)
    };
    for sign in [SignMethod::Tc3HmacSha256, SignMethod::HmacSha1] {
        let client = builder(&emulator)
            .clock(clock.clone())
            .sign_method(sign)
            .build()
            .unwrap();
        let message = expect_error(
            &emulator,
            &client,
            release(),
            codes::SIGNATURE_EXPIRE,
            "expired",
        )
        .await;
        assert!(
            message.contains(&format!("{}", unix_now())[..6]),
            "{message}"
        );
        let error = client.send(services_status()).await.unwrap_err();
        assert_eq!(error.code(), Some("4200"), "{error}");
    }
}

#[tokio::test]
async fn a_missing_or_wrong_token_is_a_token_failure() {
    let emulator = seeded().await;
    emulator.add_temporary_credential("AKIDtemporary", "temporary-key", "the-token");
    for sign in [SignMethod::Tc3HmacSha256, SignMethod::HmacSha256] {
        let client = with_credential(&emulator, "AKIDtemporary", "temporary-key", sign);
        expect_error(
            &emulator,
            &client,
            release(),
            codes::TOKEN_FAILURE,
            "missing",
        )
        .await;
        let client = builder(&emulator)
            .credential(
                Credential::new("AKIDtemporary", "temporary-key")
                    .unwrap()
                    .with_token("the-token")
                    .unwrap(),
            )
            .sign_method(sign)
            .build()
            .unwrap();
        client.send(release()).await.unwrap();
    }
}

/// Sends raw HTTP/1.1 and returns the status and the JSON body.
async fn raw(emulator: &Emulator, request: String) -> (u16, Value) {
    let mut stream = tokio::net::TcpStream::connect(emulator.addr())
        .await
        .unwrap();
    stream.write_all(request.as_bytes()).await.unwrap();
    let mut answer = Vec::new();
    tokio::time::timeout(Duration::from_secs(5), stream.read_to_end(&mut answer))
        .await
        .expect("the emulator answers")
        .unwrap();
    let text = String::from_utf8(answer).unwrap();
    let (head, body) = text.split_once("\r\n\r\n").unwrap();
    let status = head.split(' ').nth(1).unwrap().parse().unwrap();
    assert!(
        head.to_ascii_lowercase().contains("\r\ndate: "),
        "every answer has a Date: {head}"
    );
    (status, serde_json::from_str(body).unwrap())
}

#[tokio::test]
async fn a_malformed_authorization_is_invalid_authorization() {
    let emulator = seeded().await;
    let body = r#"{"MNPVersionId":2597,"PlatformId":"T0"}"#;
    for (authorization, mentions) in [
        (
            "TC3-HMAC-SHA256 Credential=AKIDx/2024-01-01/tcmpp",
            "SignedHeaders",
        ),
        (
            "TC3-HMAC-SHA1 Credential=a/b/c/d, SignedHeaders=host, Signature=x",
            "algorithm",
        ),
        (
            "TC3-HMAC-SHA256 Credential=AKIDx/2024-01-01/tcmpp/tc3_request, SignedHeaders=host, Signature=00",
            "content-type",
        ),
    ] {
        let request = format!(
            "POST / HTTP/1.1\r\nHost: {}\r\nContent-Type: application/json\r\nX-TC-Action: ReleaseMNPVersion\r\nX-TC-Version: 2024-08-01\r\nX-TC-Timestamp: {}\r\nX-TC-Region: ap-guangzhou\r\nAuthorization: {authorization}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
            emulator.addr(),
            unix_now(),
            body.len()
        );
        let (status, answer) = raw(&emulator, request).await;
        assert_eq!(status, 200);
        let error = &answer["Response"]["Error"];
        assert_eq!(error["Code"], codes::INVALID_AUTHORIZATION, "{answer}");
        assert!(
            error["Message"].as_str().unwrap().contains(mentions),
            "{answer}"
        );
        assert_eq!(answer["Response"]["RequestId"].as_str().unwrap().len(), 36);
    }
    // No signature at all.
    let request = format!(
        "POST / HTTP/1.1\r\nHost: {}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        emulator.addr(),
        body.len()
    );
    let (_, answer) = raw(&emulator, request).await;
    assert_eq!(
        answer["Response"]["Error"]["Code"],
        codes::INVALID_AUTHORIZATION
    );
}

/// Shadows of seeded actions: same wire identity, other fields or rules.
mod shadow {
    use super::*;

    /// ReleaseMNPVersion without its required `PlatformId`.
    #[tc_action(service = "tcmpp", version = "2024-08-01", action = "ReleaseMNPVersion", response = Empty)]
    pub struct ReleaseWithoutPlatform {
        #[tc(rename = "MNPVersionId")]
        pub mnp_version_id: i64,
    }

    /// ReleaseMNPVersion with a text version id.
    #[tc_action(service = "tcmpp", version = "2024-08-01", action = "ReleaseMNPVersion", response = Empty)]
    pub struct ReleaseWithTextId {
        #[tc(rename = "MNPVersionId")]
        pub mnp_version_id: String,
        pub platform_id: String,
    }

    /// ReleaseMNPVersion with a parameter it does not define.
    #[tc_action(service = "tcmpp", version = "2024-08-01", action = "ReleaseMNPVersion", response = Empty)]
    pub struct ReleaseWithColour {
        #[tc(rename = "MNPVersionId")]
        pub mnp_version_id: i64,
        pub platform_id: String,
        pub colour: String,
    }

    /// An action the emulator does not know.
    #[tc_action(service = "tcmpp", version = "2024-08-01", response = Empty)]
    pub struct ReleaseEverything {}

    /// ReleaseMNPVersion in a version that does not exist.
    #[tc_action(service = "tcmpp", version = "2099-01-01", action = "ReleaseMNPVersion", response = Empty)]
    pub struct ReleaseFromTheFuture {
        #[tc(rename = "MNPVersionId")]
        pub mnp_version_id: i64,
        pub platform_id: String,
    }

    /// DescribeBatchProduction with no region list (the real one has six regions).
    #[tc_action(
        service = "iotexplorer",
        version = "2019-04-23",
        action = "DescribeBatchProduction",
        region = "optional",
        response = Empty
    )]
    pub struct BatchAnyRegion {
        pub product_id: String,
        pub batch_production_id: String,
    }

    /// DescribeBatchProduction sent without a region (the real one requires one).
    #[tc_action(
        service = "iotexplorer",
        version = "2019-04-23",
        action = "DescribeBatchProduction",
        region = "none",
        response = Empty
    )]
    pub struct BatchNoRegion {
        pub product_id: String,
        pub batch_production_id: String,
    }

    /// API 2.0 CreateApi whose nested `requestConfig` lacks its required `method`.
    #[tc_action(service = "apigateway", api2, action = "CreateApi", response = Empty)]
    pub struct CreateApiWithoutMethod {
        pub service_id: String,
        pub request_config: PathOnly,
        pub service_type: String,
        pub service_timeout: i64,
    }

    #[tc_model(api2)]
    pub struct PathOnly {
        pub path: String,
    }

    /// An API 2.0 action the emulator does not know.
    #[tc_action(service = "apigateway", api2, response = Empty)]
    pub struct DescribeEverything {}

    /// ReleaseMNPVersion signed for another service.
    #[tc_action(service = "cvm", version = "2024-08-01", action = "ReleaseMNPVersion", response = Empty)]
    pub struct ReleaseSignedForCvm {
        #[tc(rename = "MNPVersionId")]
        pub mnp_version_id: i64,
        pub platform_id: String,
    }
}

#[tokio::test]
async fn parameter_errors_name_the_parameter_in_every_encoding() {
    let emulator = seeded().await;
    for (sign, method) in V3_COMBOS {
        let client = client(&emulator, sign, method);
        let how = format!("{} {}", sign.wire_name(), method_name(method));
        let message = expect_error(
            &emulator,
            &client,
            shadow::ReleaseWithoutPlatform { mnp_version_id: 1 },
            codes::MISSING_PARAMETER,
            "`PlatformId`",
        )
        .await;
        assert!(!message.is_empty(), "{how}");
        expect_error(
            &emulator,
            &client,
            shadow::ReleaseWithTextId {
                mnp_version_id: "v2597".into(),
                platform_id: "T0".into(),
            },
            codes::INVALID_PARAMETER,
            "`MNPVersionId`",
        )
        .await;
        expect_error(
            &emulator,
            &client,
            shadow::ReleaseWithColour {
                mnp_version_id: 1,
                platform_id: "T0".into(),
                colour: "red".into(),
            },
            codes::UNKNOWN_PARAMETER,
            "`Colour`",
        )
        .await;
    }
    // A JSON number where the action wants a string is refused too (TC3 POST).
    let client = client(&emulator, SignMethod::Tc3HmacSha256, HttpMethod::Post);
    expect_error(
        &emulator,
        &client,
        shadow::ReleaseWithTextId {
            mnp_version_id: "2597".into(),
            platform_id: "T0".into(),
        },
        codes::INVALID_PARAMETER,
        "expected an integer",
    )
    .await;
    // API 2.0: the nested path, code 4000.
    for method in [HttpMethod::Get, HttpMethod::Post] {
        let client = e2e_support::client(&emulator, SignMethod::HmacSha256, method);
        let error = client
            .send(shadow::CreateApiWithoutMethod {
                service_id: "service-XX".into(),
                request_config: shadow::PathOnly {
                    path: "/path".into(),
                },
                service_type: "HTTP".into(),
                service_timeout: 15,
            })
            .await
            .unwrap_err();
        match &error {
            Error::ApiV2 {
                code: V2Code::InvalidParameter,
                message,
                code_desc,
                request_id,
                ..
            } => {
                assert!(message.contains("`requestConfig.method`"), "{message}");
                assert_eq!(code_desc.as_deref(), Some(codes::MISSING_PARAMETER));
                assert!(request_id.is_some());
            }
            other => panic!("{other:?}"),
        }
    }
}

#[tokio::test]
async fn unknown_actions_and_versions_are_invalid_action() {
    let emulator = seeded().await;
    for sign in [SignMethod::Tc3HmacSha256, SignMethod::HmacSha1] {
        let client = with_credential(&emulator, DEMO_SECRET_ID, DEMO_SECRET_KEY, sign);
        expect_error(
            &emulator,
            &client,
            shadow::ReleaseEverything {},
            codes::INVALID_ACTION,
            "ReleaseEverything",
        )
        .await;
        expect_error(
            &emulator,
            &client,
            shadow::ReleaseFromTheFuture {
                mnp_version_id: 1,
                platform_id: "T0".into(),
            },
            codes::INVALID_ACTION,
            "2024-08-01",
        )
        .await;
        let error = client
            .send(shadow::DescribeEverything {})
            .await
            .unwrap_err();
        assert_eq!(error.code(), Some("4000"), "{error}");
    }
}

#[tokio::test]
async fn a_scope_for_another_service_is_a_signature_failure() {
    let emulator = seeded().await;
    let client = client(&emulator, SignMethod::Tc3HmacSha256, HttpMethod::Post);
    expect_error(
        &emulator,
        &client,
        shadow::ReleaseSignedForCvm {
            mnp_version_id: 1,
            platform_id: "T0".into(),
        },
        codes::SIGNATURE_FAILURE,
        "\"cvm\"",
    )
    .await;
}

#[tokio::test]
async fn regions_the_action_refuses_are_unsupported_region() {
    let emulator = seeded().await;
    for sign in [SignMethod::Tc3HmacSha256, SignMethod::HmacSha256] {
        let client = builder(&emulator)
            .region("ap-nowhere")
            .sign_method(sign)
            .build()
            .unwrap();
        let batch = shadow::BatchAnyRegion {
            product_id: "R32ONVL0EU".into(),
            batch_production_id: "LC-ya6zinv9".into(),
        };
        expect_error(
            &emulator,
            &client,
            batch,
            codes::UNSUPPORTED_REGION,
            "ap-nowhere",
        )
        .await;
        let client = client.with_region(None).unwrap();
        expect_error(
            &emulator,
            &client,
            shadow::BatchNoRegion {
                product_id: "R32ONVL0EU".into(),
                batch_production_id: "LC-ya6zinv9".into(),
            },
            codes::UNSUPPORTED_REGION,
            "requires a region",
        )
        .await;
    }
}

#[tokio::test]
async fn handler_errors_reach_the_client_as_the_actions_typed_code() {
    let emulator = Emulator::start().await.unwrap();
    emulator
        .on::<ReleaseMNPVersion>(|request| {
            if request.mnp_version_id == 2597 {
                Err(EmulatorError::new(
                    "FailedOperation.MNPVersionReleased",
                    "version 2597 is released already",
                ))
            } else {
                Ok(serde_json::from_str(r#"{"Data":{"Result":true}}"#).unwrap())
            }
        })
        .unwrap();
    let client = client(&emulator, SignMethod::Tc3HmacSha256, HttpMethod::Get);
    let error = client.send(release()).await.unwrap_err();
    assert_eq!(
        error.action_error::<ReleaseMNPVersion>(),
        Some(ReleaseMNPVersionError::MnpVersionReleased),
        "{error}"
    );
    assert!(error.to_string().contains("released already"), "{error}");
    let mut other = release();
    other.mnp_version_id = 2598;
    let out = client.send(other).await.unwrap();
    assert_eq!(out.data.data.unwrap().result, Some(true));
}
