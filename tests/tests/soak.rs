//! Soak: 20,000 calls at concurrency 256 against the emulator with 10% of requests
//! throttled. Every call is accounted for (successes + typed errors == calls), retries
//! stay within the policy (at most `max_attempts` per call, paid from the retry budget),
//! and memory is flat over the second half of the run. Peak RSS is reported.
//!
//! Survival: the emulator outlives hostile input (a 10,000-segment parameter name,
//! 200,000-deep JSON, 1,000 bodies of 9 MiB, 500 connections holding half-sent bodies)
//! within a stated memory bound, and still answers a normal call within a second.
//!
//! Both are ignored by default (the soak takes 80 s in a debug build on a shared 2-core
//! machine, 3.4 s in release; the survival run 18-28 s in release); they run one at a
//! time, and `.ci/run` runs them in release:
//! `cargo test --release -p tc-api-tests --test soak -- --ignored --nocapture`.

mod rel_support;

use std::collections::BTreeMap;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use rel_support::{Memory, memory};
use tc_api_core::emulator::{
    DEFAULT_MAX_BUFFERED_BYTES, DEFAULT_RECORD_BODY_BYTES, DEFAULT_RECORD_BYTES, DEMO_SECRET_ID,
    DEMO_SECRET_KEY, Emulator, Fault,
};
use tc_api_core::error::Error;
use tc_api_core::retry::RETRY_COST;
use tc_api_core::sign::{tc3, v1};
use tc_api_core::{Client, Credential};
use tc_api_services::iotexplorer::v20190423::DescribeBatchProduction;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

const CALLS: usize = 20_000;
const CONCURRENCY: usize = 256;
const THROTTLED: f64 = 0.10;
const MAX_ATTEMPTS: u32 = 3;
const BUDGET: u32 = 500;
/// Bound on every call; none should come near it.
const TOTAL_TIMEOUT: Duration = Duration::from_secs(30);
/// Allowed growth of RSS from the middle to the end of the run: 20% plus this slack.
const RSS_SLACK_KIB: u64 = 8 * 1024;

/// The tests of this file measure the memory of the whole process: one at a time.
static ONE_AT_A_TIME: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());

#[derive(Default)]
struct Tally {
    ok: usize,
    errors: BTreeMap<String, usize>,
}

