//! The entries: what `#[tc_action]` submits with the `registry` feature, and the lookups
//! over them.

use std::future::Future;
use std::pin::Pin;
use std::sync::OnceLock;

use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;

use super::{InvalidParams, ObjectSchema, ParamError, Schema, WireSchema, check_schema, decode};
use crate::action::{Action, ActionMeta, ApiStyle};
use crate::client::{Client, Output};
use crate::error::Error;

/// The future of [`ActionEntry::send`].
pub type SendFuture<'a> =
    Pin<Box<dyn Future<Output = Result<Output<Value>, CallError>> + Send + 'a>>;

/// What can go wrong when sending JSON parameters through a registered action.
#[derive(Debug, thiserror::Error)]
pub enum CallError {
    /// The parameters do not fit the action's definition; nothing was sent.
    #[error(transparent)]
    InvalidParams(#[from] InvalidParams),
    /// The call failed (the service answered an error, transport, credentials...).
    #[error(transparent)]
    Call(#[from] Error),
}

/// One annotated action in the registry.
pub struct ActionEntry {
    /// Where and how the action is sent.
    pub meta: ActionMeta,
    /// The action struct's doc comment, trimmed; empty when it has none.
    pub doc: &'static str,
    type_name: fn() -> &'static str,
    schema: fn() -> Schema,
    /// JSON parameters decoded into the typed action and encoded again: the JSON the
    /// typed action sends. With `answer`, the only code compiled per action; sending it is
    /// not generic.
    typed: fn(Value) -> Result<Value, ParamError>,
    /// An answer decoded into the typed response and encoded again; `None` when the
    /// response type cannot be encoded (the macro picks which per action).
    answer: fn(Value) -> Option<Result<Value, ParamError>>,
}

impl ActionEntry {
    /// The entry of action `A`; what `#[tc_action]` submits. `doc` is the struct's doc
    /// comment.
    pub const fn new<A>(doc: &'static str) -> Self
    where
        A: Action + WireSchema + DeserializeOwned,
    {
        ActionEntry {
            meta: A::META,
            doc,
            type_name: std::any::type_name::<A>,
            schema: A::wire_schema,
            typed: through_typed::<A>,
            answer: |_| None,
        }
    }

    /// The entry with `answer` as its typed answer round trip; what `#[tc_action]` adds,
    /// with a function chosen by whether the response type is `Serialize`. Not a public
    /// API.
    #[doc(hidden)]
    pub const fn with_answer(
        mut self,
        answer: fn(Value) -> Option<Result<Value, ParamError>>,
    ) -> Self {
        self.answer = answer;
        self
    }

    /// The Rust type of the action, with its module path.
    pub fn type_name(&self) -> &'static str {
        (self.type_name)()
    }

    /// The API version (`2024-08-01`), or `2.0` for API 2.0 actions.
    pub fn version_label(&self) -> &'static str {
        match self.meta.style {
            ApiStyle::V3 { version } => version,
            ApiStyle::V2 => API2_LABEL,
        }
    }

    /// The schema of the action's parameters: an object with one field per parameter
    /// (an empty object for an action without parameters).
    pub fn params(&self) -> &'static ObjectSchema {
        match (self.schema)() {
            Schema::Object(object) => object,
            // `new` requires the macro's impl, which always describes an object; an entry
            // built from a hand-written impl that says otherwise has no named parameters.
            _ => &NO_PARAMS,
        }
    }

    /// A request template with every parameter (see [`Schema::skeleton`]).
    pub fn skeleton(&self) -> Value {
        Schema::Object(self.params()).skeleton()
    }

    /// Checks `params` against the definition without sending: the schema first (every
    /// problem), then the typed decode.
    pub fn check(&self, params: &Value) -> Result<(), InvalidParams> {
        let errors = check_schema(self.params(), params);
        if !errors.is_empty() {
            return Err(self.invalid(errors));
        }
        // The typed decode needs an owned value; `send` avoids this clone.
        (self.typed)(params.clone())
            .map(drop)
            .map_err(|error| self.invalid(vec![error]))
    }

    /// Checks `params` like [`check`](Self::check) and returns what the typed action
    /// sends for them: names as the wire spells them, absent optional fields left out.
    pub fn typed_params(&self, params: &Value) -> Result<Value, InvalidParams> {
        let errors = check_schema(self.params(), params);
        if !errors.is_empty() {
            return Err(self.invalid(errors));
        }
        (self.typed)(params.clone()).map_err(|error| self.invalid(vec![error]))
    }

