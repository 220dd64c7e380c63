//! Every way `tcapi` fails, run as the built binary: a non-zero exit status and one JSON
//! object on stderr with Code, Message and RequestId. Mistakes on the command line are
//! caught before anything is sent (the emulator sees no request); errors the service
//! answers carry its code, message and RequestId.

mod cli_support;

use std::time::Duration;

use cli_support::{seeded, tcapi, tcapi_at};
use serde_json::{Value, json};
use tc_api_core::emulator::Fault;

const RELEASE: [&str; 2] = ["tcmpp", "ReleaseMNPVersion"];
const REGION: [&str; 2] = ["--region", "ap-guangzhou"];

fn release(extra: &[&str]) -> Vec<String> {
    RELEASE
        .iter()
        .chain(&REGION)
        .chain(extra)
        .map(|arg| (*arg).to_owned())
        .collect()
}

fn strs(args: &[String]) -> Vec<&str> {
    args.iter().map(String::as_str).collect()
}

/// Runs against a seeded emulator, expects a refusal before sending (exit 2), and
/// returns the printed error.
fn refused(args: &[&str]) -> Value {
    let emulator = seeded();
    let run = tcapi_at(&emulator, args);
    let error = run.error(2);
    assert_eq!(emulator.request_count(), 0, "nothing is sent: {run:?}");
    assert_eq!(error["RequestId"], Value::Null, "{error}");
    error
}

#[test]
fn an_unknown_service_names_the_closest() {
    let error = refused(&["tcmp", "ReleaseMNPVersion", "--MNPVersionId", "1"]);
    assert_eq!(error["Code"], "UnknownService");
    // The schema table's services are candidates too: the closest comes first.
    assert_eq!(error["Suggestions"][0], "tcmpp", "{error}");
    let message = error["Message"].as_str().unwrap();
    assert!(message.contains("\"tcmp\""), "{message}");
    assert!(message.contains("did you mean tcmpp"), "{message}");
}

#[test]
fn an_unknown_action_names_the_closest() {
    let error = refused(&["apigateway", "DescribeServce", "--serviceId", "s"]);
    assert_eq!(error["Code"], "UnknownAction");
    let suggestions = error["Suggestions"].as_array().unwrap();
    assert_eq!(suggestions[0], "DescribeService", "{error}");
    assert!(suggestions.len() <= 3);
    let error = refused(&["tcmpp", "releasemnpversion"]);
    assert_eq!(error["Suggestions"][0], "ReleaseMNPVersion", "{error}");
}

#[test]
fn an_unknown_parameter_names_the_closest() {
    let error = refused(&strs(&release(&[
        "--MNPVersionId",
        "2597",
        "--PlatformID",
        "T04257DS9431720WTAG",
    ])));
    assert_eq!(
        error["Code"], "InvalidParameters",
        "unknown plus missing: {error}"
    );
    assert_eq!(error["Errors"][0]["Code"], "UnknownParameter");
    assert_eq!(error["Errors"][0]["Parameter"], "PlatformID");
    assert_eq!(error["Errors"][0]["Suggestions"], json!(["PlatformId"]));
    assert_eq!(error["Errors"][1]["Code"], "MissingParameter");
    assert_eq!(error["Errors"][1]["Parameter"], "PlatformId");

    let error = refused(&strs(&release(&[
        "--MNPVersionId",
        "2597",
        "--PlatformId",
        "T0",
        "--Platform",
        "x",
    ])));
    assert_eq!(error["Code"], "UnknownParameter");
    assert_eq!(error["Suggestions"], json!(["PlatformId"]));
    assert!(
        error["Message"]
            .as_str()
            .unwrap()
            .contains("did you mean PlatformId?"),
        "{error}"
    );

    // Nothing close: the known names are listed.
    let error = refused(&strs(&release(&[
        "--MNPVersionId",
        "2597",
        "--PlatformId",
        "T0",
        "--Zzz",
        "1",
    ])));
    assert_eq!(error["Suggestions"], json!([]));
    assert!(
        error["Message"]
            .as_str()
            .unwrap()
            .ends_with("(known: MNPVersionId, PlatformId)"),
        "{error}"
    );
}

