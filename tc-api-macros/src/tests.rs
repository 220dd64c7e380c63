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

/// The messages of the `compile_error!`s in an expansion, in order.
fn compile_errors(tokens: TokenStream) -> Vec<String> {
    use proc_macro2::TokenTree;
    let trees: Vec<TokenTree> = tokens.into_iter().collect();
    let mut messages = Vec::new();
    for (i, tree) in trees.iter().enumerate() {
        match tree {
            TokenTree::Ident(ident) if ident == "compile_error" => {
                if let Some(TokenTree::Group(group)) = trees.get(i + 2) {
                    let message: syn::LitStr =
                        syn::parse2(group.stream()).expect("compile_error! takes a string");
                    messages.push(message.value());
                }
            }
            TokenTree::Group(group) => messages.extend(compile_errors(group.stream())),
            _ => {}
        }
    }
    messages
}

fn action_errors(fields: &str) -> Vec<String> {
    compile_errors(invoke(
        MacroKind::Action,
        &format!(
            r#"#[tc_action(service = "trtc", version = "2019-07-22")] pub struct TextToSpeech {{ {fields} }}"#
        ),
    ))
}

#[test]
fn shadows_common_lets_a_business_parameter_take_a_common_name() {
    let expanded = invoke(
        MacroKind::Action,
        r#"
        #[tc_action(service = "trtc", version = "2019-07-22")]
        pub struct TextToSpeech {
            pub text: String,
            #[tc(rename = "Language", shadows_common)]
            pub language: Option<String>,
            #[tc(shadows_common)]
            pub secret_id: String,
        }
        "#,
    );
    assert_eq!(compile_errors(expanded.clone()), Vec::<String>::new());
    let text = expanded.to_string();
    assert!(text.contains(r#"rename = "Language""#), "{text}");
    assert!(text.contains(r#"rename = "SecretId""#), "{text}");
    assert!(!text.contains("shadows_common"), "#[tc] is removed: {text}");
    assert!(!text.contains("# [tc"), "{text}");

    // API 3.0 matches common names case-insensitively, so the flag covers other spellings.
    assert_eq!(
        action_errors(r#"#[tc(rename = "LANGUAGE", shadows_common)] pub language: String,"#),
        Vec::<String>::new()
    );
}

#[test]
fn a_common_name_without_the_flag_is_refused_and_the_flag_is_named() {
    let errors = action_errors(r#"#[tc(rename = "Language")] pub language: Option<String>,"#);
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(
        errors[0].contains("common parameter `Language`")
            && errors[0].contains(r#"#[tc(rename = "Language", shadows_common)]"#),
        "{errors:?}"
    );
    let errors = action_errors("pub secret_id: String,");
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(errors[0].contains("#[tc(shadows_common)]"), "{errors:?}");
}

#[test]
fn shadows_common_is_refused_where_it_means_nothing() {
    // A name that is no common parameter.
    let errors = action_errors(r#"#[tc(rename = "VoiceType", shadows_common)] pub voice: i64,"#);
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(
        errors[0].contains("`shadows_common` is only for a wire name that is a common parameter")
            && errors[0].contains("`VoiceType` is not one"),
        "{errors:?}"
    );
    // The name's own rules still apply under the flag.
    let errors = action_errors(r#"#[tc(rename = "language", shadows_common)] pub l: String,"#);
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(
        errors[0].contains("start with an upper-case letter"),
        "{errors:?}"
    );
    // Twice, or with a value.
    let errors = action_errors("#[tc(shadows_common, shadows_common)] pub language: String,");
    assert_eq!(
        errors,
        ["duplicate `shadows_common` on this field"],
        "{errors:?}"
    );
    let errors = action_errors("#[tc(shadows_common = true)] pub language: String,");
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(
        errors[0].contains("is a flag and takes no value"),
        "{errors:?}"
    );
    let errors = action_errors("#[tc(shadow_common)] pub language: String,");
    assert!(
        errors
            .iter()
            .any(|e| e.contains("did you mean `shadows_common`?")),
        "{errors:?}"
    );

    // API 2.0 names never equal a common parameter.
    let errors = compile_errors(invoke(
        MacroKind::Action,
        r#"
        #[tc_action(service = "apigateway", api2)]
        pub struct DescribeService {
            #[tc(shadows_common)]
            pub language: String,
        }
        "#,
    ));
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(errors[0].contains("for API 3.0 actions"), "{errors:?}");

    // A model may take common names already.
    let errors = compile_errors(invoke(
        MacroKind::Model,
        r#"
        #[tc_model]
        pub struct Voice {
            #[tc(shadows_common)]
            pub language: String,
        }
        "#,
    ));
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(errors[0].contains("for #[tc_action] fields"), "{errors:?}");
    let model = invoke(
        MacroKind::Model,
        "#[tc_model] pub struct Voice { pub language: String, pub region: Option<String> }",
    );
    assert_eq!(compile_errors(model), Vec::<String>::new());
}

#[test]
fn action_lists_are_always_written() {
    let expanded = invoke(
        MacroKind::Action,
        r#"
        #[tc_action(service = "cvm", version = "2017-03-12")]
        pub struct DescribeInstances {
            pub instance_ids: Vec<String>,
            pub filters: Option<Vec<String>>,
        }
        "#,
    );
    let text = spaced(expanded);
    assert!(
        text.contains(&tokens(
            r#"#[serde(rename = "InstanceIds", default = "::std::vec::Vec::new")]"#
        )),
        "{text}"
    );
    assert!(!text.contains("Vec::is_empty"), "{text}");
    assert!(
        text.contains(&tokens(
            r#"#[serde(rename = "Filters", default = "::core::option::Option::default", skip_serializing_if = "::core::option::Option::is_none")]"#
        )),
        "an optional list is omitted when None: {text}"
    );
}

#[test]
fn option_box_recursion_is_optional_and_names_the_struct() {
    let expanded = invoke(
        MacroKind::Model,
        r#"
        #[tc_model]
        pub struct Condition {
            pub next: Option<Box<Condition>>,
            pub otherwise: Option<Box<Self>>,
        }
        "#,
    );
    let text = expanded.to_string();
    assert!(!text.contains("compile_error"), "{text}");
    assert!(
        text.contains("__field::serialize::<Option < Box < Condition > >, _>"),
        "{text}"
    );
    assert_eq!(
        text.matches(r#"skip_serializing_if = "::core::option::Option::is_none""#)
            .count(),
        2,
        "{text}"
    );
    assert!(
        text.contains("derive (:: core :: default :: Default)"),
        "every field is optional: {text}"
    );
}
