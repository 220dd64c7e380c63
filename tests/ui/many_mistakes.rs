use tc_api_macros::{tc_action, tc_model};

#[tc_action(service = "CVM", version = "2017-13-01", rate_limit = 0, regions = ["ap"], colour = "red")]
pub struct Thing {
    pub region: String,
    #[tc(rename = "instanceId")]
    pub instance_id: String,
}

#[tc_model]
pub struct ThingResponse {}

fn main() {
    use tc_api_core::Action;
    let _ = <Thing as Action>::META.service;
}
