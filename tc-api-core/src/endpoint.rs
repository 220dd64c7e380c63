//! Where a call is sent: the URL, and the host that is signed.
//!
//! # Rules, first match wins
//!
//! 1. An endpoint override set on the client ([`ClientBuilder::endpoint`]): an emulator,
//!    a test server or a proxy the user chose. It wins even over a host the action
//!    documents (e.g. `tcsas.intl.tencentcloudapi.com`): the issue text lists the
//!    action's host first, but then no action with a fixed host could be sent to an
//!    emulator, so an explicit override is taken as the stronger intent.
//! 2. The action's documented host (`ActionMeta::host`).
//! 3. `<service>.<root domain>` for API 3.0 (`tencentcloudapi.com` unless the client sets
//!    `intl.tencentcloudapi.com`), `<service>.api.qcloud.com` for API 2.0.
//!
//! API 3.0 calls go to path `/`, API 2.0 calls to `/v2/index.php` (with an override: the
//! override's origin plus `/v2/index.php`). The signed host is the one connected to,
//! with its port when that is not the scheme's default.
//!
//! [`ClientBuilder::endpoint`]: crate::client::ClientBuilder::endpoint

use std::collections::HashMap;
use std::sync::{Arc, PoisonError, RwLock};

use url::Url;

use crate::action::{ActionMeta, ApiStyle};
use crate::error::{ConfigError, InvalidRequest};

/// The default root domain of API 3.0 hosts.
pub const DEFAULT_ROOT_DOMAIN: &str = "tencentcloudapi.com";
/// The root domain of the international site.
pub const INTL_ROOT_DOMAIN: &str = "intl.tencentcloudapi.com";
/// The domain of API 2.0 hosts: `<service>.api.qcloud.com`.
pub const V2_DOMAIN: &str = "api.qcloud.com";
/// Path of API 3.0 requests.
pub const V3_PATH: &str = "/";
/// Path of API 2.0 requests.
pub const V2_PATH: &str = "/v2/index.php";

/// A validated endpoint override: a scheme and an authority, nothing else.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EndpointOverride {
    origin: Url,
}

impl EndpointOverride {
    /// Parses `http://127.0.0.1:8080`, `https://cvm.tencentcloudapi.com` or a bare host
    /// (`cvm.tencentcloudapi.com`, taken as https). A path other than `/`, a query, a
    /// fragment or user info is refused.
    pub fn parse(endpoint: &str) -> Result<Self, ConfigError> {
        let invalid = |reason: &str| ConfigError::InvalidEndpoint {
            endpoint: without_user_info(endpoint),
            reason: reason.to_owned(),
        };
        let text = endpoint.trim();
        if text.is_empty() {
            return Err(invalid("empty"));
        }
        let with_scheme = if text.contains("://") {
            text.to_owned()
        } else {
            format!("https://{text}")
        };
        let url = Url::parse(&with_scheme).map_err(|e| invalid(&e.to_string()))?;
        if !matches!(url.scheme(), "http" | "https") {
            return Err(invalid("the scheme must be http or https"));
        }
        if url.host_str().is_none_or(str::is_empty) {
            return Err(invalid("no host"));
        }
        if !url.username().is_empty() || url.password().is_some() {
            return Err(invalid("user info is not allowed"));
        }
        if url.path() != "/" {
            return Err(invalid(
                "a path is not allowed; give only scheme, host and port",
            ));
        }
        if url.query().is_some() || url.fragment().is_some() {
            return Err(invalid("a query or fragment is not allowed"));
        }
        Ok(EndpointOverride { origin: url })
    }

    /// The override as a URL with path `/`.
    pub fn url(&self) -> &Url {
        &self.origin
    }
}

/// `text`, a URL as the user gave it (maybe unparseable), with any user info replaced by
/// `<redacted>`, for errors and `Debug`. Everything up to the last `@` after the scheme
/// goes: a password may hold `/`, `?` or `#` unescaped, so the authority's end cannot be
/// trusted, and hiding too much is the safe side.
pub(crate) fn without_user_info(text: &str) -> String {
    let start = text.find("://").map_or(0, |scheme_end| scheme_end + 3);
    match text[start..].rfind('@') {
        Some(at) => format!("{}<redacted>{}", &text[..start], &text[start + at..]),
        None => text.to_owned(),
    }
}

/// Checks a root domain: a dotted host name.
pub fn validate_root_domain(domain: &str) -> Result<(), ConfigError> {
    let valid = !domain.is_empty()
        && domain.split('.').all(|label| {
            !label.is_empty()
                && label
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-')
        });
    if valid {
        Ok(())
    } else {
        Err(ConfigError::InvalidRootDomain(domain.to_owned()))
    }
}

/// Where one call goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Target {
    /// The URL without query.
    pub url: Url,
    /// The `Host` header and signed host: host, plus `:port` when not the default.
    pub host: String,
    /// The request path, `/` or `/v2/index.php`.
    pub path: &'static str,
}

