//! `#[tc_action]` as a user crate sees it: the JSON a request becomes, the request decoded
//! back (as the emulator does), the flattened parameters, and `Action::META`.
//!
//! This crate has no serde dependency: that all of this compiles is itself a test.

use serde_json::{Value, json};
use tc_api_core::sign::flatten::to_params;
use tc_api_core::{Action, ApiStyle, CommonErrorCode, Empty, RegionPolicy};
use tc_api_macros::{tc_action, tc_model};

/// Read at run time (a constant in `assert!` is a lint).
fn idempotent<A: Action>() -> bool {
    A::META.idempotent
}

fn to_json<T: Action>(action: &T) -> Value {
    let text = tc_api_core::__private::serde_json::to_string(action).unwrap();
    serde_json::from_str(&text).unwrap()
}

/// Releases a mini program version.
#[tc_action(service = "tcmpp", version = "2024-08-01", rate_limit = 20)]
#[derive(Debug, Clone, PartialEq)]
pub struct ReleaseMNPVersion {
    #[tc(rename = "MNPVersionId")]
    pub mnp_version_id: i64,
    pub platform_id: String,
}

#[tc_model]
#[derive(Debug, PartialEq)]
pub struct ReleaseMNPVersionResponse {
    pub data: Option<BooleanInfo>,
}

#[tc_model]
#[derive(Debug, Clone, PartialEq)]
pub struct BooleanInfo {
    pub result: bool,
}

#[test]
fn the_team_example_encodes_with_documented_names() {
    let request = ReleaseMNPVersion {
        mnp_version_id: 2597,
        platform_id: "T04257DS9431720WTAG".into(),
    };
    assert_eq!(
        to_json(&request),
        json!({"MNPVersionId": 2597, "PlatformId": "T04257DS9431720WTAG"})
    );
    let decoded: ReleaseMNPVersion =
        serde_json::from_str(r#"{"MNPVersionId": 2597, "PlatformId": "T04257DS9431720WTAG"}"#)
            .unwrap();
    assert_eq!(decoded, request);
}

#[test]
fn the_team_example_has_its_metadata() {
    let meta = ReleaseMNPVersion::META;
    assert_eq!(meta.service, "tcmpp");
    assert_eq!(meta.action, "ReleaseMNPVersion");
    assert_eq!(
        meta.style,
        ApiStyle::V3 {
            version: "2024-08-01"
        }
    );
    assert_eq!(meta.version(), Some("2024-08-01"));
    assert_eq!(meta.host, None);
    assert_eq!(meta.region, RegionPolicy::Required { allowed: &[] });
    assert_eq!(meta.rate_limit.map(|limit| limit.get()), Some(20));
    assert!(!meta.idempotent, "Release... is not a read-only verb");
    fn response_of<A: Action>() -> std::any::TypeId {
        std::any::TypeId::of::<A::Response>()
    }
    fn errors_of<A: Action>() -> std::any::TypeId {
        std::any::TypeId::of::<A::ErrorCode>()
    }
    assert_eq!(
        response_of::<ReleaseMNPVersion>(),
        std::any::TypeId::of::<ReleaseMNPVersionResponse>()
    );
    assert_eq!(
        errors_of::<ReleaseMNPVersion>(),
        std::any::TypeId::of::<CommonErrorCode>()
    );
}

/// An action without parameters.
#[tc_action(service = "cvm", version = "2017-03-12", region = "optional", response = Empty)]
#[derive(Debug, PartialEq)]
pub struct DescribeRegions;

#[test]
fn a_unit_struct_is_an_empty_object() {
    assert_eq!(to_json(&DescribeRegions), json!({}));
    assert_eq!(
        to_params(&DescribeRegions).unwrap(),
        Vec::<(String, String)>::new()
    );
    let decoded: DescribeRegions = serde_json::from_str(r#"{"Ignored": 1}"#).unwrap();
    assert_eq!(decoded, DescribeRegions);
    assert!(serde_json::from_str::<DescribeRegions>("42").is_err());
    assert_eq!(
        DescribeRegions::META.region,
        RegionPolicy::Optional { allowed: &[] }
    );
    assert!(idempotent::<DescribeRegions>());
    let _default: DescribeRegions = Default::default();
}

tc_api_core::error_codes! {
    /// Errors of DescribeInstances.
    pub enum DescribeInstancesError {
        /// No such instance.
        InstanceNotFound = "InvalidInstanceId.NotFound",
    }
}

#[tc_model]
#[derive(Debug, Clone, PartialEq)]
pub struct Filter {
    pub name: String,
    pub values: Vec<String>,
}

#[tc_model]
#[derive(Debug, Clone, PartialEq)]
pub struct Placement {
    pub zone: String,
    pub project_id: Option<i64>,
}

/// Option, Vec, a nested struct and a Vec of structs.
#[tc_action(
    service = "cvm",
    version = "2017-03-12",
    action = "DescribeInstances",
    response = Instances,
    errors = DescribeInstancesError,
    host = "cvm.ap-guangzhou.tencentcloudapi.com",
    regions = ["ap-guangzhou", "ap-shanghai-fsi"],
    idempotent = false,
)]
#[derive(Debug, Clone, PartialEq)]
pub struct ListThem {
    pub instance_ids: Vec<String>,
    pub filters: Vec<Filter>,
    pub placement: Option<Placement>,
    pub offset: Option<i64>,
    pub limit: i64,
    pub r#type: Option<String>,
}

