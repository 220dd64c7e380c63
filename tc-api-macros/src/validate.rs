//! Meaning: checks every option value and wire name, fills in the defaults, and produces
//! the `Definition` that `expand` turns into code. Every mistake is recorded, spanned on
//! the token that is wrong (or on the attribute for an option that is missing).

use std::collections::HashMap;

use proc_macro2::Span;
use quote::{ToTokens, format_ident};
use syn::ext::IdentExt;
use syn::{GenericArgument, LitStr, Path, PathArguments, Type};

use crate::errors::Errors;
use crate::model::{ActionDefinition, Definition, Presence, RegionRule, WireField, casing};
use crate::parse::MacroKind;
use crate::parse::args::{Args, Given};
use crate::parse::item::{ParsedItem, RawField, Shape};
use crate::rules::{self, Casing};

/// Checks the parsed attribute and item; `None` when anything was wrong (all of it is in
/// `errors` then).
pub(crate) fn validate(
    kind: MacroKind,
    args: &Args,
    item: &ParsedItem,
    errors: &mut Errors,
) -> Option<Definition> {
    let krate = crate_path(args, errors);
    let casing = casing(args.api2.is_some());
    let ident = item.ident.clone()?;
    let fields = match &item.shape {
        Some(Shape::Named(fields)) => {
            let generic = !item.generics.params.is_empty();
            Some(Some(check_fields(
                kind, casing, &ident, fields, generic, errors,
            )))
        }
        Some(Shape::Unit) => {
            if kind == MacroKind::Model && !item.generics.params.is_empty() {
                errors.error(
                    &item.generics,
                    "a unit struct under #[tc_model] cannot be generic",
                );
            }
            Some(None)
        }
        None => None,
    };
    let action = match kind {
        MacroKind::Action => {
            if !item.generics.params.is_empty() {
                errors.error(
                    &item.generics,
                    "#[tc_action] structs cannot be generic: an action is one concrete request",
                );
            }
            check_action(args, &ident, errors)
        }
        MacroKind::Model => None,
    };
    let fields = fields?;
    if !errors.is_empty() {
        return None;
    }
    let all_optional = fields
        .iter()
        .flatten()
        .all(|field| field.presence != Presence::Required);
    Some(Definition {
        ident,
        krate,
        derive_default: all_optional && !item.derives_default,
        fields,
        action,
        doc: item.doc.clone(),
        generic: !item.generics.params.is_empty(),
    })
}

/// The path of tc-api-core: `crate = "..."` or `::tc_api_core`.
pub(crate) fn crate_path(args: &Args, errors: &mut Errors) -> Path {
    let default = || syn::parse_quote!(::tc_api_core);
    match &args.krate {
        None => default(),
        Some(Given { value, .. }) => value.parse::<Path>().unwrap_or_else(|_| {
            errors.error(
                value,
                format!(
                    "crate must be the path of tc-api-core in this crate, such as \"tc_api_core\"; found {:?}",
                    value.value()
                ),
            );
            default()
        }),
    }
}

