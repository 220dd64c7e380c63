//! `tcapi` for the actions it is built without (default features compile no CVM action):
//! help, templates, checks and calls come from the schema table; `list` counts every
//! action; and the table describes exactly the actions the generator defines.

mod cli_support;

use std::collections::BTreeSet;
use std::path::Path;

use cli_support::{TempDir, seeded, split_request_id, tcapi, tcapi_at};
use serde_json::{Value, json};
use tc_api_core::emulator::Emulator;
use tc_api_core::registry::{self, Schema};
use tc_api_core::{ActionMeta, ApiStyle, RegionPolicy};
use tc_api_services::cli::table;

fn v3(service: &'static str, version: &'static str, action: &'static str) -> ActionMeta {
    ActionMeta {
        service,
        action,
        style: ApiStyle::V3 { version },
        host: None,
        region: RegionPolicy::Optional { allowed: &[] },
        rate_limit: None,
        idempotent: true,
    }
}

/// An emulator that answers `action` with the parameters it received.
fn echoing(service: &'static str, version: &'static str, action: &'static str) -> Emulator {
    let emulator = seeded();
    emulator
        .on_json(v3(service, version, action), |params| {
            Ok(json!({"TotalCount": 0, "Echo": params}))
        })
        .unwrap();
    emulator
}

#[test]
fn the_action_is_not_compiled_in() {
    assert!(registry::find("cvm", "DescribeInstances", None).is_none());
    assert!(
        table::service("cvm")
            .unwrap()
            .find("DescribeInstances", None)
            .unwrap()
            .is_some()
    );
}

#[test]
fn help_comes_from_the_table_and_names_the_feature() {
    let run = tcapi(&["cvm", "DescribeInstances", "--help"], &[]);
    assert_eq!(run.status, Some(0), "{run:?}");
    for needle in [
        "cvm DescribeInstances (API 3.0, version 2017-03-12",
        "From the schema table",
        "feature `cvm`",
        "--InstanceIds       Array of String  no",
        "--Filters           Array of Filter  no",
        "--Filters.N.Name    String           yes",
        "--Limit             Integer          no",
    ] {
        assert!(run.stdout.contains(needle), "{needle}:\n{}", run.stdout);
    }
    // Keyed by the wire name; the feature is the module's.
    let run = tcapi(&["as", "DescribeAutoScalingGroups", "--help"], &[]);
    assert_eq!(run.status, Some(0), "{run:?}");
    assert!(
        run.stdout.contains("feature `autoscaling`"),
        "{}",
        run.stdout
    );
    // A service's actions, typed or not.
    let run = tcapi(&["cvm", "--help"], &[]);
    assert!(
        run.stdout.contains("DescribeInstances  ") && run.stdout.contains("table"),
        "{}",
        run.stdout
    );
}

#[test]
fn a_template_is_a_request_the_check_accepts() {
    let run = tcapi(
        &["cvm", "DescribeInstances", "--generate-cli-skeleton"],
        &[],
    );
    let skeleton = run.json();
    assert_eq!(
        skeleton,
        json!({"InstanceIds": [""], "Filters": [{"Name": "", "Values": [""]}], "Offset": 0, "Limit": 0})
    );
    let emulator = echoing("cvm", "2017-03-12", "DescribeInstances");
    let dir = TempDir::new();
    let file = dir.write("request.json", &run.stdout);
    let input = format!("file://{}", file.display());
    let run = tcapi_at(
        &emulator,
        &["cvm", "DescribeInstances", "--cli-input-json", &input],
    );
    let (data, _) = split_request_id(run.json());
    assert_eq!(data["Echo"], skeleton);
}

/// Runs against a seeded emulator, expects a refusal before sending, returns the error.
fn refused(args: &[&str]) -> Value {
    let emulator = seeded();
    let run = tcapi_at(&emulator, args);
    let error = run.error(2);
    assert_eq!(emulator.request_count(), 0, "nothing is sent: {run:?}");
    error
}

