//! Every example of the official metadata packages, for each generated action compiled in:
//! its request parameters go through the typed action and come back unchanged, and its
//! answer goes through the typed response without losing a documented value.
//!
//! A failure is sorted by comparing the example with the merged metadata itself:
//! `bad-example` (no parameters or answer can be read from it), `disagreement` (the
//! example contradicts the metadata, which the definitions follow), `generator-bug`
//! (anything else: the definition loses or changes what the metadata allows). Only the
//! last fails the test.
//!
//! With `TC_API_EXAMPLES_OUT=path`, every failure is also written to `path` as one TSV
//! line (service, version, action, example index, site, class, reason), and the counts
//! per service and site to `path.totals` (service, site, examples, passed, well-formed,
//! error answers). `scripts/check_examples.sh` runs this per batch of service features.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use serde_json::{Map, Value};
use tc_api_codegen::catalog::{self, ApiVersion, Catalog, Kind};
use tc_api_codegen::metadata::ApiExample;
use tc_api_codegen::source::{self, Site};
use tc_api_core::registry::{self, ActionEntry, Schema};

/// One site's examples of one service version, by action.
type ExampleLists = BTreeMap<String, Vec<ApiExample>>;

/// The parameters every request carries besides its own (signed by the client).
const COMMON: &[&str] = &[
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

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Class {
    BadExample,
    Disagreement,
    GeneratorBug,
}

impl Class {
    const ALL: [Class; 3] = [Class::BadExample, Class::Disagreement, Class::GeneratorBug];

    fn label(self) -> &'static str {
        match self {
            Class::BadExample => "bad-example",
            Class::Disagreement => "disagreement",
            Class::GeneratorBug => "generator-bug",
        }
    }
}

/// One failed check (the request or the answer) of one example.
#[derive(Debug, PartialEq, Eq, PartialOrd, Ord)]
struct Failure {
    service: &'static str,
    version: &'static str,
    action: &'static str,
    index: usize,
    site: Site,
    class: Class,
    reason: String,
}

impl Failure {
    fn tsv(&self) -> String {
        let mut reason: String = self
            .reason
            .chars()
            .map(|c| if c.is_control() { ' ' } else { c })
            .take(200)
            .collect();
        reason.truncate(reason.trim_end().len());
        format!(
            "{}\t{}\t{}\t{}\t{}\t{}\t{reason}",
            self.service,
            self.version,
            self.action,
            self.index,
            self.site.label(),
            self.class.label()
        )
    }
}

/// Why a check failed, before classification: a message and the paths it is about.
struct Problem {
    message: String,
    paths: Vec<String>,
}

impl Problem {
    fn at(path: impl Into<String>, message: impl Into<String>) -> Self {
        Problem {
            message: message.into(),
            paths: vec![path.into()],
        }
    }
}

/// A check's outcome before classification.
enum Outcome {
    Pass,
    Bad(String),
    Failed(Problem),
}

#[derive(Default)]
struct Totals {
    examples: usize,
    passed: usize,
    well_formed: usize,
    error_answers: usize,
}