fn kind(error: &Error) -> String {
    match error {
        Error::Api { code, .. } => format!("Api({code})"),
        Error::HttpStatus { status, .. } => format!("HttpStatus({status})"),
        Error::Transport { phase, .. } => format!("Transport({phase:?})"),
        Error::Timeout { kind, .. } => format!("Timeout({kind:?})"),
        Error::Decode { .. } => "Decode".to_owned(),
        other => format!("{other:?}"),
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "soak: run in release, see the module documentation"]
async fn soak_20k_calls_at_256_with_10_percent_throttling() {
    let _alone = ONE_AT_A_TIME.lock().await;
    let emulator = Emulator::builder()
        .demo_credential()
        .record_limit(1_000)
        .start()
        .await
        .expect("the emulator starts");
    tc_api_services::emulator::seed(&emulator).expect("the examples seed");
    emulator.inject(Fault::throttle().always().with_probability(THROTTLED));
    let client = Client::builder()
        .endpoint(emulator.url())
        .credential(Credential::new(DEMO_SECRET_ID, DEMO_SECRET_KEY).unwrap())
        .region("ap-guangzhou")
        .rate_limit(false)
        .max_attempts(MAX_ATTEMPTS)
        .backoff(Duration::from_millis(1), Duration::from_millis(20))
        .retry_budget(BUDGET)
        .total_timeout(TOTAL_TIMEOUT)
        .build()
        .unwrap();

    let next = Arc::new(AtomicUsize::new(0));
    let done = Arc::new(AtomicUsize::new(0));
    let slowest_ms = Arc::new(AtomicU64::new(0));
    let at_start = memory();
    let started = Instant::now();

    // Memory at 50% and 100% of the calls, and the peak seen by the sampler.
    let sampler = {
        let done = Arc::clone(&done);
        tokio::spawn(async move {
            let mut at_half: Option<Memory> = None;
            let mut max_rss_kib = 0;
            loop {
                let m = memory();
                let finished = done.load(Ordering::Relaxed);
                if let Some(m) = m {
                    max_rss_kib = u64::max(max_rss_kib, m.rss_kib);
                }
                if at_half.is_none() && finished >= CALLS / 2 {
                    at_half = m;
                }
                if finished >= CALLS {
                    return (at_half, max_rss_kib);
                }
                tokio::time::sleep(Duration::from_millis(20)).await;
            }
        })
    };

    let workers: Vec<_> = (0..CONCURRENCY)
        .map(|_| {
            let client = client.clone();
            let next = Arc::clone(&next);
            let done = Arc::clone(&done);
            let slowest_ms = Arc::clone(&slowest_ms);
            tokio::spawn(async move {
                let mut tally = Tally::default();
                while next.fetch_add(1, Ordering::Relaxed) < CALLS {
                    let began = Instant::now();
                    let result = client
                        .send(DescribeBatchProduction {
                            product_id: "R32ONVL0EU".into(),
                            batch_production_id: "LC-ya6zinv9".into(),
                        })
                        .await;
                    slowest_ms.fetch_max(began.elapsed().as_millis() as u64, Ordering::Relaxed);
                    match result {
                        Ok(out) => {
                            assert!(!out.request_id.is_empty());
                            tally.ok += 1;
                        }
                        Err(error) => *tally.errors.entry(kind(&error)).or_default() += 1,
                    }
                    done.fetch_add(1, Ordering::Relaxed);
                }
                tally
            })
        })
        .collect();

    let mut tally = Tally::default();
    for worker in workers {
        let part = worker.await.expect("a worker panicked");
        tally.ok += part.ok;
        for (kind, n) in part.errors {
            *tally.errors.entry(kind).or_default() += n;
        }
    }
    let duration = started.elapsed();
    let (at_half, max_rss_kib) = sampler.await.expect("the sampler ends");
    let at_end = memory();
    let attempts = emulator.request_count();
    let retries = attempts - CALLS as u64;
    let errors: usize = tally.errors.values().sum();

    println!(
        "\nsoak: {CALLS} calls, concurrency {CONCURRENCY}, {:.0}% throttled, {MAX_ATTEMPTS} attempts, \
         budget {BUDGET} tokens ({RETRY_COST} per retry)\n\
         duration {:.1} s ({:.0} calls/s), slowest call {} ms\n\
         successes {}, errors {errors} {:?}\n\
         attempts {attempts}, retries {retries} ({:.1}% of calls), budget left {} tokens\n\
         RSS: start {} KiB, at 50% {} KiB, at 100% {} KiB, sampled max {} KiB, peak (VmHWM) {} KiB",
        THROTTLED * 100.0,
        duration.as_secs_f64(),
        CALLS as f64 / duration.as_secs_f64(),
        slowest_ms.load(Ordering::Relaxed),
        tally.ok,
        tally.errors,
        retries as f64 * 100.0 / CALLS as f64,
        client.retry_tokens(),
        at_start.map_or(0, |m| m.rss_kib),
        at_half.map_or(0, |m| m.rss_kib),
        at_end.map_or(0, |m| m.rss_kib),
        max_rss_kib,
        at_end.map_or(0, |m| m.peak_kib),
    );

    // Every call accounted for, each with a success or a typed error it may end with.
    assert_eq!(tally.ok + errors, CALLS);
    for kind in tally.errors.keys() {
        assert_eq!(
            kind, "Api(RequestLimitExceeded)",
            "unexpected errors: {:?}",
            tally.errors
        );
    }
    // Retries within the policy: at most max_attempts per call; roughly the throttled
    // share (0.1 + 0.01 + ...), far from the 2 per call allowed.
    assert!(attempts <= CALLS as u64 * u64::from(MAX_ATTEMPTS));
    assert!(
        retries as f64 <= CALLS as f64 * THROTTLED * 1.5,
        "{retries} retries"
    );
    assert!(
        retries as f64 >= CALLS as f64 * THROTTLED * 0.5,
        "{retries} retries"
    );
    // Throttled errors only when all attempts were throttled or the budget ran dry.
    assert!(errors as f64 <= CALLS as f64 * 0.02, "{errors} errors");
    assert!(client.retry_tokens() <= BUDGET);
    // Memory flat over the second half.
    if let (Some(half), Some(end)) = (at_half, at_end) {
        assert!(
            end.rss_kib <= half.rss_kib + half.rss_kib / 5 + RSS_SLACK_KIB,
            "RSS grew from {} KiB at 50% to {} KiB at 100%",
            half.rss_kib,
            end.rss_kib
        );
    }
    assert!(slowest_ms.load(Ordering::Relaxed) < TOTAL_TIMEOUT.as_millis() as u64);
}

const SERVICE: &str = "iotexplorer";
const ACTION: &str = "DescribeBatchProduction";
const VERSION: &str = "2019-04-23";
const REGION: &str = "ap-guangzhou";
const PARAMS_JSON: &str = r#"{"ProductId":"R32ONVL0EU","BatchProductionId":"LC-ya6zinv9"}"#;
const BIG_BODY: usize = 9 * 1024 * 1024;
const BIG_BODIES: usize = 1_000;
const BIG_CONCURRENCY: usize = 16;
const HALF_SENT: usize = 500;
/// Bound on the growth of the peak RSS over the whole survival run. The emulator's own
/// bounds add up to about 100 MiB with the defaults (the body budget, 64 MiB, plus the
/// log, 32 MiB); the rest is slack for the allocator and the test's clients.
const SURVIVAL_RSS_GROWTH_KIB: u64 = 256 * 1024;

fn now_unix() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs() as i64
}

