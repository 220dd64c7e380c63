use tc_api_core::Action;
use tc_api_macros::{tc_action, tc_model};

/// Releases a mini program version.
#[tc_action(service = "tcmpp", version = "2024-08-01", rate_limit = 20)]
pub struct ReleaseMNPVersion {
    #[tc(rename = "MNPVersionId")]
    pub mnp_version_id: i64,
    pub platform_id: String,
}

#[tc_model]
pub struct ReleaseMNPVersionResponse {
    pub data: Option<BooleanInfo>,
}

#[tc_model]
pub struct BooleanInfo {
    pub result: bool,
}

#[test]
fn smoke() {
    let json = serde_json::to_string(&ReleaseMNPVersion {
        mnp_version_id: 2597,
        platform_id: "T0".into(),
    })
    .unwrap();
    assert_eq!(json, r#"{"MNPVersionId":2597,"PlatformId":"T0"}"#);
    assert_eq!(ReleaseMNPVersion::META.rate_limit.unwrap().get(), 20);
}
