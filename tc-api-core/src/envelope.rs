//! Decoding of answers: the API 3.0 `{"Response": {...}}` envelope and the API 2.0
//! `{code, message, codeDesc, ...}` object, into the typed response or an [`Error`].
//!
//! Unknown fields are ignored and `null` is accepted for `Option` fields throughout
//! (serde's defaults; nothing here denies unknown fields), because answers gain fields
//! over time.
//!
//! `Response.Error` is the error envelope only when it is an object with a string `Code`
//! member. Otherwise it is an ordinary member of a successful answer, decoded into the
//! typed response like any other: some services (lkeap) answer an `Error` of their own,
//! a string or an object of another shape.

use serde::Deserialize;
use serde::de::{self, DeserializeOwned, Deserializer, IgnoredAny, Visitor};

use crate::action::ErrorCode;
use crate::client::RequestId;
use crate::error::{Error, V2Code};

/// Characters of a body kept in decode and status errors.
pub const EXCERPT_CHARS: usize = 200;

/// The first [`EXCERPT_CHARS`] characters of `body`, lossily decoded, with an ellipsis
/// when cut.
pub fn excerpt(body: &[u8]) -> String {
    let head = &body[..body.len().min(EXCERPT_CHARS * 4)];
    let text = String::from_utf8_lossy(head);
    let mut out: String = text.chars().take(EXCERPT_CHARS).collect();
    if out.len() < body.len() {
        out.push('…');
    }
    out
}

#[derive(Deserialize)]
struct V3Probe {
    #[serde(rename = "Response")]
    response: V3ProbeInner,
}

#[derive(Deserialize)]
struct V3ProbeInner {
    /// Kept whole until [`envelope_error`] tells what it is: this is the slow path, taken
    /// for errors and for answers that have an `Error` member of their own.
    #[serde(rename = "Error", default)]
    error: Option<serde_json::Value>,
    #[serde(rename = "RequestId", default)]
    request_id: Option<String>,
}

/// The error envelope's content.
struct V3WireError {
    code: String,
    message: Option<String>,
}

/// `Response.Error` as the error envelope: an object with a string `Code`; anything else
/// belongs to the answer. A `Message` that is not a string is left out rather than
/// failing the answer.
fn envelope_error(member: serde_json::Value) -> Option<V3WireError> {
    let serde_json::Value::Object(mut object) = member else {
        return None;
    };
    let serde_json::Value::String(code) = object.remove("Code")? else {
        return None;
    };
    let message = match object.remove("Message") {
        Some(serde_json::Value::String(message)) => Some(message),
        _ => None,
    };
    Some(V3WireError { code, message })
}

#[derive(Deserialize)]
struct V3Data<T> {
    #[serde(rename = "Response")]
    response: T,
}

/// The answer of an API 3.0 call: the typed `Response` and its RequestId, or the error
/// it carries.
///
/// A successful answer is read in one pass (no intermediate JSON value); anything else (an `Error`
/// member, a status outside 2xx, a body that does not fit) is read again by the general
/// path below, which tells the cases apart.
pub fn decode_v3<T: DeserializeOwned>(status: u16, body: &[u8]) -> Result<(T, RequestId), Error> {
    if (200..300).contains(&status)
        && let Ok(V3Data { response }) = serde_json::from_slice::<V3Data<Picked<T>>>(body)
    {
        let request_id = response.request_id.map(RequestId::from).unwrap_or_default();
        return Ok((response.data, request_id));
    }
    decode_v3_general(status, body)
}

