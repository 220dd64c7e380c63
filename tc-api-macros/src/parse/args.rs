//! The options inside `#[tc_action(...)]` / `#[tc_model(...)]`.
//!
//! Parsing never stops at the first mistake: each bad option is recorded and skipped up
//! to the next comma, so every mistake in the list gets its own message.

use proc_macro2::{TokenStream, TokenTree};
use quote::ToTokens;
use syn::ext::IdentExt;
use syn::parse::{ParseStream, Parser};
use syn::{Ident, Lit, LitBool, LitInt, LitStr, Token, Type};

use super::{MacroKind, closest};
use crate::errors::Errors;

/// A value together with the option name it was given under, for error spans.
pub(crate) struct Given<T> {
    pub(crate) key: Ident,
    pub(crate) value: T,
}

/// The options as written; `None` where an option was absent or malformed.
#[derive(Default)]
pub(crate) struct Args {
    pub(crate) service: Option<Given<LitStr>>,
    pub(crate) version: Option<Given<LitStr>>,
    pub(crate) api2: Option<Ident>,
    pub(crate) action: Option<Given<LitStr>>,
    pub(crate) response: Option<Given<Type>>,
    pub(crate) errors: Option<Given<Type>>,
    pub(crate) host: Option<Given<LitStr>>,
    pub(crate) region: Option<Given<LitStr>>,
    pub(crate) regions: Option<Given<Vec<LitStr>>>,
    pub(crate) rate_limit: Option<Given<LitInt>>,
    pub(crate) idempotent: Option<Given<LitBool>>,
    pub(crate) krate: Option<Given<LitStr>>,
    /// Every known option that was written, well-formed or not: a malformed option is
    /// reported once, not again as missing.
    pub(crate) written: Vec<&'static str>,
}

impl Args {
    /// Whether the option was written at all.
    pub(crate) fn wrote(&self, name: &str) -> bool {
        self.written.contains(&name)
    }
}

/// What an option's value looks like.
#[derive(Clone, Copy, PartialEq, Eq)]
enum ValueKind {
    Flag,
    Str,
    Int,
    Bool,
    Type,
    StrList,
}

/// One accepted option: name, value kind, an example for messages.
struct OptionSpec {
    name: &'static str,
    kind: ValueKind,
    example: &'static str,
}

const fn spec(name: &'static str, kind: ValueKind, example: &'static str) -> OptionSpec {
    OptionSpec {
        name,
        kind,
        example,
    }
}

