//! The two STS actions the credential providers call (service `sts`, version
//! 2018-08-13), declared with `#[tc_action]` like any other action, and the checks their
//! parameters get before anything is sent.
//!
//! Both answer the same shape: `Credentials {Token, TmpSecretId, TmpSecretKey}`,
//! `ExpiredTime` (unix seconds) and `Expiration` (ISO 8601). The values are decoded
//! leniently ([`Lenient`]) so that an odd answer becomes a typed
//! [`CredentialError::StsAnswer`] rather than a decode error, whose body excerpt would
//! quote the secret key; the secret values are held in zeroizing strings from the moment
//! they are decoded.

use std::borrow::Cow;
use std::fmt;
use std::marker::PhantomData;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};
use serde::de::{self, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Serialize, Serializer};
use tc_api_macros::{tc_action, tc_model};
use zeroize::Zeroizing;

use super::{AnswerProblem, Credential, CredentialError, CredentialField, ValueProblem};
use crate::client::RequestId;

/// Longest validity STS grants, in seconds (12 hours).
pub const MAX_DURATION_SECONDS: u64 = 43_200;
/// Validity STS grants when none is asked for, in seconds.
pub const DEFAULT_DURATION_SECONDS: u64 = 7_200;

/// Requests temporary keys for assuming a role, signed with the caller's own key
/// (`sts:AssumeRole`).
///
/// Build it with [`AssumeRole::new`] and the setters, which keep the documented rules;
/// [`AssumeRole::validate`] checks them again before a provider sends it.
#[tc_action(
    crate = "crate",
    service = "sts",
    version = "2018-08-13",
    rate_limit = 600
)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AssumeRole {
    /// The role: `qcs::cam::uin/12345678:roleName/testRoleName` (or `:role/<id>`).
    pub role_arn: String,
    /// A name for the session: 2 to 128 of `A-Z a-z 0-9 + = , . @ _ -`.
    pub role_session_name: String,
    /// Validity in seconds, at most 43200 (server default 7200).
    pub duration_seconds: Option<u64>,
    /// A CAM policy narrowing the role's permissions, **URL-encoded** as the API
    /// requires; [`AssumeRole::policy`] encodes a policy document for you.
    pub policy: Option<String>,
    /// The role's external id, when its trust policy demands one: 2 to 128 of
    /// `A-Z a-z 0-9 + = , . @ : / _ -`.
    pub external_id: Option<String>,
    /// Session tags, at most 50, keys unique.
    pub tags: Vec<Tag>,
    /// The caller's identity (an uin) to record with the session.
    pub source_identity: Option<String>,
}

/// A session tag of [`AssumeRole`].
#[tc_model(crate = "crate")]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tag {
    /// At most 128 characters, case-sensitive.
    pub key: String,
    /// At most 256 characters, case-sensitive.
    pub value: String,
}

/// Requests temporary keys of a role for the holder of an OIDC token
/// (`sts:AssumeRoleWithWebIdentity`). The service accepts it unsigned
/// (`Authorization: SKIP`): the token is the proof.
#[tc_action(crate = "crate", service = "sts", version = "2018-08-13")]
#[derive(Clone, PartialEq, Eq)]
pub struct AssumeRoleWithWebIdentity {
    /// The identity provider's name in CAM (e.g. `OIDC`).
    pub provider_id: String,
    /// The OIDC token the identity provider issued. A secret: zeroized on drop, not
    /// shown by `Debug`.
    pub web_identity_token: Zeroizing<String>,
    /// The role to assume.
    pub role_arn: String,
    /// A name for the session, as for [`AssumeRole`].
    pub role_session_name: String,
    /// Validity in seconds, at most 43200 (server default 7200).
    pub duration_seconds: Option<u64>,
}

/// The answer of [`AssumeRole`]: the temporary keys and when they expire.
#[tc_model(crate = "crate")]
#[derive(Clone)]
pub struct AssumeRoleResponse {
    /// The temporary keys.
    pub credentials: Option<StsCredentials>,
    /// When they expire, in unix seconds.
    pub expired_time: Option<Lenient<i64>>,
    /// When they expire, ISO 8601 UTC (informational; `ExpiredTime` is used).
    pub expiration: Option<Lenient<String>>,
}

