//! Ratios between benchmarks, measured so that a shared, noisy machine disturbs them as
//! little as possible. Shared by the workspace's benches (included with `#[path]`).
//!
//! Two views are printed after criterion's own report:
//!
//! - from criterion's median estimates of this run (each benchmark measured for seconds,
//!   one after another, so a load change between two of them shifts their ratio);
//! - from *paired rounds*: every round times each contender once on a short, fixed amount
//!   of work, back to back, in a rotating order. Two ratios come from the rounds: the
//!   median of the per-round ratios (with its min..max), robust to load that drifts over
//!   seconds; and the ratio of the best (least disturbed) round of each contender, since
//!   other processes only ever add time to a CPU-bound run.

#![allow(dead_code)] // each bench uses its part

use std::path::PathBuf;
use std::time::Duration;

/// Where criterion writes its estimates, looked up the way criterion does (without the
/// `cargo metadata` call: the workspace's `target/` is the default).
fn criterion_home() -> PathBuf {
    if let Some(home) = std::env::var_os("CRITERION_HOME") {
        return home.into();
    }
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../target")));
    target.join("criterion")
}

/// The median time per iteration of `group/id` in nanoseconds, if it ran.
pub fn median_ns(group: &str, id: &str) -> Option<f64> {
    let path = criterion_home()
        .join(group)
        .join(id)
        .join("new/estimates.json");
    let text = std::fs::read_to_string(path).ok()?;
    let estimates: serde_json::Value = serde_json::from_str(&text).ok()?;
    estimates["median"]["point_estimate"].as_f64()
}

/// Whether this is a full measuring run: not `cargo test --benches` (`--test`), not
/// `--list`, not `--profile-time`, and no benchmark filter given.
pub fn full_run() -> bool {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut takes_value = false;
    for arg in &args {
        if std::mem::take(&mut takes_value) {
            continue;
        }
        match arg.as_str() {
            "--test" | "--list" | "--profile-time" => return false,
            "--bench" | "--verbose" | "-v" | "--noplot" | "--quiet" | "--discard-baseline" => {}
            option if option.starts_with('-') => takes_value = !option.contains('='),
            _filter => return false,
        }
    }
    true
}

/// Prints `name = value (target ...: met|MISSED)`.
pub fn report(name: &str, value: f64, spread: Option<(f64, f64)>, target: &str, met: bool) {
    let verdict = if met { "met" } else { "MISSED" };
    match spread {
        Some((low, high)) => println!(
            "  {name:<34} = {value:.3}  [{low:.3}..{high:.3}]  (target {target}: {verdict})"
        ),
        None => println!("  {name:<34} = {value:.3}  (target {target}: {verdict})"),
    }
}

/// One contender of paired rounds: a name and a routine that runs a fixed amount of
/// work and returns how long it took.
pub struct Contender<'a> {
    pub name: &'static str,
    pub run: Box<dyn FnMut() -> Duration + 'a>,
}

/// Times every contender once per round, `rounds` times, rotating who goes first.
/// Returns the times per contender, in round order.
pub fn paired_rounds(rounds: usize, contenders: &mut [Contender<'_>]) -> Vec<Vec<Duration>> {
    let n = contenders.len();
    let mut times = vec![Vec::with_capacity(rounds); n];
    for round in 0..rounds {
        for k in 0..n {
            let i = (round + k) % n;
            times[i].push((contenders[i].run)());
        }
    }
    times
}

/// Median and min..max over rounds of `numerator[r] / denominator[r]`.
pub fn ratio_per_round(numerator: &[Duration], denominator: &[Duration]) -> (f64, (f64, f64)) {
    let mut ratios: Vec<f64> = numerator
        .iter()
        .zip(denominator)
        .map(|(n, d)| n.as_secs_f64() / d.as_secs_f64())
        .collect();
    ratios.sort_by(f64::total_cmp);
    let median = if ratios.is_empty() {
        f64::NAN
    } else if ratios.len() % 2 == 1 {
        ratios[ratios.len() / 2]
    } else {
        (ratios[ratios.len() / 2 - 1] + ratios[ratios.len() / 2]) / 2.0
    };
    let spread = (
        ratios.first().copied().unwrap_or(f64::NAN),
        ratios.last().copied().unwrap_or(f64::NAN),
    );
    (median, spread)
}

/// `min(numerator) / min(denominator)`: the ratio of the least disturbed rounds.
pub fn ratio_of_best(numerator: &[Duration], denominator: &[Duration]) -> f64 {
    let best = |times: &[Duration]| times.iter().min().copied().unwrap_or_default();
    best(numerator).as_secs_f64() / best(denominator).as_secs_f64()
}

/// Prints both ratios of paired rounds for `name`, judged on the median of the rounds.
pub fn report_paired(
    name: &str,
    numerator: &[Duration],
    denominator: &[Duration],
    target: &str,
    met: fn(f64) -> bool,
) {
    let (median, (low, high)) = ratio_per_round(numerator, denominator);
    let best = ratio_of_best(numerator, denominator);
    let verdict = |ratio: f64| if met(ratio) { "met" } else { "MISSED" };
    println!(
        "  {name:<34} = {median:.3} median [{low:.3}..{high:.3}] ({}), {best:.3} best-of-rounds ({})  (target {target})",
        verdict(median),
        verdict(best),
    );
}

/// The median of `times`.
pub fn median(times: &[Duration]) -> Duration {
    let mut sorted = times.to_vec();
    sorted.sort();
    sorted.get(sorted.len() / 2).copied().unwrap_or_default()
}
