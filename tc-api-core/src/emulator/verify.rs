//! Reading a received request the way the cloud does: which signature it carries, the
//! common parameters, the signature check, the region rule and the action's parameters.
//!
//! The canonical request and the v1 source string are rebuilt from what was *received*
//! (method, raw path and query, the signed headers' values, the body bytes) and signed
//! with the functions of [`crate::sign`], so a client that signs something other than
//! what it sends is caught.
//!
//! Checks run in this order; the first failure is answered:
//!
//! | step | TC3-HMAC-SHA256 | HmacSHA1 / HmacSHA256 |
//! |---|---|---|
//! | signature present | `Authorization` header, parsed strictly: `InvalidAuthorization` | `Signature` parameter; neither: `InvalidAuthorization` |
//! | common parameters | `X-TC-Action`, `X-TC-Version`, `X-TC-Timestamp`: `MissingParameter` / `InvalidParameter` | `Action`, `SecretId`, `Timestamp`, `Nonce`, `Version` (3.0) |
//! | clock | more than 5 minutes off: `SignatureExpire` | same |
//! | scope date | must be the UTC day of the timestamp: `SignatureFailure` | - |
//! | SecretId | unknown: `SecretIdNotFound` | same |
//! | route | (action, version) or API 2.0 action unknown: `InvalidAction` | same |
//! | scope service | must be the action's service: `SignatureFailure` | - |
//! | signature | recomputed and compared: `SignatureFailure` | same |
//! | token | when the credential has one: `TokenFailure` | same |
//! | region | missing or not allowed by the action: `UnsupportedRegion` | same |
//! | parameters | decoded into the action: `MissingParameter`, `InvalidParameter`, `UnknownParameter` | same |

use std::sync::Arc;

use bytes::Bytes;
use http::{HeaderMap, Method};

use super::error::{EmulatorError, codes};
use super::params::{Node, ParamError};
use super::routes::Route;
use super::state::State;
use crate::action::{ActionMeta, RegionPolicy};
use crate::client::SignMethod;
use crate::sign::tc3;
use crate::sign::v1::{self, V1Algorithm, names};

/// The two API generations, told apart by the path.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Api {
    /// Path `/`.
    V3,
    /// Path `/v2/index.php`.
    V2,
}

impl Api {
    pub(crate) fn from_path(path: &str) -> Option<Api> {
        match path {
            "/" => Some(Api::V3),
            "/v2/index.php" => Some(Api::V2),
            _ => None,
        }
    }
}

/// A request as received.
pub(crate) struct Received {
    pub(crate) method: Method,
    pub(crate) path: String,
    pub(crate) query: String,
    pub(crate) headers: HeaderMap,
    pub(crate) body: Bytes,
}

impl Received {
    fn header(&self, name: &str) -> Option<String> {
        self.headers
            .get(name)
            .map(|value| String::from_utf8_lossy(value.as_bytes()).into_owned())
    }

    fn content_type(&self) -> String {
        self.header("content-type")
            .unwrap_or_default()
            .split(';')
            .next()
            .unwrap_or_default()
            .trim()
            .to_ascii_lowercase()
    }

    /// The parameters of a v1 request: the query for GET, the form body for POST (the
    /// query of a POST is ignored, as the cloud does).
    fn v1_source(&self) -> Option<Vec<(String, String)>> {
        if self.method == Method::GET {
            Some(form_pairs(self.query.as_bytes()))
        } else if self.content_type() == "application/x-www-form-urlencoded" {
            Some(form_pairs(&self.body))
        } else {
            None
        }
    }
}

fn form_pairs(bytes: &[u8]) -> Vec<(String, String)> {
    url::form_urlencoded::parse(bytes).into_owned().collect()
}

/// How a request is signed, with what is needed to check it.
enum Signature {
    Tc3 { authorization: String },
    V1 { params: Vec<(String, String)> },
    Missing,
}

