//! TCB API 3.0, version 2018-06-08.

use tc_api_macros::{tc_action, tc_model};

/// Opens pay-as-you-go (postpaid) resources, creating an environment when none is named.
///
/// The action takes no region. Every parameter is optional, so `Default` gives a request
/// that lets the service pick everything.
#[tc_action(
    service = "tcb",
    version = "2018-06-08",
    region = "none",
    rate_limit = 2,
    errors = CreatePostpayPackageError
)]
#[derive(Debug, Clone, PartialEq)]
pub struct CreatePostpayPackage {
    /// Environment to attach the resources to; leave unset to have one created.
    pub env_id: Option<String>,
    /// WeChat AppId; needed for WeChat callers.
    pub wx_app_id: Option<String>,
    /// Where the payment comes from, e.g. `qcloud`.
    pub source: Option<String>,
    /// Free quota tier; only `basic` exists. Unset or empty means no free quota.
    pub free_quota: Option<String>,
    /// Origin of a created environment (as `Source` of CreateEnv). Give it together with
    /// `channel`, and always when `env_id` is unset.
    pub env_source: Option<String>,
    /// Alias of a created environment: starts with a-z, then only a-z, 0-9 and `-`.
    pub alias: Option<String>,
    /// Channel within `env_source` (`ide`/`api` for `miniapp`; `qc_console`, `cocos`, `qq`,
    /// `cloudgame`, `dcloud`, `serverless_framework` for `qcloud`). Give it together with
    /// `env_source`, and always when `env_id` is unset.
    pub channel: Option<String>,
    /// Identifier of an extension.
    pub extension_id: Option<String>,
    /// Free-form order tag; compare it case-insensitively.
    pub flag: Option<String>,
    /// Alias of a created environment, without character restrictions.
    pub env_alias: Option<String>,
    /// Custom data passed through with the order.
    pub extra: Option<String>,
}

/// Output of [`CreatePostpayPackage`].
#[tc_model]
#[derive(Debug, Clone, PartialEq)]
pub struct CreatePostpayPackageResponse {
    /// Order number of the postpaid package.
    pub tran_id: Option<String>,
    /// Environment the resources belong to; may be null.
    pub env_id: Option<String>,
}

tc_api_core::error_codes! {
    /// Error codes documented for [`CreatePostpayPackage`].
    pub enum CreatePostpayPackageError {
        /// A platform the service depends on failed.
        PlatformError = "FailedOperation.PlatformError",
        /// The service failed internally.
        InternalError = "InternalError",
        /// A quota is exhausted.
        LimitExceeded = "LimitExceeded",
        /// A required parameter is missing.
        MissingParameter = "MissingParameter",
        /// The resource does not exist.
        ResourceNotFound = "ResourceNotFound",
        /// The account balance is too low.
        BalanceNotEnough = "ResourceUnavailable.BalanceNotEnough",
    }
}

/// The examples of the TCB 2018-06-08 documents.
pub mod examples {
    use crate::doc_example::{DocExample, ExampleRequest};

    /// CreatePostpayPackage: open postpaid resources for an existing environment with the
    /// basic free quota.
    pub const CREATE_POSTPAY_PACKAGE: DocExample = DocExample {
        action: "CreatePostpayPackage",
        title: "Open postpaid resources",
        request: ExampleRequest::Params {
            printed: &[("EnvId", "cdnheader-v2a"), ("FreeQuota", "basic")],
            fixes: &[],
        },
        response_as_printed: CREATE_POSTPAY_PACKAGE_RESPONSE,
        response: CREATE_POSTPAY_PACKAGE_RESPONSE,
    };

    const CREATE_POSTPAY_PACKAGE_RESPONSE: &str = r#"{
"Response": {
"EnvId": "cdnheader-v2a",
"RequestId": "52537e93-2a50-4269-a638-e03e6bb6426e",
"TranId": "20200603119423"
}
}"#;

    /// Every example of this service version.
    pub const ALL: &[DocExample] = &[CREATE_POSTPAY_PACKAGE];
}
