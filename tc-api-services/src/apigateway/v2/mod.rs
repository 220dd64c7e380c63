//! API Gateway through API 2.0 (`/v2/index.php`, camelCase parameters, `code`/`message`
//! envelope): the 45 actions of the API 2.0 API Gateway guide.
//!
//! # How the definitions read the guide
//!
//! - **Requests follow the parameter tables.** Required parameters are plain fields,
//!   optional ones `Option`; `x.n.y` parameters are `Vec`s of structs (`requestParameters.n.name`
//!   is [`RequestParameter::name`] in `request_parameters`), `x.n` ones `Vec`s of strings.
//!   Where an example spells a parameter differently from its table (`location`,
//!   `description`, `offet`, ...), the table wins; the examples record each difference
//!   (see [`crate::doc_example`]).
//! - **Types follow the tables unless the values contradict them.** Parameters typed
//!   Boolean whose values are words (`serviceType` = `HTTP`/`MOCK`/`SCF`,
//!   `environmentName` = `test`/`release`, `required` = `TRUE`/`REQUIRED`) are `String`;
//!   `pathMappingSet.n.*` typed Object are `String`; each such field says so.
//! - **Every response field is `Option`**, as in the official SDKs: the 2.0 guide marks
//!   nothing as always present and its examples omit documented fields freely.
//! - **Response scalars decode leniently** ([`lenient`]): the guide prints `totalCount`
//!   (typed String) as a number, `defaultValue` (String) as `18`, a key status (Boolean)
//!   as `1`. Time fields stay text: the examples use four different formats.
//! - **Responses also read fields the examples show but the tables omit** (an `apiType`,
//!   a `totalCount`), and known misspelt keys (`seviceId`, `pathMapping`) as aliases.
//!   Being liberal costs nothing when decoding; requests, which the server judges, send
//!   only what the tables document.
//! - The API key secret in answers is an [`ApiKeySecret`], hidden from `Debug`.
//! - Actions that act on several resources at once (binding usage plans and keys) answer
//!   in the guide's batch-task format, [`BatchTaskResult`].
//! - All actions report the API 2.0 common error codes, [`tc_api_core::error::V2Code`].

mod api;
mod common;
mod document;
pub mod examples;
mod key;
pub mod lenient;
mod service;
mod usage_plan;

pub use api::*;
pub use common::*;
pub use document::*;
pub use key::*;
pub use service::*;
pub use usage_plan::*;

/// Metadata of every action of API Gateway 2.0, in the guide's order.
pub const ACTIONS: &[tc_api_core::ActionMeta] = {
    use tc_api_core::Action;
    &[
        // API management
        ModifyApi::META,
        DeleteApi::META,
        DescribeApi::META,
        DescribeApisStatus::META,
        RunApi::META,
        CreateApi::META,
        DescribeApiUsagePlan::META,
        // Services
        UnReleaseService::META,
        ModifyService::META,
        UpdateService::META,
        CreateService::META,
        DeleteService::META,
        DeleteServiceSubDomainMapping::META,
        ReleaseService::META,
        ModifySubDomain::META,
        BindSubDomain::META,
        UnBindSubDomain::META,
        DescribeServiceUsagePlan::META,
        DescribeServicesStatus::META,
        DescribeServiceReleaseVersion::META,
        DescribeServiceEnvironmentList::META,
        DescribeServiceEnvironmentReleaseHistory::META,
        DescribeService::META,
        DescribeServiceSubDomains::META,
        DescribeServiceSubDomainMappings::META,
        // Keys
        CreateApiKey::META,
        DeleteApiKey::META,
        EnableApiKey::META,
        UpdateApiKey::META,
        DescribeApiKeysStatus::META,
        DescribeApiKey::META,
        DisableApiKey::META,
        // Usage plans
        UnBindEnvironment::META,
        BindSecretIds::META,
        UnBindSecretIds::META,
        ModifyUsagePlan::META,
        CreateUsagePlan::META,
        DeleteUsagePlan::META,
        DescribeUsagePlansStatus::META,
        DescribeUsagePlanSecretIds::META,
        DescribeUsagePlanEnvironments::META,
        DescribeUsagePlan::META,
        BindEnvironment::META,
        DemoteServiceUsagePlan::META,
        // Documentation and SDK
        GenerateApiDocument::META,
    ]
};