/// The common parameters of a request, read leniently (for routing faults and for the
/// record) before anything is verified.
pub(crate) struct Call {
    pub(crate) api: Api,
    signature: Signature,
    pub(crate) action: Option<String>,
    pub(crate) version: Option<String>,
    pub(crate) region: Option<String>,
    pub(crate) secret_id: Option<String>,
    pub(crate) sign_method: Option<SignMethod>,
    pub(crate) timestamp: Option<i64>,
    /// Raw timestamp text, to name it when it is not an integer.
    timestamp_text: Option<String>,
    token: Option<String>,
}

/// The action named in the request head alone: `X-TC-Action`, or `Action` in the query
/// of a GET. `None` when it is in a POST body.
pub(crate) fn head_action(
    method: &Method,
    query: Option<&str>,
    headers: &HeaderMap,
) -> Option<String> {
    if let Some(action) = headers.get("x-tc-action") {
        return action.to_str().ok().map(str::to_owned);
    }
    if method == Method::GET {
        return url::form_urlencoded::parse(query.unwrap_or_default().as_bytes())
            .find(|(name, _)| name == names::ACTION)
            .map(|(_, value)| value.into_owned());
    }
    None
}

impl Call {
    pub(crate) fn parse(rx: &Received, api: Api) -> Call {
        if let Some(authorization) = rx.header("authorization") {
            let secret_id = authorization
                .split_once("Credential=")
                .and_then(|(_, rest)| rest.split('/').next())
                .map(str::to_owned);
            let timestamp_text = rx.header("x-tc-timestamp");
            return Call {
                api,
                action: rx.header("x-tc-action"),
                version: rx.header("x-tc-version"),
                region: rx.header("x-tc-region").filter(|r| !r.is_empty()),
                secret_id,
                sign_method: Some(SignMethod::Tc3HmacSha256),
                timestamp: timestamp_text
                    .as_deref()
                    .and_then(|t| t.trim().parse().ok()),
                timestamp_text,
                token: rx.header("x-tc-token"),
                signature: Signature::Tc3 { authorization },
            };
        }
        let params = rx
            .v1_source()
            .filter(|params| params.iter().any(|(name, _)| name == names::SIGNATURE));
        let Some(params) = params else {
            return Call {
                api,
                signature: Signature::Missing,
                action: rx.header("x-tc-action"),
                version: rx.header("x-tc-version"),
                region: rx.header("x-tc-region"),
                secret_id: None,
                sign_method: None,
                timestamp: None,
                timestamp_text: None,
                token: None,
            };
        };
        let first = |name: &str| {
            params
                .iter()
                .find(|(n, _)| n == name)
                .map(|(_, v)| v.clone())
        };
        // Anything but HmacSHA256 is HmacSHA1 (spec/003, "Signature Method").
        let sign_method = match first(names::SIGNATURE_METHOD).as_deref() {
            Some("HmacSHA256") => SignMethod::HmacSha256,
            _ => SignMethod::HmacSha1,
        };
        let timestamp_text = first(names::TIMESTAMP);
        Call {
            api,
            action: first(names::ACTION),
            version: first(names::VERSION),
            region: first(names::REGION).filter(|r| !r.is_empty()),
            secret_id: first(names::SECRET_ID),
            sign_method: Some(sign_method),
            timestamp: timestamp_text
                .as_deref()
                .and_then(|t| t.trim().parse().ok()),
            timestamp_text,
            token: first(names::TOKEN),
            signature: Signature::V1 { params },
        }
    }
}

/// Runs the checks of the module documentation up to the token: the request comes from
/// a known credential and is for a registered action, whose route is returned.
pub(crate) fn authenticate(
    state: &State,
    rx: &Received,
    call: &Call,
) -> Result<Arc<Route>, EmulatorError> {
    if rx.method != Method::GET && rx.method != Method::POST {
        return Err(EmulatorError::new(
            codes::UNSUPPORTED_OPERATION,
            format!(
                "the HTTP method {} is not supported; use GET or POST",
                rx.method
            ),
        ));
    }
    match &call.signature {
        Signature::Tc3 { authorization } => verify_tc3(state, rx, call, authorization),
        Signature::V1 { params } => verify_v1(state, rx, call, params),
        Signature::Missing => Err(EmulatorError::new(
            codes::INVALID_AUTHORIZATION,
            "the request is not signed: it carries neither an Authorization header \
             (TC3-HMAC-SHA256) nor a Signature parameter (HmacSHA1, HmacSHA256)",
        )),
    }
}

