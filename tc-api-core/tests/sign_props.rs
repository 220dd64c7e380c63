//! Property tests of `tc_api_core::sign`: flattening is deterministic and independent of
//! declaration and insertion order; signing (TC3 and v1) is total over arbitrary UTF-8.

use std::collections::{BTreeMap, HashMap};

use proptest::prelude::*;
use serde::Serialize;
use serde_json::Value;
use tc_api_core::sign::flatten::{FlattenError, to_params};
use tc_api_core::sign::tc3::{self, CanonicalRequest, Payload, SigningKeyCache};
use tc_api_core::sign::v1::{self, V1Algorithm, V1Common};

// The same data declared in two field orders.

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "PascalCase")]
struct FilterAb {
    name: String,
    values: Vec<String>,
    exact: Option<bool>,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "PascalCase")]
struct FilterBa {
    exact: Option<bool>,
    values: Vec<String>,
    name: String,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "PascalCase")]
struct RequestAb {
    limit: Option<u64>,
    offset: i64,
    ratio: f64,
    instance_ids: Vec<String>,
    filters: Vec<FilterAb>,
    tags: BTreeMap<String, String>,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "PascalCase")]
struct RequestBa {
    tags: HashMap<String, String>,
    filters: Vec<FilterBa>,
    instance_ids: Vec<String>,
    ratio: f64,
    offset: i64,
    limit: Option<u64>,
}

type FilterData = (String, Vec<String>, Option<bool>);
type RequestData = (
    Option<u64>,
    i64,
    f64,
    Vec<String>,
    Vec<FilterData>,
    Vec<(String, String)>,
);

fn request_data() -> impl Strategy<Value = RequestData> {
    let filter = (
        any::<String>(),
        prop::collection::vec(any::<String>(), 0..4),
        any::<Option<bool>>(),
    );
    (
        any::<Option<u64>>(),
        any::<i64>(),
        prop::num::f64::NORMAL | prop::num::f64::ZERO | prop::num::f64::SUBNORMAL,
        prop::collection::vec(any::<String>(), 0..4),
        prop::collection::vec(filter, 0..4),
        // Tag keys are names: non-empty, no dots (which could collide with nesting).
        prop::collection::vec(("[A-Za-z0-9_-]{1,8}", any::<String>()), 0..6),
    )
}

fn request_ab(data: &RequestData) -> RequestAb {
    let (limit, offset, ratio, ids, filters, tags) = data.clone();
    RequestAb {
        limit,
        offset,
        ratio,
        instance_ids: ids,
        filters: filters
            .into_iter()
            .map(|(name, values, exact)| FilterAb {
                name,
                values,
                exact,
            })
            .collect(),
        tags: tags.into_iter().collect(),
    }
}

fn request_ba(data: &RequestData) -> RequestBa {
    let (limit, offset, ratio, ids, filters, tags) = data.clone();
    RequestBa {
        // The same entries as `request_ab` (last duplicate wins), inserted in reverse
        // order into a map that iterates in yet another order.
        tags: tags
            .into_iter()
            .collect::<BTreeMap<_, _>>()
            .into_iter()
            .rev()
            .collect(),
        filters: filters
            .into_iter()
            .map(|(name, values, exact)| FilterBa {
                exact,
                values,
                name,
            })
            .collect(),
        instance_ids: ids,
        ratio,
        offset,
        limit,
    }
}

/// An arbitrary JSON object (no nulls at the top), keys plain names.
fn json_object() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        (prop::num::f64::NORMAL | prop::num::f64::ZERO).prop_map(Value::from),
        any::<String>().prop_map(Value::String),
    ];
    let value = leaf.prop_recursive(3, 24, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::btree_map("[A-Za-z0-9]{1,6}", inner, 0..4)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    });
    prop::collection::btree_map("[A-Za-z0-9]{1,6}", value, 0..5)
        .prop_map(|m| Value::Object(m.into_iter().collect()))
}

/// Independent oracle: flattening written directly over a JSON tree.
fn reference_flatten(value: &Value, path: &str, out: &mut Vec<(String, String)>) {
    let child = |segment: &str| {
        if path.is_empty() {
            segment.to_owned()
        } else {
            format!("{path}.{segment}")
        }
    };
    match value {
        Value::Null => {}
        Value::Bool(b) => out.push((path.to_owned(), b.to_string())),
        Value::Number(n) => {
            let text = if let Some(i) = n.as_i64() {
                i.to_string()
            } else if let Some(u) = n.as_u64() {
                u.to_string()
            } else {
                n.as_f64().expect("finite").to_string()
            };
            out.push((path.to_owned(), text));
        }
        Value::String(s) => out.push((path.to_owned(), s.clone())),
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                reference_flatten(item, &child(&i.to_string()), out);
            }
        }
        Value::Object(map) => {
            for (key, item) in map {
                reference_flatten(item, &child(key), out);
            }
        }
    }
}

