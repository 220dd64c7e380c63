//! What the emulator sends back: the API 3.0 and 2.0 envelopes, fresh RequestIds, and the
//! bodies of injected faults (truncated, oversized).

use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::{Duration, SystemTime};

use bytes::Bytes;
use http::header::{CONTENT_LENGTH, CONTENT_TYPE, DATE, HeaderValue};
use http::{Response, StatusCode};
use hyper::body::{Body, Frame, SizeHint};
use serde_json::{Map, Value, json};

use super::error::EmulatorError;
use super::verify::Api;

/// A fresh RequestId: 128 random bits written as a version-4 UUID.
pub(crate) fn new_request_id() -> String {
    let bits: u128 = rand::random();
    // Version 4, variant RFC 4122.
    let bits = (bits & !(0xf << 76) & !(0x3 << 62)) | (0x4 << 76) | (0x2 << 62);
    let hex = format!("{bits:032x}");
    format!(
        "{}-{}-{}-{}-{}",
        &hex[0..8],
        &hex[8..12],
        &hex[12..16],
        &hex[16..20],
        &hex[20..32]
    )
}

/// The JSON answer of a call: the handler's response object, or an error.
pub(crate) fn envelope(
    api: Api,
    answer: &Result<Map<String, Value>, EmulatorError>,
    request_id: &str,
) -> Vec<u8> {
    let value = match (api, answer) {
        (Api::V3, Ok(response)) => {
            let mut response = response.clone();
            response.insert("RequestId".to_owned(), Value::from(request_id));
            json!({ "Response": response })
        }
        (Api::V3, Err(error)) => json!({
            "Response": {
                "Error": { "Code": error.code(), "Message": error.message() },
                "RequestId": request_id,
            }
        }),
        (Api::V2, Ok(response)) => {
            let mut object = response.clone();
            object.insert("code".to_owned(), Value::from(0));
            object.insert("message".to_owned(), Value::from(""));
            object.insert("codeDesc".to_owned(), Value::from("Success"));
            object
                .entry("requestId")
                .or_insert_with(|| Value::from(request_id));
            Value::Object(object)
        }
        (Api::V2, Err(error)) => json!({
            "code": error.v2_code(),
            "message": error.message(),
            "codeDesc": error.code(),
            "requestId": request_id,
        }),
    };
    serde_json::to_vec(&value).unwrap_or_else(|_| b"{}".to_vec())
}

/// The body of every answer.
pub(crate) enum ReplyBody {
    /// The whole body at once.
    Full(Option<Bytes>),
    /// The first part of a body whose `Content-Length` announces more; after a pause
    /// (so the part is flushed to the socket) the stream fails, which makes the server
    /// close the connection.
    Truncated {
        part: Option<Bytes>,
        pause: Option<Pin<Box<tokio::time::Sleep>>>,
    },
    /// A generated body: `prefix`, `padding` bytes of `x`, then `suffix`.
    Padded {
        prefix: Option<Bytes>,
        padding: u64,
        suffix: Option<Bytes>,
        /// Whether the size is announced (`Content-Length`) or the body is chunked.
        announced: bool,
    },
}

/// Why a fault body ends early; makes hyper drop the connection.
#[derive(Debug, thiserror::Error)]
#[error("injected fault: the body is cut short")]
pub(crate) struct CutShort;

const PADDING_CHUNK: &[u8] = &[b'x'; 64 * 1024];

impl Body for ReplyBody {
    type Data = Bytes;
    type Error = CutShort;

