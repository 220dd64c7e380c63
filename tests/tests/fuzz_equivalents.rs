//! Property-test twins of the cargo-fuzz targets in `fuzz/`, run by `cargo test`:
//! arbitrary bytes and arbitrary structured input into each decoder that reads what
//! comes off the wire or from disk. None may panic; each failure must be a typed error
//! of the kinds the decoder documents.

use std::collections::BTreeMap;

use proptest::prelude::*;
use tc_api_core::__fuzz::{self, SampleFilter, SampleRequest};
use tc_api_core::credential::CredentialError;
use tc_api_core::error::Error;

/// Statuses the decoders see: success, client and server errors, odd ones.
fn status() -> impl Strategy<Value = u16> {
    prop_oneof![
        Just(200u16),
        Just(400),
        Just(429),
        Just(500),
        Just(502),
        Just(503),
        100u16..600
    ]
}

/// Any JSON value, up to a few levels deep.
fn json() -> impl Strategy<Value = serde_json::Value> {
    let leaf = prop_oneof![
        Just(serde_json::Value::Null),
        any::<bool>().prop_map(serde_json::Value::from),
        any::<i64>().prop_map(serde_json::Value::from),
        any::<u64>().prop_map(serde_json::Value::from),
        any::<f64>().prop_map(serde_json::Value::from),
        ".{0,12}".prop_map(serde_json::Value::from),
    ];
    leaf.prop_recursive(4, 48, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(serde_json::Value::Array),
            prop::collection::btree_map(
                prop_oneof![
                    Just("Response".to_owned()),
                    Just("Error".to_owned()),
                    Just("Code".to_owned()),
                    Just("Message".to_owned()),
                    Just("RequestId".to_owned()),
                    Just("code".to_owned()),
                    Just("message".to_owned()),
                    Just("requestId".to_owned()),
                    Just("Data".to_owned()),
                    Just("Items".to_owned()),
                    Just("Values".to_owned()),
                    ".{0,8}",
                ],
                inner,
                0..6
            )
            .prop_map(|map| serde_json::Value::Object(map.into_iter().collect())),
        ]
    })
}

/// Envelope-shaped bodies (so decoding gets past the first byte), and their truncations.
fn envelope_body() -> impl Strategy<Value = Vec<u8>> {
    (json(), any::<bool>(), any::<prop::sample::Index>()).prop_map(|(value, wrap, cut)| {
        let value = if wrap {
            serde_json::json!({ "Response": value })
        } else {
            value
        };
        let mut body = serde_json::to_vec(&value).unwrap();
        if cut.index(4) == 0 {
            let keep = cut.index(body.len() + 1);
            body.truncate(keep);
        }
        body
    })
}

fn any_body() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![prop::collection::vec(any::<u8>(), 0..256), envelope_body()]
}

/// The failures an answer decoder may report.
fn assert_answer_error(error: &Error, status: u16, v2: bool) {
    match error {
        Error::Decode { http_status, .. } => {
            assert_eq!(*http_status, status);
            assert!((200..300).contains(&status), "decode error on {status}");
        }
        Error::HttpStatus { status: s, .. } => assert_eq!(*s, status),
        Error::Api { http_status, .. } if !v2 => assert_eq!(*http_status, status),
        Error::ApiV2 { http_status, .. } if v2 => assert_eq!(*http_status, status),
        other => panic!("unexpected error kind for an answer: {other:?}"),
    }
    // Display and Debug of what came off the wire must not panic either, and stay short.
    assert!(error.to_string().len() < 4096);
    let _ = format!("{error:?}");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn v3_envelope_decoding_never_panics(status in status(), body in any_body()) {
        for error in __fuzz::decode_v3(status, &body).iter().flatten() {
            assert_answer_error(error, status, false);
        }
    }

    #[test]
    fn v2_envelope_decoding_never_panics(status in status(), body in any_body()) {
        for error in __fuzz::decode_v2(status, &body).iter().flatten() {
            assert_answer_error(error, status, true);
        }
    }

    #[test]
    fn flattening_any_json_never_panics(value in json()) {
        match __fuzz::flatten_json(&value) {
            Ok(params) => {
                prop_assert!(value.is_object() || value.is_null(), "{value} flattened");
                for pair in params.windows(2) {
                    prop_assert!(pair[0].0 < pair[1].0, "not sorted and unique: {params:?}");
                }
                prop_assert!(params.iter().all(|(name, _)| !name.is_empty()));
            }
            Err(error) => prop_assert!(!error.to_string().is_empty()),
        }
    }

    #[test]
    fn flattening_round_trips_through_the_emulator_decoder(request in sample_request()) {
        let back = __fuzz::flatten_round_trip(&request);
        prop_assert_eq!(back.ok(), Some(request));
    }

    #[test]
    fn profile_parsing_never_panics(bytes in prop::collection::vec(any::<u8>(), 0..200)) {
        if let Err(error) = __fuzz::read_profile(&bytes, "default") {
            assert_profile_error(&error);
        }
    }

    #[test]
    fn ini_shaped_profiles_never_panic_nor_leak(
        lines in prop::collection::vec(ini_line(), 0..8),
        profile in prop_oneof![Just("default".to_owned()), "[a-z]{1,6}"],
    ) {
        let text = lines.join("\n");
        match __fuzz::read_profile(text.as_bytes(), &profile) {
            Ok(credential) => prop_assert!(!credential.secret_id().is_empty()),
            Err(error) => {
                assert_profile_error(&error);
                let shown = format!("{error} {error:?}");
                prop_assert!(!shown.contains(SECRET_MARK), "{shown}");
            }
        }
    }
}

/// Marks the secret values in generated profiles: errors must never show them.
const SECRET_MARK: &str = "Zq9Secret";

fn ini_line() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("[default]".to_owned()),
        "\\[[a-z ]{0,6}\\]?[ #;a-z]{0,4}",
        "(secret_id|secret_key|token|other)[ \t]{0,2}[=:][ \t]{0,2}[\"']?[A-Za-z0-9 ]{0,10}[\"']?"
            .prop_map(|line| line.replace("secret_key = ", &format!("secret_key = {SECRET_MARK}"))),
        "[#;].{0,10}",
        ".{0,16}",
        Just(String::new()),
        Just("\u{feff}[default]\r".to_owned()),
    ]
}

fn assert_profile_error(error: &CredentialError) {
    // Every failure of a profile read names what is wrong; none is a bare I/O failure
    // of our own temporary file.
    assert!(!error.to_string().is_empty());
    assert!(
        !matches!(error, CredentialError::FileNotFound { .. }),
        "the file was written: {error:?}"
    );
}

fn param_name() -> impl Strategy<Value = String> {
    "[A-Za-z][A-Za-z0-9_-]{0,8}"
}

fn sample_request() -> impl Strategy<Value = SampleRequest> {
    let filter = (".{0,10}", prop::collection::vec(".{0,10}", 0..4))
        .prop_map(|(name, values)| SampleFilter { name, values });
    (
        ".{0,16}",
        any::<i64>(),
        any::<Option<bool>>(),
        prop::collection::vec(".{0,10}", 0..5),
        prop::collection::vec(filter, 0..4),
        prop::collection::btree_map(param_name(), any::<u32>(), 0..4),
    )
        .prop_map(|(name, id, flag, tags, filters, labels)| SampleRequest {
            name,
            id,
            flag,
            tags,
            filters,
            labels: labels.into_iter().collect::<BTreeMap<_, _>>(),
        })
}
