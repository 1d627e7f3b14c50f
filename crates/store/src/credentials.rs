//! Secrets: password hashes (argon2id) and random tokens stored as SHA-256.

use argon2::Argon2;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use sha2::{Digest, Sha256};

/// Hashes a password with argon2id and a fresh random salt (argon2's defaults:
/// 19 MiB, 2 passes, OWASP's minimum recommendation).
///
/// # Errors
/// Only when the operating system has no randomness to give.
pub fn hash_password(password: &str) -> Result<String, crate::StoreError> {
    let mut salt = [0_u8; 16];
    getrandom::fill(&mut salt).map_err(|_| crate::StoreError::Randomness)?;
    let salt = SaltString::encode_b64(&salt).map_err(|_| crate::StoreError::Randomness)?;
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|hash| hash.to_string())
        .map_err(|_| crate::StoreError::Randomness)
}

/// Checks a password against a stored hash in constant time.
#[must_use]
pub fn verify_password(password: &str, stored_hash: &str) -> bool {
    PasswordHash::new(stored_hash).is_ok_and(|hash| {
        Argon2::default()
            .verify_password(password.as_bytes(), &hash)
            .is_ok()
    })
}

/// A hash of a password nobody knows, to verify against when an account does
/// not exist, so a wrong address takes as long as a wrong password.
///
/// # Errors
/// As [`hash_password`].
pub fn decoy_hash() -> Result<String, crate::StoreError> {
    hash_password(&new_secret()?)
}

/// A fresh 256-bit random secret, URL-safe.
///
/// # Errors
/// Only when the operating system has no randomness to give.
pub fn new_secret() -> Result<String, crate::StoreError> {
    let mut bytes = [0_u8; 32];
    getrandom::fill(&mut bytes).map_err(|_| crate::StoreError::Randomness)?;
    Ok(URL_SAFE_NO_PAD.encode(bytes))
}

/// What the database keeps of a secret: its SHA-256, so a stolen database holds
/// no usable session, token or link.
#[must_use]
pub fn hash_secret(secret: &str) -> String {
    let digest = Sha256::digest(secret.as_bytes());
    URL_SAFE_NO_PAD.encode(digest)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_password_verifies_against_its_own_hash_only() -> Result<(), crate::StoreError> {
        let hash = hash_password("Zomer-vakantie7")?;
        assert!(hash.starts_with("$argon2id$"));
        assert!(verify_password("Zomer-vakantie7", &hash));
        assert!(!verify_password("zomer-vakantie7", &hash));
        assert!(!verify_password("Zomer-vakantie7", "not a hash"));
        Ok(())
    }

    #[test]
    fn secrets_are_random_and_stored_as_hashes() -> Result<(), crate::StoreError> {
        let (a, b) = (new_secret()?, new_secret()?);
        assert_ne!(a, b);
        assert_eq!(hash_secret(&a), hash_secret(&a));
        assert_ne!(hash_secret(&a), a);
        Ok(())
    }
}
