//! The registry as a user crate sees it: every `#[tc_action]` of this test binary is
//! found at run time with its parameter schema, without the crate depending on inventory
//! or serde, and JSON parameters are checked against the typed definition.

use serde_json::json;
use tc_api_core::action::default_idempotent;
use tc_api_core::registry::{self, ParamError, Schema, WireSchema};
use tc_api_core::{Action, Empty};
use tc_api_macros::{tc_action, tc_model};

/// Lists things.
///
/// Second paragraph.
#[tc_action(service = "regtest", version = "2021-01-01", region = "optional")]
pub struct DescribeThings {
    /// Page size.
    pub limit: Option<u32>,
    pub filters: Vec<Filter>,
    pub owner: String,
    /// A type nobody described: checked by the typed decode only.
    pub extra: Option<Empty>,
    #[serde(default)]
    pub verbose: bool,
}

#[tc_model]
pub struct DescribeThingsResponse {
    pub total_count: Option<i64>,
}

#[tc_model]
pub struct Filter {
    pub name: String,
    pub values: Vec<String>,
}

/// A tree: a model that contains itself.
#[tc_model]
pub struct Node {
    pub id: i64,
    pub children: Vec<Self>,
}

#[tc_action(service = "regtest", version = "2021-01-01", response = Empty)]
pub struct CreateTree {
    pub root: Node,
}

// A response that is only `Deserialize`: its entry has no typed answer round trip.
#[tc_action(
    service = "regtest",
    version = "2020-06-30",
    response = tc_api_core::__private::serde::de::IgnoredAny
)]
pub struct DescribeThingsOld;

// The macro's idempotency default and the runtime's (used by `call_json`) must agree.
macro_rules! named {
    ($($name:ident),*) => {$(
        #[tc_action(service = "regtest", api2, response = Empty)]
        pub struct $name;
    )*};
}
named!(
    GetX,
    Getaway,
    ListUsers,
    Listen,
    InquiryPriceRenew,
    Inquire,
    Checkout,
    QueryY,
    DeleteX
);

#[test]
fn the_macro_and_the_runtime_agree_on_idempotency() {
    let mut seen = 0;
    for entry in registry::service_actions("regtest") {
        assert_eq!(
            entry.meta.idempotent,
            default_idempotent(entry.meta.action),
            "{}",
            entry.meta.action
        );
        seen += 1;
    }
    assert_eq!(seen, 12);
    const { assert!(GetX::META.idempotent && !Getaway::META.idempotent) };
}

#[test]
fn actions_of_this_crate_are_registered_in_order() {
    // "sts": tc-api-core's own actions (its credential providers call them).
    assert_eq!(registry::services(), ["regtest", "sts", "tcmpp"]);
    let names: Vec<(&str, &str)> = registry::service_actions("regtest")
        .map(|entry| (entry.version_label(), entry.meta.action))
        .take(4)
        .collect();
    assert_eq!(
        names,
        [
            ("2.0", "Checkout"),
            ("2.0", "DeleteX"),
            ("2.0", "GetX"),
            ("2.0", "Getaway")
        ]
    );
    let entry = registry::find("regtest", "DescribeThings", None).unwrap();
    assert_eq!(entry.type_name(), "registry::DescribeThings");
    assert_eq!(entry.doc, "Lists things.\n\nSecond paragraph.");
    assert!(registry::find("regtest", "DescribeThingsOld", Some("2020-06-30")).is_some());
    assert!(registry::find("regtest", "DescribeThingsOld", Some("2021-01-01")).is_none());
    assert!(registry::find("regtest", "Nope", None).is_none());
}

#[test]
fn parameter_schemas_follow_the_definition() {
    let entry = registry::find("regtest", "DescribeThings", None).unwrap();
    let fields: Vec<(&str, bool, String, &str)> = entry
        .params()
        .fields
        .iter()
        .map(|f| (f.name, f.required, f.schema().describe(), f.doc))
        .collect();
    assert_eq!(
        fields,
        [
            ("Limit", false, "Integer".to_owned(), "Page size."),
            ("Filters", false, "Array of Filter".to_owned(), ""),
            ("Owner", true, "String".to_owned(), ""),
            (
                "Extra",
                false,
                "Any".to_owned(),
                "A type nobody described: checked by the typed decode only."
            ),
            ("Verbose", false, "Boolean".to_owned(), ""),
        ]
    );
    assert_eq!(
        entry.skeleton(),
        json!({"Limit": 0, "Filters": [{"Name": "", "Values": [""]}], "Owner": "", "Extra": {}, "Verbose": false})
    );
    let unit = registry::find("regtest", "DescribeThingsOld", None).unwrap();
    assert!(unit.params().fields.is_empty());
    assert_eq!(unit.skeleton(), json!({}));
}

