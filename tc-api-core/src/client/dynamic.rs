//! Calls whose answer is JSON rather than a typed response: a typed action read as JSON
//! ([`Client::send_json`]), and actions nobody has annotated, called by name with
//! metadata made at run time ([`Client::call_json`], [`Client::call_json_v2`]). Both go
//! through the one pipeline (signing, retries, errors) that [`Client::send`] uses.

use std::collections::HashSet;
use std::sync::{Mutex, OnceLock};

use serde_json::{Map, Value};

use super::{Client, Decode, Output, RequestId};
use crate::action::{Action, ActionMeta, ApiStyle, RegionPolicy, default_idempotent};
use crate::envelope;
use crate::error::{Error, InvalidRequest};
use crate::registry::json_type;

impl Client {
    /// Sends a typed action like [`send`](Self::send) but returns the answer as JSON,
    /// unchecked against `A::Response`: the `Response` object without `RequestId` (API
    /// 3.0), or the top-level object without `code`, `message`, `codeDesc` and
    /// `requestId` (API 2.0). Fields the typed response would drop are kept.
    pub async fn send_json<A: Action>(&self, action: &A) -> Result<Output<Value>, Error> {
        self.dispatch(&A::META, action, json_decoder(A::META.style))
            .await
    }

    /// Sends `params`, the JSON a typed action encodes to (the registry's
    /// [`ActionEntry::send`](crate::registry::ActionEntry::send)), as `meta` describes;
    /// the answer as in [`send_json`](Self::send_json). Not generic, so that the
    /// registry's hundreds of entries share one compiled pipeline.
    #[cfg(feature = "registry")]
    pub(crate) async fn send_wire_json(
        &self,
        meta: &ActionMeta,
        params: &Value,
    ) -> Result<Output<Value>, Error> {
        self.dispatch(meta, params, json_decoder(meta.style)).await
    }

    /// Calls an API 3.0 action that has no annotated definition, by name: `params` is
    /// sent as it is (a JSON object; `null` for none) and the answer comes back as JSON,
    /// as in [`send_json`](Self::send_json).
    ///
    /// The metadata is made at run time: the host is `<service>.<root domain>` (or the
    /// client's endpoint), the region is optional (the client's, when it has one), there
    /// is no client-side rate limit, and the action is idempotent (retried after an
    /// unknown outcome) when its name starts with a read-only verb such as `Describe`
    /// ([`default_idempotent`]). Signing, retries and errors are those of
    /// [`send`](Self::send).
    ///
    /// Names are checked before anything is sent: `service` is lower-case letters and
    /// digits (`cvm`), `version` a date `YYYY-MM-DD`, `action` PascalCase letters and
    /// digits. Each distinct name is kept for the life of the process (the pipeline's
    /// metadata is `'static`), so memory grows with the number of distinct valid names
    /// called, not with the number of calls.
    ///
    /// ```no_run
    /// # async fn demo(client: tc_api_core::Client) -> Result<(), tc_api_core::Error> {
    /// let out = client
    ///     .call_json("cvm", "2017-03-12", "DescribeZones", serde_json::json!({}))
    ///     .await?;
    /// println!("{} {}", out.data["TotalCount"], out.request_id);
    /// # Ok(()) }
    /// ```
    pub async fn call_json(
        &self,
        service: &str,
        version: &str,
        action: &str,
        params: Value,
    ) -> Result<Output<Value>, Error> {
        check_version(version)?;
        let style = ApiStyle::V3 {
            version: intern(version),
        };
        self.call_by_name(service, style, action, params).await
    }

    /// Calls an API 2.0 action that has no annotated definition, by name (see
    /// [`call_json`](Self::call_json); API 2.0 has no version). Parameter names are the
    /// action's camelCase ones.
    pub async fn call_json_v2(
        &self,
        service: &str,
        action: &str,
        params: Value,
    ) -> Result<Output<Value>, Error> {
        self.call_by_name(service, ApiStyle::V2, action, params)
            .await
    }

    async fn call_by_name(
        &self,
        service: &str,
        style: ApiStyle,
        action: &str,
        params: Value,
    ) -> Result<Output<Value>, Error> {
        check_service(service)?;
        check_action(action)?;
        let params = match params {
            Value::Null => Value::Object(Map::new()),
            Value::Object(map) => Value::Object(map),
            other => {
                return Err(InvalidRequest::ParamsNotObject {
                    action: action.to_owned(),
                    found: json_type(&other),
                }
                .into());
            }
        };
        let meta = ActionMeta {
            service: intern(service),
            action: intern(action),
            style,
            host: None,
            region: RegionPolicy::Optional { allowed: &[] },
            rate_limit: None,
            idempotent: default_idempotent(action),
        };
        self.dispatch(&meta, &params, json_decoder(style)).await
    }
}

fn json_decoder(style: ApiStyle) -> Decode<Value> {
    match style {
        ApiStyle::V3 { .. } => decode_json_v3,
        ApiStyle::V2 => decode_json_v2,
    }
}

/// The `Response` object without `RequestId` (returned beside it).
fn decode_json_v3(status: u16, body: &[u8]) -> Result<(Value, RequestId), Error> {
    let (mut response, id) = envelope::decode_v3::<Map<String, Value>>(status, body)?;
    response.remove("RequestId");
    Ok((Value::Object(response), id))
}