#[test]
fn metadata_examples_survive_the_typed_definitions() {
    let packages: Vec<(Site, source::Package)> = Site::ALL
        .iter()
        .map(|&site| (site, source::load(site).expect("metadata package")))
        .collect();
    let catalog = catalog::merge(&packages).expect("the packages merge");
    // (service, API version date) -> the examples files of each site that has them.
    let mut examples: BTreeMap<(&str, &str), Vec<(Site, &ExampleLists)>> = BTreeMap::new();
    for (site, package) in &packages {
        for ((service, _), files) in package {
            examples
                .entry((service.as_str(), files.api.metadata.api_version.as_str()))
                .or_default()
                .push((*site, &files.examples.actions));
        }
    }

    let mut failures = Vec::new();
    let mut totals: BTreeMap<(&str, Site), Totals> = BTreeMap::new();
    let mut with_examples = 0;
    for entry in generated_entries() {
        let service = entry.meta.service;
        let version = entry.meta.version().expect("API 3.0");
        let merged = catalog_version(&catalog, service, version);
        if !merged.actions.contains_key(entry.meta.action) {
            // Hand-written actions come from other documents; generated ones must not.
            assert!(
                entry.type_name().contains("::seeded::"),
                "{service} {version} {} is generated but not in the metadata",
                entry.meta.action
            );
            continue;
        }
        let Some(sites) = examples.get(&(service, version)) else {
            continue;
        };
        with_examples += 1;
        for (site, actions) in sites {
            let Some(list) = actions.get(entry.meta.action) else {
                continue;
            };
            let total = totals.entry((service, *site)).or_default();
            for (index, example) in list.iter().enumerate() {
                let checks = [
                    ("request", check_request(entry, merged, example)),
                    ("answer", check_answer(entry, example, total)),
                ];
                total.examples += 1;
                let mut passed = true;
                let mut well_formed = true;
                for (part, outcome) in checks {
                    let (class, reason) = match outcome {
                        Outcome::Pass => continue,
                        Outcome::Bad(reason) => (Class::BadExample, reason),
                        Outcome::Failed(problem) => classify(entry, merged, example, part, problem),
                    };
                    passed = false;
                    well_formed &= class != Class::BadExample;
                    failures.push(Failure {
                        service,
                        version,
                        action: entry.meta.action,
                        index,
                        site: *site,
                        class,
                        reason: format!("{part}: {reason}"),
                    });
                }
                total.passed += usize::from(passed);
                total.well_formed += usize::from(well_formed);
            }
        }
    }
    failures.sort();

    let summary = summary(&totals, &failures);
    println!("{summary}");
    if let Some(path) = std::env::var_os("TC_API_EXAMPLES_OUT") {
        let path = std::path::PathBuf::from(path);
        let lines: String = failures.iter().map(|f| f.tsv() + "\n").collect();
        std::fs::write(&path, lines).expect("write the failures");
        let mut counts = String::new();
        for ((service, site), t) in &totals {
            let _ = writeln!(
                counts,
                "{service}\t{}\t{}\t{}\t{}\t{}",
                site.label(),
                t.examples,
                t.passed,
                t.well_formed,
                t.error_answers
            );
        }
        let mut totals_path = path.into_os_string();
        totals_path.push(".totals");
        std::fs::write(totals_path, counts).expect("write the totals");
    }

    let examples: usize = totals.values().map(|t| t.examples).sum();
    assert!(
        with_examples == 0 || examples > 0,
        "actions with documented examples are compiled in, but no example was checked"
    );
    let bugs: Vec<String> = failures
        .iter()
        .filter(|f| f.class == Class::GeneratorBug)
        .map(Failure::tsv)
        .collect();
    assert!(
        bugs.is_empty(),
        "{} examples show a generator bug:\n{}",
        bugs.len(),
        bugs.join("\n")
    );
}

/// The registered API 3.0 actions of this crate (tc-api-core registers STS actions of its
/// own; API 2.0 actions have no metadata): those of the enabled features.
fn generated_entries() -> Vec<&'static ActionEntry> {
    let entries: Vec<&'static ActionEntry> = registry::actions()
        .iter()
        .copied()
        .filter(|entry| {
            entry.type_name().starts_with("tc_api_services::") && entry.meta.version().is_some()
        })
        .collect();
    // Naming the crate's own list also links it in, without which nothing is registered.
    let listed = tc_api_services::actions()
        .into_iter()
        .filter(|meta| meta.version().is_some())
        .count();
    assert_eq!(
        entries.len(),
        listed,
        "the registry and the crate's list differ"
    );
    entries
}

fn catalog_version<'a>(catalog: &'a Catalog, service: &str, version: &str) -> &'a ApiVersion {
    catalog
        .services
        .get(service)
        .and_then(|s| s.versions.get(version))
        .unwrap_or_else(|| panic!("{service} {version} is compiled but not in the metadata"))
}

