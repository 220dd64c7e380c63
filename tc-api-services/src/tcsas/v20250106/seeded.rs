//! TCSAS API 3.0, version 2025-01-06.

use tc_api_macros::{tc_action, tc_model};

/// Compares the monthly active users (MAU) of a mini program, or of a mini program team,
/// between two months.
///
/// Sent to the fixed host `tcsas.intl.tencentcloudapi.com`. Give `mnp_id` to query one
/// mini program or `mnp_team_id` to query a team.
#[tc_action(
    service = "tcsas",
    version = "2025-01-06",
    host = "tcsas.intl.tencentcloudapi.com",
    rate_limit = 20,
    errors = DescribeMNPMAUMetricCardError
)]
#[derive(Debug, Clone, PartialEq)]
pub struct DescribeMNPMAUMetricCard {
    /// The month compared from, as a number such as `202511`.
    pub source_month: i64,
    /// Which data to read: `0` test data, `1` production data.
    pub data_type: i64,
    /// Tenant identifier.
    pub platform_id: String,
    /// The month compared to, as a number such as `202512`.
    pub target_month: i64,
    /// Superapp identifier (starts with `App`).
    pub application_id: String,
    /// Mini program appid; scopes the query to that mini program.
    #[tc(rename = "MNPId")]
    pub mnp_id: Option<String>,
    /// Mini program team identifier; scopes the query to that team. 64-bit: real
    /// identifiers exceed `i32`.
    #[tc(rename = "MNPTeamId")]
    pub mnp_team_id: Option<i64>,
}

/// Output of [`DescribeMNPMAUMetricCard`].
#[tc_model]
#[derive(Debug, Clone, PartialEq)]
pub struct DescribeMNPMAUMetricCardResponse {
    /// The comparison shown at the top of the console's MAU page.
    pub data: Option<MAUIndicatorCard>,
}

/// MAU of two months side by side.
#[tc_model]
#[derive(Debug, Clone, PartialEq)]
pub struct MAUIndicatorCard {
    /// Relative change from the source to the target month, formatted, e.g. `-85.19%`.
    pub comparison_ratio: Option<String>,
    /// Direction of the change as a numeric code.
    pub comparison_result: Option<i64>,
    /// When the figures were last computed, Unix seconds.
    pub flush_time: Option<i64>,
    /// MAU in the source month.
    #[tc(rename = "SourceMAUNum")]
    pub source_mau_num: Option<i64>,
    /// MAU in the target month.
    #[tc(rename = "TargetMAUNum")]
    pub target_mau_num: Option<i64>,
}

tc_api_core::error_codes! {
    /// Error codes documented for [`DescribeMNPMAUMetricCard`].
    pub enum DescribeMNPMAUMetricCardError {
        /// The account's plan has expired.
        PackageAlreadyExpired = "FailedOperation.PackageAlreadyExpired",
        /// A parameter is wrong.
        InvalidParameter = "InvalidParameter",
        /// A parameter value is wrong.
        InvalidParameterValue = "InvalidParameterValue",
    }
}

/// The examples of the TCSAS 2025-01-06 documents.
pub mod examples {
    use crate::doc_example::{DocExample, ExampleRequest};

    /// DescribeMNPMAUMetricCard: compare November and December 2025 for one mini program
    /// of a team whose id needs 64 bits.
    pub const DESCRIBE_MNP_MAU_METRIC_CARD: DocExample = DocExample {
        action: "DescribeMNPMAUMetricCard",
        title: "Compare the MAU of two months",
        request: ExampleRequest::Json(
            r#"{
    "SourceMonth": 202511,
    "MNPId": "mp1vd81ntbitj9k2",
    "DataType": 1,
    "MNPTeamId": 9432130281,
    "PlatformId": "T04398WY9481762VZTT",
    "TargetMonth": 202512,
    "ApplicationId": "ApplicationId"
}"#,
        ),
        response_as_printed: DESCRIBE_MNP_MAU_METRIC_CARD_RESPONSE,
        response: DESCRIBE_MNP_MAU_METRIC_CARD_RESPONSE,
    };

    const DESCRIBE_MNP_MAU_METRIC_CARD_RESPONSE: &str = r#"{
    "Response": {
        "Data": {
            "ComparisonRatio": "-85.19%",
            "ComparisonResult": 2,
            "FlushTime": 1764593542,
            "SourceMAUNum": 27,
            "TargetMAUNum": 4
        },
        "RequestId": "4aa0dad4-a5df-4ec2-8417-d077eedc223b"
    }
}"#;

    /// Every example of this service version.
    pub const ALL: &[DocExample] = &[DESCRIBE_MNP_MAU_METRIC_CARD];
}