/// [`decode_v3`] for every answer: the envelope first, then the typed response.
fn decode_v3_general<T: DeserializeOwned>(
    status: u16,
    body: &[u8],
) -> Result<(T, RequestId), Error> {
    let probe: V3Probe = match serde_json::from_slice(body) {
        Ok(probe) => probe,
        Err(e) => return Err(not_an_answer(status, body, None, &e)),
    };
    let request_id = probe.response.request_id.map(RequestId::from);
    if let Some(error) = probe.response.error.and_then(envelope_error) {
        return Err(Error::Api {
            code: error.code,
            message: error.message.unwrap_or_default(),
            request_id,
            http_status: status,
        });
    }
    if !(200..300).contains(&status) {
        return Err(Error::HttpStatus {
            status,
            excerpt: excerpt(body),
            request_id,
        });
    }
    match serde_json::from_slice::<V3Data<T>>(body) {
        Ok(data) => Ok((data.response, request_id.unwrap_or_default())),
        Err(e) => Err(Error::Decode {
            reason: e.to_string(),
            excerpt: excerpt(body),
            http_status: status,
            request_id,
        }),
    }
}

/// The `Response` object of a successful API 3.0 answer, read in one pass: `T` sees every
/// member (`RequestId` included, as if read alone), and `RequestId` is also kept here.
/// An `Error` member fails the pass, whatever it holds, so that the general path decides
/// whether it is the error envelope or a member of the answer (rare, and read exactly as
/// the general path reads every answer).
struct Picked<T> {
    data: T,
    request_id: Option<String>,
}

/// What fails the one-pass read when the answer has an `Error` member.
const ERROR_MEMBER: &str = "the answer has an Error member";

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Picked<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let mut request_id = None;
        let data = T::deserialize(PickingDeserializer {
            inner: deserializer,
            request_id: &mut request_id,
        })?;
        Ok(Picked { data, request_id })
    }
}

/// Hands the `Response` object to `T`, watching its members on the way.
struct PickingDeserializer<'a, D> {
    inner: D,
    request_id: &'a mut Option<String>,
}

impl<'de, D: Deserializer<'de>> Deserializer<'de> for PickingDeserializer<'_, D> {
    type Error = D::Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Self::Error> {
        self.inner.deserialize_map(PickingVisitor {
            inner: visitor,
            request_id: self.request_id,
        })
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Self::Error> {
        self.deserialize_any(visitor)
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes
        byte_buf option unit unit_struct newtype_struct seq tuple tuple_struct map enum
        identifier ignored_any
    }
}

struct PickingVisitor<'a, V> {
    inner: V,
    request_id: &'a mut Option<String>,
}

impl<'de, V: Visitor<'de>> Visitor<'de> for PickingVisitor<'_, V> {
    type Value = V::Value;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.inner.expecting(f)
    }

    fn visit_map<A: de::MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
        self.inner.visit_map(PickingMap {
            inner: map,
            request_id: self.request_id,
            at_request_id: false,
        })
    }
}

struct PickingMap<'a, A> {
    inner: A,
    request_id: &'a mut Option<String>,
    /// The key just handed out was `RequestId`.
    at_request_id: bool,
}

impl<'de, A: de::MapAccess<'de>> de::MapAccess<'de> for PickingMap<'_, A> {
    type Error = A::Error;

    fn next_key_seed<K: de::DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Self::Error> {
        let Some(key) = self.inner.next_key::<MemberName<'de>>()? else {
            return Ok(None);
        };
        let name: &str = &key.0;
        if name == "Error" {
            return Err(de::Error::custom(ERROR_MEMBER));
        }
        self.at_request_id = name == "RequestId";
        match key.0 {
            std::borrow::Cow::Borrowed(name) => seed
                .deserialize(de::value::BorrowedStrDeserializer::new(name))
                .map(Some),
            std::borrow::Cow::Owned(name) => seed
                .deserialize(de::value::StringDeserializer::new(name))
                .map(Some),
        }
    }

    fn next_value_seed<S: de::DeserializeSeed<'de>>(
        &mut self,
        seed: S,
    ) -> Result<S::Value, Self::Error> {
        if !std::mem::take(&mut self.at_request_id) {
            return self.inner.next_value_seed(seed);
        }
        // A string, as the general path reads it; anything else fails this pass.
        let id: String = self.inner.next_value()?;
        let value = seed.deserialize(de::value::StrDeserializer::new(&id))?;
        *self.request_id = Some(id);
        Ok(value)
    }

    fn size_hint(&self) -> Option<usize> {
        self.inner.size_hint()
    }
}

