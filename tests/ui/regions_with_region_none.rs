use tc_api_macros::{tc_action, tc_model};

#[tc_action(service = "tcb", version = "2018-06-08", region = "none", regions = ["ap-guangzhou"])]
pub struct Thing {
    pub env_id: Option<String>,
}

#[tc_model]
pub struct ThingResponse {}

fn main() {
    use tc_api_core::Action;
    let _ = <Thing as Action>::META.service;
}