/// Resolves the target of an action by the rules in the module documentation.
pub fn resolve(
    meta: &ActionMeta,
    endpoint: Option<&EndpointOverride>,
    root_domain: &str,
) -> Result<Target, InvalidRequest> {
    let path = match meta.style {
        ApiStyle::V3 { .. } => V3_PATH,
        ApiStyle::V2 => V2_PATH,
    };
    let mut url = match (endpoint, meta.host) {
        (Some(endpoint), _) => endpoint.url().clone(),
        (None, Some(host)) => parse_host(meta, host)?,
        (None, None) => {
            let domain = match meta.style {
                ApiStyle::V3 { .. } => root_domain,
                ApiStyle::V2 => V2_DOMAIN,
            };
            parse_host(meta, &format!("{}.{domain}", meta.service))?
        }
    };
    url.set_path(path);
    let host = match (url.host_str(), url.port()) {
        (Some(host), Some(port)) => format!("{host}:{port}"),
        (Some(host), None) => host.to_owned(),
        (None, _) => unreachable_host(meta)?,
    };
    Ok(Target { url, host, path })
}

/// The targets one client has resolved, by the parts of an action they depend on.
/// Resolving parses a URL (host name rules, IDNA), which costs more than signing; the
/// result only changes with the action's service, host and style, so it is kept. Keys
/// are `'static` metadata, so the map holds at most one entry per action type.
#[derive(Debug, Default)]
pub(crate) struct TargetCache {
    targets: RwLock<HashMap<TargetKey, Arc<Target>>>,
}

/// (service, documented host, API 2.0).
type TargetKey = (&'static str, Option<&'static str>, bool);

impl TargetCache {
    /// [`resolve`], once per key.
    pub(crate) fn resolve(
        &self,
        meta: &ActionMeta,
        endpoint: Option<&EndpointOverride>,
        root_domain: &str,
    ) -> Result<Arc<Target>, InvalidRequest> {
        let key = (meta.service, meta.host, matches!(meta.style, ApiStyle::V2));
        let cached = self
            .targets
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .get(&key)
            .cloned();
        if let Some(target) = cached {
            return Ok(target);
        }
        let target = Arc::new(resolve(meta, endpoint, root_domain)?);
        let mut targets = self.targets.write().unwrap_or_else(PoisonError::into_inner);
        Ok(Arc::clone(targets.entry(key).or_insert(target)))
    }
}

fn parse_host(meta: &ActionMeta, host: &str) -> Result<Url, InvalidRequest> {
    let url = Url::parse(&format!("https://{host}/")).map_err(|e| InvalidRequest::InvalidHost {
        action: meta.action,
        host: host.to_owned(),
        reason: e.to_string(),
    })?;
    if url.path() != "/" || url.host_str().is_none() {
        return Err(InvalidRequest::InvalidHost {
            action: meta.action,
            host: host.to_owned(),
            reason: "not a host name".to_owned(),
        });
    }
    Ok(url)
}

