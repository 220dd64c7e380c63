//! Default emulator handlers (cargo feature `emulator`): every action of this crate
//! answers its documented example.
//!
//! ```no_run
//! # async fn demo() -> Result<(), Box<dyn std::error::Error>> {
//! use tc_api_core::emulator::Emulator;
//!
//! let emulator = Emulator::start().await?; // accepts the demo credential
//! tc_api_services::emulator::seed(&emulator)?;
//! // Point a client at emulator.url(): every action answers as its document shows.
//! # Ok(()) }
//! ```
//!
//! The handlers decode each request into the typed action, so the emulator still refuses
//! missing, malformed and unknown parameters. An action with several documented examples
//! answers the example whose request equals the one received, and otherwise its first
//! example; an action without an example answers an empty response. The answers are the
//! documented ones decoded as the action's response type and encoded again, with a fresh
//! RequestId.

use std::fmt;

use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::{Map, Value};
use tc_api_core::emulator::{Emulator, EmulatorError, RegisterError};
use tc_api_core::sign::flatten;
use tc_api_core::{Action, ApiStyle};

use crate::doc_example::{DocExample, ExampleRequest};

/// Why the default handlers could not be registered.
#[derive(Debug)]
#[non_exhaustive]
pub enum SeedError {
    /// An action is already handled.
    Register(RegisterError),
    /// A documented answer does not decode as the action's response.
    Example {
        /// The action.
        action: &'static str,
        /// The example's title.
        title: &'static str,
        /// What did not fit.
        reason: String,
    },
}

impl fmt::Display for SeedError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SeedError::Register(error) => write!(f, "cannot register a default handler: {error}"),
            SeedError::Example {
                action,
                title,
                reason,
            } => write!(
                f,
                "the documented answer of {action} ({title}) is not a {action} response: {reason}"
            ),
        }
    }
}

impl std::error::Error for SeedError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            SeedError::Register(error) => Some(error),
            SeedError::Example { .. } => None,
        }
    }
}

impl From<RegisterError> for SeedError {
    fn from(error: RegisterError) -> Self {
        SeedError::Register(error)
    }
}

/// What every action of this crate is: its request and response both encode and decode,
/// compare and print. Implemented for every type that is all that.
pub trait DefinedAction:
    Action<Response: DefinedResponse> + DeserializeOwned + Clone + PartialEq + fmt::Debug
{
}

impl<T> DefinedAction for T
where
    T: Action + DeserializeOwned + Clone + PartialEq + fmt::Debug,
    T::Response: DefinedResponse,
{
}

/// The response of a [`DefinedAction`].
pub trait DefinedResponse:
    Serialize + DeserializeOwned + Clone + PartialEq + fmt::Debug + Send + Sync
{
}

impl<T> DefinedResponse for T where
    T: Serialize + DeserializeOwned + Clone + PartialEq + fmt::Debug + Send + Sync
{
}

/// Something done for each action type of this crate; see [`for_each_action`].
pub trait ActionVisitor {
    /// Called once per action type.
    fn visit<A: DefinedAction>(&mut self);
}

