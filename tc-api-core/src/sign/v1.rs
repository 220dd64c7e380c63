//! Signature v1 (`HmacSHA1` / `HmacSHA256`): API 2.0 (`/v2/index.php`) and the older way
//! of signing API 3.0 (path `/`, GET query or POST form).
//!
//! All parameters, the common ones included, are sorted by name and joined raw (values
//! not URL-encoded) as `k=v&...`; the source string is
//! `METHOD + HOST + PATH + "?" + that`, and `Signature` is the base64 HMAC of it keyed
//! by the secret key. An underscore in a parameter *name* is read as `.` when signing
//! (`Placement_Zone` signs as `Placement.Zone`, spec/003), as tencentcloud-sdk-python's
//! `_format_sign_string` does: replace first, then sort by the replaced names.

use std::fmt;

use base64::Engine as _;
use hmac::Mac;
use sha1::Sha1;
use sha2::Sha256;

use super::mac::keyed_hmac;

/// Request path of API 2.0 actions.
pub const API2_PATH: &str = "/v2/index.php";
/// Request path of API 3.0 actions.
pub const API3_PATH: &str = "/";

/// Parameter names written by [`sign_params`].
pub mod names {
    /// The action name.
    pub const ACTION: &str = "Action";
    /// Random positive integer against replays.
    pub const NONCE: &str = "Nonce";
    /// Unix seconds.
    pub const TIMESTAMP: &str = "Timestamp";
    /// Region, for actions that take one.
    pub const REGION: &str = "Region";
    /// The caller's SecretId.
    pub const SECRET_ID: &str = "SecretId";
    /// `HmacSHA1` or `HmacSHA256`.
    pub const SIGNATURE_METHOD: &str = "SignatureMethod";
    /// Session token of temporary credentials.
    pub const TOKEN: &str = "Token";
    /// API 3.0 version (`2017-03-12`); API 2.0 has none.
    pub const VERSION: &str = "Version";
    /// The signature itself; never part of what is signed.
    pub const SIGNATURE: &str = "Signature";
    /// Optional: response language (`zh-CN`, `en-US`), sent by the official SDKs when set.
    pub const LANGUAGE: &str = "Language";
    /// Optional: caller identification (`SDK_PYTHON_3.0.0`), sent by the official SDKs.
    pub const REQUEST_CLIENT: &str = "RequestClient";
}

/// The HMAC used by a v1 signature.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum V1Algorithm {
    /// `HmacSHA1`.
    HmacSha1,
    /// `HmacSHA256`.
    HmacSha256,
}

impl V1Algorithm {
    /// The `SignatureMethod` value: `HmacSHA1` or `HmacSHA256`.
    pub fn wire_name(&self) -> &'static str {
        match self {
            V1Algorithm::HmacSha1 => "HmacSHA1",
            V1Algorithm::HmacSha256 => "HmacSHA256",
        }
    }

    /// The algorithm a `SignatureMethod` value names, matched exactly.
    ///
    /// The server treats anything but `HmacSHA256` (absent included) as `HmacSHA1`
    /// (spec/003); a verifier wanting that leniency can map `None` to `HmacSha1`.
    pub fn from_wire_name(name: &str) -> Option<Self> {
        match name {
            "HmacSHA1" => Some(V1Algorithm::HmacSha1),
            "HmacSHA256" => Some(V1Algorithm::HmacSha256),
            _ => None,
        }
    }
}

impl fmt::Display for V1Algorithm {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.wire_name())
    }
}

/// The source string: `METHOD + HOST + PATH + "?" + k=v&...`, parameters sorted by name
/// with `_` in names read as `.`, values raw.
///
/// Parameters whose names coincide after that replacement keep their given order.
pub fn string_to_sign(method: &str, host: &str, path: &str, params: &[(String, String)]) -> String {
    let mut sorted: Vec<&(String, String)> = params.iter().collect();
    sorted.sort_by(|a, b| signing_name(&a.0).cmp(signing_name(&b.0)));

    let pairs_len: usize = params.iter().map(|(k, v)| k.len() + v.len() + 2).sum();
    let mut out = String::with_capacity(method.len() + host.len() + path.len() + 1 + pairs_len);
    out.push_str(method);
    out.push_str(host);
    out.push_str(path);
    out.push('?');
    for (i, (name, value)) in sorted.into_iter().enumerate() {
        if i > 0 {
            out.push('&');
        }
        out.extend(name.chars().map(|c| if c == '_' { '.' } else { c }));
        out.push('=');
        out.push_str(value);
    }
    out
}

