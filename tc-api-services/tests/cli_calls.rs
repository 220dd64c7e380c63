//! The built `tcapi` against the seeded emulator: every documented example of every
//! action succeeds, prints the documented answer with its RequestId, and sends exactly
//! the documented request; plus tables, other encodings, calls by name, templates,
//! listings and help.

mod cli_support;

use cli_support::{TempDir, seeded, split_request_id, tcapi, tcapi_at};
use serde_json::{Value, json};
use tc_api_core::emulator::{self, Emulator, Outcome};
use tc_api_core::registry;
use tc_api_core::sign::v1::names;
use tc_api_core::{ActionMeta, ApiStyle, RegionPolicy};
use tc_api_services::doc_example::{DocExample, ExampleRequest};
use tc_api_services::emulator::{ActionVisitor, DefinedAction, for_each_action, response_payload};

/// The documented request of an example, as the action's struct (the parameter table
/// requires the `missing_params`; the printed example leaves them out).
fn documented_request<A: DefinedAction>(example: &DocExample) -> A {
    match example.request {
        ExampleRequest::Json(body) => emulator::decode_json(body.as_bytes()).unwrap(),
        ExampleRequest::Params { .. } => emulator::decode_flat(flat_params(example)).unwrap(),
    }
}

fn flat_params(example: &DocExample) -> Vec<(String, String)> {
    let mut params = example.request.documented_params().unwrap();
    for name in example.request.missing_params() {
        params.push((name.to_owned(), format!("placeholder-{name}")));
    }
    params
}

/// The command line of an example: the JSON body as `--cli-input-json`, or each
/// parameter as `--Name VALUE` (dotted names for nested ones).
fn example_args(meta: &ActionMeta, example: &DocExample) -> Vec<String> {
    let mut args = vec![meta.service.to_owned(), meta.action.to_owned()];
    match example.request {
        ExampleRequest::Json(body) => {
            args.extend(["--cli-input-json".to_owned(), body.to_owned()]);
        }
        ExampleRequest::Params { .. } => {
            for (name, value) in flat_params(example) {
                args.extend([format!("--{name}"), value]);
            }
        }
    }
    if meta.region != RegionPolicy::None {
        args.extend(["--region".to_owned(), "ap-guangzhou".to_owned()]);
    }
    args
}

/// What the emulator decoded from a recorded request, as the action's struct: the JSON
/// body (TC3 POST, the CLI's default for API 3.0) or the form body without the common
/// parameters (API 2.0, v1 POST).
fn decoded_request<A: DefinedAction>(request: &emulator::RecordedRequest) -> A {
    match A::META.style {
        ApiStyle::V3 { .. } => emulator::decode_json(&request.body).unwrap(),
        ApiStyle::V2 => {
            let common = [
                names::ACTION,
                names::NONCE,
                names::TIMESTAMP,
                names::REGION,
                names::SECRET_ID,
                names::SIGNATURE_METHOD,
                names::SIGNATURE,
                names::TOKEN,
                names::REQUEST_CLIENT,
            ];
            let params: Vec<(String, String)> = url::form_urlencoded::parse(&request.body)
                .into_owned()
                .filter(|(name, _)| !common.contains(&name.as_str()))
                .collect();
            emulator::decode_flat(params).unwrap()
        }
    }
}

struct Examples<'a> {
    emulator: &'a Emulator,
    failures: Vec<String>,
    runs: usize,
}

