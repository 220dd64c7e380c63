//! [`ClientBuilder`]: every setting of a [`Client`], validated by [`ClientBuilder::build`].

use std::fmt;
use std::sync::Arc;
use std::sync::atomic::AtomicI64;
use std::time::{Duration, SystemTime};

use http::header::{HeaderMap, HeaderName, HeaderValue};

use super::{Client, Shared};
use crate::credential::{
    CachingProvider, Credential, DefaultChain, ProvideCredential, StaticProvider,
};
use crate::endpoint::{self, EndpointOverride, TargetCache};
use crate::error::{ConfigError, Error, TimeoutKind};
use crate::limiter::RateLimiter;
use crate::retry::{RetryBudget, RetryConfig};
use crate::sign::tc3::SigningKeyCache;

/// How requests are signed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum SignMethod {
    /// TC3-HMAC-SHA256 (API 3.0 signature v3), headers `X-TC-*` and `Authorization`.
    #[default]
    Tc3HmacSha256,
    /// Signature v1 with HMAC-SHA1: signed form parameters.
    HmacSha1,
    /// Signature v1 with HMAC-SHA256: signed form parameters.
    HmacSha256,
}

impl SignMethod {
    /// The wire name: `TC3-HMAC-SHA256`, `HmacSHA1`, `HmacSHA256`.
    pub fn wire_name(self) -> &'static str {
        match self {
            SignMethod::Tc3HmacSha256 => "TC3-HMAC-SHA256",
            SignMethod::HmacSha1 => "HmacSHA1",
            SignMethod::HmacSha256 => "HmacSHA256",
        }
    }
}

/// The HTTP method of requests.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum HttpMethod {
    /// POST: a JSON body (TC3) or a form body (v1).
    #[default]
    Post,
    /// GET: parameters in the query string.
    Get,
}

/// Language of the service's messages (`X-TC-Language` / `Language`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Language {
    /// Simplified Chinese, `zh-CN`.
    ZhCn,
    /// English, `en-US`.
    EnUs,
}

impl Language {
    /// The wire value.
    pub fn as_str(self) -> &'static str {
        match self {
            Language::ZhCn => "zh-CN",
            Language::EnUs => "en-US",
        }
    }
}

/// The source of the current time; [`SystemTime::now`] unless set with
/// [`ClientBuilder::clock`].
pub type Clock = Arc<dyn Fn() -> SystemTime + Send + Sync>;

/// The `X-TC-RequestClient` of this crate, before the user's suffix.
pub const REQUEST_CLIENT: &str = concat!("SDK_RUST_TC_API_", env!("CARGO_PKG_VERSION"));

/// Default connect timeout.
pub const DEFAULT_CONNECT_TIMEOUT: Duration = Duration::from_secs(10);
/// Default per-attempt timeout (the official SDKs' request timeout).
pub const DEFAULT_ATTEMPT_TIMEOUT: Duration = Duration::from_secs(60);
/// Default cap on the size of an answer.
pub const DEFAULT_MAX_RESPONSE_BYTES: usize = 16 * 1024 * 1024;

/// Headers the client sets or signs itself; extra headers may not replace them.
const RESERVED_HEADERS: &[&str] = &[
    "authorization",
    "host",
    "content-type",
    "content-length",
    "transfer-encoding",
];

/// Builds a [`Client`]. Every setting has a default; [`build`](Self::build) checks them
/// all and reports the first that cannot work.
#[derive(Clone)]
pub struct ClientBuilder {
    credentials: Option<Arc<dyn ProvideCredential>>,
    region: Option<String>,
    endpoint: Option<String>,
    root_domain: String,
    sign_method: SignMethod,
    http_method: HttpMethod,
    language: Option<Language>,
    request_client_suffix: Option<String>,
    headers: Vec<(String, String)>,
    unsigned_payload: bool,
    skip_signature: bool,
    connect_timeout: Option<Duration>,
    attempt_timeout: Option<Duration>,
    total_timeout: Option<Duration>,
    proxy: Option<String>,
    env_proxy: bool,
    rate_limit: bool,
    retry: RetryConfig,
    retry_ambiguous: bool,
    max_response_bytes: usize,
    clock: Option<Clock>,
    allow_insecure_http: bool,
}

