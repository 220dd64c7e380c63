//! The HTTP/1.1 server: accepting connections, and the life of one request from its head
//! to the record of its answer.

use std::sync::Arc;

use http::{Request, Response, StatusCode};
use http_body_util::{BodyExt, LengthLimitError, Limited};
use hyper::body::Incoming;
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper_util::rt::{TokioIo, TokioTimer};
use serde_json::{Map, Value};
use tokio::net::TcpListener;
use tokio::sync::watch;

use super::error::{EmulatorError, codes};
use super::faults::{FaultKind, Stage};
use super::record::{Outcome, RecordedRequest};
use super::reply::{self, ReplyBody};
use super::state::State;
use super::verify::{self, Api, Call, Received};

/// Returned to hyper to make it close the connection without answering.
#[derive(Debug, thiserror::Error)]
#[error("injected fault: connection dropped")]
pub(crate) struct Dropped;

/// Accepts connections until `shutdown` changes or its sender is gone; each connection
/// is served on its own task and closed at shutdown too.
pub(crate) async fn serve(
    listener: TcpListener,
    state: Arc<State>,
    mut shutdown: watch::Receiver<bool>,
) {
    loop {
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
            let service = service_fn(move |request| handle(Arc::clone(&state), request));
            let connection = http1::Builder::new()
                .timer(TokioTimer::new())
                .serve_connection(TokioIo::new(stream), service);
            tokio::select! {
                _ = connection => {}
                _ = shutdown.changed() => {}
            }
        });
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
        body: Default::default(),
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
    let body = match Limited::new(body, state.max_body_bytes).collect().await {
        Ok(collected) => collected.to_bytes(),
        Err(error) if error.downcast_ref::<LengthLimitError>().is_some() => {
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
        // The client went away mid-body: nobody to answer.
        Err(_) => return Err(Dropped),
    };
    record.body = body.clone();
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
            let answer = process(&state, &received, &call).await;
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

/// Verifies the request and runs its handler. No lock is held across the handler.
async fn process(
    state: &State,
    received: &Received,
    call: &Call,
) -> Result<Map<String, Value>, EmulatorError> {
    let verified = verify::verify(state, received, call)?;
    let answer = verified
        .route
        .call(verified.params)
        .map_err(verify::param_error)?;
    match answer.await? {
        Value::Object(response) => Ok(response),
        Value::Null => Ok(Map::new()),
        other => Err(EmulatorError::internal(format!(
            "the handler of {} answered {}, not an object",
            verified.route.meta.action,
            match other {
                Value::Bool(_) => "a boolean",
                Value::Number(_) => "a number",
                Value::String(_) => "a string",
                _ => "an array",
            }
        ))),
    }
}
