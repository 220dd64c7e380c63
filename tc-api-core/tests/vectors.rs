//! The published signing vectors (`tests/vectors/<case>/`, a copy of `../shared/vectors`)
//! checked byte for byte: every case folder found is run, so a new folder is picked up
//! without touching this file, and a file this test does not know fails it rather than
//! going unchecked.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use serde_json::Value;
use tc_api_core::sign::tc3::{self, CanonicalRequest, Payload, SigningKeyCache};
use tc_api_core::sign::v1::{self, V1Algorithm, V1Common};

/// Files a case folder may hold; each one present is compared.
const KNOWN_FILES: &[&str] = &[
    "context.json",
    "canonical-request.txt",
    "hashed-payload.txt",
    "string-to-sign.txt",
    "signing-keys.txt",
    "signature.txt",
    "authorization.txt",
];

fn vectors_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join("vectors")
}

fn case_dirs() -> Vec<PathBuf> {
    let mut dirs: Vec<PathBuf> = fs::read_dir(vectors_dir())
        .expect("tests/vectors exists")
        .map(|entry| entry.expect("readable directory entry").path())
        .filter(|path| path.is_dir())
        .collect();
    dirs.sort();
    dirs
}

/// One case folder: its inputs and the expected files it provides.
struct Case {
    name: String,
    context: Value,
    expected: BTreeMap<String, String>,
    /// Expected files compared so far; every one must be compared by the end.
    compared: Vec<&'static str>,
    failures: Vec<String>,
}

impl Case {
    fn load(dir: &Path) -> Case {
        let name = dir.file_name().unwrap().to_string_lossy().into_owned();
        let mut expected = BTreeMap::new();
        for entry in fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            let file = path.file_name().unwrap().to_string_lossy().into_owned();
            assert!(
                KNOWN_FILES.contains(&file.as_str()),
                "case {name}: unknown file {file}; teach tests/vectors.rs to check it"
            );
            expected.insert(file, fs::read_to_string(&path).unwrap());
        }
        let context = serde_json::from_str(
            expected
                .get("context.json")
                .unwrap_or_else(|| panic!("case {name}: no context.json")),
        )
        .unwrap_or_else(|e| panic!("case {name}: context.json: {e}"));
        Case {
            name,
            context,
            expected,
            compared: vec!["context.json"],
            failures: Vec::new(),
        }
    }

    fn str(&self, field: &str) -> &str {
        self.context[field]
            .as_str()
            .unwrap_or_else(|| panic!("case {}: context.json lacks string `{field}`", self.name))
    }

    fn int(&self, field: &str) -> i64 {
        self.context[field]
            .as_i64()
            .unwrap_or_else(|| panic!("case {}: context.json lacks integer `{field}`", self.name))
    }

    /// Compares `actual` with the expected file `file`, if the case provides it.
    fn check(&mut self, file: &'static str, actual: &str) {
        let Some(expected) = self.expected.get(file) else {
            return;
        };
        self.compared.push(file);
        if expected != actual {
            self.failures.push(format!(
                "case {} / {file}:\n  expected {expected:?}\n  actual   {actual:?}",
                self.name
            ));
        }
    }

    /// Every expected file was compared (and there was something to compare).
    fn finish(self) -> Vec<String> {
        let mut failures = self.failures;
        for file in self.expected.keys() {
            if !self.compared.contains(&file.as_str()) {
                failures.push(format!("case {}: {file} was not compared", self.name));
            }
        }
        if !self.compared.contains(&"signature.txt") {
            failures.push(format!("case {}: provides no signature.txt", self.name));
        }
        failures
    }
}

