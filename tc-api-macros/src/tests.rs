//! Expansion snapshots: the macro run on fixed input, compared token for token (formatting
//! and `//` comments do not count) with the expected code.

use proc_macro2::TokenStream;
use syn::{Attribute, ItemStruct};

use crate::parse::MacroKind;

/// Splits `#[tc_action(...)] struct ...` into the attribute's arguments and the item, as
/// the compiler hands them to the macro.
fn invoke(kind: MacroKind, source: &str) -> TokenStream {
    let mut item: ItemStruct = syn::parse_str(source).expect("test input is a struct");
    let name = match kind {
        MacroKind::Action => "tc_action",
        MacroKind::Model => "tc_model",
    };
    let position = item
        .attrs
        .iter()
        .position(|attr: &Attribute| attr.path().is_ident(name))
        .expect("test input carries the attribute");
    let attr = item.attrs.remove(position);
    let args = match attr.meta {
        syn::Meta::List(list) => list.tokens,
        _ => TokenStream::new(),
    };
    crate::run(kind, args, quote::ToTokens::into_token_stream(item))
}

/// The `n`th ```rust block of a Markdown text.
fn rust_block(markdown: &str, n: usize) -> &str {
    let start = markdown
        .match_indices("```rust\n")
        .nth(n)
        .map(|(index, fence)| index + fence.len())
        .expect("the block exists");
    let end = start + markdown[start..].find("```").expect("the block is closed");
    &markdown[start..end]
}

/// The tokens as text, one space between any two, so that neither formatting nor the
/// spacing of punctuation (`&&::` parsed versus `&& ::` quoted) counts.
fn spaced(tokens: TokenStream) -> String {
    let mut out = Vec::new();
    for tree in tokens {
        match tree {
            proc_macro2::TokenTree::Group(group) => {
                let (open, close) = match group.delimiter() {
                    proc_macro2::Delimiter::Parenthesis => ("(", ")"),
                    proc_macro2::Delimiter::Brace => ("{", "}"),
                    proc_macro2::Delimiter::Bracket => ("[", "]"),
                    proc_macro2::Delimiter::None => ("", ""),
                };
                out.push(format!("{open} {} {close}", spaced(group.stream())));
            }
            other => out.push(other.to_string()),
        }
    }
    out.join(" ")
}

fn tokens(source: &str) -> String {
    spaced(source.parse::<TokenStream>().expect("valid tokens"))
}

#[test]
fn expansion_matches_expansion_md() {
    let markdown = include_str!("../EXPANSION.md");
    let expanded = invoke(MacroKind::Action, rust_block(markdown, 0));
    assert_eq!(spaced(expanded), tokens(rust_block(markdown, 1)));
}

#[test]
fn a_renamed_crate_is_the_only_path_to_the_runtime() {
    let expanded = invoke(
        MacroKind::Action,
        r#"
        #[tc_action(service = "cvm", version = "2017-03-12", crate = "core_renamed")]
        pub struct DescribeInstances {
            pub limit: Option<i64>,
            pub filters: Vec<Filter>,
        }
        "#,
    )
    .to_string();
    assert!(expanded.contains("core_renamed :: Action"), "{expanded}");
    assert!(
        expanded.contains("core_renamed::action::__field::serialize"),
        "{expanded}"
    );
    assert!(!expanded.contains("tc_api_core"), "{expanded}");
    assert!(!expanded.contains("compile_error"), "{expanded}");

    let unit = invoke(
        MacroKind::Model,
        r#"
        #[tc_model(crate = "core_renamed")]
        pub struct Nothing;
        "#,
    )
    .to_string();
    assert!(unit.contains("core_renamed :: Empty"), "{unit}");
    assert!(!unit.contains("tc_api_core"), "{unit}");
}

#[test]
fn a_mistake_still_emits_the_struct_and_inert_impls() {
    let expanded = invoke(
        MacroKind::Action,
        r#"
        #[tc_action(service = "cvm", version = "2017-02-30")]
        pub struct DescribeInstances {
            #[tc(rename = "Limit")]
            pub limit: Option<i64>,
        }
        "#,
    )
    .to_string();
    assert_eq!(expanded.matches("compile_error").count(), 1, "{expanded}");
    assert!(
        expanded.contains("pub struct DescribeInstances"),
        "{expanded}"
    );
    assert!(!expanded.contains("# [tc"), "#[tc] is removed: {expanded}");
    assert!(
        expanded.contains("impl :: tc_api_core :: Action for DescribeInstances"),
        "{expanded}"
    );
    assert!(!expanded.contains("unimplemented"), "{expanded}");
}

#[test]
fn schemas_name_self_by_the_struct_and_skip_generic_models() {
    let expanded = invoke(
        MacroKind::Model,
        r#"
        /// A tree.
        #[tc_model]
        pub struct Node {
            /// Its children.
            ///
            /// In order.
            pub children: Vec<Self>,
        }
        "#,
    )
    .to_string();
    assert!(
        expanded.contains("Probe :: < Vec < Node > >"),
        "Self is spelled out: {expanded}"
    );
    assert!(
        expanded.contains(r#"doc : "Its children.\n\nIn order.""#),
        "{expanded}"
    );
    assert!(
        !expanded.contains("__register_action"),
        "models are not registered: {expanded}"
    );

    let generic = invoke(
        MacroKind::Model,
        r#"
        #[tc_model]
        pub struct Page<T> {
            pub items: Vec<T>,
        }
        "#,
    )
    .to_string();
    assert!(!generic.contains("WireSchema"), "{generic}");
    assert!(!generic.contains("compile_error"), "{generic}");
}

#[test]
fn actions_are_registered_with_their_doc() {
    let expanded = invoke(
        MacroKind::Action,
        r#"
        /// Lists zones.
        #[tc_action(service = "cvm", version = "2017-03-12")]
        pub struct DescribeZones;
        "#,
    )
    .to_string();
    assert!(
        expanded.contains(
            r#":: tc_api_core :: __register_action ! { DescribeZones , "Lists zones." }"#
        ),
        "{expanded}"
    );
    assert!(expanded.contains("fields : & []"), "{expanded}");
}
