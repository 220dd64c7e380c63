//! Temporary keys of the CAM role bound to a CVM instance, from the instance metadata
//! service.
//!
//! `GET <base>cam/security-credentials/` names the role;
//! `GET <base>cam/security-credentials/<role>` answers
//! `{"TmpSecretId", "TmpSecretKey", "Token", "ExpiredTime", "Expiration", "Code"}`.

use std::sync::{Arc, Mutex, OnceLock};
use std::time::Duration;

use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};
use serde::Deserialize;
use zeroize::Zeroizing;

use super::sts::{Lenient, required, temporary_credential, unix_time};
use super::{
    AnswerProblem, Credential, CredentialError, CredentialFuture, CvmRoleProblem, JsonProblem,
    ProvideCredential,
};
use crate::error::source_chain;

/// The metadata service of CVM instances.
pub const DEFAULT_METADATA_URL: &str = "http://metadata.tencentyun.com/latest/meta-data/";
/// Default connect timeout to the metadata service: it is a link-local hop away.
pub const DEFAULT_METADATA_CONNECT_TIMEOUT: Duration = Duration::from_secs(1);
/// Default timeout of one metadata request, connecting included.
pub const DEFAULT_METADATA_TIMEOUT: Duration = Duration::from_secs(2);

/// Metadata answers are tiny; anything larger is not the metadata service.
const MAX_ANSWER_BYTES: usize = 64 * 1024;
const ROLES_PATH: &str = "cam/security-credentials/";
/// Everything but RFC 3986 unreserved characters is encoded in the role name.
const PATH_SEGMENT: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

/// Reads the temporary keys of the instance's CAM role at each call (wrap it in a
/// [`CachingProvider`](super::CachingProvider), as the default chain does, so they are
/// fetched once per validity period).
///
/// Off a CVM (nothing answers at the metadata address within the short timeouts, or the
/// service answers 404 because no role is bound) it answers
/// [`NotConfigured`](CredentialError::NotConfigured), so a chain moves on. Once the
/// service has named a role, any failure is a [`CredentialError::CvmRole`]: an answer that
/// is not JSON, lacks a field, or carries a `Code` other than `Success`.
///
/// Requests go straight to the service: never through a proxy, never following
/// redirects.
#[derive(Debug, Clone)]
pub struct CvmRoleProvider {
    inner: Arc<Inner>,
}

#[derive(Debug)]
struct Inner {
    base: String,
    /// A role named by the user; else the one the service names, remembered.
    role: Option<String>,
    discovered: Mutex<Option<String>>,
    connect_timeout: Duration,
    timeout: Duration,
    http: OnceLock<reqwest::Client>,
}

/// The credentials document of a role. The secret fields go straight into zeroizing
/// strings; every field is lenient so that nothing here fails to decode on a value of
/// the wrong type (see [`Lenient`]).
#[derive(Deserialize)]
struct RoleAnswer {
    #[serde(rename = "TmpSecretId", default)]
    tmp_secret_id: Option<Lenient<String>>,
    #[serde(rename = "TmpSecretKey", default)]
    tmp_secret_key: Option<Lenient<Zeroizing<String>>>,
    #[serde(rename = "Token", default)]
    token: Option<Lenient<Zeroizing<String>>>,
    #[serde(rename = "ExpiredTime", default)]
    expired_time: Option<Lenient<i64>>,
    #[serde(rename = "Code", default)]
    code: Option<Lenient<String>>,
}

/// How one metadata GET ended.
enum Fetched {
    Body(Zeroizing<Vec<u8>>),
    NotFound,
}

impl Default for CvmRoleProvider {
    fn default() -> Self {
        Self::new()
    }
}

impl CvmRoleProvider {
    /// Reads [`DEFAULT_METADATA_URL`] with the default timeouts (1 s to connect, 2 s per
    /// request), discovering the role.
    pub fn new() -> Self {
        Self::with_base(DEFAULT_METADATA_URL.to_owned())
    }