fn summary(totals: &BTreeMap<(&str, Site), Totals>, failures: &[Failure]) -> String {
    let sum = |site: Option<Site>, pick: fn(&Totals) -> usize| -> usize {
        totals
            .iter()
            .filter(|((_, s), _)| site.is_none_or(|site| *s == site))
            .map(|(_, t)| pick(t))
            .sum()
    };
    let mut out = String::from("metadata examples:");
    for (label, site) in [
        ("all", None),
        ("cn", Some(Site::China)),
        ("intl", Some(Site::Intl)),
    ] {
        let examples = sum(site, |t| t.examples);
        let passed = sum(site, |t| t.passed);
        let well_formed = sum(site, |t| t.well_formed);
        let _ = write!(
            out,
            "\n  {label}: {examples} checked, {passed} passed ({}), {well_formed} well-formed \
             ({} of those passed), {} error answers",
            percent(passed, examples),
            percent(passed, well_formed),
            sum(site, |t| t.error_answers),
        );
    }
    for class in Class::ALL {
        let count = failures.iter().filter(|f| f.class == class).count();
        let _ = write!(out, "\n  {}: {count} failures", class.label());
    }
    out
}

fn percent(part: usize, whole: usize) -> String {
    if whole == 0 {
        "-".to_owned()
    } else {
        format!("{:.2}%", part as f64 * 100.0 / whole as f64)
    }
}

// ---------------------------------------------------------------------------------------
// The request

/// Parameters as an example gives them.
enum Params {
    /// A JSON body.
    Json(Value),
    /// `Name.0.Field=value` pairs of a URL query.
    Flat(Vec<(String, String)>),
}

fn check_request(entry: &ActionEntry, version: &ApiVersion, example: &ApiExample) -> Outcome {
    let (given, flat) = match request_params(&example.input) {
        Ok(Params::Json(value)) => (value, false),
        Ok(Params::Flat(pairs)) => match unflatten(&pairs) {
            Ok(value) => (value, true),
            Err(reason) => return Outcome::Bad(reason),
        },
        Err(reason) => return Outcome::Bad(reason),
    };
    let Value::Object(mut given) = given else {
        return Outcome::Bad("the body is not a JSON object".to_owned());
    };
    let input = &version.models[&version.actions[entry.meta.action].input];
    given.retain(|name, _| {
        !COMMON.contains(&name.as_str()) || input.members.iter().any(|m| m.name == *name)
    });
    let given = Value::Object(given);
    let mut typed = given.clone();
    if flat {
        coerce(&mut typed, Schema::Object(entry.params()));
    }
    match entry.typed_params(&typed) {
        Err(invalid) => Outcome::Failed(Problem {
            message: invalid.to_string(),
            paths: invalid.errors.iter().map(|e| e.path()).collect(),
        }),
        Ok(sent) => {
            let mut diffs = Vec::new();
            compare("", &given, &sent, flat, &mut diffs);
            match diffs.is_empty() {
                true => Outcome::Pass,
                false => Outcome::Failed(diffs_problem(diffs)),
            }
        }
    }
}

/// The parameters of an example request: its JSON body, or the pairs of its URL query.
fn request_params(input: &str) -> Result<Params, String> {
    let text = input.trim_start();
    if text.starts_with('{') {
        return json_value(text).map(Params::Json);
    }
    let first = text.lines().next().unwrap_or_default();
    if first.starts_with("https://") || first.starts_with("http://") {
        return query_pairs(text).map(Params::Flat);
    }
    if !["POST ", "GET "].iter().any(|m| first.starts_with(m)) {
        return Err("neither an HTTP request nor a JSON body".to_owned());
    }
    // The body follows the first blank line; examples printed without one start it at
    // the first brace.
    let after_blank = blank_line_split(text)
        .map(str::trim)
        .filter(|b| !b.is_empty());
    if let Some(body) = after_blank
        && body.starts_with('{')
    {
        return json_value(body).map(Params::Json);
    }
    if let Some(start) = text.find('{')
        && let Ok(value) = json_value(&text[start..])
    {
        return Ok(Params::Json(value));
    }
    match after_blank {
        Some(body) => Err(format!("the body is not JSON: {}", excerpt(body))),
        None => Err("no body".to_owned()),
    }
}

