use tc_api_macros::tc_model;

#[tc_model(service = "cvm")]
pub struct Thing {
    pub instance_id: String,
}

fn main() {
    let _ = serde_json::to_string(&Thing { instance_id: String::new() });
}
