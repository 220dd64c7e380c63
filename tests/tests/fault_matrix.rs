//! The fault matrix: every fault the emulator injects, against a client with tight,
//! explicit timeouts. Each call must end within its total timeout (plus a small margin)
//! with a success or a typed error, after the attempts the retry policy allows; the
//! attempts are counted from the emulator's request log. Answers over the response cap
//! (default 16 MiB) must be refused without being read whole.
//!
//! Run with `--nocapture` to see the matrix as a table.

mod e2e_support;
mod rel_support;

use std::time::{Duration, Instant};

use e2e_support::seeded;
use rel_support::{memory, table};
use tc_api_core::client::DEFAULT_MAX_RESPONSE_BYTES;
use tc_api_core::emulator::{DEMO_SECRET_ID, DEMO_SECRET_KEY, Emulator, Fault, FaultKind};
use tc_api_core::error::{Error, TimeoutKind, TransportPhase};
use tc_api_core::{Action, Client, Credential};
use tc_api_services::iotexplorer::v20190423::DescribeBatchProduction;
use tc_api_services::tcmpp::v20240801::ReleaseMNPVersion;

const ATTEMPT_TIMEOUT: Duration = Duration::from_millis(400);
const TOTAL_TIMEOUT: Duration = Duration::from_secs(2);
/// Scheduling slack on a shared 2-core machine.
const MARGIN: Duration = Duration::from_millis(300);
const MAX_ATTEMPTS: u32 = 3;
/// A delay that outlasts the attempt timeout: the headers come too late.
const SLOW_HEADERS: Duration = Duration::from_millis(700);
const LARGE_BODY: u64 = 50 * 1024 * 1024;

const _: () = assert!(!ReleaseMNPVersion::META.idempotent);
const _: () = assert!(DescribeBatchProduction::META.idempotent);

