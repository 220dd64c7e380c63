//! Credentials: the secret pair (plus an optional session token) that signs requests, and
//! the providers that find one.
//!
//! A [`Credential`] keeps its secret key and token in memory that is zeroized on drop and
//! never prints them. A provider implements [`ProvideCredential`], an object-safe trait
//! whose future is a plain boxed `Send` future, so any executor can drive it and the client
//! can hold an `Arc<dyn ProvideCredential>`.
//!
//! Providers here:
//!
//! | provider | source |
//! |---|---|
//! | [`StaticProvider`] | fixed values |
//! | [`EnvProvider`] | `TENCENTCLOUD_SECRET_ID`, `_SECRET_KEY`, `_SESSION_TOKEN` |
//! | [`ProfileProvider`] | the INI file `~/.tencentcloud/credentials` |
//! | [`TccliProfileProvider`] | tccli's `~/.tccli/<profile>.credential` (JSON) |
//! | [`CvmRoleProvider`] | the CAM role of a CVM instance, from its metadata service |
//! | [`AssumeRoleProvider`] | STS `AssumeRole`, signed with another provider's key |
//! | [`OidcRoleProvider`] | STS `AssumeRoleWithWebIdentity`, unsigned; TKE's `TKE_*` variables |
//! | [`ProviderChain`], [`DefaultChain`] | the first configured of several |
//! | [`CachingProvider`] | any of the above, served from memory and refreshed ahead of expiry |
//!
//! A provider that finds nothing to read answers [`CredentialError::NotConfigured`], which a
//! [`ProviderChain`] skips; any other error means "configured but broken" and stops the
//! chain, so a half-set environment is reported instead of silently falling through.
//!
//! Temporary keys (CVM role, STS, tccli login sessions) carry their expiry; wrap their
//! provider in a [`CachingProvider`], as the client does with the [`DefaultChain`], so
//! that the source is asked once per validity period. Secret keys and tokens live in
//! zeroizing strings from the moment they are decoded (the answers' intermediate
//! structs use `Zeroizing` fields and [`sts::Lenient`]); what this crate cannot reach is
//! not wiped: the HTTP stack's receive buffers and serde_json's scratch buffer for
//! strings with escapes.
//!
//! # What is not zeroized when a request is signed
//!
//! The guarantee covers secrets at rest in this crate, not the copies a request is made
//! of. Sending one puts the session token on the wire, so it is copied into ordinary
//! memory that is freed without wiping:
//!
//! - TC3: the `X-TC-Token` header value (marked sensitive, so the HTTP stack does not
//!   print it, but not wiped), and the stack's send buffers.
//! - Signature v1 (API 2.0, or [`SignMethod`](crate::client::SignMethod) `HmacSHA1` /
//!   `HmacSHA256`): the `Token` entry of the signed parameter list, the string to sign,
//!   and the URL-encoded form body (POST) or query string (GET) built from them. The
//!   body and URL are handed to the HTTP stack, which owns them until they are sent, so
//!   wiping this crate's intermediate copies would leave the final ones in place; they
//!   are not wrapped in `Zeroizing` for that reason.
//! - The secret key never leaves: requests carry only a MAC of it. The HMAC state keyed
//!   with it lives briefly on the stack, unwiped (see the signing module); the derived
//!   TC3 signing keys and the key cache's copy of the secret key are wiped on drop.
//!
//! A process that must not leave tokens in freed memory should treat every request
//! buffer as holding one.

mod assume_role;
mod caching;
mod chain;
mod cvm;
mod env;
mod environment;
mod error;
mod ini;
mod oidc;
mod profile;
mod static_provider;
pub mod sts;
mod tccli;
#[cfg(test)]
mod test_support;

use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::time::SystemTime;

use zeroize::{ZeroizeOnDrop, Zeroizing};

pub use assume_role::{AssumeRoleProvider, DEFAULT_STS_REGION};
pub use caching::{CachingProvider, DEFAULT_REFRESH_BEFORE, DEFAULT_RETRY_AFTER};
pub use chain::{ChainAttempt, DefaultChain, ENV_METADATA_DISABLED, ProviderChain};
pub use cvm::{
    CvmRoleProvider, DEFAULT_METADATA_CONNECT_TIMEOUT, DEFAULT_METADATA_TIMEOUT,
    DEFAULT_METADATA_URL,
};
pub use env::{ENV_SECRET_ID, ENV_SECRET_KEY, ENV_SESSION_TOKEN, EnvProvider};
pub use environment::Environment;
pub use error::{
    AnswerProblem, CredentialError, CredentialField, CvmRoleProblem, IniProblem, JsonProblem,
    ValueProblem,
};
pub use oidc::{
    ENV_TKE_PROVIDER_ID, ENV_TKE_REGION, ENV_TKE_ROLE_ARN, ENV_TKE_WEB_IDENTITY_TOKEN_FILE,
    OidcRoleProvider,
};
pub use profile::{DEFAULT_PROFILE, ENV_CREDENTIALS_FILE, ENV_PROFILE, ProfileProvider};
pub use static_provider::StaticProvider;
pub use tccli::{ENV_TCCLI_PROFILE, TccliProfileProvider};