    /// Reads the metadata service at `url` (e.g. a loopback stand-in in tests); it must
    /// be an `http` or `https` URL of the `latest/meta-data/` level.
    pub fn with_base_url(url: &str) -> Result<Self, CredentialError> {
        let invalid = |reason: String| CredentialError::CvmRole {
            url: crate::endpoint::without_user_info(url),
            role: None,
            problem: CvmRoleProblem::InvalidBaseUrl(reason),
        };
        let parsed = url::Url::parse(url).map_err(|err| invalid(err.to_string()))?;
        if !matches!(parsed.scheme(), "http" | "https") || parsed.host().is_none() {
            return Err(invalid("not an http(s) URL with a host".into()));
        }
        // The metadata service takes no login, and the base URL is named in every error.
        if !parsed.username().is_empty() || parsed.password().is_some() {
            return Err(invalid("user info is not allowed".into()));
        }
        let mut base = parsed.to_string();
        if !base.ends_with('/') {
            base.push('/');
        }
        Ok(Self::with_base(base))
    }

    fn with_base(base: String) -> Self {
        Self {
            inner: Arc::new(Inner {
                base,
                role: None,
                discovered: Mutex::new(None),
                connect_timeout: DEFAULT_METADATA_CONNECT_TIMEOUT,
                timeout: DEFAULT_METADATA_TIMEOUT,
                http: OnceLock::new(),
            }),
        }
    }

    /// Uses this role instead of asking the service which one is bound. The service
    /// must then answer: unreachable is an error, not "not configured".
    pub fn role(self, name: impl Into<String>) -> Self {
        self.rebuild(|inner| inner.role = Some(name.into()))
    }

    /// Connect timeout and whole-request timeout of each metadata request.
    pub fn timeouts(self, connect: Duration, request: Duration) -> Self {
        self.rebuild(|inner| {
            inner.connect_timeout = connect;
            inner.timeout = request;
        })
    }

    /// The metadata base URL.
    pub fn base_url(&self) -> &str {
        &self.inner.base
    }

    fn rebuild(self, change: impl FnOnce(&mut Inner)) -> Self {
        let mut inner = Inner {
            base: self.inner.base.clone(),
            role: self.inner.role.clone(),
            discovered: Mutex::new(None),
            connect_timeout: self.inner.connect_timeout,
            timeout: self.inner.timeout,
            http: OnceLock::new(),
        };
        change(&mut inner);
        Self {
            inner: Arc::new(inner),
        }
    }

    async fn read(&self) -> Result<Credential, CredentialError> {
        let inner = &*self.inner;
        let (role, discovered) = match &inner.role {
            Some(role) => (role.clone(), false),
            None => (self.discover_role().await?, true),
        };
        let fail = |problem| CredentialError::CvmRole {
            url: inner.base.clone(),
            role: Some(role.clone()),
            problem,
        };
        if role.is_empty() || role.chars().any(char::is_control) {
            return Err(fail(CvmRoleProblem::InvalidRoleName));
        }
        let url = format!(
            "{}{ROLES_PATH}{}",
            inner.base,
            utf8_percent_encode(&role, PATH_SEGMENT)
        );
        let body = match self.get(&url).await {
            Ok(Fetched::Body(body)) => body,
            Ok(Fetched::NotFound) => {
                if discovered {
                    // The binding changed: ask again next time.
                    *inner.discovered.lock().unwrap_or_else(|e| e.into_inner()) = None;
                }
                return Err(fail(CvmRoleProblem::RoleNotFound));
            }
            Err(problem) => return Err(fail(problem)),
        };
        parse_role_answer(&body).map_err(fail)
    }