impl Default for ClientBuilder {
    fn default() -> Self {
        ClientBuilder {
            credentials: None,
            region: None,
            endpoint: None,
            root_domain: endpoint::DEFAULT_ROOT_DOMAIN.to_owned(),
            sign_method: SignMethod::default(),
            http_method: HttpMethod::default(),
            language: None,
            request_client_suffix: None,
            headers: Vec::new(),
            unsigned_payload: false,
            skip_signature: false,
            connect_timeout: Some(DEFAULT_CONNECT_TIMEOUT),
            attempt_timeout: Some(DEFAULT_ATTEMPT_TIMEOUT),
            total_timeout: None,
            proxy: None,
            env_proxy: true,
            rate_limit: true,
            retry: RetryConfig::default(),
            retry_ambiguous: false,
            max_response_bytes: DEFAULT_MAX_RESPONSE_BYTES,
            clock: None,
            allow_insecure_http: false,
        }
    }
}

impl fmt::Debug for ClientBuilder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // The proxy URL may hold a password: only say whether one is set.
        f.debug_struct("ClientBuilder")
            .field("credentials", &self.credentials)
            .field("region", &self.region)
            .field(
                "endpoint",
                &self.endpoint.as_deref().map(endpoint::without_user_info),
            )
            .field("root_domain", &self.root_domain)
            .field("sign_method", &self.sign_method)
            .field("http_method", &self.http_method)
            .field("language", &self.language)
            .field("request_client_suffix", &self.request_client_suffix)
            .field("headers", &self.headers)
            .field("unsigned_payload", &self.unsigned_payload)
            .field("skip_signature", &self.skip_signature)
            .field("connect_timeout", &self.connect_timeout)
            .field("attempt_timeout", &self.attempt_timeout)
            .field("total_timeout", &self.total_timeout)
            .field("proxy", &self.proxy.as_ref().map(|_| "<set>"))
            .field("env_proxy", &self.env_proxy)
            .field("rate_limit", &self.rate_limit)
            .field("retry", &self.retry)
            .field("retry_ambiguous", &self.retry_ambiguous)
            .field("max_response_bytes", &self.max_response_bytes)
            .field("clock", &self.clock.as_ref().map(|_| "<custom>"))
            .field("allow_insecure_http", &self.allow_insecure_http)
            .finish()
    }
}

impl ClientBuilder {
    /// A builder with every default: credentials from the cached default chain
    /// (environment, profile file, tccli, CVM role, TKE OIDC), no region, `<service>.tencentcloudapi.com`, TC3-HMAC-SHA256,
    /// POST JSON, connect timeout 10 s, per-attempt timeout 60 s, no total timeout,
    /// proxies from the environment, rate limiting on, 3 attempts with backoff 1 s..20 s
    /// and a retry budget of 500 tokens.
    pub fn new() -> Self {
        Self::default()
    }

    /// Where credentials come from (default: the credential module's `DefaultChain`
    /// inside a `CachingProvider`, so temporary keys are fetched once per validity
    /// period).
    pub fn credential_provider(mut self, provider: impl ProvideCredential + 'static) -> Self {
        self.credentials = Some(Arc::new(provider));
        self
    }

    /// Like [`credential_provider`](Self::credential_provider), for a shared provider.
    pub fn credential_provider_arc(mut self, provider: Arc<dyn ProvideCredential>) -> Self {
        self.credentials = Some(provider);
        self
    }

    /// A fixed credential (a `StaticProvider`).
    pub fn credential(self, credential: Credential) -> Self {
        self.credential_provider(StaticProvider::new(credential))
    }

    /// The region sent with every call (`ap-guangzhou`). Actions that take no region
    /// refuse a client with one; see [`Client::with_region`].
    pub fn region(mut self, region: impl Into<String>) -> Self {
        self.region = Some(region.into());
        self
    }