/// Calls `visitor` with every action type compiled in (per the enabled service features),
/// in the order of [`crate::actions`]. A test checks that the two agree.
pub fn for_each_action<V: ActionVisitor>(visitor: &mut V) {
    macro_rules! visit_each {
        ($($feature:literal => [$($action:path),* $(,)?]),* $(,)?) => {
            $(
                #[cfg(feature = $feature)]
                {
                    $( visitor.visit::<$action>(); )*
                }
            )*
        };
    }
    visit_each! {
        "seeded" => [crate::iotexplorer::v20190423::DescribeBatchProduction],
        "seeded" => [crate::tcb::v20180608::CreatePostpayPackage],
        "seeded" => [crate::tcmpp::v20240801::ReleaseMNPVersion],
        "seeded" => [crate::tcsas::v20250106::DescribeMNPMAUMetricCard],
        "seeded" => [
            crate::apigateway::v2::ModifyApi,
            crate::apigateway::v2::DeleteApi,
            crate::apigateway::v2::DescribeApi,
            crate::apigateway::v2::DescribeApisStatus,
            crate::apigateway::v2::RunApi,
            crate::apigateway::v2::CreateApi,
            crate::apigateway::v2::DescribeApiUsagePlan,
            crate::apigateway::v2::UnReleaseService,
            crate::apigateway::v2::ModifyService,
            crate::apigateway::v2::UpdateService,
            crate::apigateway::v2::CreateService,
            crate::apigateway::v2::DeleteService,
            crate::apigateway::v2::DeleteServiceSubDomainMapping,
            crate::apigateway::v2::ReleaseService,
            crate::apigateway::v2::ModifySubDomain,
            crate::apigateway::v2::BindSubDomain,
            crate::apigateway::v2::UnBindSubDomain,
            crate::apigateway::v2::DescribeServiceUsagePlan,
            crate::apigateway::v2::DescribeServicesStatus,
            crate::apigateway::v2::DescribeServiceReleaseVersion,
            crate::apigateway::v2::DescribeServiceEnvironmentList,
            crate::apigateway::v2::DescribeServiceEnvironmentReleaseHistory,
            crate::apigateway::v2::DescribeService,
            crate::apigateway::v2::DescribeServiceSubDomains,
            crate::apigateway::v2::DescribeServiceSubDomainMappings,
            crate::apigateway::v2::CreateApiKey,
            crate::apigateway::v2::DeleteApiKey,
            crate::apigateway::v2::EnableApiKey,
            crate::apigateway::v2::UpdateApiKey,
            crate::apigateway::v2::DescribeApiKeysStatus,
            crate::apigateway::v2::DescribeApiKey,
            crate::apigateway::v2::DisableApiKey,
            crate::apigateway::v2::UnBindEnvironment,
            crate::apigateway::v2::BindSecretIds,
            crate::apigateway::v2::UnBindSecretIds,
            crate::apigateway::v2::ModifyUsagePlan,
            crate::apigateway::v2::CreateUsagePlan,
            crate::apigateway::v2::DeleteUsagePlan,
            crate::apigateway::v2::DescribeUsagePlansStatus,
            crate::apigateway::v2::DescribeUsagePlanSecretIds,
            crate::apigateway::v2::DescribeUsagePlanEnvironments,
            crate::apigateway::v2::DescribeUsagePlan,
            crate::apigateway::v2::BindEnvironment,
            crate::apigateway::v2::DemoteServiceUsagePlan,
            crate::apigateway::v2::GenerateApiDocument,
        ],
    }
}

/// Registers the default handler of every action compiled in (per the enabled service
/// features) on `emulator`.
pub fn seed(emulator: &Emulator) -> Result<(), SeedError> {
    struct Seeder<'a> {
        emulator: &'a Emulator,
        result: Result<(), SeedError>,
    }
    impl ActionVisitor for Seeder<'_> {
        fn visit<A: DefinedAction>(&mut self) {
            if self.result.is_ok() {
                self.result = seed_action::<A>(self.emulator);
            }
        }
    }
    let mut seeder = Seeder {
        emulator,
        result: Ok(()),
    };
    for_each_action(&mut seeder);
    seeder.result
}

/// The response object of a whole documented answer, as `A::Response` decodes it: the
/// `Response` object without `RequestId` (API 3.0), or the top level without `code`,
/// `message`, `codeDesc` (API 2.0). `None` when the answer has no such object.
pub fn response_payload<A: Action>(whole: &Value) -> Option<Map<String, Value>> {
    let (object, envelope): (&Value, &[&str]) = match A::META.style {
        ApiStyle::V3 { .. } => (&whole["Response"], &["RequestId"]),
        ApiStyle::V2 => (whole, &["code", "message", "codeDesc"]),
    };
    let mut object = object.as_object()?.clone();
    for key in envelope {
        object.remove(*key);
    }
    Some(object)
}

/// One documented answer of an action, and the request it answers.
struct Answer {
    request: ExampleRequest,
    payload: Value,
}