/// The value a signed header carries in the case, and its name as sent on the wire
/// (mixed case, so that the test also covers lower-casing).
fn header_for(case: &Case, name: &str) -> (String, String) {
    let value = match name {
        "content-type" => case.str("content_type").to_owned(),
        "host" => case.str("host").to_owned(),
        "x-tc-action" => case.str("action").to_owned(),
        "x-tc-version" => case.str("version").to_owned(),
        "x-tc-region" => case.str("region").to_owned(),
        "x-tc-token" => case.str("token").to_owned(),
        "x-tc-timestamp" => case.int("timestamp").to_string(),
        other => panic!(
            "case {}: no context field for signed header {other}",
            case.name
        ),
    };
    let wire_name = name
        .split('-')
        .map(|part| match part {
            "tc" => "TC".to_owned(),
            _ => {
                let mut chars = part.chars();
                chars
                    .next()
                    .map(|first| first.to_ascii_uppercase().to_string() + chars.as_str())
                    .unwrap_or_default()
            }
        })
        .collect::<Vec<_>>()
        .join("-");
    (wire_name, value)
}

fn check_tc3(case: &mut Case) {
    let signed: Vec<String> = case
        .str("signed_headers")
        .split(';')
        .map(str::to_owned)
        .collect();
    // Given in reverse order so that sorting is exercised too.
    let owned: Vec<(String, String)> = signed
        .iter()
        .rev()
        .map(|name| header_for(case, name))
        .collect();
    let headers: Vec<(&str, &str)> = owned
        .iter()
        .map(|(n, v)| (n.as_str(), v.as_str()))
        .collect();
    let unsigned = case.context["unsigned_payload"].as_bool().unwrap_or(false);
    let payload_text = case.str("payload").to_owned();
    let payload = if unsigned {
        Payload::Unsigned
    } else {
        Payload::Bytes(payload_text.as_bytes())
    };
    let (method, path, query) = (
        case.str("method").to_owned(),
        case.str("path").to_owned(),
        case.str("query").to_owned(),
    );
    let request = CanonicalRequest {
        method: &method,
        path: &path,
        query: &query,
        headers: &headers,
        payload,
    };
    if let Err(e) = request.validate() {
        case.failures
            .push(format!("case {}: request rejected: {e}", case.name));
    }

    let timestamp = case.int("timestamp");
    let service = case.str("service").to_owned();
    let secret_id = case.str("secret_id").to_owned();
    let secret_key = case.str("secret_key").to_owned();
    let date = tc3::utc_date(timestamp);

    let chain = tc3::derive_key_chain(&secret_key, &date, &service);
    if case.expected.contains_key("signing-keys.txt") {
        let actual = format!(
            "secret_date {}\nsecret_service {}\nsecret_signing {}\n",
            hex::encode(chain.secret_date()),
            hex::encode(chain.secret_service()),
            hex::encode(chain.signing_key().expose_bytes()),
        );
        case.check("signing-keys.txt", &actual);
    }

    let signature = tc3::sign(
        &request,
        &service,
        timestamp,
        &secret_id,
        chain.signing_key(),
    );
    case.check("hashed-payload.txt", &tc3::payload_hash(payload));
    case.check("canonical-request.txt", &signature.canonical_request);
    case.check("string-to-sign.txt", &signature.string_to_sign);
    case.check("signature.txt", &signature.signature);
    case.check("authorization.txt", &signature.authorization);
    // The client's path, which keeps no intermediates, gives the same header value.
    case.check(
        "authorization.txt",
        &tc3::authorization(
            &request,
            &service,
            timestamp,
            &secret_id,
            chain.signing_key(),
        ),
    );

    // The cached key signs identically.
    let cache = SigningKeyCache::new();
    let cached = tc3::sign(
        &request,
        &service,
        timestamp,
        &secret_id,
        &cache.get(&secret_key, &date, &service),
    );
    if cached != signature {
        case.failures
            .push(format!("case {}: cached key signs differently", case.name));
    }
}