/// Sends one HTTP/1.1 request (`connection: close`) and reads the answer to its end.
async fn exchange(emulator: &Emulator, head: &str, body: &[u8]) -> String {
    let mut stream = TcpStream::connect(emulator.addr()).await.unwrap();
    stream.write_all(head.as_bytes()).await.unwrap();
    stream.write_all(body).await.unwrap();
    let mut answer = Vec::new();
    tokio::time::timeout(Duration::from_secs(60), stream.read_to_end(&mut answer))
        .await
        .expect("the emulator answers")
        .unwrap();
    String::from_utf8_lossy(&answer).into_owned()
}

/// The head of a TC3-signed JSON POST of `body` (or an unsigned one).
fn tc3_head(emulator: &Emulator, body: &[u8], signed: bool) -> String {
    let host = emulator.addr().to_string();
    let timestamp = now_unix();
    let authorization = if signed {
        let headers = [
            ("content-type", "application/json"),
            ("host", host.as_str()),
        ];
        let canonical = tc3::CanonicalRequest {
            method: "POST",
            path: "/",
            query: "",
            headers: &headers,
            payload: tc3::Payload::Bytes(body),
        };
        let key = tc3::derive_signing_key(DEMO_SECRET_KEY, &tc3::utc_date(timestamp), SERVICE);
        let value = tc3::authorization(&canonical, SERVICE, timestamp, DEMO_SECRET_ID, &key);
        format!("authorization: {value}\r\n")
    } else {
        String::new()
    };
    format!(
        "POST / HTTP/1.1\r\nhost: {host}\r\ncontent-type: application/json\r\n\
         content-length: {}\r\nconnection: close\r\nx-tc-action: {ACTION}\r\n\
         x-tc-version: {VERSION}\r\nx-tc-region: {REGION}\r\nx-tc-timestamp: {timestamp}\r\n\
         {authorization}\r\n",
        body.len()
    )
}