/// The response type: `response = T` or `<Name>Response`, the latter spanned on the
/// struct's name so a missing type is reported there.
pub(crate) fn response_type(args: &Args, ident: &syn::Ident) -> Type {
    match &args.response {
        Some(given) => given.value.clone(),
        None => {
            let name = format_ident!("{}Response", ident.unraw(), span = ident.span());
            syn::parse_quote!(#name)
        }
    }
}

fn check_fields(
    kind: MacroKind,
    casing: Casing,
    ident: &syn::Ident,
    fields: &[RawField],
    generic: bool,
    errors: &mut Errors,
) -> Vec<WireField> {
    let mut seen: HashMap<String, &syn::Ident> = HashMap::new();
    let mut checked = Vec::with_capacity(fields.len());
    for field in fields {
        let (wire_name, span_tokens) = match &field.rename {
            Some(rename) => (rename.value.value(), rename.value.to_token_stream()),
            None => (
                rules::wire_name(&field.ident.unraw().to_string(), casing),
                field.ident.to_token_stream(),
            ),
        };
        let name_error = match kind {
            MacroKind::Action => action_name_error(field, &wire_name, casing, errors),
            MacroKind::Model => {
                if let Some(flag) = &field.shadows_common {
                    errors.error(
                        flag,
                        "`shadows_common` is for #[tc_action] fields; a #[tc_model] field may \
                         take a common parameter's name without it",
                    );
                }
                rules::check_model_name(&wire_name).err()
            }
        };
        if let Some(message) = name_error {
            errors.error(&span_tokens, message);
        } else if let Some(first) = seen.get(&wire_name) {
            errors.error(
                &span_tokens,
                format!("wire name `{wire_name}` is already used by field `{first}`"),
            );
        } else {
            seen.insert(wire_name.clone(), &field.ident);
        }
        for key in &field.serde_keys {
            if key == "rename" {
                errors.error(
                    key,
                    "#[serde(rename)] would bypass the wire-name checks; use #[tc(rename = \"...\")]",
                );
            }
        }
        // In a generic type serde must infer bounds from the field types, which it does not
        // do for fields with `serialize_with`.
        // Generated code names the type outside the struct's impls, where `Self` means
        // something else (serde's visitor) or nothing (a `static`).
        let ty = name_self(&field.ty, ident);
        let known = generic || known_serializable(&ty);
        let presence = presence(&ty);
        let user_default = field.serde_keys.iter().any(|key| key == "default");
        checked.push(WireField {
            checked_type: (!known).then(|| ty.clone()),
            wire_name,
            presence,
            user_serde_keys: field.serde_keys.iter().map(ToString::to_string).collect(),
            ty,
            required: presence == Presence::Required && !user_default,
            doc: field.doc.clone(),
        });
    }
    checked
}

/// What is wrong with an action field's wire name, if anything. A common parameter's
/// name needs `shadows_common` (services do define business parameters such as
/// `Language`); the flag is refused where it would mean nothing, on its own token.
fn action_name_error(
    field: &RawField,
    wire_name: &str,
    casing: Casing,
    errors: &mut Errors,
) -> Option<String> {
    let common = rules::common_parameter(wire_name, casing);
    if let Some(flag) = &field.shadows_common {
        match (casing, common) {
            (Casing::Pascal, Some(_)) => {}
            // API 2.0 matches common names exactly, and its own names start lower-case.
            (Casing::Camel, _) => errors.error(
                flag,
                "`shadows_common` is for API 3.0 actions: API 2.0 parameter names start \
                 lower-case, so none is a common parameter",
            ),
            (Casing::Pascal, None) => errors.error(
                flag,
                format!(
                    "`shadows_common` is only for a wire name that is a common parameter \
                     ({}); `{wire_name}` is not one, so remove the flag",
                    rules::COMMON_PARAMETERS.join(", ")
                ),
            ),
        }
    }
    match (common, casing) {
        (Some(common), Casing::Camel) => Some(format!(
            "wire name `{wire_name}` is the common parameter `{common}`, which the client \
             sends itself; remove this field or name it otherwise with #[tc(rename = \"...\")]"
        )),
        (Some(common), Casing::Pascal) if field.shadows_common.is_none() => {
            let fix = if field.rename.is_some() {
                format!("#[tc(rename = \"{wire_name}\", shadows_common)]")
            } else {
                "#[tc(shadows_common)]".to_owned()
            };
            Some(format!(
                "wire name `{wire_name}` is the common parameter `{common}`, which the client \
                 sends itself; if the action documents a business parameter of this name, \
                 write {fix}; otherwise remove this field or rename it"
            ))
        }
        _ => rules::check_parameter_name(wire_name, casing)
            .err()
            .map(|message| {
                if field.rename.is_none() {
                    format!("{message}; name the field otherwise or add #[tc(rename = \"...\")]")
                } else {
                    message
                }
            }),
    }
}

/// `ty` with every `Self` spelled as the struct's name.
fn name_self(ty: &Type, ident: &syn::Ident) -> Type {
    fn replace(tokens: proc_macro2::TokenStream, ident: &syn::Ident) -> proc_macro2::TokenStream {
        use proc_macro2::{Group, TokenTree};
        tokens
            .into_iter()
            .map(|tree| match tree {
                TokenTree::Ident(word) if word == "Self" => {
                    let mut name = ident.clone();
                    name.set_span(word.span());
                    TokenTree::Ident(name)
                }
                TokenTree::Group(group) => {
                    let mut replaced =
                        Group::new(group.delimiter(), replace(group.stream(), ident));
                    replaced.set_span(group.span());
                    TokenTree::Group(replaced)
                }
                other => other,
            })
            .collect()
    }
    // Replacing one identifier by another keeps the tokens a type.
    syn::parse2(replace(ty.to_token_stream(), ident)).unwrap_or_else(|_| ty.clone())
}

/// Types that certainly implement `Serialize` and `DeserializeOwned`: scalars, `String`,
/// and `Option`/`Vec`/`Box` of those.
fn known_serializable(ty: &Type) -> bool {
    const SCALARS: &[&str] = &[
        "bool", "char", "i8", "i16", "i32", "i64", "i128", "isize", "u8", "u16", "u32", "u64",
        "u128", "usize", "f32", "f64", "String",
    ];
    let Type::Path(path) = ty else {
        return false;
    };
    let [segment] = path.path.segments.iter().collect::<Vec<_>>()[..] else {
        return false;
    };
    if path.qself.is_some() || path.path.leading_colon.is_some() {
        return false;
    }
    let name = segment.ident.to_string();
    match &segment.arguments {
        PathArguments::None => SCALARS.contains(&name.as_str()),
        PathArguments::AngleBracketed(arguments)
            if ["Option", "Vec", "Box"].contains(&name.as_str()) =>
        {
            match arguments.args.iter().collect::<Vec<_>>()[..] {
                [GenericArgument::Type(inner)] => known_serializable(inner),
                _ => false,
            }
        }
        _ => false,
    }
}

/// `Option<T>` and `Vec<T>` by their path, as serde_derive recognises `Option`; a type
/// alias of either is an ordinary required field.
pub(crate) fn presence(ty: &Type) -> Presence {
    let Type::Path(path) = ty else {
        return Presence::Required;
    };
    if path.qself.is_some() {
        return Presence::Required;
    }
    let segments: Vec<String> = path
        .path
        .segments
        .iter()
        .map(|s| s.ident.to_string())
        .collect();
    let segments: Vec<&str> = segments.iter().map(String::as_str).collect();
    let Some(last) = path.path.segments.last() else {
        return Presence::Required;
    };
    let one_type_argument = matches!(
        &last.arguments,
        PathArguments::AngleBracketed(arguments)
            if arguments.args.len() == 1 && matches!(arguments.args[0], GenericArgument::Type(_))
    );
    if !one_type_argument {
        return Presence::Required;
    }
    match segments.as_slice() {
        ["Option"] | ["std" | "core", "option", "Option"] => Presence::Optional,
        ["Vec"] | ["std" | "alloc", "vec", "Vec"] => Presence::List,
        _ => Presence::Required,
    }
}

fn check_action(args: &Args, ident: &syn::Ident, errors: &mut Errors) -> Option<ActionDefinition> {
    let service = match &args.service {
        None if args.wrote("service") => None,
        None => {
            errors.error_at(
                Span::call_site(),
                "missing `service = \"...\"`: the service's name, such as `service = \"cvm\"`",
            );
            None
        }
        Some(given) => checked(&given.value, rules::check_service, errors),
    };

    let version = match (&args.version, &args.api2) {
        (Some(version), Some(_)) => {
            let (key, value) = (&version.key, &version.value);
            errors.error(
                quote::quote!(#key = #value),
                "API 2.0 actions (`api2`) have no version; remove `version` or `api2`",
            );
            None
        }
        (Some(version), None) => checked(&version.value, rules::check_version, errors).map(Some),
        (None, Some(_)) => Some(None),
        (None, None) if args.wrote("version") || args.wrote("api2") => None,
        (None, None) => {
            errors.error_at(
                Span::call_site(),
                "missing `version = \"YYYY-MM-DD\"` (or `api2` for an API 2.0 action)",
            );
            None
        }
    };

    let action = match &args.action {
        Some(given) => checked(&given.value, rules::check_action_name, errors),
        None => {
            let name = ident.unraw().to_string();
            match rules::check_action_name(&name) {
                Ok(()) => Some(name),
                Err(message) => {
                    errors.error(
                        ident,
                        format!(
                            "{message} (taken from the struct's name); give `action = \"...\"`"
                        ),
                    );
                    None
                }
            }
        }
    };

    let host = match &args.host {
        Some(given) => checked(&given.value, rules::check_host, errors).map(Some),
        None => Some(None),
    };

    let region = match &args.region {
        None => Some(RegionRule::Required),
        Some(given) => match given.value.value().as_str() {
            "required" => Some(RegionRule::Required),
            "optional" => Some(RegionRule::Optional),
            "none" => Some(RegionRule::None),
            other => {
                errors.error(
                    &given.value,
                    format!(
                        "region must be \"required\", \"optional\" or \"none\"; found {other:?}"
                    ),
                );
                None
            }
        },
    };

    let allowed_regions = match &args.regions {
        None => Some(Vec::new()),
        Some(given) => check_regions(given, region, errors),
    };

    let rate_limit = match &args.rate_limit {
        None => Some(None),
        Some(given) => check_rate_limit(&given.value, errors).map(Some),
    };

    let idempotent = match (&args.idempotent, &action) {
        (Some(given), _) => Some(given.value.value()),
        (None, Some(action)) => Some(rules::default_idempotent(action)),
        (None, None) => None,
    };

    Some(ActionDefinition {
        service: service?,
        action: action?,
        version: version?,
        host: host?,
        region: region?,
        allowed_regions: allowed_regions?,
        rate_limit: rate_limit?,
        idempotent: idempotent?,
        response: response_type(args, ident),
        errors: args.errors.as_ref().map(|given| given.value.clone()),
    })
}

/// Runs a string rule on a literal, recording its message on the literal.
fn checked(
    value: &LitStr,
    rule: fn(&str) -> Result<(), String>,
    errors: &mut Errors,
) -> Option<String> {
    let text = value.value();
    match rule(&text) {
        Ok(()) => Some(text),
        Err(message) => {
            errors.error(value, message);
            None
        }
    }
}

fn check_regions(
    given: &Given<Vec<LitStr>>,
    region: Option<RegionRule>,
    errors: &mut Errors,
) -> Option<Vec<String>> {
    if region == Some(RegionRule::None) {
        errors.error(
            &given.key,
            "`regions` lists the allowed regions, but region = \"none\" says this action takes no region",
        );
        return None;
    }
    if given.value.is_empty() {
        errors.error(
            &given.key,
            "`regions` is empty, which would allow no region; list the allowed regions or omit `regions`",
        );
        return None;
    }
    let mut names: Vec<String> = Vec::new();
    let mut valid = true;
    for literal in &given.value {
        let Some(name) = checked(literal, rules::check_region_name, errors) else {
            valid = false;
            continue;
        };
        if names.contains(&name) {
            errors.error(literal, format!("region {name:?} is listed twice"));
            valid = false;
        } else {
            names.push(name);
        }
    }
    valid.then_some(names)
}

fn check_rate_limit(value: &syn::LitInt, errors: &mut Errors) -> Option<u32> {
    if !matches!(value.suffix(), "" | "u32") {
        errors.error(
            value,
            "rate_limit is a plain number of requests per second, such as `20`",
        );
        return None;
    }
    match value.base10_parse::<u32>() {
        Ok(0) => {
            errors.error(
                value,
                "rate_limit = 0 would allow no request at all; give the documented requests per second (at least 1)",
            );
            None
        }
        Ok(limit) => Some(limit),
        Err(_) => {
            errors.error(value, "rate_limit must fit in a u32");
            None
        }
    }
}
