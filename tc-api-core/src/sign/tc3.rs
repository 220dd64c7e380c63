//! TC3-HMAC-SHA256, the signature of API 3.0.
//!
//! ```text
//! canonical request = METHOD \n PATH \n QUERY \n
//!                     name:value \n ... (lower-cased, trimmed, sorted by name) \n
//!                     signed;header;names \n
//!                     hex(sha256(payload))
//! string to sign    = TC3-HMAC-SHA256 \n TIMESTAMP \n DATE/SERVICE/tc3_request \n
//!                     hex(sha256(canonical request))
//! signing key       = HMAC("TC3" + secret, DATE) -> HMAC(_, SERVICE) -> HMAC(_, "tc3_request")
//! signature         = hex(HMAC(signing key, string to sign))
//! ```
//!
//! The date is the UTC day of the timestamp, so the signing key changes once a day;
//! [`SigningKeyCache`] derives it once per (secret, date, service).

mod cache;
mod date;
mod key;

use std::fmt;
use std::ops::Range;

use hmac::{Hmac, Mac};
use sha2::{Digest, Sha256};

use super::mac::{Hex, keyed_hmac};

pub use cache::SigningKeyCache;
pub use date::utc_date;
pub use key::{KeyChain, SigningKey, derive_key_chain, derive_signing_key};

/// The algorithm name that opens the string to sign and the `Authorization` value.
pub const ALGORITHM: &str = "TC3-HMAC-SHA256";

/// What [`Payload::Unsigned`] stands for. The request then carries the header
/// [`CONTENT_SHA256_HEADER`] with this value, and the canonical request ends with
/// `hex(sha256("UNSIGNED-PAYLOAD"))`, as every official SDK (Go, Java, Python) computes it.
pub const UNSIGNED_PAYLOAD: &str = "UNSIGNED-PAYLOAD";

/// The header that announces an unsigned payload (value [`UNSIGNED_PAYLOAD`]).
pub const CONTENT_SHA256_HEADER: &str = "X-TC-Content-SHA256";

/// The last element of the credential scope.
const SCOPE_TERMINATOR: &str = "tc3_request";

/// The body whose hash ends the canonical request.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Payload<'a> {
    /// The exact bytes sent (empty for GET).
    Bytes(&'a [u8]),
    /// The body is not signed (large uploads); see [`UNSIGNED_PAYLOAD`].
    Unsigned,
}

impl fmt::Debug for Payload<'_> {
    // Bodies can be large and may hold secrets of the caller: show only their size.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Payload::Bytes(bytes) => write!(f, "Bytes({} bytes)", bytes.len()),
            Payload::Unsigned => f.write_str("Unsigned"),
        }
    }
}

/// The parts of a request that TC3 signs.
///
/// Headers are given as sent, in any case and order. Their canonical form follows the
/// published rule: name *and value* lower-cased and trimmed (ASCII letters and ASCII
/// whitespace; HTTP header values are ASCII in practice), sorted by name.
/// Lower-casing the value is what turns `X-TC-Action: DescribeInstances` into
/// `x-tc-action:describeinstances` in the documented example; `content-type` and `host`
/// values are lower-case in practice, so for them the rule changes nothing.
#[derive(Clone, Copy)]
pub struct CanonicalRequest<'a> {
    /// HTTP method as sent (`POST`, `GET`).
    pub method: &'a str,
    /// Request path (`/` for API 3.0).
    pub path: &'a str,
    /// Exactly the query string sent, without `?` (`""` for POST).
    pub query: &'a str,
    /// Headers to sign; must include `content-type` and `host`.
    pub headers: &'a [(&'a str, &'a str)],
    /// The body, or [`Payload::Unsigned`].
    pub payload: Payload<'a>,
}

impl fmt::Debug for CanonicalRequest<'_> {
    // Header values may carry a session token: list the names only.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let names: Vec<&str> = self.headers.iter().map(|(name, _)| *name).collect();
        f.debug_struct("CanonicalRequest")
            .field("method", &self.method)
            .field("path", &self.path)
            .field("query", &self.query)
            .field("headers", &names)
            .field("payload", &self.payload)
            .finish()
    }
}

