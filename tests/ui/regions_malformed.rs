use tc_api_macros::{tc_action, tc_model};

#[tc_action(
    service = "iotexplorer",
    version = "2019-04-23",
    regions = ["ap-guangzhou", "", "guangzhou", "AP-shanghai", "ap-guangzhou", 5],
)]
pub struct Thing {
    pub product_id: String,
}

#[tc_model]
pub struct ThingResponse {}

fn main() {
    use tc_api_core::Action;
    let _ = <Thing as Action>::META.service;
}
