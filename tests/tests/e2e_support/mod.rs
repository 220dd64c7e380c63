//! Shared by the end-to-end tests: an emulator seeded with the documented examples, and
//! clients pointed at it in every encoding.

#![allow(dead_code)]

use std::time::Duration;

use tc_api_core::client::{HttpMethod, SignMethod};
use tc_api_core::emulator::{DEMO_SECRET_ID, DEMO_SECRET_KEY, Emulator};
use tc_api_core::{Client, ClientBuilder, Credential};

/// The six encodings of an API 3.0 call.
pub const V3_COMBOS: [(SignMethod, HttpMethod); 6] = [
    (SignMethod::Tc3HmacSha256, HttpMethod::Post),
    (SignMethod::Tc3HmacSha256, HttpMethod::Get),
    (SignMethod::HmacSha1, HttpMethod::Post),
    (SignMethod::HmacSha1, HttpMethod::Get),
    (SignMethod::HmacSha256, HttpMethod::Post),
    (SignMethod::HmacSha256, HttpMethod::Get),
];

/// The four encodings of an API 2.0 call (v1 signatures only).
pub const V2_COMBOS: [(SignMethod, HttpMethod); 4] = [
    (SignMethod::HmacSha1, HttpMethod::Post),
    (SignMethod::HmacSha1, HttpMethod::Get),
    (SignMethod::HmacSha256, HttpMethod::Post),
    (SignMethod::HmacSha256, HttpMethod::Get),
];

/// An emulator on a free port that accepts the demo credential and answers every action
/// of tc-api-services with its documented example.
pub async fn seeded() -> Emulator {
    let emulator = Emulator::start().await.expect("the emulator starts");
    tc_api_services::emulator::seed(&emulator).expect("the examples seed");
    emulator
}

/// A client builder aimed at `emulator` with the demo credential, region ap-guangzhou,
/// no client-side rate limit, one attempt and a 10 s bound on every call.
pub fn builder(emulator: &Emulator) -> ClientBuilder {
    Client::builder()
        .endpoint(emulator.url())
        .credential(Credential::new(DEMO_SECRET_ID, DEMO_SECRET_KEY).unwrap())
        .region("ap-guangzhou")
        .rate_limit(false)
        .max_attempts(1)
        .total_timeout(Duration::from_secs(10))
}

/// [`builder`] with this encoding.
pub fn client(emulator: &Emulator, sign: SignMethod, method: HttpMethod) -> Client {
    builder(emulator)
        .sign_method(sign)
        .http_method(method)
        .build()
        .unwrap()
}

pub fn method_name(method: HttpMethod) -> &'static str {
    match method {
        HttpMethod::Post => "POST",
        HttpMethod::Get => "GET",
    }
}
