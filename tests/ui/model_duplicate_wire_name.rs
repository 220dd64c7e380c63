use tc_api_macros::tc_model;

#[tc_model(api2)]
pub struct Thing {
    pub service_id: String,
    #[tc(rename = "serviceId")]
    pub id: String,
}

fn main() {}
