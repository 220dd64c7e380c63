use tc_api_macros::{tc_action, tc_model};

#[tc_action(service = "tcsas", version = "2025-01-06", host = "https://tcsas.intl.tencentcloudapi.com")]
pub struct Thing {
    pub platform_id: String,
}

#[tc_model]
pub struct ThingResponse {}

fn main() {
    use tc_api_core::Action;
    let _ = <Thing as Action>::META.service;
}