#[test]
fn an_unknown_parameter_is_refused_with_the_closest_name() {
    let error = refused(&["cvm", "DescribeInstances", "--Limt", "1"]);
    assert_eq!(error["Code"], "UnknownParameter", "{error}");
    assert_eq!(error["Suggestions"], json!(["Limit"]));
    let message = error["Message"].as_str().unwrap();
    assert!(
        message.contains("unknown parameter Limt: DescribeInstances has no field \"Limt\"")
            && message.contains("did you mean Limit?"),
        "{message}"
    );
    assert_eq!(error["Errors"][0]["Parameter"], "Limt");

    // Nested, by dotted name: the path names the list element.
    let error = refused(&[
        "cvm",
        "DescribeInstances",
        "--Filters.0.Nmae",
        "zone",
        "--Filters.0.Values",
        r#"["ap-guangzhou-3"]"#,
    ]);
    let errors = error["Errors"].as_array().unwrap();
    assert_eq!(errors[0]["Code"], "UnknownParameter", "{error}");
    assert_eq!(errors[0]["Parameter"], "Filters.0.Nmae");
    assert_eq!(errors[0]["Suggestions"], json!(["Name"]));
    assert_eq!(errors[1]["Code"], "MissingParameter");
    assert_eq!(errors[1]["Parameter"], "Filters.0.Name");
    assert_eq!(errors[1]["Expected"], "String");
}

