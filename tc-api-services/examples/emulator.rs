//! A standalone emulator process for scripts and other languages' SDKs: every action of
//! this crate answers its documented example, on 127.0.0.1.
//!
//! ```sh
//! cargo run -p tc-api-services --example emulator -- [--port N] [--url-file PATH] [--credential ID:KEY] [--answer SERVICE:VERSION:ACTION:JSON] [--log]
//! ```
//!
//! Prints `listening on http://127.0.0.1:PORT` once it accepts connections (and writes
//! the URL to `--url-file` if given, for scripts that start it on port 0), then serves
//! until interrupted. It accepts the demo credential (`DEMO_SECRET_ID` /
//! `DEMO_SECRET_KEY` of `tc_api_core::emulator`, printed at start) and any
//! `--credential` given. With `--log` it prints a line per request received:
//! `request: METHOD SIGNATURE ACTION -> ok|ERROR-CODE|fault ...`.
//!
//! `--answer cvm:2017-03-12:DescribeInstances:'{"TotalCount": 0, "InstanceSet": []}'`
//! makes an API 3.0 action that is not compiled in answer that `Response` object, so
//! that a client calling it by name (`tcapi` through its schema table, another SDK) has
//! something to talk to.

use std::io::Write as _;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;

use serde_json::Value;
use tc_api_core::emulator::{DEMO_SECRET_ID, DEMO_SECRET_KEY, Emulator, Outcome, RecordedRequest};
use tc_api_core::{ActionMeta, ApiStyle, RegionPolicy};

const USAGE: &str = "usage: emulator [--port N] [--url-file PATH] [--credential ID:KEY]... \
                     [--answer SERVICE:VERSION:ACTION:JSON]... [--log]";

struct Options {
    port: u16,
    url_file: Option<String>,
    credentials: Vec<(String, String)>,
    answers: Vec<(ActionMeta, Value)>,
    log: bool,
}

/// `SERVICE:VERSION:ACTION:JSON` of `--answer`.
fn parse_answer(text: &str) -> Result<(ActionMeta, Value), String> {
    let usage = "--answer takes SERVICE:VERSION:ACTION:JSON";
    let [service, version, action, json] = text.splitn(4, ':').collect::<Vec<_>>()[..] else {
        return Err(usage.to_owned());
    };
    let answer: Value =
        serde_json::from_str(json).map_err(|error| format!("--answer: {json:?}: {error}"))?;
    if !answer.is_object() || [service, version, action].iter().any(|s| s.is_empty()) {
        return Err(usage.to_owned());
    }
    // The metadata is 'static; a handful of names live as long as the process anyway.
    let leak = |s: &str| -> &'static str { Box::leak(s.to_owned().into_boxed_str()) };
    let meta = ActionMeta {
        service: leak(service),
        action: leak(action),
        style: ApiStyle::V3 {
            version: leak(version),
        },
        host: None,
        region: RegionPolicy::Optional { allowed: &[] },
        rate_limit: None,
        idempotent: true,
    };
    Ok((meta, answer))
}

fn parse_args() -> Result<Options, String> {
    let mut options = Options {
        port: 0,
        url_file: None,
        credentials: Vec::new(),
        answers: Vec::new(),
        log: false,
    };
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = |name: &str| args.next().ok_or(format!("{name} needs a value"));
        match arg.as_str() {
            "--port" => {
                let port = value("--port")?;
                options.port = port
                    .parse()
                    .map_err(|_| format!("--port: {port:?} is not a port number"))?;
            }
            "--url-file" => options.url_file = Some(value("--url-file")?),
            "--credential" => {
                let pair = value("--credential")?;
                let (id, key) = pair
                    .split_once(':')
                    .filter(|(id, key)| !id.is_empty() && !key.is_empty())
                    .ok_or("--credential takes ID:KEY")?;
                options.credentials.push((id.to_owned(), key.to_owned()));
            }
            "--answer" => options.answers.push(parse_answer(&value("--answer")?)?),
            "--log" => options.log = true,
            "-h" | "--help" => return Err(USAGE.to_owned()),
            other => return Err(format!("unknown argument {other:?}\n{USAGE}")),
        }
    }
    Ok(options)
}

#[tokio::main]
async fn main() -> ExitCode {
    let options = match parse_args() {
        Ok(options) => options,
        Err(message) => {
            eprintln!("{message}");
            return ExitCode::from(2);
        }
    };
    let mut builder = Emulator::builder().demo_credential().port(options.port);
    for (id, key) in &options.credentials {
        builder = builder.credential(id.as_str(), key);
    }
    let emulator = match builder.start().await {
        Ok(emulator) => emulator,
        Err(error) => {
            eprintln!("cannot start the emulator: {error}");
            return ExitCode::FAILURE;
        }
    };
    if let Err(error) = tc_api_services::emulator::seed(&emulator) {
        eprintln!("cannot seed the emulator: {error}");
        return ExitCode::FAILURE;
    }
    for (meta, answer) in options.answers {
        if let Err(error) = emulator.on_json(meta, move |_| Ok(answer.clone())) {
            eprintln!("cannot answer {}: {error}", meta.action);
            return ExitCode::FAILURE;
        }
    }
    if let Some(path) = &options.url_file {
        // Written whole then renamed, so a script polling for the file never reads half.
        let partial = format!("{path}.partial");
        let written = std::fs::write(&partial, format!("{}\n", emulator.url()))
            .and_then(|()| std::fs::rename(&partial, path));
        if let Err(error) = written {
            eprintln!("cannot write the URL to {path}: {error}");
            return ExitCode::FAILURE;
        }
    }
    println!("demo credential: SecretId {DEMO_SECRET_ID}, SecretKey {DEMO_SECRET_KEY}");
    println!(
        "{} actions seeded; listening on {}",
        emulator.routes().len(),
        emulator.url()
    );
    let _ = std::io::stdout().flush();
    let emulator = Arc::new(emulator);
    if options.log {
        tokio::spawn(log_requests(Arc::clone(&emulator)));
    }
    if let Err(error) = tokio::signal::ctrl_c().await {
        eprintln!("cannot wait for Ctrl-C: {error}");
        return ExitCode::FAILURE;
    }
    println!("served {} requests", emulator.request_count());
    ExitCode::SUCCESS
}

/// Prints the requests received, a line each, as they come (polled every 50 ms).
async fn log_requests(emulator: Arc<Emulator>) {
    loop {
        tokio::time::sleep(Duration::from_millis(50)).await;
        for request in emulator.take_requests() {
            println!("request: {}", describe(&request));
        }
    }
}

fn describe(request: &RecordedRequest) -> String {
    let outcome = match &request.outcome {
        Outcome::Success => "ok".to_owned(),
        Outcome::Error { code, .. } => code.clone(),
        other => format!("{other:?}"),
    };
    format!(
        "{} {} {} -> {outcome} (RequestId {})",
        request.method,
        request.sign_method.map_or("unsigned", |m| m.wire_name()),
        request.action.as_deref().unwrap_or("-"),
        request.request_id.as_deref().unwrap_or("-"),
    )
}
