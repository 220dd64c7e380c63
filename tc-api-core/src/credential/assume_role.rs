//! Temporary keys of a role, from STS `AssumeRole` called with another credential.

use std::sync::Arc;

use super::sts::AssumeRole;
use super::{Credential, CredentialError, CredentialFuture, ProvideCredential};
use crate::client::{Client, ClientBuilder};

/// Region STS calls are sent to unless the STS client names one (the official SDKs use
/// it too; STS answers in every region).
pub const DEFAULT_STS_REGION: &str = "ap-guangzhou";

/// Calls STS `AssumeRole` through this crate's own [`Client`] at each call, signed with
/// the credential of a *source* provider, and answers the role's temporary keys with
/// their expiry. Wrap it in a [`CachingProvider`](super::CachingProvider) so that STS is
/// called once per validity period, not once per request.
///
/// ```no_run
/// # fn demo() -> Result<(), tc_api_core::CredentialError> {
/// use tc_api_core::credential::{AssumeRoleProvider, CachingProvider, EnvProvider};
/// use tc_api_core::credential::sts::AssumeRole;
///
/// let request = AssumeRole::new("qcs::cam::uin/100000000001:roleName/deployer", "ci-deploy")
///     .duration_seconds(3600);
/// let provider = CachingProvider::new(AssumeRoleProvider::new(EnvProvider::new(), request)?);
/// # Ok(()) }
/// ```
///
/// The request is checked ([`AssumeRole::validate`]) when the provider is built, so a
/// duration over 43200 s or a malformed session name fails before anything is sent. A
/// failed call is [`CredentialError::Sts`] (the service's code and RequestId inside); an
/// answer without usable keys is [`CredentialError::StsAnswer`].
#[derive(Debug, Clone)]
pub struct AssumeRoleProvider {
    client: Client,
    request: AssumeRole,
}

impl AssumeRoleProvider {
    /// Assumes the role of `request` with the credential `source` provides, through a
    /// default client (region [`DEFAULT_STS_REGION`], `sts.tencentcloudapi.com`).
    pub fn new(
        source: impl ProvideCredential + 'static,
        request: AssumeRole,
    ) -> Result<Self, CredentialError> {
        Self::with_client(source, request, Client::builder())
    }

    /// Like [`new`](Self::new), with the STS client built from `sts` (endpoint,
    /// timeouts, proxy, ...); its credential is replaced by `source`, and a client
    /// without a region gets [`DEFAULT_STS_REGION`].
    pub fn with_client(
        source: impl ProvideCredential + 'static,
        request: AssumeRole,
        sts: ClientBuilder,
    ) -> Result<Self, CredentialError> {
        request.validate()?;
        let client = sts_client(sts.credential_provider(source))?;
        Ok(Self { client, request })
    }

    /// The request sent at each call.
    pub fn request(&self) -> &AssumeRole {
        &self.request
    }

    async fn assume(&self) -> Result<Credential, CredentialError> {
        const ACTION: &str = "AssumeRole";
        let output = self
            .client
            .send(self.request.clone())
            .await
            .map_err(|source| sts_failed(ACTION, source))?;
        output.data.into_credential(ACTION, &output.request_id)
    }
}

/// Builds an STS client, giving it [`DEFAULT_STS_REGION`] when it has no region.
pub(crate) fn sts_client(builder: ClientBuilder) -> Result<Client, CredentialError> {
    const ACTION: &str = "client";
    let client = builder.build().map_err(|err| sts_failed(ACTION, err))?;
    if client.region().is_some() {
        return Ok(client);
    }
    client
        .with_region(Some(DEFAULT_STS_REGION))
        .map_err(|err| sts_failed(ACTION, err))
}

pub(crate) fn sts_failed(action: &'static str, source: crate::error::Error) -> CredentialError {
    CredentialError::Sts {
        action,
        source: Arc::new(source),
    }
}

impl ProvideCredential for AssumeRoleProvider {
    fn provide(&self) -> CredentialFuture<'_> {
        Box::pin(self.assume())
    }
}

#[cfg(test)]
mod tests {
    use super::super::StaticProvider;
    use super::super::test_support::{ID, KEY};
    use super::*;

    fn source() -> StaticProvider {
        StaticProvider::new(Credential::new(ID, KEY).unwrap())
    }

    #[test]
    fn invalid_request_is_refused_when_building() {
        let request = AssumeRole::new("qcs::cam::uin/1:roleName/r", "s").duration_seconds(50_000);
        match AssumeRoleProvider::new(source(), request) {
            Err(CredentialError::InvalidStsParameter { parameter, .. }) => {
                assert_eq!(parameter, "RoleSessionName")
            }
            other => panic!("{other:?}"),
        }
        let request =
            AssumeRole::new("qcs::cam::uin/1:roleName/r", "session").duration_seconds(50_000);
        match AssumeRoleProvider::new(source(), request) {
            Err(CredentialError::InvalidStsParameter { parameter, .. }) => {
                assert_eq!(parameter, "DurationSeconds")
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn default_region_unless_the_client_has_one() {
        let request = AssumeRole::new("qcs::cam::uin/1:roleName/r", "session");
        let provider = AssumeRoleProvider::new(source(), request.clone()).unwrap();
        assert_eq!(provider.client.region(), Some(DEFAULT_STS_REGION));
        let provider = AssumeRoleProvider::with_client(
            source(),
            request,
            Client::builder().region("ap-shanghai"),
        )
        .unwrap();
        assert_eq!(provider.client.region(), Some("ap-shanghai"));
        let text = format!("{provider:?}");
        assert!(text.contains(ID) && !text.contains(KEY), "{text}");
    }

    #[test]
    fn invalid_client_settings_are_sts_errors() {
        let request = AssumeRole::new("qcs::cam::uin/1:roleName/r", "session");
        let err = AssumeRoleProvider::with_client(
            source(),
            request,
            Client::builder().endpoint("ftp://x"),
        )
        .unwrap_err();
        assert!(matches!(err, CredentialError::Sts { .. }), "{err:?}");
    }
}