    /// The role the service names, remembered after the first answer. Nothing reachable
    /// or a 404 means "not on a CVM with a role".
    async fn discover_role(&self) -> Result<String, CredentialError> {
        let inner = &*self.inner;
        if let Some(role) = inner
            .discovered
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
        {
            return Ok(role);
        }
        let url = format!("{}{ROLES_PATH}", inner.base);
        let not_configured = |why: String| CredentialError::NotConfigured {
            reason: format!("no CAM role from the CVM metadata service at {url}: {why}").into(),
        };
        let body = match self.get(&url).await {
            Ok(Fetched::Body(body)) => body,
            Ok(Fetched::NotFound) => {
                return Err(not_configured("no role is bound (404)".into()));
            }
            Err(CvmRoleProblem::Unreachable(cause)) => return Err(not_configured(cause)),
            Err(problem) => {
                return Err(CredentialError::CvmRole {
                    url: inner.base.clone(),
                    role: None,
                    problem,
                });
            }
        };
        // One role name per line; an instance has at most one bound.
        let role = String::from_utf8_lossy(&body)
            .lines()
            .map(str::trim)
            .find(|line| !line.is_empty())
            .map(str::to_owned);
        let Some(role) = role else {
            return Err(not_configured("the service lists no role".into()));
        };
        *inner.discovered.lock().unwrap_or_else(|e| e.into_inner()) = Some(role.clone());
        Ok(role)
    }

    fn http(&self) -> Result<&reqwest::Client, CvmRoleProblem> {
        let inner = &*self.inner;
        if let Some(http) = inner.http.get() {
            return Ok(http);
        }
        let http = reqwest::Client::builder()
            .no_proxy()
            .redirect(reqwest::redirect::Policy::none())
            .connect_timeout(inner.connect_timeout)
            .timeout(inner.timeout)
            .user_agent(crate::client::REQUEST_CLIENT)
            .build()
            .map_err(|err| CvmRoleProblem::Unreachable(source_chain(&err.without_url())))?;
        Ok(inner.http.get_or_init(|| http))
    }

    async fn get(&self, url: &str) -> Result<Fetched, CvmRoleProblem> {
        let unreachable =
            |err: reqwest::Error| CvmRoleProblem::Unreachable(source_chain(&err.without_url()));
        let mut response = self.http()?.get(url).send().await.map_err(unreachable)?;
        let status = response.status().as_u16();
        if status == 404 {
            return Ok(Fetched::NotFound);
        }
        if status != 200 {
            return Err(CvmRoleProblem::Status(status));
        }
        let too_large = CvmRoleProblem::TooLarge {
            limit: MAX_ANSWER_BYTES,
        };
        if response
            .content_length()
            .is_some_and(|len| len > MAX_ANSWER_BYTES as u64)
        {
            return Err(too_large);
        }
        let mut body = Zeroizing::new(Vec::new());
        while let Some(chunk) = response.chunk().await.map_err(unreachable)? {
            if body.len() + chunk.len() > MAX_ANSWER_BYTES {
                return Err(too_large);
            }
            body.extend_from_slice(&chunk);
        }
        Ok(Fetched::Body(body))
    }
}

/// The credential in a role's document.
fn parse_role_answer(body: &[u8]) -> Result<Credential, CvmRoleProblem> {
    let answer: RoleAnswer = serde_json::from_slice(body).map_err(|err| {
        CvmRoleProblem::Answer(AnswerProblem::Json(JsonProblem::from_serde(&err)))
    })?;
    let code = required(answer.code, "Code").map_err(CvmRoleProblem::Answer)?;
    if code != "Success" {
        return Err(CvmRoleProblem::Code(code));
    }
    let fields = || -> Result<Credential, AnswerProblem> {
        let expires_at = unix_time(required(answer.expired_time, "ExpiredTime")?)?;
        let secret_id = required(answer.tmp_secret_id, "TmpSecretId")?;
        let secret_key = required(answer.tmp_secret_key, "TmpSecretKey")?;
        let token = required(answer.token, "Token")?;
        temporary_credential(
            ["TmpSecretId", "TmpSecretKey", "Token"],
            [&secret_id, &secret_key, &token],
            expires_at,
        )
    };
    fields().map_err(CvmRoleProblem::Answer)
}

