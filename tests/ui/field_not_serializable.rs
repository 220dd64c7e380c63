use tc_api_macros::{tc_action, tc_model};

pub struct Opaque;

#[tc_action(service = "cvm", version = "2017-03-12")]
pub struct RunInstances {
    pub instance_name: String,
    pub handle: Opaque,
}

#[tc_model]
pub struct RunInstancesResponse {}

fn main() {}