fn blank_line_split(text: &str) -> Option<&str> {
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        offset += line.len();
        if line.trim().is_empty() {
            return Some(&text[offset..]);
        }
    }
    None
}

/// One JSON value with nothing but white space after it.
fn json_value(text: &str) -> Result<Value, String> {
    let mut values = serde_json::Deserializer::from_str(text).into_iter::<Value>();
    let value = match values.next() {
        Some(Ok(value)) => value,
        Some(Err(e)) => return Err(format!("not JSON: {e}")),
        None => return Err("empty".to_owned()),
    };
    let rest = &text[values.byte_offset()..];
    if !rest.trim().is_empty() {
        return Err(format!("text after the JSON: {}", excerpt(rest.trim())));
    }
    Ok(value)
}

fn excerpt(text: &str) -> String {
    let short: String = text.chars().take(40).collect();
    format!("{short:?}")
}

/// The `Name=value` pairs after the `?` of a URL example, one per `&` or line, without
/// placeholders such as `<common request parameters>`.
fn query_pairs(text: &str) -> Result<Vec<(String, String)>, String> {
    let query = text
        .split_once('?')
        .map(|(_, query)| query)
        .ok_or("a URL without a query")?;
    let mut pairs = Vec::new();
    for piece in query.split(['&', '\n', '\r']) {
        let piece = piece.trim();
        if piece.is_empty() || (piece.starts_with('<') && piece.ends_with('>')) {
            continue;
        }
        let (name, value) = piece
            .split_once('=')
            .ok_or_else(|| format!("query part without `=`: {}", excerpt(piece)))?;
        pairs.push((name.trim().to_owned(), value.trim().to_owned()));
    }
    Ok(pairs)
}

/// Flat names (`Filters.0.Values.1`) back into nested JSON; every leaf stays a string.
fn unflatten(pairs: &[(String, String)]) -> Result<Value, String> {
    enum Node {
        Leaf(String),
        Branch(BTreeMap<String, Node>),
    }
    fn insert(
        node: &mut BTreeMap<String, Node>,
        parts: &[&str],
        value: &str,
        name: &str,
    ) -> Result<(), String> {
        let (first, rest) = parts.split_first().expect("a name has a part");
        if first.is_empty() {
            return Err(format!("empty part in the name {name}"));
        }
        match (node.get_mut(*first), rest.is_empty()) {
            (None, true) => {
                node.insert((*first).to_owned(), Node::Leaf(value.to_owned()));
                Ok(())
            }
            (None, false) => {
                let mut branch = BTreeMap::new();
                insert(&mut branch, rest, value, name)?;
                node.insert((*first).to_owned(), Node::Branch(branch));
                Ok(())
            }
            (Some(Node::Branch(branch)), false) => insert(branch, rest, value, name),
            (Some(Node::Leaf(_)), true) => Err(format!("{name} is given twice")),
            (Some(_), _) => Err(format!("{name} is both a value and a container")),
        }
    }
    fn value(node: Node) -> Result<Value, String> {
        match node {
            Node::Leaf(text) => Ok(Value::String(text)),
            Node::Branch(children) => {
                let indices: Option<Vec<usize>> =
                    children.keys().map(|key| key.parse().ok()).collect();
                match indices {
                    Some(indices) => {
                        // A list: elements in index order.
                        let mut elements: Vec<(usize, Node)> =
                            indices.into_iter().zip(children.into_values()).collect();
                        elements.sort_by_key(|(index, _)| *index);
                        elements
                            .into_iter()
                            .map(|(_, node)| value(node))
                            .collect::<Result<_, _>>()
                            .map(Value::Array)
                    }
                    None if children.keys().any(|key| key.parse::<usize>().is_ok()) => {
                        Err("list indices and names mixed in one object".to_owned())
                    }
                    None => children
                        .into_iter()
                        .map(|(key, node)| Ok((key, value(node)?)))
                        .collect::<Result<Map<_, _>, String>>()
                        .map(Value::Object),
                }
            }
        }
    }
    let mut root = BTreeMap::new();
    for (name, text) in pairs {
        let parts: Vec<&str> = name.split('.').collect();
        insert(&mut root, &parts, text, name)?;
    }
    value(Node::Branch(root)).and_then(|v| match v {
        Value::Array(_) => Err("the parameter names are list indices".to_owned()),
        other => Ok(other),
    })
}