fn check_v1(case: &mut Case) {
    let params: Vec<(String, String)> = case.context["params"]
        .as_object()
        .unwrap_or_else(|| panic!("case {}: params is not an object", case.name))
        .iter()
        .map(|(name, value)| {
            let text = match value {
                Value::String(s) => s.clone(),
                Value::Number(n) => n.to_string(),
                other => panic!("case {}: param {name} is {other}", case.name),
            };
            (name.clone(), text)
        })
        .collect();
    let case_name = case.name.clone();
    let get = |name: &str| {
        params
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
            .unwrap_or_else(|| panic!("case {case_name}: params lack {name}"))
    };
    let method = case.str("method").to_owned();
    let host = case.str("host").to_owned();
    let path = case.str("path").to_owned();
    let secret_key = case.str("secret_key").to_owned();
    let algorithm = V1Algorithm::from_wire_name(&get("SignatureMethod"))
        .unwrap_or_else(|| panic!("case {}: unknown SignatureMethod", case.name));

    let source = v1::string_to_sign(&method, &host, &path, &params);
    case.check("string-to-sign.txt", &source);
    let signature = v1::signature(algorithm, &secret_key, &source);
    case.check("signature.txt", &signature);

    // The same request through `sign_params`: common parameters from V1Common, the rest
    // as request parameters.
    let common_names = [
        "Action",
        "Nonce",
        "Timestamp",
        "Region",
        "SecretId",
        "SignatureMethod",
        "Token",
        "Version",
    ];
    let optional = |name: &str| {
        params
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
    };
    let (action, secret_id) = (get("Action"), get("SecretId"));
    let (region, token, version) = (optional("Region"), optional("Token"), optional("Version"));
    let common = V1Common {
        action: &action,
        version: version.as_deref(),
        region: region.as_deref(),
        secret_id: &secret_id,
        token: token.as_deref(),
        timestamp: get("Timestamp").parse().expect("integer Timestamp"),
        nonce: get("Nonce").parse().expect("u32 Nonce"),
        algorithm,
    };
    let rest: Vec<(String, String)> = params
        .iter()
        .filter(|(k, _)| !common_names.contains(&k.as_str()))
        .cloned()
        .collect();
    let signed = v1::sign_params(&method, &host, &path, &common, rest, &secret_key);
    let mut expected = params.clone();
    expected.push(("Signature".to_owned(), signature));
    expected.sort();
    if signed != expected {
        case.failures.push(format!(
            "case {}: sign_params gave {signed:?}, expected {expected:?}",
            case.name
        ));
    }
}

#[test]
fn every_published_vector_passes_byte_for_byte() {
    let dirs = case_dirs();
    assert!(
        dirs.len() >= 4,
        "expected the published cases in {:?}",
        vectors_dir()
    );
    let mut failures = Vec::new();
    for dir in dirs {
        let mut case = Case::load(&dir);
        if case.context.get("params").is_some() {
            check_v1(&mut case);
        } else {
            check_tc3(&mut case);
        }
        failures.extend(case.finish());
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Relative paths and contents of every file under `root`, dotfiles (git attributes)
/// excepted.
fn tree(root: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    fn walk(root: &Path, dir: &Path, out: &mut BTreeMap<PathBuf, Vec<u8>>) {
        for entry in fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path
                .file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with('.'))
            {
                continue;
            }
            if path.is_dir() {
                walk(root, &path, out);
            } else {
                let relative = path.strip_prefix(root).unwrap().to_path_buf();
                out.insert(relative, fs::read(&path).unwrap());
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(root, root, &mut out);
    out
}

#[test]
fn in_repo_vectors_equal_the_shared_ones() {
    // The repository sits beside `shared/` on the team's machines and in CI; a lone
    // clone has only its own copy.
    let repo_root = Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap();
    let shared = repo_root.join("..").join("shared").join("vectors");
    if !shared.is_dir() {
        eprintln!(
            "note: {} not found; skipping the comparison with the shared vectors",
            shared.display()
        );
        return;
    }
    let ours = tree(&vectors_dir());
    let theirs = tree(&shared);
    let our_files: Vec<&PathBuf> = ours.keys().collect();
    let their_files: Vec<&PathBuf> = theirs.keys().collect();
    assert_eq!(
        our_files,
        their_files,
        "tests/vectors and {} list different files",
        shared.display()
    );
    for (path, bytes) in &ours {
        assert!(
            theirs[path] == *bytes,
            "{} differs from the shared copy; copy ../shared/vectors again",
            path.display()
        );
    }
}