#[test]
fn a_model_that_contains_itself_has_a_finite_schema() {
    let Schema::Object(node) = Node::wire_schema() else {
        panic!("an object");
    };
    assert_eq!(node.fields[1].schema().describe(), "Array of Node");
    let entry = registry::find("regtest", "CreateTree", None).unwrap();
    assert_eq!(
        entry.skeleton(),
        json!({"Root": {"Id": 0, "Children": [{}]}})
    );
    assert!(
        entry
            .check(&json!({"Root": {"Id": 1, "Children": [{"Id": 2, "Children": []}]}}))
            .is_ok()
    );
    let err = entry
        .check(&json!({"Root": {"Id": 1, "Children": [{"Id": "2"}]}}))
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "invalid parameters for CreateTree: parameter Root.Children.0.Id expects Integer; found string \"2\""
    );
}

#[test]
fn checks_report_schema_problems_then_typed_ones() {
    let entry = registry::find("regtest", "DescribeThings", None).unwrap();
    assert!(entry.check(&json!({"Owner": "me"})).is_ok());
    assert!(
        entry
            .check(&json!({"Owner": "me", "Limit": null, "Extra": {"Anything": 1}}))
            .is_ok()
    );
    let err = entry
        .check(&json!({"Limit": "ten", "Filters": [{"Name": "n", "Value": ["v"]}]}))
        .unwrap_err();
    let paths: Vec<String> = err.errors.iter().map(ParamError::path).collect();
    assert_eq!(paths, ["Filters.0.Value", "Limit", "Owner"], "{err}");
    // The schema says Integer; the typed decode knows the field is a u32.
    let err = entry
        .check(&json!({"Owner": "me", "Limit": -1}))
        .unwrap_err();
    assert!(
        matches!(&err.errors[..], [ParamError::Invalid { path, .. }] if path == "Limit"),
        "{err}"
    );
    let err = entry.check(&json!("Owner=me")).unwrap_err();
    assert_eq!(
        err.to_string(),
        "invalid parameters for DescribeThings: the parameters must be a JSON object (DescribeThings); found string"
    );
}

#[test]
fn typed_params_are_what_the_action_sends() {
    let entry = registry::find("regtest", "DescribeThings", None).unwrap();
    let sent = entry
        .typed_params(&json!({"Owner": "me", "Limit": null, "Filters": []}))
        .unwrap();
    // Null is not sent; a list field and a defaulted plain field always are.
    assert_eq!(
        sent,
        json!({"Owner": "me", "Verbose": false, "Filters": []})
    );
    let err = entry
        .typed_params(&json!({"Owner": "me", "Nope": 1}))
        .unwrap_err();
    assert_eq!(err.errors[0].path(), "Nope");
}

#[test]
fn answers_go_through_the_typed_response_when_it_can_be_encoded() {
    let entry = registry::find("regtest", "DescribeThings", None).unwrap();
    let kept = entry
        .typed_answer(json!({"TotalCount": 3, "Unknown": 1}))
        .expect("the response is Serialize");
    assert_eq!(kept.unwrap(), json!({"TotalCount": 3}));
    let err = entry
        .typed_answer(json!({"TotalCount": "three"}))
        .unwrap()
        .unwrap_err();
    assert_eq!(err.path(), "TotalCount");
    let old = registry::find("regtest", "DescribeThingsOld", None).unwrap();
    assert!(old.typed_answer(json!({})).is_none());
}

// A second crate's actions are in the same registry: this one from the tcmpp example.
#[tc_action(service = "tcmpp", version = "2024-08-01")]
pub struct ReleaseMNPVersion {
    #[tc(rename = "MNPVersionId")]
    pub mnp_version_id: i64,
}

#[tc_model]
pub struct ReleaseMNPVersionResponse {}