/// A parameter name as signed: `_` read as `.` (byte-wise; `_` and `.` are ASCII).
fn signing_name(name: &str) -> impl Iterator<Item = u8> + '_ {
    name.bytes().map(|b| if b == b'_' { b'.' } else { b })
}

/// `base64(HMAC(secret_key, string_to_sign))` with the standard, padded alphabet.
pub fn signature(algorithm: V1Algorithm, secret_key: &str, string_to_sign: &str) -> String {
    let key = [secret_key.as_bytes()];
    let message = string_to_sign.as_bytes();
    let engine = &base64::engine::general_purpose::STANDARD;
    match algorithm {
        V1Algorithm::HmacSha1 => {
            let mut mac = keyed_hmac::<Sha1>(&key);
            mac.update(message);
            engine.encode(mac.finalize().into_bytes())
        }
        V1Algorithm::HmacSha256 => {
            let mut mac = keyed_hmac::<Sha256>(&key);
            mac.update(message);
            engine.encode(mac.finalize().into_bytes())
        }
    }
}

/// The common parameters of a v1 request.
///
/// Optional ones the official SDKs add when configured, `Language` and `RequestClient`,
/// are ordinary parameters: pass them in `params` of [`sign_params`] under
/// [`names::LANGUAGE`] and [`names::REQUEST_CLIENT`].
#[derive(Clone, Copy)]
pub struct V1Common<'a> {
    /// `Action`.
    pub action: &'a str,
    /// `Version`: the API 3.0 version; `None` for API 2.0.
    pub version: Option<&'a str>,
    /// `Region`, for actions that take one.
    pub region: Option<&'a str>,
    /// `SecretId`.
    pub secret_id: &'a str,
    /// `Token`, for temporary credentials.
    pub token: Option<&'a str>,
    /// `Timestamp`, Unix seconds.
    pub timestamp: i64,
    /// `Nonce`, random per request (the server rejects a repeated one).
    pub nonce: u32,
    /// `SignatureMethod`.
    pub algorithm: V1Algorithm,
}

impl fmt::Debug for V1Common<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("V1Common")
            .field("action", &self.action)
            .field("version", &self.version)
            .field("region", &self.region)
            .field("secret_id", &self.secret_id)
            .field("token", &self.token.map(|_| "<redacted>"))
            .field("timestamp", &self.timestamp)
            .field("nonce", &self.nonce)
            .field("algorithm", &self.algorithm)
            .finish()
    }
}

impl V1Common<'_> {
    /// The common parameters this request sets, in name order.
    fn params(&self) -> impl Iterator<Item = (&'static str, String)> + '_ {
        [
            Some((names::ACTION, self.action.to_owned())),
            Some((names::NONCE, self.nonce.to_string())),
            self.region.map(|r| (names::REGION, r.to_owned())),
            Some((names::SECRET_ID, self.secret_id.to_owned())),
            Some((
                names::SIGNATURE_METHOD,
                self.algorithm.wire_name().to_owned(),
            )),
            Some((names::TIMESTAMP, self.timestamp.to_string())),
            self.token.map(|t| (names::TOKEN, t.to_owned())),
            self.version.map(|v| (names::VERSION, v.to_owned())),
        ]
        .into_iter()
        .flatten()
    }
}

