//! A small loopback HTTP/1.1 server for the client tests: it records every request,
//! can verify TC3 and v1 signatures with the crate's sign module, can run a fake clock,
//! and answers from a script (JSON, dropped connection, delay, raw bytes).
//!
//! Also the hand-written `impl Action` structs the tests send.
#![allow(dead_code)]

use std::collections::VecDeque;
use std::net::SocketAddr;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};
use tc_api_core::action::{Action, ActionMeta, ApiStyle, CommonErrorCode, RegionPolicy};
use tc_api_core::credential::Credential;
use tc_api_core::sign::{tc3, v1};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

pub const SECRET_ID: &str = "AKIDclienttest0000000000000000000000";
pub const SECRET_KEY: &str = "client-test-secret-key-Zq8RvXw3";
pub const TOKEN: &str = "client-test-session-token-Qm4Kp9";

pub fn credential() -> Credential {
    Credential::new(SECRET_ID, SECRET_KEY).unwrap()
}

pub fn temporary_credential() -> Credential {
    credential().with_token(TOKEN).unwrap()
}

/// One scripted answer.
#[derive(Debug, Clone)]
pub enum Reply {
    /// An HTTP answer with a JSON (or any) body.
    Json {
        status: u16,
        body: String,
        headers: Vec<(String, String)>,
    },
    /// Read the request, then close the connection without answering.
    Drop,
    /// Wait, then answer.
    Delay(Duration, Box<Reply>),
    /// Write these bytes as the whole answer, then close.
    Raw(Vec<u8>),
}

impl Reply {
    pub fn json(body: impl Into<String>) -> Reply {
        Reply::Json {
            status: 200,
            body: body.into(),
            headers: Vec::new(),
        }
    }

    pub fn status(status: u16, body: impl Into<String>) -> Reply {
        Reply::Json {
            status,
            body: body.into(),
            headers: Vec::new(),
        }
    }

    /// An API 3.0 error answer.
    pub fn api_error(code: &str, request_id: &str) -> Reply {
        Reply::json(format!(
            r#"{{"Response":{{"Error":{{"Code":"{code}","Message":"scripted {code}"}},"RequestId":"{request_id}"}}}}"#
        ))
    }

    pub fn throttled() -> Reply {
        Reply::api_error("RequestLimitExceeded", "throttled-id")
    }

    pub fn delayed(self, by: Duration) -> Reply {
        Reply::Delay(by, Box::new(self))
    }
}

/// A request as the server received it.
#[derive(Debug, Clone)]
pub struct Recorded {
    pub method: String,
    /// The request target as sent (absolute form through a proxy).
    pub target: String,
    pub path: String,
    /// The raw query string, "" if none.
    pub query: String,
    /// Header names lower-cased, in order.
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
    /// Result of the signature check, when the server checks signatures.
    pub signature: Option<Result<(), String>>,
}

impl Recorded {
    pub fn header(&self, name: &str) -> Option<&str> {
        let name = name.to_ascii_lowercase();
        self.headers
            .iter()
            .find(|(k, _)| *k == name)
            .map(|(_, v)| v.as_str())
    }

    /// Form parameters of a v1 request (query for GET, body for POST), decoded.
    pub fn form(&self) -> Vec<(String, String)> {
        let raw: &[u8] = if self.method == "GET" {
            self.query.as_bytes()
        } else {
            &self.body
        };
        url::form_urlencoded::parse(raw).into_owned().collect()
    }

    pub fn param(&self, name: &str) -> Option<String> {
        self.form()
            .into_iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v)
    }

    pub fn json(&self) -> serde_json::Value {
        serde_json::from_slice(&self.body).unwrap()
    }
}

#[derive(Default)]
struct State {
    requests: Mutex<Vec<Recorded>>,
    script: Mutex<VecDeque<Reply>>,
    /// Verify signatures against SECRET_KEY and reject bad ones like the cloud.
    verify: Mutex<bool>,
    /// Seconds the server's clock is ahead of the real one; timestamps more than 300 s
    /// off are refused with SignatureExpire when set.
    clock_offset: Mutex<Option<i64>>,
    ids: AtomicU64,
}

/// The loopback test server.
#[derive(Clone)]
pub struct TestServer {
    pub addr: SocketAddr,
    state: Arc<State>,
}

impl TestServer {
    /// Starts a server on 127.0.0.1 with a free port; it verifies signatures.
    pub async fn start() -> TestServer {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        Self::serve(listener)
    }

