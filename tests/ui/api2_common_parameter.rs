use tc_api_macros::{tc_action, tc_model};

#[tc_action(service = "apigateway", api2)]
pub struct Thing {
    #[tc(rename = "Region")]
    pub target_region: String,
}

#[tc_model]
pub struct ThingResponse {}

fn main() {
    use tc_api_core::Action;
    let _ = <Thing as Action>::META.service;
}