/// A member name, borrowed from the body when it has no escapes.
struct MemberName<'de>(std::borrow::Cow<'de, str>);

impl<'de> Deserialize<'de> for MemberName<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct NameVisitor;
        impl<'de> Visitor<'de> for NameVisitor {
            type Value = MemberName<'de>;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a member name")
            }
            fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Self::Value, E> {
                Ok(MemberName(std::borrow::Cow::Borrowed(v)))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
                Ok(MemberName(std::borrow::Cow::Owned(v.to_owned())))
            }
            fn visit_string<E: de::Error>(self, v: String) -> Result<Self::Value, E> {
                Ok(MemberName(std::borrow::Cow::Owned(v)))
            }
        }
        deserializer.deserialize_str(NameVisitor)
    }
}

/// An API 2.0 `code`: a number or a numeric string on the wire, kept as text.
struct V2WireCode(String);

impl<'de> Deserialize<'de> for V2WireCode {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct CodeVisitor;
        impl Visitor<'_> for CodeVisitor {
            type Value = V2WireCode;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("an integer or a string code")
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
                Ok(V2WireCode(v.to_string()))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
                Ok(V2WireCode(v.to_string()))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
                Ok(V2WireCode(v.trim().to_owned()))
            }
        }
        deserializer.deserialize_any(CodeVisitor)
    }
}

#[derive(Deserialize)]
struct V2Probe {
    code: V2WireCode,
    #[serde(default)]
    message: Option<String>,
    #[serde(rename = "codeDesc", default)]
    code_desc: Option<String>,
    #[serde(rename = "requestId", default)]
    request_id: Option<IdValue>,
}

/// `requestId` of API 2.0 answers, seen both as string and as number.
struct IdValue(Option<String>);

impl<'de> Deserialize<'de> for IdValue {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct IdVisitor;
        impl<'de> Visitor<'de> for IdVisitor {
            type Value = IdValue;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a request id")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
                Ok(IdValue(Some(v.to_owned())))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
                Ok(IdValue(Some(v.to_string())))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
                Ok(IdValue(Some(v.to_string())))
            }
            fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
                Ok(IdValue(None))
            }
            fn visit_map<A: de::MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
                Ok(IdValue(None))
            }
            fn visit_seq<A: de::SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
                while seq.next_element::<IgnoredAny>()?.is_some() {}
                Ok(IdValue(None))
            }
        }
        deserializer.deserialize_any(IdVisitor)
    }
}

/// The answer of an API 2.0 call: the top-level object as the typed response, or the
/// error its `code` says. A `code` of 0 (number or `"0"`) is success.
pub fn decode_v2<T: DeserializeOwned>(status: u16, body: &[u8]) -> Result<(T, RequestId), Error> {
    let probe: V2Probe = match serde_json::from_slice(body) {
        Ok(probe) => probe,
        Err(e) => return Err(not_an_answer(status, body, None, &e)),
    };
    let request_id = probe.request_id.and_then(|id| id.0).map(RequestId::from);
    if probe.code.0 != "0" {
        return Err(Error::ApiV2 {
            code: V2Code::from_code(&probe.code.0),
            message: probe.message.unwrap_or_default(),
            code_desc: probe.code_desc,
            request_id,
            http_status: status,
            // Errors are rare: one copy of the body here keeps the decoders' signature
            // a plain slice.
            body: body.into(),
        });
    }
    if !(200..300).contains(&status) {
        return Err(Error::HttpStatus {
            status,
            excerpt: excerpt(body),
            request_id,
        });
    }
    match serde_json::from_slice::<T>(body) {
        Ok(data) => Ok((data, request_id.unwrap_or_default())),
        Err(e) => Err(Error::Decode {
            reason: e.to_string(),
            excerpt: excerpt(body),
            http_status: status,
            request_id,
        }),
    }
}

