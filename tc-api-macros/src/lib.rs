//! `#[tc_action]` and `#[tc_model]`: plain structs become Tencent Cloud requests and
//! responses.
//!
//! The macros only generate glue: serde attributes that put the fields on the wire under
//! their documented names, and an impl of `tc_api_core::Action` carrying the action's
//! metadata. Signing, sending, retrying and decoding live in `tc-api-core`. Everything
//! generated names the runtime through `::tc_api_core` (or `crate = "..."`), so a crate
//! that uses the macros needs only `tc-api-core` and `tc-api-macros`, no serde.
//!
//! `EXPANSION.md` in this crate shows one struct and what it expands to.
//!
//! The implementation reads like serde_derive's: `parse` turns tokens into plain data,
//! `validate` checks every value and collects every mistake, `expand` writes the code, and
//! after a mistake `expand::fallback` re-emits the struct with inert impls so that one
//! mistake is one message.

mod errors;
mod expand;
mod model;
mod parse;
mod rules;
mod validate;

use proc_macro::TokenStream;

use crate::errors::Errors;
use crate::parse::MacroKind;

/// Makes a struct a callable Tencent Cloud action.
///
/// ```
/// use tc_api_macros::{tc_action, tc_model};
///
/// /// Releases a mini program version.
/// #[tc_action(service = "tcmpp", version = "2024-08-01", rate_limit = 20)]
/// pub struct ReleaseMNPVersion {
///     #[tc(rename = "MNPVersionId")]
///     pub mnp_version_id: i64,
///     pub platform_id: String,
/// }
///
/// #[tc_model]
/// pub struct ReleaseMNPVersionResponse {
///     pub data: Option<BooleanInfo>,
/// }
///
/// #[tc_model]
/// pub struct BooleanInfo {
///     pub result: bool,
/// }
///
/// use tc_api_core::{Action, ApiStyle};
/// assert_eq!(ReleaseMNPVersion::META.action, "ReleaseMNPVersion");
/// assert_eq!(ReleaseMNPVersion::META.style, ApiStyle::V3 { version: "2024-08-01" });
/// assert!(!ReleaseMNPVersion::META.idempotent);
/// ```
///
/// # Options
///
/// Every value is checked at compile time; a mistake is reported on the offending token.
///
/// | option | value | default |
/// |---|---|---|
/// | `service = "tcmpp"` | lower-case letters and digits, starting with a letter: the host's first label and the TC3 scope | required |
/// | `version = "2024-08-01"` | the API 3.0 version, a real date `YYYY-MM-DD` | required unless `api2` |
/// | `api2` | flag: an API 2.0 action (`/v2/index.php`, v1 signature, camelCase names, `{code, message, codeDesc}` envelope); excludes `version` | API 3.0 |
/// | `action = "ReleaseMNPVersion"` | the action name, PascalCase letters and digits | the struct's name |
/// | `response = Type` | the type `Action::Response` decodes into | `<StructName>Response` |
/// | `errors = Type` | the action's error-code enum (`tc_api_core::error_codes!`) | `tc_api_core::CommonErrorCode` |
/// | `host = "tcsas.intl.tencentcloudapi.com"` | a bare lower-case DNS name, when the document fixes one | `<service>.<root domain>` |
/// | `region = "required"` | `"required"`, `"optional"` or `"none"` | `"required"` |
/// | `regions = ["ap-guangzhou", ...]` | the only allowed regions, each shaped like `ap-guangzhou` or `ap-shanghai-fsi`; not with `region = "none"`; non-empty, no repeats | any region |
/// | `rate_limit = 20` | documented requests per second, at least 1 | none |
/// | `idempotent = true` | whether repeating the call is harmless (retries after an unknown outcome) | `true` for names starting with Describe, Get, List, Query, Check, Inquire or Inquiry followed by a new word, else `false` |
/// | `crate = "path"` | the path of tc-api-core when it is renamed in `Cargo.toml` | `::tc_api_core` |
///
/// # Fields
///
/// The struct has named fields (each one request parameter) or is a unit struct (an
/// action without parameters, sent as `{}`).
///
/// - **Wire names.** `snake_case` field names become PascalCase for API 3.0
///   (`platform_id` -> `PlatformId`) and camelCase for API 2.0 (`platformId`); a field
///   name that already has capitals is sent verbatim. `#[tc(rename = "MNPVersionId")]`
///   sets a name explicitly. Names must be ASCII letters, digits and `_`, start upper-case
///   (API 3.0) or lower-case (API 2.0), be unique, and not be a common parameter the client
///   sends itself (Action, Version, Region, Timestamp, Nonce, SecretId, Signature,
///   SignatureMethod, Token, Language, RequestClient; matched case-insensitively for API
///   3.0, exactly for API 2.0, whose own parameters may be `secretId` or `language`).
/// - **`shadows_common`.** Some API 3.0 actions document a business parameter that has a
///   common parameter's name (a `Language` of the text, a `SecretId` of a resource). The
///   flag `#[tc(rename = "Language", shadows_common)]` (or `#[tc(shadows_common)]` on a
///   field named `language`) accepts such a field, which is then serialized under that
///   name like any other. The flag lifts only this check: with TC3 the common parameters
///   travel in headers; a v1-signed request has one flat list, where a business
///   `Language` or `RequestClient` replaces the client's (one pair is sent and signed),
///   and the other common names are the client's own. The flag on a name that is not a common parameter,
///   in an API 2.0 action, or on a `#[tc_model]` field is an error, so it always marks a
///   real collision.
/// - **`Option<T>`** fields are omitted when `None`; absent or `null` decodes as `None`.
/// - **`Vec<T>`** fields are always written, an empty one as `[]` in the JSON body
///   (services expect a required list even when it is empty; an optional list is
///   `Option<Vec<T>>`); absent decodes as empty. The flattened form (API 2.0, v1
///   signature, GET) has `List.0`, `List.1`, ... pairs, so an empty list has none there.
/// - Nested structs and `Vec`s of structs are `#[tc_model]` types.
/// - Every field type must be serializable; a type that is not is reported on the field.
/// - `#[serde(...)]` on a field is an escape hatch (serde's own keys, through the
///   re-export, such as `deserialize_with` for a lenient decoder or `alias`): a key written
///   there replaces the macro's key of the same name (`with` replaces both `*_with`).
///   `#[serde(rename)]` is refused, since it would bypass the wire-name checks.
///
/// # Building requests
///
/// When every field is an `Option` or a `Vec` (and the struct does not derive `Default`
/// itself), the macro derives `Default`, so a request with many optional parameters is
/// written with struct-update syntax, naming only what it sets:
///
/// ```
/// # use tc_api_macros::tc_action;
/// # #[tc_api_macros::tc_model] pub struct CreatePostpayPackageResponse {}
/// #[tc_action(service = "tcb", version = "2018-06-08", region = "none")]
/// pub struct CreatePostpayPackage {
///     pub env_id: Option<String>,
///     pub free_quota: Option<String>,
/// }
///
/// let request = CreatePostpayPackage { env_id: Some("env-1".into()), ..Default::default() };
/// # assert!(request.free_quota.is_none());
/// ```
///
/// No setters or builder type are generated: fields are public data, and struct-update
/// syntax needs nothing the reader has not seen.
///
/// # Generated items
///
/// The struct itself (unchanged, with serde attributes added), `Serialize` and
/// `Deserialize` impls through `tc_api_core::__private::serde` (the emulator decodes
/// requests with the latter; unknown fields are ignored), and `impl tc_api_core::Action`
/// with `Response`, `ErrorCode` and `const META`. Generic structs are not accepted.
#[proc_macro_attribute]
pub fn tc_action(args: TokenStream, item: TokenStream) -> TokenStream {
    run(MacroKind::Action, args.into(), item.into()).into()
}