impl ActionVisitor for Examples<'_> {
    fn visit<A: DefinedAction>(&mut self) {
        let examples = tc_api_services::examples()
            .into_iter()
            .filter(|example| example.action == A::META.action);
        for example in examples {
            self.runs += 1;
            let what = format!("{} ({})", example.action, example.title);
            let whole: Value = serde_json::from_str(example.response).unwrap();
            let payload = response_payload::<A>(&whole).unwrap();
            let documented: A::Response = serde_json::from_value(Value::Object(payload)).unwrap();
            let expected = serde_json::to_value(&documented).unwrap();

            self.emulator.clear_requests();
            let args = example_args(&A::META, example);
            let args: Vec<&str> = args.iter().map(String::as_str).collect();
            let run = tcapi_at(self.emulator, &args);
            if run.status != Some(0) {
                self.failures.push(format!("{what}: {run:?}"));
                continue;
            }
            let (data, request_id) = split_request_id(run.json());
            if data != expected {
                self.failures
                    .push(format!("{what}: printed {data}, documented {expected}"));
            }
            let recorded = self.emulator.requests();
            let [request] = &recorded[..] else {
                self.failures
                    .push(format!("{what}: {} requests", recorded.len()));
                continue;
            };
            if request.outcome != Outcome::Success || request.request_id != request_id {
                self.failures.push(format!(
                    "{what}: recorded {:?} {:?}, printed RequestId {request_id:?}",
                    request.outcome, request.request_id
                ));
            }
            let sent: A = decoded_request(request);
            let documented_request: A = documented_request(example);
            if sent != documented_request {
                self.failures.push(format!(
                    "{what}: sent {sent:?}, documented {documented_request:?}"
                ));
            }
        }
    }
}

#[test]
fn every_documented_example_succeeds_from_the_command_line() {
    let emulator = seeded();
    let mut examples = Examples {
        emulator: &emulator,
        failures: Vec::new(),
        runs: 0,
    };
    for_each_action(&mut examples);
    assert!(
        examples.failures.is_empty(),
        "{}",
        examples.failures.join("\n")
    );
    assert_eq!(examples.runs, tc_api_services::examples().len());
    assert_eq!(examples.runs, 57);
}

#[test]
fn proxies_from_the_environment_are_bypassed_for_a_loopback_endpoint() {
    // A "proxy" that never answers: a call sent to it would time out. Its backlog keeps
    // every connection tcapi made, counted once tcapi has exited.
    let proxy = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let proxy_url = format!("http://{}", proxy.local_addr().unwrap());
    let mut env = cli_support::demo_env();
    for name in [
        "HTTP_PROXY",
        "http_proxy",
        "HTTPS_PROXY",
        "https_proxy",
        "ALL_PROXY",
        "all_proxy",
    ] {
        env.push((name, proxy_url.clone()));
    }
    let emulator = seeded();
    let run = cli_support::tcapi_at_with(
        &emulator,
        &[&cli_support::RELEASE_CALL[..], &["--timeout", "5"]].concat(),
        &env,
    );
    proxy.set_nonblocking(true).unwrap();
    let proxied = std::iter::from_fn(|| proxy.accept().ok()).count();
    assert_eq!(proxied, 0, "connections to the proxy; tcapi: {run:?}");
    assert_eq!(run.json()["Data"], json!({"Result": true}));
    assert_eq!(emulator.request_count(), 1);
}

#[test]
fn the_answer_is_printed_as_the_cloud_writes_it() {
    let emulator = seeded();
    let run = tcapi_at(&emulator, &cli_support::RELEASE_CALL);
    let printed = run.json();
    let request_id = emulator.requests()[0].request_id.clone().unwrap();
    assert_eq!(
        printed,
        json!({"Data": {"Result": true}, "RequestId": request_id})
    );
    assert!(
        run.stdout
            .trim_end()
            .ends_with(&format!("\"RequestId\": \"{request_id}\"\n}}")),
        "RequestId comes last: {}",
        run.stdout
    );
}

#[test]
fn tables_show_fields_and_lists() {
    let emulator = seeded();
    let run = tcapi_at(
        &emulator,
        &[
            "apigateway",
            "DescribeServicesStatus",
            "--region",
            "ap-guangzhou",
            "--output",
            "table",
        ],
    );
    assert_eq!(run.status, Some(0), "{run:?}");
    let request_id = emulator.requests()[0].request_id.clone().unwrap();
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(
        lines[0].split_whitespace().collect::<Vec<_>>(),
        ["Field", "Value"]
    );
    assert!(
        lines
            .iter()
            .any(|line| line.split_whitespace().collect::<Vec<_>>()
                == ["RequestId", request_id.as_str()]),
        "{}",
        run.stdout
    );
    assert!(
        lines
            .iter()
            .any(|line| line.starts_with("serviceStatusSet (")),
        "{}",
        run.stdout
    );
}