/// The remaining checks of an authenticated request: the region rule, then the
/// action's parameters, as a tree for the handler.
pub(crate) fn action_params(
    route: &Route,
    rx: &Received,
    call: &Call,
) -> Result<Node, EmulatorError> {
    check_region(&route.meta, call.region.as_deref())?;
    params_tree(route, rx, call).map_err(param_error)
}

/// A [`ParamError`] as the API error the cloud answers.
pub(crate) fn param_error(error: ParamError) -> EmulatorError {
    let code = match error {
        ParamError::Missing { .. } => codes::MISSING_PARAMETER,
        ParamError::Invalid { .. } => codes::INVALID_PARAMETER,
        ParamError::Unknown { .. } => codes::UNKNOWN_PARAMETER,
    };
    EmulatorError::new(code, error.to_string())
}

fn missing(name: &str) -> EmulatorError {
    EmulatorError::new(
        codes::MISSING_PARAMETER,
        format!("the required parameter `{name}` is missing"),
    )
}

fn invalid(name: &str, reason: &str) -> EmulatorError {
    EmulatorError::new(
        codes::INVALID_PARAMETER,
        format!("the value of parameter `{name}` is invalid: {reason}"),
    )
}

fn invalid_authorization(reason: impl Into<String>) -> EmulatorError {
    EmulatorError::new(codes::INVALID_AUTHORIZATION, reason.into())
}

fn signature_failure(reason: impl Into<String>) -> EmulatorError {
    EmulatorError::new(codes::SIGNATURE_FAILURE, reason.into())
}

/// The timestamp, checked against the emulator's clock.
fn check_timestamp(state: &State, call: &Call, name: &str) -> Result<i64, EmulatorError> {
    let text = call
        .timestamp_text
        .as_deref()
        .ok_or_else(|| missing(name))?;
    let timestamp = call
        .timestamp
        .ok_or_else(|| invalid(name, &format!("expected Unix seconds, found {text:?}")))?;
    let now = state.now_unix();
    if timestamp.abs_diff(now) > state.max_skew_secs.unsigned_abs() {
        return Err(EmulatorError::new(
            codes::SIGNATURE_EXPIRE,
            format!(
                "the signature has expired: timestamp {timestamp} is {} seconds from the \
                 server time {now} (at most {} allowed)",
                timestamp.abs_diff(now),
                state.max_skew_secs
            ),
        ));
    }
    Ok(timestamp)
}

fn check_token(
    expected: Option<&str>,
    given: Option<&str>,
    name: &str,
) -> Result<(), EmulatorError> {
    match expected {
        Some(expected) if !same_bytes(expected.as_bytes(), given.unwrap_or("").as_bytes()) => {
            Err(EmulatorError::new(
                codes::TOKEN_FAILURE,
                format!(
                    "the {name} of the temporary credential is {}",
                    if given.is_some() { "wrong" } else { "missing" }
                ),
            ))
        }
        _ => Ok(()),
    }
}

/// The parts of a TC3 `Authorization` value.
#[derive(Debug, PartialEq, Eq)]
struct Tc3Authorization<'a> {
    secret_id: &'a str,
    date: &'a str,
    service: &'a str,
    signed_headers: Vec<&'a str>,
    signature: &'a str,
}