/// The answer of [`AssumeRoleWithWebIdentity`], shaped like [`AssumeRoleResponse`].
pub type AssumeRoleWithWebIdentityResponse = AssumeRoleResponse;

/// Temporary keys as STS answers them (`Credentials`).
#[tc_model(crate = "crate")]
#[derive(Clone)]
pub struct StsCredentials {
    /// The session token (secret).
    pub token: Option<Lenient<Zeroizing<String>>>,
    /// The temporary secret id.
    pub tmp_secret_id: Option<Lenient<String>>,
    /// The temporary secret key (secret).
    pub tmp_secret_key: Option<Lenient<Zeroizing<String>>>,
}

impl fmt::Debug for AssumeRoleWithWebIdentity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("AssumeRoleWithWebIdentity")
            .field("provider_id", &self.provider_id)
            .field("web_identity_token", &"<redacted>")
            .field("role_arn", &self.role_arn)
            .field("role_session_name", &self.role_session_name)
            .field("duration_seconds", &self.duration_seconds)
            .finish()
    }
}

impl fmt::Debug for StsCredentials {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("StsCredentials")
            .field("tmp_secret_id", &self.tmp_secret_id)
            .field(
                "tmp_secret_key",
                &self.tmp_secret_key.as_ref().map(|_| "<redacted>"),
            )
            .field("token", &self.token.as_ref().map(|_| "<redacted>"))
            .finish()
    }
}

impl fmt::Debug for AssumeRoleResponse {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("AssumeRoleResponse")
            .field("credentials", &self.credentials)
            .field("expired_time", &self.expired_time)
            .field("expiration", &self.expiration)
            .finish()
    }
}

/// A value of an answer as it came: the expected type, or a note that the wire held
/// something else. Decoding never fails on a `Lenient` field, so the caller reports
/// which field was wrong instead of a decode error that quotes the body.
#[derive(Clone, PartialEq, Eq)]
pub enum Lenient<T> {
    /// The value, of the expected type.
    Value(T),
    /// A value of another type (e.g. a number where text belongs).
    WrongType,
}

impl<T> Lenient<T> {
    /// The value, when it had the expected type.
    pub fn value(&self) -> Option<&T> {
        match self {
            Self::Value(value) => Some(value),
            Self::WrongType => None,
        }
    }
}

impl<T: fmt::Debug> fmt::Debug for Lenient<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Value(value) => value.fmt(f),
            Self::WrongType => f.write_str("<wrong type>"),
        }
    }
}

impl<T: Serialize> Serialize for Lenient<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Self::Value(value) => value.serialize(serializer),
            Self::WrongType => serializer.serialize_unit(),
        }
    }
}

/// Builds a lenient value from what a visitor saw; `None` means "wrong type".
trait FromWire: Sized {
    const EXPECTING: &'static str;
    fn from_text(_text: &str) -> Option<Self> {
        None
    }
    fn from_owned_text(text: String) -> Option<Self> {
        Self::from_text(&text)
    }
    fn from_i64(_value: i64) -> Option<Self> {
        None
    }
    fn from_u64(_value: u64) -> Option<Self> {
        None
    }
}

impl FromWire for String {
    const EXPECTING: &'static str = "text";
    fn from_text(text: &str) -> Option<Self> {
        Some(text.to_owned())
    }
    fn from_owned_text(text: String) -> Option<Self> {
        Some(text)
    }
}

impl FromWire for Zeroizing<String> {
    const EXPECTING: &'static str = "text";
    fn from_text(text: &str) -> Option<Self> {
        Some(Zeroizing::new(text.to_owned()))
    }
    fn from_owned_text(text: String) -> Option<Self> {
        Some(Zeroizing::new(text))
    }
}

impl FromWire for i64 {
    const EXPECTING: &'static str = "an integer";
    fn from_i64(value: i64) -> Option<Self> {
        Some(value)
    }
    fn from_u64(value: u64) -> Option<Self> {
        i64::try_from(value).ok()
    }
}

struct LenientVisitor<T>(PhantomData<T>);

fn lenient<T>(value: Option<T>) -> Lenient<T> {
    value.map_or(Lenient::WrongType, Lenient::Value)
}

