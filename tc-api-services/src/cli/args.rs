//! The command line: `tcapi SERVICE ACTION [--Param VALUE ...] [options]` and
//! `tcapi list [SERVICE]`.
//!
//! Action parameters are not known to the parser (they come from the registry, and
//! actions nobody annotated have any), so the arguments are split first: the options of
//! this program (all lower-case with dashes) and the positionals go to clap, which checks
//! them and writes the help; every other `--Name VALUE` (or `--Name=VALUE`) is an action
//! parameter. Options may come anywhere, before or after the parameters.

use std::ffi::OsString;
use std::time::Duration;

use clap::{Arg, ArgAction, ArgMatches, Command};
use tc_api_core::client::{HttpMethod, Language, SignMethod};

use super::CliError;

/// Options that take a value, as written on the command line.
const VALUE_OPTIONS: &[&str] = &[
    "--region",
    "--endpoint",
    "--profile",
    "--sign-method",
    "--http-method",
    "--language",
    "--timeout",
    "--output",
    "--version",
    "--cli-input-json",
];
/// Options without a value.
const FLAG_OPTIONS: &[&str] = &["--generate-cli-skeleton", "--api2"];

/// How results are printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OutputFormat {
    /// Pretty-printed JSON.
    Json,
    /// Aligned text tables.
    Table,
}

/// The options that shape the client and the output.
#[derive(Debug, Clone, Default)]
pub struct Globals {
    /// `--region`.
    pub region: Option<String>,
    /// `--endpoint`.
    pub endpoint: Option<String>,
    /// `--profile`.
    pub profile: Option<String>,
    /// `--sign-method`.
    pub sign_method: Option<SignMethod>,
    /// `--http-method`.
    pub http_method: Option<HttpMethod>,
    /// `--language`.
    pub language: Option<Language>,
    /// `--timeout`, the limit of the whole call.
    pub timeout: Option<Duration>,
    /// `--output`; `None` when not given (each command has its default).
    pub output: Option<OutputFormat>,
}

/// One `--Name VALUE` action parameter, as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawParam {
    /// The name without dashes, possibly dotted (`Filters.0.Name`).
    pub name: String,
    /// The value text.
    pub value: String,
}

/// What the command line asks for.
#[derive(Debug)]
pub enum Invocation {
    /// `tcapi --help`, or no arguments: the general help.
    Help(String),
    /// `tcapi list [SERVICE]`.
    List {
        /// Only this service's actions.
        service: Option<String>,
        /// The options.
        globals: Globals,
    },
    /// `tcapi SERVICE --help`: the service's actions.
    ServiceHelp {
        /// The service.
        service: String,
        /// The options.
        globals: Globals,
    },
    /// `tcapi SERVICE ACTION ...`.
    Call(Call),
}

/// A call of one action, or a question about it (`--help`, `--generate-cli-skeleton`).
#[derive(Debug)]
pub struct Call {
    /// The service (`tcmpp`).
    pub service: String,
    /// The action (`ReleaseMNPVersion`).
    pub action: String,
    /// `--version`: the API version; required to call an action the registry lacks.
    pub version: Option<String>,
    /// `--api2`: call an action the registry lacks in the API 2.0 style.
    pub api2: bool,
    /// `--cli-input-json`: JSON text or `file://PATH`.
    pub input_json: Option<String>,
    /// `--generate-cli-skeleton`.
    pub skeleton: bool,
    /// `--help` after the action.
    pub help: bool,
    /// The action parameters, in order.
    pub params: Vec<RawParam>,
    /// The options.
    pub globals: Globals,
}

const ABOUT: &str = "Calls Tencent Cloud API actions: every API 3.0 action of the cloud, its \
parameters checked before anything is sent, against the typed definition when it is \
compiled in and against the schema table built into tcapi otherwise; and actions neither \
knows, by name.";

