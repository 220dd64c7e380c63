//! Requests per second of `Client::send` against raw reqwest, on loopback.
//!
//! A minimal hyper HTTP/1.1 server (its own thread and runtime) answers every request
//! with the same fixed `DescribeBatchProduction` answer. Both sides run on one
//! current-thread runtime on the bench thread:
//!
//! - `client`: `client.send(DescribeBatchProduction { .. })`: serialize, sign (TC3,
//!   cached key), send, read, check the envelope and decode the typed response. Rate
//!   limiting is off (`rate_limit(false)`: the action's documented 20/s would otherwise
//!   be the figure) and `max_attempts(1)` (the server never fails, so retries could not
//!   happen anyway); timeouts stay at their defaults.
//! - `raw_reqwest`: a reqwest client POSTing the same body bytes with a fixed, prebuilt
//!   set of the same headers, reading the answer's bytes (no parsing, no signing).
//!
//! At concurrency 1 (one request in flight) and 64 (64 tasks, each sending one request
//! after another). One criterion iteration is one request per task, so the throughput
//! criterion prints is requests per second. After criterion's report, client / raw
//! throughput ratios are printed from criterion's medians and from paired rounds (see
//! `tc-api-core/benches/support/ratios.rs`); target >= 0.9 at both concurrencies.
//!
//! `cargo bench --bench e2e`

use std::convert::Infallible;
use std::future::Future;
use std::net::SocketAddr;
use std::time::{Duration, Instant};

use bytes::Bytes;
use criterion::{Criterion, Throughput};
use http::header::{HeaderMap, HeaderName, HeaderValue};
use http_body_util::{BodyExt, Full};
use hyper::service::service_fn;
use hyper_util::rt::TokioIo;
use ratios::Contender;
use tc_api_core::{Client, Credential};
use tc_api_services::iotexplorer::v20190423::DescribeBatchProduction;

#[path = "../../tc-api-core/benches/support/ratios.rs"]
mod ratios;

const GROUP: &str = "e2e";
const CONCURRENCY: [usize; 2] = [1, 64];
const SECRET_ID: &str = "AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE";
const SECRET_KEY: &str = "Gu5t9xGARNpq86cd98joQYCN3EXAMPLE";

/// The documented answer of `DescribeBatchProduction`.
const ANSWER: &str = r#"{"Response":{"BatchCnt":3,"BurnMethod":0,"CreateTime":1572233486,"DownloadUrl":"https://batch-productions-test-1256872341.cos.ap-guangzhou.myqcloud.com/100000546882%2FR32ONVL0EU_LC-6mgj9akp.csv?sign=q-sign-algorithm%3Dsha1%26q-ak%3DAKIDMUM9hdmn35rHZe72Y6UfliNo1PYQFZln%26q-sign-time%3D1572233867%3B1572234767%26q-key-time%3D1572233867%3B1572234767%26q-header-list%3D%26q-url-param-list%3D%26q-signature%3Da31f6ed1e25d3dc753516b74ee33559d37cbc7f2","GenerationMethod":0,"RequestId":"rest-clieet20111026","UploadUrl":""}}"#;

fn action() -> DescribeBatchProduction {
    DescribeBatchProduction {
        product_id: "R32ONVL0EU".into(),
        batch_production_id: "LC-ya6zinv9".into(),
    }
}

/// Starts the fixed-answer server on its own thread and runtime; returns its address.
fn start_server() -> SocketAddr {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind loopback");
    listener
        .set_nonblocking(true)
        .expect("non-blocking listener");
    let addr = listener.local_addr().expect("local address");
    std::thread::spawn(move || {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .expect("server runtime");
        runtime.block_on(async move {
            let listener = tokio::net::TcpListener::from_std(listener).expect("tokio listener");
            loop {
                let Ok((stream, _)) = listener.accept().await else {
                    continue;
                };
                let _ = stream.set_nodelay(true);
                tokio::spawn(async move {
                    let service = service_fn(
                        |request: hyper::Request<hyper::body::Incoming>| async move {
                            // Read the whole request, as a real server does.
                            let _ = request.into_body().collect().await;
                            let mut answer = hyper::Response::new(Full::new(Bytes::from_static(
                                ANSWER.as_bytes(),
                            )));
                            answer.headers_mut().insert(
                                http::header::CONTENT_TYPE,
                                HeaderValue::from_static("application/json"),
                            );
                            Ok::<_, Infallible>(answer)
                        },
                    );
                    let _ = hyper::server::conn::http1::Builder::new()
                        .serve_connection(TokioIo::new(stream), service)
                        .await;
                });
            }
        });
    });
    addr
}

/// Runs `concurrency` tasks that each await `per_task` calls of `call`; returns the time
/// until the last one finished.
fn run<F, Fut>(
    runtime: &tokio::runtime::Runtime,
    concurrency: usize,
    per_task: u64,
    call: F,
) -> Duration
where
    F: Fn() -> Fut + Clone + Send + 'static,
    Fut: Future<Output = ()> + Send,
{
    runtime.block_on(async move {
        let started = Instant::now();
        let mut tasks = tokio::task::JoinSet::new();
        for _ in 0..concurrency {
            let call = call.clone();
            tasks.spawn(async move {
                for _ in 0..per_task {
                    call().await;
                }
            });
        }
        while let Some(done) = tasks.join_next().await {
            done.expect("bench task");
        }
        started.elapsed()
    })
}

/// The two sides, ready to send.
struct Sides {
    runtime: tokio::runtime::Runtime,
    client: Client,
    raw: reqwest::Client,
    url: String,
    headers: HeaderMap,
    body: Bytes,
}