/// The top-level object without the envelope's own fields.
fn decode_json_v2(status: u16, body: &[u8]) -> Result<(Value, RequestId), Error> {
    let (mut response, id) = envelope::decode_v2::<Map<String, Value>>(status, body)?;
    for key in ["code", "message", "codeDesc", "requestId"] {
        response.remove(key);
    }
    Ok((Value::Object(response), id))
}

/// The one `'static` copy of `name`; see [`Client::call_json`] on why this is bounded.
fn intern(name: &str) -> &'static str {
    static NAMES: OnceLock<Mutex<HashSet<&'static str>>> = OnceLock::new();
    let mut names = NAMES
        .get_or_init(Default::default)
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    if let Some(known) = names.get(name) {
        return known;
    }
    let kept: &'static str = Box::leak(name.to_owned().into_boxed_str());
    names.insert(kept);
    kept
}

const MAX_NAME: usize = 128;

fn invalid(kind: &'static str, value: &str, expected: &'static str) -> InvalidRequest {
    InvalidRequest::InvalidName {
        kind,
        value: value.to_owned(),
        expected,
    }
}

/// The same rule `#[tc_action]` applies to `service` at compile time.
fn check_service(service: &str) -> Result<(), InvalidRequest> {
    let valid = service.len() <= 63
        && service.starts_with(|c: char| c.is_ascii_lowercase())
        && service
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit());
    valid.then_some(()).ok_or_else(|| {
        invalid(
            "service",
            service,
            "lower-case letters and digits such as \"cvm\"",
        )
    })
}

fn check_action(action: &str) -> Result<(), InvalidRequest> {
    let valid = action.len() <= MAX_NAME
        && action.starts_with(|c: char| c.is_ascii_uppercase())
        && action.bytes().all(|b| b.is_ascii_alphanumeric());
    valid.then_some(()).ok_or_else(|| {
        invalid(
            "action",
            action,
            "PascalCase letters and digits such as \"DescribeInstances\"",
        )
    })
}

fn check_version(version: &str) -> Result<(), InvalidRequest> {
    let bytes = version.as_bytes();
    let valid = bytes.len() == 10
        && bytes.iter().enumerate().all(|(i, b)| match i {
            4 | 7 => *b == b'-',
            _ => b.is_ascii_digit(),
        });
    valid.then_some(()).ok_or_else(|| {
        invalid(
            "version",
            version,
            "a date YYYY-MM-DD such as \"2017-03-12\"",
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn interned_names_are_shared() {
        let a = intern("DescribeZonesForInterning");
        let b = intern(&String::from("DescribeZonesForInterning"));
        assert!(std::ptr::eq(a, b));
    }

    #[test]
    fn names_are_checked() {
        assert!(check_service("cvm").is_ok());
        assert!(check_service("cvm2").is_ok());
        for bad in ["", "CVM", "c-vm", "2cvm", "cvm.tencentcloudapi.com"] {
            assert!(check_service(bad).is_err(), "{bad}");
        }
        assert!(check_action("DescribeZones").is_ok());
        for bad in ["", "describeZones", "Describe Zones", "Describe_Zones"] {
            assert!(check_action(bad).is_err(), "{bad}");
        }
        assert!(check_action(&"A".repeat(MAX_NAME + 1)).is_err());
        assert!(check_version("2017-03-12").is_ok());
        for bad in ["", "2017-3-12", "20170312", "2017/03/12", "2017-03-12 "] {
            assert!(check_version(bad).is_err(), "{bad}");
        }
        let err = check_version("v1").unwrap_err();
        assert_eq!(
            err.to_string(),
            "invalid version \"v1\" for a call by name: expected a date YYYY-MM-DD such as \"2017-03-12\""
        );
    }

    #[test]
    fn json_answers_lose_only_the_envelope_fields() {
        let (data, id) = decode_json_v3(
            200,
            br#"{"Response":{"TotalCount":2,"New":null,"RequestId":"r-1"}}"#,
        )
        .unwrap();
        assert_eq!(data, serde_json::json!({"TotalCount": 2, "New": null}));
        assert_eq!(id.as_str(), "r-1");
        let (data, id) = decode_json_v2(
            200,
            br#"{"code":0,"message":"","codeDesc":"Success","requestId":"q-1","serviceId":"s"}"#,
        )
        .unwrap();
        assert_eq!(data, serde_json::json!({"serviceId": "s"}));
        assert_eq!(id.as_str(), "q-1");
        let err = decode_json_v3(
            200,
            br#"{"Response":{"Error":{"Code":"InvalidAction","Message":"no"},"RequestId":"r-2"}}"#,
        )
        .unwrap_err();
        assert_eq!(err.code(), Some("InvalidAction"));
        assert_eq!(err.request_id().unwrap().as_str(), "r-2");
        // An `Error` that is not the envelope is the answer's, and kept.
        let (data, _) = decode_json_v3(
            200,
            br#"{"Response":{"Error":"some text","RequestId":"r-3"}}"#,
        )
        .unwrap();
        assert_eq!(data, serde_json::json!({"Error": "some text"}));
    }
}
