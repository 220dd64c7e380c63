//! The annotated item: which shape it has, its fields and their `#[tc(...)]` attributes.
//!
//! The item is re-emitted by the expansion, so everything only this macro understands
//! (`#[tc(...)]`, a second `#[tc_action]`) is removed from it here.

use proc_macro2::TokenStream;
use quote::ToTokens;
use syn::ext::IdentExt;
use syn::parse::ParseStream;
use syn::punctuated::Punctuated;
use syn::{Attribute, Fields, Generics, Ident, Item, LitStr, Path, Token, Type};

use super::MacroKind;
use super::args::Given;
use crate::errors::Errors;

/// One named field as written.
pub(crate) struct RawField {
    pub(crate) ident: Ident,
    pub(crate) ty: Type,
    /// `#[tc(rename = "...")]`.
    pub(crate) rename: Option<Given<LitStr>>,
    /// `#[tc(shadows_common)]`: the flag's token, for errors about it.
    pub(crate) shadows_common: Option<Ident>,
    /// The keys of `#[serde(...)]` attributes the user wrote on the field (an escape hatch:
    /// the macro leaves those keys to the user).
    pub(crate) serde_keys: Vec<Ident>,
    /// The field's doc comment, for the registry's parameter descriptions.
    pub(crate) doc: String,
}

/// The parts of the item the expansion needs.
pub(crate) enum Shape {
    /// `struct Name { ... }`.
    Named(Vec<RawField>),
    /// `struct Name;`.
    Unit,
}

/// The annotated item after parsing.
pub(crate) struct ParsedItem {
    /// The item to re-emit, with this macro's own attributes removed; the raw tokens when
    /// they do not parse as an item.
    pub(crate) item: Result<Item, TokenStream>,
    /// The type's name, when the item is a struct, enum or union.
    pub(crate) ident: Option<Ident>,
    pub(crate) generics: Generics,
    /// `None` when the item is not a struct this macro accepts (an error was recorded).
    pub(crate) shape: Option<Shape>,
    /// Whether the user already derives `Default`.
    pub(crate) derives_default: bool,
    /// The item's doc comment, for the registry.
    pub(crate) doc: String,
}