#[test]
fn a_wrongly_typed_parameter_is_refused_with_its_type() {
    let error = refused(&["cvm", "DescribeInstances", "--Limit", "ten"]);
    assert_eq!(error["Code"], "InvalidParameterType", "{error}");
    assert_eq!(
        error["Message"],
        "invalid parameters for DescribeInstances: parameter Limit expects Integer; found string \"ten\""
    );
    assert_eq!(error["Errors"][0]["Parameter"], "Limit");
    assert_eq!(error["Errors"][0]["Expected"], "Integer");

    // A list member of the wrong type, and a model given as a scalar.
    let error = refused(&[
        "cvm",
        "DescribeInstances",
        "--cli-input-json",
        r#"{"InstanceIds": ["ins-1", 2], "Filters": "zone"}"#,
    ]);
    let errors: Vec<(&str, &str)> = error["Errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["Parameter"].as_str().unwrap(),
                e["Expected"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        errors,
        [("Filters", "Array of Filter"), ("InstanceIds.1", "String")]
    );

    // A missing required parameter (of another service, `as`).
    let error = refused(&["as", "AttachInstances", "--InstanceIds", r#"["ins-1"]"#]);
    assert_eq!(error["Code"], "MissingParameter", "{error}");
    assert_eq!(error["Errors"][0]["Parameter"], "AutoScalingGroupId");
}

#[test]
fn the_call_goes_out_with_the_tables_version_and_the_parameters() {
    let emulator = echoing("cvm", "2017-03-12", "DescribeInstances");
    let run = tcapi_at(
        &emulator,
        &[
            "cvm",
            "DescribeInstances",
            "--region",
            "ap-guangzhou",
            "--InstanceIds",
            r#"["ins-1"]"#,
            "--Filters.0.Name",
            "zone",
            "--Filters.0.Values.0",
            "ap-guangzhou-3",
            "--Limit",
            "2",
            "--cli-input-json",
            r#"{"Offset": null}"#,
        ],
    );
    let (data, request_id) = split_request_id(run.json());
    let sent = json!({
        "InstanceIds": ["ins-1"],
        "Filters": [{"Name": "zone", "Values": ["ap-guangzhou-3"]}],
        "Limit": 2,
    });
    assert_eq!(
        data,
        json!({"TotalCount": 0, "Echo": sent}),
        "null members are left out"
    );
    let requests = emulator.requests();
    assert_eq!(requests.len(), 1);
    let request = &requests[0];
    assert_eq!(request.request_id, request_id);
    assert_eq!(request.action.as_deref(), Some("DescribeInstances"));
    assert_eq!(request.version.as_deref(), Some("2017-03-12"));
    assert_eq!(request.region.as_deref(), Some("ap-guangzhou"));
    let body: Value = serde_json::from_slice(&request.body).unwrap();
    assert_eq!(body, sent);
}

#[test]
fn the_newest_version_by_default_and_another_with_version() {
    // cii's DescribeStructCompareData takes TaskId in 2020-12-10, other names in
    // 2021-04-08.
    let error = refused(&["cii", "DescribeStructCompareData", "--TaskId", "t"]);
    assert_eq!(error["Code"], "UnknownParameter", "{error}");

    let run = tcapi(&["cii", "DescribeStructCompareData", "--help"], &[]);
    assert!(
        run.stdout.contains("version 2021-04-08")
            && run.stdout.contains("Also in version 2020-12-10"),
        "{}",
        run.stdout
    );

    let emulator = echoing("cii", "2020-12-10", "DescribeStructCompareData");
    let run = tcapi_at(
        &emulator,
        &[
            "cii",
            "DescribeStructCompareData",
            "--version",
            "2020-12-10",
            "--TaskId",
            "t",
        ],
    );
    let (data, _) = split_request_id(run.json());
    assert_eq!(data["Echo"], json!({"TaskId": "t"}));
    assert_eq!(
        emulator.requests()[0].version.as_deref(),
        Some("2020-12-10")
    );
}

#[test]
fn unknown_actions_of_table_services_get_suggestions() {
    let error = refused(&["cvm", "DescribeInstance"]);
    assert_eq!(error["Code"], "UnknownAction", "{error}");
    assert_eq!(error["Suggestions"][0], "DescribeInstances", "{error}");
    let error = refused(&["cvn", "DescribeInstances"]);
    assert_eq!(error["Code"], "UnknownService", "{error}");
    assert_eq!(error["Suggestions"][0], "cvm", "{error}");
}

#[test]
fn list_counts_every_action() {
    let typed: BTreeSet<(&str, &str, &str)> = registry::actions()
        .iter()
        .map(|e| (e.meta.service, e.version_label(), e.meta.action))
        .collect();
    let mut all = typed.clone();
    for service in table::services() {
        for version in service.versions() {
            for action in &version.actions {
                all.insert((service.name, version.version, action));
            }
        }
    }
    let run = tcapi(&["list", "--output", "json"], &[]);
    let services = run.json();
    let services = services.as_array().unwrap();
    let total: u64 = services
        .iter()
        .map(|s| s["Actions"].as_u64().unwrap())
        .sum();
    let total_typed: u64 = services.iter().map(|s| s["Typed"].as_u64().unwrap()).sum();
    assert_eq!(total as usize, all.len());
    assert_eq!(total_typed as usize, typed.len());
    assert!(all.len() > 16_900, "{}", all.len());
    let cvm = services.iter().find(|s| s["Service"] == "cvm").unwrap();
    let cvm_actions = all.iter().filter(|(s, _, _)| *s == "cvm").count();
    assert_eq!(cvm["Actions"], json!(cvm_actions));
    assert_eq!(cvm["Typed"], json!(0));

    let run = tcapi(&["list"], &[]);
    assert!(
        run.stdout
            .contains(&format!("({} services)", services.len())),
        "{}",
        run.stdout
    );
    let run = tcapi(&["list", "cvm", "--output", "json"], &[]);
    let rows = run.json();
    assert_eq!(rows.as_array().unwrap().len(), cvm_actions);
    assert!(rows.as_array().unwrap().contains(&json!({
        "Action": "DescribeInstances",
        "Version": "2017-03-12",
        "Source": "table",
        "Summary": "",
    })));
}

/// (feature, version, action) of every `#[tc_action]` the generator wrote: the files
/// `src/<feature>/vYYYYMMDD.rs` and `src/<feature>/vYYYYMMDD/generated.rs`.
fn generated_actions() -> BTreeSet<(String, String, String)> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut found = BTreeSet::new();
    for entry in std::fs::read_dir(&src).unwrap() {
        let dir = entry.unwrap().path();
        if !dir.is_dir() {
            continue;
        }
        let feature = dir.file_name().unwrap().to_str().unwrap().to_owned();
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            let file = if path.is_dir() {
                path.join("generated.rs")
            } else {
                path
            };
            let Ok(text) = std::fs::read_to_string(&file) else {
                continue;
            };
            let mut attribute: Option<String> = None;
            for line in text.lines() {
                if line.starts_with("#[tc_action(") {
                    attribute = Some(String::new());
                }
                if let Some(text) = attribute.as_mut() {
                    text.push_str(line);
                }
                if let (Some(text), Some(rest)) = (&attribute, line.strip_prefix("pub struct ")) {
                    let version = text
                        .split("version = \"")
                        .nth(1)
                        .and_then(|rest| rest.split('"').next())
                        .unwrap()
                        .to_owned();
                    let name: String = rest
                        .chars()
                        .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                        .collect();
                    found.insert((feature.clone(), version, name));
                    attribute = None;
                }
            }
        }
    }
    found
}

#[test]
fn the_table_describes_exactly_the_generated_actions() {
    let generated = generated_actions();
    assert!(generated.len() > 16_800, "{}", generated.len());
    let mut tabled = BTreeSet::new();
    for service in table::services() {
        for version in service.versions() {
            for action in &version.actions {
                tabled.insert((
                    service.feature.to_owned(),
                    version.version.to_owned(),
                    (*action).to_owned(),
                ));
            }
        }
    }
    // The table also has the hand-written API 3.0 actions the metadata lists.
    let hand_written: BTreeSet<(String, String, String)> = registry::actions()
        .iter()
        .filter(|e| e.meta.version().is_some())
        .map(|e| {
            let feature = e.type_name().split("::").nth(1).unwrap().to_owned();
            (
                feature,
                e.version_label().to_owned(),
                e.meta.action.to_owned(),
            )
        })
        .collect();
    let only_generated: Vec<_> = generated.difference(&tabled).collect();
    assert!(
        only_generated.is_empty(),
        "not in the table: {only_generated:?}"
    );
    let only_tabled: Vec<_> = tabled
        .difference(&generated)
        .filter(|action| !hand_written.contains(*action))
        .collect();
    assert!(only_tabled.is_empty(), "not generated: {only_tabled:?}");
}

/// Where the table and a typed definition describe the same action, the typed
/// parameters are in the table with the same types (the typed definition is the one
/// used). Presence may differ: the hand-written definitions follow their source
/// documents (tcsas's `MNPId` is optional there, required in the metadata), and
/// tc-api-core's STS definitions leave out parameters its credential providers never
/// send.
#[test]
fn typed_definitions_and_the_table_agree_where_both_exist() {
    let mut compared = 0;
    for entry in registry::actions() {
        let Some(version) = entry.meta.version() else {
            continue;
        };
        let Some(service) = table::service(entry.meta.service) else {
            continue;
        };
        let Some(action) = service.find(entry.meta.action, Some(version)).unwrap() else {
            continue;
        };
        let describe = |schema: Schema| -> Vec<(String, String)> {
            schema
                .fields()
                .unwrap()
                .iter()
                .map(|f| (f.name.to_owned(), f.schema.describe()))
                .collect()
        };
        let tabled = describe(Schema::Built(action.params));
        // `Any` is a typed field the schema cannot describe (a secret string).
        let missing: Vec<_> = describe(Schema::Object(entry.params()))
            .into_iter()
            .filter(|(name, kind)| {
                !tabled
                    .iter()
                    .any(|(n, k)| n == name && (k == kind || kind == "Any"))
            })
            .collect();
        assert!(
            missing.is_empty(),
            "{} {}: {missing:?} not in {tabled:?}",
            entry.meta.service,
            entry.meta.action
        );
        compared += 1;
    }
    assert!(compared >= 5, "{compared}");
}
