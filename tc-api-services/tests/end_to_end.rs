//! Every documented example sent through the real client to a loopback server that
//! answers with the documented response: the server sees exactly the documented
//! parameters (after the client's encoding, signing and common parameters), and the
//! client hands back the documented answer as the typed response.

mod common;

use std::sync::{Arc, Mutex};
use std::time::Duration;

use common::cases::{Wire, cases, documented};
use serde_json::Value;
use tc_api_core::client::HttpMethod;
use tc_api_core::{Client, Credential};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

/// One request as the server read it.
#[derive(Debug, Clone, Default)]
struct Received {
    method: String,
    path: String,
    query: String,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

impl Received {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

#[derive(Default)]
struct Server {
    answer: String,
    received: Vec<Received>,
}

const MAX_REQUEST_BYTES: usize = 1 << 20;

async fn read_request(stream: &mut TcpStream) -> Option<Received> {
    let mut buffer = Vec::new();
    let mut chunk = [0u8; 4096];
    let head_end = loop {
        if let Some(i) = buffer.windows(4).position(|w| w == b"\r\n\r\n") {
            break i;
        }
        if buffer.len() > MAX_REQUEST_BYTES {
            return None;
        }
        let n = stream.read(&mut chunk).await.ok()?;
        if n == 0 {
            return None;
        }
        buffer.extend_from_slice(&chunk[..n]);
    };
    let head = String::from_utf8_lossy(&buffer[..head_end]).into_owned();
    let mut lines = head.split("\r\n");
    let mut request_line = lines.next()?.split(' ');
    let method = request_line.next()?.to_owned();
    let target = request_line.next()?;
    let (path, query) = target.split_once('?').unwrap_or((target, ""));
    let headers: Vec<(String, String)> = lines
        .filter_map(|line| line.split_once(':'))
        .map(|(n, v)| (n.trim().to_owned(), v.trim().to_owned()))
        .collect();
    let length: usize = headers
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case("content-length"))
        .and_then(|(_, v)| v.parse().ok())
        .unwrap_or(0);
    let mut body = buffer[head_end + 4..].to_vec();
    while body.len() < length.min(MAX_REQUEST_BYTES) {
        let n = stream.read(&mut chunk).await.ok()?;
        if n == 0 {
            return None;
        }
        body.extend_from_slice(&chunk[..n]);
    }
    Some(Received {
        method,
        path: path.to_owned(),
        query: query.to_owned(),
        headers,
        body,
    })
}

/// Answers every request with the current answer and records it.
async fn serve(listener: TcpListener, server: Arc<Mutex<Server>>) {
    while let Ok((mut stream, _)) = listener.accept().await {
        let server = Arc::clone(&server);
        tokio::spawn(async move {
            let Some(received) = read_request(&mut stream).await else {
                return;
            };
            let answer = {
                let mut server = server.lock().unwrap();
                server.received.push(received);
                server.answer.clone()
            };
            let response = format!(
                "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{answer}",
                answer.len()
            );
            let _ = stream.write_all(response.as_bytes()).await;
            let _ = stream.shutdown().await;
        });
    }
}

/// Parameters the client adds to every v1-signed request.
const COMMON_PARAMS: &[&str] = &[
    "Action",
    "Nonce",
    "Timestamp",
    "Region",
    "SecretId",
    "Signature",
    "SignatureMethod",
    "Token",
    "RequestClient",
    "Language",
    "Version",
];

fn form_params(encoded: &[u8]) -> Vec<(String, String)> {
    url::form_urlencoded::parse(encoded)
        .map(|(n, v)| (n.into_owned(), v.into_owned()))
        .collect()
}

fn text(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// Checks what the server received for `case` against the document.
fn check_received(case: &common::cases::Case, received: &Received, failures: &mut Vec<String>) {
    let example = case.example;
    let documented = documented(example);
    let missing = example.request.missing_params();
    let api2 = matches!(case.wire, Wire::Params(_)) && received.path == "/v2/index.php";
    let sent_params = |params: Vec<(String, String)>| -> Vec<(String, String)> {
        let mut params: Vec<(String, String)> = params
            .into_iter()
            .filter(|(n, _)| !COMMON_PARAMS.contains(&n.as_str()) && !missing.contains(&n.as_str()))
            .collect();
        params.sort();
        params
    };
    let sent = match (received.method.as_str(), received.header("content-type")) {
        ("GET", _) => Wire::Params(sent_params(form_params(received.query.as_bytes()))),
        (_, Some(ct)) if ct.starts_with("application/json") => {
            let body: Value = serde_json::from_slice(&received.body).unwrap_or(Value::Null);
            match &documented {
                Wire::Json(_) => Wire::Json(body),
                // A query-string example sent as a JSON body: same names, same values.
                Wire::Params(_) => Wire::Params(sent_params(
                    body.as_object()
                        .map(|o| o.iter().map(|(n, v)| (n.clone(), text(v))).collect())
                        .unwrap_or_default(),
                )),
            }
        }
        _ => Wire::Params(sent_params(form_params(&received.body))),
    };
    if sent != documented {
        failures.push(format!(
            "{} ({}) via {}: server got {sent:?}, document shows {documented:?}",
            example.action, example.title, received.method
        ));
    }
    let action_sent = received
        .header("x-tc-action")
        .map(str::to_owned)
        .or_else(|| {
            let params = match received.method.as_str() {
                "GET" => form_params(received.query.as_bytes()),
                _ => form_params(&received.body),
            };
            params
                .into_iter()
                .find(|(n, _)| n == "Action")
                .map(|(_, v)| v)
        });
    if action_sent.as_deref() != Some(example.action) {
        failures.push(format!(
            "{}: action sent as {action_sent:?}",
            example.action
        ));
    }
    if api2 != (example.response.contains("\"codeDesc\"")) {
        failures.push(format!("{}: sent to {}", example.action, received.path));
    }
}

#[tokio::test]
async fn every_example_round_trips_through_the_client() {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap();
    let server = Arc::new(Mutex::new(Server::default()));
    let serving = tokio::spawn(serve(listener, Arc::clone(&server)));

    let mut failures = Vec::new();
    let mut sent = 0;
    for method in [HttpMethod::Post, HttpMethod::Get] {
        let client = Client::builder()
            .credential(
                Credential::new("AKIDservicesend2endtest000000000000", "services-e2e-secret")
                    .unwrap(),
            )
            .endpoint(format!("http://{address}"))
            .region("ap-guangzhou")
            .http_method(method)
            .rate_limit(false)
            .max_attempts(1)
            .total_timeout(Duration::from_secs(10))
            .build()
            .unwrap();
        for case in cases() {
            let example = case.example;
            // The JSON-body examples of API 3.0 are POST examples.
            if method == HttpMethod::Get && matches!(case.wire, Wire::Json(_)) {
                continue;
            }
            let takes_region = tc_api_services::actions()
                .iter()
                .find(|meta| meta.action == example.action)
                .map(|meta| meta.region != tc_api_core::RegionPolicy::None)
                .unwrap();
            let client = if takes_region {
                client.clone()
            } else {
                client.with_region(None).unwrap()
            };
            {
                let mut server = server.lock().unwrap();
                server.answer = example.response.to_owned();
                server.received.clear();
            }
            sent += 1;
            match (case.send)(client).await {
                Err(e) => failures.push(format!("{} ({}): {e}", example.action, example.title)),
                Ok((data, request_id)) => {
                    if data != case.expected {
                        failures.push(format!(
                            "{} ({}): client returned {data}, expected {}",
                            example.action, example.title, case.expected
                        ));
                    }
                    let whole: Value = serde_json::from_str(example.response).unwrap();
                    if let Some(id) = whole["Response"]["RequestId"].as_str()
                        && request_id != id
                    {
                        failures.push(format!("{}: request id {request_id}", example.action));
                    }
                }
            }
            let received = server.lock().unwrap().received.clone();
            match received.as_slice() {
                [one] => {
                    check_received(&case, one, &mut failures);
                    if !takes_region && one.header("x-tc-region").is_some() {
                        failures.push(format!("{}: sent a region", example.action));
                    }
                }
                other => failures.push(format!(
                    "{}: server got {} requests",
                    example.action,
                    other.len()
                )),
            }
        }
    }
    serving.abort();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    // 57 examples by POST, the 55 query-string ones by GET as well.
    assert_eq!(sent, 57 + 55);
}