/// Flat-form strings turned into the JSON types the typed definition expects, where they
/// read as such; anything else is left for the typed decode to refuse.
fn coerce(value: &mut Value, schema: Schema) {
    match (schema, &mut *value) {
        (Schema::Integer, Value::String(text)) => {
            if let Ok(n) = text.parse::<i64>() {
                *value = n.into();
            } else if let Ok(n) = text.parse::<u64>() {
                *value = n.into();
            }
        }
        (Schema::Float, Value::String(text)) => {
            if let Ok(n) = text.parse::<i64>() {
                *value = n.into();
            } else if let Some(n) = text
                .parse::<f64>()
                .ok()
                .and_then(serde_json::Number::from_f64)
            {
                *value = Value::Number(n);
            }
        }
        (Schema::Boolean, Value::String(text)) => {
            if let Ok(b) = text.to_ascii_lowercase().parse::<bool>() {
                *value = Value::Bool(b);
            }
        }
        (Schema::Array(item), Value::Array(items)) => {
            let item = item();
            items.iter_mut().for_each(|v| coerce(v, item));
        }
        (Schema::Map(entry), Value::Object(map)) => {
            let entry = entry();
            map.values_mut().for_each(|v| coerce(v, entry));
        }
        (Schema::Object(object), Value::Object(map)) => {
            for (name, v) in map.iter_mut() {
                if let Some(field) = object.field(name) {
                    coerce(v, field.schema());
                }
            }
        }
        _ => {}
    }
}

/// Differences between what the example gives and what the typed action sends. Numbers
/// compare by value; with `flat`, a string compares with the scalar it spells.
fn compare(path: &str, given: &Value, sent: &Value, flat: bool, diffs: &mut Vec<(String, String)>) {
    match (given, sent) {
        (Value::Object(g), Value::Object(s)) => {
            for (key, value) in g {
                match s.get(key) {
                    Some(other) => compare(&join(path, key), value, other, flat, diffs),
                    // An explicit null is a member not given: the typed action omits it,
                    // and the service reads both the same way.
                    None if value.is_null() => {}
                    None => diffs.push((join(path, key), format!("{value} is not sent"))),
                }
            }
            for (key, value) in s {
                if !g.contains_key(key) {
                    diffs.push((join(path, key), format!("{value} is sent but not given")));
                }
            }
        }
        (Value::Array(g), Value::Array(s)) if g.len() == s.len() => {
            for (i, (g, s)) in g.iter().zip(s).enumerate() {
                compare(&join(path, &i.to_string()), g, s, flat, diffs);
            }
        }
        (g, s) if same_scalar(g, s) => {}
        (Value::String(text), s) if flat && spells(text, s) => {}
        (g, s) => diffs.push((path.to_owned(), format!("given {g}, sent {s}"))),
    }
}

fn diffs_problem(diffs: Vec<(String, String)>) -> Problem {
    let (paths, messages): (Vec<String>, Vec<String>) = diffs
        .into_iter()
        .map(|(path, message)| (path.clone(), format!("{}: {message}", display(&path))))
        .unzip();
    Problem {
        message: messages.join("; "),
        paths,
    }
}

fn same_scalar(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => same_number(x, y),
        (Value::Array(_) | Value::Object(_), _) => false,
        (a, b) => a == b,
    }
}

