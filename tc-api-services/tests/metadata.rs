//! The action metadata matches the documents: which actions exist, where they go, how
//! fast they may be called, and which error codes they document. Also keeps the README
//! table of actions in step with the definitions.

mod common;

use tc_api_core::{Action, ActionMeta, ApiStyle, ErrorCode, RegionPolicy};
use tc_api_services::apigateway::v2 as gw;
use tc_api_services::{iotexplorer, tcb, tcmpp, tcsas};

macro_rules! names {
    ($($action:path),* $(,)?) => {
        fn listed_actions() -> Vec<&'static str> {
            vec![$(<$action as Action>::META.action),*]
        }
    };
}
with_all_actions!(names);

#[test]
fn the_test_list_of_actions_is_the_crates_list() {
    let crate_list: Vec<&str> = tc_api_services::actions()
        .iter()
        .map(|m| m.action)
        .collect();
    assert_eq!(listed_actions(), crate_list);
}

/// The 45 actions of the API Gateway 2.0 guide, in its order (checked by hand against the
/// "This API (Name)" line of each action page).
const GUIDE_ACTIONS: [&str; 45] = [
    "ModifyApi",
    "DeleteApi",
    "DescribeApi",
    "DescribeApisStatus",
    "RunApi",
    "CreateApi",
    "DescribeApiUsagePlan",
    "UnReleaseService",
    "ModifyService",
    "UpdateService",
    "CreateService",
    "DeleteService",
    "DeleteServiceSubDomainMapping",
    "ReleaseService",
    "ModifySubDomain",
    "BindSubDomain",
    "UnBindSubDomain",
    "DescribeServiceUsagePlan",
    "DescribeServicesStatus",
    "DescribeServiceReleaseVersion",
    "DescribeServiceEnvironmentList",
    "DescribeServiceEnvironmentReleaseHistory",
    "DescribeService",
    "DescribeServiceSubDomains",
    "DescribeServiceSubDomainMappings",
    "CreateApiKey",
    "DeleteApiKey",
    "EnableApiKey",
    "UpdateApiKey",
    "DescribeApiKeysStatus",
    "DescribeApiKey",
    "DisableApiKey",
    "UnBindEnvironment",
    "BindSecretIds",
    "UnBindSecretIds",
    "ModifyUsagePlan",
    "CreateUsagePlan",
    "DeleteUsagePlan",
    "DescribeUsagePlansStatus",
    "DescribeUsagePlanSecretIds",
    "DescribeUsagePlanEnvironments",
    "DescribeUsagePlan",
    "BindEnvironment",
    "DemoteServiceUsagePlan",
    "GenerateApiDocument",
];

#[test]
fn api_gateway_defines_exactly_the_45_actions_of_the_guide() {
    let defined: Vec<&str> = gw::ACTIONS.iter().map(|meta| meta.action).collect();
    assert_eq!(defined, GUIDE_ACTIONS);
    for meta in gw::ACTIONS {
        assert_eq!(meta.service, "apigateway");
        assert_eq!(meta.style, ApiStyle::V2);
        assert_eq!(meta.host, None);
        // The guide documents no per-action region restriction and no rate limit.
        assert_eq!(
            meta.region,
            RegionPolicy::Required { allowed: &[] },
            "{}",
            meta.action
        );
        assert_eq!(meta.rate_limit, None, "{}", meta.action);
        assert_eq!(
            meta.idempotent,
            meta.action.starts_with("Describe"),
            "{}: only the Describe actions are safe to repeat",
            meta.action
        );
    }
}

