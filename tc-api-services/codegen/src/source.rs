//! The pinned metadata packages: downloaded once into the target directory, then read
//! straight from the wheel (a zip archive) without unpacking it.

use std::collections::BTreeMap;
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::metadata::{ApiFile, ExamplesFile};

/// A PyPI package that ships `api.json` / `examples.json` per service version.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Site {
    /// `tccli`, the China site's command line.
    China,
    /// `tccli-intl-en`, the international site's.
    Intl,
}

impl Site {
    /// Both packages, China first (the merge order).
    pub const ALL: [Site; 2] = [Site::China, Site::Intl];

    /// The PyPI name.
    pub fn package(self) -> &'static str {
        match self {
            Site::China => "tccli",
            Site::Intl => "tccli-intl-en",
        }
    }

    /// The pinned version: facts change only when this changes.
    pub fn version(self) -> &'static str {
        match self {
            Site::China => "3.1.189.1",
            Site::Intl => "3.1.189.1",
        }
    }

    /// Short label used in reports.
    pub fn label(self) -> &'static str {
        match self {
            Site::China => "cn",
            Site::Intl => "intl",
        }
    }

    fn wheel_name(self) -> String {
        format!(
            "{}-{}-py2.py3-none-any.whl",
            self.package().replace('-', "_"),
            self.version()
        )
    }
}

/// One service version as a package describes it.
pub struct VersionFiles {
    /// The parsed `api.json`.
    pub api: ApiFile,
    /// The parsed `examples.json` (empty when the package has none).
    pub examples: ExamplesFile,
}

/// Every service version of one package, keyed by (service, `vYYYYMMDD`).
pub type Package = BTreeMap<(String, String), VersionFiles>;

/// Where the wheels are cached: `$CARGO_TARGET_DIR/tc-metadata`, else the workspace's
/// `target/tc-metadata`.
pub fn cache_dir() -> PathBuf {
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| crate::workspace_root().join("target"));
    target.join("tc-metadata")
}

/// The wheel of `site`, downloaded with pip on first use.
pub fn wheel(site: Site) -> Result<PathBuf, String> {
    let dir = cache_dir();
    let path = dir.join(site.wheel_name());
    if path.is_file() {
        return Ok(path);
    }
    fs::create_dir_all(&dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    let spec = format!("{}=={}", site.package(), site.version());
    eprintln!("downloading {spec} into {}", dir.display());
    let status = Command::new("python3")
        .args(["-m", "pip", "download", "--no-deps", "--quiet", "-d"])
        .arg(&dir)
        .arg(&spec)
        .status()
        .map_err(|e| format!("cannot run `python3 -m pip download {spec}`: {e}"))?;
    if !status.success() || !path.is_file() {
        return Err(format!(
            "`python3 -m pip download {spec}` failed ({status}); expected {}",
            path.display()
        ));
    }
    Ok(path)
}

/// Reads every `tccli/services/<service>/<version>/{api,examples}.json` of a package.
pub fn load(site: Site) -> Result<Package, String> {
    let path = wheel(site)?;
    read_wheel(&path, |_| true)
}

/// Reads only the versions of the named services (by the package's directory names,
/// `autoscaling` for `as`), which is much faster
/// than [`load`] when a test needs a few.
pub fn load_services(site: Site, services: &[&str]) -> Result<Package, String> {
    let path = wheel(site)?;
    read_wheel(&path, |service| services.contains(&service))
}

fn read_wheel(path: &Path, wanted: impl Fn(&str) -> bool) -> Result<Package, String> {
    let file = fs::File::open(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut archive =
        zip::ZipArchive::new(file).map_err(|e| format!("{}: not a wheel: {e}", path.display()))?;
    let mut apis = BTreeMap::new();
    let mut examples = BTreeMap::new();
    for index in 0..archive.len() {
        let mut entry = archive
            .by_index(index)
            .map_err(|e| format!("{}: {e}", path.display()))?;
        let name = entry
            .name()
            .map_err(|e| format!("{}: {e}", path.display()))?
            .into_owned();
        let parts: Vec<&str> = name.split('/').collect();
        let ["tccli", "services", service, version, file_name] = parts[..] else {
            continue;
        };
        if !wanted(service)
            || !version.starts_with('v')
            || !matches!(file_name, "api.json" | "examples.json")
        {
            continue;
        }
        let mut text = String::new();
        entry
            .read_to_string(&mut text)
            .map_err(|e| format!("{name}: {e}"))?;
        let key = (service.to_owned(), version.to_owned());
        if file_name == "api.json" {
            let api: ApiFile = serde_json::from_str(&text).map_err(|e| format!("{name}: {e}"))?;
            apis.insert(key, api);
        } else {
            let parsed: ExamplesFile =
                serde_json::from_str(&text).map_err(|e| format!("{name}: {e}"))?;
            examples.insert(key, parsed);
        }
    }
    Ok(apis
        .into_iter()
        .map(|(key, api)| {
            let examples = examples.remove(&key).unwrap_or_default();
            (key, VersionFiles { api, examples })
        })
        .collect())
}