fn assert_sorted_unique(params: &[(String, String)]) -> Result<(), TestCaseError> {
    for pair in params.windows(2) {
        prop_assert!(pair[0].0 < pair[1].0, "not strictly sorted: {:?}", pair);
    }
    Ok(())
}

proptest! {
    #[test]
    fn flattening_is_deterministic_and_sorted(data in request_data()) {
        let first = to_params(&request_ab(&data));
        let second = to_params(&request_ab(&data));
        prop_assert_eq!(&first, &second);
        let params = first.expect("a struct of supported values flattens");
        assert_sorted_unique(&params)?;
    }

    #[test]
    fn flattening_ignores_field_declaration_and_map_insertion_order(data in request_data()) {
        prop_assert_eq!(to_params(&request_ab(&data)), to_params(&request_ba(&data)));
    }

    #[test]
    fn btree_and_hash_maps_flatten_alike(
        entries in prop::collection::vec(("[A-Za-z0-9]{1,8}", any::<i64>()), 0..12)
    ) {
        let btree: BTreeMap<String, i64> = entries.iter().cloned().collect();
        // Same entries, inserted in reverse order.
        let hash: HashMap<String, i64> = btree.iter().rev().map(|(k, v)| (k.clone(), *v)).collect();
        prop_assert_eq!(to_params(&btree), to_params(&hash));
    }

    #[test]
    fn flattening_agrees_with_a_json_tree_oracle(value in json_object()) {
        let mut expected = Vec::new();
        reference_flatten(&value, "", &mut expected);
        expected.sort();
        let actual = to_params(&value).expect("plain JSON flattens");
        assert_sorted_unique(&actual)?;
        prop_assert_eq!(actual, expected);
    }

    #[test]
    fn flattening_never_panics_on_arbitrary_maps(
        map in prop::collection::btree_map(any::<String>(), any::<Option<String>>(), 0..8)
    ) {
        match to_params(&map) {
            Ok(params) => assert_sorted_unique(&params)?,
            Err(FlattenError::EmptyKey { .. } | FlattenError::DuplicateKey { .. }) => {}
            Err(other) => prop_assert!(false, "unexpected error {other}"),
        }
    }
}

fn arbitrary_headers() -> impl Strategy<Value = Vec<(String, String)>> {
    prop::collection::vec((any::<String>(), any::<String>()), 0..8)
}