#[tc_model]
pub struct Instances {
    pub total_count: u64,
}

#[test]
fn nested_fields_encode_and_decode() {
    let request = ListThem {
        instance_ids: vec!["ins-1".into(), "ins-2".into()],
        filters: vec![Filter {
            name: "zone".into(),
            values: vec!["ap-guangzhou-3".into()],
        }],
        placement: Some(Placement {
            zone: "ap-guangzhou-3".into(),
            project_id: None,
        }),
        offset: None,
        limit: 20,
        r#type: Some("SA2".into()),
    };
    let expected = json!({
        "InstanceIds": ["ins-1", "ins-2"],
        "Filters": [{"Name": "zone", "Values": ["ap-guangzhou-3"]}],
        "Placement": {"Zone": "ap-guangzhou-3"},
        "Limit": 20,
        "Type": "SA2",
    });
    assert_eq!(to_json(&request), expected);
    let decoded: ListThem = serde_json::from_value(expected).unwrap();
    assert_eq!(decoded, request);

    let params = to_params(&request).unwrap();
    let params: Vec<(&str, &str)> = params
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    assert_eq!(
        params,
        [
            ("Filters.0.Name", "zone"),
            ("Filters.0.Values.0", "ap-guangzhou-3"),
            ("InstanceIds.0", "ins-1"),
            ("InstanceIds.1", "ins-2"),
            ("Limit", "20"),
            ("Placement.Zone", "ap-guangzhou-3"),
            ("Type", "SA2"),
        ]
    );
}

