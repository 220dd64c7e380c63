//! What `tcapi` prints on failure: one JSON object on stderr,
//! `{"Code": ..., "Message": ..., "RequestId": ...}` (plus `Suggestions`, `Errors`,
//! `HttpStatus` or `CodeDesc` when there are some), and the exit status.
//!
//! Codes of the service are passed through (`FailedOperation.MNPVersionReleased`, or the
//! API 2.0 numeric code such as `4100`); codes of this program name what it refused.

use serde_json::{Map, Value, json};
use tc_api_core::Error;
use tc_api_core::registry::{InvalidParams, ParamError};

use super::suggest;

/// Exit status of a call that failed (the service's error, transport, credentials).
pub const EXIT_CALL_FAILED: u8 = 1;
/// Exit status of a wrong command line or wrong parameters: nothing was sent.
pub const EXIT_USAGE: u8 = 2;

/// A failure of `tcapi`, ready to print.
#[derive(Debug, Clone, PartialEq)]
pub struct CliError {
    code: String,
    message: String,
    request_id: Option<String>,
    exit: u8,
    /// Further fields of the JSON object.
    extra: Map<String, Value>,
}

impl CliError {
    fn new(code: &str, message: impl Into<String>, exit: u8) -> Self {
        CliError {
            code: code.to_owned(),
            message: message.into(),
            request_id: None,
            exit,
            extra: Map::new(),
        }
    }

    fn with(mut self, key: &str, value: Value) -> Self {
        self.extra.insert(key.to_owned(), value);
        self
    }

    /// The command line is wrong.
    pub fn usage(message: impl Into<String>) -> Self {
        Self::new("InvalidCommandLine", message, EXIT_USAGE)
    }

    /// `--cli-input-json` or a parameter value cannot be read.
    pub fn input(message: impl Into<String>) -> Self {
        Self::new("InvalidInput", message, EXIT_USAGE)
    }

    /// The program itself could not run (its async runtime did not start).
    pub fn runtime(message: impl Into<String>) -> Self {
        Self::new("RuntimeError", message, EXIT_CALL_FAILED)
    }

    /// No service of this name is compiled in or in the schema table.
    pub fn unknown_service(service: &str, suggestions: Vec<&str>) -> Self {
        Self::new(
            "UnknownService",
            format!(
                "no service {service:?} is known{} (`tcapi list` shows them; \
                 --version VERSION or --api2 calls an action without a definition by name)",
                suggest::did_you_mean(&suggestions)
            ),
            EXIT_USAGE,
        )
        .with("Suggestions", json!(suggestions))
    }

    /// The service has no action of this name, compiled in or in the schema table.
    pub fn unknown_action(service: &str, action: &str, suggestions: Vec<&str>) -> Self {
        Self::new(
            "UnknownAction",
            format!(
                "{service} has no action {action:?}{} (`tcapi list {service}` \
                 shows them; --version VERSION or --api2 calls an action without a definition \
                 by name)",
                suggest::did_you_mean(&suggestions)
            ),
            EXIT_USAGE,
        )
        .with("Suggestions", json!(suggestions))
    }

    /// The parameters do not fit the action's definition. The code is that of the one
    /// problem, or `InvalidParameters` for several; `Errors` lists each.
    pub fn invalid_params(invalid: &InvalidParams) -> Self {
        let details: Vec<Value> = invalid.errors.iter().map(param_detail).collect();
        let code = match invalid.errors.as_slice() {
            [one] => param_code(one),
            _ => "InvalidParameters",
        };
        let messages: Vec<String> = invalid.errors.iter().map(param_message).collect();
        let mut error = Self::new(
            code,
            format!(
                "invalid parameters for {}: {}",
                invalid.action,
                messages.join("; ")
            ),
            EXIT_USAGE,
        );
        if let [ParamError::Unknown { name, known, .. }] = invalid.errors.as_slice() {
            let suggestions = suggest::closest(name, known.iter().copied());
            error = error.with("Suggestions", json!(suggestions));
        }
        error.with("Errors", Value::Array(details))
    }