proptest! {
    #[test]
    fn tc3_signing_never_panics(
        method in any::<String>(),
        path in any::<String>(),
        query in any::<String>(),
        headers in arbitrary_headers(),
        payload in prop::collection::vec(any::<u8>(), 0..256),
        unsigned in any::<bool>(),
        service in any::<String>(),
        secret_id in any::<String>(),
        secret_key in any::<String>(),
        timestamp in any::<i64>(),
    ) {
        let headers: Vec<(&str, &str)> = headers.iter().map(|(n, v)| (n.as_str(), v.as_str())).collect();
        let request = CanonicalRequest {
            method: &method,
            path: &path,
            query: &query,
            headers: &headers,
            payload: if unsigned { Payload::Unsigned } else { Payload::Bytes(&payload) },
        };
        let _ = request.validate();
        let date = tc3::utc_date(timestamp);
        let key = tc3::derive_signing_key(&secret_key, &date, &service);
        let signed = tc3::sign(&request, &service, timestamp, &secret_id, &key);
        prop_assert_eq!(signed.signature.len(), 64);
        prop_assert!(signed.signature.bytes().all(|b| b.is_ascii_hexdigit()));
        prop_assert!(signed.authorization.starts_with("TC3-HMAC-SHA256 Credential="));
        prop_assert!(signed.authorization.ends_with(&signed.signature));
        prop_assert!(signed.canonical_request.starts_with(&method));
        // The streaming path the client uses computes the same value.
        prop_assert_eq!(
            tc3::authorization(&request, &service, timestamp, &secret_id, &key),
            signed.authorization
        );

        let cache = SigningKeyCache::with_capacity(2);
        let cached = cache.get(&secret_key, &date, &service);
        prop_assert_eq!(cached.expose_bytes(), key.expose_bytes());
    }

    #[test]
    fn tc3_canonical_form_ignores_header_order_and_name_case(
        names in prop::collection::btree_set("[a-z][a-z0-9-]{0,10}", 1..8),
        values in prop::collection::vec("[ -~]{0,20}", 8),
        rotate in 0usize..8,
    ) {
        let lower: Vec<(String, String)> = names.iter().cloned().zip(values).collect();
        let mut shuffled: Vec<(String, String)> = lower
            .iter()
            .map(|(n, v)| (n.to_ascii_uppercase(), format!("  {v}\t")))
            .collect();
        let len = shuffled.len();
        shuffled.rotate_left(rotate % len);
        shuffled.reverse();
        let a: Vec<(&str, &str)> = lower.iter().map(|(n, v)| (n.as_str(), v.as_str())).collect();
        let b: Vec<(&str, &str)> = shuffled.iter().map(|(n, v)| (n.as_str(), v.as_str())).collect();
        let canonical = |headers: &[(&str, &str)]| CanonicalRequest {
            method: "POST",
            path: "/",
            query: "",
            headers,
            payload: Payload::Bytes(b"{}"),
        }
        .to_canonical_string();
        prop_assert_eq!(canonical(&a), canonical(&b));
    }

    #[test]
    fn utc_date_matches_the_time_crate_and_never_panics(timestamp in any::<i64>()) {
        let date = tc3::utc_date(timestamp);
        if let Ok(dt) = time::OffsetDateTime::from_unix_timestamp(timestamp) {
            let (year, month, day) = (dt.year(), u8::from(dt.month()), dt.day());
            let year = if year < 0 { format!("-{:04}", -year) } else { format!("{year:04}") };
            prop_assert_eq!(date, format!("{year}-{month:02}-{day:02}"));
        }
    }

    #[test]
    fn utc_date_matches_the_time_crate_in_its_range(
        timestamp in -377_705_116_800i64..=253_402_300_799,
    ) {
        let dt = time::OffsetDateTime::from_unix_timestamp(timestamp).expect("in range");
        let (year, month, day) = (dt.year(), u8::from(dt.month()), dt.day());
        let year = if year < 0 { format!("-{:04}", -year) } else { format!("{year:04}") };
        prop_assert_eq!(tc3::utc_date(timestamp), format!("{year}-{month:02}-{day:02}"));
    }

    #[test]
    fn v1_signing_never_panics_and_signs_what_it_returns(
        method in any::<String>(),
        host in any::<String>(),
        path in any::<String>(),
        params in prop::collection::vec((any::<String>(), any::<String>()), 0..10),
        action in any::<String>(),
        version in any::<Option<String>>(),
        region in any::<Option<String>>(),
        secret_id in any::<String>(),
        token in any::<Option<String>>(),
        timestamp in any::<i64>(),
        nonce in any::<u32>(),
        sha256 in any::<bool>(),
        secret_key in any::<String>(),
    ) {
        let algorithm = if sha256 { V1Algorithm::HmacSha256 } else { V1Algorithm::HmacSha1 };
        let common = V1Common {
            action: &action,
            version: version.as_deref(),
            region: region.as_deref(),
            secret_id: &secret_id,
            token: token.as_deref(),
            timestamp,
            nonce,
            algorithm,
        };
        let signed = v1::sign_params(&method, &host, &path, &common, params, &secret_key);
        for pair in signed.windows(2) {
            prop_assert!(pair[0].0 <= pair[1].0, "not sorted: {:?}", pair);
        }
        let signatures: Vec<&String> =
            signed.iter().filter(|(k, _)| k == "Signature").map(|(_, v)| v).collect();
        prop_assert_eq!(signatures.len(), 1);
        let rest: Vec<(String, String)> =
            signed.iter().filter(|(k, _)| k != "Signature").cloned().collect();
        let source = v1::string_to_sign(&method, &host, &path, &rest);
        prop_assert_eq!(signatures[0], &v1::signature(algorithm, &secret_key, &source));
        let get = |name: &str| signed.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str());
        prop_assert_eq!(get("Action"), Some(action.as_str()));
        let nonce_text = nonce.to_string();
        prop_assert_eq!(get("Nonce"), Some(nonce_text.as_str()));
        prop_assert_eq!(get("SignatureMethod"), Some(algorithm.wire_name()));
    }
}