fn unreachable_host(meta: &ActionMeta) -> Result<String, InvalidRequest> {
    // Both sources of URLs above are checked to have a host; kept typed all the same.
    Err(InvalidRequest::InvalidHost {
        action: meta.action,
        host: String::new(),
        reason: "no host".to_owned(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::action::RegionPolicy;

    const V3: ActionMeta = ActionMeta {
        service: "tcmpp",
        action: "ReleaseMNPVersion",
        style: ApiStyle::V3 {
            version: "2024-08-01",
        },
        host: None,
        region: RegionPolicy::Required { allowed: &[] },
        rate_limit: None,
        idempotent: false,
    };
    const FIXED_HOST: ActionMeta = ActionMeta {
        service: "tcsas",
        host: Some("tcsas.intl.tencentcloudapi.com"),
        ..V3
    };
    const V2: ActionMeta = ActionMeta {
        service: "apigateway",
        action: "DescribeService",
        style: ApiStyle::V2,
        ..V3
    };

    fn over(s: &str) -> EndpointOverride {
        EndpointOverride::parse(s).unwrap()
    }

    #[test]
    fn default_host_is_service_dot_root_domain() {
        let t = resolve(&V3, None, DEFAULT_ROOT_DOMAIN).unwrap();
        assert_eq!(t.url.as_str(), "https://tcmpp.tencentcloudapi.com/");
        assert_eq!(t.host, "tcmpp.tencentcloudapi.com");
        assert_eq!(t.path, "/");
        let t = resolve(&V3, None, INTL_ROOT_DOMAIN).unwrap();
        assert_eq!(t.host, "tcmpp.intl.tencentcloudapi.com");
    }

    #[test]
    fn documented_host_beats_root_domain() {
        let t = resolve(&FIXED_HOST, None, DEFAULT_ROOT_DOMAIN).unwrap();
        assert_eq!(t.url.as_str(), "https://tcsas.intl.tencentcloudapi.com/");
        assert_eq!(t.host, "tcsas.intl.tencentcloudapi.com");
    }

    #[test]
    fn override_beats_documented_host_and_keeps_port() {
        let o = over("http://127.0.0.1:8080");
        let t = resolve(&FIXED_HOST, Some(&o), DEFAULT_ROOT_DOMAIN).unwrap();
        assert_eq!(t.url.as_str(), "http://127.0.0.1:8080/");
        assert_eq!(t.host, "127.0.0.1:8080");
        let t = resolve(&V3, Some(&over("https://example.test:443/")), "x.y").unwrap();
        assert_eq!(
            t.host, "example.test",
            "the default port is not part of Host"
        );
        let t = resolve(&V3, Some(&over("cvm.tencentcloudapi.com")), "x.y").unwrap();
        assert_eq!(t.url.as_str(), "https://cvm.tencentcloudapi.com/");
        let t = resolve(&V3, Some(&over("http://[::1]:9000")), "x.y").unwrap();
        assert_eq!(t.host, "[::1]:9000");
    }

    #[test]
    fn api2_goes_to_v2_index_php() {
        let t = resolve(&V2, None, INTL_ROOT_DOMAIN).unwrap();
        assert_eq!(
            t.url.as_str(),
            "https://apigateway.api.qcloud.com/v2/index.php"
        );
        assert_eq!(t.host, "apigateway.api.qcloud.com");
        assert_eq!(t.path, "/v2/index.php");
        let o = over("http://127.0.0.1:9");
        let t = resolve(&V2, Some(&o), DEFAULT_ROOT_DOMAIN).unwrap();
        assert_eq!(t.url.as_str(), "http://127.0.0.1:9/v2/index.php");
    }

    #[test]
    fn bad_overrides_are_typed_errors() {
        for bad in [
            "",
            "ftp://host",
            "http://",
            "http://user:pw@host",
            "http://host/path",
            "http://host/?q=1",
            "http://host/#f",
            "http://exa mple.com",
        ] {
            let err = EndpointOverride::parse(bad).unwrap_err();
            assert!(
                matches!(err, ConfigError::InvalidEndpoint { .. }),
                "{bad}: {err}"
            );
        }
    }

    #[test]
    fn a_password_in_a_refused_endpoint_is_not_echoed() {
        for bad in [
            "http://user:hunter2@127.0.0.1:8080",
            "https://user:hunter2@cvm.tencentcloudapi.com",
            "user:hunter2@cvm.tencentcloudapi.com",
            "http://user:hunter2@[::1",
            "http://us@er:hunter2@host",
            "http://user:hunter2@host/path",
        ] {
            let err = EndpointOverride::parse(bad).unwrap_err();
            let shown = format!("{err} {err:?}");
            assert!(!shown.contains("hunter2"), "{bad}: {shown}");
            assert!(!shown.contains("user:"), "{bad}: {shown}");
            assert!(shown.contains("<redacted>@"), "{bad}: {shown}");
        }
    }

    #[test]
    fn user_info_is_redacted_and_the_rest_kept() {
        assert_eq!(
            without_user_info("http://u:p@127.0.0.1:9/x"),
            "http://<redacted>@127.0.0.1:9/x"
        );
        assert_eq!(without_user_info("u:p@host"), "<redacted>@host");
        assert_eq!(without_user_info("http://host:9"), "http://host:9");
        assert_eq!(without_user_info("not a url"), "not a url");
    }

    #[test]
    fn bad_documented_host_is_a_typed_error() {
        let meta = ActionMeta {
            host: Some("bad host/x"),
            ..V3
        };
        let err = resolve(&meta, None, DEFAULT_ROOT_DOMAIN).unwrap_err();
        assert!(matches!(err, InvalidRequest::InvalidHost { .. }), "{err}");
    }

    #[test]
    fn target_cache_resolves_once_per_action_shape() {
        let cache = TargetCache::default();
        let first = cache.resolve(&V3, None, DEFAULT_ROOT_DOMAIN).unwrap();
        let again = cache.resolve(&V3, None, DEFAULT_ROOT_DOMAIN).unwrap();
        assert!(Arc::ptr_eq(&first, &again));
        assert_eq!(*first, resolve(&V3, None, DEFAULT_ROOT_DOMAIN).unwrap());
        let v2 = ActionMeta {
            style: ApiStyle::V2,
            ..V3
        };
        let other = cache.resolve(&v2, None, DEFAULT_ROOT_DOMAIN).unwrap();
        assert_eq!(other.path, V2_PATH);
        assert_eq!(other.host, "tcmpp.api.qcloud.com");
        // Errors are not kept: a bad documented host fails every time.
        let bad = ActionMeta {
            host: Some("not a host/x"),
            ..V3
        };
        assert!(cache.resolve(&bad, None, DEFAULT_ROOT_DOMAIN).is_err());
        assert!(cache.resolve(&bad, None, DEFAULT_ROOT_DOMAIN).is_err());
    }

    #[test]
    fn root_domain_validation() {
        assert!(validate_root_domain("tencentcloudapi.com").is_ok());
        assert!(validate_root_domain("intl.tencentcloudapi.com").is_ok());
        for bad in ["", ".com", "a..b", "a b.com", "https://x.com"] {
            assert!(validate_root_domain(bad).is_err(), "{bad}");
        }
    }
}
