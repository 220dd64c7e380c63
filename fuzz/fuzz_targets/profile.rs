//! Profile files: any bytes as `~/.tencentcloud/credentials`, read through the profile
//! provider. It must not panic; a failure is a typed `CredentialError`.
#![no_main]

use libfuzzer_sys::fuzz_target;
use tc_api_core::__fuzz;
use tc_api_core::credential::CredentialError;

fuzz_target!(|data: &[u8]| {
    match __fuzz::read_profile(data, "default") {
        Ok(credential) => assert!(!credential.secret_id().is_empty()),
        Err(error) => {
            assert!(!matches!(error, CredentialError::FileNotFound { .. }), "{error:?}");
            let _ = error.to_string();
        }
    }
});