/// A body that is not an envelope: an HTTP error if the status says so, else a decode
/// error.
fn not_an_answer(
    status: u16,
    body: &[u8],
    request_id: Option<RequestId>,
    e: &serde_json::Error,
) -> Error {
    if (200..300).contains(&status) {
        Error::Decode {
            reason: e.to_string(),
            excerpt: excerpt(body),
            http_status: status,
            request_id,
        }
    } else {
        Error::HttpStatus {
            status,
            excerpt: excerpt(body),
            request_id,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::action::Empty;

    #[derive(Debug, Deserialize, PartialEq)]
    struct Release {
        #[serde(rename = "Data")]
        data: Option<BooleanInfo>,
    }
    #[derive(Debug, Deserialize, PartialEq)]
    struct BooleanInfo {
        #[serde(rename = "Result")]
        result: bool,
    }

    #[test]
    fn v3_success_ignores_unknown_fields_and_accepts_null() {
        let body =
            br#"{"Response":{"Data":{"Result":true,"New":1},"Extra":[1],"RequestId":"r-1"}}"#;
        let (data, id) = decode_v3::<Release>(200, body).unwrap();
        assert_eq!(data.data, Some(BooleanInfo { result: true }));
        assert_eq!(id.as_str(), "r-1");
        let body = br#"{"Response":{"Data":null,"RequestId":"r-2"}}"#;
        let (data, _) = decode_v3::<Release>(200, body).unwrap();
        assert_eq!(data.data, None);
    }

    #[test]
    fn v3_error_keeps_code_message_request_id_and_status() {
        let body = br#"{"Response":{"Error":{"Code":"FailedOperation.MNPVersionReleased","Message":"done"},"RequestId":"r-3"}}"#;
        let err = decode_v3::<Release>(200, body).unwrap_err();
        match err {
            Error::Api {
                code,
                message,
                request_id,
                http_status,
            } => {
                assert_eq!(code, "FailedOperation.MNPVersionReleased");
                assert_eq!(message, "done");
                assert_eq!(request_id.unwrap().as_str(), "r-3");
                assert_eq!(http_status, 200);
            }
            other => panic!("{other:?}"),
        }
    }

    /// lkeap answers members named `Error` that are not the error envelope.
    #[derive(Debug, Deserialize, PartialEq)]
    struct WithTextError {
        #[serde(rename = "Error", default)]
        error: Option<String>,
        #[serde(rename = "Id")]
        id: String,
    }
    #[derive(Debug, Deserialize, PartialEq)]
    struct WithObjectError {
        #[serde(rename = "Error", default)]
        error: Option<Reason>,
    }
    #[derive(Debug, Deserialize, PartialEq)]
    struct Reason {
        #[serde(rename = "Reason")]
        reason: String,
    }

    #[test]
    fn v3_error_member_that_is_no_envelope_belongs_to_the_answer() {
        let body = br#"{"Response":{"Id":"c-1","Error":"some text","RequestId":"r-5"}}"#;
        let (data, id) = decode_v3::<WithTextError>(200, body).unwrap();
        assert_eq!(data.error.as_deref(), Some("some text"));
        assert_eq!((data.id.as_str(), id.as_str()), ("c-1", "r-5"));

        let body = br#"{"Response":{"Error":{"Reason":"x"},"RequestId":"r-6"}}"#;
        let (data, id) = decode_v3::<WithObjectError>(200, body).unwrap();
        assert_eq!(data.error, Some(Reason { reason: "x".into() }));
        assert_eq!(id.as_str(), "r-6");
        // A type that does not declare it, and the dynamic client's map, see a success too.
        assert!(decode_v3::<Empty>(200, body).is_ok());
        let (value, _) = decode_v3::<serde_json::Value>(200, body).unwrap();
        assert_eq!(value["Error"], serde_json::json!({"Reason": "x"}));

        // `Code` must be a string for the envelope.
        let body = br#"{"Response":{"Error":{"Code":7},"RequestId":"r-7"}}"#;
        let (value, _) = decode_v3::<serde_json::Value>(200, body).unwrap();
        assert_eq!(value["Error"]["Code"], 7);
        // Outside 2xx such an answer is still a status error, with its RequestId.
        let body = br#"{"Response":{"Id":"c-1","Error":"some text","RequestId":"r-8"}}"#;
        let err = decode_v3::<WithTextError>(503, body).unwrap_err();
        assert!(
            matches!(err, Error::HttpStatus { status: 503, .. }),
            "{err:?}"
        );
        assert_eq!(err.request_id().unwrap().as_str(), "r-8");
    }

    #[test]
    fn v3_error_envelope_wins_even_when_the_response_declares_error() {
        let body = br#"{"Response":{"Error":{"Code":"InternalError","Message":"boom"},"RequestId":"r-9"}}"#;
        for err in [
            decode_v3::<WithTextError>(200, body).unwrap_err(),
            decode_v3::<WithObjectError>(200, body).unwrap_err(),
            decode_v3::<serde_json::Value>(200, body).unwrap_err(),
        ] {
            match err {
                Error::Api {
                    code,
                    message,
                    request_id,
                    http_status,
                } => {
                    assert_eq!((code.as_str(), message.as_str()), ("InternalError", "boom"));
                    assert_eq!(request_id.unwrap().as_str(), "r-9");
                    assert_eq!(http_status, 200);
                }
                other => panic!("{other:?}"),
            }
        }
        // A Message that is not a string does not hide the error.
        let body =
            br#"{"Response":{"Error":{"Code":"InvalidParameter","Message":5},"RequestId":"r-10"}}"#;
        let err = decode_v3::<Empty>(400, body).unwrap_err();
        assert!(
            matches!(&err, Error::Api { code, message, .. } if code == "InvalidParameter" && message.is_empty()),
            "{err:?}"
        );
        assert_eq!(err.request_id().unwrap().as_str(), "r-10");
    }

    #[test]
    fn v3_type_mismatch_is_decode_error_with_request_id() {
        let body = br#"{"Response":{"Data":{"Result":"yes"},"RequestId":"r-4"}}"#;
        let err = decode_v3::<Release>(200, body).unwrap_err();
        assert!(matches!(err, Error::Decode { .. }), "{err:?}");
        assert_eq!(err.request_id().unwrap().as_str(), "r-4");
    }

    #[test]
    fn v3_non_json_is_decode_on_2xx_and_status_otherwise() {
        let err = decode_v3::<Empty>(200, b"<html>oops</html>").unwrap_err();
        assert!(matches!(err, Error::Decode { .. }), "{err:?}");
        let err = decode_v3::<Empty>(502, b"<html>bad gateway</html>").unwrap_err();
        assert!(
            matches!(err, Error::HttpStatus { status: 502, ref excerpt, .. } if excerpt.contains("bad gateway")),
            "{err:?}"
        );
    }

    /// The one-pass read must agree with the general path on every kind of answer.
    #[test]
    fn one_pass_v3_agrees_with_the_general_path() {
        let bodies: &[&[u8]] = &[
            br#"{"Response":{"Data":{"Result":true},"RequestId":"r-1"}}"#,
            br#"{"Response":{"RequestId":"r-0","Data":{"Result":false},"New":[1,{"a":null}]}}"#,
            br#"{"Response":{"Data":null}}"#,
            br#"{"Response":{"Data":{"Result":true},"RequestId":null}}"#,
            br#"{"Response":{"Data":{"Result":true},"RequestId":7}}"#,
            br#"{"Response":{"Data":{"Result":true},"RequestId":"r-\u0031","D\u0061ta":{"Result":false}}}"#,
            br#"{"Response":{"Data":{"Result":true},"Error":{"Code":"InternalError","Message":"x"},"RequestId":"r-2"}}"#,
            br#"{"Response":{"Error":{"Code":"InvalidParameter"},"RequestId":"r-3"}}"#,
            br#"{"Response":{"Data":{"Result":"yes"},"RequestId":"r-4"}}"#,
            br#"{"Response":{"Data":{"Result":true},"Error":"some text","RequestId":"r-6"}}"#,
            br#"{"Response":{"Error":{"Reason":"x"},"RequestId":"r-7"}}"#,
            br#"{"Response":{"Error":{"Code":5,"Message":"m"},"RequestId":"r-8"}}"#,
            br#"{"Response":{"Error":{"Code":"E","Message":5},"RequestId":"r-9"}}"#,
            br#"{"Response":{"Error":null,"RequestId":"r-10"}}"#,
            br#"{"Response":[1,2],"Other":1}"#,
            br#"{"Response":{"Data":{"Result":true},"RequestId":"r-5"},"Response2":{}}"#,
            br#"{"Data":{"Result":true}}"#,
            br#"not json"#,
        ];
        fn same<T: DeserializeOwned + std::fmt::Debug + PartialEq>(status: u16, body: &[u8]) {
            let fast = decode_v3::<T>(status, body);
            let general = decode_v3_general::<T>(status, body);
            match (&fast, &general) {
                (Ok(a), Ok(b)) => assert_eq!(a, b, "{}", String::from_utf8_lossy(body)),
                (Err(a), Err(b)) => assert_eq!(
                    format!("{a:?}"),
                    format!("{b:?}"),
                    "{}",
                    String::from_utf8_lossy(body)
                ),
                _ => panic!("{}: {fast:?} vs {general:?}", String::from_utf8_lossy(body)),
            }
        }
        for body in bodies {
            for status in [200, 400, 503] {
                same::<Release>(status, body);
                same::<Empty>(status, body);
                same::<serde_json::Value>(status, body);
            }
        }
    }

    #[test]
    fn one_pass_v3_shows_the_request_id_to_the_response_type() {
        // A response type (or a JSON value) that reads RequestId itself still gets it.
        #[derive(Debug, Deserialize, PartialEq)]
        struct WithId {
            #[serde(rename = "RequestId")]
            id: String,
        }
        let body = br#"{"Response":{"RequestId":"r-9","X":1}}"#;
        let (data, id) = decode_v3::<WithId>(200, body).unwrap();
        assert_eq!((data.id.as_str(), id.as_str()), ("r-9", "r-9"));
        let (value, _) = decode_v3::<serde_json::Value>(200, body).unwrap();
        assert_eq!(value, serde_json::json!({"RequestId": "r-9", "X": 1}));
    }

    #[test]
    fn excerpt_is_bounded_and_char_safe() {
        let long = "é".repeat(1000);
        let e = excerpt(long.as_bytes());
        assert_eq!(e.chars().count(), EXCERPT_CHARS + 1);
        assert!(e.ends_with('…'));
        assert_eq!(excerpt(b"short"), "short");
    }

    #[derive(Debug, Deserialize, PartialEq)]
    struct V2Out {
        #[serde(rename = "serviceId")]
        service_id: String,
    }

    #[test]
    fn v2_code_as_number_or_string() {
        let (out, id) = decode_v2::<V2Out>(
            200,
            br#"{"code":0,"message":"","codeDesc":"Success","serviceId":"s-1"}"#,
        )
        .unwrap();
        assert_eq!(out.service_id, "s-1");
        assert!(id.is_empty());
        let (out, id) = decode_v2::<V2Out>(
            200,
            br#"{"code":"0","message":"","serviceId":"s-2","requestId":"q-1"}"#,
        )
        .unwrap();
        assert_eq!(out.service_id, "s-2");
        assert_eq!(id.as_str(), "q-1");
    }

    #[test]
    fn v2_errors_map_to_named_codes() {
        let err = decode_v2::<V2Out>(
            200,
            br#"{"code":4100,"message":"auth failed","codeDesc":"AuthFailure","requestId":"q-2"}"#,
        )
        .unwrap_err();
        match &err {
            Error::ApiV2 {
                code,
                message,
                code_desc,
                request_id,
                ..
            } => {
                assert_eq!(*code, V2Code::AuthFailure);
                assert_eq!(message, "auth failed");
                assert_eq!(code_desc.as_deref(), Some("AuthFailure"));
                assert_eq!(request_id.as_ref().unwrap().as_str(), "q-2");
            }
            other => panic!("{other:?}"),
        }
        assert_eq!(err.code(), Some("4100"));
        let err = decode_v2::<V2Out>(
            200,
            br#"{"code":"5100","message":"(100004)projectId is incorrect"}"#,
        )
        .unwrap_err();
        assert!(matches!(
            err,
            Error::ApiV2 {
                code: V2Code::ResourceOperationFailed,
                ..
            }
        ));
        let err = decode_v2::<V2Out>(200, br#"{"code":4700,"message":"?"}"#).unwrap_err();
        assert!(matches!(err, Error::ApiV2 { code: V2Code::Other(ref c), .. } if c == "4700"));
    }

    #[test]
    fn v2_batch_failures_keep_the_detail_map() {
        let body = br#"{"code":5400,"message":"partly failed","detail":{
            "usagePlan-ok":{"code":0,"message":"","requestId":"t-1"},
            "usagePlan-bad":{"code":5000,"message":"(100004)usagePlanId not found","requestId":"t-2"}}}"#;
        let err = decode_v2::<V2Out>(200, body).unwrap_err();
        assert!(matches!(
            err,
            Error::ApiV2 {
                code: V2Code::PartialSuccess,
                ..
            }
        ));
        let detail = err.v2_detail().expect("detail kept");
        assert_eq!(detail["usagePlan-bad"]["code"], 5000);
        assert_eq!(
            detail["usagePlan-bad"]["message"],
            "(100004)usagePlanId not found"
        );
        assert_eq!(detail["usagePlan-ok"]["requestId"], "t-1");
        assert_eq!(err.answer_body().unwrap().as_bytes(), body.as_slice());

        #[derive(Deserialize)]
        struct Batch {
            detail: std::collections::BTreeMap<String, Outcome>,
        }
        #[derive(Deserialize)]
        struct Outcome {
            code: i64,
        }
        let batch: Batch = err.answer_body().unwrap().decode().unwrap();
        let failed: Vec<&str> = batch
            .detail
            .iter()
            .filter(|(_, outcome)| outcome.code != 0)
            .map(|(id, _)| id.as_str())
            .collect();
        assert_eq!(failed, ["usagePlan-bad"]);

        // All failed (5100) is kept the same way; no detail, or a null one, is None.
        let err = decode_v2::<V2Out>(
            200,
            br#"{"code":5100,"message":"x","detail":{"a":{"code":5100}}}"#,
        )
        .unwrap_err();
        assert_eq!(err.v2_detail().unwrap()["a"]["code"], 5100);
        let err =
            decode_v2::<V2Out>(200, br#"{"code":5100,"message":"x","detail":null}"#).unwrap_err();
        assert!(err.v2_detail().is_none());
        let err = decode_v2::<V2Out>(200, br#"{"code":4000,"message":"x"}"#).unwrap_err();
        assert!(err.v2_detail().is_none());
        // Other errors carry no body.
        let err = decode_v3::<Empty>(502, b"<html>bad gateway</html>").unwrap_err();
        assert!(err.answer_body().is_none() && err.v2_detail().is_none());
    }

    #[test]
    fn answer_body_debug_is_an_excerpt() {
        let long = format!(
            r#"{{"code":5400,"message":"m","detail":"{}"}}"#,
            "d".repeat(5000)
        );
        let err = decode_v2::<V2Out>(200, long.as_bytes()).unwrap_err();
        let text = format!("{err:?}");
        assert!(text.contains("AnswerBody"), "{text}");
        assert!(text.len() < 1000, "{}", text.len());
    }

    #[test]
    fn every_common_v2_code_is_named() {
        for code in [
            "4000", "4100", "4101", "4102", "4103", "4104", "4110", "4200", "4300", "4400", "4500",
            "4600", "5000", "5100", "5200", "5300", "5400", "5500", "6000", "6100", "6200",
        ] {
            let parsed = V2Code::from_code(code);
            assert!(!matches!(parsed, V2Code::Other(_)), "{code}");
            assert_eq!(parsed.as_code(), code);
        }
    }
}
