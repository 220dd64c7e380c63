//! The wire encodings of one pipeline: the action's parameters are serialized once per
//! call ([`Params`]), and every attempt is signed afresh ([`signed_request`]).
//!
//! | style | sign method | method | parameters | content type |
//! |---|---|---|---|---|
//! | 3.0 | TC3 | POST | JSON body | `application/json` |
//! | 3.0 | TC3 | GET | flattened, in the query; empty payload | `application/x-www-form-urlencoded` |
//! | 3.0 | HmacSHA1/256 | POST / GET | flattened + common params (with `Version`), form body or query, path `/` | `application/x-www-form-urlencoded` |
//! | 2.0 | v1 always | POST / GET | flattened camelCase + common params (no `Version`), path `/v2/index.php` | `application/x-www-form-urlencoded` |
//!
//! As in tencentcloud-sdk-python: TC3 signs `content-type;host`; v1 adds `RequestClient`
//! (and `Language` for 3.0) to the signed parameters, unless the action has a business
//! parameter of that name, which is then sent alone; form values are percent-encoded
//! with `+` for space, leaving `A-Z a-z 0-9 - _ . ~`.

use bytes::Bytes;
use http::header::{self, HeaderMap, HeaderName, HeaderValue};
use reqwest::Method;
use serde::Serialize;

use super::Shared;
use super::builder::{HttpMethod, Language, SignMethod};

use crate::action::{ActionMeta, ApiStyle};
use crate::credential::Credential;
use crate::endpoint::Target;
use crate::error::{Error, InvalidRequest};
use crate::sign::{flatten, tc3, v1};

const JSON: &str = "application/json";
const FORM: &str = "application/x-www-form-urlencoded";

static X_TC_ACTION: HeaderName = HeaderName::from_static("x-tc-action");
static X_TC_VERSION: HeaderName = HeaderName::from_static("x-tc-version");
static X_TC_TIMESTAMP: HeaderName = HeaderName::from_static("x-tc-timestamp");
static X_TC_REGION: HeaderName = HeaderName::from_static("x-tc-region");
static X_TC_TOKEN: HeaderName = HeaderName::from_static("x-tc-token");
static X_TC_LANGUAGE: HeaderName = HeaderName::from_static("x-tc-language");
static X_TC_REQUEST_CLIENT: HeaderName = HeaderName::from_static("x-tc-requestclient");
static X_TC_CONTENT_SHA256: HeaderName = HeaderName::from_static("x-tc-content-sha256");

/// The serialized parameters of one call, reused by every attempt.
#[derive(Debug)]
pub(crate) enum Params {
    /// TC3 POST: the JSON body.
    Tc3Json(Bytes),
    /// TC3 GET: the encoded query string, exactly as sent and signed.
    Tc3Query(String),
    /// v1: the flattened parameters before the common ones are added.
    V1 {
        params: Vec<(String, String)>,
        algorithm: v1::V1Algorithm,
    },
}

impl Params {
    /// Serializes `action` (the parameters of the action `meta` describes) for the
    /// encoding the client and the action's style select.
    pub(crate) fn new<P: Serialize + ?Sized>(
        shared: &Shared,
        meta: &ActionMeta,
        action: &P,
        language: Option<Language>,
    ) -> Result<Self, InvalidRequest> {
        let v1_algorithm = match (shared.sign_method, meta.style) {
            (SignMethod::Tc3HmacSha256, ApiStyle::V3 { .. }) => None,
            (SignMethod::HmacSha1, _) => Some(v1::V1Algorithm::HmacSha1),
            (SignMethod::HmacSha256 | SignMethod::Tc3HmacSha256, _) => {
                Some(v1::V1Algorithm::HmacSha256)
            }
        };
        let flattened = || {
            flatten::to_params(action).map_err(|source| InvalidRequest::Flatten {
                action: meta.action,
                source,
            })
        };
        Ok(match (v1_algorithm, shared.http_method) {
            (None, HttpMethod::Post) => {
                let body =
                    serde_json::to_vec(action).map_err(|source| InvalidRequest::Serialize {
                        action: meta.action,
                        source,
                    })?;
                Params::Tc3Json(Bytes::from(body))
            }
            (None, HttpMethod::Get) => Params::Tc3Query(form_encode(&flattened()?)),
            (Some(algorithm), _) => {
                let mut params = flattened()?;
                // A business parameter of the same name (`#[tc(shadows_common)]`) wins:
                // a second pair would be sent, and the cloud refuses the signature.
                let business = |params: &[(String, String)], name: &str| {
                    params.iter().any(|(given, _)| given == name)
                };
                if !business(&params, v1::names::REQUEST_CLIENT) {
                    params.push((v1::names::REQUEST_CLIENT.to_owned(), request_client(shared)));
                }
                if let (Some(language), ApiStyle::V3 { .. }) = (language, meta.style)
                    && !business(&params, v1::names::LANGUAGE)
                {
                    params.push((v1::names::LANGUAGE.to_owned(), language.as_str().to_owned()));
                }
                Params::V1 { params, algorithm }
            }
        })
    }
}