/// Why a [`CanonicalRequest`] cannot be signed meaningfully (see
/// [`CanonicalRequest::validate`]). Header values are never included.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Tc3InputError {
    /// `content-type` or `host` is not among the signed headers.
    #[error("the signed headers must include `{0}`")]
    MissingHeader(&'static str),
    /// The same header name (case-insensitively) appears twice.
    #[error("header `{0}` is given twice")]
    DuplicateHeader(String),
    /// A header name is empty or has characters outside the HTTP token set.
    #[error("invalid header name {0:?}")]
    InvalidHeaderName(String),
    /// A header value contains a control character (CR, LF, NUL...).
    #[error("the value of header `{0}` contains a control character")]
    InvalidHeaderValue(String),
    /// The method, path or query contains a line break or is otherwise malformed.
    #[error("invalid {part}: {reason}")]
    InvalidRequestLine {
        /// `method`, `path` or `query`.
        part: &'static str,
        /// What is wrong with it.
        reason: &'static str,
    },
}

impl CanonicalRequest<'_> {
    /// Checks what [`sign`] assumes but does not enforce (it is total and never fails):
    /// `content-type` and `host` are signed, header names are unique HTTP tokens, and no
    /// part contains a line break that would make the canonical form ambiguous.
    pub fn validate(&self) -> Result<(), Tc3InputError> {
        if self.method.is_empty() || !self.method.bytes().all(is_token_byte) {
            return Err(Tc3InputError::InvalidRequestLine {
                part: "method",
                reason: "must be a non-empty HTTP token such as POST",
            });
        }
        for (part, text) in [("path", self.path), ("query", self.query)] {
            if text.chars().any(char::is_control) {
                return Err(Tc3InputError::InvalidRequestLine {
                    part,
                    reason: "contains a control character",
                });
            }
        }
        for (i, (name, value)) in self.headers.iter().enumerate() {
            let name = name.trim_ascii();
            if name.is_empty() || !name.bytes().all(is_token_byte) {
                return Err(Tc3InputError::InvalidHeaderName(name.to_owned()));
            }
            if value.chars().any(|c| c.is_control() && c != '\t') {
                return Err(Tc3InputError::InvalidHeaderValue(name.to_owned()));
            }
            let repeated = self.headers[..i]
                .iter()
                .any(|(earlier, _)| earlier.trim_ascii().eq_ignore_ascii_case(name));
            if repeated {
                return Err(Tc3InputError::DuplicateHeader(name.to_ascii_lowercase()));
            }
        }
        for required in ["content-type", "host"] {
            let present = self
                .headers
                .iter()
                .any(|(name, _)| name.trim_ascii().eq_ignore_ascii_case(required));
            if !present {
                return Err(Tc3InputError::MissingHeader(required));
            }
        }
        Ok(())
    }

    /// The canonical request string (what [`Tc3Signature::canonical_request`] holds).
    pub fn to_canonical_string(&self) -> String {
        let mut out = String::new();
        self.write_canonical(&mut out, &mut String::new());
        out
    }

    /// Writes the canonical request into `out`, and its signed-header list also onto the
    /// end of `signed_headers` (the `Authorization` value repeats it).
    fn write_canonical<S: Sink>(&self, out: &mut S, signed_headers: &mut String) {
        let headers = self.headers;
        let header_bytes: usize = headers.iter().map(|(n, v)| 2 * n.len() + v.len() + 3).sum();
        out.reserve(self.method.len() + self.path.len() + self.query.len() + header_bytes + 69);

        out.put(self.method);
        out.put("\n");
        out.put(self.path);
        out.put("\n");
        out.put(self.query);
        out.put("\n");

        // Sort trimmed copies of the (borrowed) pairs rather than the caller's slice; a
        // handful of headers fit on the stack, so the usual request allocates nothing here.
        const INLINE: usize = 16;
        let trimmed = headers
            .iter()
            .map(|(name, value)| (name.trim_ascii(), value.trim_ascii()));
        let mut inline = [("", ""); INLINE];
        let mut spilled = Vec::new();
        let sorted: &mut [(&str, &str)] = if headers.len() <= INLINE {
            for (slot, header) in inline.iter_mut().zip(trimmed) {
                *slot = header;
            }
            &mut inline[..headers.len()]
        } else {
            spilled.extend(trimmed);
            &mut spilled
        };
        sorted.sort_by(|a, b| cmp_ascii_lowercase(a.0, b.0));

        for (name, value) in sorted.iter() {
            out.put_lowercase(name);
            out.put(":");
            out.put_lowercase(value);
            out.put("\n");
        }
        out.put("\n");

        let signed_start = signed_headers.len();
        for (n, (name, _)) in sorted.iter().enumerate() {
            if n > 0 {
                signed_headers.push(';');
            }
            push_ascii_lowercase(signed_headers, name);
        }
        out.put(&signed_headers[signed_start..]);
        out.put("\n");

        put_payload_hash(out, self.payload);
    }
}