/// A `Vec` is a required list: written even when empty, as services expect; `None` is
/// omitted. Flattened, an empty list has no `Name.N` pairs at all.
#[test]
fn empty_lists_are_written_none_is_omitted_and_both_decode_back() {
    let request = ListThem {
        instance_ids: vec![],
        filters: vec![],
        placement: None,
        offset: None,
        limit: 1,
        r#type: None,
    };
    assert_eq!(
        to_json(&request),
        json!({"InstanceIds": [], "Filters": [], "Limit": 1})
    );
    let text = tc_api_core::__private::serde_json::to_string(&request).unwrap();
    assert!(text.contains(r#""InstanceIds":[]"#), "{text}");
    assert_eq!(
        to_params(&request).unwrap(),
        [("Limit".to_owned(), "1".to_owned())]
    );
    let decoded: ListThem = serde_json::from_str(r#"{"Limit": 1, "Offset": null}"#).unwrap();
    assert_eq!(decoded, request);
    let decoded: ListThem = serde_json::from_value(to_json(&request)).unwrap();
    assert_eq!(decoded, request);
    let missing = serde_json::from_str::<ListThem>("{}").unwrap_err();
    assert!(
        missing.to_string().contains("missing field `Limit`"),
        "{missing}"
    );
}

#[test]
fn every_option_reaches_meta() {
    let meta = ListThem::META;
    assert_eq!(meta.action, "DescribeInstances");
    assert_eq!(meta.host, Some("cvm.ap-guangzhou.tencentcloudapi.com"));
    assert_eq!(
        meta.region,
        RegionPolicy::Required {
            allowed: &["ap-guangzhou", "ap-shanghai-fsi"]
        }
    );
    assert_eq!(meta.rate_limit, None);
    assert!(
        !meta.idempotent,
        "idempotent = false overrides the Describe prefix"
    );
    let code = <ListThem as Action>::ErrorCode::from_code("InvalidInstanceId.NotFound");
    assert_eq!(code, DescribeInstancesError::InstanceNotFound);
    use tc_api_core::ErrorCode as _;
}

/// All thirteen parameters of CreatePostpayPackage are optional: Default is derived.
#[tc_action(service = "tcb", version = "2018-06-08", region = "none")]
#[derive(Debug, PartialEq)]
pub struct CreatePostpayPackage {
    pub env_id: Option<String>,
    pub wx_app_id: Option<String>,
    pub free_quota: Option<String>,
    pub tags: Vec<String>,
}

#[tc_model]
pub struct CreatePostpayPackageResponse {
    pub tran_id: String,
    pub env_id: Option<String>,
}

#[test]
fn all_optional_structs_get_default() {
    let request = CreatePostpayPackage {
        wx_app_id: Some("wx1".into()),
        ..Default::default()
    };
    assert_eq!(to_json(&request), json!({"WxAppId": "wx1", "Tags": []}));
    assert_eq!(CreatePostpayPackage::META.region, RegionPolicy::None);
    assert!(!idempotent::<CreatePostpayPackage>());
}

/// A struct that derives Default itself keeps its own derive (no conflict).
#[tc_action(service = "cvm", version = "2017-03-12", response = Empty)]
#[derive(Default)]
pub struct DescribeZones {
    pub zone: Option<String>,
}

#[test]
fn a_users_own_default_derive_is_kept() {
    assert_eq!(to_json(&DescribeZones::default()), json!({}));
}

/// API 2.0: camelCase names; `secretId` and `language` are ordinary parameters there.
#[tc_action(service = "apigateway", api2, region = "optional")]
#[derive(Debug, PartialEq)]
pub struct DescribeApiKey {
    pub secret_id: String,
    pub language: Option<String>,
    pub request_parameters: Vec<RequestParameter>,
    #[tc(rename = "documentURL")]
    pub document_url: Option<String>,
}

#[tc_model(api2)]
#[derive(Debug, PartialEq)]
pub struct RequestParameter {
    pub name: String,
    pub default_value: Option<String>,
}

#[tc_model(api2)]
pub struct DescribeApiKeyResponse {
    pub secret_id: String,
    pub secret_name: Option<String>,
}

#[test]
fn api2_uses_camel_case_and_no_version() {
    let request = DescribeApiKey {
        secret_id: "AKID1".into(),
        language: None,
        request_parameters: vec![RequestParameter {
            name: "p".into(),
            default_value: Some("1".into()),
        }],
        document_url: Some("https://example.invalid".into()),
    };
    assert_eq!(
        to_json(&request),
        json!({
            "secretId": "AKID1",
            "requestParameters": [{"name": "p", "defaultValue": "1"}],
            "documentURL": "https://example.invalid",
        })
    );
    let params = to_params(&request).unwrap();
    assert!(params.contains(&("requestParameters.0.defaultValue".into(), "1".into())));
    assert_eq!(DescribeApiKey::META.style, ApiStyle::V2);
    assert_eq!(DescribeApiKey::META.version(), None);
    assert!(idempotent::<DescribeApiKey>());
}

/// Business parameters that share a common parameter's name (trtc TextToSpeech's
/// `Language`, cfs's `SecretId`) compile with `shadows_common` and go on the wire under
/// that name.
#[tc_action(service = "trtc", version = "2019-07-22", response = Empty)]
#[derive(Debug, PartialEq)]
pub struct TextToSpeech {
    pub text: String,
    #[tc(rename = "Language", shadows_common)]
    pub language: Option<String>,
    #[tc(shadows_common)]
    pub secret_id: String,
}

#[test]
fn shadowing_fields_use_their_wire_names() {
    let request = TextToSpeech {
        text: "hi".into(),
        language: Some("en".into()),
        secret_id: "s-1".into(),
    };
    let expected = json!({"Text": "hi", "Language": "en", "SecretId": "s-1"});
    assert_eq!(to_json(&request), expected);
    let decoded: TextToSpeech = serde_json::from_value(expected).unwrap();
    assert_eq!(decoded, request);
    let params = to_params(&request).unwrap();
    assert!(
        params.contains(&("Language".into(), "en".into())),
        "{params:?}"
    );
    assert!(
        params.contains(&("SecretId".into(), "s-1".into())),
        "{params:?}"
    );
}

/// Read-only prefixes make an action idempotent by default.
macro_rules! idempotent_case {
    ($name:ident) => {
        #[tc_action(service = "cvm", version = "2017-03-12", response = Empty)]
        pub struct $name;
    };
}
idempotent_case!(GetThing);
idempotent_case!(ListThings);
idempotent_case!(QueryThing);
idempotent_case!(CheckThing);
idempotent_case!(InquirePriceRunInstances);
idempotent_case!(InquiryPriceRenew);
idempotent_case!(Getaway);
idempotent_case!(DeleteThing);

#[test]
fn idempotent_defaults_follow_the_verb() {
    assert!(idempotent::<GetThing>());
    assert!(idempotent::<ListThings>());
    assert!(idempotent::<QueryThing>());
    assert!(idempotent::<CheckThing>());
    assert!(idempotent::<InquirePriceRunInstances>());
    assert!(idempotent::<InquiryPriceRenew>());
    assert!(!idempotent::<Getaway>(), "a prefix must end a word");
    assert!(!idempotent::<DeleteThing>());
}
