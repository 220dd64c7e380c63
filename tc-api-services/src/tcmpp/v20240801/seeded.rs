//! TCMPP API 3.0, version 2024-08-01.

use tc_api_macros::{tc_action, tc_model};

/// Publishes an approved mini program version so that users get it.
///
/// Answers whether the release went through in [`BooleanInfo::result`].
#[tc_action(
    service = "tcmpp",
    version = "2024-08-01",
    rate_limit = 20,
    errors = ReleaseMNPVersionError
)]
#[derive(Debug, Clone, PartialEq)]
pub struct ReleaseMNPVersion {
    /// Identifier of the mini program version to publish.
    #[tc(rename = "MNPVersionId")]
    pub mnp_version_id: i64,
    /// Identifier of the platform (tenant) the mini program belongs to.
    pub platform_id: String,
}

/// Output of [`ReleaseMNPVersion`].
#[tc_model]
#[derive(Debug, Clone, PartialEq)]
pub struct ReleaseMNPVersionResponse {
    /// Outcome of the release.
    pub data: Option<BooleanInfo>,
}

/// A yes/no outcome.
#[tc_model]
#[derive(Debug, Clone, PartialEq)]
pub struct BooleanInfo {
    /// `true` when the operation succeeded.
    pub result: Option<bool>,
}

tc_api_core::error_codes! {
    /// Error codes documented for [`ReleaseMNPVersion`].
    pub enum ReleaseMNPVersionError {
        /// The operation failed for an unspecified reason.
        FailedOperation = "FailedOperation",
        /// The account already released as many mini programs as its plan allows.
        MnpReleaseNumberExceedLimit = "FailedOperation.MNPReleaseNumberExceedLimit",
        /// This version is released already.
        MnpVersionReleased = "FailedOperation.MNPVersionReleased",
        /// Only versions that passed platform review can be released.
        OnlyReleasePlatformApprovedMnpVersion = "FailedOperation.OnlyReleasePlatformApprovedMNPVersion",
        /// The account's TCMPP plan has expired.
        PackageAlreadyExpired = "FailedOperation.PackageAlreadyExpired",
        /// The version must be newer than the one currently online.
        ReleaseMnpVersionNeedGreaterThanOnlineVersion = "FailedOperation.ReleaseMNPVersionNeedGreaterThanOnlineVersion",
        /// The service failed internally.
        InternalError = "InternalError",
        /// A parameter is wrong.
        InvalidParameter = "InvalidParameter",
        /// A parameter value is wrong.
        InvalidParameterValue = "InvalidParameterValue",
        /// The version ID is empty or names no existing version.
        InvalidMnpVersionId = "InvalidParameterValue.InvalidMNPVersionId",
        /// The platform ID is not valid.
        InvalidPlatformId = "InvalidParameterValue.InvalidPlatformId",
        /// A required parameter is missing.
        MissingParameter = "MissingParameter",
    }
}

/// The examples of the TCMPP 2024-08-01 documents.
pub mod examples {
    use crate::doc_example::{DocExample, ExampleRequest};

    /// ReleaseMNPVersion: release version 2597 on a platform.
    pub const RELEASE_MNP_VERSION: DocExample = DocExample {
        action: "ReleaseMNPVersion",
        title: "Release a mini program version",
        request: ExampleRequest::Json(
            r#"{
"MNPVersionId": 2597,
"PlatformId": "T04257DS9431720WTAG"
}"#,
        ),
        response_as_printed: RELEASE_MNP_VERSION_RESPONSE,
        response: RELEASE_MNP_VERSION_RESPONSE,
    };

    const RELEASE_MNP_VERSION_RESPONSE: &str = r#"{
"Response": {
"Data": {
"Result": true
},
"RequestId": "304a13ff-2130-4d52-ad24-9ef279ff55e4"
}
}"#;

    /// Every example of this service version.
    pub const ALL: &[DocExample] = &[RELEASE_MNP_VERSION];
}
