//! Writes the Rust source of one service version: a `#[tc_action]` struct per action, a
//! `#[tc_model]` struct per model it reaches, and `ACTIONS`.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

use crate::catalog::{Action, ApiVersion, Kind, Member, Model, Service};
use crate::naming::{FieldNames, TypeNames, derives_wire_name};
use crate::seeded::Seeded;
use crate::source::Site;

/// Parameters the client sends itself; a business member of the same name needs the
/// macro's `shadows_common` flag.
const COMMON_PARAMETERS: &[&str] = &[
    "Action",
    "Version",
    "Region",
    "Timestamp",
    "Nonce",
    "SecretId",
    "Signature",
    "SignatureMethod",
    "Token",
    "Language",
    "RequestClient",
];

/// Parts of member names that mark a secret value, matched case-insensitively: such
/// strings are `tc_api_core::SecretString`, never shown by `Debug`.
const SECRET_MARKERS: &[&str] = &[
    "password",
    "passwd",
    "secretkey",
    "privatekey",
    "accesstoken",
    "sessiontoken",
    "refreshtoken",
    "clientsecret",
];

/// What one generated file holds.
#[derive(Debug, Default, Clone)]
pub struct Counts {
    /// Actions generated (the seeded ones not included).
    pub actions: usize,
    /// Models generated (responses and nested ones).
    pub models: usize,
    /// Request models, each generated as its action's struct.
    pub requests: usize,
    /// Models of the metadata not generated, with the reason.
    pub skipped_models: Vec<(String, &'static str)>,
}

/// The `mod.rs` of a version with hand-written actions: those always (feature `seeded`),
/// the generated rest of the version with the service's own feature.
pub fn seeded_version_mod(feature: &str, seeded: &Seeded, header: &str) -> String {
    let mut out = String::from(header);
    let _ = write!(
        out,
        "//!\n//! The actions of the source documents are hand-written (`seeded.rs`, feature\n\
         //! `seeded`); feature `{feature}` adds every other action of the version.\n\n\
         mod seeded;\npub use seeded::*;\n\n\
         #[cfg(feature = \"{feature}\")]\nmod generated;\n\
         #[cfg(feature = \"{feature}\")]\npub use generated::*;\n\n\
         /// The metadata of the hand-written actions (feature `{feature}` lists them all).\n\
         #[cfg(not(feature = \"{feature}\"))]\n\
         pub const ACTIONS: &[tc_api_core::ActionMeta] = &[\n"
    );
    for action in &seeded.actions {
        let _ = writeln!(out, "<{action} as tc_api_core::Action>::META,");
    }
    out.push_str("];\n");
    out
}

/// The source of `service`/`version` (not yet formatted).
pub fn version_file(
    service: &Service,
    version: &ApiVersion,
    seeded: Option<&Seeded>,
    header: &str,
) -> Result<(String, Counts), String> {
    let seeded_actions: BTreeSet<&str> = seeded
        .map(|s| s.actions.iter().map(String::as_str).collect())
        .unwrap_or_default();
    let seeded_types: BTreeSet<String> = seeded.map(|s| s.types.clone()).unwrap_or_default();
    let actions: Vec<&Action> = version
        .actions
        .values()
        .filter(|a| a.is_online() && !seeded_actions.contains(a.name.as_str()))
        .collect();
    let model = |name: &str| -> Result<&Model, String> {
        version.models.get(name).ok_or_else(|| {
            format!(
                "{} {}: model `{name}` is referenced but not defined",
                service.name, version.version
            )
        })
    };
    let inputs: BTreeSet<&str> = actions.iter().map(|a| a.input.as_str()).collect();
    let outputs: Vec<&str> = actions.iter().map(|a| a.output.as_str()).collect();
    let response_side = reachable(version, outputs.iter().copied(), &seeded_types)?;
    let request_side = reachable(version, inputs.iter().copied(), &seeded_types)?;
    let mut nested: BTreeSet<&str> = response_side.union(&request_side).copied().collect();
    for input in &inputs {
        if is_nested(version, input) {
            return Err(format!(
                "{} {}: request model `{input}` is also nested in another model",
                service.name, version.version
            ));
        }
        nested.remove(input);
    }
    for output in &outputs {
        nested.remove(output);
    }

    let mut taken: Vec<String> = actions.iter().map(|a| a.name.clone()).collect();
    taken.extend(seeded_types.iter().cloned());
    let mut type_names = TypeNames::new(taken);
    let mut rust_names: BTreeMap<&str, String> = BTreeMap::new();
    for name in seeded_types.iter() {
        rust_names.insert(name.as_str(), name.clone());
    }
    for output in &outputs {
        if !rust_names.contains_key(output) {
            rust_names.insert(output, type_names.name(output));
        }
    }
    for name in &nested {
        if !rust_names.contains_key(name) {
            rust_names.insert(name, type_names.name(name));
        }
    }
    let context = Context {
        service,
        version,
        rust_names: &rust_names,
        response_side: &response_side,
    };

    let mut out = String::new();
    out.push_str(header);
    let mut counts = Counts::default();
    if seeded.is_some() {
        // Beside the hand-written file: its types are used here, not defined again.
        out.push_str("\n#[allow(unused_imports)]\nuse super::seeded::*;\n");
    }
    if !actions.is_empty() {
        out.push_str("\nuse tc_api_macros::{tc_action, tc_model};\n");
    }
    let mut all_actions: Vec<&str> = actions.iter().map(|a| a.name.as_str()).collect();
    all_actions.extend(seeded_actions.iter().copied());
    all_actions.sort_unstable();
    out.push_str("\n/// The metadata of every action of this version.\n");
    out.push_str("pub const ACTIONS: &[tc_api_core::ActionMeta] = &[\n");
    for name in &all_actions {
        let _ = writeln!(out, "<{name} as tc_api_core::Action>::META,");
    }
    out.push_str("];\n");

    let mut emitted = BTreeSet::new();
    for action in &actions {
        let input = model(&action.input)?;
        let output_name = &rust_names[action.output.as_str()];
        context.action(&mut out, action, input, output_name);
        counts.actions += 1;
        if !seeded_types.contains(&action.output) && emitted.insert(action.output.as_str()) {
            let output = model(&action.output)?;
            context.model(&mut out, output, Some(&action.name));
            counts.models += 1;
        }
    }
    for name in &nested {
        if seeded_types.contains(*name) || outputs.contains(name) {
            continue;
        }
        context.model(&mut out, model(name)?, None);
        counts.models += 1;
    }
    counts.requests = inputs.len();
    for name in version.models.keys() {
        let reason = if seeded_types.contains(name) {
            "hand-written"
        } else if version
            .actions
            .values()
            .any(|a| !a.is_online() && (a.input == *name || a.output == *name))
            && !emitted.contains(name.as_str())
            && !inputs.contains(name.as_str())
            && !nested.contains(name.as_str())
        {
            "request or answer of an action left out"
        } else if !emitted.contains(name.as_str())
            && !inputs.contains(name.as_str())
            && !nested.contains(name.as_str())
        {
            "no generated action reaches it"
        } else {
            continue;
        };
        counts.skipped_models.push((name.clone(), reason));
    }
    Ok((out, counts))
}

/// Whether another model has a member of type `name`.
fn is_nested(version: &ApiVersion, name: &str) -> bool {
    version.models.values().any(|m| {
        m.name != name
            && m.members
                .iter()
                .any(|member| member.kind.model() == Some(name))
    })
}

/// The models reachable from `roots` through members (the roots included), stopping at
/// hand-written types.
fn reachable<'a>(
    version: &'a ApiVersion,
    roots: impl Iterator<Item = &'a str>,
    stop: &BTreeSet<String>,
) -> Result<BTreeSet<&'a str>, String> {
    let mut seen = BTreeSet::new();
    let mut stack: Vec<&str> = roots.collect();
    while let Some(name) = stack.pop() {
        if stop.contains(name) || !seen.insert(name) {
            continue;
        }
        let model = version
            .models
            .get(name)
            .ok_or_else(|| format!("model `{name}` is referenced but not defined"))?;
        stack.extend(model.members.iter().filter_map(|m| m.kind.model()));
    }
    Ok(seen)
}