/// Parses `TC3-HMAC-SHA256 Credential=ID/DATE/SERVICE/tc3_request, SignedHeaders=a;b,
/// Signature=HEX` strictly.
fn parse_authorization(value: &str) -> Result<Tc3Authorization<'_>, EmulatorError> {
    let (algorithm, rest) = value
        .trim()
        .split_once(' ')
        .ok_or_else(|| invalid_authorization("the Authorization header is not `ALGORITHM Credential=..., SignedHeaders=..., Signature=...`"))?;
    if algorithm != tc3::ALGORITHM {
        return Err(invalid_authorization(format!(
            "the Authorization algorithm {algorithm:?} is not supported; expected {}",
            tc3::ALGORITHM
        )));
    }
    let (mut credential, mut signed_headers, mut signature) = (None, None, None);
    for part in rest.split(',') {
        let part = part.trim();
        let (name, value) = part.split_once('=').ok_or_else(|| {
            invalid_authorization(format!("the Authorization part {part:?} is not NAME=VALUE"))
        })?;
        let slot = match name {
            "Credential" => &mut credential,
            "SignedHeaders" => &mut signed_headers,
            "Signature" => &mut signature,
            other => {
                return Err(invalid_authorization(format!(
                    "the Authorization header has an unknown part {other:?}"
                )));
            }
        };
        if slot.replace(value).is_some() {
            return Err(invalid_authorization(format!(
                "the Authorization header gives {name} twice"
            )));
        }
    }
    let credential = credential
        .ok_or_else(|| invalid_authorization("the Authorization header has no Credential"))?;
    let signed_headers = signed_headers
        .ok_or_else(|| invalid_authorization("the Authorization header has no SignedHeaders"))?;
    let signature = signature
        .ok_or_else(|| invalid_authorization("the Authorization header has no Signature"))?;

    let scope: Vec<&str> = credential.split('/').collect();
    let [secret_id, date, service, terminator] = scope[..] else {
        return Err(invalid_authorization(
            "the Credential is not SECRETID/DATE/SERVICE/tc3_request",
        ));
    };
    if secret_id.is_empty() {
        return Err(invalid_authorization(
            "the Credential has an empty SecretId",
        ));
    }
    if !is_date(date) {
        return Err(invalid_authorization(format!(
            "the Credential date {date:?} is not YYYY-MM-DD"
        )));
    }
    if service.is_empty()
        || !service
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
    {
        return Err(invalid_authorization(format!(
            "the Credential service {service:?} is not a service name"
        )));
    }
    if terminator != "tc3_request" {
        return Err(invalid_authorization(
            "the Credential does not end with tc3_request",
        ));
    }
    let headers: Vec<&str> = signed_headers.split(';').collect();
    let well_formed = headers.iter().all(|h| {
        !h.is_empty()
            && h.bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_')
    });
    if !well_formed {
        return Err(invalid_authorization(format!(
            "the SignedHeaders {signed_headers:?} are not lower-case header names separated by `;`"
        )));
    }
    if !headers.windows(2).all(|pair| pair[0] < pair[1]) {
        return Err(invalid_authorization(format!(
            "the SignedHeaders {signed_headers:?} are not sorted or repeat a name"
        )));
    }
    for required in ["content-type", "host"] {
        if !headers.contains(&required) {
            return Err(invalid_authorization(format!(
                "the SignedHeaders must include {required}"
            )));
        }
    }
    if signature.len() != 64
        || !signature
            .bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
    {
        return Err(invalid_authorization(
            "the Signature is not 64 lower-case hexadecimal digits",
        ));
    }
    Ok(Tc3Authorization {
        secret_id,
        date,
        service,
        signed_headers: headers,
        signature,
    })
}

fn is_date(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes.len() == 10
        && bytes[4] == b'-'
        && bytes[7] == b'-'
        && bytes
            .iter()
            .enumerate()
            .all(|(i, b)| i == 4 || i == 7 || b.is_ascii_digit())
}

