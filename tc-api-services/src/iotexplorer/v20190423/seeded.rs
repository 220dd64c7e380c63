//! IoT Explorer API 3.0, version 2019-04-23.

use tc_api_macros::{tc_action, tc_model};

/// Regions in which [`DescribeBatchProduction`] is offered.
pub const BATCH_PRODUCTION_REGIONS: &[&str] = &[
    "ap-bangkok",
    "ap-guangzhou",
    "ap-shanghai",
    "ap-shanghai-fsi",
    "eu-frankfurt",
    "na-ashburn",
];

/// Reads the details of one mass-production batch of a product: its size, how devices are
/// programmed and where the generated device list can be downloaded.
#[tc_action(
    service = "iotexplorer",
    version = "2019-04-23",
    regions = [
        "ap-bangkok",
        "ap-guangzhou",
        "ap-shanghai",
        "ap-shanghai-fsi",
        "eu-frankfurt",
        "na-ashburn"
    ],
    rate_limit = 20,
    errors = DescribeBatchProductionError
)]
#[derive(Debug, Clone, PartialEq)]
pub struct DescribeBatchProduction {
    /// Product the batch belongs to.
    pub product_id: String,
    /// Identifier of the mass-production batch.
    pub batch_production_id: String,
}

/// Output of [`DescribeBatchProduction`].
#[tc_model]
#[derive(Debug, Clone, PartialEq)]
pub struct DescribeBatchProductionResponse {
    /// Number of devices in the batch.
    pub batch_cnt: Option<i64>,
    /// How the devices are programmed (a numeric code).
    pub burn_method: Option<i64>,
    /// When the batch was created, Unix seconds.
    pub create_time: Option<i64>,
    /// Link to the generated device list.
    pub download_url: Option<String>,
    /// How device identities are generated (a numeric code).
    pub generation_method: Option<i64>,
    /// Link to a device list supplied by the user; often empty.
    pub upload_url: Option<String>,
}

tc_api_core::error_codes! {
    /// Error codes documented for [`DescribeBatchProduction`].
    pub enum DescribeBatchProductionError {
        /// The service failed internally.
        InternalError = "InternalError",
        /// A database operation failed.
        DbOperationError = "InternalError.DBOpertaionError",
        /// The server raised an exception.
        InternalServerException = "InternalError.InternalServerException",
        /// A parameter is wrong.
        InvalidParameter = "InvalidParameter",
        /// No such mass-production batch.
        BatchProductionNotExist = "ResourceNotFound.BatchProductionNotExist",
        /// No such product.
        StudioProductNotExist = "ResourceNotFound.StudioProductNotExist",
        /// The caller may not access the project.
        NoPermissionToProject = "UnauthorizedOperation.NoPermissionToProject",
        /// The caller may not access the product.
        NoPermissionToStudioProduct = "UnauthorizedOperation.NoPermissionToStudioProduct",
        /// The instance expired and is disabled until renewed.
        InstanceIsolated = "UnsupportedOperation.InstanceIsolated",
    }
}

/// The examples of the IoT Explorer 2019-04-23 documents.
pub mod examples {
    use crate::doc_example::{DocExample, ExampleRequest};

    /// DescribeBatchProduction: read one batch of product `R32ONVL0EU`.
    pub const DESCRIBE_BATCH_PRODUCTION: DocExample = DocExample {
        action: "DescribeBatchProduction",
        title: "Read the details of a mass-production batch",
        request: ExampleRequest::Params {
            printed: &[
                ("ProductId", "R32ONVL0EU"),
                ("BatchProductionId", "LC-ya6zinv9"),
            ],
            fixes: &[],
        },
        response_as_printed: DESCRIBE_BATCH_PRODUCTION_RESPONSE,
        response: DESCRIBE_BATCH_PRODUCTION_RESPONSE,
    };

    const DESCRIBE_BATCH_PRODUCTION_RESPONSE: &str = r#"{
"Response": {
"BatchCnt": 3,
"BurnMethod": 0,
"CreateTime": 1572233486,
"DownloadUrl": "https://batch-productions-test-1256872341.cos.ap-guangzhou.myqcloud.com/100000546882%2FR32ONVL0EU_LC-6mgj9akp.csv?sign=q-sign-algorithm%3Dsha1%26q-ak%3DAKIDMUM9hdmn35rHZe72Y6UfliNo1PYQFZln%26q-sign-time%3D1572233867%3B1572234767%26q-key-time%3D1572233867%3B1572234767%26q-header-list%3D%26q-url-param-list%3D%26q-signature%3Da31f6ed1e25d3dc753516b74ee33559d37cbc7f2",
"GenerationMethod": 0,
"RequestId": "rest-clieet20111026",
"UploadUrl": ""
}
}"#;

    /// Every example of this service version.
    pub const ALL: &[DocExample] = &[DESCRIBE_BATCH_PRODUCTION];
}