/// Parses the item under the attribute, recording mistakes in `errors`.
pub(crate) fn parse_item(kind: MacroKind, tokens: TokenStream, errors: &mut Errors) -> ParsedItem {
    let mut item = match syn::parse2::<Item>(tokens.clone()) {
        Ok(item) => item,
        Err(error) => {
            errors.push(error);
            return ParsedItem {
                item: Err(tokens),
                ident: None,
                generics: Generics::default(),
                shape: None,
                derives_default: false,
                doc: String::new(),
            };
        }
    };
    let what = kind.attribute();
    let (ident, generics, shape, attrs) = match &mut item {
        Item::Struct(item) => {
            let shape = match &mut item.fields {
                Fields::Named(fields) => Some(Shape::Named(
                    fields
                        .named
                        .iter_mut()
                        .map(|field| parse_field(field, errors))
                        .collect(),
                )),
                Fields::Unit => Some(Shape::Unit),
                Fields::Unnamed(fields) => {
                    errors.error(
                        &*fields,
                        format!(
                            "{what} needs named fields (their names become the wire names) \
                             or a unit struct; found a tuple struct"
                        ),
                    );
                    None
                }
            };
            (
                Some(item.ident.clone()),
                item.generics.clone(),
                shape,
                &mut item.attrs,
            )
        }
        Item::Enum(item) => {
            let (keyword, ident) = (&item.enum_token, &item.ident);
            errors.error(
                quote::quote!(#keyword #ident),
                format!(
                    "{what} applies to a struct with named fields or a unit struct; found an enum"
                ),
            );
            for variant in &mut item.variants {
                for field in variant.fields.iter_mut() {
                    strip_tc_attrs(&mut field.attrs);
                }
            }
            (
                Some(item.ident.clone()),
                item.generics.clone(),
                None,
                &mut item.attrs,
            )
        }
        Item::Union(item) => {
            let (keyword, ident) = (&item.union_token, &item.ident);
            errors.error(
                quote::quote!(#keyword #ident),
                format!(
                    "{what} applies to a struct with named fields or a unit struct; found a union"
                ),
            );
            for field in &mut item.fields.named {
                strip_tc_attrs(&mut field.attrs);
            }
            (
                Some(item.ident.clone()),
                item.generics.clone(),
                None,
                &mut item.attrs,
            )
        }
        other => {
            errors.error(
                &*other,
                format!("{what} applies to a struct with named fields or a unit struct"),
            );
            return ParsedItem {
                item: Err(other.to_token_stream()),
                ident: None,
                generics: Generics::default(),
                shape: None,
                derives_default: false,
                doc: String::new(),
            };
        }
    };
    check_container_attrs(kind, attrs, errors);
    let derives_default = attrs.iter().any(derives_default);
    let doc = doc_text(attrs);
    ParsedItem {
        item: Ok(item),
        ident,
        generics,
        shape,
        derives_default,
        doc,
    }
}

/// Reads and removes the `#[tc(...)]` attributes of one field.
fn parse_field(field: &mut syn::Field, errors: &mut Errors) -> RawField {
    let mut rename: Option<Given<LitStr>> = None;
    let mut shadows_common: Option<Ident> = None;
    for attr in take_tc_attrs(&mut field.attrs) {
        let list = match attr.meta.require_list() {
            Ok(list) => list,
            Err(_) => {
                errors.error(&attr, r#"expected `#[tc(rename = "WireName")]`"#);
                continue;
            }
        };
        let parser = |input: ParseStream| {
            let options = Punctuated::<FieldOption, Token![,]>::parse_terminated(input)?;
            for option in options {
                match option {
                    FieldOption::Rename(given) => {
                        if rename.is_some() {
                            errors.error(&given.key, "duplicate `rename` on this field");
                        } else {
                            rename = Some(given);
                        }
                    }
                    FieldOption::ShadowsCommon(flag, value) => {
                        // A value is reported, but the flag still counts: the intent is
                        // clear, and the field's name is not reported again.
                        if !value.is_empty() {
                            errors.error(
                                value,
                                "`shadows_common` is a flag and takes no value: \
                                 `#[tc(rename = \"Language\", shadows_common)]`",
                            );
                        }
                        if shadows_common.is_some() {
                            errors.error(&flag, "duplicate `shadows_common` on this field");
                        } else {
                            shadows_common = Some(flag);
                        }
                    }
                    FieldOption::Invalid(error) => errors.push(error),
                }
            }
            Ok(())
        };
        if let Err(error) = list.parse_args_with(parser) {
            errors.push(error);
        }
    }
    RawField {
        ident: field.ident.clone().expect("named fields have identifiers"),
        ty: field.ty.clone(),
        rename,
        shadows_common,
        serde_keys: serde_keys(&field.attrs),
        doc: doc_text(&field.attrs),
    }
}

/// The text of `///` comments (`#[doc = "..."]`), each line trimmed, the whole trimmed.
fn doc_text(attrs: &[Attribute]) -> String {
    let mut lines: Vec<String> = Vec::new();
    for attr in attrs.iter().filter(|attr| attr.path().is_ident("doc")) {
        if let syn::Meta::NameValue(syn::MetaNameValue {
            value:
                syn::Expr::Lit(syn::ExprLit {
                    lit: syn::Lit::Str(text),
                    ..
                }),
            ..
        }) = &attr.meta
        {
            // `split`, not `lines`: an empty `///` is a paragraph break to keep.
            lines.extend(text.value().split('\n').map(|line| line.trim().to_owned()));
        }
    }
    lines.join("\n").trim().to_owned()
}

/// The top-level keys of `#[serde(a, b = "...", c(...))]` attributes: each identifier
/// that starts the list or follows a top-level comma.
fn serde_keys(attrs: &[Attribute]) -> Vec<Ident> {
    let mut keys = Vec::new();
    for attr in attrs.iter().filter(|attr| attr.path().is_ident("serde")) {
        let Ok(list) = attr.meta.require_list() else {
            continue;
        };
        let mut at_key = true;
        for tree in list.tokens.clone() {
            match tree {
                proc_macro2::TokenTree::Ident(ident) if at_key => {
                    keys.push(ident);
                    at_key = false;
                }
                proc_macro2::TokenTree::Punct(punct) if punct.as_char() == ',' => at_key = true,
                _ => at_key = false,
            }
        }
    }
    keys
}

/// One entry of `#[tc(...)]`; a malformed entry is kept as its error so the rest of the
/// list is still read.
enum FieldOption {
    Rename(Given<LitStr>),
    /// The flag and whatever followed it, which should be nothing.
    ShadowsCommon(Ident, TokenStream),
    Invalid(syn::Error),
}

/// The field options, for "did you mean" hints.
const FIELD_OPTIONS: [&str; 2] = ["rename", "shadows_common"];

impl syn::parse::Parse for FieldOption {
    fn parse(input: ParseStream) -> syn::Result<Self> {
        let key = Ident::parse_any(input)?;
        let mut rest = TokenStream::new();
        while !input.is_empty() && !input.peek(Token![,]) {
            input
                .parse::<proc_macro2::TokenTree>()?
                .to_tokens(&mut rest);
        }
        match key.unraw().to_string().as_str() {
            "rename" => {}
            "shadows_common" => return Ok(FieldOption::ShadowsCommon(key, rest)),
            name => {
                let message = match super::closest(name, FIELD_OPTIONS) {
                    Some(option) => {
                        format!("unknown field option `{name}`; did you mean `{option}`?")
                    }
                    None => format!(
                        "unknown field option `{name}`; the field options are \
                         `rename = \"WireName\"` and `shadows_common`"
                    ),
                };
                return Ok(FieldOption::Invalid(syn::Error::new_spanned(&key, message)));
            }
        }
        let value = syn::parse::Parser::parse2(
            |input: ParseStream| {
                let _eq: Token![=] = input.parse()?;
                input.parse::<LitStr>()
            },
            rest.clone(),
        );
        Ok(match value {
            Ok(value) => FieldOption::Rename(Given { key, value }),
            Err(_) if rest.is_empty() => FieldOption::Invalid(syn::Error::new_spanned(
                &key,
                r#"`rename` needs a value: `#[tc(rename = "WireName")]`"#,
            )),
            Err(_) => FieldOption::Invalid(syn::Error::new_spanned(
                rest,
                r#"expected a string literal: `#[tc(rename = "WireName")]`"#,
            )),
        })
    }
}

fn is_tc_attr(attr: &Attribute) -> bool {
    attr.path().is_ident("tc")
}

fn take_tc_attrs(attrs: &mut Vec<Attribute>) -> Vec<Attribute> {
    let (taken, kept) = std::mem::take(attrs).into_iter().partition(is_tc_attr);
    *attrs = kept;
    taken
}

fn strip_tc_attrs(attrs: &mut Vec<Attribute>) {
    take_tc_attrs(attrs);
}

/// The last segment's name of an attribute path (`tc_api_macros::tc_action` -> `tc_action`).
fn attr_name(attr: &Attribute) -> Option<String> {
    attr.path()
        .segments
        .last()
        .map(|segment| segment.ident.to_string())
}

/// Reports and removes a second `#[tc_action]`/`#[tc_model]` and container-level `#[tc]`.
fn check_container_attrs(kind: MacroKind, attrs: &mut Vec<Attribute>, errors: &mut Errors) {
    attrs.retain(|attr| match attr_name(attr).as_deref() {
        Some("tc_action" | "tc_model") => {
            let other = if attr_name(attr).as_deref() == Some("tc_action") {
                MacroKind::Action
            } else {
                MacroKind::Model
            };
            let message = if other == kind {
                format!(
                    "{} is applied twice to this item; keep one",
                    kind.attribute()
                )
            } else {
                "#[tc_action] and #[tc_model] cannot both apply: #[tc_action] already \
                     generates the serde glue #[tc_model] would"
                    .to_owned()
            };
            errors.error(attr, message);
            false
        }
        Some("tc") if attr.path().is_ident("tc") => {
            errors.error(
                attr,
                format!(
                    "#[tc(...)] goes on fields; options of the item go in {}",
                    kind.attribute().trim_end_matches(']').to_owned() + "(...)]"
                ),
            );
            false
        }
        _ => true,
    });
}

/// Whether `#[derive(...)]` lists `Default`.
fn derives_default(attr: &Attribute) -> bool {
    if !attr.path().is_ident("derive") {
        return false;
    }
    attr.parse_args_with(Punctuated::<Path, Token![,]>::parse_terminated)
        .map(|paths| {
            paths
                .iter()
                .any(|path| path.segments.last().is_some_and(|s| s.ident == "Default"))
        })
        .unwrap_or(false)
}
