use tc_api_macros::tc_action;

#[tc_action(service = "cvm", version = "2017-03-12")]
pub struct RunInstances {
    pub instance_id: String,
}

fn main() {}
