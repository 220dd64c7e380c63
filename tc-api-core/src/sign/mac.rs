//! The two primitives every signer here repeats: an HMAC keyed by the concatenation of a
//! few byte strings, and lower-case hex written straight into an output string.

use hmac::digest::block_api::EagerHash;
use hmac::digest::{Digest, Key};
use hmac::{Hmac, KeyInit};

/// An HMAC keyed by `parts` concatenated, without allocating the concatenation.
///
/// HMAC zero-pads keys up to the hash block size and hashes longer ones first, so the
/// key block is built here in place; this also makes keying total, with no
/// `InvalidLength` to handle.
///
/// The block is not wiped: the keyed HMAC state it turns into is just as sensitive and
/// lives on the stack unwiped too (the hmac crate does not zeroize it), so wiping only the
/// block would cost time on every signature without removing key material from memory.
/// What outlives a call, [`SigningKey`](super::tc3::SigningKey) and the secrets held by
/// the key cache, is wiped on drop.
#[inline]
pub(crate) fn keyed_hmac<D>(parts: &[&[u8]]) -> Hmac<D>
where
    D: EagerHash + Digest,
{
    let mut block = Key::<Hmac<D>>::default();
    let total: usize = parts.iter().map(|part| part.len()).sum();
    if total <= block.len() {
        let mut at = 0;
        for part in parts {
            block[at..at + part.len()].copy_from_slice(part);
            at += part.len();
        }
    } else {
        let mut hasher = <D as Digest>::new();
        for part in parts {
            Digest::update(&mut hasher, part);
        }
        let digest = hasher.finalize();
        let n = digest.len().min(block.len());
        block[..n].copy_from_slice(&digest[..n]);
    }
    <Hmac<D> as KeyInit>::new(&block)
}

/// The two lower-case hex digits of every byte value, built at compile time.
const HEX_PAIRS: [[u8; 2]; 256] = {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut table = [[0u8; 2]; 256];
    let mut byte = 0;
    while byte < 256 {
        table[byte] = [DIGITS[byte >> 4], DIGITS[byte & 0x0f]];
        byte += 1;
    }
    table
};

/// A SHA-256 digest as lower-case hex, on the stack: encoded in one pass and handed on
/// as one `&str` rather than character by character.
pub(crate) struct Hex([u8; 64]);

impl Hex {
    pub(crate) fn new(digest: &[u8; 32]) -> Self {
        let mut text = [0u8; 64];
        for (pair, &byte) in text.chunks_exact_mut(2).zip(digest) {
            pair.copy_from_slice(&HEX_PAIRS[usize::from(byte)]);
        }
        Hex(text)
    }

    pub(crate) fn as_bytes(&self) -> &[u8] {
        &self.0
    }

    pub(crate) fn as_str(&self) -> &str {
        // Only ASCII hex digits were written, so this is always `Ok`.
        std::str::from_utf8(&self.0).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use hmac::Mac;
    use sha2::Sha256;

    fn reference(key: &[u8], msg: &[u8]) -> Vec<u8> {
        let mut mac = <Hmac<Sha256> as KeyInit>::new_from_slice(key).expect("any length");
        mac.update(msg);
        mac.finalize().into_bytes().to_vec()
    }

    #[test]
    fn keyed_hmac_matches_the_library_for_short_exact_and_long_keys() {
        for len in [0usize, 1, 35, 63, 64, 65, 200] {
            let key: Vec<u8> = (0..len).map(|i| i as u8).collect();
            let (a, b) = key.split_at(len / 3);
            let mut mac = keyed_hmac::<Sha256>(&[a, b]);
            mac.update(b"message");
            assert_eq!(
                mac.finalize().into_bytes().to_vec(),
                reference(&key, b"message"),
                "key length {len}"
            );
        }
    }

    #[test]
    fn hex_is_lower_case_and_complete() {
        let mut digest = [0u8; 32];
        digest[..4].copy_from_slice(&[0x00, 0x0f, 0xa5, 0xff]);
        assert!(Hex::new(&digest).as_str().starts_with("000fa5ff00"));
        for start in [0u8, 32, 224] {
            let digest: [u8; 32] = std::array::from_fn(|i| start + i as u8);
            assert_eq!(Hex::new(&digest).as_str(), hex::encode(digest));
        }
    }
}
