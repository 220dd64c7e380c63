//! v1 flattening. Two inputs from one byte string:
//! - the bytes read as JSON, if they are: any value into `to_params`, which must not
//!   panic and must give sorted, unique, named parameters or a typed error;
//! - the bytes read as a structured request (strings, 64-bit ints, lists, nested lists,
//!   a map), flattened and decoded back by the emulator's flat decoder: it must come back
//!   equal.
#![no_main]

use std::collections::BTreeMap;

use libfuzzer_sys::arbitrary::{Arbitrary, Result, Unstructured};
use libfuzzer_sys::fuzz_target;
use tc_api_core::__fuzz::{self, SampleFilter, SampleRequest};

fn sample(u: &mut Unstructured<'_>) -> Result<SampleRequest> {
    let mut filters = Vec::new();
    for _ in 0..u.int_in_range(0..=3)? {
        filters.push(SampleFilter {
            name: String::arbitrary(u)?,
            values: Vec::<String>::arbitrary(u)?,
        });
    }
    let mut labels = BTreeMap::new();
    for _ in 0..u.int_in_range(0..=3)? {
        let key = String::arbitrary(u)?;
        // Map keys become parameter names: non-empty, no `.` (which would nest).
        if !key.is_empty() && !key.contains('.') {
            labels.insert(key, u32::arbitrary(u)?);
        }
    }
    Ok(SampleRequest {
        name: String::arbitrary(u)?,
        id: i64::arbitrary(u)?,
        flag: Option::<bool>::arbitrary(u)?,
        tags: Vec::<String>::arbitrary(u)?,
        filters,
        labels,
    })
}

fuzz_target!(|data: &[u8]| {
    if let Ok(value) = serde_json::from_slice::<serde_json::Value>(data) {
        if let Ok(params) = __fuzz::flatten_json(&value) {
            assert!(params.windows(2).all(|pair| pair[0].0 < pair[1].0), "{params:?}");
            assert!(params.iter().all(|(name, _)| !name.is_empty()));
        }
    }
    if let Ok(request) = sample(&mut Unstructured::new(data)) {
        let back = __fuzz::flatten_round_trip(&request);
        assert_eq!(back.ok().as_ref(), Some(&request));
    }
});
