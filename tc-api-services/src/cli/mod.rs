//! The `tcapi` command line (cargo feature `cli`): every API 3.0 action of the cloud,
//! called by name from a shell, its parameters checked before anything is sent. An
//! action compiled in (the registry of annotated actions) is checked against its typed
//! definition and sent through it; every other one is checked against the schema table
//! ([`table`], generated with the actions) and sent through [`Client::call_json`] with
//! the table's version. Actions neither knows are still sent unchecked, by name, with
//! `--version` or `--api2`.
//!
//! ```sh
//! tcapi tcmpp ReleaseMNPVersion --MNPVersionId 2597 --PlatformId T04257DS9431720WTAG --region ap-guangzhou
//! tcapi tcmpp ReleaseMNPVersion --generate-cli-skeleton
//! tcapi cvm DescribeInstances --Limit 10 --region ap-guangzhou   # from the table
//! tcapi list cvm
//! ```
//!
//! `tcapi --help` describes every option. The binary is `src/bin/tcapi.rs`; this module
//! is the whole program, so that tests can drive it.

mod args;
mod catalog;
mod error;
mod output;
mod params;
mod schema_table;
mod suggest;
pub mod table;

use std::ffi::OsString;
use std::io::Write;
use std::sync::Arc;

use serde_json::Value;
use tc_api_core::client::Output;
use tc_api_core::credential::{DefaultChain, ProfileProvider, ProvideCredential};
use tc_api_core::registry::{self, ActionEntry, CallError, InvalidParams, Schema, check_schema};
use tc_api_core::{Client, RegionPolicy};

use catalog::Definition;
use table::TableAction;

pub use args::{Call, Globals, Invocation, OutputFormat, RawParam, parse};
pub use error::{CliError, EXIT_CALL_FAILED, EXIT_USAGE};
pub use suggest::closest;

/// The variable the region is read from when `--region` is not given.
pub const ENV_REGION: &str = "TENCENTCLOUD_REGION";

/// The keys an error object (and each of its `Errors`) starts with.
const ERROR_KEYS_FIRST: &[&str] = &["Code", "Parameter", "Message", "RequestId"];

/// Runs `tcapi` with `args` (without the program name), writing results to `stdout`
/// and errors, as JSON, to `stderr`; returns the exit status.
pub fn main_with(
    args: impl IntoIterator<Item = OsString>,
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
) -> u8 {
    let written = match run(args) {
        Ok(text) => stdout.write_all(text.as_bytes()).map(|()| 0),
        Err(error) => {
            let text = output::pretty_ordered(&error.to_json(), ERROR_KEYS_FIRST, &[]);
            stderr
                .write_all(text.as_bytes())
                .map(|()| error.exit_status())
        }
    };
    // A closed stdout (`tcapi ... | head`) leaves nothing more to report.
    written.unwrap_or(EXIT_CALL_FAILED)
}

/// Runs `tcapi`; `Ok` holds what to print on stdout.
pub fn run(args: impl IntoIterator<Item = OsString>) -> Result<String, CliError> {
    let is_param =
        |service: &str, action: &str, name: &str| match catalog::find(service, action, None) {
            Ok(Some(Definition::Typed(entry))) => entry.params().field(name).is_some(),
            Ok(Some(Definition::Table(action))) => {
                action.params.fields().iter().any(|f| f.name == name)
            }
            _ => false,
        };
    match parse(args, &is_param)? {
        Invocation::Help(text) => Ok(text),
        Invocation::List { service, globals } => {
            let format = globals.output.unwrap_or(OutputFormat::Table);
            if let Some(service) = service.as_deref() {
                known_service(service)?;
            }
            Ok(output::list(service.as_deref(), format))
        }
        Invocation::ServiceHelp { service, .. } => {
            known_service(&service)?;
            Ok(output::service_help(&service))
        }
        Invocation::Call(call) => run_call(call),
    }
}

/// What a call goes through: a typed definition, the schema table, or the name alone.
enum Target {
    Registered(&'static ActionEntry),
    Table(TableAction),
    ByName { version: Option<String> },
}

fn run_call(call: Call) -> Result<String, CliError> {
    let target = resolve(&call)?;
    let schema = match &target {
        Target::Registered(entry) => Some(Schema::Object(entry.params())),
        Target::Table(action) => Some(Schema::Built(action.params)),
        Target::ByName { .. } => None,
    };
    if call.help {
        return match &target {
            Target::Registered(entry) => Ok(output::action_help(entry)),
            Target::Table(action) => Ok(output::table_action_help(action)),
            Target::ByName { .. } => Err(CliError::usage(format!(
                "{} {} has no definition, so there is no help for it; its parameters are those of the API documents",
                call.service, call.action
            ))),
        };
    }
    if call.skeleton {
        return match schema {
            Some(schema) => Ok(output::pretty(&schema.skeleton())),
            None => Err(CliError::usage(format!(
                "{} {} has no definition, so there is no template of its request",
                call.service, call.action
            ))),
        };
    }
    let mut params = params::build(call.input_json.as_deref(), &call.params, schema)?;
    // Everything is checked before a credential is even looked for.
    match &target {
        Target::Registered(entry) => entry
            .check(&params)
            .map_err(|invalid| CliError::invalid_params(&invalid))?,
        Target::Table(action) => {
            let errors = check_schema(action.params, &params);
            if !errors.is_empty() {
                return Err(CliError::invalid_params(&InvalidParams {
                    action: action.name,
                    errors,
                }));
            }
            // The check let `null` through only for optional members: leave them out, as
            // a typed definition leaves out its `None` fields.
            drop_nulls(&mut params);
        }
        Target::ByName { .. } => {}
    }
    let entry = match &target {
        Target::Registered(entry) => Some(*entry),
        _ => None,
    };
    let client = client(&call.globals, entry)?;
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|error| CliError::runtime(format!("cannot start the async runtime: {error}")))?;
    let output = runtime.block_on(send(&client, &call, &target, params))?;
    let format = call.globals.output.unwrap_or(OutputFormat::Json);
    Ok(output::render_response(&output, format))
}

