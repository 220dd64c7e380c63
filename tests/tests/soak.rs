//! Soak: 20,000 calls at concurrency 256 against the emulator with 10% of requests
//! throttled. Every call is accounted for (successes + typed errors == calls), retries
//! stay within the policy (at most `max_attempts` per call, paid from the retry budget),
//! and memory is flat over the second half of the run. Peak RSS is reported.
//!
//! Ignored by default (80 s in a debug build on a shared 2-core machine, 3.4 s in
//! release); `.ci/run` runs it in release:
//! `cargo test --release -p tc-api-tests --test soak -- --ignored --nocapture`.

mod rel_support;

use std::collections::BTreeMap;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use rel_support::{Memory, memory};
use tc_api_core::emulator::{DEMO_SECRET_ID, DEMO_SECRET_KEY, Emulator, Fault};
use tc_api_core::error::Error;
use tc_api_core::retry::RETRY_COST;
use tc_api_core::{Client, Credential};
use tc_api_services::iotexplorer::v20190423::DescribeBatchProduction;

const CALLS: usize = 20_000;
const CONCURRENCY: usize = 256;
const THROTTLED: f64 = 0.10;
const MAX_ATTEMPTS: u32 = 3;
const BUDGET: u32 = 500;
/// Bound on every call; none should come near it.
const TOTAL_TIMEOUT: Duration = Duration::from_secs(30);
/// Allowed growth of RSS from the middle to the end of the run: 20% plus this slack.
const RSS_SLACK_KIB: u64 = 8 * 1024;

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