impl<'de, T: FromWire> Visitor<'de> for LenientVisitor<T> {
    type Value = Lenient<T>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(T::EXPECTING)
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        Ok(lenient(T::from_text(v)))
    }
    fn visit_string<E: de::Error>(self, v: String) -> Result<Self::Value, E> {
        Ok(lenient(T::from_owned_text(v)))
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
        Ok(lenient(T::from_i64(v)))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
        Ok(lenient(T::from_u64(v)))
    }
    fn visit_f64<E: de::Error>(self, _: f64) -> Result<Self::Value, E> {
        Ok(Lenient::WrongType)
    }
    fn visit_bool<E: de::Error>(self, _: bool) -> Result<Self::Value, E> {
        Ok(Lenient::WrongType)
    }
    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(Lenient::WrongType)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(Lenient::WrongType)
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(Lenient::WrongType)
    }
}

macro_rules! lenient_deserialize {
    ($($ty:ty),*) => {$(
        impl<'de> Deserialize<'de> for Lenient<$ty> {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                deserializer.deserialize_any(LenientVisitor::<$ty>(PhantomData))
            }
        }
    )*};
}

lenient_deserialize!(String, Zeroizing<String>, i64);

/// The characters a policy keeps unencoded: RFC 3986 unreserved.
const POLICY_ENCODE: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

impl AssumeRole {
    /// A request for `role_arn` under session name `role_session_name`, with the
    /// server's default duration and no policy, external id or tags.
    pub fn new(role_arn: impl Into<String>, role_session_name: impl Into<String>) -> Self {
        Self {
            role_arn: role_arn.into(),
            role_session_name: role_session_name.into(),
            duration_seconds: None,
            policy: None,
            external_id: None,
            tags: Vec::new(),
            source_identity: None,
        }
    }

    /// Asks for keys valid this long (at most [`MAX_DURATION_SECONDS`]).
    pub fn duration_seconds(mut self, seconds: u64) -> Self {
        self.duration_seconds = Some(seconds);
        self
    }

    /// Narrows the session to a CAM policy document (JSON, as written in the console),
    /// URL-encoded here as the API requires (the service URL-decodes it).
    pub fn policy(mut self, document: &str) -> Self {
        self.policy = Some(utf8_percent_encode(document, POLICY_ENCODE).to_string());
        self
    }

    /// Sets the external id the role's trust policy demands.
    pub fn external_id(mut self, external_id: impl Into<String>) -> Self {
        self.external_id = Some(external_id.into());
        self
    }

    /// Adds a session tag.
    pub fn tag(mut self, key: impl Into<String>, value: impl Into<String>) -> Self {
        self.tags.push(Tag {
            key: key.into(),
            value: value.into(),
        });
        self
    }

    /// Records the caller's identity with the session.
    pub fn source_identity(mut self, uin: impl Into<String>) -> Self {
        self.source_identity = Some(uin.into());
        self
    }

    /// Checks every documented rule; the error names the parameter.
    pub fn validate(&self) -> Result<(), CredentialError> {
        const ACTION: &str = "AssumeRole";
        check_role_arn(ACTION, &self.role_arn)?;
        check_session_name(ACTION, &self.role_session_name)?;
        check_duration(ACTION, self.duration_seconds)?;
        if let Some(policy) = &self.policy {
            check_value(ACTION, "Policy", policy)?;
        }
        if let Some(external_id) = &self.external_id {
            check_name(ACTION, "ExternalId", external_id, b"+=,.@:/_-", "+=,.@:/_-")?;
        }
        if let Some(uin) = &self.source_identity {
            check_value(ACTION, "SourceIdentity", uin)?;
        }
        check_tags(ACTION, &self.tags)
    }
}

impl AssumeRoleWithWebIdentity {
    /// A request for `role_arn` with the OIDC `token` issued by `provider_id`.
    pub fn new(
        provider_id: impl Into<String>,
        token: impl Into<String>,
        role_arn: impl Into<String>,
        role_session_name: impl Into<String>,
    ) -> Self {
        Self {
            provider_id: provider_id.into(),
            web_identity_token: Zeroizing::new(token.into()),
            role_arn: role_arn.into(),
            role_session_name: role_session_name.into(),
            duration_seconds: None,
        }
    }

