//! The hand-written actions against the official metadata: every difference between the
//! two is listed in `seeded_differences.txt`, so none appears or disappears unnoticed.
//! Rerun with `TC_API_BLESS=1` to rewrite the list after a deliberate change.

use std::collections::BTreeSet;
use std::fmt::Write as _;

use tc_api_codegen::catalog::{self, ApiVersion, Catalog, Kind};
use tc_api_codegen::source::{self, Site};
use tc_api_core::registry::{ObjectSchema, Schema, WireSchema};
use tc_api_core::{Action, RegionPolicy};

const LIST: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/seeded_differences.txt");

fn catalog() -> Catalog {
    let services = ["iotexplorer", "tcb", "tcmpp", "tcsas"];
    let packages: Vec<_> = Site::ALL
        .iter()
        .map(|site| {
            (
                *site,
                source::load_services(*site, &services).expect("metadata loads"),
            )
        })
        .collect();
    catalog::merge(&packages).expect("the packages merge")
}

/// Appends the differences of action `A` to `out`.
fn compare<A>(catalog: &Catalog, out: &mut String)
where
    A: Action + WireSchema,
    A::Response: WireSchema,
{
    let meta = A::META;
    let version = meta
        .version()
        .expect("seeded API 3.0 actions have a version");
    let place = format!("{} {version} {}", meta.service, meta.action);
    let Some(api) = catalog
        .services
        .get(meta.service)
        .and_then(|service| service.versions.get(version))
    else {
        let _ = writeln!(out, "{place}: the metadata has no such service version");
        return;
    };
    let Some(action) = api.actions.get(meta.action) else {
        let _ = writeln!(out, "{place}: not in the metadata");
        return;
    };
    // What a generated definition would say: the metadata states none of these.
    match meta.region {
        RegionPolicy::Optional { allowed: [] } => {}
        other => {
            let _ = writeln!(out, "{place}: region {other:?} (metadata: not stated)");
        }
    }
    if let Some(limit) = meta.rate_limit {
        let _ = writeln!(out, "{place}: rate limit {limit}/s (metadata: not stated)");
    }
    if let Some(host) = meta.host {
        let _ = writeln!(out, "{place}: host {host} (metadata: not stated)");
    }
    let mut seen = BTreeSet::new();
    compare_object(
        api,
        &format!("{place} request"),
        &A::wire_schema(),
        &action.input,
        true,
        &mut seen,
        out,
    );
    compare_object(
        api,
        &format!("{place} response"),
        &A::Response::wire_schema(),
        &action.output,
        false,
        &mut seen,
        out,
    );
}

fn compare_object(
    api: &ApiVersion,
    place: &str,
    schema: &Schema,
    model: &str,
    sent: bool,
    seen: &mut BTreeSet<String>,
    out: &mut String,
) {
    let Schema::Object(object) = schema else {
        let _ = writeln!(out, "{place}: {schema} (metadata: model {model})");
        return;
    };
    if !seen.insert(format!("{place}/{model}")) {
        return;
    }
    let Some(model_def) = api.models.get(model) else {
        let _ = writeln!(out, "{place}: model {model} is not in the metadata");
        return;
    };
    let object: &ObjectSchema = object;
    for member in &model_def.members {
        if !sent && member.name == "RequestId" {
            continue;
        }
        let at = format!("{place} {}", member.name);
        let Some(field) = object.field(&member.name) else {
            let _ = writeln!(out, "{at}: missing (metadata: {})", member.kind.describe());
            continue;
        };
        if sent && field.required != member.required {
            let _ = writeln!(
                out,
                "{at}: {} (metadata: {})",
                required(field.required),
                required(member.required)
            );
        }
        compare_kind(api, &at, &field.schema(), &member.kind, sent, seen, out);
    }
    for field in object.fields {
        if !model_def.members.iter().any(|m| m.name == field.name) {
            let _ = writeln!(out, "{place} {}: not in the metadata", field.name);
        }
    }
}

fn compare_kind(
    api: &ApiVersion,
    at: &str,
    schema: &Schema,
    kind: &Kind,
    sent: bool,
    seen: &mut BTreeSet<String>,
    out: &mut String,
) {
    let same = match (schema, kind) {
        (Schema::String, Kind::String | Kind::Binary) => true,
        (Schema::Integer, Kind::Int64 | Kind::Uint64) => true,
        (Schema::Float, Kind::Float) | (Schema::Boolean, Kind::Bool) => true,
        (Schema::Array(item), Kind::List(element)) => {
            return compare_kind(api, at, &item(), element, sent, seen, out);
        }
        (Schema::Object(_), Kind::Model(model)) => {
            return compare_object(api, at, schema, model, sent, seen, out);
        }
        _ => false,
    };
    if !same {
        let _ = writeln!(out, "{at}: {schema} (metadata: {})", kind.describe());
    }
}

fn required(required: bool) -> &'static str {
    if required { "required" } else { "optional" }
}

#[test]
fn every_difference_from_the_metadata_is_listed() {
    let catalog = catalog();
    let mut differences = String::new();
    compare::<tc_api_services::iotexplorer::v20190423::DescribeBatchProduction>(
        &catalog,
        &mut differences,
    );
    compare::<tc_api_services::tcb::v20180608::CreatePostpayPackage>(&catalog, &mut differences);
    compare::<tc_api_services::tcmpp::v20240801::ReleaseMNPVersion>(&catalog, &mut differences);
    compare::<tc_api_services::tcsas::v20250106::DescribeMNPMAUMetricCard>(
        &catalog,
        &mut differences,
    );
    let listed = std::fs::read_to_string(LIST).unwrap_or_default();
    if listed != differences {
        if std::env::var_os("TC_API_BLESS").is_some() {
            std::fs::write(LIST, &differences).expect("the list is writable");
            return;
        }
        panic!(
            "the seeded definitions differ from the metadata in other ways than listed in \
             tests/seeded_differences.txt (rerun with TC_API_BLESS=1 to rewrite it):\n{differences}"
        );
    }
}