fn same_number(x: &serde_json::Number, y: &serde_json::Number) -> bool {
    let integer = |n: &serde_json::Number| {
        n.as_i64()
            .map(i128::from)
            .or_else(|| n.as_u64().map(i128::from))
    };
    match (integer(x), integer(y)) {
        (Some(a), Some(b)) => a == b,
        _ => x.as_f64() == y.as_f64(),
    }
}

/// Whether the flat-form `text` spells the scalar `value`.
fn spells(text: &str, value: &Value) -> bool {
    match value {
        Value::Number(n) => text
            .parse::<serde_json::Number>()
            .is_ok_and(|parsed| same_number(&parsed, n)),
        Value::Bool(b) => text.eq_ignore_ascii_case(if *b { "true" } else { "false" }),
        Value::String(s) => s == text,
        _ => false,
    }
}

// ---------------------------------------------------------------------------------------
// The answer

fn check_answer(entry: &ActionEntry, example: &ApiExample, total: &mut Totals) -> Outcome {
    let whole = match json_value(example.output.trim()) {
        Ok(whole) => whole,
        Err(reason) => return Outcome::Bad(format!("the answer is {reason}")),
    };
    let Some(Value::Object(response)) = whole.get("Response") else {
        return Outcome::Bad("the answer has no Response object".to_owned());
    };
    // An error answer is read as an error, never as the typed response.
    if let Err(tc_api_core::Error::Api { .. }) =
        tc_api_core::envelope::decode_v3::<Value>(200, example.output.as_bytes())
    {
        total.error_answers += 1;
        return Outcome::Pass;
    }
    let mut documented = response.clone();
    documented.remove("RequestId");
    let documented = Value::Object(documented);
    match entry.typed_answer(documented.clone()) {
        None => Outcome::Failed(Problem::at("", "the response type cannot be encoded")),
        Some(Err(error)) => Outcome::Failed(Problem::at(error.path(), error.to_string())),
        Some(Ok(kept)) => {
            let mut lost = Vec::new();
            carries("", &documented, &kept, &mut lost);
            match lost.is_empty() {
                true => Outcome::Pass,
                false => Outcome::Failed(diffs_problem(lost)),
            }
        }
    }
}

/// Every non-null value of `documented` that is not in `kept`, by path.
fn carries(path: &str, documented: &Value, kept: &Value, lost: &mut Vec<(String, String)>) {
    match (documented, kept) {
        (Value::Null, _) => {}
        (Value::Object(d), Value::Object(k)) => {
            for (key, value) in d {
                match (value, k.get(key)) {
                    (Value::Null, _) => {}
                    (_, Some(found)) => carries(&join(path, key), value, found, lost),
                    (_, None) => lost.push((join(path, key), format!("{value} is lost"))),
                }
            }
        }
        (Value::Array(d), Value::Array(k)) if d.len() == k.len() => {
            for (i, (d, k)) in d.iter().zip(k).enumerate() {
                carries(&join(path, &i.to_string()), d, k, lost);
            }
        }
        (d, k) if same_scalar(d, k) => {}
        (d, k) => lost.push((path.to_owned(), format!("documented {d}, kept {k}"))),
    }
}

// ---------------------------------------------------------------------------------------
// Classification

/// Where the example contradicts the metadata, with what it found there.
struct Contradiction {
    path: String,
    reason: String,
    /// A required member absent: decoders report it at the enclosing object.
    missing: bool,
}