const AFTER_HELP: &str = "\
Commands:
  tcapi SERVICE ACTION [--Param VALUE ...] [--cli-input-json JSON|file://PATH]
                      call an action; prints the response JSON (with RequestId)
  tcapi SERVICE ACTION --help                    the action's parameters
  tcapi SERVICE ACTION --generate-cli-skeleton   a JSON template of the request
  tcapi SERVICE --help                           the service's actions
  tcapi list [SERVICE]                           services, versions and actions

Parameters:
  --Name VALUE        VALUE is read as JSON when it parses (1, true, [\"a\"], {\"K\": 1}),
                      else as a string; a String parameter takes the text as it is.
  --Filters.0.Name V  dotted names set nested values (array indexes from 0).
  --cli-input-json    all parameters as one JSON object; --Name VALUE given too wins.
  Parameters are checked against the action's definition before anything is sent:
  unknown names, missing required parameters and wrong types are errors. The
  definition is the typed one when compiled in (`tcapi list` counts them as Typed),
  else the schema table's, sent with the table's newest version of the action
  (--version VERSION picks another).
  After SERVICE ACTION, a parameter named like an option of tcapi (API 2.0's
  `language`) is the parameter; give the option before SERVICE then.

Actions neither compiled in nor in the table:
  tcapi SERVICE ACTION --version YYYY-MM-DD [--Param VALUE ...]   (API 3.0)
  tcapi SERVICE ACTION --api2 [--param VALUE ...]                   (API 2.0)
  sends the parameters unchecked, by name, through the same client (signing, retries).

Credentials: TENCENTCLOUD_SECRET_ID / TENCENTCLOUD_SECRET_KEY (and
TENCENTCLOUD_SESSION_TOKEN), else the profile file (TENCENTCLOUD_CREDENTIALS_FILE or
~/.tencentcloud/credentials, profile TENCENTCLOUD_PROFILE or default); --profile NAME
reads that profile of the file only. Region: --region, else TENCENTCLOUD_REGION.

Exit status: 0 success; 1 the call failed (the service's error, transport, credentials);
2 the command line or the parameters are wrong (nothing was sent). Errors are printed to
stderr as JSON: {\"Code\": ..., \"Message\": ..., \"RequestId\": ...}.";

/// The clap definition of everything but the action parameters.
fn command() -> Command {
    let value = |name: &'static str, placeholder: &'static str, help: &'static str| {
        Arg::new(name)
            .long(name)
            .value_name(placeholder)
            .action(ArgAction::Set)
            .help(help)
    };
    Command::new("tcapi")
        .about(ABOUT)
        .after_help(AFTER_HELP)
        .disable_version_flag(true)
        .disable_help_flag(true)
        .arg(
            Arg::new("service")
                .value_name("SERVICE")
                .help("service name, such as tcmpp; or `list`"),
        )
        .arg(
            Arg::new("action")
                .value_name("ACTION")
                .help("action name, such as ReleaseMNPVersion"),
        )
        .arg(value("region", "REGION", "region, such as ap-guangzhou"))
        .arg(value(
            "endpoint",
            "URL",
            "send to this endpoint instead of SERVICE.tencentcloudapi.com (an emulator, a proxy)",
        ))
        .arg(value(
            "profile",
            "NAME",
            "read the credential from this profile of the credentials file",
        ))
        .arg(
            value("sign-method", "METHOD", "signature method").value_parser([
                "TC3-HMAC-SHA256",
                "HmacSHA256",
                "HmacSHA1",
            ]),
        )
        .arg(
            value("http-method", "METHOD", "HTTP method")
                .value_parser(["POST", "GET"])
                .ignore_case(true),
        )
        .arg(
            value("language", "LANG", "language of error messages")
                .value_parser(["zh-CN", "en-US"]),
        )
        .arg(value(
            "timeout",
            "SECONDS",
            "limit of the whole call, retries included",
        ))
        .arg(
            value(
                "output",
                "FORMAT",
                "output format (default: json for calls, table for list and help)",
            )
            .value_parser(["json", "table"]),
        )
        .arg(value(
            "version",
            "VERSION",
            "API version: picks a version of the action, or calls an action nobody describes by name",
        ))
        .arg(value(
            "cli-input-json",
            "JSON",
            "all parameters as a JSON object, or file://PATH of one",
        ))
        .arg(
            Arg::new("generate-cli-skeleton")
                .long("generate-cli-skeleton")
                .action(ArgAction::SetTrue)
                .help("print a JSON template of the request and exit"),
        )
        .arg(
            Arg::new("api2")
                .long("api2")
                .action(ArgAction::SetTrue)
                .help("call an action nobody describes in the API 2.0 style"),
        )
}

/// The general help text.
pub fn help() -> String {
    command().render_long_help().to_string()
}

/// Parses the arguments after the program name. `is_param(service, action, name)` tells
/// whether the action has a parameter `name`: after SERVICE ACTION, such a name is read
/// as the parameter even when it is also an option of this program (API 2.0's
/// `language`); the option can still be given before SERVICE.
pub fn parse(
    args: impl IntoIterator<Item = OsString>,
    is_param: &dyn Fn(&str, &str, &str) -> bool,
) -> Result<Invocation, CliError> {
    let mut args = args
        .into_iter()
        .map(|arg| {
            arg.into_string()
                .map_err(|arg| CliError::usage(format!("argument {arg:?} is not valid UTF-8")))
        })
        .collect::<Result<Vec<String>, CliError>>()?
        .into_iter();
    let mut known: Vec<String> = vec!["tcapi".to_owned()];
    let mut positionals: Vec<String> = Vec::new();
    let mut params: Vec<RawParam> = Vec::new();
    let mut help = false;
    let mut only_positionals = false;
    while let Some(arg) = args.next() {
        if only_positionals {
            positionals.push(arg);
            continue;
        }
        if arg == "--" {
            only_positionals = true;
            continue;
        }
        if arg == "-h" || arg == "--help" {
            help = true;
            continue;
        }
        let Some(long) = arg.strip_prefix("--") else {
            if arg.starts_with('-') && arg.len() > 1 {
                // An unknown short option: let clap say so.
                known.push(arg);
            } else {
                positionals.push(arg);
            }
            continue;
        };
        let (name, inline) = match long.split_once('=') {
            Some((name, value)) => (name, Some(value.to_owned())),
            None => (long, None),
        };
        let option = format!("--{name}");
        let a_parameter = match positionals.as_slice() {
            [service, action, ..] => is_param(service, action, name),
            _ => false,
        };
        if VALUE_OPTIONS.contains(&option.as_str()) && !a_parameter {
            let value = inline
                .or_else(|| args.next())
                .ok_or_else(|| CliError::usage(format!("{option} needs a value")))?;
            // `--name=value`, so that a value starting with `-` stays a value.
            known.push(format!("{option}={value}"));
        } else if FLAG_OPTIONS.contains(&option.as_str()) {
            if inline.is_some() {
                return Err(CliError::usage(format!("{option} takes no value")));
            }
            known.push(option);
        } else {
            if name.is_empty() {
                return Err(CliError::usage(format!("{arg:?} names no parameter")));
            }
            let value = inline.or_else(|| args.next()).ok_or_else(|| {
                CliError::usage(format!(
                    "parameter --{name} needs a value (write --{name} VALUE or --{name}=VALUE)"
                ))
            })?;
            params.push(RawParam {
                name: name.to_owned(),
                value,
            });
        }
    }
    if positionals.first().map(String::as_str) == Some("list") {
        if let Some(param) = params.first() {
            return Err(CliError::usage(format!(
                "`list` takes no parameters; found --{}",
                param.name
            )));
        }
        let service = positionals.get(1).cloned();
        known.extend(positionals.into_iter().take(2));
        let matches = clap_parse(known)?;
        return Ok(Invocation::List {
            service,
            globals: globals(&matches)?,
        });
    }
    known.extend(positionals);
    let matches = clap_parse(known)?;
    let service = matches.get_one::<String>("service").cloned();
    let action = matches.get_one::<String>("action").cloned();
    let globals = globals(&matches)?;
    let (service, action) = match (service, action) {
        (None, _) => return Ok(Invocation::Help(self::help())),
        (Some(service), None) if help => return Ok(Invocation::ServiceHelp { service, globals }),
        (Some(service), None) => {
            return Err(CliError::usage(format!(
                "missing the action after {service:?}; `tcapi {service} --help` lists them"
            )));
        }
        (Some(service), Some(action)) => (service, action),
    };
    Ok(Invocation::Call(Call {
        service,
        action,
        version: matches.get_one::<String>("version").cloned(),
        api2: matches.get_flag("api2"),
        input_json: matches.get_one::<String>("cli-input-json").cloned(),
        skeleton: matches.get_flag("generate-cli-skeleton"),
        help,
        params,
        globals,
    }))
}

fn clap_parse(args: Vec<String>) -> Result<ArgMatches, CliError> {
    command()
        .try_get_matches_from(args)
        .map_err(|error| CliError::usage(error.render().to_string().trim_end().to_owned()))
}

fn globals(matches: &ArgMatches) -> Result<Globals, CliError> {
    let text = |name: &str| matches.get_one::<String>(name).cloned();
    let sign_method = text("sign-method").map(|method| match method.as_str() {
        "HmacSHA1" => SignMethod::HmacSha1,
        "HmacSHA256" => SignMethod::HmacSha256,
        _ => SignMethod::Tc3HmacSha256,
    });
    let http_method = text("http-method").map(|method| {
        if method.eq_ignore_ascii_case("GET") {
            HttpMethod::Get
        } else {
            HttpMethod::Post
        }
    });
    let language = text("language").map(|language| match language.as_str() {
        "en-US" => Language::EnUs,
        _ => Language::ZhCn,
    });
    let output = text("output").map(|format| match format.as_str() {
        "table" => OutputFormat::Table,
        _ => OutputFormat::Json,
    });
    let timeout = text("timeout").map(|t| parse_timeout(&t)).transpose()?;
    Ok(Globals {
        region: text("region"),
        endpoint: text("endpoint"),
        profile: text("profile"),
        sign_method,
        http_method,
        language,
        timeout,
        output,
    })
}

fn parse_timeout(text: &str) -> Result<Duration, CliError> {
    let seconds: f64 = text.trim().parse().map_err(|_| {
        CliError::usage(format!(
            "--timeout takes a number of seconds; found {text:?}"
        ))
    })?;
    if !(seconds.is_finite() && seconds > 0.0 && seconds <= 86_400.0) {
        return Err(CliError::usage(format!(
            "--timeout must be more than 0 and at most 86400 seconds; found {text:?}"
        )));
    }
    Ok(Duration::from_secs_f64(seconds))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_str(args: &[&str]) -> Result<Invocation, CliError> {
        parse(args.iter().map(OsString::from), &|_, action, name| {
            action == "GenerateApiDocument" && name == "language"
        })
    }

    fn call(args: &[&str]) -> Call {
        match parse_str(args).unwrap() {
            Invocation::Call(call) => call,
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn options_anywhere_and_parameters_in_order() {
        let call = call(&[
            "--region",
            "ap-guangzhou",
            "tcmpp",
            "--MNPVersionId",
            "2597",
            "ReleaseMNPVersion",
            "--PlatformId=T0",
            "--output",
            "table",
            "--Offset",
            "-1",
            "--timeout=2.5",
        ]);
        assert_eq!(call.service, "tcmpp");
        assert_eq!(call.action, "ReleaseMNPVersion");
        assert_eq!(call.globals.region.as_deref(), Some("ap-guangzhou"));
        assert_eq!(call.globals.output, Some(OutputFormat::Table));
        assert_eq!(call.globals.timeout, Some(Duration::from_millis(2500)));
        let params: Vec<(&str, &str)> = call
            .params
            .iter()
            .map(|p| (p.name.as_str(), p.value.as_str()))
            .collect();
        assert_eq!(
            params,
            [
                ("MNPVersionId", "2597"),
                ("PlatformId", "T0"),
                ("Offset", "-1")
            ]
        );
    }

    #[test]
    fn a_parameter_named_like_an_option_is_a_parameter_after_the_action() {
        let call = call(&[
            "--language",
            "en-US",
            "apigateway",
            "GenerateApiDocument",
            "--language",
            "python",
        ]);
        assert_eq!(call.globals.language, Some(Language::EnUs));
        assert_eq!(
            call.params,
            [RawParam {
                name: "language".into(),
                value: "python".into()
            }]
        );
        let call = super::tests::call(&["apigateway", "DescribeApi", "--language", "zh-CN"]);
        assert_eq!(call.globals.language, Some(Language::ZhCn));
        assert!(call.params.is_empty());
    }

    #[test]
    fn flags_and_methods() {
        let call = call(&[
            "cvm",
            "DescribeZones",
            "--version",
            "2017-03-12",
            "--generate-cli-skeleton",
            "--sign-method",
            "HmacSHA1",
            "--http-method",
            "get",
            "--language",
            "en-US",
            "--help",
        ]);
        assert_eq!(call.version.as_deref(), Some("2017-03-12"));
        assert!(call.skeleton && call.help && !call.api2);
        assert_eq!(call.globals.sign_method, Some(SignMethod::HmacSha1));
        assert_eq!(call.globals.http_method, Some(HttpMethod::Get));
        assert_eq!(call.globals.language, Some(Language::EnUs));
    }

    #[test]
    fn list_help_and_service_help() {
        assert!(matches!(
            parse_str(&["list"]).unwrap(),
            Invocation::List { service: None, .. }
        ));
        assert!(matches!(
            parse_str(&["list", "tcmpp", "--output", "json"]).unwrap(),
            Invocation::List { service: Some(s), globals } if s == "tcmpp" && globals.output == Some(OutputFormat::Json)
        ));
        assert!(matches!(parse_str(&[]).unwrap(), Invocation::Help(_)));
        match parse_str(&["--help"]).unwrap() {
            Invocation::Help(text) => {
                assert!(text.contains("--cli-input-json"), "{text}");
                assert!(text.contains("Exit status"), "{text}");
            }
            other => panic!("{other:?}"),
        }
        assert!(matches!(
            parse_str(&["tcmpp", "-h"]).unwrap(),
            Invocation::ServiceHelp { service, .. } if service == "tcmpp"
        ));
    }

    #[test]
    fn mistakes_are_usage_errors() {
        for (args, needle) in [
            (&["tcmpp"][..], "missing the action"),
            (&["tcmpp", "A", "--region"][..], "--region needs a value"),
            (&["tcmpp", "A", "--Limit"][..], "--Limit needs a value"),
            (&["tcmpp", "A", "--api2=1"][..], "takes no value"),
            (&["tcmpp", "A", "--output", "xml"][..], "xml"),
            (&["tcmpp", "A", "--timeout", "0"][..], "more than 0"),
            (
                &["tcmpp", "A", "--timeout", "soon"][..],
                "number of seconds",
            ),
            (&["tcmpp", "A", "extra"][..], "extra"),
            (&["tcmpp", "A", "-x"][..], "-x"),
            (&["list", "--Limit", "1"][..], "takes no parameters"),
        ] {
            let err = parse_str(args).unwrap_err();
            assert_eq!(err.code(), "InvalidCommandLine", "{args:?}");
            assert!(
                err.message().contains(needle),
                "{args:?}: {}",
                err.message()
            );
        }
    }
}