struct Context<'a> {
    service: &'a Service,
    version: &'a ApiVersion,
    rust_names: &'a BTreeMap<&'a str, String>,
    response_side: &'a BTreeSet<&'a str>,
}

impl Context<'_> {
    fn action(&self, out: &mut String, action: &Action, input: &Model, response: &str) {
        let _ = writeln!(
            out,
            "\n/// The `{}` action of {} API {}.\n///\n/// Answers [`{response}`].{}",
            action.name,
            self.service.name.to_uppercase(),
            self.version.version,
            site_note(&action.sites()),
        );
        let mut args = format!(
            "service = \"{}\", version = \"{}\", region = \"optional\"",
            self.service.name, self.version.version
        );
        if response != format!("{}Response", action.name) {
            let _ = write!(args, ", response = {response}");
        }
        let _ = writeln!(out, "#[tc_action({args})]");
        out.push_str("#[derive(Debug, Clone, PartialEq)]\n");
        self.fields(out, &action.name, input, Role::Action);
    }

    fn model(&self, out: &mut String, model: &Model, answer_of: Option<&str>) {
        let name = &self.rust_names[model.name.as_str()];
        match answer_of {
            Some(action) => {
                let _ = writeln!(out, "\n/// The answer of [`{action}`].");
            }
            None => {
                let _ = write!(
                    out,
                    "\n/// The `{}` model of {} API {}",
                    model.name,
                    self.service.name.to_uppercase(),
                    self.version.version
                );
                if *name != model.name {
                    let _ = write!(
                        out,
                        ", named `{name}` here (the original is taken or not a type name)"
                    );
                }
                out.push_str(".\n");
            }
        }
        out.push_str("#[tc_model]\n#[derive(Debug, Clone, PartialEq)]\n");
        let role = if answer_of.is_some() {
            Role::Response
        } else if self.response_side.contains(model.name.as_str()) {
            Role::Answered
        } else {
            Role::Request
        };
        self.fields(out, name, model, role);
    }

    fn fields(&self, out: &mut String, name: &str, model: &Model, role: Role) {
        let members: Vec<&Member> = model
            .members
            .iter()
            .filter(|m| !(role == Role::Response && m.name == "RequestId"))
            .collect();
        if members.is_empty() {
            let _ = writeln!(out, "pub struct {name};");
            return;
        }
        let _ = writeln!(out, "pub struct {name} {{");
        let mut names = FieldNames::default();
        for member in members {
            let field = names.name(&member.name);
            let sent = matches!(role, Role::Action | Role::Request);
            let optional = !sent || !member.required;
            let _ = writeln!(out, "    /// {}", self.field_doc(member, sent));
            let shadows = role == Role::Action
                && COMMON_PARAMETERS
                    .iter()
                    .any(|c| c.eq_ignore_ascii_case(&member.name));
            if shadows {
                let _ = writeln!(
                    out,
                    "    #[tc(rename = \"{}\", shadows_common)]",
                    member.name
                );
            } else if !derives_wire_name(&field, &member.name) {
                let _ = writeln!(out, "    #[tc(rename = \"{}\")]", member.name);
            }
            let mut ty = self.rust_type(&member.kind, &member.name, &model.name);
            if optional {
                ty = format!("Option<{ty}>");
            }
            let _ = writeln!(out, "    pub {field}: {ty},");
        }
        out.push_str("}\n");
    }

    fn rust_type(&self, kind: &Kind, member: &str, owner: &str) -> String {
        match kind {
            Kind::String if is_secret(member) => "tc_api_core::SecretString".to_owned(),
            Kind::String | Kind::Binary => "String".to_owned(),
            Kind::Int64 => "i64".to_owned(),
            Kind::Uint64 => "u64".to_owned(),
            Kind::Float => "f64".to_owned(),
            Kind::Bool => "bool".to_owned(),
            Kind::Model(name) => {
                let rust = self.rust_names[name.as_str()].clone();
                if self.reaches(name, owner) {
                    format!("Box<{rust}>")
                } else {
                    rust
                }
            }
            Kind::List(element) => match element.as_ref() {
                // Elements of a list never need a box: the Vec is already indirect.
                Kind::Model(name) => format!("Vec<{}>", self.rust_names[name.as_str()]),
                other => format!("Vec<{}>", self.rust_type(other, member, owner)),
            },
        }
    }

    /// Whether model `from` contains `to` through direct (unboxed) model members: then a
    /// member of type `from` inside `to` makes `to` infinitely large unless boxed.
    fn reaches(&self, from: &str, to: &str) -> bool {
        let mut seen = BTreeSet::new();
        let mut stack = vec![from];
        while let Some(name) = stack.pop() {
            if name == to {
                return true;
            }
            if !seen.insert(name) {
                continue;
            }
            if let Some(model) = self.version.models.get(name) {
                stack.extend(model.members.iter().filter_map(|m| match &m.kind {
                    Kind::Model(next) => Some(next.as_str()),
                    _ => None,
                }));
            }
        }
        false
    }

    fn field_doc(&self, member: &Member, sent: bool) -> String {
        let mut doc = format!("`{}`", member.name);
        match (sent, member.required) {
            (true, true) => doc.push_str(", required"),
            (true, false) => doc.push_str(", optional"),
            (false, _) => {}
        }
        let _ = write!(doc, ": {}", self.describe(&member.kind));
        if !sent && member.nullable {
            doc.push_str(", may be null");
        }
        doc.push('.');
        if let Some(example) = member.example.as_deref().and_then(example_span) {
            let _ = write!(doc, " Example: {example}.");
        }
        doc
    }

    fn describe(&self, kind: &Kind) -> String {
        match kind {
            Kind::String => "string".to_owned(),
            Kind::Int64 => "integer".to_owned(),
            Kind::Uint64 => "unsigned integer".to_owned(),
            Kind::Float => "number".to_owned(),
            Kind::Bool => "boolean".to_owned(),
            Kind::Binary => "binary content".to_owned(),
            Kind::Model(name) => format!("[`{}`]", self.rust_names[name.as_str()]),
            Kind::List(element) => format!("list of {}", self.describe(element)),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    /// The action itself: required members are plain fields; common parameter names are
    /// flagged.
    Action,
    /// Nested in requests only: required members are plain fields.
    Request,
    /// The top level of an answer: every field optional, `RequestId` left to the client.
    Response,
    /// Nested in an answer (perhaps also in requests): every field optional.
    Answered,
}

fn is_secret(member: &str) -> bool {
    let lower = member.to_ascii_lowercase();
    SECRET_MARKERS.iter().any(|marker| lower.contains(marker))
}

fn site_note(sites: &BTreeSet<Site>) -> &'static str {
    match (sites.contains(&Site::China), sites.contains(&Site::Intl)) {
        (true, false) => " Listed by the China site's metadata only.",
        (false, true) => " Listed by the international site's metadata only.",
        _ => "",
    }
}

