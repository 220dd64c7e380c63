//! Every fault the emulator injects, as the real client sees it: a typed error, or a
//! success after the retries the client's policy allows, and the attempts the emulator
//! recorded (so a non-idempotent action is seen to be sent once).
//!
//! `ReleaseMNPVersion` is not idempotent (a release); `DescribeBatchProduction` is.

mod e2e_support;

use std::time::{Duration, Instant};

use e2e_support::{builder, seeded};
use tc_api_core::client::{HttpMethod, SignMethod};
use tc_api_core::emulator::{Emulator, Fault, FaultKind, Outcome};
use tc_api_core::error::{Error, TimeoutKind, TransportPhase, V2Code};
use tc_api_core::{Action, Client};
use tc_api_services::apigateway::v2 as gw;
use tc_api_services::iotexplorer::v20190423::DescribeBatchProduction;
use tc_api_services::tcmpp::v20240801::ReleaseMNPVersion;

fn release() -> ReleaseMNPVersion {
    ReleaseMNPVersion {
        mnp_version_id: 2597,
        platform_id: "T04257DS9431720WTAG".into(),
    }
}

fn batch() -> DescribeBatchProduction {
    DescribeBatchProduction {
        product_id: "R32ONVL0EU".into(),
        batch_production_id: "LC-ya6zinv9".into(),
    }
}

/// Three attempts with millisecond backoff.
fn retrying(emulator: &Emulator) -> Client {
    builder(emulator)
        .max_attempts(3)
        .backoff(Duration::from_millis(1), Duration::from_millis(5))
        .build()
        .unwrap()
}

/// One attempt.
fn once(emulator: &Emulator) -> Client {
    builder(emulator).build().unwrap()
}

/// The outcomes the emulator recorded since the last call, emptying the log.
fn outcomes(emulator: &Emulator) -> Vec<Outcome> {
    emulator
        .take_requests()
        .into_iter()
        .map(|r| r.outcome)
        .collect()
}

// What these tests assume of the two actions.
const _: () = assert!(!ReleaseMNPVersion::META.idempotent);
const _: () = assert!(DescribeBatchProduction::META.idempotent);

#[tokio::test]
async fn throttling_is_retried_then_reported_as_throttling() {
    let emulator = seeded().await;
    emulator.inject(Fault::throttle().times(2));
    let out = retrying(&emulator).send(release()).await.unwrap();
    assert!(!out.request_id.is_empty());
    assert_eq!(
        outcomes(&emulator),
        [
            Outcome::Fault(FaultKind::Throttle),
            Outcome::Fault(FaultKind::Throttle),
            Outcome::Success
        ]
    );

    emulator.inject(Fault::throttle());
    let error = once(&emulator).send(release()).await.unwrap_err();
    assert!(error.is_throttling(), "{error}");
    assert_eq!(error.code(), Some("RequestLimitExceeded"));
    assert!(error.request_id().is_some());

    // API 2.0: code 4400.
    emulator.inject(Fault::throttle());
    let error = once(&emulator)
        .send(gw::DescribeService {
            service_id: "service-XX".into(),
        })
        .await
        .unwrap_err();
    assert!(
        matches!(
            error,
            Error::ApiV2 {
                code: V2Code::QuotaExceeded,
                ..
            }
        ),
        "{error:?}"
    );
    assert!(error.is_throttling());
}

#[tokio::test]
async fn scoped_faults_hit_only_their_action() {
    let emulator = seeded().await;
    emulator.inject(Fault::throttle().for_action("DescribeBatchProduction"));
    let client = once(&emulator);
    client.send(release()).await.unwrap();
    assert_eq!(emulator.pending_faults(), 1);
    assert!(client.send(batch()).await.unwrap_err().is_throttling());
    assert_eq!(emulator.pending_faults(), 0);
}

#[tokio::test]
async fn server_errors_503_retried_500_only_when_idempotent() {
    let emulator = seeded().await;
    let client = retrying(&emulator);

    emulator.inject(Fault::status(503));
    client.send(release()).await.unwrap();
    assert_eq!(
        outcomes(&emulator).len(),
        2,
        "503 means not processed: retried"
    );

    emulator.inject(Fault::status(500));
    let error = client.send(release()).await.unwrap_err();
    assert!(
        matches!(&error, Error::HttpStatus { status: 500, excerpt, .. } if excerpt.contains("<html>")),
        "{error:?}"
    );
    assert_eq!(
        outcomes(&emulator).len(),
        1,
        "a release is not repeated after a 500"
    );

    emulator.inject(Fault::status(502));
    client.send(batch()).await.unwrap();
    assert_eq!(
        outcomes(&emulator),
        [Outcome::Fault(FaultKind::HttpStatus(502)), Outcome::Success]
    );
}

#[tokio::test]
async fn api_errors_injected_as_faults() {
    let emulator = seeded().await;
    emulator.inject(Fault::api_error("InternalError", "injected failure"));
    let error = retrying(&emulator).send(batch()).await.unwrap_err();
    assert_eq!(error.code(), Some("InternalError"));
    assert_eq!(outcomes(&emulator).len(), 1, "InternalError is not retried");
}