    /// Asks for keys valid this long (at most [`MAX_DURATION_SECONDS`]).
    pub fn duration_seconds(mut self, seconds: u64) -> Self {
        self.duration_seconds = Some(seconds);
        self
    }

    /// Checks every documented rule; the error names the parameter (never the token).
    pub fn validate(&self) -> Result<(), CredentialError> {
        const ACTION: &str = "AssumeRoleWithWebIdentity";
        check_value(ACTION, "ProviderId", &self.provider_id)?;
        check_value(ACTION, "WebIdentityToken", &self.web_identity_token)?;
        check_role_arn(ACTION, &self.role_arn)?;
        check_session_name(ACTION, &self.role_session_name)?;
        check_duration(ACTION, self.duration_seconds)
    }
}

impl AssumeRoleResponse {
    /// An answer carrying these keys, expiring at `expired_time` (unix seconds): what an
    /// emulator handler of [`AssumeRole`] or [`AssumeRoleWithWebIdentity`] returns.
    pub fn new(
        tmp_secret_id: impl Into<String>,
        tmp_secret_key: impl Into<String>,
        token: impl Into<String>,
        expired_time: i64,
    ) -> Self {
        Self {
            credentials: Some(StsCredentials {
                token: Some(Lenient::Value(Zeroizing::new(token.into()))),
                tmp_secret_id: Some(Lenient::Value(tmp_secret_id.into())),
                tmp_secret_key: Some(Lenient::Value(Zeroizing::new(tmp_secret_key.into()))),
            }),
            expired_time: Some(Lenient::Value(expired_time)),
            expiration: Some(Lenient::Value(iso8601(expired_time))),
        }
    }

    /// The temporary credential of this answer, expiring at `ExpiredTime`; anything
    /// missing or unusable is a [`CredentialError::StsAnswer`] naming the field.
    pub fn into_credential(
        self,
        action: &'static str,
        request_id: &RequestId,
    ) -> Result<Credential, CredentialError> {
        let fail = |problem| CredentialError::StsAnswer {
            action,
            request_id: request_id.clone(),
            problem,
        };
        let credentials = self
            .credentials
            .ok_or(AnswerProblem::MissingField("Credentials"))
            .map_err(fail)?;
        let expired_time = required(self.expired_time, "ExpiredTime").map_err(fail)?;
        let expires_at = unix_time(expired_time).map_err(fail)?;
        let secret_id = required(credentials.tmp_secret_id, "TmpSecretId").map_err(fail)?;
        let secret_key = required(credentials.tmp_secret_key, "TmpSecretKey").map_err(fail)?;
        let token = required(credentials.token, "Token").map_err(fail)?;
        temporary_credential(
            ["TmpSecretId", "TmpSecretKey", "Token"],
            [&secret_id, &secret_key, &token],
            expires_at,
        )
        .map_err(fail)
    }
}

/// `expired_time` as ISO 8601 UTC (`2018-12-04T09:06:16Z`), as STS writes `Expiration`.
fn iso8601(expired_time: i64) -> String {
    time::OffsetDateTime::from_unix_timestamp(expired_time)
        .ok()
        .and_then(|at| {
            at.format(&time::format_description::well_known::Rfc3339)
                .ok()
        })
        .unwrap_or_default()
}

/// The value of a required lenient field, or what is wrong with it.
pub(crate) fn required<T>(
    value: Option<Lenient<T>>,
    field: &'static str,
) -> Result<T, AnswerProblem> {
    match value {
        Some(Lenient::Value(value)) => Ok(value),
        Some(Lenient::WrongType) => Err(AnswerProblem::WrongType(field)),
        None => Err(AnswerProblem::MissingField(field)),
    }
}

/// `seconds` after the epoch; an answer's expiry.
pub(crate) fn unix_time(seconds: i64) -> Result<SystemTime, AnswerProblem> {
    u64::try_from(seconds)
        .ok()
        .filter(|&s| s > 0)
        .and_then(|s| UNIX_EPOCH.checked_add(Duration::from_secs(s)))
        .ok_or(AnswerProblem::InvalidExpiry(seconds))
}