fn request_client(shared: &Shared) -> String {
    // Validated printable ASCII at build time.
    shared
        .request_client
        .to_str()
        .unwrap_or(super::builder::REQUEST_CLIENT)
        .to_owned()
}

/// One attempt's request, signed at `timestamp` with `credential`; without one (a client
/// that skips signatures) a TC3 request carries `Authorization: SKIP` instead.
pub(crate) fn signed_request(
    shared: &Shared,
    meta: &ActionMeta,
    target: &Target,
    region: Option<&str>,
    params: &Params,
    credential: Option<&Credential>,
    timestamp: i64,
) -> Result<reqwest::Request, Error> {
    let method = match shared.http_method {
        HttpMethod::Post => Method::POST,
        HttpMethod::Get => Method::GET,
    };
    let mut url = target.url.clone();
    let mut headers = HeaderMap::with_capacity(12 + shared.extra_headers.len());
    let body = match params {
        Params::Tc3Json(body) => {
            tc3_headers(
                shared,
                meta,
                target,
                region,
                credential,
                timestamp,
                &mut headers,
                Tc3Parts {
                    method: "POST",
                    content_type: JSON,
                    query: "",
                    payload: body,
                },
            )?;
            Some(body.clone())
        }
        Params::Tc3Query(query) => {
            tc3_headers(
                shared,
                meta,
                target,
                region,
                credential,
                timestamp,
                &mut headers,
                Tc3Parts {
                    method: "GET",
                    content_type: FORM,
                    query,
                    payload: b"",
                },
            )?;
            url.set_query(Some(query).filter(|q| !q.is_empty()).map(String::as_str));
            None
        }
        Params::V1 { params, algorithm } => {
            let Some(credential) = credential else {
                return Err(InvalidRequest::SkipSignatureNeedsTc3 {
                    action: meta.action,
                }
                .into());
            };
            let common = v1::V1Common {
                action: meta.action,
                version: meta.version(),
                region,
                secret_id: credential.secret_id(),
                token: credential.token(),
                timestamp,
                nonce: rand::random_range(1..=u32::MAX),
                algorithm: *algorithm,
            };
            let signed = v1::sign_params(
                method.as_str(),
                &target.host,
                target.path,
                &common,
                params.clone(),
                credential.secret_key(),
            );
            let encoded = form_encode(&signed);
            match shared.http_method {
                HttpMethod::Post => {
                    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(FORM));
                    Some(Bytes::from(encoded))
                }
                HttpMethod::Get => {
                    url.set_query(Some(&encoded));
                    None
                }
            }
        }
    };
    for (name, value) in &shared.extra_headers {
        headers.append(name.clone(), value.clone());
    }
    let mut request = reqwest::Request::new(method, url);
    *request.headers_mut() = headers;
    if let Some(body) = body {
        *request.body_mut() = Some(body.into());
    }
    Ok(request)
}

struct Tc3Parts<'a> {
    method: &'a str,
    content_type: &'static str,
    query: &'a str,
    payload: &'a [u8],
}

#[allow(clippy::too_many_arguments)]
fn tc3_headers(
    shared: &Shared,
    meta: &ActionMeta,
    target: &Target,
    region: Option<&str>,
    credential: Option<&Credential>,
    timestamp: i64,
    headers: &mut HeaderMap,
    parts: Tc3Parts<'_>,
) -> Result<(), Error> {
    let authorization = match credential {
        Some(credential) => tc3_authorization(shared, meta, target, credential, timestamp, &parts),
        None => "SKIP".to_owned(),
    };
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static(parts.content_type),
    );
    headers.insert(
        X_TC_ACTION.clone(),
        static_header_value("X-TC-Action", meta.action)?,
    );
    if let Some(version) = meta.version() {
        headers.insert(
            X_TC_VERSION.clone(),
            static_header_value("X-TC-Version", version)?,
        );
    }
    headers.insert(X_TC_TIMESTAMP.clone(), HeaderValue::from(timestamp));
    if let Some(region) = region {
        headers.insert(X_TC_REGION.clone(), header_value("X-TC-Region", region)?);
    }
    if let Some(token) = credential.and_then(Credential::token) {
        let mut value = header_value("X-TC-Token", token)?;
        value.set_sensitive(true);
        headers.insert(X_TC_TOKEN.clone(), value);
    }
    if let Some(language) = shared.language {
        headers.insert(
            X_TC_LANGUAGE.clone(),
            HeaderValue::from_static(language.as_str()),
        );
    }
    headers.insert(X_TC_REQUEST_CLIENT.clone(), shared.request_client.clone());
    if shared.unsigned_payload {
        headers.insert(
            X_TC_CONTENT_SHA256.clone(),
            HeaderValue::from_static("UNSIGNED-PAYLOAD"),
        );
    }
    // The value is moved, not copied, into the header.
    let mut authorization = HeaderValue::try_from(authorization)
        .map_err(|_| InvalidRequest::HeaderValue("Authorization"))?;
    authorization.set_sensitive(true);
    headers.insert(header::AUTHORIZATION, authorization);
    Ok(())
}