    /// A failure of the client: the service's error with its code and RequestId, or
    /// what kept the call from being made.
    pub fn call(error: &Error) -> Self {
        let (code, exit) = match error {
            Error::Api { code, .. } => (code.clone(), EXIT_CALL_FAILED),
            Error::ApiV2 { code, .. } => (
                tc_api_core::ErrorCode::as_code(code).to_owned(),
                EXIT_CALL_FAILED,
            ),
            Error::HttpStatus { .. } => ("HttpError".to_owned(), EXIT_CALL_FAILED),
            Error::Transport { .. } => ("TransportError".to_owned(), EXIT_CALL_FAILED),
            Error::Timeout { .. } => ("Timeout".to_owned(), EXIT_CALL_FAILED),
            Error::Decode { .. } => ("DecodeError".to_owned(), EXIT_CALL_FAILED),
            Error::TooLarge { .. } => ("ResponseTooLarge".to_owned(), EXIT_CALL_FAILED),
            Error::Credential(_) => ("CredentialError".to_owned(), EXIT_CALL_FAILED),
            Error::InvalidRequest(_) => ("InvalidRequest".to_owned(), EXIT_USAGE),
            Error::Config(_) => ("InvalidConfiguration".to_owned(), EXIT_USAGE),
            _ => ("Error".to_owned(), EXIT_CALL_FAILED),
        };
        let message = match error {
            Error::Api { message, .. } | Error::ApiV2 { message, .. } => message.clone(),
            other => other.to_string(),
        };
        let mut cli = Self::new(&code, message, exit);
        cli.request_id = error.request_id().map(|id| id.as_str().to_owned());
        if let Some(status) = error.http_status() {
            cli = cli.with("HttpStatus", json!(status));
        }
        if let Error::ApiV2 {
            code_desc: Some(desc),
            ..
        } = error
        {
            cli = cli.with("CodeDesc", json!(desc));
        }
        if let Some(detail) = error.v2_detail() {
            cli = cli.with("Detail", detail);
        }
        cli
    }

    /// The code printed.
    pub fn code(&self) -> &str {
        &self.code
    }

    /// The message printed.
    pub fn message(&self) -> &str {
        &self.message
    }

    /// The exit status.
    pub fn exit_status(&self) -> u8 {
        self.exit
    }

    /// The JSON object printed on stderr.
    pub fn to_json(&self) -> Value {
        let mut object = Map::new();
        object.insert("Code".to_owned(), json!(self.code));
        object.insert("Message".to_owned(), json!(self.message));
        object.insert("RequestId".to_owned(), json!(self.request_id));
        object.extend(self.extra.clone());
        Value::Object(object)
    }
}

/// Up to this many known names are listed when none is close to an unknown one.
const MAX_LISTED: usize = 12;

fn param_code(error: &ParamError) -> &'static str {
    match error {
        ParamError::Unknown { .. } => "UnknownParameter",
        ParamError::Missing { .. } => "MissingParameter",
        ParamError::WrongType { .. } | ParamError::NotAnObject { .. } => "InvalidParameterType",
        _ => "InvalidParameterValue",
    }
}

/// The problem's message, with "did you mean" for an unknown name.
fn param_message(error: &ParamError) -> String {
    match error {
        ParamError::Unknown { name, known, .. } => {
            let suggestions = suggest::closest(name, known.iter().copied());
            match suggestions.as_slice() {
                [] if known.is_empty() => format!("{error} (it takes no parameters)"),
                // Nothing close: a short list of what there is helps more than nothing.
                [] if known.len() <= MAX_LISTED => {
                    format!("{error} (known: {})", known.join(", "))
                }
                _ => format!("{error}{}", suggest::did_you_mean(&suggestions)),
            }
        }
        other => other.to_string(),
    }
}

fn param_detail(error: &ParamError) -> Value {
    let mut detail = json!({
        "Code": param_code(error),
        "Parameter": error.path(),
        "Message": param_message(error),
    });
    match error {
        ParamError::Unknown { name, known, .. } => {
            detail["Suggestions"] = json!(suggest::closest(name, known.iter().copied()));
        }
        ParamError::Missing { expected, .. } | ParamError::WrongType { expected, .. } => {
            detail["Expected"] = json!(expected);
        }
        _ => {}
    }
    detail
}