/// Adds the common parameters to `params`, signs, and returns the full list including
/// `Signature`, sorted by name: what to send as the query (GET) or form body (POST),
/// URL-encoded by the caller.
///
/// A caller parameter with the name of a common parameter this request sets is replaced
/// by the common value (as the official SDKs do); a caller-supplied `Signature` is always
/// dropped. Names are returned as given; only the signed string reads `_` as `.`.
pub fn sign_params(
    method: &str,
    host: &str,
    path: &str,
    common: &V1Common<'_>,
    params: Vec<(String, String)>,
    secret_key: &str,
) -> Vec<(String, String)> {
    let mut params = params;
    let common_params: Vec<(&'static str, String)> = common.params().collect();
    params.retain(|(name, _)| {
        name != names::SIGNATURE && !common_params.iter().any(|(common, _)| name == common)
    });
    params.reserve(common_params.len() + 1);
    params.extend(
        common_params
            .into_iter()
            .map(|(name, value)| (name.to_owned(), value)),
    );
    params.sort_by(|a, b| a.0.cmp(&b.0));

    let source = string_to_sign(method, host, path, &params);
    let signed = signature(common.algorithm, secret_key, &source);
    let at = params.partition_point(|(name, _)| name.as_str() < names::SIGNATURE);
    params.insert(at, (names::SIGNATURE.to_owned(), signed));
    params
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
        list.iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn wire_names_round_trip() {
        for algorithm in [V1Algorithm::HmacSha1, V1Algorithm::HmacSha256] {
            assert_eq!(
                V1Algorithm::from_wire_name(algorithm.wire_name()),
                Some(algorithm)
            );
            assert_eq!(algorithm.to_string(), algorithm.wire_name());
        }
        assert_eq!(V1Algorithm::from_wire_name("hmacsha256"), None);
    }

    #[test]
    fn underscores_in_names_sign_as_dots_but_not_in_values() {
        let params = pairs(&[("Placement_Zone", "CN_GUANGZHOU"), ("Action", "Run")]);
        assert_eq!(
            string_to_sign("GET", "cvm.api.qcloud.com", API2_PATH, &params),
            "GETcvm.api.qcloud.com/v2/index.php?Action=Run&Placement.Zone=CN_GUANGZHOU"
        );
    }

    #[test]
    fn sorting_uses_the_replaced_names() {
        // '.' (0x2E) sorts before 'B' (0x42) while '_' (0x5F) sorts after it: the
        // replacement must happen before sorting, as in the Python SDK.
        let params = pairs(&[("AB", "2"), ("A_x", "1")]);
        assert_eq!(string_to_sign("GET", "h", "/", &params), "GETh/?A.x=1&AB=2");
    }

    #[test]
    fn values_are_raw_and_empty_lists_sign_nothing() {
        let params = pairs(&[("Name", "a b&c=d/é")]);
        assert_eq!(
            string_to_sign("POST", "h", "/", &params),
            "POSTh/?Name=a b&c=d/é"
        );
        assert_eq!(string_to_sign("POST", "h", "/", &[]), "POSTh/?");
    }

    #[test]
    fn sign_params_adds_common_params_and_a_sorted_signature() {
        let common = V1Common {
            action: "DescribeInstances",
            version: Some("2017-03-12"),
            region: Some("ap-guangzhou"),
            secret_id: "AKIDexample",
            token: Some("tok"),
            timestamp: 1_465_185_768,
            nonce: 11_886,
            algorithm: V1Algorithm::HmacSha256,
        };
        let params = pairs(&[
            ("Limit", "1"),
            ("Action", "Spoofed"),
            ("Signature", "stale"),
            ("Language", "en-US"),
        ]);
        let signed = sign_params(
            "GET",
            "cvm.tencentcloudapi.com",
            API3_PATH,
            &common,
            params,
            "key",
        );
        let names: Vec<&str> = signed.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(
            names,
            [
                "Action",
                "Language",
                "Limit",
                "Nonce",
                "Region",
                "SecretId",
                "Signature",
                "SignatureMethod",
                "Timestamp",
                "Token",
                "Version"
            ]
        );
        let get = |name: &str| {
            signed
                .iter()
                .find(|(k, _)| k == name)
                .map(|(_, v)| v.as_str())
        };
        assert_eq!(get("Action"), Some("DescribeInstances"));
        assert_eq!(get("SignatureMethod"), Some("HmacSHA256"));
        assert_eq!(get("Nonce"), Some("11886"));

        let unsigned: Vec<(String, String)> = signed
            .iter()
            .filter(|(k, _)| k != "Signature")
            .cloned()
            .collect();
        let source = string_to_sign("GET", "cvm.tencentcloudapi.com", "/", &unsigned);
        assert_eq!(
            get("Signature"),
            Some(signature(V1Algorithm::HmacSha256, "key", &source).as_str())
        );
    }

    #[test]
    fn api2_has_no_version_and_absent_options_leave_caller_values() {
        let common = V1Common {
            action: "DescribeApi",
            version: None,
            region: None,
            secret_id: "AKID",
            token: None,
            timestamp: 1,
            nonce: 2,
            algorithm: V1Algorithm::HmacSha1,
        };
        let params = pairs(&[("Region", "ap-beijing")]);
        let signed = sign_params(
            "GET",
            "apigateway.api.qcloud.com",
            API2_PATH,
            &common,
            params,
            "k",
        );
        let names: Vec<&str> = signed.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(
            names,
            [
                "Action",
                "Nonce",
                "Region",
                "SecretId",
                "Signature",
                "SignatureMethod",
                "Timestamp"
            ]
        );
        assert!(signed.contains(&("Region".into(), "ap-beijing".into())));
    }

    #[test]
    fn debug_hides_the_token() {
        let common = V1Common {
            action: "A",
            version: None,
            region: None,
            secret_id: "AKID",
            token: Some("session-token-value"),
            timestamp: 0,
            nonce: 0,
            algorithm: V1Algorithm::HmacSha1,
        };
        assert!(!format!("{common:?}").contains("session-token-value"));
    }
}