    /// Sends every call to this endpoint instead of the action's host: any URL with a
    /// scheme, host and port (`http://127.0.0.1:8080`), or a bare host (https). The
    /// override wins over a host the action documents; see [`crate::endpoint`].
    pub fn endpoint(mut self, endpoint: impl Into<String>) -> Self {
        self.endpoint = Some(endpoint.into());
        self
    }

    /// Root domain of API 3.0 hosts: `tencentcloudapi.com` (default) or
    /// `intl.tencentcloudapi.com` (see [`crate::endpoint`]).
    pub fn root_domain(mut self, domain: impl Into<String>) -> Self {
        self.root_domain = domain.into();
        self
    }

    /// Signature method (default TC3-HMAC-SHA256). API 2.0 actions always use a v1
    /// signature: HmacSHA256 unless HmacSHA1 is chosen here.
    pub fn sign_method(mut self, method: SignMethod) -> Self {
        self.sign_method = method;
        self
    }

    /// HTTP method (default POST).
    pub fn http_method(mut self, method: HttpMethod) -> Self {
        self.http_method = method;
        self
    }

    /// Language of the service's messages; not sent unless set (the service then
    /// answers in Chinese).
    pub fn language(mut self, language: Language) -> Self {
        self.language = Some(language);
        self
    }

    /// Appended to `X-TC-RequestClient` (`SDK_RUST_TC_API_<version>; <suffix>`), e.g.
    /// to name your application. At most 128 printable ASCII characters.
    pub fn request_client_suffix(mut self, suffix: impl Into<String>) -> Self {
        self.request_client_suffix = Some(suffix.into());
        self
    }

    /// An extra header sent, unsigned, with every request (e.g. `X-TC-TraceId`).
    /// Headers the client sets itself (`Authorization`, `Host`, `Content-Type`,
    /// `X-TC-Action`, ...) are refused by [`build`](Self::build).
    pub fn header(mut self, name: impl Into<String>, value: impl Into<String>) -> Self {
        self.headers.push((name.into(), value.into()));
        self
    }

    /// Signs `UNSIGNED-PAYLOAD` instead of the body's hash (TC3 only; sends
    /// `X-TC-Content-SHA256: UNSIGNED-PAYLOAD`). Has no effect on API 2.0 actions.
    pub fn unsigned_payload(mut self, unsigned: bool) -> Self {
        self.unsigned_payload = unsigned;
        self
    }

    /// Sends requests unsigned: `Authorization: SKIP`, no `X-TC-Token`, and no credential
    /// looked up, as the official SDKs' `SkipSign` option does. Only for the few actions
    /// the service accepts that way (sts `AssumeRoleWithWebIdentity` and
    /// `AssumeRoleWithSAML`). Requires TC3-HMAC-SHA256, so API 2.0 actions are refused.
    pub fn skip_signature(mut self, skip: bool) -> Self {
        self.skip_signature = skip;
        self
    }

    /// Timeout of establishing a connection (default 10 s); `None` for none.
    pub fn connect_timeout(mut self, timeout: impl Into<Option<Duration>>) -> Self {
        self.connect_timeout = timeout.into();
        self
    }

    /// Timeout of one attempt, from sending to the last byte of the answer (default
    /// 60 s); `None` for none.
    pub fn attempt_timeout(mut self, timeout: impl Into<Option<Duration>>) -> Self {
        self.attempt_timeout = timeout.into();
        self
    }

    /// Timeout of a whole call: rate-limit waits, credential lookups, every attempt and
    /// backoff (default none).
    pub fn total_timeout(mut self, timeout: impl Into<Option<Duration>>) -> Self {
        self.total_timeout = timeout.into();
        self
    }

    /// Sends every request through this proxy (`http://proxy:3128`,
    /// `http://user:pass@proxy:3128`). Without it, `HTTPS_PROXY` / `HTTP_PROXY` /
    /// `ALL_PROXY` and `NO_PROXY` from the environment apply. Neither applies to a
    /// loopback [`endpoint`](Self::endpoint) (`127.0.0.0/8`, `::1`, `localhost`): those
    /// calls always go direct.
    pub fn proxy(mut self, proxy: impl Into<String>) -> Self {
        self.proxy = Some(proxy.into());
        self
    }

