//! Code: turns a checked `Definition` into the re-emitted struct plus its glue (serde
//! attributes, an `Action` impl), or, after a mistake, into the unchanged struct plus
//! inert impls so that the one error is not followed by a cascade of others.
//!
//! Everything generated names the runtime through the tc-api-core path (`::tc_api_core`
//! or `crate = "..."`), so the user's crate needs no serde dependency of its own.
//!
//! Each generated piece is one function of the `Definition` (`field_attr`,
//! `unit_serde_impls`, `action_impl`); a further piece, such as an entry in a registry of
//! annotated actions, is one more function and one more line in `expand`.

use proc_macro2::TokenStream;
use quote::{ToTokens, quote};
use syn::ext::IdentExt;
use syn::{Attribute, Item, ItemStruct, LitStr, Path, parse_quote};

use crate::errors::Errors;
use crate::model::{ActionDefinition, Definition, Presence, RegionRule, WireField};
use crate::parse::MacroKind;
use crate::parse::args::Args;
use crate::parse::item::{ParsedItem, Shape};
use crate::validate::{crate_path, presence, response_type};

/// The full expansion of a checked item.
pub(crate) fn expand(definition: &Definition, mut item: ItemStruct) -> TokenStream {
    let serde = serde_path(&definition.krate);
    let mut container_attrs: Vec<Attribute> = Vec::new();
    if definition.derive_default {
        container_attrs.push(parse_quote!(#[derive(::core::default::Default)]));
    }
    let unit_impls = match &definition.fields {
        Some(fields) => {
            let serde_crate = format!("{}::__private::serde", path_string(&definition.krate));
            container_attrs.push(parse_quote!(#[derive(#serde::Serialize, #serde::Deserialize)]));
            container_attrs.push(parse_quote!(#[serde(crate = #serde_crate)]));
            for (field, wire) in item.fields.iter_mut().zip(fields) {
                let attr = field_attr(&definition.krate, wire);
                field.attrs.insert(0, attr);
            }
            None
        }
        None => Some(unit_serde_impls(definition)),
    };
    // Ours go after the leading doc comment but before everything else: a `#[serde(...)]`
    // the user wrote must come after the derive that introduces it.
    let after_docs = item
        .attrs
        .iter()
        .position(|attr| !attr.path().is_ident("doc"))
        .unwrap_or(item.attrs.len());
    item.attrs.splice(after_docs..after_docs, container_attrs);
    let action_impl = definition
        .action
        .as_ref()
        .map(|action| action_impl(definition, action));
    let schema_impl = (!definition.generic).then(|| schema_impl(definition));
    let registry_entry = definition
        .action
        .as_ref()
        .map(|_| registry_entry(definition));
    quote! {
        #item
        #unit_impls
        #action_impl
        #schema_impl
        #registry_entry
    }
}

/// `#[serde(rename = "...", ...)]` for one field, without the keys the user wrote on it.
/// Defaults are named as functions: a bare `default` would make serde require
/// `T: Default` of a generic model's parameters.
///
/// A `Vec` is always written, in actions too: a `Vec` field is a required list (an
/// optional one is `Option<Vec<T>>`), and services expect a required list even when it
/// is empty, as `[]`.
fn field_attr(krate: &Path, field: &WireField) -> Attribute {
    let name = &field.wire_name;
    let mut items: Vec<(&str, TokenStream)> = vec![("rename", quote!(rename = #name))];
    match field.presence {
        Presence::Required => {}
        Presence::Optional => {
            items.push((
                "default",
                quote!(default = "::core::option::Option::default"),
            ));
            items.push((
                "skip_serializing_if",
                quote!(skip_serializing_if = "::core::option::Option::is_none"),
            ));
        }
        Presence::List => {
            items.push(("default", quote!(default = "::std::vec::Vec::new")));
        }
    }
    if let Some(ty) = &field.checked_type {
        let (serialize, deserialize) = checked_functions(krate, ty);
        items.push(("serialize_with", quote!(serialize_with = #serialize)));
        items.push(("deserialize_with", quote!(deserialize_with = #deserialize)));
    }
    let user_wrote = |key: &str| {
        let with = key.ends_with("_with") && field.user_serde_keys.iter().any(|k| k == "with");
        with || field.user_serde_keys.iter().any(|k| k == key)
    };
    let items = items
        .into_iter()
        .filter(|(key, _)| !user_wrote(key))
        .map(|(_, item)| item);
    parse_quote!(#[serde(#(#items),*)])
}

/// `"...::serialize::<T, _>"` and `"...::deserialize::<T, _>"`, spanned on the field's
/// type: serde calls the function with the string's span, so a missing `Serialize` or
/// `Deserialize` impl is reported on the field's type.
fn checked_functions(krate: &Path, ty: &syn::Type) -> (LitStr, LitStr) {
    let span = syn::spanned::Spanned::span(innermost(ty));
    let functions = format!("{}::action::__field", path_string(krate));
    let ty = ty.to_token_stream().to_string();
    (
        LitStr::new(&format!("{functions}::serialize::<{ty}, _>"), span),
        LitStr::new(&format!("{functions}::deserialize::<{ty}, _>"), span),
    )
}

/// `T` of `Option<T>`, `Vec<T>` and `Box<T>` (repeatedly): the type a missing impl
/// is about, and where its error should point.
fn innermost(ty: &syn::Type) -> &syn::Type {
    if let syn::Type::Path(path) = ty
        && let Some(last) = path.path.segments.last()
        && ["Option", "Vec", "Box"]
            .iter()
            .any(|name| last.ident == name)
        && let syn::PathArguments::AngleBracketed(arguments) = &last.arguments
        && let [syn::GenericArgument::Type(inner)] = arguments.args.iter().collect::<Vec<_>>()[..]
    {
        return innermost(inner);
    }
    ty
}

/// A unit struct serializes as `{}` (serde's derive would write `null`, which is no
/// parameter object) and decodes from any object, through `tc_api_core::Empty`.
fn unit_serde_impls(definition: &Definition) -> TokenStream {
    let krate = &definition.krate;
    let serde = serde_path(krate);
    let ident = &definition.ident;
    quote! {
        const _: () = {
            impl #serde::Serialize for #ident {
                fn serialize<__S>(&self, serializer: __S) -> ::core::result::Result<__S::Ok, __S::Error>
                where
                    __S: #serde::Serializer,
                {
                    #serde::Serialize::serialize(&#krate::Empty {}, serializer)
                }
            }
            impl<'de> #serde::Deserialize<'de> for #ident {
                fn deserialize<__D>(deserializer: __D) -> ::core::result::Result<Self, __D::Error>
                where
                    __D: #serde::Deserializer<'de>,
                {
                    <#krate::Empty as #serde::Deserialize<'de>>::deserialize(deserializer).map(|_| Self)
                }
            }
        };
    }
}

/// `impl Action`: the associated types and `META`.
fn action_impl(definition: &Definition, action: &ActionDefinition) -> TokenStream {
    let krate = &definition.krate;
    let ident = &definition.ident;
    let response = &action.response;
    let error_code = match &action.errors {
        Some(errors) => errors.to_token_stream(),
        None => quote!(#krate::CommonErrorCode),
    };
    let service = &action.service;
    let name = &action.action;
    let style = match &action.version {
        Some(version) => quote!(#krate::ApiStyle::V3 { version: #version }),
        None => quote!(#krate::ApiStyle::V2),
    };
    let host = match &action.host {
        Some(host) => quote!(::core::option::Option::Some(#host)),
        None => quote!(::core::option::Option::None),
    };
    let allowed = &action.allowed_regions;
    let region = match action.region {
        RegionRule::Required => {
            quote!(#krate::RegionPolicy::Required { allowed: &[#(#allowed),*] })
        }
        RegionRule::Optional => {
            quote!(#krate::RegionPolicy::Optional { allowed: &[#(#allowed),*] })
        }
        RegionRule::None => quote!(#krate::RegionPolicy::None),
    };
    // Validated non-zero, so `new` is `Some`.
    let rate_limit = match action.rate_limit {
        Some(limit) => quote!(::core::num::NonZeroU32::new(#limit)),
        None => quote!(::core::option::Option::None),
    };
    let idempotent = action.idempotent;
    quote! {
        impl #krate::Action for #ident {
            type Response = #response;
            type ErrorCode = #error_code;
            const META: #krate::ActionMeta = #krate::ActionMeta {
                service: #service,
                action: #name,
                style: #style,
                host: #host,
                region: #region,
                rate_limit: #rate_limit,
                idempotent: #idempotent,
            };
        }
    }
}

/// `impl WireSchema`: the wire name, presence, type and doc of every field, for the
/// registry's parameter checks and request templates. A field type is described through
/// the probe in `tc_api_core::registry::__probe`, which falls back to `Any` for a type
/// without a `WireSchema` impl (so no new bound is put on field types).
fn schema_impl(definition: &Definition) -> TokenStream {
    let krate = &definition.krate;
    let ident = &definition.ident;
    let registry = quote!(#krate::registry);
    let fields = definition.fields.iter().flatten().map(|field| {
        let name = &field.wire_name;
        let required = field.required;
        let doc = &field.doc;
        let ty = &field.ty;
        quote! {
            #registry::FieldSchema {
                name: #name,
                required: #required,
                schema: || {
                    use #registry::__probe::{ViaFallback as _, ViaWireSchema as _};
                    (&&#registry::__probe::Probe::<#ty>::new()).wire_schema()
                },
                doc: #doc,
            }
        }
    });
    let name = ident.unraw().to_string();
    quote! {
        impl #registry::WireSchema for #ident {
            fn wire_schema() -> #registry::Schema {
                static OBJECT: #registry::ObjectSchema = #registry::ObjectSchema {
                    name: #name,
                    fields: &[#(#fields),*],
                };
                #registry::Schema::Object(&OBJECT)
            }
        }
    }
}

/// The action's entry in the registry of annotated actions: a macro of the runtime,
/// which submits it (through its re-export of `inventory`, so the user's crate needs no
/// dependency on it) when its `registry` feature is on, and expands to nothing when off.
fn registry_entry(definition: &Definition) -> TokenStream {
    let krate = &definition.krate;
    let ident = &definition.ident;
    let doc = &definition.doc;
    quote! {
        #krate::__register_action! { #ident, #doc }
    }
}

/// After a mistake: the errors, the item as written (minus attributes nothing would
/// resolve), and impls that satisfy every use of the type without doing anything, so the
/// user sees the real mistakes only. They never run: the crate does not compile.
pub(crate) fn fallback(
    kind: MacroKind,
    args: &Args,
    parsed: ParsedItem,
    errors: &Errors,
) -> TokenStream {
    let compile_errors = errors.to_compile_errors();
    let all_optional = match &parsed.shape {
        Some(Shape::Named(fields)) => fields
            .iter()
            .all(|field| presence(&field.ty) != Presence::Required),
        Some(Shape::Unit) => true,
        None => false,
    };
    let item = match parsed.item {
        Ok(mut item) => {
            if let Item::Struct(item) = &mut item {
                item.attrs.retain(|attr| !attr.path().is_ident("serde"));
                for field in item.fields.iter_mut() {
                    field.attrs.retain(|attr| !attr.path().is_ident("serde"));
                }
                if all_optional && !parsed.derives_default {
                    item.attrs
                        .insert(0, parse_quote!(#[derive(::core::default::Default)]));
                }
            }
            item.into_token_stream()
        }
        Err(tokens) => tokens,
    };
    let Some(ident) = parsed.ident.filter(|_| parsed.generics.params.is_empty()) else {
        return quote!(#compile_errors #item);
    };
    let krate = crate_path(args, &mut Errors::default());
    let serde = serde_path(&krate);
    let action_impl = (kind == MacroKind::Action).then(|| {
        let response = response_type(args, &ident);
        let error_code = match &args.errors {
            Some(given) => given.value.to_token_stream(),
            None => quote!(#krate::CommonErrorCode),
        };
        quote! {
            impl #krate::Action for #ident {
                type Response = #response;
                type ErrorCode = #error_code;
                const META: #krate::ActionMeta = #krate::ActionMeta {
                    service: "",
                    action: "",
                    style: #krate::ApiStyle::V2,
                    host: ::core::option::Option::None,
                    region: #krate::RegionPolicy::None,
                    rate_limit: ::core::option::Option::None,
                    idempotent: false,
                };
            }
        }
    });
    quote! {
        #item
        #compile_errors
        const _: () = {
            impl #serde::Serialize for #ident {
                fn serialize<__S>(&self, serializer: __S) -> ::core::result::Result<__S::Ok, __S::Error>
                where
                    __S: #serde::Serializer,
                {
                    #serde::Serialize::serialize(&#krate::Empty {}, serializer)
                }
            }
            impl<'de> #serde::Deserialize<'de> for #ident {
                fn deserialize<__D>(_: __D) -> ::core::result::Result<Self, __D::Error>
                where
                    __D: #serde::Deserializer<'de>,
                {
                    ::core::result::Result::Err(<__D::Error as #serde::de::Error>::custom(
                        "this type's attribute did not compile",
                    ))
                }
            }
            #action_impl
        };
    }
}

fn serde_path(krate: &Path) -> TokenStream {
    quote!(#krate::__private::serde)
}

/// `::tc_api_core` as text, for serde's `crate = "..."`.
fn path_string(path: &Path) -> String {
    let segments: Vec<String> = path.segments.iter().map(|s| s.ident.to_string()).collect();
    let prefix = if path.leading_colon.is_some() {
        "::"
    } else {
        ""
    };
    format!("{prefix}{}", segments.join("::"))
}