#[test]
fn other_encodings_and_languages_go_through_the_emulator() {
    let emulator = seeded();
    for (sign, method) in [
        ("HmacSHA1", "GET"),
        ("HmacSHA256", "POST"),
        ("TC3-HMAC-SHA256", "GET"),
    ] {
        emulator.clear_requests();
        let run = tcapi_at(
            &emulator,
            &[
                "tcmpp",
                "ReleaseMNPVersion",
                "--MNPVersionId=2597",
                "--PlatformId=T04257DS9431720WTAG",
                "--region=ap-guangzhou",
                "--sign-method",
                sign,
                "--http-method",
                method,
                "--language",
                "en-US",
            ],
        );
        assert_eq!(
            run.json()["Data"],
            json!({"Result": true}),
            "{sign} {method}"
        );
        let request = &emulator.requests()[0];
        assert_eq!(request.method, method);
        assert_eq!(
            request.sign_method.map(|m| m.wire_name()),
            Some(sign),
            "{request:?}"
        );
        assert_eq!(request.region.as_deref(), Some("ap-guangzhou"));
    }
}

#[test]
fn the_region_comes_from_the_environment_when_the_action_takes_one() {
    let emulator = seeded();
    let mut env = cli_support::demo_env();
    env.push(("TENCENTCLOUD_REGION", "ap-shanghai".to_owned()));
    let run = cli_support::tcapi_at_with(
        &emulator,
        &[
            "tcmpp",
            "ReleaseMNPVersion",
            "--MNPVersionId",
            "2597",
            "--PlatformId",
            "T0",
        ],
        &env,
    );
    assert_eq!(run.status, Some(0), "{run:?}");
    assert_eq!(
        emulator.requests()[0].region.as_deref(),
        Some("ap-shanghai")
    );

    // CreatePostpayPackage takes no region: the environment's is not sent.
    let run = cli_support::tcapi_at_with(&emulator, &["tcb", "CreatePostpayPackage"], &env);
    assert_eq!(run.status, Some(0), "{run:?}");
    assert_eq!(emulator.requests()[1].region, None);
    // An explicit --region for it is a mistake, refused before sending.
    let run = cli_support::tcapi_at_with(
        &emulator,
        &["tcb", "CreatePostpayPackage", "--region", "ap-guangzhou"],
        &env,
    );
    assert_eq!(run.error(2)["Code"], "InvalidRequest");
    assert_eq!(emulator.request_count(), 2);
}

#[test]
fn actions_without_a_definition_are_called_by_name() {
    let emulator = seeded();
    let meta = ActionMeta {
        service: "cvm",
        // In neither the registry nor the schema table.
        action: "DescribeZonesPreview",
        style: ApiStyle::V3 {
            version: "2017-03-12",
        },
        host: None,
        region: RegionPolicy::Optional { allowed: &[] },
        rate_limit: None,
        idempotent: true,
    };
    emulator
        .on_json(meta, |params| {
            Ok(json!({"TotalCount": 1, "ZoneSet": [{"Zone": "ap-guangzhou-3"}], "Echo": params}))
        })
        .unwrap();
    let v2 = ActionMeta {
        service: "cvm",
        action: "DescribeInstancesV2",
        style: ApiStyle::V2,
        ..meta
    };
    emulator
        .on_json(v2, |params| Ok(json!({"totalCount": 0, "echo": params})))
        .unwrap();

    let run = tcapi_at(
        &emulator,
        &[
            "cvm",
            "DescribeZonesPreview",
            "--version",
            "2017-03-12",
            "--Product",
            "cvm",
            "--Limit",
            "2",
            "--Filters.0.Name",
            "zone",
        ],
    );
    let (data, request_id) = split_request_id(run.json());
    assert_eq!(
        data,
        json!({
            "TotalCount": 1,
            "ZoneSet": [{"Zone": "ap-guangzhou-3"}],
            "Echo": {"Product": "cvm", "Limit": 2, "Filters": [{"Name": "zone"}]},
        })
    );
    assert_eq!(request_id, emulator.requests()[0].request_id);

    let run = tcapi_at(
        &emulator,
        &["cvm", "DescribeInstancesV2", "--api2", "--offset", "0"],
    );
    let (data, _) = split_request_id(run.json());
    assert_eq!(data["totalCount"], json!(0));
    assert_eq!(
        data["echo"]["offset"],
        json!("0"),
        "flat parameters are text"
    );
    assert_eq!(emulator.requests()[1].path, "/v2/index.php");
}