    /// Ignores proxies from the environment (an explicit [`proxy`](Self::proxy) still
    /// applies).
    pub fn no_env_proxy(mut self) -> Self {
        self.env_proxy = false;
        self
    }

    /// Client-side rate limiting per action from its documented limit (default on).
    pub fn rate_limit(mut self, enabled: bool) -> Self {
        self.rate_limit = enabled;
        self
    }

    /// All retry settings at once.
    pub fn retry(mut self, retry: RetryConfig) -> Self {
        self.retry = retry;
        self
    }

    /// Attempts per call, the first included (default 3; 1 disables retries).
    pub fn max_attempts(mut self, attempts: u32) -> Self {
        self.retry.max_attempts = attempts;
        self
    }

    /// Base and cap of the exponential backoff (default 1 s and 20 s).
    pub fn backoff(mut self, base: Duration, max: Duration) -> Self {
        self.retry.base_backoff = base;
        self.retry.max_backoff = max;
        self
    }

    /// Capacity of the retry budget in tokens (default 500; 0 for unlimited).
    pub fn retry_budget(mut self, tokens: u32) -> Self {
        self.retry.budget = tokens;
        self
    }

    /// Also retries non-idempotent actions after failures that leave unknown whether the
    /// server acted (reset after sending, per-attempt timeout, 500/502/504). Off by
    /// default: such a retry may perform the action twice.
    pub fn retry_ambiguous_non_idempotent(mut self, enabled: bool) -> Self {
        self.retry_ambiguous = enabled;
        self
    }

    /// Refuses answers larger than this many bytes (default 16 MiB) without reading
    /// them whole.
    pub fn max_response_bytes(mut self, bytes: usize) -> Self {
        self.max_response_bytes = bytes;
        self
    }

    /// The source of the current time used for signing (default [`SystemTime::now`]);
    /// for tests and emulators with a fake clock.
    pub fn clock(mut self, clock: impl Fn() -> SystemTime + Send + Sync + 'static) -> Self {
        self.clock = Some(Arc::new(clock));
        self
    }

    /// Allows an `http://` endpoint on a host that is not loopback (default off:
    /// [`build`](Self::build) refuses it with [`ConfigError::InsecureHttp`]). Plain http
    /// to `127.0.0.0/8`, `::1` and `localhost` (an emulator, a test server) is always
    /// allowed. Certificates of https endpoints are verified either way.
    pub fn allow_insecure_http(mut self, allow: bool) -> Self {
        self.allow_insecure_http = allow;
        self
    }