const ACTION_OPTIONS: &[OptionSpec] = &[
    spec("service", ValueKind::Str, r#"service = "cvm""#),
    spec("version", ValueKind::Str, r#"version = "2017-03-12""#),
    spec("api2", ValueKind::Flag, "api2"),
    spec("action", ValueKind::Str, r#"action = "DescribeInstances""#),
    spec(
        "response",
        ValueKind::Type,
        "response = DescribeInstancesResponse",
    ),
    spec("errors", ValueKind::Type, "errors = DescribeInstancesError"),
    spec(
        "host",
        ValueKind::Str,
        r#"host = "cvm.tencentcloudapi.com""#,
    ),
    spec("region", ValueKind::Str, r#"region = "optional""#),
    spec(
        "regions",
        ValueKind::StrList,
        r#"regions = ["ap-guangzhou", "ap-shanghai"]"#,
    ),
    spec("rate_limit", ValueKind::Int, "rate_limit = 20"),
    spec("idempotent", ValueKind::Bool, "idempotent = true"),
    spec("crate", ValueKind::Str, r#"crate = "tc_api_core""#),
];

const MODEL_OPTIONS: &[OptionSpec] = &[
    spec("api2", ValueKind::Flag, "api2"),
    spec("crate", ValueKind::Str, r#"crate = "tc_api_core""#),
];

fn options(kind: MacroKind) -> &'static [OptionSpec] {
    match kind {
        MacroKind::Action => ACTION_OPTIONS,
        MacroKind::Model => MODEL_OPTIONS,
    }
}

/// A parsed option value.
enum Value {
    Flag,
    Str(LitStr),
    Int(LitInt),
    Bool(LitBool),
    Type(Box<Type>),
    StrList(Vec<LitStr>),
}

/// Parses the attribute's argument tokens, recording every mistake in `errors`.
pub(crate) fn parse_args(kind: MacroKind, tokens: TokenStream, errors: &mut Errors) -> Args {
    let mut args = Args::default();
    let parser = |input: ParseStream| {
        parse_options(kind, input, &mut args, errors);
        Ok(())
    };
    if let Err(error) = parser.parse2(tokens) {
        errors.push(error);
    }
    args
}

fn parse_options(kind: MacroKind, input: ParseStream, args: &mut Args, errors: &mut Errors) {
    while !input.is_empty() {
        if input.peek(Ident::peek_any) {
            let key = Ident::parse_any(input).expect("peeked an identifier");
            parse_option(kind, key, input, args, errors);
        } else {
            let skipped = skip_to_comma(input);
            errors.error(
                skipped,
                format!(
                    "expected an option name, such as `{}`",
                    options(kind)[0].example
                ),
            );
        }
        if !input.is_empty() && !input.peek(Token![,]) {
            let skipped = skip_to_comma(input);
            errors.error(skipped, "expected `,` between options");
        }
        if input.peek(Token![,]) {
            let _comma: Token![,] = input.parse().expect("peeked a comma");
        }
    }
}

fn parse_option(
    kind: MacroKind,
    key: Ident,
    input: ParseStream,
    args: &mut Args,
    errors: &mut Errors,
) {
    let name = key.unraw().to_string();
    let Some(spec) = options(kind).iter().find(|spec| spec.name == name) else {
        skip_to_comma(input);
        errors.error(&key, unknown_option_message(kind, &name));
        return;
    };
    let duplicate = args.wrote(spec.name);
    args.written.push(spec.name);
    let Some(value) = parse_value(spec, &key, input, errors) else {
        return;
    };
    if duplicate {
        errors.error(&key, format!("duplicate option `{}`", spec.name));
        return;
    }
    store(args, key, value);
}

fn unknown_option_message(kind: MacroKind, name: &str) -> String {
    if kind == MacroKind::Model && ACTION_OPTIONS.iter().any(|spec| spec.name == name) {
        return format!(
            "`{name}` is an option of #[tc_action]; #[tc_model] takes only `api2` and `crate`"
        );
    }
    let known: Vec<&str> = options(kind).iter().map(|spec| spec.name).collect();
    let mut message = format!("unknown option `{name}` of {}", kind.attribute());
    if let Some(suggestion) = closest(name, known.iter().copied()) {
        message.push_str(&format!("; did you mean `{suggestion}`?"));
    } else {
        message.push_str(&format!("; expected one of: {}", known.join(", ")));
    }
    message
}

fn parse_value(
    spec: &OptionSpec,
    key: &Ident,
    input: ParseStream,
    errors: &mut Errors,
) -> Option<Value> {
    if spec.kind == ValueKind::Flag {
        if input.peek(Token![=]) {
            let mut skipped = skip_to_comma(input);
            skipped = quote::quote!(#key #skipped);
            errors.error(
                skipped,
                format!(
                    "`{}` is a flag and takes no value: write `{}` alone",
                    spec.name, spec.name
                ),
            );
            return None;
        }
        return Some(Value::Flag);
    }
    if !input.peek(Token![=]) {
        let skipped = skip_to_comma(input);
        errors.error(
            quote::quote!(#key #skipped),
            format!("`{}` needs a value: `{}`", spec.name, spec.example),
        );
        return None;
    }
    let eq: Token![=] = input.parse().expect("peeked `=`");
    match spec.kind {
        ValueKind::Str if input.peek(LitStr) => Some(Value::Str(input.parse().ok()?)),
        ValueKind::Int if input.peek(LitInt) => Some(Value::Int(input.parse().ok()?)),
        ValueKind::Bool if input.peek(LitBool) => Some(Value::Bool(input.parse().ok()?)),
        ValueKind::StrList if input.peek(syn::token::Bracket) => {
            parse_str_list(input, errors).map(Value::StrList)
        }
        ValueKind::Type if !input.peek(Lit) && !input.peek(Token![,]) && !input.is_empty() => {
            match input.parse::<Type>() {
                Ok(ty) => Some(Value::Type(Box::new(ty))),
                Err(error) => {
                    skip_to_comma(input);
                    errors.push(error);
                    None
                }
            }
        }
        _ => {
            let skipped = skip_to_comma(input);
            let expected = match spec.kind {
                ValueKind::Str => "a string literal",
                ValueKind::Int => "an integer literal",
                ValueKind::Bool => "`true` or `false`",
                ValueKind::Type => "a type",
                ValueKind::StrList => "a list of string literals",
                ValueKind::Flag => unreachable!("flags are handled above"),
            };
            let message = format!("expected {expected}: `{}`", spec.example);
            if skipped.is_empty() {
                errors.error(eq, format!("missing value; {message}"));
            } else {
                errors.error(skipped, message);
            }
            None
        }
    }
}

/// `["ap-guangzhou", "ap-shanghai"]`; non-string elements are reported and dropped.
fn parse_str_list(input: ParseStream, errors: &mut Errors) -> Option<Vec<LitStr>> {
    let content = (|| {
        let content;
        syn::bracketed!(content in input);
        Ok(content)
    })()
    .ok()?;
    let mut names = Vec::new();
    while !content.is_empty() {
        if content.peek(LitStr) {
            names.push(content.parse::<LitStr>().ok()?);
        } else {
            let skipped = skip_to_comma(&content);
            errors.error(
                skipped,
                "expected a string literal such as \"ap-guangzhou\"",
            );
        }
        if !content.is_empty() && !content.peek(Token![,]) {
            let skipped = skip_to_comma(&content);
            errors.error(skipped, "expected `,` between region names");
        }
        if content.peek(Token![,]) {
            let _comma: Token![,] = content.parse().ok()?;
        }
    }
    Some(names)
}

/// Consumes tokens up to (not including) the next top-level comma and returns them.
fn skip_to_comma(input: ParseStream) -> TokenStream {
    let mut skipped = TokenStream::new();
    while !input.is_empty() && !input.peek(Token![,]) {
        match input.parse::<TokenTree>() {
            Ok(tree) => tree.to_tokens(&mut skipped),
            Err(_) => break,
        }
    }
    skipped
}

fn store(args: &mut Args, key: Ident, value: Value) {
    let name = key.unraw().to_string();
    match (name.as_str(), value) {
        ("api2", Value::Flag) => args.api2 = Some(key),
        ("service", Value::Str(value)) => args.service = Some(Given { key, value }),
        ("version", Value::Str(value)) => args.version = Some(Given { key, value }),
        ("action", Value::Str(value)) => args.action = Some(Given { key, value }),
        ("host", Value::Str(value)) => args.host = Some(Given { key, value }),
        ("region", Value::Str(value)) => args.region = Some(Given { key, value }),
        ("crate", Value::Str(value)) => args.krate = Some(Given { key, value }),
        ("response", Value::Type(value)) => args.response = Some(Given { key, value: *value }),
        ("errors", Value::Type(value)) => args.errors = Some(Given { key, value: *value }),
        ("regions", Value::StrList(value)) => args.regions = Some(Given { key, value }),
        ("rate_limit", Value::Int(value)) => args.rate_limit = Some(Given { key, value }),
        ("idempotent", Value::Bool(value)) => args.idempotent = Some(Given { key, value }),
        _ => unreachable!("the option table pairs each name with its value kind"),
    }
}