/// Sorts a failed check: a disagreement when contradictions of the metadata account for
/// every path the failure is about, a generator bug otherwise.
fn classify(
    entry: &ActionEntry,
    version: &ApiVersion,
    example: &ApiExample,
    part: &str,
    problem: Problem,
) -> (Class, String) {
    let action = &version.actions[entry.meta.action];
    let mut walk = Walk {
        version,
        request: part == "request",
        flat: false,
        found: Vec::new(),
    };
    if walk.request {
        let (value, flat) = match request_params(&example.input) {
            Ok(Params::Json(value)) => (value, false),
            Ok(Params::Flat(pairs)) => (unflatten(&pairs).expect("checked"), true),
            Err(_) => unreachable!("a request that cannot be read is a bad example"),
        };
        let mut value = value;
        if let Value::Object(map) = &mut value {
            let input = &version.models[&action.input];
            map.retain(|name, _| {
                !COMMON.contains(&name.as_str()) || input.members.iter().any(|m| m.name == *name)
            });
        }
        walk.flat = flat;
        walk.model(&action.input, &value, "");
    } else {
        let whole: Value = json_value(example.output.trim()).expect("checked");
        let mut response = whole["Response"].clone();
        response
            .as_object_mut()
            .expect("checked")
            .remove("RequestId");
        walk.model(&action.output, &response, "");
    }
    let unexplained: Vec<&String> = problem
        .paths
        .iter()
        .filter(|path| !walk.found.iter().any(|c| explains(c, path)))
        .collect();
    if unexplained.is_empty() && !walk.found.is_empty() {
        let first = &walk.found[0];
        let mut reason = format!("{}: {}", display(&first.path), first.reason);
        if walk.found.len() > 1 {
            let _ = write!(reason, " (+{} more)", walk.found.len() - 1);
        }
        (Class::Disagreement, reason)
    } else {
        (Class::GeneratorBug, problem.message)
    }
}

fn explains(contradiction: &Contradiction, path: &str) -> bool {
    let within = |outer: &str, inner: &str| {
        outer.is_empty()
            || inner == outer
            || inner
                .strip_prefix(outer)
                .is_some_and(|rest| rest.starts_with('.'))
    };
    within(&contradiction.path, path)
        || (contradiction.missing && parent(&contradiction.path) == path)
}

fn parent(path: &str) -> &str {
    path.rsplit_once('.').map_or("", |(parent, _)| parent)
}

/// The example against the merged metadata's models.
struct Walk<'a> {
    version: &'a ApiVersion,
    /// Requests must carry required members; answers need not.
    request: bool,
    /// Flat-form values are strings: one that reads as the type is fine.
    flat: bool,
    found: Vec<Contradiction>,
}

impl Walk<'_> {
    fn push(&mut self, path: &str, reason: String) {
        self.found.push(Contradiction {
            path: path.to_owned(),
            reason,
            missing: false,
        });
    }

    fn model(&mut self, name: &str, value: &Value, path: &str) {
        let model = &self.version.models[name];
        let Value::Object(map) = value else {
            self.push(path, format!("{} for {name}", registry::json_type(value)));
            return;
        };
        for (key, value) in map {
            let here = join(path, key);
            let Some(member) = model.members.iter().find(|m| m.name == *key) else {
                self.push(&here, format!("{name} has no member {key}"));
                continue;
            };
            if value.is_null() {
                if !member.nullable {
                    self.push(&here, format!("null for {}", member.kind.describe()));
                }
                continue;
            }
            self.value(&member.kind, value, &here);
        }
        if self.request {
            for member in model.members.iter().filter(|m| m.required) {
                if !map.contains_key(&member.name) {
                    self.found.push(Contradiction {
                        path: join(path, &member.name),
                        reason: format!("required {} missing", member.kind.describe()),
                        missing: true,
                    });
                }
            }
        }
    }

    fn value(&mut self, kind: &Kind, value: &Value, path: &str) {
        let fits = match (kind, value) {
            (Kind::Model(name), _) => return self.model(name, value, path),
            (Kind::List(element), Value::Array(items)) => {
                for (i, item) in items.iter().enumerate() {
                    let here = join(path, &i.to_string());
                    match item {
                        Value::Null => self.push(&here, "null element in a list".to_owned()),
                        item => self.value(element, item, &here),
                    }
                }
                return;
            }
            (Kind::String | Kind::Binary, Value::String(_)) => true,
            (Kind::Int64, Value::Number(n)) => n.is_i64(),
            (Kind::Uint64, Value::Number(n)) => n.is_u64(),
            (Kind::Float, Value::Number(_)) => true,
            (Kind::Bool, Value::Bool(_)) => true,
            (Kind::Int64, Value::String(s)) if self.flat => s.parse::<i64>().is_ok(),
            (Kind::Uint64, Value::String(s)) if self.flat => s.parse::<u64>().is_ok(),
            (Kind::Float, Value::String(s)) if self.flat => s.parse::<f64>().is_ok(),
            (Kind::Bool, Value::String(s)) if self.flat => {
                s.eq_ignore_ascii_case("true") || s.eq_ignore_ascii_case("false")
            }
            _ => false,
        };
        if !fits {
            let found = match value {
                Value::Number(n) if n.is_f64() => format!("number {n}"),
                Value::Number(n) => format!("integer {n}"),
                Value::String(s) if self.flat => format!("string {}", excerpt(s)),
                other => registry::json_type(other).to_owned(),
            };
            self.push(path, format!("{found} for {}", kind.describe()));
        }
    }
}