#[test]
fn a_skeleton_is_a_valid_request() {
    let emulator = seeded();
    for (service, action) in [
        ("tcmpp", "ReleaseMNPVersion"),
        ("apigateway", "CreateApi"),
        ("tcb", "CreatePostpayPackage"),
    ] {
        let run = tcapi(&[service, action, "--generate-cli-skeleton"], &[]);
        let skeleton = run.json();
        let entry = registry::find(service, action, None).unwrap();
        assert_eq!(skeleton, entry.skeleton());
        assert!(skeleton.as_object().is_some_and(|o| !o.is_empty()));

        let dir = TempDir::new();
        let file = dir.write("request.json", &run.stdout);
        let input = format!("file://{}", file.display());
        let mut args = vec![service, action, "--cli-input-json", &input];
        if entry.meta.region != RegionPolicy::None {
            args.extend(["--region", "ap-guangzhou"]);
        }
        let run = tcapi_at(&emulator, &args);
        assert_eq!(run.status, Some(0), "{action}: {run:?}");
    }
}

#[test]
fn list_shows_services_versions_and_actions() {
    let run = tcapi(&["list", "--output", "json"], &[]);
    let services = run.json();
    let apigateway = services
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["Service"] == "apigateway")
        .unwrap();
    // The 45 typed API 2.0 actions, and the API 3.0 version from the schema table.
    assert_eq!(apigateway["Versions"], json!(["2.0", "2018-08-08"]));
    assert_eq!(apigateway["Typed"], json!(45));
    // Every registered action is counted as typed, under its service.
    for service in registry::services() {
        let row = services
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["Service"] == service)
            .unwrap();
        assert_eq!(
            row["Typed"],
            json!(registry::service_actions(service).count()),
            "{service}"
        );
    }

    let run = tcapi(&["list", "tcmpp"], &[]);
    assert_eq!(run.status, Some(0));
    let row = run
        .stdout
        .lines()
        .find(|line| line.starts_with("ReleaseMNPVersion "))
        .unwrap_or_else(|| panic!("{}", run.stdout));
    assert!(row.contains(" 2024-08-01  typed "), "{row}");

    let run = tcapi(&["list"], &[]);
    for service in [
        "apigateway",
        "iotexplorer",
        "tcb",
        "tcmpp",
        "tcsas",
        "cvm",
        "as",
    ] {
        assert!(run.stdout.contains(service), "{}", run.stdout);
    }
}

#[test]
fn help_describes_actions_services_and_options() {
    let run = tcapi(&["apigateway", "CreateApi", "--help"], &[]);
    assert_eq!(run.status, Some(0), "{run:?}");
    assert!(run.stdout.contains("API 2.0"), "{}", run.stdout);
    assert!(run.stdout.contains("--serviceId"), "{}", run.stdout);
    assert!(
        run.stdout.contains("--requestParameters.N.name"),
        "nested parameters as dotted names: {}",
        run.stdout
    );
    let run = tcapi(&["tcmpp", "--help"], &[]);
    assert!(run.stdout.contains("ReleaseMNPVersion"), "{run:?}");
    for args in [&["--help"][..], &[][..]] {
        let run = tcapi(args, &[]);
        assert_eq!(run.status, Some(0));
        for needle in [
            "--cli-input-json",
            "--generate-cli-skeleton",
            "--version",
            "Exit status",
        ] {
            assert!(run.stdout.contains(needle), "{needle}: {}", run.stdout);
        }
    }
}
