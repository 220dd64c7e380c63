use tc_api_macros::tc_model;

#[tc_model]
pub enum Status {
    Running,
    Stopped,
}

fn main() {}