/// A temporary credential from an answer's id, key and token, whose wire names are
/// `names` (in that order); a value the credential refuses is reported by wire name.
pub(crate) fn temporary_credential(
    names: [&'static str; 3],
    [id, key, token]: [&str; 3],
    expires_at: SystemTime,
) -> Result<Credential, AnswerProblem> {
    Credential::temporary(id, key, token, expires_at).map_err(|(field, problem)| {
        let field = match field {
            CredentialField::SecretId => names[0],
            CredentialField::SecretKey => names[1],
            CredentialField::Token => names[2],
        };
        AnswerProblem::InvalidField { field, problem }
    })
}

fn invalid(
    action: &'static str,
    parameter: &'static str,
    reason: impl Into<Cow<'static, str>>,
) -> CredentialError {
    CredentialError::InvalidStsParameter {
        action,
        parameter,
        reason: reason.into(),
    }
}

/// Non-empty, no surrounding whitespace, no control characters.
fn check_value(
    action: &'static str,
    parameter: &'static str,
    value: &str,
) -> Result<(), CredentialError> {
    ValueProblem::check(value).map_err(|problem| invalid(action, parameter, problem.to_string()))
}

fn check_role_arn(action: &'static str, role_arn: &str) -> Result<(), CredentialError> {
    check_value(action, "RoleArn", role_arn)?;
    if role_arn.chars().any(char::is_whitespace) {
        return Err(invalid(action, "RoleArn", "contains whitespace"));
    }
    Ok(())
}

fn check_session_name(action: &'static str, name: &str) -> Result<(), CredentialError> {
    check_name(action, "RoleSessionName", name, b"+=,.@_-", "+=,.@_-")
}

/// 2 to 128 characters of ASCII letters, digits and `extra`.
fn check_name(
    action: &'static str,
    parameter: &'static str,
    name: &str,
    extra: &[u8],
    extra_text: &'static str,
) -> Result<(), CredentialError> {
    if !(2..=128).contains(&name.len()) {
        return Err(invalid(
            action,
            parameter,
            format!(
                "must be 2 to 128 characters long, not {}",
                name.chars().count()
            ),
        ));
    }
    if !name
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || extra.contains(&b))
    {
        return Err(invalid(
            action,
            parameter,
            format!("may hold only A-Z a-z 0-9 and {extra_text}"),
        ));
    }
    Ok(())
}

fn check_duration(action: &'static str, seconds: Option<u64>) -> Result<(), CredentialError> {
    match seconds {
        Some(seconds) if seconds == 0 || seconds > MAX_DURATION_SECONDS => Err(invalid(
            action,
            "DurationSeconds",
            format!("must be 1 to {MAX_DURATION_SECONDS}, not {seconds}"),
        )),
        _ => Ok(()),
    }
}

