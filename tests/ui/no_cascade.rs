//! One mistake, one message: every ordinary use of the struct still type-checks.
use tc_api_macros::{tc_action, tc_model};

#[tc_action(service = "cvm", version = "2017-03-32")]
pub struct DescribeThings {
    pub limit: Option<u64>,
    pub filters: Vec<Filter>,
}

#[tc_model]
pub struct Filter {
    pub name: String,
}

#[tc_model]
pub struct DescribeThingsResponse {
    pub total_count: u64,
}

fn send<A: tc_api_core::Action>(action: A) -> Option<A::Response> {
    let _ = serde_json::to_string(&action);
    None
}

fn main() {
    let request = DescribeThings { limit: Some(1), ..Default::default() };
    let response = send(request);
    let _ = response.map(|response| response.total_count);
    let _: Result<DescribeThings, _> = serde_json::from_str("{}");
}
