//! Countries for transfers (AVG chapter V): which are in the EEA and which
//! have an adequacy decision of the European Commission (art. 45(3)).

/// The 27 member states of the EU and Iceland, Liechtenstein and Norway
/// (EEA Agreement): no transfer in the sense of chapter V.
pub const EEA: &[&str] = &[
    "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV", "LT", "LU", "MT",
    "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE", "IS", "LI", "NO",
];

/// Countries with an adequacy decision under art. 45(3), as listed by the
/// European Commission ("Adequacy decisions", state of 2026): Andorra,
/// Argentina, Canada (commercial organisations), the Faroe Islands, Guernsey,
/// Israel, the Isle of Man, Japan, Jersey, New Zealand, the Republic of
/// Korea, Switzerland, the United Kingdom, the United States (organisations
/// certified under the EU-US Data Privacy Framework) and Uruguay.
pub const ADEQUACY: &[&str] =
    &["AD", "AR", "CA", "FO", "GG", "IL", "IM", "JP", "JE", "NZ", "KR", "CH", "GB", "US", "UY"];

fn listed(list: &[&str], country: &str) -> bool {
    list.iter().any(|c| c.eq_ignore_ascii_case(country.trim()))
}

/// `country` (ISO 3166-1 alpha-2) is in the EEA.
#[must_use]
pub fn in_eea(country: &str) -> bool {
    listed(EEA, country)
}

/// `country` has an adequacy decision (art. 45).
#[must_use]
pub fn has_adequacy_decision(country: &str) -> bool {
    listed(ADEQUACY, country)
}

/// A country code as the register keeps it: two letters, upper case.
///
/// # Errors
/// `register.country_format` for anything else.
pub fn parse(country: &str) -> Result<String, crate::Invalid> {
    let code = country.trim().to_ascii_uppercase();
    if code.len() == 2 && code.bytes().all(|b| b.is_ascii_uppercase()) {
        Ok(code)
    } else {
        Err(crate::Invalid::new("register.country_format"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_netherlands_is_no_transfer_and_the_us_has_the_framework() {
        assert!(in_eea("nl"));
        assert!(!in_eea("US"));
        assert!(has_adequacy_decision("US"));
        assert!(!has_adequacy_decision("CN"));
        assert_eq!(parse(" us "), Ok("US".to_owned()));
        assert!(parse("USA").is_err());
    }
}
