//! Frameworks for the self-assessment: a list of norms, each with five
//! maturity levels, as data in a documented JSON format (`docs/frameworks.md`).
//!
//! Sources: seed 003 (the Aanpak IBP of PO-Raad, VO-raad and Kennisnet: the
//! sector's framework of norms and its maturity levels, level 3 being the
//! sector's minimum); seed 001 §6.2 (the measures per risk category) and
//! §14.9 (the board's information security policy), from which the shipped
//! framework [`shipped`] is written.
//!
//! The parser is pure: it reads text and says, for the first thing wrong,
//! which norm (its index, from 0) and which field, with a stable code.

use serde_json::{Map, Value};

/// The lowest level a board may aim for and the level below which a norm is
/// marked: level 3 is the sector's minimum (seed 003, the Aanpak IBP).
pub const MINIMUM_LEVEL: u8 = 3;

/// The highest maturity level.
pub const TOP_LEVEL: u8 = 5;

/// The code of the framework that ships with the product.
pub const SHIPPED_CODE: &str = "aantoonbaar-basis";

const SHIPPED_JSON: &str = include_str!("frameworks/aantoonbaar_basis.json");

/// The longest text of a field of a framework.
pub const FIELD_LIMIT: usize = 4000;

/// One norm: what the board must have in place, with what each maturity
/// level looks like.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Norm {
    pub reference: String,
    pub domain: String,
    pub title: String,
    pub text: String,
    /// Levels 1 to 5, in order.
    pub levels: Vec<String>,
}

/// A framework of norms.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Framework {
    pub code: String,
    pub title: String,
    pub version: String,
    pub source: String,
    pub norms: Vec<Norm>,
}

impl Framework {
    #[must_use]
    pub fn norm(&self, reference: &str) -> Option<&Norm> {
        self.norms.iter().find(|n| n.reference == reference)
    }

    /// The domains in the order they first appear.
    #[must_use]
    pub fn domains(&self) -> Vec<&str> {
        let mut out: Vec<&str> = Vec::new();
        for n in &self.norms {
            if !out.contains(&n.domain.as_str()) {
                out.push(&n.domain);
            }
        }
        out
    }
}

/// What is wrong with a framework file: the norm (index from 0, `None` for
/// the framework's own fields), the field (`levels.3` for a level) and a code
/// of the message catalogue.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("framework invalid at norm {norm:?}, field {field}: {code}")]
pub struct FrameworkError {
    pub norm: Option<usize>,
    pub field: String,
    pub code: &'static str,
}

fn error(norm: Option<usize>, field: &str, code: &'static str) -> FrameworkError {
    FrameworkError { norm, field: field.to_owned(), code }
}

fn text(object: &Map<String, Value>, norm: Option<usize>, field: &str) -> Result<String, FrameworkError> {
    match object.get(field) {
        None | Some(Value::Null) => Err(error(norm, field, "frameworks.field_missing")),
        Some(Value::String(s)) if s.trim().is_empty() => Err(error(norm, field, "frameworks.field_empty")),
        Some(Value::String(s)) if s.chars().count() > FIELD_LIMIT => {
            Err(error(norm, field, "frameworks.field_too_long"))
        }
        Some(Value::String(s)) => Ok(s.trim().to_owned()),
        Some(_) => Err(error(norm, field, "frameworks.field_not_text")),
    }
}

/// A code: 2 to 60 lowercase letters, digits and hyphens (it appears in paths).
fn valid_code(code: &str) -> bool {
    (2..=60).contains(&code.len())
        && code.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        && !code.starts_with('-')
}

/// A norm reference: 1 to 40 letters, digits, `.`, `-` or `_` (it appears in paths).
fn valid_reference(reference: &str) -> bool {
    (1..=40).contains(&reference.len())
        && reference.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_'))
}