    /// Serves on an already bound listener.
    pub fn serve(listener: TcpListener) -> TestServer {
        let addr = listener.local_addr().unwrap();
        let state = Arc::new(State::default());
        *state.verify.lock().unwrap() = true;
        let server = TestServer { addr, state };
        let accept_state = Arc::clone(&server.state);
        tokio::spawn(async move {
            while let Ok((stream, _)) = listener.accept().await {
                let state = Arc::clone(&accept_state);
                tokio::spawn(async move {
                    let _ = serve_connection(stream, state).await;
                });
            }
        });
        server
    }

    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }

    pub fn host(&self) -> String {
        self.addr.to_string()
    }

    /// Queues answers; when the queue is empty the server answers success.
    pub fn script(&self, replies: impl IntoIterator<Item = Reply>) {
        self.state.script.lock().unwrap().extend(replies);
    }

    pub fn set_verify(&self, verify: bool) {
        *self.state.verify.lock().unwrap() = verify;
    }

    pub fn set_clock_offset(&self, seconds: i64) {
        *self.state.clock_offset.lock().unwrap() = Some(seconds);
    }

    pub fn requests(&self) -> Vec<Recorded> {
        self.state.requests.lock().unwrap().clone()
    }

    pub fn count(&self) -> usize {
        self.state.requests.lock().unwrap().len()
    }
}

async fn serve_connection(mut stream: TcpStream, state: Arc<State>) -> std::io::Result<()> {
    let mut buf = Vec::new();
    loop {
        let Some(request) = read_request(&mut stream, &mut buf).await? else {
            return Ok(());
        };
        let reply = answer(&state, request);
        let reply = match reply {
            Reply::Delay(by, inner) => {
                tokio::time::sleep(by).await;
                *inner
            }
            other => other,
        };
        match reply {
            Reply::Drop => return Ok(()),
            Reply::Raw(bytes) => {
                stream.write_all(&bytes).await?;
                return Ok(());
            }
            Reply::Json {
                status,
                body,
                headers,
            } => {
                let mut head = format!(
                    "HTTP/1.1 {status} Scripted\r\ncontent-type: application/json\r\ncontent-length: {}\r\n",
                    body.len()
                );
                let has_date = headers.iter().any(|(k, _)| k.eq_ignore_ascii_case("date"));
                if !has_date {
                    head.push_str(&format!(
                        "date: {}\r\n",
                        httpdate::fmt_http_date(server_now(&state))
                    ));
                }
                for (k, v) in &headers {
                    head.push_str(&format!("{k}: {v}\r\n"));
                }
                head.push_str("\r\n");
                // One write: a separate body write would meet delayed ACKs.
                head.push_str(&body);
                stream.write_all(head.as_bytes()).await?;
            }
            Reply::Delay(..) => unreachable!("nested delays are not scripted"),
        }
    }
}

fn server_now(state: &State) -> SystemTime {
    let offset = state.clock_offset.lock().unwrap().unwrap_or(0);
    if offset >= 0 {
        SystemTime::now() + Duration::from_secs(offset as u64)
    } else {
        SystemTime::now() - Duration::from_secs(offset.unsigned_abs())
    }
}

/// Reads one request; `None` when the client closed the connection.
async fn read_request(
    stream: &mut TcpStream,
    buf: &mut Vec<u8>,
) -> std::io::Result<Option<Recorded>> {
    let header_end = loop {
        if let Some(pos) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
            break pos;
        }
        let mut chunk = [0u8; 8192];
        let n = stream.read(&mut chunk).await?;
        if n == 0 {
            return Ok(None);
        }
        buf.extend_from_slice(&chunk[..n]);
    };
    let head = String::from_utf8_lossy(&buf[..header_end]).into_owned();
    let mut lines = head.split("\r\n");
    let request_line = lines.next().unwrap_or_default();
    let mut parts = request_line.split(' ');
    let method = parts.next().unwrap_or_default().to_owned();
    let target = parts.next().unwrap_or_default().to_owned();
    let headers: Vec<(String, String)> = lines
        .filter_map(|line| line.split_once(':'))
        .map(|(k, v)| (k.trim().to_ascii_lowercase(), v.trim().to_owned()))
        .collect();
    let length: usize = headers
        .iter()
        .find(|(k, _)| k == "content-length")
        .and_then(|(_, v)| v.parse().ok())
        .unwrap_or(0);
    let body_start = header_end + 4;
    while buf.len() < body_start + length {
        let mut chunk = [0u8; 8192];
        let n = stream.read(&mut chunk).await?;
        if n == 0 {
            return Ok(None);
        }
        buf.extend_from_slice(&chunk[..n]);
    }
    let body = buf[body_start..body_start + length].to_vec();
    buf.drain(..body_start + length);
    // Absolute form (through a proxy): keep only path and query.
    let origin_form = match target.find("://") {
        Some(i) => target[i + 3..]
            .find('/')
            .map_or("/".to_owned(), |p| target[i + 3 + p..].to_owned()),
        None => target.clone(),
    };
    let (path, query) = match origin_form.split_once('?') {
        Some((p, q)) => (p.to_owned(), q.to_owned()),
        None => (origin_form.clone(), String::new()),
    };
    Ok(Some(Recorded {
        method,
        target,
        path,
        query,
        headers,
        body,
        signature: None,
    }))
}