fn verify_tc3(
    state: &State,
    rx: &Received,
    call: &Call,
    authorization: &str,
) -> Result<Arc<Route>, EmulatorError> {
    let auth = parse_authorization(authorization)?;
    let action = call
        .action
        .as_deref()
        .ok_or_else(|| missing("X-TC-Action"))?;
    let version = match call.api {
        Api::V3 => call
            .version
            .as_deref()
            .ok_or_else(|| missing("X-TC-Version"))?,
        Api::V2 => {
            return Err(invalid_authorization(
                "API 2.0 (/v2/index.php) takes HmacSHA1 or HmacSHA256 signatures, not TC3-HMAC-SHA256",
            ));
        }
    };
    let timestamp = check_timestamp(state, call, "X-TC-Timestamp")?;
    let expected_date = tc3::utc_date(timestamp);
    if auth.date != expected_date {
        return Err(signature_failure(format!(
            "the Credential date {} is not the UTC date {expected_date} of X-TC-Timestamp {timestamp}",
            auth.date
        )));
    }
    let credential = state.credential(auth.secret_id).ok_or_else(|| {
        EmulatorError::new(
            codes::SECRET_ID_NOT_FOUND,
            format!("the SecretId {} does not exist", auth.secret_id),
        )
    })?;
    let route = state.routes.v3(action, version)?;
    if auth.service != route.meta.service {
        return Err(signature_failure(format!(
            "the Credential scope names service {:?}, but {action} belongs to service {:?}",
            auth.service, route.meta.service
        )));
    }

    let mut signed: Vec<(&str, String)> = Vec::with_capacity(auth.signed_headers.len());
    for &name in &auth.signed_headers {
        let mut values = rx.headers.get_all(name).iter();
        let value = values.next().ok_or_else(|| {
            invalid_authorization(format!("the signed header {name} is not in the request"))
        })?;
        if values.next().is_some() {
            return Err(invalid_authorization(format!(
                "the signed header {name} is given more than once"
            )));
        }
        signed.push((name, String::from_utf8_lossy(value.as_bytes()).into_owned()));
    }
    let headers: Vec<(&str, &str)> = signed.iter().map(|(n, v)| (*n, v.as_str())).collect();
    let unsigned = rx
        .headers
        .get(tc3::CONTENT_SHA256_HEADER)
        .is_some_and(|v| v.as_bytes() == tc3::UNSIGNED_PAYLOAD.as_bytes());
    let canonical = tc3::CanonicalRequest {
        method: rx.method.as_str(),
        path: &rx.path,
        query: &rx.query,
        headers: &headers,
        payload: if unsigned {
            tc3::Payload::Unsigned
        } else {
            tc3::Payload::Bytes(&rx.body)
        },
    };
    let key = state
        .signing_keys
        .get(&credential.secret_key, auth.date, auth.service);
    let expected = tc3::sign(&canonical, auth.service, timestamp, auth.secret_id, &key);
    if !same_bytes(expected.signature.as_bytes(), auth.signature.as_bytes()) {
        return Err(signature_failure(
            "the signature does not match the request (TC3-HMAC-SHA256, recomputed from the \
             received method, path, query, signed headers and body)",
        ));
    }
    check_token(
        credential.token.as_deref().map(String::as_str),
        call.token.as_deref(),
        "X-TC-Token",
    )?;
    Ok(route)
}