#[test]
fn api3_metadata_matches_the_documents() {
    let release = tcmpp::v20240801::ReleaseMNPVersion::META;
    assert_eq!(release.service, "tcmpp");
    assert_eq!(
        release.style,
        ApiStyle::V3 {
            version: "2024-08-01"
        }
    );
    assert_eq!(release.region, RegionPolicy::Required { allowed: &[] });
    assert_eq!(release.rate_limit.map(|n| n.get()), Some(20));
    assert_eq!(release.host, None);
    assert!(!release.idempotent);

    let package = tcb::v20180608::CreatePostpayPackage::META;
    assert_eq!(package.service, "tcb");
    assert_eq!(
        package.style,
        ApiStyle::V3 {
            version: "2018-06-08"
        }
    );
    assert_eq!(package.region, RegionPolicy::None);
    assert_eq!(package.rate_limit.map(|n| n.get()), Some(2));
    assert!(!package.idempotent);

    let batch = iotexplorer::v20190423::DescribeBatchProduction::META;
    assert_eq!(batch.service, "iotexplorer");
    assert_eq!(
        batch.style,
        ApiStyle::V3 {
            version: "2019-04-23"
        }
    );
    assert_eq!(
        batch.region,
        RegionPolicy::Required {
            allowed: iotexplorer::v20190423::BATCH_PRODUCTION_REGIONS
        }
    );
    assert_eq!(iotexplorer::v20190423::BATCH_PRODUCTION_REGIONS.len(), 6);
    assert_eq!(batch.rate_limit.map(|n| n.get()), Some(20));
    assert!(batch.idempotent);

    let card = tcsas::v20250106::DescribeMNPMAUMetricCard::META;
    assert_eq!(card.service, "tcsas");
    assert_eq!(
        card.style,
        ApiStyle::V3 {
            version: "2025-01-06"
        }
    );
    assert_eq!(card.host, Some("tcsas.intl.tencentcloudapi.com"));
    assert_eq!(card.region, RegionPolicy::Required { allowed: &[] });
    assert_eq!(card.rate_limit.map(|n| n.get()), Some(20));
    assert!(card.idempotent);
}

#[test]
fn create_postpay_package_needs_no_parameter() {
    let request = tcb::v20180608::CreatePostpayPackage::default();
    assert_eq!(serde_json::to_string(&request).unwrap(), "{}");
}

/// Checks that every documented code parses to a named variant and prints back unchanged,
/// and that an undocumented code is kept verbatim.
fn documented_codes<E: ErrorCode + PartialEq>(codes: &[&str]) {
    let mut seen = Vec::new();
    for code in codes {
        let parsed = E::from_code(code);
        assert_eq!(parsed.as_code(), *code);
        let unknown = E::from_code(&format!("{code}.NotDocumented"));
        assert_ne!(parsed, unknown, "{code} has no variant of its own");
        assert!(
            !seen.contains(&format!("{parsed:?}")),
            "{code} shares a variant"
        );
        seen.push(format!("{parsed:?}"));
    }
    assert_eq!(E::from_code("Some.Other.Code").as_code(), "Some.Other.Code");
}

#[test]
fn every_documented_error_code_is_a_variant() {
    documented_codes::<<tcmpp::v20240801::ReleaseMNPVersion as Action>::ErrorCode>(&[
        "FailedOperation",
        "FailedOperation.MNPReleaseNumberExceedLimit",
        "FailedOperation.MNPVersionReleased",
        "FailedOperation.OnlyReleasePlatformApprovedMNPVersion",
        "FailedOperation.PackageAlreadyExpired",
        "FailedOperation.ReleaseMNPVersionNeedGreaterThanOnlineVersion",
        "InternalError",
        "InvalidParameter",
        "InvalidParameterValue",
        "InvalidParameterValue.InvalidMNPVersionId",
        "InvalidParameterValue.InvalidPlatformId",
        "MissingParameter",
    ]);
    documented_codes::<<tcb::v20180608::CreatePostpayPackage as Action>::ErrorCode>(&[
        "FailedOperation.PlatformError",
        "InternalError",
        "LimitExceeded",
        "MissingParameter",
        "ResourceNotFound",
        "ResourceUnavailable.BalanceNotEnough",
    ]);
    documented_codes::<<iotexplorer::v20190423::DescribeBatchProduction as Action>::ErrorCode>(&[
        "InternalError",
        "InternalError.DBOpertaionError",
        "InternalError.InternalServerException",
        "InvalidParameter",
        "ResourceNotFound.BatchProductionNotExist",
        "ResourceNotFound.StudioProductNotExist",
        "UnauthorizedOperation.NoPermissionToProject",
        "UnauthorizedOperation.NoPermissionToStudioProduct",
        "UnsupportedOperation.InstanceIsolated",
    ]);
    documented_codes::<<tcsas::v20250106::DescribeMNPMAUMetricCard as Action>::ErrorCode>(&[
        "FailedOperation.PackageAlreadyExpired",
        "InvalidParameter",
        "InvalidParameterValue",
    ]);
    documented_codes::<tc_api_core::error::V2Code>(&[
        "4000", "4100", "4101", "4102", "4103", "4104", "4110", "4200", "4300", "4400", "4500",
        "4600", "5000", "5100", "5200", "5300", "5400", "5500", "6000", "6100", "6200",
    ]);
}