/// Where the canonical request and the string to sign go: kept as text by [`sign`], or
/// fed straight into their hash and MAC by [`authorization`], which so allocates nothing
/// but its result.
trait Sink {
    fn put(&mut self, text: &str);

    /// [`put`](Self::put) of ASCII text given as bytes (hex digits, decimal numbers), which
    /// a hash takes as it is, without a UTF-8 check.
    fn put_ascii(&mut self, ascii: &[u8]);

    /// [`put`](Self::put) of `text` with ASCII letters lower-cased.
    fn put_lowercase(&mut self, text: &str) {
        if !text.bytes().any(|b| b.is_ascii_uppercase()) {
            return self.put(text);
        }
        // Header names and values are short: lower-case a copy on the stack (ASCII
        // lower-casing keeps UTF-8 valid); only a long one costs an allocation.
        let mut buf = [0u8; 128];
        match buf.get_mut(..text.len()) {
            Some(lowered) => {
                lowered.copy_from_slice(text.as_bytes());
                lowered.make_ascii_lowercase();
                self.put(std::str::from_utf8(lowered).unwrap_or_default());
            }
            None => self.put(&text.to_ascii_lowercase()),
        }
    }

    /// A capacity hint for what is about to be put.
    fn reserve(&mut self, _additional: usize) {}
}

impl Sink for String {
    fn put(&mut self, text: &str) {
        self.push_str(text);
    }

    fn put_ascii(&mut self, ascii: &[u8]) {
        self.extend(ascii.iter().map(|&byte| char::from(byte)));
    }

    fn put_lowercase(&mut self, text: &str) {
        push_ascii_lowercase(self, text);
    }

    fn reserve(&mut self, additional: usize) {
        String::reserve(self, additional);
    }
}

impl Sink for Sha256 {
    fn put(&mut self, text: &str) {
        self.put_ascii(text.as_bytes());
    }

    fn put_ascii(&mut self, ascii: &[u8]) {
        Digest::update(self, ascii);
    }
}

impl Sink for Hmac<Sha256> {
    fn put(&mut self, text: &str) {
        self.put_ascii(text.as_bytes());
    }

    fn put_ascii(&mut self, ascii: &[u8]) {
        Mac::update(self, ascii);
    }
}

/// `hex(sha256(payload))`, the last line of the canonical request.
pub fn payload_hash(payload: Payload<'_>) -> String {
    let mut out = String::with_capacity(64);
    put_payload_hash(&mut out, payload);
    out
}

fn put_payload_hash<S: Sink>(out: &mut S, payload: Payload<'_>) {
    let bytes = match payload {
        Payload::Bytes(bytes) => bytes,
        Payload::Unsigned => UNSIGNED_PAYLOAD.as_bytes(),
    };
    out.put_ascii(Hex::new(&Sha256::digest(bytes).into()).as_bytes());
}

/// Every intermediate of one signature, and the `Authorization` header value to send.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tc3Signature {
    /// The canonical request.
    pub canonical_request: String,
    /// The string to sign.
    pub string_to_sign: String,
    /// The signature, lower-case hex.
    pub signature: String,
    /// `TC3-HMAC-SHA256 Credential=ID/DATE/SERVICE/tc3_request, SignedHeaders=..., Signature=...`.
    pub authorization: String,
}

/// Signs `req` for `service` at `timestamp` (Unix seconds, the value sent as
/// `X-TC-Timestamp`), keeping every intermediate (for diagnostics and test vectors);
/// [`authorization`] computes the same header value without them.
///
/// `key` must be the key derived for `utc_date(timestamp)` and `service` (see
/// [`derive_signing_key`] and [`SigningKeyCache`]); a key of another day or service
/// yields a signature the server rejects. Total: any input produces a result; use
/// [`CanonicalRequest::validate`] to reject malformed requests first.
pub fn sign(
    req: &CanonicalRequest<'_>,
    service: &str,
    timestamp: i64,
    secret_id: &str,
    key: &SigningKey,
) -> Tc3Signature {
    let (mut authorization, scope) = begin_authorization(req, service, timestamp, secret_id);
    let mut canonical_request = String::new();
    req.write_canonical(&mut canonical_request, &mut authorization);

    let mut string_to_sign = String::with_capacity(ALGORITHM.len() + scope.len() + 88);
    put_string_to_sign(
        &mut string_to_sign,
        timestamp,
        &authorization[scope],
        &Sha256::digest(canonical_request.as_bytes()).into(),
    );
    let mut mac = keyed_hmac::<Sha256>(&[key.expose_bytes()]);
    mac.update(string_to_sign.as_bytes());
    let signature = Hex::new(&mac.finalize().into_bytes().into());
    end_authorization(&mut authorization, &signature);

    Tc3Signature {
        canonical_request,
        string_to_sign,
        signature: signature.as_str().to_owned(),
        authorization,
    }
}

