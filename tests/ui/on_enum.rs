use tc_api_macros::{tc_action, tc_model};

#[tc_action(service = "cvm", version = "2017-03-12")]
pub enum Thing {
    A,
    B,
}

#[tc_model]
pub struct ThingResponse {}

fn main() {
    use tc_api_core::Action;
    let _ = <Thing as Action>::META.service;
}
