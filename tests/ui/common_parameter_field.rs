use tc_api_macros::{tc_action, tc_model};

#[tc_action(service = "cvm", version = "2017-03-12")]
pub struct Thing {
    pub region: String,
    #[tc(rename = "SECRETID")]
    pub key_id: String,
    pub signature_method: Option<String>,
}

#[tc_model]
pub struct ThingResponse {}

fn main() {
    use tc_api_core::Action;
    let _ = <Thing as Action>::META.service;
}