/// Removes every `null` member of every object in `value`.
fn drop_nulls(value: &mut Value) {
    match value {
        Value::Object(map) => {
            map.retain(|_, member| !member.is_null());
            map.values_mut().for_each(drop_nulls);
        }
        Value::Array(items) => items.iter_mut().for_each(drop_nulls),
        _ => {}
    }
}

async fn send(
    client: &Client,
    call: &Call,
    target: &Target,
    params: Value,
) -> Result<Output<Value>, CliError> {
    match target {
        Target::Registered(entry) => {
            entry
                .send(client, params)
                .await
                .map_err(|error| match error {
                    CallError::InvalidParams(invalid) => CliError::invalid_params(&invalid),
                    CallError::Call(error) => CliError::call(&error),
                })
        }
        Target::Table(action) => client
            .call_json(action.service.name, action.version, action.name, params)
            .await
            .map_err(|error| CliError::call(&error)),
        Target::ByName {
            version: Some(version),
        } => client
            .call_json(&call.service, version, &call.action, params)
            .await
            .map_err(|error| CliError::call(&error)),
        Target::ByName { version: None } => client
            .call_json_v2(&call.service, &call.action, params)
            .await
            .map_err(|error| CliError::call(&error)),
    }
}

/// The typed definition, else the table's, of the version asked for (by default the
/// newest); a call by name when `--version` (or `--api2`) names a version neither has;
/// otherwise an error with the closest names.
fn resolve(call: &Call) -> Result<Target, CliError> {
    if call.api2 && call.version.is_some() {
        return Err(CliError::usage(
            "--api2 and --version exclude each other: API 2.0 has no version",
        ));
    }
    let version = match (&call.version, call.api2) {
        (Some(version), _) => Some(version.as_str()),
        (None, true) => Some(registry::API2_LABEL),
        (None, false) => None,
    };
    match catalog::find(&call.service, &call.action, version).map_err(CliError::runtime)? {
        Some(Definition::Typed(entry)) => return Ok(Target::Registered(entry)),
        Some(Definition::Table(action)) => return Ok(Target::Table(action)),
        None => {}
    }
    if version.is_some() {
        return Ok(Target::ByName {
            version: call.version.clone(),
        });
    }
    known_service(&call.service)?;
    let actions: Vec<&str> = catalog::service_actions(&call.service)
        .iter()
        .map(|known| known.action)
        .collect();
    Err(CliError::unknown_action(
        &call.service,
        &call.action,
        closest(&call.action, actions.iter().copied()),
    ))
}

fn known_service(service: &str) -> Result<(), CliError> {
    let services = catalog::services();
    if services.contains(&service) {
        Ok(())
    } else {
        Err(CliError::unknown_service(
            service,
            closest(service, services.iter().copied()),
        ))
    }
}

/// The client the options describe. The credential: `--profile NAME` reads that profile
/// of the credentials file only (an explicit choice beats the environment); otherwise
/// the default chain. The region: `--region`, else `TENCENTCLOUD_REGION` when the action
/// takes a region.
fn client(globals: &Globals, entry: Option<&ActionEntry>) -> Result<Client, CliError> {
    let credentials: Arc<dyn ProvideCredential> = match &globals.profile {
        Some(profile) => Arc::new(ProfileProvider::new().profile(profile)),
        None => Arc::new(DefaultChain::new()),
    };
    let mut builder = Client::builder().credential_provider_arc(credentials);
    let takes_region = entry.is_none_or(|entry| entry.meta.region != RegionPolicy::None);
    let region = globals.region.clone().or_else(|| {
        std::env::var(ENV_REGION)
            .ok()
            .filter(|region| takes_region && !region.is_empty())
    });
    if let Some(region) = region {
        builder = builder.region(region);
    }
    if let Some(endpoint) = &globals.endpoint {
        builder = builder.endpoint(endpoint);
    }
    if let Some(method) = globals.sign_method {
        builder = builder.sign_method(method);
    }
    if let Some(method) = globals.http_method {
        builder = builder.http_method(method);
    }
    if let Some(language) = globals.language {
        builder = builder.language(language);
    }
    if let Some(timeout) = globals.timeout {
        builder = builder.total_timeout(timeout);
    }
    builder.build().map_err(|error| CliError::call(&error))
}