/// Records the request and picks its answer: the cloud's refusals first (bad signature,
/// expired timestamp), then the script, then success.
fn answer(state: &State, mut request: Recorded) -> Reply {
    let v2 = request.path == "/v2/index.php";
    let verify = *state.verify.lock().unwrap();
    let mut refusal = None;
    if verify {
        let checked = verify_signature(&request);
        if let Err(reason) = &checked {
            refusal = Some(if v2 {
                Reply::json(format!(
                    r#"{{"code":4100,"message":"{reason}","codeDesc":"AuthFailure"}}"#
                ))
            } else {
                Reply::api_error("AuthFailure.SignatureFailure", "sigfail-id")
            });
        }
        request.signature = Some(checked);
    }
    let clock_offset = *state.clock_offset.lock().unwrap();
    if let (None, Some(offset)) = (&refusal, clock_offset) {
        let stamp = if v2 {
            request.param("Timestamp")
        } else {
            request
                .header("x-tc-timestamp")
                .map(str::to_owned)
                .or_else(|| request.param("Timestamp"))
        };
        let stamp: i64 = stamp.and_then(|s| s.parse().ok()).unwrap_or(0);
        let now = unix(SystemTime::now()) + offset;
        if stamp.abs_diff(now) > 300 {
            refusal = Some(if v2 {
                Reply::json(
                    r#"{"code":4200,"message":"request expired","codeDesc":"RequestExpired"}"#,
                )
            } else {
                Reply::api_error("AuthFailure.SignatureExpire", "expired-id")
            });
        }
    }
    state.requests.lock().unwrap().push(request);
    if let Some(refusal) = refusal {
        return refusal;
    }
    if let Some(reply) = state.script.lock().unwrap().pop_front() {
        return reply;
    }
    let id = state.ids.fetch_add(1, Ordering::Relaxed);
    if v2 {
        Reply::json(format!(
            r#"{{"code":0,"message":"","codeDesc":"Success","requestId":"v2-req-{id}","serviceId":"service-{id}","newField":[1,2]}}"#
        ))
    } else {
        Reply::json(format!(
            r#"{{"Response":{{"Data":{{"Result":true,"Unknown":"x"}},"Extra":null,"RequestId":"req-{id}"}}}}"#
        ))
    }
}

pub fn unix(t: SystemTime) -> i64 {
    t.duration_since(UNIX_EPOCH).unwrap().as_secs() as i64
}

/// Verifies the request's signature (TC3 if it has an Authorization header, else v1)
/// with SECRET_KEY, the way the cloud does.
pub fn verify_signature(request: &Recorded) -> Result<(), String> {
    match request.header("authorization") {
        Some(auth) => verify_tc3(request, auth),
        None => verify_v1(request),
    }
}

fn verify_tc3(request: &Recorded, authorization: &str) -> Result<(), String> {
    let rest = authorization
        .strip_prefix("TC3-HMAC-SHA256 ")
        .ok_or("not TC3")?;
    let mut credential = "";
    let mut signed_headers = "";
    let mut signature = "";
    for part in rest.split(", ") {
        match part.split_once('=') {
            Some(("Credential", v)) => credential = v,
            Some(("SignedHeaders", v)) => signed_headers = v,
            Some(("Signature", v)) => signature = v,
            _ => return Err(format!("bad Authorization part {part:?}")),
        }
    }
    let scope: Vec<&str> = credential.split('/').collect();
    let [secret_id, date, service, "tc3_request"] = scope[..] else {
        return Err(format!("bad credential scope {credential:?}"));
    };
    if secret_id != SECRET_ID {
        return Err("unknown secret id".into());
    }
    let timestamp: i64 = request
        .header("x-tc-timestamp")
        .and_then(|t| t.parse().ok())
        .ok_or("no X-TC-Timestamp")?;
    if tc3::utc_date(timestamp) != date {
        return Err("date does not match the timestamp".into());
    }
    let names: Vec<&str> = signed_headers.split(';').collect();
    let mut headers = Vec::new();
    for name in &names {
        headers.push((
            *name,
            request
                .header(name)
                .ok_or(format!("signed header {name} missing"))?,
        ));
    }
    let payload = if request.header("x-tc-content-sha256") == Some("UNSIGNED-PAYLOAD") {
        tc3::Payload::Unsigned
    } else {
        tc3::Payload::Bytes(&request.body)
    };
    let canonical = tc3::CanonicalRequest {
        method: &request.method,
        path: &request.path,
        query: &request.query,
        headers: &headers,
        payload,
    };
    let key = tc3::derive_signing_key(SECRET_KEY, date, service);
    let expected = tc3::sign(&canonical, service, timestamp, secret_id, &key);
    if expected.signature == signature {
        Ok(())
    } else {
        Err("TC3 signature mismatch".into())
    }
}

