//! Where `tcapi` takes its credential from, run as the built binary against the
//! emulator: the environment, the profile file (named by TENCENTCLOUD_CREDENTIALS_FILE or
//! found in HOME), a chosen profile, temporary keys; and the errors when there is none
//! or a wrong one. The child's environment is only what each test gives it.

mod cli_support;

use cli_support::{RELEASE_CALL, TempDir, seeded, tcapi_at_with};
use tc_api_core::emulator::Emulator;

const FILE_ID: &str = "AKIDclifileprofile0000000000000000000";
const FILE_KEY: &str = "cli-file-profile-secret-key-0";
const OTHER_ID: &str = "AKIDcliotherprofile000000000000000000";
const OTHER_KEY: &str = "cli-other-profile-secret-key-0";
const ENV_ID: &str = "AKIDclienvironment000000000000000000";
const ENV_KEY: &str = "cli-environment-secret-key-0";

fn emulator() -> Emulator {
    let emulator = seeded();
    emulator.add_credential(FILE_ID, FILE_KEY);
    emulator.add_credential(OTHER_ID, OTHER_KEY);
    emulator.add_credential(ENV_ID, ENV_KEY);
    emulator
}

fn profiles() -> String {
    format!(
        "[default]\nsecret_id = {FILE_ID}\nsecret_key = {FILE_KEY}\n\n\
         [other]\nsecret_id = {OTHER_ID}\nsecret_key = {OTHER_KEY}\n"
    )
}

/// The SecretId the emulator saw on the last request.
fn signed_by(emulator: &Emulator) -> Option<String> {
    emulator.requests().last().and_then(|r| r.secret_id.clone())
}

fn env_pair() -> Vec<(&'static str, String)> {
    vec![
        ("TENCENTCLOUD_SECRET_ID", ENV_ID.to_owned()),
        ("TENCENTCLOUD_SECRET_KEY", ENV_KEY.to_owned()),
    ]
}

#[test]
fn the_environment_credential_signs() {
    let emulator = emulator();
    let run = tcapi_at_with(&emulator, &RELEASE_CALL, &env_pair());
    assert_eq!(run.json()["Data"]["Result"], true);
    assert_eq!(signed_by(&emulator).as_deref(), Some(ENV_ID));
}

#[test]
fn temporary_keys_from_the_environment_carry_their_token() {
    let emulator = emulator();
    emulator.add_temporary_credential(
        "AKIDclitemporary00000000000000000000",
        "temp-key-0",
        "temp-token-0",
    );
    let env = vec![
        (
            "TENCENTCLOUD_SECRET_ID",
            "AKIDclitemporary00000000000000000000".to_owned(),
        ),
        ("TENCENTCLOUD_SECRET_KEY", "temp-key-0".to_owned()),
        ("TENCENTCLOUD_SESSION_TOKEN", "temp-token-0".to_owned()),
    ];
    let run = tcapi_at_with(&emulator, &RELEASE_CALL, &env);
    assert_eq!(run.status, Some(0), "{run:?}");
    // Without the token the emulator refuses the temporary key.
    let run = tcapi_at_with(&emulator, &RELEASE_CALL, &env[..2]);
    assert_eq!(run.error(1)["Code"], "AuthFailure.TokenFailure");
}

#[test]
fn the_profile_file_named_by_the_environment_signs() {
    let emulator = emulator();
    let dir = TempDir::new();
    let file = dir.write("credentials", profiles());
    let env = vec![("TENCENTCLOUD_CREDENTIALS_FILE", file.display().to_string())];
    let run = tcapi_at_with(&emulator, &RELEASE_CALL, &env);
    assert_eq!(run.status, Some(0), "{run:?}");
    assert_eq!(signed_by(&emulator).as_deref(), Some(FILE_ID));

    let env = vec![
        ("TENCENTCLOUD_CREDENTIALS_FILE", file.display().to_string()),
        ("TENCENTCLOUD_PROFILE", "other".to_owned()),
    ];
    let run = tcapi_at_with(&emulator, &RELEASE_CALL, &env);
    assert_eq!(run.status, Some(0), "{run:?}");
    assert_eq!(signed_by(&emulator).as_deref(), Some(OTHER_ID));
}