fn client(emulator: &Emulator) -> Client {
    Client::builder()
        .endpoint(emulator.url())
        .credential(Credential::new(DEMO_SECRET_ID, DEMO_SECRET_KEY).unwrap())
        .region("ap-guangzhou")
        .rate_limit(false)
        .max_attempts(MAX_ATTEMPTS)
        .backoff(Duration::from_millis(1), Duration::from_millis(10))
        .attempt_timeout(ATTEMPT_TIMEOUT)
        .total_timeout(TOTAL_TIMEOUT)
        .build()
        .unwrap()
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Target {
    /// `DescribeBatchProduction`: idempotent, retried after ambiguous failures.
    Idempotent,
    /// `ReleaseMNPVersion`: not idempotent, never sent twice after an ambiguous failure.
    NonIdempotent,
}

/// What one call ended with: `ok`, or the error's kind.
fn outcome(result: &Result<String, Error>) -> String {
    match result {
        Ok(request_id) => format!("ok ({})", &request_id[..8.min(request_id.len())]),
        Err(error) => kind(error),
    }
}

fn kind(error: &Error) -> String {
    match error {
        Error::Api { code, .. } => format!("Api({code})"),
        Error::ApiV2 { code, .. } => format!("ApiV2({code:?})"),
        Error::HttpStatus { status, .. } => format!("HttpStatus({status})"),
        Error::Transport { phase, .. } => format!("Transport({phase:?})"),
        Error::Timeout { kind, .. } => format!("Timeout({kind:?})"),
        Error::Decode { .. } => "Decode".to_owned(),
        Error::TooLarge { limit, .. } => format!("TooLarge(limit {limit})"),
        other => format!("{other:?}"),
    }
}

async fn call(client: &Client, target: Target) -> Result<String, Error> {
    match target {
        Target::Idempotent => client
            .send(DescribeBatchProduction {
                product_id: "R32ONVL0EU".into(),
                batch_production_id: "LC-ya6zinv9".into(),
            })
            .await
            .map(|out| out.request_id.to_string()),
        Target::NonIdempotent => client
            .send(ReleaseMNPVersion {
                mnp_version_id: 2597,
                platform_id: "T04257DS9431720WTAG".into(),
            })
            .await
            .map(|out| out.request_id.to_string()),
    }
}

/// What a row expects: the outcome and the attempts made.
struct Expect {
    outcome: fn(&Result<String, Error>) -> bool,
    attempts: u64,
}

struct Row {
    fault: &'static str,
    target: Target,
    faults: Vec<Fault>,
    expect: Expect,
    /// Whether `faults` are single delays: a request the client gave up on during its
    /// delay is never recorded (the emulator's handler is dropped with the connection),
    /// so such attempts are counted as the delay faults used up.
    delayed: bool,
}

fn ok(r: &Result<String, Error>) -> bool {
    r.is_ok()
}

fn exchange_error(r: &Result<String, Error>) -> bool {
    matches!(
        r,
        Err(Error::Transport {
            phase: TransportPhase::Exchange,
            ..
        })
    )
}

fn rows() -> Vec<Row> {
    let row = |fault, target, faults, outcome, attempts| Row {
        fault,
        target,
        faults,
        expect: Expect { outcome, attempts },
        delayed: false,
    };
    vec![
        row(
            "drop before read, once",
            Target::Idempotent,
            vec![Fault::drop_before_read()],
            ok,
            2,
        ),
        row(
            "drop before read, always",
            Target::Idempotent,
            vec![Fault::drop_before_read().always()],
            exchange_error,
            3,
        ),
        row(
            "drop before read, non-idempotent",
            Target::NonIdempotent,
            vec![Fault::drop_before_read()],
            exchange_error,
            1,
        ),
        row(
            "drop after read, once",
            Target::Idempotent,
            vec![Fault::drop_after_read()],
            ok,
            2,
        ),
        row(
            "drop after read, non-idempotent",
            Target::NonIdempotent,
            vec![Fault::drop_after_read()],
            exchange_error,
            1,
        ),
        row(
            "HTTP 503, once",
            Target::NonIdempotent,
            vec![Fault::status(503)],
            ok,
            2,
        ),
        row(
            "HTTP 502, always",
            Target::Idempotent,
            vec![Fault::status(502).always()],
            |r| matches!(r, Err(Error::HttpStatus { status: 502, .. })),
            3,
        ),
        row(
            "HTTP 500, non-idempotent",
            Target::NonIdempotent,
            vec![Fault::status(500).always()],
            |r| matches!(r, Err(Error::HttpStatus { status: 500, .. })),
            1,
        ),
        row(
            "malformed JSON",
            Target::Idempotent,
            vec![Fault::malformed_json().always()],
            |r| matches!(r, Err(Error::Decode { .. })),
            1,
        ),
        row(
            "truncated body, once",
            Target::Idempotent,
            vec![Fault::truncated_body()],
            ok,
            2,
        ),
        row(
            "truncated body, always",
            Target::Idempotent,
            vec![Fault::truncated_body().always()],
            exchange_error,
            3,
        ),
        row(
            "50 MiB body, Content-Length",
            Target::Idempotent,
            vec![Fault::large_body(LARGE_BODY)],
            too_large,
            1,
        ),
        row(
            "50 MiB body, chunked",
            Target::Idempotent,
            vec![Fault::new(FaultKind::LargeBody {
                bytes: LARGE_BODY,
                chunked: true,
            })],
            too_large,
            1,
        ),
        Row {
            delayed: true,
            ..row(
                "slow headers (700 ms > 400 ms attempt timeout), once",
                Target::Idempotent,
                vec![Fault::delay(SLOW_HEADERS)],
                ok,
                2,
            )
        },
        Row {
            delayed: true,
            ..row(
                "slow headers, every attempt",
                Target::Idempotent,
                vec![Fault::delay(SLOW_HEADERS); MAX_ATTEMPTS as usize],
                |r| {
                    matches!(
                        r,
                        Err(Error::Timeout {
                            kind: TimeoutKind::Attempt | TimeoutKind::Total,
                            ..
                        })
                    )
                },
                3,
            )
        },
        Row {
            delayed: true,
            ..row(
                "slow headers, non-idempotent",
                Target::NonIdempotent,
                vec![Fault::delay(SLOW_HEADERS)],
                |r| {
                    matches!(
                        r,
                        Err(Error::Timeout {
                            kind: TimeoutKind::Attempt,
                            ..
                        })
                    )
                },
                1,
            )
        },
        row(
            "throttled twice",
            Target::NonIdempotent,
            vec![Fault::throttle().times(2)],
            ok,
            3,
        ),
        row(
            "throttled always",
            Target::NonIdempotent,
            vec![Fault::throttle().always()],
            |r| r.as_ref().is_err_and(Error::is_throttling),
            3,
        ),
    ]
}

fn too_large(r: &Result<String, Error>) -> bool {
    matches!(r, Err(Error::TooLarge { limit, http_status: 200 }) if *limit == DEFAULT_MAX_RESPONSE_BYTES)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn fault_matrix() {
    let started = Instant::now();
    let emulator = seeded().await;
    let client = client(&emulator);
    let mut table_rows = Vec::new();
    let mut failures = Vec::new();

    for row in rows() {
        emulator.clear_faults();
        emulator.clear_requests();
        for fault in &row.faults {
            emulator.inject(fault.clone());
        }
        let before = memory();
        let call_started = Instant::now();
        let result = call(&client, row.target).await;
        let elapsed = call_started.elapsed();
        let after = memory();
        let mut attempts = emulator.take_requests().len() as u64;
        if row.delayed {
            attempts += (row.faults.len() - emulator.pending_faults()) as u64;
            // Let the delayed handlers of abandoned attempts run out before the next row.
            tokio::time::sleep(SLOW_HEADERS).await;
            emulator.clear_requests();
        }
        emulator.clear_faults();

        let bound_held = elapsed <= TOTAL_TIMEOUT + MARGIN;
        let peak_growth_mib = match (before, after) {
            (Some(b), Some(a)) => Some(a.peak_kib.saturating_sub(b.peak_kib) / 1024),
            _ => None,
        };
        let outcome_text = outcome(&result);
        if !(row.expect.outcome)(&result) {
            failures.push(format!("{}: unexpected outcome {outcome_text}", row.fault));
        }
        if attempts != row.expect.attempts {
            failures.push(format!(
                "{}: {attempts} attempts, expected {}",
                row.fault, row.expect.attempts
            ));
        }
        if !bound_held {
            failures.push(format!("{}: took {elapsed:?}", row.fault));
        }
        if row.fault.starts_with("50 MiB") {
            // Refused without reading it whole: quickly, and without holding 50 MiB.
            if elapsed > Duration::from_secs(2) {
                failures.push(format!("{}: refusing took {elapsed:?}", row.fault));
            }
            if peak_growth_mib.is_some_and(|mib| mib >= LARGE_BODY / (1024 * 1024)) {
                failures.push(format!(
                    "{}: peak memory grew by {peak_growth_mib:?} MiB",
                    row.fault
                ));
            }
        }
        table_rows.push(vec![
            row.fault.to_owned(),
            match row.target {
                Target::Idempotent => "idempotent".to_owned(),
                Target::NonIdempotent => "non-idempotent".to_owned(),
            },
            outcome_text,
            format!(
                "{} ({} ms)",
                if bound_held { "yes" } else { "NO" },
                elapsed.as_millis()
            ),
            attempts.to_string(),
            peak_growth_mib.map_or("-".to_owned(), |mib| format!("+{mib} MiB")),
        ]);
    }

    let storm = throttling_storm(&emulator).await;
    table_rows.push(storm.row);
    failures.extend(storm.failures);

    println!(
        "\nfault matrix (attempt timeout {ATTEMPT_TIMEOUT:?}, total timeout {TOTAL_TIMEOUT:?}, \
         {MAX_ATTEMPTS} attempts, cap {DEFAULT_MAX_RESPONSE_BYTES} bytes), {:?} in all:\n{}",
        started.elapsed(),
        table(
            &[
                "fault",
                "action",
                "outcome",
                "time bound held",
                "attempts",
                "peak RSS"
            ],
            &table_rows
        )
    );
    assert!(failures.is_empty(), "{failures:#?}");
}

struct Storm {
    row: Vec<String>,
    failures: Vec<String>,
}

/// Every call throttled for 300 ms, 32 calls at once with a backoff long enough to
/// outlast part of the storm: each call ends within its bound, throttled or successful.
async fn throttling_storm(emulator: &Emulator) -> Storm {
    const CALLS: usize = 32;
    const STORM: Duration = Duration::from_millis(300);
    emulator.clear_faults();
    emulator.clear_requests();
    emulator.inject(Fault::throttle().always());
    let client = Client::builder()
        .endpoint(emulator.url())
        .credential(Credential::new(DEMO_SECRET_ID, DEMO_SECRET_KEY).unwrap())
        .region("ap-guangzhou")
        .rate_limit(false)
        .max_attempts(MAX_ATTEMPTS)
        .backoff(Duration::from_millis(250), Duration::from_millis(1000))
        .attempt_timeout(ATTEMPT_TIMEOUT)
        .total_timeout(TOTAL_TIMEOUT)
        .build()
        .unwrap();
    let started = Instant::now();
    let calls: Vec<_> = (0..CALLS)
        .map(|_| {
            let client = client.clone();
            tokio::spawn(async move {
                let began = Instant::now();
                let result = call(&client, Target::NonIdempotent).await;
                (result, began.elapsed())
            })
        })
        .collect();
    tokio::time::sleep(STORM).await;
    emulator.clear_faults();
    let mut succeeded = 0;
    let mut throttled = 0;
    let mut slowest = Duration::ZERO;
    let mut failures = Vec::new();
    for handle in calls {
        let (result, elapsed) = handle.await.expect("the call task ends");
        slowest = slowest.max(elapsed);
        match result {
            Ok(_) => succeeded += 1,
            Err(error) if error.is_throttling() => throttled += 1,
            Err(error) => failures.push(format!("storm: unexpected {}", kind(&error))),
        }
    }
    let attempts = emulator.take_requests().len() as u64;
    let bound_held = slowest <= TOTAL_TIMEOUT + MARGIN;
    if !bound_held {
        failures.push(format!("storm: slowest call took {slowest:?}"));
    }
    if succeeded + throttled != CALLS {
        failures.push(format!("storm: {succeeded} + {throttled} != {CALLS}"));
    }
    if attempts < CALLS as u64 || attempts > (CALLS as u64) * u64::from(MAX_ATTEMPTS) {
        failures.push(format!("storm: {attempts} attempts for {CALLS} calls"));
    }
    if succeeded == 0 {
        failures.push("storm: no call outlasted the storm".to_owned());
    }
    let _ = started;
    Storm {
        row: vec![
            format!(
                "throttling storm: every call throttled for {} ms",
                STORM.as_millis()
            ),
            format!("{CALLS} calls at once"),
            format!("{succeeded} ok, {throttled} Api(RequestLimitExceeded)"),
            format!(
                "{} (slowest {} ms)",
                if bound_held { "yes" } else { "NO" },
                slowest.as_millis()
            ),
            format!("{attempts} (<= {})", CALLS as u32 * MAX_ATTEMPTS),
            "-".to_owned(),
        ],
        failures,
    }
}
