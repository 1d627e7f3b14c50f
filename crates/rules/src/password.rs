//! Password policy for staff accounts.

use crate::Invalid;

/// Minimum length of a password with three character classes (seed 000,
/// "Wachtwoorden": at least 10 characters and three of the four classes).
pub const MIN_LENGTH: usize = 10;

/// Minimum length of a pass-phrase, which needs no character classes
/// (domain.md "Access policy"; a long phrase beats a short complex password).
pub const MIN_PASSPHRASE_LENGTH: usize = 16;

/// Checks a new password against the board's policy.
///
/// - Seed 000: at least 10 characters with three of the four classes (upper
///   case, lower case, digits, symbols), or a pass-phrase of 16 or more.
/// - Seed 001 §13.1: not guessable; its example `1Janssen!` is a surname with
///   decoration, so a password may not contain the user's own name parts or a
///   school's name (`personal_words`, parts of 3 letters or more).
///
/// - Not among the most common passwords and not otherwise easy to guess: the
///   zxcvbn strength estimator must score it at least 3 of 4 (more than 10^8
///   guesses), with the personal words as known inputs.
///
/// # Errors
/// `password.too_short`, `password.too_simple`, `password.personal` or `password.weak`.
pub fn check(password: &str, personal_words: &[&str]) -> Result<(), Invalid> {
    let length = password.chars().count();
    let lower = password.to_lowercase();
    let personal = personal_words
        .iter()
        .flat_map(|w| w.split(|c: char| !c.is_alphanumeric()))
        .filter(|part| part.chars().count() >= 3)
        .any(|part| lower.contains(&part.to_lowercase()));
    if personal {
        return Err(Invalid::new("password.personal"));
    }
    if length < MIN_PASSPHRASE_LENGTH {
        check_classes(password, length)?;
    }
    let strength = zxcvbn::zxcvbn(password, personal_words);
    if u8::from(strength.score()) < MIN_STRENGTH {
        return Err(Invalid::new("password.weak"));
    }
    Ok(())
}

/// The zxcvbn score a password needs (0–4; 3 = more than 10^8 guesses).
pub const MIN_STRENGTH: u8 = 3;

fn check_classes(password: &str, length: usize) -> Result<(), Invalid> {
    if length < MIN_LENGTH {
        return Err(Invalid::new("password.too_short"));
    }
    let classes = [
        password.chars().any(char::is_uppercase),
        password.chars().any(char::is_lowercase),
        password.chars().any(|c| c.is_ascii_digit()),
        password.chars().any(|c| !c.is_alphanumeric()),
    ]
    .into_iter()
    .filter(|present| *present)
    .count();
    if classes < 3 {
        return Err(Invalid::new("password.too_simple"));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ten_characters_with_three_classes_pass() {
        assert_eq!(check("Zomer-vakantie7", &[]), Ok(()));
        assert_eq!(check("kaas4Tafel!", &[]), Ok(()));
    }

    #[test]
    fn a_long_passphrase_needs_no_classes() {
        assert_eq!(check("paarse olifant danst vrolijk", &[]), Ok(()));
    }

    #[test]
    fn short_or_simple_passwords_are_refused() {
        assert_eq!(check("Kaas4!", &[]), Err(Invalid::new("password.too_short")));
        assert_eq!(check("kaasentafel", &[]), Err(Invalid::new("password.too_simple")));
    }

    #[test]
    fn common_and_keyboard_passwords_are_refused_as_weak() {
        assert_eq!(check("Welkom01!!", &[]), Err(Invalid::new("password.weak")));
        assert_eq!(check("Qwerty123456!", &[]), Err(Invalid::new("password.weak")));
        assert_eq!(check("wachtwoordwachtwoord", &[]), Err(Invalid::new("password.weak")));
    }

    #[test]
    fn the_seeds_example_with_the_users_name_is_refused() {
        assert_eq!(check("1Janssen!xyz", &["Piet Janssen"]), Err(Invalid::new("password.personal")));
        assert_eq!(check("de regenboog is mooi vandaag", &["De Regenboog"]), Err(Invalid::new("password.personal")));
    }
}