/// The `Authorization` value [`sign`] computes, without keeping its intermediates: the
/// canonical request and the string to sign are streamed into their hash and MAC, so the
/// value itself is the only allocation. What the client sends with every request.
pub fn authorization(
    req: &CanonicalRequest<'_>,
    service: &str,
    timestamp: i64,
    secret_id: &str,
    key: &SigningKey,
) -> String {
    let (mut authorization, scope) = begin_authorization(req, service, timestamp, secret_id);
    let mut canonical_hash = Sha256::new();
    req.write_canonical(&mut canonical_hash, &mut authorization);

    let mut mac = keyed_hmac::<Sha256>(&[key.expose_bytes()]);
    put_string_to_sign(
        &mut mac,
        timestamp,
        &authorization[scope],
        &canonical_hash.finalize().into(),
    );
    end_authorization(
        &mut authorization,
        &Hex::new(&mac.finalize().into_bytes().into()),
    );
    authorization
}

const CREDENTIAL: &str = " Credential=";
const SIGNED_HEADERS: &str = ", SignedHeaders=";
const SIGNATURE: &str = ", Signature=";

/// The `Authorization` value up to its signed-header list (`ALGORITHM Credential=ID/SCOPE,
/// SignedHeaders=`), with room for the rest, and the byte range of the credential scope
/// (`DATE/SERVICE/tc3_request`, which the string to sign repeats).
fn begin_authorization(
    req: &CanonicalRequest<'_>,
    service: &str,
    timestamp: i64,
    secret_id: &str,
) -> (String, Range<usize>) {
    // The date is 10 bytes (at most 20 for absurd timestamps); each signed name is
    // followed by `;`; the signature is 64 hex digits.
    let names: usize = req.headers.iter().map(|(name, _)| name.len() + 1).sum();
    let mut out = String::with_capacity(
        ALGORITHM.len()
            + CREDENTIAL.len()
            + secret_id.len()
            + 1
            + 20
            + service.len()
            + SCOPE_TERMINATOR.len()
            + 2
            + SIGNED_HEADERS.len()
            + names
            + SIGNATURE.len()
            + 64,
    );
    out.push_str(ALGORITHM);
    out.push_str(CREDENTIAL);
    out.push_str(secret_id);
    out.push('/');
    let scope_start = out.len();
    date::push_utc_date(&mut out, timestamp);
    out.push('/');
    out.push_str(service);
    out.push('/');
    out.push_str(SCOPE_TERMINATOR);
    let scope = scope_start..out.len();
    out.push_str(SIGNED_HEADERS);
    (out, scope)
}

/// Completes what [`begin_authorization`] began, once the signed headers are listed.
fn end_authorization(authorization: &mut String, signature: &Hex) {
    authorization.push_str(SIGNATURE);
    authorization.push_str(signature.as_str());
}

/// `TC3-HMAC-SHA256 \n TIMESTAMP \n SCOPE \n hex(canonical hash)`.
fn put_string_to_sign<S: Sink>(
    out: &mut S,
    timestamp: i64,
    scope: &str,
    canonical_hash: &[u8; 32],
) {
    out.put(ALGORITHM);
    out.put("\n");
    out.put_ascii(Decimal::new(timestamp).as_bytes());
    out.put("\n");
    out.put(scope);
    out.put("\n");
    out.put_ascii(Hex::new(canonical_hash).as_bytes());
}

/// An `i64` in decimal on the stack, without the formatting machinery (which costs more
/// than the digits here).
struct Decimal {
    text: [u8; 20],
    start: usize,
}

impl Decimal {
    fn new(value: i64) -> Self {
        // 19 digits and a sign at most (i64::MIN is -9223372036854775808).
        let mut text = [0u8; 20];
        let mut rest = value.unsigned_abs();
        let mut start = text.len();
        loop {
            start -= 1;
            text[start] = b'0' + (rest % 10) as u8;
            rest /= 10;
            if rest == 0 {
                break;
            }
        }
        if value < 0 {
            start -= 1;
            text[start] = b'-';
        }
        Decimal { text, start }
    }

