//! The two primitives every signer here repeats: an HMAC keyed by the concatenation of a
//! few byte strings, and lower-case hex written straight into an output string.

use hmac::digest::block_api::EagerHash;
use hmac::digest::{Digest, Key};
use hmac::{Hmac, KeyInit};
use zeroize::Zeroize;

/// An HMAC keyed by `parts` concatenated, without allocating the concatenation.
///
/// HMAC zero-pads keys up to the hash block size and hashes longer ones first, so the
/// key block is built here in place (and wiped afterwards); this also makes keying total,
/// with no `InvalidLength` to handle.
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
        let mut digest = hasher.finalize();
        let n = digest.len().min(block.len());
        block[..n].copy_from_slice(&digest[..n]);
        digest.as_mut_slice().zeroize();
    }
    let mac = <Hmac<D> as KeyInit>::new(&block);
    block.as_mut_slice().zeroize();
    mac
}

/// Appends `bytes` as lower-case hex.
pub(crate) fn push_hex(out: &mut String, bytes: &[u8]) {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    for byte in bytes {
        out.push(char::from(DIGITS[usize::from(byte >> 4)]));
        out.push(char::from(DIGITS[usize::from(byte & 0x0f)]));
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
    fn push_hex_is_lower_case_and_complete() {
        let mut out = String::from("x");
        push_hex(&mut out, &[0x00, 0x0f, 0xa5, 0xff]);
        assert_eq!(out, "x000fa5ff");
    }
}
