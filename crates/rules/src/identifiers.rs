//! Validated identifiers and names. Each `parse` is the only way to make one.

use crate::Invalid;
use std::fmt;

macro_rules! string_newtype {
    ($name:ident) => {
        impl $name {
            #[must_use]
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }
        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }
        impl AsRef<str> for $name {
            fn as_ref(&self) -> &str {
                &self.0
            }
        }
    };
}

/// BRIN code of a school ("Basisregistratie Instellingen", DUO): two digits and
/// two letters, e.g. `12AB`, optionally followed by a two-digit location number.
/// Stored upper-case.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Brin(String);
string_newtype!(Brin);

impl Brin {
    /// # Errors
    /// `brin.format` when the text is not a BRIN code.
    pub fn parse(text: &str) -> Result<Self, Invalid> {
        let code = text.trim().to_ascii_uppercase();
        let b = code.as_bytes();
        let base_ok = b.len() >= 4
            && b[0].is_ascii_digit()
            && b[1].is_ascii_digit()
            && b[2].is_ascii_alphanumeric()
            && b[3].is_ascii_alphanumeric();
        let suffix_ok = b.len() == 4 || (b.len() == 6 && b[4..].iter().all(u8::is_ascii_digit));
        if base_ok && suffix_ok { Ok(Self(code)) } else { Err(Invalid::new("brin.format")) }
    }
}

/// The pupil's number in the pupil-administration system (ParnasSys, Esis…):
/// the key a re-import matches on. Letters, digits and `-`, at most 20.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PupilNumber(String);
string_newtype!(PupilNumber);

impl PupilNumber {
    /// # Errors
    /// `pupil_number.empty` or `pupil_number.format`.
    pub fn parse(text: &str) -> Result<Self, Invalid> {
        let number = text.trim();
        if number.is_empty() {
            return Err(Invalid::new("pupil_number.empty"));
        }
        if number.len() > 20 || !number.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') {
            return Err(Invalid::new("pupil_number.format"));
        }
        Ok(Self(number.to_owned()))
    }
}

/// A name or name part of a person, school or group: trimmed, 1–100 characters,
/// no control characters.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct PersonName(String);
string_newtype!(PersonName);

impl PersonName {
    /// # Errors
    /// `name.empty` or `name.format`.
    pub fn parse(text: &str) -> Result<Self, Invalid> {
        let name = text.trim();
        if name.is_empty() {
            return Err(Invalid::new("name.empty"));
        }
        if name.chars().count() > 100 || name.chars().any(char::is_control) {
            return Err(Invalid::new("name.format"));
        }
        Ok(Self(name.to_owned()))
    }

    /// An optional part such as the surname prefix ("van", "de"): empty is `None`.
    ///
    /// # Errors
    /// `name.format`.
    pub fn parse_optional(text: &str) -> Result<Option<Self>, Invalid> {
        if text.trim().is_empty() { Ok(None) } else { Self::parse(text).map(Some) }
    }
}

/// An e-mail address, stored lower-case. Only the shape is checked; whether it
/// reaches a person is proven by the sign-in link sent to it.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Email(String);
string_newtype!(Email);

impl Email {
    /// # Errors
    /// `email.format`.
    pub fn parse(text: &str) -> Result<Self, Invalid> {
        let email = text.trim().to_lowercase();
        let valid = email.len() <= 254
            && !email.chars().any(|c| c.is_whitespace() || c.is_control())
            && email.split_once('@').is_some_and(|(local, domain)| {
                !local.is_empty()
                    && !domain.contains('@')
                    && domain.contains('.')
                    && !domain.starts_with('.')
                    && !domain.ends_with('.')
            });
        if valid { Ok(Self(email)) } else { Err(Invalid::new("email.format")) }
    }
}

/// A phone number as people write it: digits, spaces, `+`, `-`, `(`, `)`; 6–20
/// characters.
///
/// # Errors
/// `phone.format`.
pub fn parse_phone(text: &str) -> Result<Option<String>, Invalid> {
    let phone = text.trim();
    if phone.is_empty() {
        return Ok(None);
    }
    let allowed = phone.chars().all(|c| c.is_ascii_digit() || " +-()".contains(c));
    let digits = phone.chars().filter(char::is_ascii_digit).count();
    if allowed && (6..=20).contains(&phone.len()) && digits >= 6 {
        Ok(Some(phone.to_owned()))
    } else {
        Err(Invalid::new("phone.format"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn brin_codes_are_two_digits_and_two_letters_in_upper_case() {
        assert_eq!(Brin::parse(" 12ab ").map(|b| b.to_string()), Ok("12AB".to_owned()));
        assert!(Brin::parse("12AB01").is_ok());
        assert_eq!(Brin::parse("AB12"), Err(Invalid::new("brin.format")));
        assert!(Brin::parse("12A").is_err());
        assert!(Brin::parse("12AB0").is_err());
    }

    #[test]
    fn pupil_numbers_are_short_and_plain() {
        assert!(PupilNumber::parse("100234").is_ok());
        assert_eq!(PupilNumber::parse("  "), Err(Invalid::new("pupil_number.empty")));
        assert_eq!(PupilNumber::parse("12 34"), Err(Invalid::new("pupil_number.format")));
    }

    #[test]
    fn names_are_trimmed_and_may_not_be_empty() {
        assert_eq!(PersonName::parse("  Sanne ").map(|n| n.to_string()), Ok("Sanne".to_owned()));
        assert_eq!(PersonName::parse(""), Err(Invalid::new("name.empty")));
        assert_eq!(PersonName::parse_optional(" "), Ok(None));
        assert!(PersonName::parse("a\u{7}b").is_err());
    }

    #[test]
    fn email_addresses_are_lower_cased_and_need_a_domain() {
        assert_eq!(Email::parse("Ouder@Voorbeeld.NL").map(|e| e.to_string()), Ok("ouder@voorbeeld.nl".to_owned()));
        assert!(Email::parse("ouder@voorbeeld").is_err());
        assert!(Email::parse("ouder voorbeeld.nl").is_err());
        assert!(Email::parse("@voorbeeld.nl").is_err());
    }

    #[test]
    fn phone_numbers_allow_the_usual_punctuation() {
        assert_eq!(parse_phone("06-12345678"), Ok(Some("06-12345678".to_owned())));
        assert_eq!(parse_phone(""), Ok(None));
        assert!(parse_phone("bel me").is_err());
    }
}