/// Gives a response or nested type the wire encoding and the decoding rules of Tencent
/// Cloud answers.
///
/// ```
/// use tc_api_macros::tc_model;
///
/// #[tc_model]
/// pub struct MauIndicatorCard {
///     pub comparison_ratio: Option<String>,
///     #[tc(rename = "SourceMAUNum")]
///     pub source_mau_num: Option<i64>,
///     pub flush_time: i64,
/// }
///
/// let card: MauIndicatorCard = serde_json::from_str(
///     r#"{"ComparisonRatio": null, "SourceMAUNum": 9432130281, "FlushTime": 1, "New": 1}"#,
/// ).unwrap();
/// assert_eq!(card.source_mau_num, Some(9432130281));
/// ```
///
/// Options: `api2` (camelCase wire names, as in API 2.0 answers) and `crate = "path"`
/// (a renamed tc-api-core), both as in [`macro@tc_action`].
///
/// Decoding ignores unknown fields (answers gain fields over time), accepts `null` or
/// absence for `Option` fields, and an absent `Vec` as empty; integers are whatever the
/// field says, so `i64`/`u64` hold 64-bit ids. Encoding omits `None` fields and writes
/// every `Vec`, as an action does. Field names and `#[tc(rename = "...")]` follow the
/// rules of `tc_action`, except that a wire name may have any case (answers are not
/// always tidy) and common parameter names are allowed without `shadows_common`. A unit
/// struct encodes as `{}` and decodes from any object. `Default` is derived when every
/// field is an `Option` or a `Vec`.
///
/// The client returns the answer's `RequestId` beside the decoded response, so a response
/// type does not declare it. Every other member is the response's, `Error` included when
/// it is not the error envelope (an object with a string `Code`): a response may declare
/// `pub error: Option<T>`, wire name `Error`, as some services answer one.
#[proc_macro_attribute]
pub fn tc_model(args: TokenStream, item: TokenStream) -> TokenStream {
    run(MacroKind::Model, args.into(), item.into()).into()
}

/// parse -> validate -> expand, or the fallback after any mistake.
fn run(
    kind: MacroKind,
    args: proc_macro2::TokenStream,
    item: proc_macro2::TokenStream,
) -> proc_macro2::TokenStream {
    let mut errors = Errors::default();
    let args = parse::args::parse_args(kind, args, &mut errors);
    let item = parse::item::parse_item(kind, item, &mut errors);
    let definition = validate::validate(kind, &args, &item, &mut errors);
    match (definition, &item.item) {
        (Some(definition), Ok(syn::Item::Struct(item_struct))) if errors.is_empty() => {
            expand::expand(&definition, item_struct.clone())
        }
        _ => expand::fallback(kind, &args, item, &errors),
    }
}

#[cfg(test)]
mod tests;
