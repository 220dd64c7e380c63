use tc_api_macros::{tc_action, tc_model};

#[tc_action(service = "cvm", version = "2017-03-12")]
pub struct Thing {
    #[serde(rename = "instanceId")]
    pub instance_id: String,
}

#[tc_model]
pub struct ThingResponse {}

fn main() {}