#[test]
fn api_gateway_actions_use_the_api2_error_codes() {
    use std::any::TypeId;
    macro_rules! codes {
        ($($action:path),* $(,)?) => {
            vec![$((<$action as Action>::META, TypeId::of::<<$action as Action>::ErrorCode>())),*]
        };
    }
    let all: Vec<(ActionMeta, TypeId)> = with_all_actions!(codes);
    for (meta, codes) in all {
        if meta.style == ApiStyle::V2 {
            assert_eq!(
                codes,
                TypeId::of::<tc_api_core::error::V2Code>(),
                "{}",
                meta.action
            );
        } else {
            assert_ne!(
                codes,
                TypeId::of::<tc_api_core::CommonErrorCode>(),
                "{}",
                meta.action
            );
        }
    }
}

const README: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/README.md");
const TABLE_BEGIN: &str =
    "<!-- actions table: generated from the definitions by tests/metadata.rs -->\n";
const TABLE_END: &str = "<!-- end of actions table -->";

fn region_rule(policy: RegionPolicy) -> String {
    match policy {
        RegionPolicy::Required { allowed: [] } => "required".into(),
        RegionPolicy::Required { allowed } => format!("required, one of {}", allowed.join(", ")),
        RegionPolicy::Optional { allowed: [] } => "optional".into(),
        RegionPolicy::Optional { allowed } => format!("optional, one of {}", allowed.join(", ")),
        RegionPolicy::None => "none (no region sent)".into(),
    }
}

fn actions_table() -> String {
    let mut table = String::from(
        "| Service | Version | Action | Region | Rate limit (requests/s) | Host |\n|---|---|---|---|---|---|\n",
    );
    for meta in tc_api_services::actions() {
        let version = meta.version().unwrap_or("none (API 2.0)");
        let rate = meta
            .rate_limit
            .map_or_else(|| "not documented".to_owned(), |n| n.get().to_string());
        let host = meta.host.map_or_else(
            || match meta.style {
                ApiStyle::V3 { .. } => format!("{}.tencentcloudapi.com", meta.service),
                ApiStyle::V2 => format!("{}.api.qcloud.com", meta.service),
            },
            str::to_owned,
        );
        table.push_str(&format!(
            "| {} | {} | {} | {} | {} | {} |\n",
            meta.service,
            version,
            meta.action,
            region_rule(meta.region),
            rate,
            host
        ));
    }
    table
}

#[test]
fn readme_table_lists_every_action_as_defined() {
    let readme = std::fs::read_to_string(README).expect("README.md is readable");
    let start = readme
        .find(TABLE_BEGIN)
        .expect("README has the table marker")
        + TABLE_BEGIN.len();
    let end = readme[start..]
        .find(TABLE_END)
        .expect("README has the end marker")
        + start;
    let expected = actions_table();
    if readme[start..end] != expected {
        if std::env::var_os("TC_API_BLESS").is_some() {
            let updated = format!("{}{expected}{}", &readme[..start], &readme[end..]);
            std::fs::write(README, updated).expect("README.md is writable");
            return;
        }
        panic!(
            "README.md's action table is out of date; rerun with TC_API_BLESS=1 to rewrite it. \
             Expected:\n{expected}"
        );
    }
}