fn check_tags(action: &'static str, tags: &[Tag]) -> Result<(), CredentialError> {
    if tags.len() > 50 {
        return Err(invalid(
            action,
            "Tags",
            format!("may hold at most 50 tags, not {}", tags.len()),
        ));
    }
    for (index, tag) in tags.iter().enumerate() {
        if tag.key.is_empty() || tag.key.chars().count() > 128 {
            return Err(invalid(
                action,
                "Tags",
                format!("key of tag {index} must be 1 to 128 characters long"),
            ));
        }
        if tag.value.chars().count() > 256 {
            return Err(invalid(
                action,
                "Tags",
                format!("value of tag {index} must be at most 256 characters long"),
            ));
        }
        if tags[..index].iter().any(|earlier| earlier.key == tag.key) {
            return Err(invalid(
                action,
                "Tags",
                format!("key of tag {index} repeats an earlier key"),
            ));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{KEY, TOKEN};
    use super::*;
    use crate::Action;

    fn decode(body: &str) -> AssumeRoleResponse {
        serde_json::from_str(body).unwrap()
    }

    fn answer_problem(result: Result<Credential, CredentialError>) -> AnswerProblem {
        match result {
            Err(CredentialError::StsAnswer {
                problem,
                request_id,
                ..
            }) => {
                assert_eq!(request_id.as_str(), "req-1");
                problem
            }
            other => panic!("expected StsAnswer, got {other:?}"),
        }
    }

    fn id() -> RequestId {
        RequestId::from("req-1".to_owned())
    }

    #[test]
    fn assume_role_wire_names_and_meta() {
        let request = AssumeRole::new("qcs::cam::uin/1:roleName/r", "session-1")
            .duration_seconds(3600)
            .external_id("ext-1")
            .tag("team", "infra");
        let json = serde_json::to_value(&request).unwrap();
        assert_eq!(
            json,
            serde_json::json!({
                "RoleArn": "qcs::cam::uin/1:roleName/r",
                "RoleSessionName": "session-1",
                "DurationSeconds": 3600,
                "ExternalId": "ext-1",
                "Tags": [{"Key": "team", "Value": "infra"}],
            })
        );
        assert_eq!(AssumeRole::META.service, "sts");
        assert_eq!(AssumeRole::META.action, "AssumeRole");
        assert_eq!(AssumeRole::META.version(), Some("2018-08-13"));
        assert_eq!(
            AssumeRoleWithWebIdentity::META.action,
            "AssumeRoleWithWebIdentity"
        );
    }

    #[cfg(feature = "registry")]
    #[test]
    fn both_actions_are_in_the_registry() {
        for action in ["AssumeRole", "AssumeRoleWithWebIdentity"] {
            let entry = crate::registry::find("sts", action, Some("2018-08-13")).expect(action);
            assert!(
                entry
                    .type_name()
                    .starts_with("tc_api_core::credential::sts::")
            );
        }
    }

    #[test]
    fn policy_is_url_encoded() {
        let request = AssumeRole::new("arn", "session").policy(r#"{"version":"2.0","a b":"+/%"}"#);
        assert_eq!(
            request.policy.as_deref(),
            Some("%7B%22version%22%3A%222.0%22%2C%22a%20b%22%3A%22%2B%2F%25%22%7D")
        );
    }

    #[test]
    fn web_identity_wire_names_and_redacted_debug() {
        let request =
            AssumeRoleWithWebIdentity::new("OIDC", TOKEN, "arn:x", "s1").duration_seconds(60);
        let json = serde_json::to_value(&request).unwrap();
        assert_eq!(json["ProviderId"], "OIDC");
        assert_eq!(json["WebIdentityToken"], TOKEN);
        assert_eq!(json["DurationSeconds"], 60);
        let text = format!("{request:?}");
        assert!(!text.contains(TOKEN), "{text}");
    }

    #[test]
    fn duration_limits() {
        let base = AssumeRole::new("qcs::cam::uin/1:roleName/r", "session");
        assert!(base.clone().duration_seconds(43_200).validate().is_ok());
        assert!(base.clone().duration_seconds(1).validate().is_ok());
        for bad in [0, 43_201] {
            match base.clone().duration_seconds(bad).validate() {
                Err(CredentialError::InvalidStsParameter { parameter, .. }) => {
                    assert_eq!(parameter, "DurationSeconds")
                }
                other => panic!("{bad}: {other:?}"),
            }
        }
    }

    fn invalid_parameter(result: Result<(), CredentialError>) -> &'static str {
        match result {
            Err(CredentialError::InvalidStsParameter { parameter, .. }) => parameter,
            other => panic!("expected InvalidStsParameter, got {other:?}"),
        }
    }

    #[test]
    fn each_rule_names_its_parameter() {
        let ok = || AssumeRole::new("qcs::cam::uin/1:roleName/r", "session");
        assert!(ok().validate().is_ok());
        assert_eq!(
            invalid_parameter(AssumeRole::new("", "session").validate()),
            "RoleArn"
        );
        assert_eq!(
            invalid_parameter(AssumeRole::new("a b", "session").validate()),
            "RoleArn"
        );
        assert_eq!(
            invalid_parameter(AssumeRole::new("arn", "s").validate()),
            "RoleSessionName"
        );
        assert_eq!(
            invalid_parameter(AssumeRole::new("arn", "has space").validate()),
            "RoleSessionName"
        );
        assert_eq!(
            invalid_parameter(AssumeRole::new("arn", "x".repeat(129)).validate()),
            "RoleSessionName"
        );
        assert_eq!(
            invalid_parameter(ok().external_id("é!").validate()),
            "ExternalId"
        );
        assert_eq!(
            invalid_parameter(ok().tag("k", "1").tag("k", "2").validate()),
            "Tags"
        );
        assert_eq!(invalid_parameter(ok().tag("", "v").validate()), "Tags");
        let mut many = ok();
        for i in 0..51 {
            many = many.tag(format!("k{i}"), "v");
        }
        assert_eq!(invalid_parameter(many.validate()), "Tags");

        let web = |token: &str| AssumeRoleWithWebIdentity::new("OIDC", token, "arn", "session");
        assert!(web("t").validate().is_ok());
        let err = web(" ").validate().unwrap_err();
        assert_eq!(invalid_parameter(Err(err.clone())), "WebIdentityToken");
        assert_eq!(
            invalid_parameter(AssumeRoleWithWebIdentity::new("", "t", "arn", "session").validate()),
            "ProviderId"
        );
    }

    #[test]
    fn answer_becomes_a_credential_with_expiry() {
        let response = decode(&format!(
            r#"{{"Credentials":{{"Token":"{TOKEN}","TmpSecretId":"AKIDtmp","TmpSecretKey":"{KEY}"}},
                "ExpiredTime":1700000000,"Expiration":"2023-11-14T22:13:20Z","New":1}}"#
        ));
        let text = format!("{response:?}");
        assert!(!text.contains(KEY) && !text.contains(TOKEN), "{text}");
        let credential = response.into_credential("AssumeRole", &id()).unwrap();
        assert_eq!(credential.secret_id(), "AKIDtmp");
        assert_eq!(credential.secret_key(), KEY);
        assert_eq!(credential.token(), Some(TOKEN));
        assert_eq!(
            credential.expires_at(),
            Some(UNIX_EPOCH + Duration::from_secs(1_700_000_000))
        );
    }

    #[test]
    fn odd_answers_are_typed_and_never_fail_to_decode() {
        let cases = [
            (
                r#"{"ExpiredTime":1}"#,
                AnswerProblem::MissingField("Credentials"),
            ),
            (
                r#"{"Credentials":{"Token":"t","TmpSecretId":"i","TmpSecretKey":"k"}}"#,
                AnswerProblem::MissingField("ExpiredTime"),
            ),
            (
                r#"{"Credentials":{"Token":"t","TmpSecretId":"i","TmpSecretKey":"k"},"ExpiredTime":"soon"}"#,
                AnswerProblem::WrongType("ExpiredTime"),
            ),
            (
                r#"{"Credentials":{"Token":"t","TmpSecretId":"i","TmpSecretKey":"k"},"ExpiredTime":-5}"#,
                AnswerProblem::InvalidExpiry(-5),
            ),
            (
                r#"{"Credentials":{"Token":"t","TmpSecretId":"i","TmpSecretKey":[1,{"a":2}]},"ExpiredTime":5}"#,
                AnswerProblem::WrongType("TmpSecretKey"),
            ),
            (
                r#"{"Credentials":{"Token":"t","TmpSecretKey":"k"},"ExpiredTime":5}"#,
                AnswerProblem::MissingField("TmpSecretId"),
            ),
            (
                r#"{"Credentials":{"Token":"","TmpSecretId":"i","TmpSecretKey":"k"},"ExpiredTime":5}"#,
                AnswerProblem::InvalidField {
                    field: "Token",
                    problem: ValueProblem::Empty,
                },
            ),
        ];
        for (body, expected) in cases {
            let problem = answer_problem(decode(body).into_credential("AssumeRole", &id()));
            assert_eq!(problem, expected, "{body}");
        }
    }

    #[test]
    fn constructed_answer_round_trips() {
        let response = AssumeRoleResponse::new("AKIDtmp", KEY, TOKEN, 1_543_914_376);
        let json = serde_json::to_value(&response).unwrap();
        assert_eq!(json["Expiration"], "2018-12-04T09:06:16Z");
        let credential = serde_json::from_value::<AssumeRoleResponse>(json)
            .unwrap()
            .into_credential("AssumeRole", &id())
            .unwrap();
        assert_eq!(credential.secret_key(), KEY);
    }

    #[test]
    fn response_round_trips_for_the_emulator() {
        let body = r#"{"Credentials":{"Token":"t","TmpSecretId":"i","TmpSecretKey":"k"},"ExpiredTime":5,"Expiration":"x"}"#;
        let value = serde_json::to_value(decode(body)).unwrap();
        assert_eq!(
            value,
            serde_json::from_str::<serde_json::Value>(body).unwrap()
        );
    }
}