impl ProvideCredential for CvmRoleProvider {
    fn provide(&self) -> CredentialFuture<'_> {
        Box::pin(self.read())
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{KEY, TOKEN};
    use super::*;

    fn document(code: &str) -> String {
        format!(
            r#"{{"TmpSecretId":"AKIDcvm","TmpSecretKey":"{KEY}","ExpiredTime":1700000000,
                "Expiration":"2023-11-14T22:13:20Z","Token":"{TOKEN}","Code":"{code}"}}"#
        )
    }

    #[test]
    fn role_document_becomes_a_temporary_credential() {
        let credential = parse_role_answer(document("Success").as_bytes()).unwrap();
        assert_eq!(credential.secret_id(), "AKIDcvm");
        assert_eq!(credential.secret_key(), KEY);
        assert_eq!(credential.token(), Some(TOKEN));
        assert_eq!(
            credential.expires_at(),
            Some(std::time::UNIX_EPOCH + Duration::from_secs(1_700_000_000))
        );
    }

    #[test]
    fn code_other_than_success_is_typed() {
        let err = parse_role_answer(document("Failure").as_bytes()).unwrap_err();
        assert_eq!(err, CvmRoleProblem::Code("Failure".into()));
    }

    #[test]
    fn malformed_documents_are_typed_without_their_text() {
        let truncated = &document("Success")[..40];
        match parse_role_answer(truncated.as_bytes()).unwrap_err() {
            CvmRoleProblem::Answer(AnswerProblem::Json(JsonProblem::Syntax {
                line: 1, ..
            })) => {}
            other => panic!("{other:?}"),
        }
        assert_eq!(
            parse_role_answer(b"\"text\"").unwrap_err(),
            CvmRoleProblem::Answer(AnswerProblem::Json(JsonProblem::WrongType {
                line: 1,
                column: 6
            }))
        );
        let no_key = document("Success").replace(&format!(r#""TmpSecretKey":"{KEY}","#), "");
        assert_eq!(
            parse_role_answer(no_key.as_bytes()).unwrap_err(),
            CvmRoleProblem::Answer(AnswerProblem::MissingField("TmpSecretKey"))
        );
        let numeric_token = document("Success").replace(&format!(r#""{TOKEN}""#), "42");
        assert_eq!(
            parse_role_answer(numeric_token.as_bytes()).unwrap_err(),
            CvmRoleProblem::Answer(AnswerProblem::WrongType("Token"))
        );
        assert_eq!(
            parse_role_answer(br#"{"TmpSecretId":"x"}"#).unwrap_err(),
            CvmRoleProblem::Answer(AnswerProblem::MissingField("Code"))
        );
    }

    #[test]
    fn base_url_gets_a_trailing_slash_and_must_be_http() {
        let provider =
            CvmRoleProvider::with_base_url("http://127.0.0.1:9/latest/meta-data").unwrap();
        assert_eq!(provider.base_url(), "http://127.0.0.1:9/latest/meta-data/");
        assert_eq!(CvmRoleProvider::new().base_url(), DEFAULT_METADATA_URL);
        // A password is refused, and not echoed: the base URL appears in every error.
        let err = CvmRoleProvider::with_base_url("http://user:hunter2@127.0.0.1:9/").unwrap_err();
        let text = format!("{err} {err:?}");
        assert!(!text.contains("hunter2"), "{text}");
        assert!(text.contains("user info"), "{text}");
        for bad in ["ftp://x/", "not a url", "file:///etc"] {
            assert!(
                matches!(
                    CvmRoleProvider::with_base_url(bad),
                    Err(CredentialError::CvmRole {
                        problem: CvmRoleProblem::InvalidBaseUrl(_),
                        ..
                    })
                ),
                "{bad}"
            );
        }
    }
}