    /// Checks every setting and builds the client and its connection pool.
    pub fn build(self) -> Result<Client, Error> {
        let endpoint = self
            .endpoint
            .as_deref()
            .map(EndpointOverride::parse)
            .transpose()?;
        // A loopback endpoint (an emulator, a port-forward) is this machine.
        let loopback = endpoint.as_ref().is_some_and(|e| is_loopback(e.url()));
        if let Some(endpoint) = &endpoint
            && endpoint.url().scheme() == "http"
            && !self.allow_insecure_http
            && !loopback
        {
            // The endpoint parsed, so it holds no user info to hide.
            return Err(ConfigError::InsecureHttp {
                endpoint: self.endpoint.unwrap_or_default(),
            }
            .into());
        }
        endpoint::validate_root_domain(&self.root_domain)?;
        if let Some(region) = &self.region {
            validate_region(region)?;
        }
        if self.unsigned_payload && self.sign_method != SignMethod::Tc3HmacSha256 {
            return Err(ConfigError::UnsignedPayloadNeedsTc3.into());
        }
        if self.skip_signature && self.sign_method != SignMethod::Tc3HmacSha256 {
            return Err(ConfigError::SkipSignatureNeedsTc3.into());
        }
        for (timeout, kind) in [
            (self.connect_timeout, TimeoutKind::Connect),
            (self.attempt_timeout, TimeoutKind::Attempt),
            (self.total_timeout, TimeoutKind::Total),
        ] {
            if timeout.is_some_and(|t| t.is_zero()) {
                return Err(ConfigError::ZeroTimeout(kind).into());
            }
        }
        if self.retry.max_attempts == 0 {
            return Err(ConfigError::InvalidRetry("max_attempts must be at least 1".into()).into());
        }
        if self.retry.base_backoff > self.retry.max_backoff {
            return Err(ConfigError::InvalidRetry(format!(
                "base backoff {:?} exceeds the cap {:?}",
                self.retry.base_backoff, self.retry.max_backoff
            ))
            .into());
        }
        let request_client = request_client(self.request_client_suffix.as_deref())?;
        let extra_headers = extra_headers(&self.headers)?;
        // For a loopback endpoint, a proxy would get the signed request and the token in
        // cleartext over plain http, and its answer would be taken as the service's.
        // Every call of this client goes to the override, so the whole pool goes direct.
        let (proxy, env_proxy) = if loopback {
            (None, false)
        } else {
            (self.proxy.as_deref(), self.env_proxy)
        };
        let http = super::transport::http_client_builder(self.connect_timeout, proxy, env_proxy)?
            .build()
            .map_err(|e| ConfigError::Transport(Box::new(e.without_url())))?;

        let shared = Shared {
            http,
            credentials: self
                .credentials
                .unwrap_or_else(|| Arc::new(CachingProvider::new(DefaultChain::default()))),
            endpoint,
            root_domain: self.root_domain.into_boxed_str(),
            targets: TargetCache::default(),
            sign_method: self.sign_method,
            http_method: self.http_method,
            language: self.language,
            request_client,
            extra_headers,
            unsigned_payload: self.unsigned_payload,
            skip_signature: self.skip_signature,
            connect_timeout: self.connect_timeout,
            attempt_timeout: self.attempt_timeout,
            total_timeout: self.total_timeout,
            rate_limit: self.rate_limit,
            limiter: RateLimiter::new(),
            retry: self.retry,
            budget: RetryBudget::new(self.retry.budget),
            retry_ambiguous: self.retry_ambiguous,
            max_response_bytes: self.max_response_bytes,
            clock: self.clock,
            skew_secs: AtomicI64::new(0),
            signing_keys: SigningKeyCache::default(),
        };
        Ok(Client {
            shared: Arc::new(shared),
            region: self.region.map(Arc::from),
        })
    }
}

/// Whether `url` names this machine: `127.0.0.0/8`, `::1` or `localhost`.
fn is_loopback(url: &url::Url) -> bool {
    match url.host() {
        Some(url::Host::Ipv4(ip)) => ip.is_loopback(),
        Some(url::Host::Ipv6(ip)) => ip.is_loopback(),
        Some(url::Host::Domain(name)) => name.eq_ignore_ascii_case("localhost"),
        None => false,
    }
}

/// A region must fit a header and a form value unescaped: letters, digits, `-`.
pub(crate) fn validate_region(region: &str) -> Result<(), ConfigError> {
    if !region.is_empty()
        && region
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
    {
        Ok(())
    } else {
        Err(ConfigError::InvalidRegion(region.to_owned()))
    }
}

fn request_client(suffix: Option<&str>) -> Result<HeaderValue, ConfigError> {
    let value = match suffix {
        None => return Ok(HeaderValue::from_static(REQUEST_CLIENT)),
        Some(suffix) => {
            let printable = suffix.bytes().all(|b| (0x20..0x7f).contains(&b));
            if suffix.is_empty() || suffix.len() > 128 || !printable {
                return Err(ConfigError::InvalidRequestClient(suffix.to_owned()));
            }
            format!("{REQUEST_CLIENT}; {suffix}")
        }
    };
    HeaderValue::from_str(&value).map_err(|_| ConfigError::InvalidRequestClient(value))
}