/// One normal call through the client; it must be answered within a second.
async fn normal_call_within_a_second(client: &Client) {
    let started = Instant::now();
    let out = client
        .send(DescribeBatchProduction {
            product_id: "R32ONVL0EU".into(),
            batch_production_id: "LC-ya6zinv9".into(),
        })
        .await
        .expect("a normal call is answered");
    let took = started.elapsed();
    assert!(!out.request_id.is_empty());
    assert!(took < Duration::from_secs(1), "a normal call took {took:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "survival: run in release, see the module documentation"]
async fn survives_deep_names_deep_json_big_bodies_and_half_sent_bodies() {
    let _alone = ONE_AT_A_TIME.lock().await;
    let emulator = Emulator::builder()
        .demo_credential()
        .start()
        .await
        .expect("the emulator starts");
    tc_api_services::emulator::seed(&emulator).expect("the examples seed");
    let client = Client::builder()
        .endpoint(emulator.url())
        .credential(Credential::new(DEMO_SECRET_ID, DEMO_SECRET_KEY).unwrap())
        .region(REGION)
        .max_attempts(1)
        .build()
        .unwrap();
    normal_call_within_a_second(&client).await;
    let at_start = memory();
    let started = Instant::now();

    // A v1-signed form POST whose one parameter name has 10,000 segments.
    let host = emulator.addr().to_string();
    let deep_name = vec!["a"; 10_000].join(".");
    let common = v1::V1Common {
        action: ACTION,
        version: Some(VERSION),
        region: Some(REGION),
        secret_id: DEMO_SECRET_ID,
        token: None,
        timestamp: now_unix(),
        nonce: 7,
        algorithm: v1::V1Algorithm::HmacSha256,
    };
    let params = vec![
        ("ProductId".to_owned(), "R32ONVL0EU".to_owned()),
        ("BatchProductionId".to_owned(), "LC-ya6zinv9".to_owned()),
        (deep_name, "1".to_owned()),
    ];
    let form = tc_api_core::client::form_encode(&v1::sign_params(
        "POST",
        &host,
        "/",
        &common,
        params,
        DEMO_SECRET_KEY,
    ));
    let head = format!(
        "POST / HTTP/1.1\r\nhost: {host}\r\ncontent-type: application/x-www-form-urlencoded\r\n\
         content-length: {}\r\nconnection: close\r\n\r\n",
        form.len()
    );
    let answer = exchange(&emulator, &head, form.as_bytes()).await;
    assert!(answer.contains("InvalidParameter"), "{answer}");
    assert!(answer.contains("10000 segments"), "{answer}");
    normal_call_within_a_second(&client).await;

    // TC3-signed JSON bodies nested 200,000 deep, in arrays and in objects.
    let depth = 200_000;
    let arrays = format!(
        "{{\"ProductId\":{}{}}}",
        "[".repeat(depth),
        "]".repeat(depth)
    );
    let objects = format!("{}1{}", "{\"A\":".repeat(depth), "}".repeat(depth));
    for body in [arrays, objects] {
        let answer = exchange(
            &emulator,
            &tc3_head(&emulator, body.as_bytes(), true),
            body.as_bytes(),
        )
        .await;
        assert!(answer.contains("InvalidParameter"), "{answer}");
        assert!(answer.contains("recursion limit"), "{answer}");
    }
    normal_call_within_a_second(&client).await;

    // 1,000 bodies of 9 MiB, half signed (verified, their prefix is logged), half not.
    let mut big = PARAMS_JSON.as_bytes().to_vec();
    big.resize(BIG_BODY, b' ');
    let big = Arc::new(big);
    let signed_head = Arc::new(tc3_head(&emulator, &big, true));
    let unsigned_head = Arc::new(tc3_head(&emulator, &big, false));
    let next = Arc::new(AtomicUsize::new(0));
    let emulator = Arc::new(emulator);
    let senders: Vec<_> = (0..BIG_CONCURRENCY)
        .map(|_| {
            let (emulator, next, big) =
                (Arc::clone(&emulator), Arc::clone(&next), Arc::clone(&big));
            let (signed_head, unsigned_head) =
                (Arc::clone(&signed_head), Arc::clone(&unsigned_head));
            tokio::spawn(async move {
                loop {
                    let n = next.fetch_add(1, Ordering::Relaxed);
                    if n >= BIG_BODIES {
                        return;
                    }
                    let signed = n % 2 == 0;
                    let head = if signed { &signed_head } else { &unsigned_head };
                    let answer = exchange(&emulator, head, &big).await;
                    let expected = if signed {
                        "\"BatchCnt\""
                    } else {
                        "InvalidAuthorization"
                    };
                    assert!(answer.contains(expected), "{n}: {answer}");
                }
            })
        })
        .collect();
    let sampler = {
        let next = Arc::clone(&next);
        tokio::spawn(async move {
            let mut max_rss_kib = 0;
            while next.load(Ordering::Relaxed) < BIG_BODIES {
                if let Some(m) = memory() {
                    max_rss_kib = max_rss_kib.max(m.rss_kib);
                }
                tokio::time::sleep(Duration::from_millis(20)).await;
            }
            max_rss_kib
        })
    };
    for sender in senders {
        sender.await.expect("a sender panicked");
    }
    let big_done = started.elapsed();
    let max_rss_kib = sampler.await.unwrap();
    let after_big = memory();
    let recorded = emulator.requests();
    let recorded_kib = emulator.recorded_bytes() / 1024;
    assert!(emulator.recorded_bytes() <= DEFAULT_RECORD_BYTES);
    assert!(
        recorded
            .iter()
            .all(|r| r.body.len() <= DEFAULT_RECORD_BODY_BYTES)
    );
    normal_call_within_a_second(&client).await;

    // 500 connections, each announcing a 100-byte body and sending 2 bytes of it.
    let mut half_sent = Vec::with_capacity(HALF_SENT);
    for _ in 0..HALF_SENT {
        let mut stream = TcpStream::connect(emulator.addr()).await.unwrap();
        let head = tc3_head(&emulator, &[b' '; 100], true);
        stream.write_all(head.as_bytes()).await.unwrap();
        stream.write_all(b"{ ").await.unwrap();
        half_sent.push(stream);
    }
    // The emulator accepts in order: the call's connection comes after all 500.
    normal_call_within_a_second(&client).await;
    drop(half_sent);
    let at_end = memory();

    println!(
        "\nsurvival: 10,000-segment name, 200,000-deep JSON, {BIG_BODIES} bodies of {} MiB \
         at concurrency {BIG_CONCURRENCY} ({:.1} s), {HALF_SENT} half-sent bodies\n\
         log after the bodies: {} entries, {} KiB (bound {} KiB); body budget {} KiB\n\
         RSS: start {} KiB, sampled max during the bodies {} KiB, after them {} KiB, \
         end {} KiB, peak (VmHWM) {} KiB (allowed growth {} KiB)",
        BIG_BODY / (1024 * 1024),
        big_done.as_secs_f64(),
        recorded.len(),
        recorded_kib,
        DEFAULT_RECORD_BYTES / 1024,
        DEFAULT_MAX_BUFFERED_BYTES / 1024,
        at_start.map_or(0, |m| m.rss_kib),
        max_rss_kib,
        after_big.map_or(0, |m| m.rss_kib),
        at_end.map_or(0, |m| m.rss_kib),
        at_end.map_or(0, |m| m.peak_kib),
        SURVIVAL_RSS_GROWTH_KIB,
    );
    if let (Some(start), Some(end)) = (at_start, at_end) {
        assert!(
            end.peak_kib <= start.rss_kib + SURVIVAL_RSS_GROWTH_KIB,
            "peak RSS {} KiB, from {} KiB at the start",
            end.peak_kib,
            start.rss_kib
        );
    }
}
