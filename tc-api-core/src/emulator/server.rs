//! The HTTP/1.1 server: accepting connections, and the life of one request from its head
//! to the record of its answer.

use std::sync::Arc;

use bytes::Bytes;
use http::{Request, Response, StatusCode};
use http_body_util::BodyExt;
use hyper::body::Body;
use hyper::body::Incoming;
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper_util::rt::{TokioIo, TokioTimer};
use serde_json::{Map, Value};
use tokio::net::TcpListener;
use tokio::sync::{OwnedSemaphorePermit, Semaphore, watch};

use super::error::{EmulatorError, codes};
use super::faults::{FaultKind, Stage};
use super::record::{BodyKept, Outcome, RecordedRequest};
use super::reply::{self, ReplyBody};
use super::routes::Route;
use super::state::State;
use super::verify::{self, Api, Call, Received};

/// Returned to hyper to make it close the connection without answering.
#[derive(Debug, thiserror::Error)]
#[error("injected fault: connection dropped")]
pub(crate) struct Dropped;

/// The most bytes of a request head (request line and headers) hyper buffers per
/// connection; a longer head is refused (`431`/`414`) and the connection closed. Far
/// above what the cloud takes in a GET query string (browsers stop at 2-8 KB).
pub(crate) const MAX_HEAD_BYTES: usize = 64 * 1024;

/// Accepts connections until `shutdown` changes or its sender is gone, at most
/// `max_connections` at once (past it, new ones wait in the listen backlog); each
/// connection is served on its own task and closed at shutdown too.
pub(crate) async fn serve(
    listener: TcpListener,
    state: Arc<State>,
    mut shutdown: watch::Receiver<bool>,
) {
    let slots = Arc::new(Semaphore::new(state.max_connections));
    loop {
        let slot = tokio::select! {
            slot = Arc::clone(&slots).acquire_owned() => match slot {
                Ok(slot) => slot,
                Err(_) => break,
            },
            _ = shutdown.changed() => break,
        };
        let stream = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok((stream, _)) => stream,
                Err(error) => {
                    // Out of file descriptors and the like: back off instead of spinning.
                    tracing::debug!(%error, "emulator: accept failed");
                    tokio::time::sleep(std::time::Duration::from_millis(10)).await;
                    continue;
                }
            },
            _ = shutdown.changed() => break,
        };
        let _ = stream.set_nodelay(true);
        let state = Arc::clone(&state);
        let mut shutdown = shutdown.clone();
        tokio::spawn(async move {
            let _slot = slot;
            let read_timeout = state.read_timeout;
            let service = service_fn(move |request| handle(Arc::clone(&state), request));
            let connection = http1::Builder::new()
                .timer(TokioTimer::new())
                .header_read_timeout(read_timeout)
                .max_buf_size(MAX_HEAD_BYTES)
                .serve_connection(TokioIo::new(stream), service);
            tokio::select! {
                _ = connection => {}
                _ = shutdown.changed() => {}
            }
        });
    }
}

/// Why a request body was not read whole.
enum BodyError {
    /// It is (or announces to be) larger than the limit.
    TooLarge,
    /// It did not arrive within the read timeout; so many bytes had.
    Late(u64),
    /// The client went away while sending it; so many bytes had arrived.
    Gone(u64),
}

/// Reads the whole body, at most `state.max_body_bytes` of it, within the read timeout
/// (which also covers waiting for room in the body budget). The returned reservation
/// must be kept as long as the body.
async fn read_body(
    state: &State,
    mut body: Incoming,
) -> Result<(Bytes, Option<OwnedSemaphorePermit>), BodyError> {
    let limit = state.max_body_bytes;
    // The announced length, if any; a chunked body may grow to the limit.
    let announced = body
        .size_hint()
        .exact()
        .map(|n| usize::try_from(n).unwrap_or(usize::MAX));
    if announced.is_some_and(|n| n > limit) {
        return Err(BodyError::TooLarge);
    }
    let mut buffer = Vec::new();
    let read = async {
        let reservation = state.body_budget.reserve(announced.unwrap_or(limit)).await;
        buffer.reserve_exact(announced.unwrap_or(0));
        while let Some(frame) = body.frame().await {
            let frame = frame.map_err(|_| BodyError::Gone(buffer.len() as u64))?;
            if let Ok(data) = frame.into_data() {
                if data.len() > limit - buffer.len() {
                    return Err(BodyError::TooLarge);
                }
                buffer.extend_from_slice(&data);
            }
        }
        Ok(reservation)
    };
    match tokio::time::timeout(state.read_timeout, read).await {
        Ok(Ok(reservation)) => Ok((Bytes::from(buffer), reservation)),
        Ok(Err(error)) => Err(error),
        Err(_) => Err(BodyError::Late(buffer.len() as u64)),
    }
}