fn norm(index: usize, value: &Value) -> Result<Norm, FrameworkError> {
    let at = Some(index);
    let Value::Object(object) = value else { return Err(error(at, "norm", "frameworks.norm_not_object")) };
    let reference = text(object, at, "reference")?;
    if !valid_reference(&reference) {
        return Err(error(at, "reference", "frameworks.reference_format"));
    }
    let domain = text(object, at, "domain")?;
    let title = text(object, at, "title")?;
    let body = text(object, at, "text")?;
    let Some(Value::Object(given)) = object.get("levels") else {
        return Err(error(at, "levels", "frameworks.levels_missing"));
    };
    let mut levels = Vec::with_capacity(usize::from(TOP_LEVEL));
    for level in 1..=TOP_LEVEL {
        levels
            .push(text(given, at, &level.to_string()).map_err(|e| error(at, &format!("levels.{}", e.field), e.code))?);
    }
    if let Some(extra) = given.keys().find(|k| !(1..=TOP_LEVEL).any(|l| l.to_string() == **k)) {
        return Err(error(at, &format!("levels.{extra}"), "frameworks.level_unknown"));
    }
    Ok(Norm { reference, domain, title, text: body, levels })
}

/// Reads a framework file.
///
/// # Errors
/// The first thing wrong: not JSON, a missing or empty field, a code or
/// reference that cannot appear in a path, no norms, a reference used twice,
/// a level missing.
pub fn parse(json: &str) -> Result<Framework, FrameworkError> {
    let value: Value = serde_json::from_str(json).map_err(|_| error(None, "file", "frameworks.not_json"))?;
    let Value::Object(object) = value else { return Err(error(None, "file", "frameworks.not_object")) };
    let code = text(&object, None, "code")?;
    if !valid_code(&code) {
        return Err(error(None, "code", "frameworks.code_format"));
    }
    let title = text(&object, None, "title")?;
    let version = text(&object, None, "version")?;
    let source = text(&object, None, "source")?;
    let Some(Value::Array(list)) = object.get("norms") else {
        return Err(error(None, "norms", "frameworks.norms_missing"));
    };
    if list.is_empty() {
        return Err(error(None, "norms", "frameworks.norms_missing"));
    }
    let mut norms: Vec<Norm> = Vec::with_capacity(list.len());
    for (index, value) in list.iter().enumerate() {
        let n = norm(index, value)?;
        if norms.iter().any(|m| m.reference == n.reference) {
            return Err(error(Some(index), "reference", "frameworks.reference_duplicate"));
        }
        norms.push(n);
    }
    Ok(Framework { code, title, version, source, norms })
}

/// The framework that ships with the product, written from the seeds' own
/// measures (seed 001 §6.2 per risk category, §14.9; seed 002 §3.5 for the
/// DPIAs), available to every board.
///
/// # Errors
/// Never in practice: a unit test parses it.
pub fn shipped() -> Result<Framework, FrameworkError> {
    parse(SHIPPED_JSON)
}

/// The file of the shipped framework, as it is served.
#[must_use]
pub const fn shipped_json() -> &'static str {
    SHIPPED_JSON
}

/// A maturity level, 1 to 5.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
pub struct Level(u8);

impl Level {
    /// # Errors
    /// `selfassessment.level_out_of_range` outside 1..=5.
    pub fn new(level: i64) -> Result<Self, crate::Invalid> {
        match u8::try_from(level) {
            Ok(l @ 1..=TOP_LEVEL) => Ok(Self(l)),
            _ => Err(crate::Invalid::new("selfassessment.level_out_of_range")),
        }
    }

    /// A target: at least the sector's minimum, level 3 (seed 003).
    ///
    /// # Errors
    /// `selfassessment.target_below_minimum` below 3, or out of range.
    pub fn target(level: i64) -> Result<Self, crate::Invalid> {
        let l = Self::new(level)?;
        if l.0 < MINIMUM_LEVEL { Err(crate::Invalid::new("selfassessment.target_below_minimum")) } else { Ok(l) }
    }

    #[must_use]
    pub const fn value(self) -> u8 {
        self.0
    }

    /// Below the sector's minimum, level 3 (seed 003).
    #[must_use]
    pub const fn below_minimum(self) -> bool {
        self.0 < MINIMUM_LEVEL
    }
}