fn verify_v1(request: &Recorded) -> Result<(), String> {
    let mut params = request.form();
    let position = params
        .iter()
        .position(|(k, _)| k == "Signature")
        .ok_or("no Signature")?;
    let (_, signature) = params.remove(position);
    let algorithm = match params
        .iter()
        .find(|(k, _)| k == "SignatureMethod")
        .map(|(_, v)| v.as_str())
    {
        Some("HmacSHA256") => v1::V1Algorithm::HmacSha256,
        _ => v1::V1Algorithm::HmacSha1,
    };
    if request.param("SecretId").as_deref() != Some(SECRET_ID) {
        return Err("unknown secret id".into());
    }
    let host = request.header("host").ok_or("no Host")?;
    let text = v1::string_to_sign(&request.method, host, &request.path, &params);
    if v1::signature(algorithm, SECRET_KEY, &text) == signature {
        Ok(())
    } else {
        Err("v1 signature mismatch".into())
    }
}

// ---------------------------------------------------------------------------------
// Hand-written actions.

#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct BooleanInfo {
    #[serde(rename = "Result")]
    pub result: bool,
}

/// `{"Data": {"Result": bool}}`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct DataResponse {
    #[serde(rename = "Data")]
    pub data: Option<BooleanInfo>,
}

tc_api_core::error_codes! {
    /// Errors of ReleaseMNPVersion.
    pub enum ReleaseError {
        /// Released already.
        MnpVersionReleased = "FailedOperation.MNPVersionReleased",
        /// Throttled.
        RequestLimitExceeded = "RequestLimitExceeded",
    }
}

/// tcmpp ReleaseMNPVersion: API 3.0, region required, not idempotent.
#[derive(Debug, Clone, Serialize)]
pub struct ReleaseMnpVersion {
    #[serde(rename = "MNPVersionId")]
    pub mnp_version_id: i64,
    #[serde(rename = "PlatformId")]
    pub platform_id: String,
}

impl ReleaseMnpVersion {
    pub fn sample() -> Self {
        ReleaseMnpVersion {
            mnp_version_id: 9_432_130_281,
            platform_id: "T04257DS9431720WTAG".into(),
        }
    }
}

impl Action for ReleaseMnpVersion {
    type Response = DataResponse;
    type ErrorCode = ReleaseError;
    const META: ActionMeta = ActionMeta {
        service: "tcmpp",
        action: "ReleaseMNPVersion",
        style: ApiStyle::V3 {
            version: "2024-08-01",
        },
        host: None,
        region: RegionPolicy::Required { allowed: &[] },
        rate_limit: None,
        idempotent: false,
    };
}

#[derive(Debug, Clone, Serialize)]
pub struct Filter {
    #[serde(rename = "Name")]
    pub name: String,
    #[serde(rename = "Values")]
    pub values: Vec<String>,
}

/// iotexplorer-like Describe action: idempotent, region from a list, nested params.
#[derive(Debug, Clone, Serialize)]
pub struct DescribeThings {
    #[serde(rename = "Filters")]
    pub filters: Vec<Filter>,
    #[serde(rename = "Limit", skip_serializing_if = "Option::is_none")]
    pub limit: Option<i64>,
}

impl DescribeThings {
    pub fn sample() -> Self {
        DescribeThings {
            filters: vec![Filter {
                name: "instance-name".into(),
                values: vec!["未命名 a+b".into(), "x&y=z".into()],
            }],
            limit: Some(1),
        }
    }
}