    fn as_bytes(&self) -> &[u8] {
        &self.text[self.start..]
    }
}

fn cmp_ascii_lowercase(a: &str, b: &str) -> std::cmp::Ordering {
    let a = a.bytes().map(|byte| byte.to_ascii_lowercase());
    a.cmp(b.bytes().map(|byte| byte.to_ascii_lowercase()))
}

fn push_ascii_lowercase(out: &mut String, text: &str) {
    let start = out.len();
    out.push_str(text);
    out[start..].make_ascii_lowercase();
}

/// RFC 9110 `tchar`.
fn is_token_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b)
}

#[cfg(test)]
mod tests {
    use super::*;

    const EMPTY_SHA256: &str = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    fn request<'a>(
        headers: &'a [(&'a str, &'a str)],
        payload: Payload<'a>,
    ) -> CanonicalRequest<'a> {
        CanonicalRequest {
            method: "GET",
            path: "/",
            query: "Limit=10&Offset=0",
            headers,
            payload,
        }
    }

    #[test]
    fn empty_payload_hashes_to_the_sha256_of_nothing() {
        assert_eq!(payload_hash(Payload::Bytes(b"")), EMPTY_SHA256);
        let headers = [("Host", "cvm.tencentcloudapi.com"), ("Content-Type", "x")];
        let canonical = request(&headers, Payload::Bytes(b"")).to_canonical_string();
        assert!(canonical.ends_with(&format!("\ncontent-type;host\n{EMPTY_SHA256}")));
    }

    #[test]
    fn unsigned_payload_hashes_the_marker_like_the_official_sdks() {
        let expected = hex::encode(Sha256::digest(b"UNSIGNED-PAYLOAD"));
        assert_eq!(payload_hash(Payload::Unsigned), expected);
        let headers = [("host", "h"), ("content-type", "application/json")];
        let canonical = request(&headers, Payload::Unsigned).to_canonical_string();
        assert!(canonical.ends_with(&expected));
        assert_ne!(expected, payload_hash(Payload::Bytes(b"")));
    }

    #[test]
    fn headers_are_trimmed_lower_cased_and_sorted_by_name() {
        let headers = [
            ("  X-TC-Action ", "  DescribeInstances\t"),
            ("HOST", "CVM.TencentCloudAPI.com"),
            ("Content-Type", " application/json; charset=utf-8 "),
        ];
        let canonical = request(&headers, Payload::Bytes(b"")).to_canonical_string();
        assert_eq!(
            canonical,
            format!(
                "GET\n/\nLimit=10&Offset=0\n\
                 content-type:application/json; charset=utf-8\n\
                 host:cvm.tencentcloudapi.com\n\
                 x-tc-action:describeinstances\n\n\
                 content-type;host;x-tc-action\n{EMPTY_SHA256}"
            )
        );
    }

    #[test]
    fn non_ascii_header_values_keep_their_non_ascii_characters() {
        let headers = [("host", "H"), ("content-type", "T"), ("x-a", "ÄBÇ")];
        let canonical = request(&headers, Payload::Bytes(b"")).to_canonical_string();
        assert!(canonical.contains("x-a:ÄbÇ\n"), "{canonical}");
    }

    #[test]
    fn many_headers_sort_beyond_the_inline_buffer() {
        let names: Vec<String> = (0..40).rev().map(|i| format!("X-H{i:02}")).collect();
        let mut headers: Vec<(&str, &str)> = names.iter().map(|n| (n.as_str(), "v")).collect();
        headers.push(("host", "h"));
        headers.push(("content-type", "t"));
        let canonical = request(&headers, Payload::Bytes(b"")).to_canonical_string();
        let signed = canonical
            .lines()
            .nth(3 + headers.len() + 1)
            .unwrap_or_default();
        let listed: Vec<&str> = signed.split(';').collect();
        let mut sorted = listed.clone();
        sorted.sort_unstable();
        assert_eq!(listed, sorted);
        assert_eq!(listed.len(), 42);
        assert_eq!(listed[0], "content-type");
    }

    #[test]
    fn authorization_streams_what_sign_keeps() {
        let long_value = "Mixed-Case VALUE ".repeat(20);
        let names: Vec<String> = (0..20).map(|i| format!("X-TC-Header-{i:02}")).collect();
        let mut many: Vec<(&str, &str)> = names.iter().map(|n| (n.as_str(), "V")).collect();
        many.push(("Content-Type", "application/json"));
        many.push(("Host", "cvm.tencentcloudapi.com"));
        let few = [
            ("host", "cvm.tencentcloudapi.com"),
            ("X-Long", long_value.as_str()),
        ];
        let key = derive_signing_key("secret", "2019-02-25", "cvm");
        for headers in [&many[..], &few[..], &[]] {
            for payload in [Payload::Bytes(b"{}"), Payload::Unsigned] {
                let req = request(headers, payload);
                let kept = sign(&req, "cvm", 1_551_113_065, "AKID", &key);
                let streamed = authorization(&req, "cvm", 1_551_113_065, "AKID", &key);
                assert_eq!(streamed, kept.authorization);
            }
        }
    }

    #[test]
    fn timestamps_are_plain_decimal() {
        for value in [0, 7, -7, 1_551_113_065, i64::MAX, i64::MIN] {
            assert_eq!(Decimal::new(value).as_bytes(), value.to_string().as_bytes());
        }
    }

    #[test]
    fn authorization_repeats_scope_and_signed_headers() {
        let headers = [
            ("Host", "cvm.tencentcloudapi.com"),
            ("Content-Type", "application/json"),
        ];
        let req = CanonicalRequest {
            method: "POST",
            path: "/",
            query: "",
            headers: &headers,
            payload: Payload::Bytes(b"{}"),
        };
        let key = derive_signing_key("secret", "2024-01-02", "cvm");
        let signed = sign(&req, "cvm", 1_704_153_600, "AKIDx", &key);
        assert_eq!(
            signed.authorization,
            format!(
                "TC3-HMAC-SHA256 Credential=AKIDx/2024-01-02/cvm/tc3_request, \
                 SignedHeaders=content-type;host, Signature={}",
                signed.signature
            )
        );
        assert!(
            signed
                .string_to_sign
                .starts_with("TC3-HMAC-SHA256\n1704153600\n2024-01-02/cvm/tc3_request\n")
        );
        assert_eq!(signed.signature.len(), 64);
        // Another key (another day) gives another signature.
        let other = derive_signing_key("secret", "2024-01-03", "cvm");
        assert_ne!(
            sign(&req, "cvm", 1_704_153_600, "AKIDx", &other).signature,
            signed.signature
        );
    }

    #[test]
    fn validate_accepts_a_normal_request() {
        let headers = [
            ("Host", "h"),
            ("Content-Type", "application/json"),
            ("X-TC-Action", "A"),
        ];
        assert_eq!(request(&headers, Payload::Unsigned).validate(), Ok(()));
    }

    #[test]
    fn validate_names_what_is_wrong() {
        let cases: [(&[(&str, &str)], Tc3InputError); 5] = [
            (
                &[("host", "h")],
                Tc3InputError::MissingHeader("content-type"),
            ),
            (
                &[("content-type", "t")],
                Tc3InputError::MissingHeader("host"),
            ),
            (
                &[("host", "h"), ("content-type", "t"), ("Host", "g")],
                Tc3InputError::DuplicateHeader("host".into()),
            ),
            (
                &[("host", "h"), ("content-type", "t"), ("bad name", "v")],
                Tc3InputError::InvalidHeaderName("bad name".into()),
            ),
            (
                &[
                    ("host", "h"),
                    ("content-type", "t"),
                    ("x-tc-token", "a\r\nb"),
                ],
                Tc3InputError::InvalidHeaderValue("x-tc-token".into()),
            ),
        ];
        for (headers, expected) in cases {
            assert_eq!(
                request(headers, Payload::Unsigned).validate(),
                Err(expected)
            );
        }
        let headers = [("host", "h"), ("content-type", "t")];
        let mut bad = request(&headers, Payload::Unsigned);
        bad.query = "a=1\nb=2";
        assert!(matches!(
            bad.validate(),
            Err(Tc3InputError::InvalidRequestLine { part: "query", .. })
        ));
        bad.query = "";
        bad.method = "";
        assert!(matches!(
            bad.validate(),
            Err(Tc3InputError::InvalidRequestLine { part: "method", .. })
        ));
    }

    #[test]
    fn debug_output_hides_header_values_and_body() {
        let headers = [("x-tc-token", "very-secret-token"), ("host", "h")];
        let req = request(&headers, Payload::Bytes(b"secret body"));
        let shown = format!("{req:?}");
        assert!(!shown.contains("very-secret-token"), "{shown}");
        assert!(!shown.contains("secret body"), "{shown}");
        assert!(shown.contains("x-tc-token"));
    }
}