#[test]
fn an_unknown_nested_parameter_names_its_path() {
    let error = refused(&[
        "apigateway",
        "CreateApi",
        "--region",
        "ap-guangzhou",
        "--cli-input-json",
        r#"{"serviceId": "s", "requestConfig": {"path": "/", "method": "GET"}, "requestParameters": [{"name": "a", "typo": 1}]}"#,
    ]);
    let unknown: Vec<&Value> = error["Errors"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["Code"] == "UnknownParameter")
        .collect();
    assert_eq!(unknown.len(), 1, "{error}");
    assert_eq!(unknown[0]["Parameter"], "requestParameters.0.typo");
}

#[test]
fn a_wrong_type_names_the_parameter_and_the_type() {
    let error = refused(&strs(&release(&[
        "--MNPVersionId",
        "abc",
        "--PlatformId",
        "T0",
    ])));
    assert_eq!(error["Code"], "InvalidParameterType");
    assert_eq!(error["Errors"][0]["Parameter"], "MNPVersionId");
    assert_eq!(error["Errors"][0]["Expected"], "Integer");
    assert!(
        error["Message"]
            .as_str()
            .unwrap()
            .contains("parameter MNPVersionId expects Integer; found string \"abc\""),
        "{error}"
    );
    // A fraction is no Integer either, and an array is no String (a String parameter
    // takes the text of `--PlatformId [1]` as it is, so the array comes from JSON).
    let error = refused(&strs(&release(&[
        "--MNPVersionId",
        "1.5",
        "--cli-input-json",
        r#"{"PlatformId": [1]}"#,
    ])));
    assert_eq!(error["Code"], "InvalidParameters");
    let expected: Vec<&Value> = error["Errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| &e["Expected"])
        .collect();
    assert_eq!(expected, [&json!("Integer"), &json!("String")]);
}

#[test]
fn a_value_the_typed_definition_cannot_hold_is_refused() {
    // A JSON integer, so the schema accepts it; MNPVersionId is an i64, so the typed
    // decode does not.
    let error = refused(&strs(&release(&[
        "--MNPVersionId",
        "18446744073709551615",
        "--PlatformId",
        "T0",
    ])));
    assert_eq!(error["Code"], "InvalidParameterValue", "{error}");
    assert_eq!(error["Errors"][0]["Parameter"], "MNPVersionId");
    assert!(
        error["Message"]
            .as_str()
            .unwrap()
            .contains("18446744073709551615"),
        "{error}"
    );
}

#[test]
fn a_missing_required_parameter_is_named() {
    let error = refused(&strs(&release(&["--PlatformId", "T0"])));
    assert_eq!(error["Code"], "MissingParameter");
    assert_eq!(error["Errors"][0]["Parameter"], "MNPVersionId");
    assert_eq!(error["Errors"][0]["Expected"], "Integer");
}

#[test]
fn invalid_input_json_is_refused() {
    let error = refused(&strs(&release(&[
        "--cli-input-json",
        "{\"MNPVersionId\": 1,",
    ])));
    assert_eq!(error["Code"], "InvalidInput");
    assert!(
        error["Message"]
            .as_str()
            .unwrap()
            .contains("not valid JSON"),
        "{error}"
    );
    let error = refused(&strs(&release(&["--cli-input-json", "[1, 2]"])));
    assert_eq!(error["Code"], "InvalidInput");
    assert!(
        error["Message"].as_str().unwrap().contains("an array"),
        "{error}"
    );
    let error = refused(&strs(&release(&[
        "--cli-input-json",
        "file:///nonexistent/tcapi/request.json",
    ])));
    assert_eq!(error["Code"], "InvalidInput");
    assert!(
        error["Message"].as_str().unwrap().contains("cannot read"),
        "{error}"
    );
}

#[test]
fn a_wrong_command_line_is_refused() {
    for (args, needle) in [
        (
            &["tcmpp", "ReleaseMNPVersion", "--output", "xml"][..],
            "xml",
        ),
        (&["tcmpp"][..], "missing the action"),
        (
            &["tcmpp", "ReleaseMNPVersion", "--MNPVersionId"][..],
            "needs a value",
        ),
        (
            &["tcmpp", "ReleaseMNPVersion", "--timeout", "-1"][..],
            "timeout",
        ),
        (
            &["tcmpp", "ReleaseMNPVersion", "--Filters.1.Name", "x"][..],
            "index 1",
        ),
    ] {
        let run = tcapi(args, &[]);
        let error = run.error(2);
        assert_eq!(error["Code"], "InvalidCommandLine", "{args:?}: {error}");
        assert!(
            error["Message"].as_str().unwrap().contains(needle),
            "{args:?}: {error}"
        );
    }
}

#[test]
fn a_missing_region_is_refused_before_sending() {
    let error = refused(&[
        "tcmpp",
        "ReleaseMNPVersion",
        "--MNPVersionId",
        "1",
        "--PlatformId",
        "T0",
    ]);
    assert_eq!(error["Code"], "InvalidRequest");
    assert!(
        error["Message"]
            .as_str()
            .unwrap()
            .contains("requires a region"),
        "{error}"
    );
}

#[test]
fn an_api_error_prints_code_message_and_request_id() {
    let emulator = seeded();
    emulator.inject(
        Fault::api_error(
            "FailedOperation.MNPVersionReleased",
            "the version is released already",
        )
        .for_action("ReleaseMNPVersion"),
    );
    let run = tcapi_at(
        &emulator,
        &strs(&release(&["--MNPVersionId", "2597", "--PlatformId", "T0"])),
    );
    let error = run.error(1);
    let recorded = emulator.requests();
    assert_eq!(recorded.len(), 1);
    let request_id = recorded[0]
        .request_id
        .clone()
        .expect("the answer has a RequestId");
    assert_eq!(
        error,
        json!({
            "Code": "FailedOperation.MNPVersionReleased",
            "Message": "the version is released already",
            "RequestId": request_id,
            "HttpStatus": 200,
        })
    );
    assert!(
        run.stderr
            .starts_with("{\n  \"Code\": \"FailedOperation.MNPVersionReleased\",\n  \"Message\""),
        "Code, then Message: {}",
        run.stderr
    );
}

#[test]
fn an_api2_error_prints_its_numeric_code() {
    let emulator = seeded();
    emulator.inject(
        Fault::api_error("ResourceNotFound", "no such service").for_action("DescribeService"),
    );
    let run = tcapi_at(
        &emulator,
        &[
            "apigateway",
            "DescribeService",
            "--serviceId",
            "service-x",
            "--region",
            "ap-guangzhou",
        ],
    );
    let error = run.error(1);
    assert_eq!(error["Code"], "5000", "{error}");
    assert_eq!(error["Message"], "no such service");
    assert_eq!(error["CodeDesc"], "ResourceNotFound");
    assert_eq!(
        error["RequestId"].as_str(),
        emulator.requests()[0].request_id.as_deref()
    );
}

#[test]
fn an_action_the_service_does_not_know_is_its_error() {
    let emulator = seeded();
    let run = tcapi_at(
        &emulator,
        &["cvm", "DescribeNothing", "--version", "2017-03-12"],
    );
    let error = run.error(1);
    assert_eq!(error["Code"], "InvalidAction", "{error}");
    assert_eq!(
        error["RequestId"].as_str(),
        emulator.requests()[0].request_id.as_deref()
    );
    // A name that cannot be an action is refused before sending.
    let run = tcapi_at(
        &emulator,
        &["cvm", "describe-nothing", "--version", "2017-03-12"],
    );
    assert_eq!(run.error(2)["Code"], "InvalidRequest");
    assert_eq!(emulator.request_count(), 1);
}

#[test]
fn timeouts_and_unreachable_endpoints_fail_the_call() {
    let emulator = seeded();
    emulator.inject(Fault::delay(Duration::from_secs(5)).always());
    let run = tcapi_at(
        &emulator,
        &strs(&release(&[
            "--MNPVersionId",
            "1",
            "--PlatformId",
            "T0",
            "--timeout",
            "0.3",
        ])),
    );
    let error = run.error(1);
    assert_eq!(error["Code"], "Timeout", "{error}");
    emulator.clear_faults();

    // A port nothing listens on: bind one, then free it.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let endpoint = format!("http://127.0.0.1:{port}");
    let mut args = release(&[
        "--MNPVersionId",
        "1",
        "--PlatformId",
        "T0",
        "--timeout",
        "10",
    ]);
    args.extend(["--endpoint".to_owned(), endpoint]);
    let run = tcapi(&strs(&args), &cli_support::demo_env());
    let error = run.error(1);
    assert_eq!(error["Code"], "TransportError", "{error}");
    assert_eq!(error["RequestId"], Value::Null);
}