fn verify_v1(
    state: &State,
    rx: &Received,
    call: &Call,
    params: &[(String, String)],
) -> Result<Arc<Route>, EmulatorError> {
    for name in [
        names::ACTION,
        names::SECRET_ID,
        names::NONCE,
        names::TIMESTAMP,
        names::SIGNATURE,
        names::SIGNATURE_METHOD,
        names::VERSION,
        names::REGION,
        names::TOKEN,
        names::LANGUAGE,
        names::REQUEST_CLIENT,
    ] {
        if params.iter().filter(|(n, _)| n == name).count() > 1 {
            return Err(invalid(name, "it is given more than once"));
        }
    }
    let value = |name: &str| {
        params
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    };
    let action = call
        .action
        .as_deref()
        .ok_or_else(|| missing(names::ACTION))?;
    let secret_id = call
        .secret_id
        .as_deref()
        .ok_or_else(|| missing(names::SECRET_ID))?;
    let nonce = value(names::NONCE).ok_or_else(|| missing(names::NONCE))?;
    if !nonce.parse::<u64>().is_ok_and(|n| n > 0) {
        return Err(invalid(names::NONCE, "expected a positive integer"));
    }
    let version = match call.api {
        Api::V3 => Some(
            call.version
                .as_deref()
                .ok_or_else(|| missing(names::VERSION))?,
        ),
        Api::V2 => None,
    };
    check_timestamp(state, call, names::TIMESTAMP)?;
    let credential = state.credential(secret_id).ok_or_else(|| {
        EmulatorError::new(
            codes::SECRET_ID_NOT_FOUND,
            format!("the SecretId {secret_id} does not exist"),
        )
    })?;
    let route = match version {
        Some(version) => state.routes.v3(action, version)?,
        None => state.routes.v2(action)?,
    };

    let algorithm = match call.sign_method {
        Some(SignMethod::HmacSha256) => V1Algorithm::HmacSha256,
        _ => V1Algorithm::HmacSha1,
    };
    let given = value(names::SIGNATURE).unwrap_or_default();
    let signed: Vec<(String, String)> = params
        .iter()
        .filter(|(n, _)| n != names::SIGNATURE)
        .cloned()
        .collect();
    let host = rx.header("host").unwrap_or_default();
    let source = v1::string_to_sign(rx.method.as_str(), &host, &rx.path, &signed);
    let expected = v1::signature(algorithm, &credential.secret_key, &source);
    if !same_bytes(expected.as_bytes(), given.as_bytes()) {
        return Err(signature_failure(format!(
            "the signature does not match the request ({}, source string built from the \
             received method, Host {host:?}, path {:?} and parameters)",
            algorithm.wire_name(),
            rx.path
        )));
    }
    check_token(
        credential.token.as_deref().map(String::as_str),
        call.token.as_deref(),
        names::TOKEN,
    )?;
    Ok(route)
}

/// The region rule of the action: a required region must be given, and a given region
/// must be in the action's list when it has one. Actions that take no region ignore one.
pub(crate) fn check_region(meta: &ActionMeta, region: Option<&str>) -> Result<(), EmulatorError> {
    let unsupported = |message: String| EmulatorError::new(codes::UNSUPPORTED_REGION, message);
    let allowed = match (meta.region, region) {
        (RegionPolicy::None, _) | (RegionPolicy::Optional { .. }, None) => return Ok(()),
        (RegionPolicy::Required { .. }, None) => {
            return Err(unsupported(format!(
                "{} requires a region (X-TC-Region or Region)",
                meta.action
            )));
        }
        (RegionPolicy::Required { allowed } | RegionPolicy::Optional { allowed }, Some(_)) => {
            allowed
        }
    };
    let region = region.unwrap_or_default();
    if allowed.is_empty() || allowed.contains(&region) {
        Ok(())
    } else {
        Err(unsupported(format!(
            "{} does not support region {region:?}; supported: {}",
            meta.action,
            allowed.join(", ")
        )))
    }
}

/// The action's own parameters, as a tree.
fn params_tree(route: &Route, rx: &Received, call: &Call) -> Result<Node, ParamError> {
    match &call.signature {
        Signature::V1 { params } => {
            // `Language` and `RequestClient` are the action's own when it declares a
            // field of that name (`shadows_common`): the one pair sent is its value.
            let own: Vec<(String, String)> = params
                .iter()
                .filter(|(name, _)| {
                    !is_v1_common(name)
                        || ((name == names::LANGUAGE || name == names::REQUEST_CLIENT)
                            && route.fields.contains(&name.as_str()))
                })
                .cloned()
                .collect();
            Node::from_flat(own)
        }
        _ if rx.method == Method::GET => Node::from_flat(form_pairs(rx.query.as_bytes())),
        _ => match rx.content_type().as_str() {
            "application/json" => Node::from_json_body(&rx.body),
            "application/x-www-form-urlencoded" => Node::from_flat(form_pairs(&rx.body)),
            other => Err(ParamError::Invalid {
                path: String::new(),
                reason: format!(
                    "the content type {other:?} is not supported; send application/json"
                ),
            }),
        },
    }
}

