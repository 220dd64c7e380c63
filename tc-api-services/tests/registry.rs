//! The registry `#[tc_action]` fills holds every action of this crate, with parameter
//! schemas that match the definitions.

use serde_json::json;
use tc_api_core::registry::{self, ParamError};

#[test]
fn the_registry_holds_exactly_the_crates_actions() {
    // tc-api-core registers actions of its own (the STS actions of its credential providers).
    let mut registered: Vec<_> = registry::actions()
        .iter()
        .filter(|entry| entry.type_name().starts_with("tc_api_services::"))
        .map(|entry| entry.meta)
        .collect();
    let mut listed = tc_api_services::actions();
    let key = |meta: &tc_api_core::ActionMeta| (meta.service, meta.version(), meta.action);
    registered.sort_by_key(key);
    listed.sort_by_key(key);
    assert_eq!(registered, listed);
    assert_eq!(registered.len(), 49);
}

#[test]
fn entries_know_their_type_doc_and_parameters() {
    let entry = registry::find("tcmpp", "ReleaseMNPVersion", None).expect("registered");
    assert_eq!(
        entry.type_name(),
        "tc_api_services::tcmpp::v20240801::seeded::ReleaseMNPVersion"
    );
    assert_eq!(entry.version_label(), "2024-08-01");
    assert!(
        entry
            .doc
            .starts_with("Publishes an approved mini program version"),
        "{}",
        entry.doc
    );
    let params = entry.params();
    let fields: Vec<(&str, bool, String)> = params
        .fields
        .iter()
        .map(|field| (field.name, field.required, field.schema().describe()))
        .collect();
    assert_eq!(
        fields,
        [
            ("MNPVersionId", true, "Integer".to_owned()),
            ("PlatformId", true, "String".to_owned()),
        ]
    );
    assert_eq!(
        params.fields[0].doc,
        "Identifier of the mini program version to publish."
    );
    assert_eq!(
        entry.skeleton(),
        json!({"MNPVersionId": 0, "PlatformId": ""})
    );
}

#[test]
fn checks_use_the_typed_definition() {
    let entry = registry::find("tcmpp", "ReleaseMNPVersion", Some("2024-08-01")).unwrap();
    assert!(
        entry
            .check(&json!({"MNPVersionId": 2597, "PlatformId": "T1"}))
            .is_ok()
    );
    let err = entry
        .check(&json!({"MNPVersionID": 2597, "PlatformId": 5}))
        .unwrap_err();
    assert_eq!(err.action, "ReleaseMNPVersion");
    assert!(
        matches!(
            &err.errors[..],
            [
                ParamError::Unknown { .. },
                ParamError::WrongType { .. },
                ParamError::Missing { .. }
            ]
        ),
        "{err}"
    );
    assert!(registry::find("tcmpp", "ReleaseMNPVersion", Some("2020-01-01")).is_none());
    assert!(registry::find("apigateway", "DescribeService", Some("2.0")).is_some());
}
