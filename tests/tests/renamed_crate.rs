//! `crate = "..."`: the generated code names tc-api-core only through the given path.
//!
//! Cargo will not let this crate depend on tc-api-core twice under two names, so the
//! rename is made here, in the crate root, which puts `core_renamed` in the extern
//! prelude exactly as a renamed dependency would. (A unit test in tc-api-macros checks
//! that such an expansion never mentions `tc_api_core`.)

extern crate tc_api_core as core_renamed;

use tc_api_macros::{tc_action, tc_model};

#[tc_action(service = "cvm", version = "2017-03-12", crate = "core_renamed")]
#[derive(Debug, PartialEq)]
pub struct DescribeInstances {
    pub limit: Option<i64>,
    pub filters: Vec<Filter>,
}

#[tc_model(crate = "::core_renamed")]
#[derive(Debug, PartialEq)]
pub struct Filter {
    pub name: String,
}

#[tc_model(crate = "core_renamed")]
pub struct DescribeInstancesResponse {
    pub total_count: u64,
}

#[tc_action(service = "cvm", version = "2017-03-12", crate = "core_renamed", response = core_renamed::Empty)]
pub struct DescribeRegions;

#[test]
fn a_renamed_core_works() {
    use core_renamed::Action;
    let request = DescribeInstances {
        filters: vec![Filter {
            name: "zone".into(),
        }],
        ..Default::default()
    };
    assert_eq!(
        serde_json::to_string(&request).unwrap(),
        r#"{"Filters":[{"Name":"zone"}]}"#
    );
    assert_eq!(DescribeInstances::META.action, "DescribeInstances");
    assert_eq!(serde_json::to_string(&DescribeRegions).unwrap(), "{}");
}