impl Action for DescribeThings {
    type Response = DataResponse;
    type ErrorCode = CommonErrorCode;
    const META: ActionMeta = ActionMeta {
        service: "iotexplorer",
        action: "DescribeBatchProduction",
        style: ApiStyle::V3 {
            version: "2019-04-23",
        },
        host: None,
        region: RegionPolicy::Required {
            allowed: &["ap-guangzhou", "ap-shanghai"],
        },
        rate_limit: None,
        idempotent: true,
    };
}

/// tcb CreatePostpayPackage-like: takes no region.
#[derive(Debug, Clone, Serialize)]
pub struct CreatePackage {
    #[serde(rename = "EnvId")]
    pub env_id: String,
}

impl Action for CreatePackage {
    type Response = tc_api_core::Empty;
    type ErrorCode = CommonErrorCode;
    const META: ActionMeta = ActionMeta {
        service: "tcb",
        action: "CreatePostpayPackage",
        style: ApiStyle::V3 {
            version: "2018-06-08",
        },
        host: None,
        region: RegionPolicy::None,
        rate_limit: None,
        idempotent: false,
    };
}

/// An action with a documented host (tcsas).
#[derive(Debug, Clone, Serialize)]
pub struct FixedHostAction {
    #[serde(rename = "PlatformId")]
    pub platform_id: String,
}

impl Action for FixedHostAction {
    type Response = DataResponse;
    type ErrorCode = CommonErrorCode;
    const META: ActionMeta = ActionMeta {
        service: "tcsas",
        action: "DescribeMNPVersion",
        style: ApiStyle::V3 {
            version: "2025-01-06",
        },
        host: Some("tcsas.intl.tencentcloudapi.com"),
        region: RegionPolicy::Optional { allowed: &[] },
        rate_limit: None,
        idempotent: true,
    };
}

/// An API 2.0 action (apigateway), camelCase parameters.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DescribeServiceV2 {
    pub service_id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub api_ids: Option<Vec<String>>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DescribeServiceV2Response {
    pub service_id: String,
}

impl Action for DescribeServiceV2 {
    type Response = DescribeServiceV2Response;
    type ErrorCode = CommonErrorCode;
    const META: ActionMeta = ActionMeta {
        service: "apigateway",
        action: "DescribeService",
        style: ApiStyle::V2,
        host: None,
        region: RegionPolicy::Required { allowed: &[] },
        rate_limit: None,
        idempotent: true,
    };
}

impl DescribeServiceV2 {
    pub fn sample() -> Self {
        DescribeServiceV2 {
            service_id: "service-abc".into(),
            api_ids: Some(vec!["api-1".into(), "api 2".into()]),
        }
    }
}

/// Idempotent, documented limit of 10 requests per second.
#[derive(Debug, Clone, Serialize)]
pub struct LimitedAction {}

impl Action for LimitedAction {
    type Response = DataResponse;
    type ErrorCode = CommonErrorCode;
    const META: ActionMeta = ActionMeta {
        service: "tcmpp",
        action: "DescribeLimited",
        style: ApiStyle::V3 {
            version: "2024-08-01",
        },
        host: None,
        region: RegionPolicy::Required { allowed: &[] },
        rate_limit: std::num::NonZeroU32::new(10),
        idempotent: true,
    };
}

/// A client builder aimed at `server` with fast retries and a static credential.
pub fn builder_for(server: &TestServer) -> tc_api_core::client::ClientBuilder {
    tc_api_core::Client::builder()
        .credential(credential())
        .endpoint(server.url())
        .region("ap-guangzhou")
        .no_env_proxy()
        .backoff(Duration::from_millis(10), Duration::from_millis(40))
}

/// Everything logged on this thread while it lives, by a TRACE-level `tracing` fmt
/// subscriber without colours (spans too, per `span_events`).
pub struct LogCapture {
    buffer: SharedBuffer,
    _guard: tracing::subscriber::DefaultGuard,
}

impl LogCapture {
    pub fn start(span_events: tracing_subscriber::fmt::format::FmtSpan) -> LogCapture {
        let buffer = SharedBuffer::default();
        let writer = buffer.clone();
        let subscriber = tracing_subscriber::fmt()
            .with_max_level(tracing::Level::TRACE)
            .with_span_events(span_events)
            .with_ansi(false)
            .with_writer(move || writer.clone())
            .finish();
        LogCapture {
            buffer,
            _guard: tracing::subscriber::set_default(subscriber),
        }
    }

    /// What was logged so far.
    pub fn text(&self) -> String {
        String::from_utf8(self.buffer.0.lock().unwrap().clone()).unwrap()
    }
}

#[derive(Clone, Default)]
struct SharedBuffer(Arc<Mutex<Vec<u8>>>);

impl std::io::Write for SharedBuffer {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}