/// The example as an inline code span: one line, at most 60 characters, none when it
/// has a backtick or says nothing.
fn example_span(example: &str) -> Option<String> {
    let flat: String = example.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.is_empty() || flat.contains('`') || matches!(flat.as_str(), "无" | "null" | "-") {
        return None;
    }
    const LIMIT: usize = 60;
    if flat.chars().count() <= LIMIT {
        return Some(format!("`{flat}`"));
    }
    let cut: String = flat.chars().take(LIMIT).collect();
    Some(format!("`{}`…", cut.trim_end()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn examples_become_short_code_spans() {
        assert_eq!(
            example_span("[\"ins-1\"]").as_deref(),
            Some("`[\"ins-1\"]`")
        );
        assert_eq!(example_span("a\n  b").as_deref(), Some("`a b`"));
        assert_eq!(example_span("无"), None);
        assert_eq!(example_span("x`y"), None);
        let long = "x".repeat(100);
        assert_eq!(example_span(&long).unwrap().chars().count(), 63);
    }

    #[test]
    fn secrets_are_recognised_by_name() {
        assert!(is_secret("Password"));
        assert!(is_secret("DBPassword"));
        assert!(is_secret("SecretKey"));
        assert!(!is_secret("SecretId"));
        assert!(!is_secret("NextToken"));
    }
}