fn join(path: &str, name: &str) -> String {
    if path.is_empty() {
        name.to_owned()
    } else {
        format!("{path}.{name}")
    }
}

fn display(path: &str) -> &str {
    if path.is_empty() { "(top)" } else { path }
}

#[test]
fn flat_names_nest_back_into_json() {
    let pairs: Vec<(String, String)> = [
        ("Filters.1.Name", "b"),
        ("Filters.0.Values.0", "x"),
        ("Filters.0.Name", "a"),
        ("Limit", "10"),
    ]
    .iter()
    .map(|(n, v)| (n.to_string(), v.to_string()))
    .collect();
    assert_eq!(
        unflatten(&pairs).unwrap(),
        serde_json::json!({
            "Filters": [{"Name": "a", "Values": ["x"]}, {"Name": "b"}],
            "Limit": "10"
        })
    );
    let twice = [("A", "1"), ("A", "2")].map(|(n, v)| (n.to_string(), v.to_string()));
    assert!(unflatten(&twice).is_err());
    let mixed = [("A.0", "1"), ("A.B", "2")].map(|(n, v)| (n.to_string(), v.to_string()));
    assert!(unflatten(&mixed).is_err());
}

#[test]
fn example_requests_are_read_in_every_printed_form() {
    let json = "POST / HTTP/1.1\nHost: x\n<common>\n\n{\"A\": 1}";
    assert!(matches!(request_params(json), Ok(Params::Json(v)) if v["A"] == 1));
    let one_line = "POST / HTTP/1.1Host: xX-TC-Action: Y<common>{    \"A\": 1}";
    assert!(matches!(request_params(one_line), Ok(Params::Json(v)) if v["A"] == 1));
    let bare = "\t\n{\"A\": [1]}";
    assert!(matches!(request_params(bare), Ok(Params::Json(_))));
    let url = "https://cvm.example/?Action=X\r\n&Version=1\n&A.0=x y\n&<Common request parameters>";
    let Ok(Params::Flat(pairs)) = request_params(url) else {
        panic!("a URL example");
    };
    assert_eq!(pairs.len(), 3);
    assert_eq!(pairs[2], ("A.0".to_owned(), "x y".to_owned()));
    let protobuf = "POST / HTTP/1.1\n{\n\"Host\": \"x\"\n}\n\n<binary content>";
    assert!(request_params(protobuf).is_err());
    assert!(request_params("POST / HTTP/1.1\nHost: x\n\n").is_err());
}

#[test]
fn numbers_compare_by_value() {
    let mut diffs = Vec::new();
    compare(
        "",
        &serde_json::json!({"A": 1, "B": 2.5, "C": "10"}),
        &serde_json::json!({"A": 1.0, "B": 2.5, "C": 10}),
        true,
        &mut diffs,
    );
    assert!(diffs.is_empty(), "{diffs:?}");
    compare(
        "",
        &serde_json::json!({"C": "10"}),
        &serde_json::json!({"C": 10}),
        false,
        &mut diffs,
    );
    assert_eq!(diffs.len(), 1);
}