/// A secret id and secret key, with the session token and expiry of temporary keys.
///
/// The secret id is an identifier and shows in `Debug`; the secret key and token are
/// redacted there and zeroized when the value is dropped. There is deliberately no
/// `Display` or `Serialize`.
#[derive(Clone)]
pub struct Credential {
    secret_id: String,
    secret_key: Zeroizing<String>,
    token: Option<Zeroizing<String>>,
    expires_at: Option<SystemTime>,
}

impl Credential {
    /// A permanent key pair. Each value must be non-empty, carry no leading or trailing
    /// whitespace and no control characters; the error names the offending field.
    pub fn new(
        secret_id: impl Into<String>,
        secret_key: impl Into<String>,
    ) -> Result<Self, CredentialError> {
        // Wrap before validating so a rejected key is zeroized too.
        let secret_key = Zeroizing::new(secret_key.into());
        let secret_id = secret_id.into();
        check_field(CredentialField::SecretId, &secret_id)?;
        check_field(CredentialField::SecretKey, &secret_key)?;
        Ok(Self {
            secret_id,
            secret_key,
            token: None,
            expires_at: None,
        })
    }

    /// Adds the session token of a temporary key (sent as `X-TC-Token` / `Token`),
    /// validated like the other fields.
    pub fn with_token(mut self, token: impl Into<String>) -> Result<Self, CredentialError> {
        let token = Zeroizing::new(token.into());
        check_field(CredentialField::Token, &token)?;
        self.token = Some(token);
        Ok(self)
    }

    /// Records when a temporary key stops being valid; refreshing providers use it.
    pub fn with_expiry(mut self, expires_at: SystemTime) -> Self {
        self.expires_at = Some(expires_at);
        self
    }

    /// A temporary key expiring at `expires_at`, checked like [`new`](Self::new) and
    /// [`with_token`](Self::with_token); the error names the field that failed.
    pub(crate) fn temporary(
        secret_id: &str,
        secret_key: &str,
        token: &str,
        expires_at: SystemTime,
    ) -> Result<Self, (CredentialField, ValueProblem)> {
        for (field, value) in [
            (CredentialField::SecretId, secret_id),
            (CredentialField::SecretKey, secret_key),
            (CredentialField::Token, token),
        ] {
            ValueProblem::check(value).map_err(|problem| (field, problem))?;
        }
        Ok(Self {
            secret_id: secret_id.to_owned(),
            secret_key: Zeroizing::new(secret_key.to_owned()),
            token: Some(Zeroizing::new(token.to_owned())),
            expires_at: Some(expires_at),
        })
    }

    /// The secret id (`AKID...`), sent in the clear in every signed request.
    pub fn secret_id(&self) -> &str {
        &self.secret_id
    }

    /// The secret key. Only the signer should read it.
    pub fn secret_key(&self) -> &str {
        &self.secret_key
    }

    /// The session token of a temporary key.
    pub fn token(&self) -> Option<&str> {
        self.token.as_deref().map(String::as_str)
    }

    /// When a temporary key expires; `None` for permanent keys.
    pub fn expires_at(&self) -> Option<SystemTime> {
        self.expires_at
    }
}

impl fmt::Debug for Credential {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Credential")
            .field("secret_id", &self.secret_id)
            .field("secret_key", &Redacted)
            .field("token", &self.token.as_ref().map(|_| Redacted))
            .field("expires_at", &self.expires_at)
            .finish()
    }
}

// Both secret fields are `Zeroizing`, so dropping a Credential wipes them.
impl ZeroizeOnDrop for Credential {}

/// Stands in for a secret in `Debug` output.
struct Redacted;

impl fmt::Debug for Redacted {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("<redacted>")
    }
}

/// Checks one credential value, naming the field on failure.
fn check_field(field: CredentialField, value: &str) -> Result<(), CredentialError> {
    ValueProblem::check(value).map_err(|problem| CredentialError::InvalidField { field, problem })
}

/// The future a provider returns: boxed and `Send`, so the trait stays object safe and
/// needs no particular runtime.
pub type CredentialFuture<'a> =
    Pin<Box<dyn Future<Output = Result<Credential, CredentialError>> + Send + 'a>>;

/// Something that can produce a [`Credential`], possibly asynchronously (a metadata
/// service, STS) and possibly a different one on each call (refreshed temporary keys).
///
/// Answer [`CredentialError::NotConfigured`] when there is nothing to read at all, so that
/// a [`ProviderChain`] moves on to its next step; any other error stops the chain.
pub trait ProvideCredential: Send + Sync + fmt::Debug {
    /// Produces the credential to sign the next request with.
    fn provide(&self) -> CredentialFuture<'_>;
}

