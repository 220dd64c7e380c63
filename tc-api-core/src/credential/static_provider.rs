//! A provider that always answers the same credential.

use super::{Credential, CredentialFuture, ProvideCredential};

/// Answers a fixed [`Credential`], e.g. keys the application read from its own
/// configuration. `Debug` redacts the secrets like `Credential` does.
#[derive(Debug, Clone)]
pub struct StaticProvider {
    credential: Credential,
}

impl StaticProvider {
    /// A provider answering `credential` on every call.
    pub fn new(credential: Credential) -> Self {
        Self { credential }
    }
}

impl From<Credential> for StaticProvider {
    fn from(credential: Credential) -> Self {
        Self::new(credential)
    }
}

impl ProvideCredential for StaticProvider {
    fn provide(&self) -> CredentialFuture<'_> {
        let credential = self.credential.clone();
        Box::pin(async move { Ok(credential) })
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{ID, KEY, TOKEN};
    use super::*;

    fn provider() -> StaticProvider {
        Credential::new(ID, KEY)
            .unwrap()
            .with_token(TOKEN)
            .unwrap()
            .into()
    }

    #[tokio::test]
    async fn answers_its_credential_every_time() {
        let provider = provider();
        for _ in 0..2 {
            let cred = provider.provide().await.unwrap();
            assert_eq!(cred.secret_id(), ID);
            assert_eq!(cred.secret_key(), KEY);
            assert_eq!(cred.token(), Some(TOKEN));
        }
    }

    #[test]
    fn debug_redacts_secrets() {
        let text = format!("{:?}", provider());
        assert!(text.contains(ID), "{text}");
        assert!(!text.contains(KEY), "{text}");
        assert!(!text.contains(TOKEN), "{text}");
    }
}
