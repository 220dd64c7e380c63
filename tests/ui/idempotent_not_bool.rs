use tc_api_macros::{tc_action, tc_model};

#[tc_action(service = "cvm", version = "2017-03-12", idempotent = "yes")]
pub struct Thing {
    pub instance_id: String,
}

#[tc_model]
pub struct ThingResponse {}

fn main() {
    use tc_api_core::Action;
    let _ = <Thing as Action>::META.service;
}
