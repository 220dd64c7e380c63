//! Request signing for Tencent Cloud APIs: TC3-HMAC-SHA256, the older v1 HmacSHA1 /
//! HmacSHA256 scheme, and the flattening of request parameters that v1 and GET use.
//!
//! Everything here is pure: inputs are strings, bytes and a Unix timestamp supplied by
//! the caller; outputs are strings. No IO, no clock, no HTTP types (the way aws-sigv4
//! keeps signing apart from transport), so the client, the emulator and tests all sign
//! through the same functions.
//!
//! - [`tc3`]: canonical request, string to sign, signing key (and its cache), signature
//!   and `Authorization` header value.
//! - [`v1`]: common parameters, the `METHOD + HOST + PATH + "?" + k=v&...` source string
//!   and the base64 HMAC `Signature` parameter.
//! - [`flatten`]: a serde serializer that turns a request struct into `Filters.0.Name`
//!   style parameters.

pub mod flatten;
pub mod tc3;
pub mod v1;

mod mac;