/// The TC3 `Authorization` value of one request.
fn tc3_authorization(
    shared: &Shared,
    meta: &ActionMeta,
    target: &Target,
    credential: &Credential,
    timestamp: i64,
    parts: &Tc3Parts<'_>,
) -> String {
    let payload = if shared.unsigned_payload {
        tc3::Payload::Unsigned
    } else {
        tc3::Payload::Bytes(parts.payload)
    };
    let signed_headers = [
        ("content-type", parts.content_type),
        ("host", target.host.as_str()),
    ];
    let canonical = tc3::CanonicalRequest {
        method: parts.method,
        path: target.path,
        query: parts.query,
        headers: &signed_headers,
        payload,
    };
    let date = tc3::utc_date(timestamp);
    let key = shared
        .signing_keys
        .get(credential.secret_key(), &date, meta.service);
    tc3::authorization(
        &canonical,
        meta.service,
        timestamp,
        credential.secret_id(),
        &key,
    )
}

fn header_value(name: &'static str, value: &str) -> Result<HeaderValue, InvalidRequest> {
    HeaderValue::from_str(value).map_err(|_| InvalidRequest::HeaderValue(name))
}

/// [`header_value`] for the action's `'static` metadata: borrowed instead of copied
/// when it is visible ASCII (what `from_static` accepts without panicking), else
/// checked and copied by [`header_value`].
fn static_header_value(
    name: &'static str,
    value: &'static str,
) -> Result<HeaderValue, InvalidRequest> {
    if value
        .bytes()
        .all(|b| b == b'\t' || (0x20..0x7f).contains(&b))
    {
        Ok(HeaderValue::from_static(value))
    } else {
        header_value(name, value)
    }
}

/// `application/x-www-form-urlencoded` of `params`, in their order: `A-Z a-z 0-9 - _ . ~`
/// kept, space as `+`, every other byte as `%XX` (upper-case hex), as Python's
/// `urlencode` and Go's `url.Values.Encode` do.
pub fn form_encode(params: &[(String, String)]) -> String {
    let mut out = String::with_capacity(
        params
            .iter()
            .map(|(k, v)| k.len() + v.len() + 2)
            .sum::<usize>()
            * 3
            / 2,
    );
    for (i, (key, value)) in params.iter().enumerate() {
        if i > 0 {
            out.push('&');
        }
        encode_component(key, &mut out);
        out.push('=');
        encode_component(value, &mut out);
    }
    out
}

fn encode_component(text: &str, out: &mut String) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    for &b in text.as_bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(b as char)
            }
            b' ' => out.push('+'),
            _ => {
                out.push('%');
                out.push(HEX[usize::from(b >> 4)] as char);
                out.push(HEX[usize::from(b & 0x0f)] as char);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn static_header_values_are_checked_like_copied_ones() {
        for value in [
            "DescribeBatchProduction",
            "2019-04-23",
            "a\tb",
            "",
            "é",
            "a\nb",
            "x\u{7f}",
        ] {
            assert_eq!(
                static_header_value("X", value).ok(),
                header_value("X", value).ok(),
                "{value:?}"
            );
        }
    }

    #[test]
    fn form_encoding_matches_python_urlencode() {
        // urllib.parse.urlencode([...]) output for the same pairs.
        assert_eq!(
            form_encode(&p(&[
                ("Filters.0.Name", "instance-name"),
                ("Filters.0.Values.0", "未命名 a+b/c=d&e~f*"),
                ("Limit", "1"),
            ])),
            "Filters.0.Name=instance-name&Filters.0.Values.0=%E6%9C%AA%E5%91%BD%E5%90%8D+a%2Bb%2Fc%3Dd%26e~f%2A&Limit=1"
        );
        assert_eq!(form_encode(&[]), "");
    }

    #[test]
    fn form_encoding_round_trips_through_a_form_parser() {
        let pairs = p(&[
            ("a b", "x+y z"),
            ("Signature", "0EEm/HtGRr/VJXTAD9tYMth1Bzm3lLHz5RCDv1GdM8s="),
        ]);
        let decoded: Vec<(String, String)> =
            url::form_urlencoded::parse(form_encode(&pairs).as_bytes())
                .into_owned()
                .collect();
        assert_eq!(decoded, pairs);
    }
}
