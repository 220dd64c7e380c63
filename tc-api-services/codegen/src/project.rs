//! The files around the generated modules: each service's `mod.rs`, the module list and
//! `actions()` in `lib.rs`, the cargo features, the service tables of the READMEs and the
//! coverage report. Hand-written files get their generated part between marker lines.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use crate::catalog::Catalog;
use crate::naming::service_module;
use crate::rust::Counts;
use crate::seeded::HAND_WRITTEN_MODULES;
use crate::source::Site;

/// What was generated for one service version.
#[derive(Debug, Clone)]
pub struct VersionReport {
    /// `2017-03-12`.
    pub version: String,
    /// Generated counts.
    pub counts: Counts,
    /// Hand-written actions of the version.
    pub seeded_actions: usize,
}

/// Per service (wire name): its versions.
pub type Report = BTreeMap<String, Vec<VersionReport>>;

/// The `mod.rs` of one service.
pub fn service_mod(service: &str, versions: &[VersionReport], header: &str) -> String {
    let mut out = format!(
        "//! {} (`{service}.tencentcloudapi.com`), API 3.0: {}.\n//!\n{header}\n",
        service.to_uppercase(),
        versions
            .iter()
            .map(|v| v.version.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    );
    let feature = service_module(service);
    for version in versions {
        // A version with hand-written actions is there with `seeded` too.
        if version.seeded_actions == 0 {
            let _ = writeln!(out, "#[cfg(feature = \"{feature}\")]");
        }
        let _ = writeln!(out, "pub mod v{};", version.version.replace('-', ""));
    }
    for (_, module) in HAND_WRITTEN_MODULES.iter().filter(|(s, _)| *s == service) {
        let _ = writeln!(
            out,
            "// Hand-written (feature `seeded`); a doc comment here would resolve its links\n\
             // from this module rather than from its own.\n\
             pub mod {module};"
        );
    }
    out
}

/// The `cfg` predicate of a service module: its feature, or `seeded` too when it has
/// hand-written parts.
fn service_cfg(service: &str, versions: &[VersionReport]) -> String {
    let feature = service_module(service);
    let hand_written = versions.iter().any(|v| v.seeded_actions > 0)
        || HAND_WRITTEN_MODULES.iter().any(|(s, _)| *s == service);
    if hand_written {
        format!("any(feature = \"seeded\", feature = \"{feature}\")")
    } else {
        format!("feature = \"{feature}\"")
    }
}

/// The module declarations of `lib.rs`.
pub fn lib_modules(report: &Report) -> String {
    let mut out = String::new();
    // In module-name order, as rustfmt sorts `mod` items (`autoscaling` is service `as`).
    let mut modules: Vec<(String, &String, &Vec<VersionReport>)> = report
        .iter()
        .map(|(service, versions)| (service_module(service), service, versions))
        .collect();
    modules.sort_by(|a, b| a.0.cmp(&b.0));
    for (module, service, versions) in modules {
        let cfg = service_cfg(service, versions);
        let _ = writeln!(out, "#[cfg({cfg})]\npub mod {module};");
    }
    out
}

/// The `ACTIONS` groups of `lib.rs`'s `actions()`.
pub fn lib_action_groups(report: &Report) -> String {
    let mut out = String::new();
    for (service, versions) in report {
        let module = service_module(service);
        for version in versions {
            let cfg = if version.seeded_actions > 0 {
                service_cfg(service, versions)
            } else {
                format!("feature = \"{module}\"")
            };
            let _ = writeln!(
                out,
                "        #[cfg({cfg})]\n        {module}::v{}::ACTIONS,",
                version.version.replace('-', "")
            );
        }
    }
    out
}

/// The features of `Cargo.toml`, one per service.
pub fn cargo_features(report: &Report) -> String {
    let mut out = String::new();
    for service in report.keys() {
        let _ = writeln!(out, "{} = []", service_module(service));
    }
    out
}

/// Totals over the report: (services, versions, actions generated, seeded, models).
pub fn totals(report: &Report) -> (usize, usize, usize, usize, usize) {
    let versions: Vec<&VersionReport> = report.values().flatten().collect();
    (
        report.len(),
        versions.len(),
        versions.iter().map(|v| v.counts.actions).sum(),
        versions.iter().map(|v| v.seeded_actions).sum(),
        versions.iter().map(|v| v.counts.models).sum(),
    )
}

/// The service table of tc-api-services/README.md.
pub fn service_table(report: &Report, catalog: &Catalog) -> String {
    let (services, versions, actions, seeded, models) = totals(report);
    let mut out = format!(
        "{services} services, {versions} service versions, {} actions ({actions} generated, \
         {seeded} hand-written), {models} models.\n\n\
         | feature | module | versions | actions | models | sites |\n|---|---|---|---|---|---|\n",
        actions + seeded
    );
    for (service, reports) in report {
        let module = service_module(service);
        let info = &catalog.services[service];
        let mut sites = std::collections::BTreeSet::new();
        for version in info.versions.values() {
            sites.extend(version.sites.iter().copied());
        }
        let sites = match (sites.contains(&Site::China), sites.contains(&Site::Intl)) {
            (true, true) => "cn, intl",
            (true, false) => "cn",
            _ => "intl",
        };
        let _ = writeln!(
            out,
            "| `{module}` | `{module}::{}` | {} | {} | {} | {sites} |",
            reports
                .iter()
                .map(|v| format!("v{}", v.version.replace('-', "")))
                .collect::<Vec<_>>()
                .join(", "),
            reports.len(),
            reports
                .iter()
                .map(|v| v.counts.actions + v.seeded_actions)
                .sum::<usize>(),
            reports.iter().map(|v| v.counts.models).sum::<usize>(),
        );
    }
    out
}

/// The summary line of the root README.
pub fn summary(report: &Report) -> String {
    let (services, versions, actions, seeded, models) = totals(report);
    format!(
        "`tc-api-services` defines {} API 3.0 actions of {services} services ({versions} \
         service versions, {models} models): every online action of the official metadata \
         ({actions} generated, {seeded} hand-written from the source documents), and API \
         Gateway's API 2.0 actions, hand-written from its calling guide. One cargo feature \
         per service; the table is in \
         [tc-api-services/README.md](tc-api-services/README.md#services).\n",
        actions + seeded
    )
}

/// The coverage report: the packages' counts, what was generated, what was left out.
pub fn coverage(
    catalog: &Catalog,
    report: &Report,
    package_counts: &[(Site, [usize; 4])],
) -> String {
    let mut out = String::from(
        "# Coverage\n\nWritten by `cargo run -p tc-api-codegen`; do not edit.\n\n\
         ## The pinned packages\n\n| package | version | services | versions | actions | models |\n\
         |---|---|---|---|---|---|\n",
    );
    for (site, [services, versions, actions, models]) in package_counts {
        let _ = writeln!(
            out,
            "| `{}` | {} | {services} | {versions} | {actions} | {models} |",
            site.package(),
            site.version()
        );
    }
    let (services, versions, actions, seeded, models) = totals(report);
    let union_actions: usize = catalog
        .services
        .values()
        .flat_map(|s| s.versions.values())
        .map(|v| v.actions.len())
        .sum();
    let online: usize = catalog
        .services
        .values()
        .flat_map(|s| s.versions.values())
        .map(|v| v.actions.values().filter(|a| a.is_online()).count())
        .sum();
    let _ = write!(
        out,
        "\n## Generated\n\nThe union of both packages has {union_actions} actions, {online} of \
         them online in at least one package. Generated: {services} services, {versions} \
         service versions, {actions} actions and {models} models; {seeded} more actions are \
         hand-written (the source documents' own), so every online action is defined.\n\n"
    );
    out.push_str("## Left out\n\nActions that no package lists as online:\n\n| service | version | action | status |\n|---|---|---|---|\n");
    for service in catalog.services.values() {
        for version in service.versions.values() {
            for action in version.actions.values().filter(|a| !a.is_online()) {
                let status: Vec<String> = action
                    .statuses
                    .iter()
                    .map(|(site, status)| format!("{status} ({})", site.label()))
                    .collect();
                let _ = writeln!(
                    out,
                    "| {} | {} | {} | {} |",
                    service.name,
                    version.version,
                    action.name,
                    status.join(", ")
                );
            }
        }
    }
    let union_models: usize = catalog
        .services
        .values()
        .flat_map(|s| s.versions.values())
        .map(|v| v.models.len())
        .sum();
    let requests: usize = report.values().flatten().map(|v| v.counts.requests).sum();
    let skipped: Vec<(&str, &str, &str, &str)> = report
        .iter()
        .flat_map(|(service, versions)| {
            versions.iter().flat_map(move |v| {
                v.counts.skipped_models.iter().map(move |(model, reason)| {
                    (
                        service.as_str(),
                        v.version.as_str(),
                        model.as_str(),
                        *reason,
                    )
                })
            })
        })
        .collect();
    let _ = write!(
        out,
        "\nModels: the union has {union_models}; {requests} are requests of generated actions \
         (each is its action's struct), {models} are generated as models, and these {} are \
         not generated:\n\n| service | version | model | why |\n|---|---|---|---|\n",
        skipped.len()
    );
    for (service, version, model, reason) in skipped {
        let _ = writeln!(out, "| {service} | {version} | {model} | {reason} |");
    }
    out.push_str("\n## Conflicts settled by overrides.json\n\n");
    for line in &catalog.settled {
        let _ = writeln!(out, "- {line}");
    }
    out
}

/// Replaces the lines between `begin` and `end` markers of `text` with `body`.
pub fn replace_between(text: &str, begin: &str, end: &str, body: &str) -> Result<String, String> {
    let start = text
        .find(begin)
        .ok_or_else(|| format!("marker `{begin}` not found"))?;
    let after_begin = start
        + text[start..]
            .find('\n')
            .map_or(text.len() - start, |i| i + 1);
    let stop = text[after_begin..]
        .find(end)
        .map(|i| after_begin + i)
        .ok_or_else(|| format!("marker `{end}` not found"))?;
    let line_start = text[..stop].rfind('\n').map_or(0, |i| i + 1);
    Ok(format!(
        "{}{body}{}",
        &text[..after_begin],
        &text[line_start..]
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_only_between_markers() {
        let text = "a\n// begin x\nold\n  // end x\nb\n";
        assert_eq!(
            replace_between(text, "// begin x", "// end x", "new\n").unwrap(),
            "a\n// begin x\nnew\n  // end x\nb\n"
        );
        assert!(replace_between("a", "// begin x", "// end x", "").is_err());
    }
}