    fn poll_frame(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, CutShort>>> {
        match self.get_mut() {
            ReplyBody::Full(bytes) => Poll::Ready(bytes.take().map(|b| Ok(Frame::data(b)))),
            ReplyBody::Truncated { part, pause } => {
                if let Some(part) = part.take() {
                    return Poll::Ready(Some(Ok(Frame::data(part))));
                }
                match pause {
                    Some(sleep) => {
                        if sleep.as_mut().poll(cx).is_pending() {
                            return Poll::Pending;
                        }
                        *pause = None;
                        Poll::Ready(Some(Err(CutShort)))
                    }
                    None => Poll::Ready(None),
                }
            }
            ReplyBody::Padded {
                prefix,
                padding,
                suffix,
                ..
            } => {
                if let Some(prefix) = prefix.take() {
                    return Poll::Ready(Some(Ok(Frame::data(prefix))));
                }
                if *padding > 0 {
                    let n = (*padding).min(PADDING_CHUNK.len() as u64);
                    *padding -= n;
                    let chunk = Bytes::from_static(&PADDING_CHUNK[..n as usize]);
                    return Poll::Ready(Some(Ok(Frame::data(chunk))));
                }
                Poll::Ready(suffix.take().map(|b| Ok(Frame::data(b))))
            }
        }
    }

    fn is_end_stream(&self) -> bool {
        match self {
            ReplyBody::Full(bytes) => bytes.is_none(),
            ReplyBody::Truncated { part, pause } => part.is_none() && pause.is_none(),
            ReplyBody::Padded {
                prefix,
                padding,
                suffix,
                ..
            } => prefix.is_none() && *padding == 0 && suffix.is_none(),
        }
    }

    fn size_hint(&self) -> SizeHint {
        match self {
            ReplyBody::Full(bytes) => {
                SizeHint::with_exact(bytes.as_ref().map_or(0, |b| b.len() as u64))
            }
            // The announced length is set as a header; hyper then trusts the header.
            ReplyBody::Truncated { .. } => SizeHint::default(),
            ReplyBody::Padded {
                prefix,
                padding,
                suffix,
                announced,
            } => {
                if *announced {
                    let len = |b: &Option<Bytes>| b.as_ref().map_or(0, |b| b.len() as u64);
                    SizeHint::with_exact(len(prefix) + padding + len(suffix))
                } else {
                    SizeHint::default()
                }
            }
        }
    }
}

fn with_date(mut response: Response<ReplyBody>, now: SystemTime) -> Response<ReplyBody> {
    if let Ok(date) = HeaderValue::from_str(&httpdate::fmt_http_date(now)) {
        response.headers_mut().insert(DATE, date);
    }
    response
}

fn json_headers(status: StatusCode, body: ReplyBody, now: SystemTime) -> Response<ReplyBody> {
    let mut response = Response::new(body);
    *response.status_mut() = status;
    // Exactly `application/json`: tencentcloud-sdk-python reads errors only then.
    response
        .headers_mut()
        .insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
    with_date(response, now)
}

/// A complete JSON answer.
pub(crate) fn json(status: StatusCode, body: Vec<u8>, now: SystemTime) -> Response<ReplyBody> {
    json_headers(status, ReplyBody::Full(Some(Bytes::from(body))), now)
}

/// The first half of `body`, correctly framed: not valid JSON.
pub(crate) fn malformed(body: Vec<u8>, now: SystemTime) -> Response<ReplyBody> {
    let mut body = body;
    body.truncate(body.len() / 2);
    json(StatusCode::OK, body, now)
}

/// Announces `body`'s length, sends half of it, then fails the connection.
pub(crate) fn truncated(body: Vec<u8>, now: SystemTime) -> Response<ReplyBody> {
    let announced = body.len();
    let mut part = body;
    part.truncate(announced / 2);
    let mut response = json_headers(
        StatusCode::OK,
        ReplyBody::Truncated {
            part: Some(Bytes::from(part)),
            pause: Some(Box::pin(tokio::time::sleep(Duration::from_millis(20)))),
        },
        now,
    );
    response
        .headers_mut()
        .insert(CONTENT_LENGTH, HeaderValue::from(announced));
    response
}

/// An HTTP error with an HTML body, as a gateway in front of the API answers.
pub(crate) fn gateway_error(status: u16, now: SystemTime) -> Response<ReplyBody> {
    let status = StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let text = format!(
        "<html><head><title>{status}</title></head><body><h1>{status}</h1><p>injected by the tc-api emulator</p></body></html>"
    );
    let mut response = Response::new(ReplyBody::Full(Some(Bytes::from(text))));
    *response.status_mut() = status;
    response.headers_mut().insert(
        CONTENT_TYPE,
        HeaderValue::from_static("text/html; charset=utf-8"),
    );
    with_date(response, now)
}

/// A valid API 3.0 success envelope of `total` bytes, padded inside a `Padding` string.
pub(crate) fn large(
    total: u64,
    chunked: bool,
    request_id: &str,
    now: SystemTime,
) -> Response<ReplyBody> {
    let prefix = format!("{{\"Response\":{{\"RequestId\":\"{request_id}\",\"Padding\":\"");
    let suffix = "\"}}";
    let fixed = (prefix.len() + suffix.len()) as u64;
    json_headers(
        StatusCode::OK,
        ReplyBody::Padded {
            prefix: Some(Bytes::from(prefix)),
            padding: total.saturating_sub(fixed),
            suffix: Some(Bytes::from_static(suffix.as_bytes())),
            announced: !chunked,
        },
        now,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use http_body_util::BodyExt;

    #[test]
    fn request_ids_are_fresh_uuids() {
        let a = new_request_id();
        let b = new_request_id();
        assert_ne!(a, b);
        assert_eq!(a.len(), 36);
        let parts: Vec<&str> = a.split('-').collect();
        assert_eq!(
            parts.iter().map(|p| p.len()).collect::<Vec<_>>(),
            [8, 4, 4, 4, 12]
        );
        assert!(parts[2].starts_with('4'), "{a}");
        assert!(matches!(&parts[3][..1], "8" | "9" | "a" | "b"), "{a}");
    }

    #[test]
    fn envelopes_of_both_generations() {
        let mut data = Map::new();
        data.insert("Data".into(), json!({"Result": true}));
        let v3: Value =
            serde_json::from_slice(&envelope(Api::V3, &Ok(data.clone()), "r-1")).unwrap();
        assert_eq!(
            v3,
            json!({"Response": {"Data": {"Result": true}, "RequestId": "r-1"}})
        );
        let err = EmulatorError::new("AuthFailure.SignatureFailure", "bad");
        let v3: Value =
            serde_json::from_slice(&envelope(Api::V3, &Err(err.clone()), "r-2")).unwrap();
        assert_eq!(
            v3,
            json!({"Response": {"Error": {"Code": "AuthFailure.SignatureFailure", "Message": "bad"}, "RequestId": "r-2"}})
        );
        let v2: Value = serde_json::from_slice(&envelope(Api::V2, &Ok(data), "r-3")).unwrap();
        assert_eq!(
            v2,
            json!({"code": 0, "message": "", "codeDesc": "Success", "Data": {"Result": true}, "requestId": "r-3"})
        );
        let v2: Value = serde_json::from_slice(&envelope(Api::V2, &Err(err), "r-4")).unwrap();
        assert_eq!(
            v2,
            json!({"code": 4100, "message": "bad", "codeDesc": "AuthFailure.SignatureFailure", "requestId": "r-4"})
        );
    }

    #[tokio::test]
    async fn large_body_has_the_asked_size_and_is_valid_json() {
        let response = large(200_000, false, "r", SystemTime::now());
        assert_eq!(response.body().size_hint().exact(), Some(200_000));
        let body = response.into_body().collect().await.unwrap().to_bytes();
        assert_eq!(body.len(), 200_000);
        let value: Value = serde_json::from_slice(&body).unwrap();
        assert_eq!(value["Response"]["RequestId"], "r");
    }

    #[tokio::test]
    async fn truncated_body_fails_after_its_part() {
        let response = truncated(b"0123456789".to_vec(), SystemTime::now());
        assert_eq!(response.headers()[CONTENT_LENGTH], "10");
        let mut body = response.into_body();
        let first = body.frame().await.unwrap().unwrap().into_data().unwrap();
        assert_eq!(&first[..], b"01234");
        assert!(body.frame().await.unwrap().is_err());
    }
}
