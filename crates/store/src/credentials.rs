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
    PasswordHash::new(stored_hash)
        .is_ok_and(|hash| Argon2::default().verify_password(password.as_bytes(), &hash).is_ok())
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

/// Two-step verification codes (TOTP, RFC 6238): SHA-1, 6 digits, 30-second
/// steps, one step of clock drift either way — what every authenticator app
/// supports.
pub mod totp {
    use totp_rs::{Builder, Secret};

    /// A fresh 160-bit secret, base32 as authenticator apps expect it.
    ///
    /// # Errors
    /// Only when the operating system has no randomness to give.
    pub fn new_secret() -> Result<String, crate::StoreError> {
        let mut bytes = [0_u8; 20];
        getrandom::fill(&mut bytes).map_err(|_| crate::StoreError::Randomness)?;
        Ok(Secret::from(bytes).to_base32())
    }

    /// The `otpauth://` URI that the QR code carries.
    #[must_use]
    pub fn uri(secret: &str, account: &str, issuer: &str) -> String {
        let encode = |s: &str| {
            s.bytes()
                .map(|b| {
                    if b.is_ascii_alphanumeric() || b"-_.~@".contains(&b) {
                        char::from(b).to_string()
                    } else {
                        format!("%{b:02X}")
                    }
                })
                .collect::<String>()
        };
        format!(
            "otpauth://totp/{}:{}?secret={secret}&issuer={}&algorithm=SHA1&digits=6&period=30",
            encode(issuer),
            encode(account),
            encode(issuer)
        )
    }

    /// The time step `code` is valid for at `unix_seconds`, if it is valid.
    #[must_use]
    pub fn matching_step(secret: &str, code: &str, unix_seconds: i64) -> Option<i64> {
        let secret = Secret::try_from_base32(secret).ok()?;
        let totp = Builder::new().with_secret(secret).build().ok()?;
        let code: String = code.chars().filter(char::is_ascii_digit).collect();
        let step = totp.check(&code, u64::try_from(unix_seconds).ok()?)?;
        i64::try_from(step).ok()
    }

    /// The code for `unix_seconds` (for tests and the enrolment check).
    #[must_use]
    pub fn code_at(secret: &str, unix_seconds: i64) -> Option<String> {
        let secret = Secret::try_from_base32(secret).ok()?;
        let totp = Builder::new().with_secret(secret).build().ok()?;
        Some(totp.generate(u64::try_from(unix_seconds).ok()?).to_string())
    }
}

/// Ten single-use recovery codes like `k7qm-2xfa-9tbe`, for a lost phone.
///
/// # Errors
/// Only when the operating system has no randomness to give.
pub fn new_recovery_codes() -> Result<Vec<String>, crate::StoreError> {
    const ALPHABET: &[u8] = b"abcdefghjkmnpqrstuvwxyz23456789";
    let mut bytes = [0_u8; 120];
    getrandom::fill(&mut bytes).map_err(|_| crate::StoreError::Randomness)?;
    Ok(bytes
        .chunks(12)
        .map(|chunk| {
            let chars: Vec<char> =
                chunk.iter().map(|b| char::from(ALPHABET[usize::from(*b) % ALPHABET.len()])).collect();
            chars.chunks(4).map(|part| part.iter().collect::<String>()).collect::<Vec<_>>().join("-")
        })
        .collect())
}

/// A recovery code as typed: lower case, without spaces.
#[must_use]
pub fn normalise_recovery_code(code: &str) -> String {
    code.trim().to_lowercase().replace(' ', "")
}

#[cfg(test)]
mod second_factor_tests {
    use super::*;

    #[test]
    fn a_code_is_valid_in_its_own_step_and_one_either_side_only() {
        let secret = totp::new_secret().unwrap();
        let now = 1_795_000_000;
        let code = totp::code_at(&secret, now).unwrap();
        assert_eq!(totp::matching_step(&secret, &code, now), Some(now / 30));
        assert!(totp::matching_step(&secret, &code, now + 30).is_some());
        assert_eq!(totp::matching_step(&secret, &code, now + 90), None);
        assert_eq!(totp::matching_step(&secret, "000000x", now), None);
    }

    #[test]
    fn the_rfc_6238_test_vector_holds() {
        // RFC 6238 appendix B, SHA-1, T = 59: 94287082 (8 digits); 6 digits: 287082.
        let secret = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"; // "12345678901234567890"
        assert_eq!(totp::code_at(secret, 59).as_deref(), Some("287082"));
    }

    #[test]
    fn ten_distinct_recovery_codes_are_made() {
        let codes = new_recovery_codes().unwrap();
        assert_eq!(codes.len(), 10);
        assert!(codes.iter().all(|c| c.len() == 14 && c.matches('-').count() == 2));
        let mut unique = codes.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), 10);
        assert_eq!(normalise_recovery_code(" K7QM-2XFA-9TBE "), "k7qm-2xfa-9tbe");
    }
}
