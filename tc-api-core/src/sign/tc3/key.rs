//! The TC3 signing key: `HMAC("TC3" + secret, date) -> service -> "tc3_request"`.

use std::fmt;

use hmac::Mac;
use sha2::Sha256;
use zeroize::{Zeroize, ZeroizeOnDrop};

use crate::sign::mac::keyed_hmac;

/// The derived key that signs one day's requests to one service.
///
/// 32 bytes; `Debug` prints no part of it and the bytes are wiped when dropped.
#[derive(Clone, Zeroize, ZeroizeOnDrop)]
pub struct SigningKey([u8; 32]);

impl SigningKey {
    /// Wraps bytes derived elsewhere (for instance by another implementation under test).
    pub fn from_bytes(bytes: [u8; 32]) -> Self {
        Self(bytes)
    }

    /// The raw key. Named so that reading it stands out in review: never log it.
    pub fn expose_bytes(&self) -> &[u8; 32] {
        &self.0
    }
}

impl fmt::Debug for SigningKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("SigningKey(<redacted>)")
    }
}

/// The three links of the key derivation, for checking against published intermediate
/// values (`secret_date`, `secret_service`, `secret_signing`). Signing needs only
/// [`SigningKey`]; use [`derive_signing_key`] for that.
#[derive(Clone, Zeroize, ZeroizeOnDrop)]
pub struct KeyChain {
    secret_date: [u8; 32],
    secret_service: [u8; 32],
    signing_key: SigningKey,
}

impl KeyChain {
    /// `HMAC("TC3" + secret_key, date)`.
    pub fn secret_date(&self) -> &[u8; 32] {
        &self.secret_date
    }

    /// `HMAC(secret_date, service)`.
    pub fn secret_service(&self) -> &[u8; 32] {
        &self.secret_service
    }

    /// `HMAC(secret_service, "tc3_request")`, the key that signs.
    pub fn signing_key(&self) -> &SigningKey {
        &self.signing_key
    }
}

impl fmt::Debug for KeyChain {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("KeyChain(<redacted>)")
    }
}

/// Derives every link of the TC3 key chain for `secret_key`, `date` (`YYYY-MM-DD`, see
/// [`utc_date`](super::utc_date)) and `service`.
pub fn derive_key_chain(secret_key: &str, date: &str, service: &str) -> KeyChain {
    let secret_date = hmac_sha256(&[b"TC3", secret_key.as_bytes()], date.as_bytes());
    let secret_service = hmac_sha256(&[&secret_date], service.as_bytes());
    let signing_key = SigningKey(hmac_sha256(&[&secret_service], b"tc3_request"));
    KeyChain {
        secret_date,
        secret_service,
        signing_key,
    }
}

/// Derives the key that signs requests to `service` on `date` (`YYYY-MM-DD`, the UTC day
/// of the request timestamp). Three HMACs; [`SigningKeyCache`](super::SigningKeyCache)
/// avoids repeating them for every request of the day.
pub fn derive_signing_key(secret_key: &str, date: &str, service: &str) -> SigningKey {
    // The chain without `KeyChain`, which would cost a copy and a wipe of the final key.
    let mut secret_date = hmac_sha256(&[b"TC3", secret_key.as_bytes()], date.as_bytes());
    let mut secret_service = hmac_sha256(&[&secret_date], service.as_bytes());
    let key = SigningKey(hmac_sha256(&[&secret_service], b"tc3_request"));
    secret_date.zeroize();
    secret_service.zeroize();
    key
}

fn hmac_sha256(key_parts: &[&[u8]], message: &[u8]) -> [u8; 32] {
    let mut mac = keyed_hmac::<Sha256>(key_parts);
    mac.update(message);
    mac.finalize().into_bytes().into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_is_redacted() {
        let chain = derive_key_chain("secret", "2019-02-25", "cvm");
        let hex_key = hex::encode(chain.signing_key().expose_bytes());
        for shown in [format!("{chain:?}"), format!("{:?}", chain.signing_key())] {
            assert!(shown.contains("redacted"), "{shown}");
            assert!(!shown.contains(&hex_key[..8]), "{shown}");
        }
    }

    #[test]
    fn chain_links_feed_each_other() {
        let chain = derive_key_chain("Gu5t9xGARNpq86cd98joQYCN3EXAMPLE", "2019-02-25", "cvm");
        assert_eq!(
            hex::encode(chain.secret_date()),
            "d1308c81fe71cfd4e06437bbc067b2b8a3d2d8c0e375d547f15c41d5214b395a"
        );
        assert_eq!(
            hex::encode(chain.signing_key().expose_bytes()),
            "ac658d5dde49e9bfdd14e04e062f66b05d9f637d44b8a8d845327d4a77f666b1"
        );
        let key = derive_signing_key("Gu5t9xGARNpq86cd98joQYCN3EXAMPLE", "2019-02-25", "cvm");
        assert_eq!(key.expose_bytes(), chain.signing_key().expose_bytes());
        assert_ne!(
            derive_signing_key("Gu5t9xGARNpq86cd98joQYCN3EXAMPLE", "2019-02-25", "cbs")
                .expose_bytes(),
            key.expose_bytes()
        );
    }

    #[test]
    fn long_secrets_are_hashed_like_any_hmac_key() {
        // 3 + 70 bytes exceeds the SHA-256 block: the key is hashed first, not truncated.
        let long = "k".repeat(70);
        let longer = format!("{long}x");
        assert_ne!(
            derive_signing_key(&long, "2020-01-01", "cvm").expose_bytes(),
            derive_signing_key(&longer, "2020-01-01", "cvm").expose_bytes()
        );
    }
}