/// What an injected fault makes of a request.
enum Plan {
    /// Verify and handle it; then send the answer, or mangle it per the fault.
    Process { mangle: Option<FaultKind> },
    /// Answer this API error instead.
    Refuse(FaultKind, EmulatorError),
    /// Answer an HTTP error that is no API answer.
    Gateway(u16),
    /// Answer a huge success envelope.
    Large { bytes: u64, chunked: bool },
    /// Close the connection.
    Drop,
}

fn plan(fault: Option<&FaultKind>) -> Plan {
    match fault {
        None | Some(FaultKind::Delay(_)) => Plan::Process { mangle: None },
        Some(
            kind @ (FaultKind::DropAfterRead | FaultKind::MalformedJson | FaultKind::TruncatedBody),
        ) => Plan::Process {
            mangle: Some(kind.clone()),
        },
        Some(FaultKind::Throttle) => Plan::Refuse(
            FaultKind::Throttle,
            EmulatorError::new(
                codes::REQUEST_LIMIT_EXCEEDED,
                "your requests are too frequent (injected by the emulator)",
            ),
        ),
        Some(kind @ FaultKind::ApiError { code, message }) => Plan::Refuse(
            kind.clone(),
            EmulatorError::new(code.clone(), message.clone()),
        ),
        Some(FaultKind::HttpStatus(status)) => Plan::Gateway(*status),
        Some(FaultKind::LargeBody { bytes, chunked }) => Plan::Large {
            bytes: *bytes,
            chunked: *chunked,
        },
        Some(FaultKind::DropBeforeRead) => Plan::Drop,
    }
}