code_enum! {
    /// What the product itself can show for a norm, from the facts it holds.
    EvidenceKind, "selfassessment.evidence_unknown" {
        /// Processors with an agreement in force (AVG art. 28(3); seed 001 §6.2 "Programmatuur").
        ProcessorAgreements = "processor_agreements",
        /// High risks with measures (seed 001 §6.2 "Gegevens": "Er is een risicoanalyse").
        RiskMeasures = "risk_measures",
        /// Incidents reported within 24 hours (seed 001 §6.2 "Mensen": staff know where to report).
        IncidentsInTime = "incidents_in_time",
        /// Data-subject requests decided by their deadline (AVG art. 12(3)).
        RequestsInTime = "requests_in_time",
        /// DPIAs approved and not due for review (seed 002 §3.5.2: at least
        /// every three years, or on significant change), out of the DPIAs plus
        /// the activities screened as needing one that have none.
        DpiasCurrent = "dpias_current",
    }
}

/// The evidence the product computes for a norm of the shipped framework.
#[must_use]
pub fn evidence_kind(framework: &str, reference: &str) -> Option<EvidenceKind> {
    if framework != SHIPPED_CODE {
        return None;
    }
    match reference {
        "PRG.1" => Some(EvidenceKind::ProcessorAgreements),
        "GEG.1" => Some(EvidenceKind::RiskMeasures),
        "MEN.4" => Some(EvidenceKind::IncidentsInTime),
        "ORG.5" => Some(EvidenceKind::RequestsInTime),
        "GEG.4" => Some(EvidenceKind::DpiasCurrent),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn small() -> String {
        r#"{"code":"test-kader","title":"Test","version":"1","source":"eigen","norms":[
            {"reference":"A.1","domain":"Beleid","title":"Beleid","text":"Er is beleid.",
             "levels":{"1":"a","2":"b","3":"c","4":"d","5":"e"}}]}"#
            .to_owned()
    }

    #[test]
    fn the_shipped_framework_parses_with_twelve_to_twenty_norms() {
        let f = shipped().unwrap();
        assert_eq!(f.code, SHIPPED_CODE);
        assert!((12..=20).contains(&f.norms.len()), "{}", f.norms.len());
        for n in &f.norms {
            assert!(n.text.contains("seed 00"), "{} cites no seed", n.reference);
        }
    }

    #[test]
    fn every_mapped_reference_is_a_norm_of_the_shipped_framework() {
        let f = shipped().unwrap();
        let mapped: Vec<&Norm> =
            f.norms.iter().filter(|n| evidence_kind(SHIPPED_CODE, &n.reference).is_some()).collect();
        assert_eq!(mapped.len(), EvidenceKind::ALL.len());
    }

    #[test]
    fn a_small_framework_parses() {
        let f = parse(&small()).unwrap();
        assert_eq!(f.norms[0].levels, ["a", "b", "c", "d", "e"]);
        assert_eq!(f.domains(), ["Beleid"]);
    }

    #[test]
    fn a_missing_level_names_the_norm_and_the_level() {
        let json = small().replace(r#","5":"e""#, "");
        assert_eq!(parse(&json), Err(error(Some(0), "levels.5", "frameworks.field_missing")));
    }

    #[test]
    fn an_empty_title_names_the_norm_and_the_field() {
        let json = small().replace(r#""title":"Beleid""#, r#""title":"  ""#);
        assert_eq!(parse(&json), Err(error(Some(0), "title", "frameworks.field_empty")));
    }

    #[test]
    fn a_reference_used_twice_is_refused() {
        let f = small();
        let norm = &f[f.find(r#"{"reference""#).unwrap()..f.rfind(']').unwrap()];
        let json = f.replace(norm, &format!("{norm},{norm}"));
        assert_eq!(parse(&json), Err(error(Some(1), "reference", "frameworks.reference_duplicate")));
    }

    #[test]
    fn not_json_and_bad_codes_are_refused() {
        assert_eq!(parse("nee").unwrap_err().code, "frameworks.not_json");
        let json = small().replace("test-kader", "Test Kader");
        assert_eq!(parse(&json), Err(error(None, "code", "frameworks.code_format")));
        let json = small().replace(r#""levels""#, r#""niveaus""#);
        assert_eq!(parse(&json).unwrap_err().field, "levels");
    }

    #[test]
    fn targets_below_three_are_refused() {
        assert!(Level::target(2).is_err());
        assert!(Level::target(3).is_ok());
        assert!(Level::new(0).is_err());
        assert!(Level::new(6).is_err());
        assert!(Level::new(2).unwrap().below_minimum());
        assert!(!Level::new(3).unwrap().below_minimum());
    }
}
