//! API 2.0 answers: any status and body into the `{code, message, codeDesc}` decoder. It
//! must not panic, and every failure must be a typed error of the kinds an answer can
//! produce.
#![no_main]

use libfuzzer_sys::fuzz_target;
use tc_api_core::__fuzz;
use tc_api_core::error::Error;

fuzz_target!(|input: (u16, &[u8])| {
    let (status, body) = input;
    for error in __fuzz::decode_v2(status, body).iter().flatten() {
        assert!(
            matches!(
                error,
                Error::Decode { .. } | Error::HttpStatus { .. } | Error::ApiV2 { .. }
            ),
            "{error:?}"
        );
        let _ = error.to_string();
        let _ = error.v2_detail();
    }
});