impl Answer {
    /// Whether `action` is the request of this example.
    fn answers<A: Action>(&self, action: &A) -> bool {
        match self.request {
            ExampleRequest::Json(text) => {
                let documented: Option<Value> = serde_json::from_str(text).ok();
                documented.is_some() && serde_json::to_value(action).ok() == documented
            }
            ExampleRequest::Params { .. } => {
                let missing = self.request.missing_params();
                let sent = flatten::to_params(action).map(|params| {
                    params
                        .into_iter()
                        .filter(|(name, _)| !missing.contains(&name.as_str()))
                        .collect::<Vec<_>>()
                });
                sent.ok() == self.request.documented_params()
            }
        }
    }
}

fn seed_action<A>(emulator: &Emulator) -> Result<(), SeedError>
where
    A: Action + DeserializeOwned,
    A::Response: Serialize,
{
    let examples: Vec<&'static DocExample> = crate::examples()
        .into_iter()
        .filter(|example| example.action == A::META.action)
        .collect();
    let mut answers = Vec::with_capacity(examples.len().max(1));
    for example in examples {
        let invalid = |reason: String| SeedError::Example {
            action: A::META.action,
            title: example.title,
            reason,
        };
        let whole: Value =
            serde_json::from_str(example.response).map_err(|e| invalid(e.to_string()))?;
        let payload = response_payload::<A>(&whole)
            .ok_or_else(|| invalid("the answer has no response object".to_owned()))?;
        let payload = Value::Object(payload);
        serde_json::from_value::<A::Response>(payload.clone())
            .map_err(|e| invalid(e.to_string()))?;
        answers.push(Answer {
            request: example.request,
            payload,
        });
    }
    if answers.is_empty() {
        // No documented example: an empty response, which decodes since every response
        // field is optional.
        let payload = Value::Object(Map::new());
        serde_json::from_value::<A::Response>(payload.clone()).map_err(|e| SeedError::Example {
            action: A::META.action,
            title: "(no example: empty response)",
            reason: e.to_string(),
        })?;
        answers.push(Answer {
            request: ExampleRequest::Json("{}"),
            payload,
        });
    }
    emulator.on::<A>(move |action| {
        let answer = answers
            .iter()
            .find(|answer| answer.answers(&action))
            .unwrap_or(&answers[0]);
        serde_json::from_value(answer.payload.clone()).map_err(|e| {
            EmulatorError::internal(format!(
                "the documented answer of {} does not decode: {e}",
                A::META.action
            ))
        })
    })?;
    Ok(())
}

#[cfg(all(test, feature = "seeded"))]
mod tests {
    use super::*;

    #[tokio::test]
    async fn every_action_is_seeded_once() {
        let emulator = Emulator::start().await.unwrap();
        seed(&emulator).unwrap();
        let mut seeded: Vec<(&str, Option<&str>)> = emulator
            .routes()
            .iter()
            .map(|meta| (meta.action, meta.version()))
            .collect();
        struct Names(Vec<&'static str>);
        impl ActionVisitor for Names {
            fn visit<A: DefinedAction>(&mut self) {
                self.0.push(A::META.action);
            }
        }
        let mut names = Names(Vec::new());
        for_each_action(&mut names);
        let in_order: Vec<&str> = crate::actions().iter().map(|meta| meta.action).collect();
        assert_eq!(names.0, in_order, "for_each_action follows actions()");
        let mut expected: Vec<(&str, Option<&str>)> = crate::actions()
            .iter()
            .map(|meta| (meta.action, meta.version()))
            .collect();
        seeded.sort();
        expected.sort();
        assert_eq!(seeded, expected);
        assert_eq!(seeded.len(), 4 + 45);
        let again = seed(&emulator).unwrap_err();
        assert!(matches!(again, SeedError::Register(_)), "{again}");
    }

    #[test]
    fn the_matching_example_is_chosen() {
        use crate::apigateway::v2 as gw;
        let examples: Vec<&DocExample> = crate::examples()
            .into_iter()
            .filter(|e| e.action == "DescribeApi")
            .collect();
        assert!(examples.len() > 1);
        for example in &examples {
            let answer = Answer {
                request: example.request,
                payload: Value::Null,
            };
            let params = example.request.documented_params().unwrap();
            let request: gw::DescribeApi = tc_api_core::emulator::decode_flat(params).unwrap();
            assert!(answer.answers(&request), "{}", example.title);
        }
    }
}