impl<P: ProvideCredential + ?Sized> ProvideCredential for Arc<P> {
    fn provide(&self) -> CredentialFuture<'_> {
        (**self).provide()
    }
}

impl<P: ProvideCredential + ?Sized> ProvideCredential for Box<P> {
    fn provide(&self) -> CredentialFuture<'_> {
        (**self).provide()
    }
}

#[cfg(test)]
mod tests {
    use std::time::{Duration, UNIX_EPOCH};

    use super::test_support::{ID, KEY, TOKEN};
    use super::*;

    #[test]
    fn new_keeps_values_and_has_no_token_or_expiry() {
        let cred = Credential::new(ID, KEY).unwrap();
        assert_eq!(cred.secret_id(), ID);
        assert_eq!(cred.secret_key(), KEY);
        assert_eq!(cred.token(), None);
        assert_eq!(cred.expires_at(), None);
    }

    #[test]
    fn token_and_expiry_are_kept() {
        let at = UNIX_EPOCH + Duration::from_secs(1_700_000_000);
        let cred = Credential::new(ID, KEY)
            .unwrap()
            .with_token(TOKEN)
            .unwrap()
            .with_expiry(at);
        assert_eq!(cred.token(), Some(TOKEN));
        assert_eq!(cred.expires_at(), Some(at));
    }

    #[test]
    fn debug_shows_id_and_redacts_key_and_token() {
        let cred = Credential::new(ID, KEY).unwrap().with_token(TOKEN).unwrap();
        for text in [format!("{cred:?}"), format!("{cred:#?}")] {
            assert!(text.contains(ID), "{text}");
            assert!(!text.contains(KEY), "{text}");
            assert!(!text.contains(TOKEN), "{text}");
            assert!(text.contains("<redacted>"), "{text}");
        }
    }

    #[test]
    fn debug_without_token_says_none() {
        let text = format!("{:?}", Credential::new(ID, KEY).unwrap());
        assert!(text.contains("token: None"), "{text}");
        assert!(!text.contains(KEY), "{text}");
    }

    #[test]
    fn credential_is_zeroize_on_drop_send_sync() {
        fn assert_bounds<T: ZeroizeOnDrop + Send + Sync + Clone + 'static>() {}
        assert_bounds::<Credential>();
    }

    fn invalid_field(
        result: Result<Credential, CredentialError>,
    ) -> (CredentialField, ValueProblem) {
        match result {
            Err(CredentialError::InvalidField { field, problem }) => (field, problem),
            other => panic!("expected InvalidField, got {other:?}"),
        }
    }

    #[test]
    fn empty_secret_id_is_rejected() {
        assert_eq!(
            invalid_field(Credential::new("", KEY)),
            (CredentialField::SecretId, ValueProblem::Empty)
        );
    }

    #[test]
    fn whitespace_only_secret_key_is_empty() {
        assert_eq!(
            invalid_field(Credential::new(ID, " \t ")),
            (CredentialField::SecretKey, ValueProblem::Empty)
        );
    }

    #[test]
    fn padded_secret_id_is_rejected() {
        assert_eq!(
            invalid_field(Credential::new(format!(" {ID}"), KEY)),
            (CredentialField::SecretId, ValueProblem::Padded)
        );
    }

    #[test]
    fn padded_secret_key_is_rejected_without_echoing_it() {
        let err = Credential::new(ID, format!("{KEY}\n")).unwrap_err();
        assert!(matches!(
            err,
            CredentialError::InvalidField {
                field: CredentialField::SecretKey,
                problem: ValueProblem::Padded
            }
        ));
        let text = format!("{err} {err:?}");
        assert!(text.contains("secret key"), "{text}");
        assert!(!text.contains(KEY), "{text}");
    }

    #[test]
    fn control_character_in_secret_key_is_rejected() {
        assert_eq!(
            invalid_field(Credential::new(ID, "ab\u{7}cd")),
            (CredentialField::SecretKey, ValueProblem::ControlCharacter)
        );
    }

    #[test]
    fn empty_token_is_rejected() {
        let result = Credential::new(ID, KEY).unwrap().with_token("");
        assert_eq!(
            invalid_field(result),
            (CredentialField::Token, ValueProblem::Empty)
        );
    }

    #[test]
    fn padded_token_is_rejected() {
        let result = Credential::new(ID, KEY)
            .unwrap()
            .with_token(format!("{TOKEN} "));
        assert_eq!(
            invalid_field(result),
            (CredentialField::Token, ValueProblem::Padded)
        );
    }

    #[tokio::test]
    async fn arc_dyn_provider_delegates() {
        let provider: Arc<dyn ProvideCredential> =
            Arc::new(StaticProvider::new(Credential::new(ID, KEY).unwrap()));
        let boxed: Box<dyn ProvideCredential> = Box::new(provider.clone());
        assert_eq!(provider.provide().await.unwrap().secret_id(), ID);
        assert_eq!(boxed.provide().await.unwrap().secret_key(), KEY);
    }
}