fn extra_headers(headers: &[(String, String)]) -> Result<HeaderMap, ConfigError> {
    let mut map = HeaderMap::new();
    for (name, value) in headers {
        let invalid = |reason: &str| ConfigError::InvalidHeader {
            name: name.clone(),
            reason: reason.to_owned(),
        };
        let header = HeaderName::from_bytes(name.as_bytes())
            .map_err(|_| invalid("not a valid header name"))?;
        let lower = header.as_str();
        if RESERVED_HEADERS.contains(&lower)
            || lower.starts_with("x-tc-") && !is_free_tc_header(lower)
        {
            return Err(ConfigError::ReservedHeader(name.clone()));
        }
        let value = HeaderValue::from_str(value)
            .map_err(|_| invalid("the value has invalid characters"))?;
        map.append(header, value);
    }
    Ok(map)
}

/// `X-TC-*` headers the client does not set, such as `X-TC-TraceId`.
fn is_free_tc_header(lower: &str) -> bool {
    !matches!(
        lower,
        "x-tc-action"
            | "x-tc-version"
            | "x-tc-timestamp"
            | "x-tc-region"
            | "x-tc-token"
            | "x-tc-language"
            | "x-tc-requestclient"
            | "x-tc-content-sha256"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config_err(builder: ClientBuilder) -> ConfigError {
        match builder.build() {
            Err(Error::Config(e)) => e,
            Err(other) => panic!("not a config error: {other:?}"),
            Ok(_) => panic!("built"),
        }
    }

    fn base() -> ClientBuilder {
        ClientBuilder::new().credential(Credential::new("AKIDtest", "secret-key-1").unwrap())
    }

    #[test]
    fn defaults_build() {
        let client = base().build().unwrap();
        assert!(client.region().is_none());
        assert_eq!(client.clock_skew_secs(), 0);
        assert_eq!(client.retry_tokens(), 500);
    }

    #[test]
    fn default_credentials_come_from_the_default_chain() {
        let client = ClientBuilder::new().build().unwrap();
        let text = format!("{client:?}");
        assert!(text.contains("DefaultChain"), "{text}");
    }

    #[test]
    fn invalid_settings_are_typed_errors() {
        assert!(matches!(
            config_err(base().endpoint("ftp://x")),
            ConfigError::InvalidEndpoint { .. }
        ));
        assert!(matches!(
            config_err(base().root_domain("not a domain")),
            ConfigError::InvalidRootDomain(_)
        ));
        assert!(matches!(
            config_err(base().region("ap guangzhou")),
            ConfigError::InvalidRegion(_)
        ));
        assert!(matches!(
            config_err(base().header("bad header", "v")),
            ConfigError::InvalidHeader { .. }
        ));
        assert!(matches!(
            config_err(base().header("X-Trace", "line\nbreak")),
            ConfigError::InvalidHeader { .. }
        ));
        for reserved in [
            "Authorization",
            "host",
            "X-TC-Timestamp",
            "x-tc-token",
            "Content-Type",
        ] {
            assert!(
                matches!(
                    config_err(base().header(reserved, "v")),
                    ConfigError::ReservedHeader(_)
                ),
                "{reserved}"
            );
        }
        assert!(matches!(
            config_err(base().request_client_suffix("é")),
            ConfigError::InvalidRequestClient(_)
        ));
        assert!(matches!(
            config_err(base().request_client_suffix("x".repeat(129))),
            ConfigError::InvalidRequestClient(_)
        ));
        assert!(matches!(
            config_err(
                base()
                    .sign_method(SignMethod::HmacSha1)
                    .unsigned_payload(true)
            ),
            ConfigError::UnsignedPayloadNeedsTc3
        ));
        assert!(matches!(
            config_err(base().attempt_timeout(Duration::ZERO)),
            ConfigError::ZeroTimeout(TimeoutKind::Attempt)
        ));
        assert!(matches!(
            config_err(base().max_attempts(0)),
            ConfigError::InvalidRetry(_)
        ));
        assert!(matches!(
            config_err(base().backoff(Duration::from_secs(2), Duration::from_secs(1))),
            ConfigError::InvalidRetry(_)
        ));
        assert!(matches!(
            config_err(base().proxy("::not a url::")),
            ConfigError::InvalidProxy(_)
        ));
    }

    #[test]
    fn plain_http_is_refused_off_loopback_unless_allowed() {
        for endpoint in [
            "http://cvm.tencentcloudapi.com",
            "http://10.0.0.1:8080",
            "http://[2001:db8::1]",
            "http://localhost.example.com",
            "http://128.0.0.1",
        ] {
            match config_err(base().endpoint(endpoint)) {
                ConfigError::InsecureHttp { endpoint: named } => assert_eq!(named, endpoint),
                other => panic!("{endpoint}: {other:?}"),
            }
            let message = Error::from(config_err(base().endpoint(endpoint))).to_string();
            assert!(message.contains(endpoint), "{message}");
            assert!(message.contains("allow_insecure_http(true)"), "{message}");
            base()
                .endpoint(endpoint)
                .allow_insecure_http(true)
                .build()
                .unwrap_or_else(|e| panic!("{endpoint} with opt-in: {e}"));
        }
        for endpoint in [
            "http://127.0.0.1:8080",
            "http://127.255.0.9",
            "http://[::1]:9000",
            "http://localhost:1234",
            "http://LOCALHOST",
            "https://cvm.tencentcloudapi.com",
            "https://10.0.0.1",
            "cvm.tencentcloudapi.com",
        ] {
            base()
                .endpoint(endpoint)
                .build()
                .unwrap_or_else(|e| panic!("{endpoint}: {e}"));
        }
    }

    #[test]
    fn certificate_verification_is_never_disabled() {
        // reqwest shows `tls_danger_accept_invalid_*` in Debug only once switched off.
        for (connect, proxy, env_proxy) in [
            (Some(DEFAULT_CONNECT_TIMEOUT), None, true),
            (None, Some("http://127.0.0.1:3128"), false),
        ] {
            let builder =
                super::super::transport::http_client_builder(connect, proxy, env_proxy).unwrap();
            let text = format!("{builder:?}");
            assert!(!text.contains("danger"), "{text}");
            let client = builder.build().unwrap();
            let text = format!("{client:?}");
            assert!(!text.contains("danger"), "{text}");
        }
        // The check can see it: a builder with verification off shows it.
        let off = super::super::transport::http_client_builder(None, None, false)
            .unwrap()
            .tls_danger_accept_invalid_certs(true);
        assert!(format!("{off:?}").contains("tls_danger_accept_invalid_certs"));
        // Allowing plain http does not touch certificate checks of https endpoints.
        let client = base()
            .endpoint("http://10.0.0.1")
            .allow_insecure_http(true)
            .build()
            .unwrap();
        assert!(!format!("{:?}", client.shared.http).contains("danger"));
    }

    #[test]
    fn free_tc_headers_are_allowed() {
        let map = extra_headers(&[("X-TC-TraceId".into(), "abc".into())]).unwrap();
        assert_eq!(map["x-tc-traceid"], "abc");
    }

    #[test]
    fn request_client_carries_the_suffix() {
        assert_eq!(request_client(None).unwrap(), REQUEST_CLIENT);
        assert_eq!(
            request_client(Some("my-app/1.2")).unwrap(),
            format!("{REQUEST_CLIENT}; my-app/1.2").as_str()
        );
    }

    #[test]
    fn debug_and_errors_hide_a_password_in_the_endpoint() {
        let builder = base().endpoint("http://user:hunter2@127.0.0.1:8080");
        let text = format!("{builder:?}");
        assert!(!text.contains("hunter2"), "{text}");
        assert!(text.contains("127.0.0.1:8080"), "{text}");
        let err = Error::from(config_err(builder));
        let text = format!("{err} {err:?}");
        assert!(!text.contains("hunter2"), "{text}");
    }

    #[test]
    fn debug_hides_the_proxy_url() {
        let text = format!("{:?}", base().proxy("http://user:hunter2@127.0.0.1:3128"));
        assert!(!text.contains("hunter2"), "{text}");
    }
}