    /// `answer` (the payload the client decodes: API 3.0's `Response` without
    /// `RequestId`) decoded into the typed response and encoded again, which shows what the
    /// typed response keeps of it. `None` when the response type is not `Serialize`.
    pub fn typed_answer(&self, answer: Value) -> Option<Result<Value, ParamError>> {
        (self.answer)(answer)
    }

    /// Checks `params` like [`check`](Self::check), decodes them into the typed action
    /// and sends it with `client`. The answer is returned as JSON (the `Response` object
    /// without `RequestId` for API 3.0; the top-level object without `code`, `message`,
    /// `codeDesc` and `requestId` for API 2.0), with the request id beside it.
    pub fn send<'a>(&self, client: &'a Client, params: Value) -> SendFuture<'a> {
        let errors = check_schema(self.params(), &params);
        if !errors.is_empty() {
            let invalid = self.invalid(errors);
            return Box::pin(async move { Err(invalid.into()) });
        }
        let meta = self.meta;
        let wire = (self.typed)(params).map_err(|error| self.invalid(vec![error]));
        Box::pin(async move { Ok(client.send_wire_json(&meta, &wire?).await?) })
    }

    fn invalid(&self, errors: Vec<ParamError>) -> InvalidParams {
        InvalidParams {
            action: self.meta.action,
            errors,
        }
    }
}

impl std::fmt::Debug for ActionEntry {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ActionEntry")
            .field("meta", &self.meta)
            .field("type_name", &self.type_name())
            .finish_non_exhaustive()
    }
}

/// What [`ActionEntry::version_label`] says for API 2.0 actions.
pub const API2_LABEL: &str = "2.0";

static NO_PARAMS: ObjectSchema = ObjectSchema {
    name: "",
    fields: &[],
};

/// `params` through the typed definition of `A` and back to JSON: what `A` sends (names
/// as the wire spells them, `None` fields omitted), or the first parameter that does not
/// fit.
fn through_typed<A: Serialize + DeserializeOwned>(params: Value) -> Result<Value, ParamError> {
    let action: A = decode(params)?;
    serde_json::to_value(&action).map_err(|error| ParamError::Invalid {
        path: String::new(),
        message: format!("cannot be encoded as JSON: {error}"),
    })
}

/// `answer` through the typed response `R` and back to JSON, or the first value that does
/// not fit. Not a public API: the macro's probe names it.
#[doc(hidden)]
pub fn answer_through_typed<R: Serialize + DeserializeOwned>(
    answer: Value,
) -> Result<Value, ParamError> {
    through_typed::<R>(answer)
}

inventory::collect!(ActionEntry);

/// Every registered action, sorted by service, version and action name (then type name,
/// should two types declare the same action).
pub fn actions() -> &'static [&'static ActionEntry] {
    static SORTED: OnceLock<Vec<&'static ActionEntry>> = OnceLock::new();
    SORTED.get_or_init(|| {
        let mut all: Vec<&'static ActionEntry> = inventory::iter::<ActionEntry>().collect();
        all.sort_by_key(|entry| {
            (
                entry.meta.service,
                entry.version_label(),
                entry.meta.action,
                entry.type_name(),
            )
        });
        all
    })
}

/// The registered services, sorted, each once.
pub fn services() -> Vec<&'static str> {
    let mut services: Vec<&'static str> = actions().iter().map(|e| e.meta.service).collect();
    services.dedup();
    services
}

/// The registered actions of `service`, in [`actions`] order.
pub fn service_actions(service: &str) -> impl Iterator<Item = &'static ActionEntry> + '_ {
    actions()
        .iter()
        .copied()
        .filter(move |entry| entry.meta.service == service)
}

/// The entry of `service`'s `action`: of `version` when given (an API 3.0 date or `2.0`),
/// else of the newest version that has the action.
pub fn find(service: &str, action: &str, version: Option<&str>) -> Option<&'static ActionEntry> {
    service_actions(service)
        .filter(|entry| entry.meta.action == action)
        .filter(|entry| version.is_none_or(|v| entry.version_label() == v))
        // Dates sort as text; "2.0" sorts before every date, so a 3.0 version wins.
        .max_by_key(|entry| entry.version_label())
}