fn is_v1_common(name: &str) -> bool {
    [
        names::ACTION,
        names::NONCE,
        names::TIMESTAMP,
        names::REGION,
        names::SECRET_ID,
        names::SIGNATURE_METHOD,
        names::TOKEN,
        names::VERSION,
        names::SIGNATURE,
        names::LANGUAGE,
        names::REQUEST_CLIENT,
    ]
    .contains(&name)
}

/// Compares without stopping at the first difference.
fn same_bytes(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |diff, (x, y)| diff | (x ^ y)) == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = "TC3-HMAC-SHA256 Credential=AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE/2019-02-25/cvm/tc3_request, SignedHeaders=content-type;host, Signature=2230eefd229f582d8b1b891af7107b91597240707d778ab3738f756258d7652c";

    #[test]
    fn parses_the_documented_authorization() {
        let auth = parse_authorization(GOOD).unwrap();
        assert_eq!(
            auth,
            Tc3Authorization {
                secret_id: "AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE",
                date: "2019-02-25",
                service: "cvm",
                signed_headers: vec!["content-type", "host"],
                signature: "2230eefd229f582d8b1b891af7107b91597240707d778ab3738f756258d7652c",
            }
        );
        // Separators without spaces are accepted too.
        assert!(parse_authorization(&GOOD.replace(", ", ",")).is_ok());
    }

    #[test]
    fn malformed_authorizations_are_refused_with_a_reason() {
        for (bad, reason) in [
            ("garbage", "not `ALGORITHM"),
            (
                &GOOD.replace("TC3-HMAC-SHA256", "TC3-HMAC-SHA1") as &str,
                "algorithm",
            ),
            (&GOOD.replace("/tc3_request", "/tc3") as &str, "tc3_request"),
            (&GOOD.replace("/cvm/", "/") as &str, "SECRETID/DATE/SERVICE"),
            (
                &GOOD.replace("2019-02-25", "20190225") as &str,
                "YYYY-MM-DD",
            ),
            (
                &GOOD.replace("content-type;host", "host;content-type") as &str,
                "sorted",
            ),
            (
                &GOOD.replace("content-type;host", "host") as &str,
                "content-type",
            ),
            (
                &GOOD.replace("Signature=2230", "Signature=XX30") as &str,
                "hexadecimal",
            ),
            (
                &GOOD.replace(", Signature=", ", Sig=") as &str,
                "unknown part",
            ),
            (&format!("{GOOD}, Signature=ab"), "twice"),
            (
                &GOOD.replace(
                    "Credential=AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE",
                    "Credential=",
                ) as &str,
                "empty SecretId",
            ),
        ] {
            let err = parse_authorization(bad).unwrap_err();
            assert_eq!(err.code(), codes::INVALID_AUTHORIZATION, "{bad}");
            assert!(err.message().contains(reason), "{bad}: {err}");
        }
    }

    #[test]
    fn region_rules() {
        let meta = |region| ActionMeta {
            service: "svc",
            action: "A",
            style: crate::action::ApiStyle::V2,
            host: None,
            region,
            rate_limit: None,
            idempotent: true,
        };
        let required = meta(RegionPolicy::Required {
            allowed: &["ap-guangzhou"],
        });
        assert!(check_region(&required, Some("ap-guangzhou")).is_ok());
        let err = check_region(&required, Some("ap-nowhere")).unwrap_err();
        assert_eq!(err.code(), codes::UNSUPPORTED_REGION);
        assert!(err.message().contains("ap-nowhere"), "{err}");
        assert_eq!(
            check_region(&required, None).unwrap_err().code(),
            codes::UNSUPPORTED_REGION
        );
        let any = meta(RegionPolicy::Required { allowed: &[] });
        assert!(check_region(&any, Some("x")).is_ok());
        assert!(check_region(&meta(RegionPolicy::Optional { allowed: &[] }), None).is_ok());
        assert!(check_region(&meta(RegionPolicy::None), Some("ap-x")).is_ok());
    }

    #[test]
    fn same_bytes_compares_everything() {
        assert!(same_bytes(b"abc", b"abc"));
        assert!(!same_bytes(b"abc", b"abd"));
        assert!(!same_bytes(b"abc", b"ab"));
    }
}