impl Sides {
    fn new() -> Self {
        let addr = start_server();
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .expect("client runtime");
        let client = Client::builder()
            .credential(Credential::new(SECRET_ID, SECRET_KEY).expect("credential"))
            .region("ap-guangzhou")
            .endpoint(format!("http://{addr}"))
            .rate_limit(false)
            .max_attempts(1)
            .no_env_proxy()
            .build()
            .expect("client");
        // The baseline sends what the client sends: the same body bytes and the same
        // headers (a fixed signature: the server does not check it).
        let body = Bytes::from(serde_json::to_vec(&action()).expect("serializable"));
        let mut headers = HeaderMap::new();
        for (name, value) in [
            ("content-type", "application/json"),
            ("x-tc-action", "DescribeBatchProduction"),
            ("x-tc-version", "2019-04-23"),
            ("x-tc-timestamp", "1700000000"),
            ("x-tc-region", "ap-guangzhou"),
            ("x-tc-requestclient", tc_api_core::client::REQUEST_CLIENT),
            (
                "authorization",
                "TC3-HMAC-SHA256 Credential=AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE/2023-11-14/iotexplorer/tc3_request, SignedHeaders=content-type;host, Signature=2a3d3b6e1d0c9c8f7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c2d1e0f9a8b7c6d5e4f",
            ),
        ] {
            headers.insert(
                HeaderName::from_static(name),
                HeaderValue::from_static(value),
            );
        }
        let raw = reqwest::Client::builder()
            .no_proxy()
            .build()
            .expect("reqwest client");
        let sides = Sides {
            runtime,
            client,
            raw,
            url: format!("http://{addr}/"),
            headers,
            body,
        };
        // Both work before anything is timed.
        let out = sides
            .runtime
            .block_on(sides.client.send(action()))
            .expect("the client call succeeds");
        assert_eq!(out.data.batch_cnt, Some(3));
        assert_eq!(out.request_id.as_str(), "rest-clieet20111026");
        sides.raw_batch(1, 1);
        sides
    }

    /// `concurrency` tasks each sending `per_task` calls through the client.
    fn client_batch(&self, concurrency: usize, per_task: u64) -> Duration {
        let client = self.client.clone();
        run(&self.runtime, concurrency, per_task, move || {
            let client = client.clone();
            async move {
                let out = client.send(action()).await.expect("client call");
                std::hint::black_box(out);
            }
        })
    }

    /// The same through raw reqwest.
    fn raw_batch(&self, concurrency: usize, per_task: u64) -> Duration {
        let (raw, url, headers, body) = (
            self.raw.clone(),
            self.url.clone(),
            self.headers.clone(),
            self.body.clone(),
        );
        run(&self.runtime, concurrency, per_task, move || {
            let request = raw
                .post(url.as_str())
                .headers(headers.clone())
                .body(body.clone());
            async move {
                let answer = request.send().await.expect("raw call");
                assert!(answer.status().is_success());
                std::hint::black_box(answer.bytes().await.expect("raw body"));
            }
        })
    }
}

fn bench_e2e(c: &mut Criterion, sides: &Sides) {
    let mut group = c.benchmark_group(GROUP);
    for concurrency in CONCURRENCY {
        group.throughput(Throughput::Elements(concurrency as u64));
        group.bench_function(format!("client_c{concurrency}"), |b| {
            b.iter_custom(|iters| sides.client_batch(concurrency, iters))
        });
        group.bench_function(format!("raw_reqwest_c{concurrency}"), |b| {
            b.iter_custom(|iters| sides.raw_batch(concurrency, iters))
        });
    }
    group.finish();
}

fn print_ratios(sides: &Sides) {
    println!("\nrequests per second from criterion's medians:");
    for concurrency in CONCURRENCY {
        let rate = |id: &str| {
            ratios::median_ns(GROUP, &format!("{id}_c{concurrency}"))
                .map(|ns| concurrency as f64 * 1e9 / ns)
        };
        if let (Some(ours), Some(raw)) = (rate("client"), rate("raw_reqwest")) {
            println!("  c={concurrency:<3} client {ours:>8.0}/s   raw reqwest {raw:>8.0}/s");
            ratios::report(
                &format!("client / raw reqwest, c={concurrency}"),
                ours / raw,
                None,
                ">= 0.9",
                ours / raw >= 0.9,
            );
        }
    }

    const ROUNDS: usize = 20;
    println!("paired rounds ({ROUNDS} rounds):");
    for concurrency in CONCURRENCY {
        // About 500 requests per side and round.
        let per_task = (500 / concurrency as u64).max(1);
        let requests = (per_task * concurrency as u64) as f64;
        let mut contenders = [
            Contender {
                name: "client",
                run: Box::new(|| sides.client_batch(concurrency, per_task)),
            },
            Contender {
                name: "raw_reqwest",
                run: Box::new(|| sides.raw_batch(concurrency, per_task)),
            },
        ];
        let times = ratios::paired_rounds(ROUNDS, &mut contenders);
        let rate = |times: &[Duration]| requests / ratios::median(times).as_secs_f64();
        println!(
            "  c={concurrency:<3} client {:>8.0}/s   raw reqwest {:>8.0}/s  (medians)",
            rate(&times[0]),
            rate(&times[1])
        );
        // Throughput ratio = raw time / client time.
        ratios::report_paired(
            &format!("client / raw reqwest, c={concurrency}"),
            &times[1],
            &times[0],
            ">= 0.9",
            |ratio| ratio >= 0.9,
        );
    }
}

fn main() {
    let sides = Sides::new();
    let mut criterion = Criterion::default()
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(4))
        .sample_size(30)
        .configure_from_args();
    bench_e2e(&mut criterion, &sides);
    criterion.final_summary();
    if ratios::full_run() {
        print_ratios(&sides);
    }
}