#[tokio::test]
async fn a_slow_answer_times_out_per_attempt_and_is_retried_if_idempotent() {
    let emulator = seeded().await;
    let client = builder(&emulator)
        .attempt_timeout(Duration::from_millis(300))
        .max_attempts(2)
        .backoff(Duration::from_millis(1), Duration::from_millis(5))
        .build()
        .unwrap();

    emulator.inject(Fault::delay(Duration::from_millis(100)));
    client.send(release()).await.unwrap();
    assert_eq!(outcomes(&emulator), [Outcome::Success]);

    emulator.inject(Fault::delay(Duration::from_secs(2)));
    let started = Instant::now();
    let error = client.send(release()).await.unwrap_err();
    assert!(
        matches!(
            error,
            Error::Timeout {
                kind: TimeoutKind::Attempt,
                ..
            }
        ),
        "{error:?}"
    );
    assert!(
        started.elapsed() < Duration::from_secs(1),
        "bounded by the attempt timeout"
    );

    emulator.inject(Fault::delay(Duration::from_secs(2)));
    let out = client.send(batch()).await.unwrap();
    assert!(!out.request_id.is_empty());
}

#[tokio::test]
async fn dropped_connections_are_ambiguous() {
    let emulator = seeded().await;
    let client = retrying(&emulator);

    for fault in [Fault::drop_before_read(), Fault::drop_after_read()] {
        let kind = fault.kind().clone();
        emulator.clear_requests();
        // Not idempotent: one attempt, a transport error after sending.
        emulator.inject(fault.clone());
        let error = client.send(release()).await.unwrap_err();
        assert!(
            matches!(
                error,
                Error::Transport {
                    phase: TransportPhase::Exchange,
                    ..
                }
            ),
            "{kind:?}: {error:?}"
        );
        assert!(error.is_ambiguous());
        assert_eq!(outcomes(&emulator), [Outcome::Fault(kind.clone())]);

        // Idempotent: retried, then answered.
        emulator.inject(fault);
        client.send(batch()).await.unwrap();
        assert_eq!(
            outcomes(&emulator),
            [Outcome::Fault(kind.clone()), Outcome::Success],
            "{kind:?}"
        );
    }

    // Before reading, the request body never reached the handler; after reading, it did.
    for (fault, read) in [
        (Fault::drop_before_read(), false),
        (Fault::drop_after_read(), true),
    ] {
        emulator.inject(fault);
        let _ = once(&emulator).send(release()).await;
        let recorded = emulator.take_requests();
        assert_eq!(!recorded[0].body.is_empty(), read);
    }
}

#[tokio::test]
async fn a_v1_post_drops_before_reading_by_action_too() {
    let emulator = seeded().await;
    emulator.inject(Fault::drop_before_read().for_action("ReleaseMNPVersion"));
    let client = builder(&emulator)
        .sign_method(SignMethod::HmacSha256)
        .http_method(HttpMethod::Post)
        .build()
        .unwrap();
    let error = client.send(release()).await.unwrap_err();
    assert!(matches!(error, Error::Transport { .. }), "{error:?}");
    assert_eq!(
        outcomes(&emulator),
        [Outcome::Fault(FaultKind::DropBeforeRead)]
    );
}

#[tokio::test]
async fn malformed_and_truncated_bodies() {
    let emulator = seeded().await;
    let client = retrying(&emulator);

    emulator.inject(Fault::malformed_json());
    let error = client.send(batch()).await.unwrap_err();
    assert!(
        matches!(
            error,
            Error::Decode {
                http_status: 200,
                ..
            }
        ),
        "{error:?}"
    );
    assert_eq!(
        outcomes(&emulator).len(),
        1,
        "a decode error is not retried"
    );

    emulator.inject(Fault::truncated_body());
    let error = client.send(release()).await.unwrap_err();
    assert!(
        matches!(
            error,
            Error::Transport {
                phase: TransportPhase::Exchange,
                ..
            }
        ),
        "{error:?}"
    );
    assert_eq!(
        outcomes(&emulator),
        [Outcome::Fault(FaultKind::TruncatedBody)]
    );

    emulator.inject(Fault::truncated_body());
    client.send(batch()).await.unwrap();
    assert_eq!(
        outcomes(&emulator),
        [Outcome::Fault(FaultKind::TruncatedBody), Outcome::Success]
    );
}

#[tokio::test]
async fn large_bodies_are_read_up_to_the_cap() {
    let emulator = seeded().await;
    let client = builder(&emulator)
        .max_response_bytes(2 * 1024 * 1024)
        .build()
        .unwrap();
    for chunked in [false, true] {
        // Within the cap: a valid envelope whose padding the response type ignores.
        emulator.inject(Fault::new(FaultKind::LargeBody {
            bytes: 1024 * 1024,
            chunked,
        }));
        let out = client.send(batch()).await.unwrap();
        assert_eq!(out.request_id.as_str().len(), 36);
        // Over the cap: refused.
        emulator.inject(Fault::new(FaultKind::LargeBody {
            bytes: 3 * 1024 * 1024,
            chunked,
        }));
        let error = client.send(batch()).await.unwrap_err();
        assert!(
            matches!(error, Error::TooLarge { limit, .. } if limit == 2 * 1024 * 1024),
            "chunked {chunked}: {error:?}"
        );
    }
}
