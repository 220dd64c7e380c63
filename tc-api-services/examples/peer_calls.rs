//! Calls `iotexplorer.DescribeBatchProduction` through the client N times, one after
//! another (one connection), and prints the rate; the Rust half of
//! `scripts/bench/peer_python.sh`.
//!
//! ```sh
//! cargo run --release -p tc-api-services --example peer_calls -- URL SECRET_ID SECRET_KEY CALLS
//! ```
//!
//! Prints `calls CALLS seconds S rate R/s`. Client-side rate limiting is off (the
//! action's documented 20/s would otherwise be the figure; the Python SDK has none) and
//! every call is made once (`max_attempts(1)`, as the Python SDK's default).

use std::process::ExitCode;
use std::time::Instant;

use tc_api_core::{Client, Credential};
use tc_api_services::iotexplorer::v20190423::DescribeBatchProduction;

const WARM_UP_CALLS: u32 = 50;

fn action() -> DescribeBatchProduction {
    DescribeBatchProduction {
        product_id: "R32ONVL0EU".into(),
        batch_production_id: "LC-ya6zinv9".into(),
    }
}

#[tokio::main(flavor = "current_thread")]
async fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [url, secret_id, secret_key, calls] = &args[..] else {
        eprintln!("usage: peer_calls URL SECRET_ID SECRET_KEY CALLS");
        return ExitCode::from(2);
    };
    let Ok(calls) = calls.parse::<u32>() else {
        eprintln!("CALLS: {calls:?} is not a number");
        return ExitCode::from(2);
    };
    let client = Credential::new(secret_id.as_str(), secret_key.as_str())
        .map_err(tc_api_core::Error::from)
        .and_then(|credential| {
            Client::builder()
                .credential(credential)
                .region("ap-guangzhou")
                .endpoint(url.as_str())
                .rate_limit(false)
                .max_attempts(1)
                .no_env_proxy()
                .build()
        });
    let client = match client {
        Ok(client) => client,
        Err(error) => {
            eprintln!("cannot build the client: {error}");
            return ExitCode::FAILURE;
        }
    };
    for _ in 0..WARM_UP_CALLS {
        if let Err(error) = client.send(action()).await {
            eprintln!("warm-up call failed: {error}");
            return ExitCode::FAILURE;
        }
    }
    let started = Instant::now();
    for _ in 0..calls {
        match client.send(action()).await {
            Ok(out) => {
                std::hint::black_box(out);
            }
            Err(error) => {
                eprintln!("call failed: {error}");
                return ExitCode::FAILURE;
            }
        }
    }
    let seconds = started.elapsed().as_secs_f64();
    println!(
        "calls {calls} seconds {seconds:.3} rate {:.0}/s",
        f64::from(calls) / seconds
    );
    ExitCode::SUCCESS
}