#[test]
fn the_profile_file_in_home_signs() {
    let emulator = emulator();
    let home = TempDir::new();
    home.write(".tencentcloud/credentials", profiles());
    let env = vec![("HOME", home.path().display().to_string())];
    let run = tcapi_at_with(&emulator, &RELEASE_CALL, &env);
    assert_eq!(run.status, Some(0), "{run:?}");
    assert_eq!(signed_by(&emulator).as_deref(), Some(FILE_ID));
}

#[test]
fn a_chosen_profile_beats_the_environment() {
    let emulator = emulator();
    let dir = TempDir::new();
    let file = dir.write("credentials", profiles());
    let mut env = env_pair();
    env.push(("TENCENTCLOUD_CREDENTIALS_FILE", file.display().to_string()));
    let mut args = RELEASE_CALL.to_vec();
    args.extend(["--profile", "other"]);
    let run = tcapi_at_with(&emulator, &args, &env);
    assert_eq!(run.status, Some(0), "{run:?}");
    assert_eq!(signed_by(&emulator).as_deref(), Some(OTHER_ID));

    // Without --profile, the environment comes first.
    let run = tcapi_at_with(&emulator, &RELEASE_CALL, &env);
    assert_eq!(run.status, Some(0), "{run:?}");
    assert_eq!(signed_by(&emulator).as_deref(), Some(ENV_ID));
}

#[test]
fn a_missing_profile_is_a_credential_error() {
    let emulator = emulator();
    let dir = TempDir::new();
    let file = dir.write("credentials", profiles());
    let env = vec![("TENCENTCLOUD_CREDENTIALS_FILE", file.display().to_string())];
    let mut args = RELEASE_CALL.to_vec();
    args.extend(["--profile", "nope"]);
    let run = tcapi_at_with(&emulator, &args, &env);
    let error = run.error(1);
    assert_eq!(error["Code"], "CredentialError");
    assert!(
        error["Message"].as_str().unwrap().contains("nope"),
        "{error}"
    );
    assert_eq!(emulator.request_count(), 0);
}

#[test]
fn no_credential_at_all_is_a_credential_error() {
    let emulator = emulator();
    let run = tcapi_at_with(&emulator, &RELEASE_CALL, &[]);
    let error = run.error(1);
    assert_eq!(error["Code"], "CredentialError", "{error}");
    assert!(
        error["Message"]
            .as_str()
            .unwrap()
            .contains("TENCENTCLOUD_SECRET_ID"),
        "{error}"
    );
    assert_eq!(emulator.request_count(), 0);
}

#[test]
fn a_wrong_credential_is_the_services_error() {
    let emulator = emulator();
    let env = vec![
        (
            "TENCENTCLOUD_SECRET_ID",
            "AKIDunknown00000000000000000000000000".to_owned(),
        ),
        ("TENCENTCLOUD_SECRET_KEY", "whatever".to_owned()),
    ];
    let error = tcapi_at_with(&emulator, &RELEASE_CALL, &env).error(1);
    assert_eq!(error["Code"], "AuthFailure.SecretIdNotFound");
    assert_eq!(
        error["RequestId"].as_str(),
        emulator.requests()[0].request_id.as_deref()
    );

    let env = vec![
        ("TENCENTCLOUD_SECRET_ID", ENV_ID.to_owned()),
        ("TENCENTCLOUD_SECRET_KEY", "not-the-key".to_owned()),
    ];
    let run = tcapi_at_with(&emulator, &RELEASE_CALL, &env);
    let error = run.error(1);
    assert_eq!(error["Code"], "AuthFailure.SignatureFailure");
    assert!(!run.stderr.contains("not-the-key"), "no secret in errors");
}