async fn handle(
    state: Arc<State>,
    request: Request<Incoming>,
) -> Result<Response<ReplyBody>, Dropped> {
    let received_at = state.now();
    let (parts, body) = request.into_parts();
    let mut record = RecordedRequest {
        received_at,
        method: parts.method.to_string(),
        path: parts.uri.path().to_owned(),
        query: parts.uri.query().unwrap_or_default().to_owned(),
        headers: parts
            .headers
            .iter()
            .map(|(name, value)| {
                (
                    name.as_str().to_owned(),
                    String::from_utf8_lossy(value.as_bytes()).into_owned(),
                )
            })
            .collect(),
        body: Bytes::new(),
        body_kept: BodyKept::Unread,
        body_len: 0,
        action: None,
        version: None,
        region: None,
        secret_id: None,
        sign_method: None,
        timestamp: None,
        request_id: None,
        outcome: Outcome::Success,
    };

    let head_action = verify::head_action(&parts.method, parts.uri.query(), &parts.headers);
    if let Some(kind) = state.faults.take(Stage::Head, head_action.as_deref()) {
        record.action = head_action;
        record.outcome = Outcome::Fault(kind);
        state.log.push(record);
        return Err(Dropped);
    }

    let api = Api::from_path(parts.uri.path());
    let (body, _reservation) = match read_body(&state, body).await {
        Ok(read) => read,
        Err(BodyError::TooLarge) => {
            let error = EmulatorError::new(
                codes::REQUEST_SIZE_LIMIT_EXCEEDED,
                format!("the request body exceeds {} bytes", state.max_body_bytes),
            );
            return Ok(refuse(
                &state,
                record,
                api.unwrap_or(Api::V3),
                error,
                StatusCode::OK,
            ));
        }
        // Nobody to answer, or nobody worth waiting for: close the connection.
        Err(BodyError::Late(received)) => {
            record.body_len = received;
            record.outcome = Outcome::Closed(format!(
                "the body did not arrive within the read timeout of {:?} ({received} bytes had)",
                state.read_timeout
            ));
            state.log.push(record);
            return Err(Dropped);
        }
        Err(BodyError::Gone(received)) => {
            record.body_len = received;
            record.outcome = Outcome::Closed(format!(
                "the client went away while sending the body ({received} bytes had arrived)"
            ));
            state.log.push(record);
            return Err(Dropped);
        }
    };
    // Kept only once the request is verified (below).
    record.keep_body(&body, false, 0);
    let Some(api) = api else {
        let error = EmulatorError::new(
            codes::INVALID_ACTION,
            format!(
                "there is no API at path {}; API 3.0 is at / and API 2.0 at /v2/index.php",
                parts.uri.path()
            ),
        );
        return Ok(refuse(
            &state,
            record,
            Api::V3,
            error,
            StatusCode::NOT_FOUND,
        ));
    };
    let received = Received {
        method: parts.method,
        path: record.path.clone(),
        query: record.query.clone(),
        headers: parts.headers,
        body,
    };
    let call = Call::parse(&received, api);
    record.action = call.action.clone();
    record.version = call.version.clone();
    record.region = call.region.clone();
    record.secret_id = call.secret_id.clone();
    record.sign_method = call.sign_method;
    record.timestamp = call.timestamp;

    let fault = state.faults.take(Stage::Read, call.action.as_deref());
    if let Some(FaultKind::Delay(delay)) = &fault {
        tokio::time::sleep(*delay).await;
    }
    let now = state.now();
    match plan(fault.as_ref()) {
        Plan::Process { mangle } => {
            let route = verify::authenticate(&state, &received, &call);
            record.keep_body(&received.body, route.is_ok(), state.record_body_bytes);
            let answer = match route {
                Ok(route) => process(&route, &received, &call).await,
                Err(error) => Err(error),
            };
            let request_id = reply::new_request_id();
            let body = reply::envelope(api, &answer, &request_id);
            record.request_id = Some(request_id);
            record.outcome = match (&mangle, answer) {
                (Some(kind), _) => Outcome::Fault(kind.clone()),
                (None, Ok(_)) => Outcome::Success,
                (None, Err(error)) => Outcome::Error {
                    code: error.code().to_owned(),
                    message: error.message().to_owned(),
                },
            };
            state.log.push(record);
            match mangle {
                Some(FaultKind::DropAfterRead) => Err(Dropped),
                Some(FaultKind::MalformedJson) => Ok(reply::malformed(body, now)),
                Some(FaultKind::TruncatedBody) => Ok(reply::truncated(body, now)),
                _ => Ok(reply::json(StatusCode::OK, body, now)),
            }
        }
        Plan::Refuse(kind, error) => {
            let request_id = reply::new_request_id();
            let body = reply::envelope(api, &Err(error), &request_id);
            record.request_id = Some(request_id);
            record.outcome = Outcome::Fault(kind);
            state.log.push(record);
            Ok(reply::json(StatusCode::OK, body, now))
        }
        Plan::Gateway(status) => {
            record.outcome = Outcome::Fault(FaultKind::HttpStatus(status));
            state.log.push(record);
            Ok(reply::gateway_error(status, now))
        }
        Plan::Large { bytes, chunked } => {
            let request_id = reply::new_request_id();
            let response = reply::large(bytes, chunked, &request_id, now);
            record.request_id = Some(request_id);
            record.outcome = Outcome::Fault(FaultKind::LargeBody { bytes, chunked });
            state.log.push(record);
            Ok(response)
        }
        Plan::Drop => {
            record.outcome = Outcome::Fault(FaultKind::DropBeforeRead);
            state.log.push(record);
            Err(Dropped)
        }
    }
}

/// Answers `error` without processing, and records it.
fn refuse(
    state: &State,
    mut record: RecordedRequest,
    api: Api,
    error: EmulatorError,
    status: StatusCode,
) -> Response<ReplyBody> {
    let request_id = reply::new_request_id();
    let body = reply::envelope(api, &Err(error.clone()), &request_id);
    record.request_id = Some(request_id);
    record.outcome = Outcome::Error {
        code: error.code().to_owned(),
        message: error.message().to_owned(),
    };
    state.log.push(record);
    reply::json(status, body, state.now())
}

/// Checks an authenticated request's parameters and runs its handler. No lock is held
/// across the handler.
async fn process(
    route: &Route,
    received: &Received,
    call: &Call,
) -> Result<Map<String, Value>, EmulatorError> {
    let params = verify::action_params(route, received, call)?;
    let answer = route.call(params).map_err(verify::param_error)?;
    match answer.await? {
        Value::Object(response) => Ok(response),
        Value::Null => Ok(Map::new()),
        other => Err(EmulatorError::internal(format!(
            "the handler of {} answered {}, not an object",
            route.meta.action,
            match other {
                Value::Bool(_) => "a boolean",
                Value::Number(_) => "a number",
                Value::String(_) => "a string",
                _ => "an array",
            }
        ))),
    }
}
