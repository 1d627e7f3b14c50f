//! The DPIA itself (AVG art. 35(7)): its paragraphs, the risks to the people
//! concerned and their measures, what must be there before the board approves
//! it, when it must be reviewed and which register changes reopen it.
//!
//! # Sources
//!
//! - The paragraphs follow the Dutch government's Model DPIA (Model
//!   gegevensbeschermingseffectbeoordeling Rijksdienst, BZK/JenV, version 1.0,
//!   September 2017, part II): 17 points in four parts — A the description of
//!   the processing (1–10), B the lawfulness (11–15), C the risks (16), D the
//!   measures (17). The model asks to go through every point and write down
//!   the weighing per point.
//! - Severity and likelihood on four levels (negligible, limited, significant,
//!   maximum) and the risk map: CNIL, "PIA — Methodology" (February 2018),
//!   §3 "Risks": a risk with a severity *and* a likelihood of at least
//!   "significant" must be avoided or reduced; a risk with one of them at least
//!   "significant" must be reduced; the others may be accepted.
//! - What a DPIA contains at least: AVG art. 35(7)(a)–(d); the FG's advice:
//!   art. 35(2); the views of the people concerned "where appropriate":
//!   art. 35(9); prior consultation of the AP when a high risk remains:
//!   art. 36(1).
//! - Review: seed 002 §3.5.2 — at least once every three years, or sooner when
//!   the processing changes significantly (also art. 35(11)).

use jiff::ToSpan;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};

code_enum! {
    /// The 17 points of the Model DPIA Rijksdienst (part II).
    Paragraph, "dpia.paragraph_unknown" {
        /// 1 Voorstel: what the processing is about.
        Proposal = "proposal",
        /// 2 Persoonsgegevens: which data of whom.
        PersonalData = "personal_data",
        /// 3 Gegevensverwerking: what is done with them.
        Processing = "processing",
        /// 4 Techniek en methoden van de gegevensverwerking.
        Technology = "technology",
        /// 5 Verwerkingsdoeleinden.
        Purposes = "purposes",
        /// 6 Betrokken partijen: the controller, processors, recipients.
        Parties = "parties",
        /// 7 Belangen bij de gegevensverwerking.
        Interests = "interests",
        /// 8 Verwerkingslocaties: where the data are, transfers outside the EEA.
        Locations = "locations",
        /// 9 Juridisch en beleidsmatig kader.
        LegalFramework = "legal_framework",
        /// 10 Bewaartermijnen.
        Retention = "retention",
        /// 11 Rechtsgrond.
        LegalBasis = "legal_basis",
        /// 12 Bijzondere persoonsgegevens.
        SpecialCategories = "special_categories",
        /// 13 Doelbinding.
        PurposeLimitation = "purpose_limitation",
        /// 14 Noodzaak en evenredigheid (proportionality and subsidiarity).
        Necessity = "necessity",
        /// 15 Rechten van de betrokkenen.
        DataSubjectRights = "data_subject_rights",
        /// 16 Risico's voor de betrokkenen.
        Risks = "risks",
        /// 17 Beoogde maatregelen.
        Measures = "measures",
    }
}

impl Paragraph {
    /// The point's number in the Model DPIA, 1 to 17.
    #[must_use]
    pub fn number(self) -> usize {
        Self::ALL.iter().position(|p| *p == self).map_or(0, |i| i + 1)
    }

    /// The model's part: `A` description, `B` lawfulness, `C` risks, `D` measures.
    #[must_use]
    pub fn part(self) -> char {
        match self.number() {
            1..=10 => 'A',
            11..=15 => 'B',
            16 => 'C',
            _ => 'D',
        }
    }

    /// The fields of the processing register this point is filled from, so a
    /// DPIA about a registered activity cannot contradict the register. Empty
    /// for the points the board writes itself.
    #[must_use]
    pub const fn register_fields(self) -> &'static [&'static str] {
        match self {
            Self::PersonalData => &["subject_categories", "data_categories"],
            Self::Purposes | Self::LegalBasis => &["purposes"],
            Self::Parties => &["recipients"],
            Self::Locations => &["system_ids", "transfers"],
            Self::Retention => &["retention"],
            Self::SpecialCategories => &["special_categories"],
            _ => &[],
        }
    }

    /// The risks and the measures come from the DPIA's list of risks, not from a text.
    #[must_use]
    pub const fn from_risks(self) -> bool {
        matches!(self, Self::Risks | Self::Measures)
    }
}

/// The points whose text art. 35(7) requires before approval: (a) a
/// systematic description of the processing (point 1, with points 2–10 from
/// the register) and (b) the assessment of necessity and proportionality
/// (point 14). Points (c) and (d) are the risks and measures.
pub const REQUIRED_TEXT: [Paragraph; 2] = [Paragraph::Proposal, Paragraph::Necessity];

code_enum! {
    /// A DPIA the board writes itself, or the board's reading of a central
    /// DPIA (e.g. SIVON's for the sector's big systems).
    Kind, "dpia.kind_unknown" {
        /// The board's own DPIA following the Model DPIA.
        Local = "local",
        /// A reference to a central DPIA plus the board's own findings on it.
        Central = "central",
    }
}

code_enum! {
    /// Where a DPIA stands.
    Status, "dpia.status_unknown" {
        /// Being written; not yet approved.
        Draft = "draft",
        /// Approved by the board; reviewed by [`review_due`].
        Approved = "approved",
        /// Approved once, but the processing changed or the review is due:
        /// reassess and approve again (seed 002 §3.5.2).
        ReviewRequired = "review_required",
    }
}

/// A level from 1 to 4 (CNIL PIA methodology: 1 negligible, 2 limited,
/// 3 significant, 4 maximum).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Level(u8);

impl Level {
    pub const ALL: [Self; 4] = [Self(1), Self(2), Self(3), Self(4)];

    /// # Errors
    /// `dpia.level_invalid` outside 1–4.
    pub fn new(points: i64) -> Result<Self, crate::Invalid> {
        match u8::try_from(points) {
            Ok(p @ 1..=4) => Ok(Self(p)),
            _ => Err(crate::Invalid::new("dpia.level_invalid")),
        }
    }

    #[must_use]
    pub const fn points(self) -> u8 {
        self.0
    }

    /// "Significant" or "maximum".
    #[must_use]
    pub const fn is_serious(self) -> bool {
        self.0 >= 3
    }
}

impl<'de> Deserialize<'de> for Level {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let points = i64::deserialize(deserializer)?;
        Self::new(points).map_err(|_| serde::de::Error::custom(format!("{points} is not a level from 1 to 4")))
    }
}

code_enum! {
    /// Where a risk to the people concerned lands on the CNIL risk map.
    RiskLevel, "dpia.risk_level_unknown" {
        Low = "low",
        Medium = "medium",
        High = "high",
    }
}

/// The risk map (CNIL PIA methodology, §3): high when severity and likelihood
/// are both at least significant, medium when one of them is, low otherwise.
#[must_use]
pub const fn risk_level(severity: Level, likelihood: Level) -> RiskLevel {
    match (severity.is_serious(), likelihood.is_serious()) {
        (true, true) => RiskLevel::High,
        (true, false) | (false, true) => RiskLevel::Medium,
        (false, false) => RiskLevel::Low,
    }
}

/// One risk to the rights and freedoms of the people concerned (art. 35(7)(c))
/// with its measures (art. 35(7)(d)) and what remains once they are in place.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PersonRisk {
    /// What could happen to the people (e.g. "a pupil's care notes are seen by other parents").
    pub description: String,
    pub severity: Level,
    pub likelihood: Level,
    #[serde(default)]
    pub measures: Option<String>,
    /// The severity and likelihood with the measures in place; the same as before when not given.
    #[serde(default)]
    pub residual_severity: Option<Level>,
    #[serde(default)]
    pub residual_likelihood: Option<Level>,
}

impl PersonRisk {
    #[must_use]
    pub const fn level(&self) -> RiskLevel {
        risk_level(self.severity, self.likelihood)
    }

    /// The level that remains with the measures in place.
    #[must_use]
    pub fn residual_level(&self) -> RiskLevel {
        risk_level(self.residual_severity.unwrap_or(self.severity), self.residual_likelihood.unwrap_or(self.likelihood))
    }

    fn has_measures(&self) -> bool {
        self.measures.as_deref().is_some_and(|m| !m.trim().is_empty())
    }
}

/// Whether the AP must be consulted before the processing starts (art. 36(1)):
/// a high risk remains after the measures.
#[must_use]
pub fn prior_consultation_required(risks: &[PersonRisk]) -> bool {
    risks.iter().any(|r| r.residual_level() == RiskLevel::High)
}

/// The review date: three years after approval (seed 002 §3.5.2, "minimaal
/// eens per drie jaar"); 29 February becomes 28 February.
#[must_use]
pub fn review_due(approved_on: Date) -> Date {
    approved_on.checked_add(3.years()).unwrap_or(approved_on)
}

/// The register fields whose change is a significant change of the
/// processing (seed 002 §3.5.2, art. 35(11)): the purposes, who it is about,
/// which data, the systems, the recipients and the transfers. A change of
/// name, owner or description does not reopen a DPIA.
pub const REOPENING_FIELDS: [&str; 7] = [
    "purposes",
    "subject_categories",
    "data_categories",
    "special_categories",
    "system_ids",
    "recipients",
    "transfers",
];

/// Which of `changed` reopen an approved DPIA, in [`REOPENING_FIELDS`]' order.
#[must_use]
pub fn reopening<S: AsRef<str>>(changed: &[S]) -> Vec<&'static str> {
    REOPENING_FIELDS.iter().copied().filter(|f| changed.iter().any(|c| c.as_ref() == *f)).collect()
}

/// What is known about a DPIA when the board is asked to approve it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApprovalFacts<'a> {
    pub kind: Kind,
    /// The paragraphs the board has written text for.
    pub written: Vec<Paragraph>,
    pub risks: &'a [PersonRisk],
    pub fg_advice: bool,
    /// What was done with the FG's advice.
    pub advice_response: bool,
    /// The views of the people concerned, or why they were not asked.
    pub views: bool,
    /// The date the AP was consulted.
    pub consulted: bool,
    /// A central DPIA's publisher, URL and version.
    pub central_reference: bool,
    /// The board's findings on a central DPIA.
    pub central_findings: usize,
}

/// Why a DPIA cannot be approved yet: the field to fill and the rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Blocker {
    /// Also the catalogue key of the Dutch text.
    pub code: &'static str,
    pub field: &'static str,
}

/// Everything that must still be done before approval, in the order of the
/// form: art. 35(7)(a)–(d), the FG's advice (art. 35(2)) and what was done
/// with it, the views of the people (art. 35(9)), prior consultation when a
/// high risk remains (art. 36(1)). A central DPIA needs its reference and the
/// board's own findings; its risks and measures are in the central DPIA.
#[must_use]
pub fn blockers(facts: &ApprovalFacts<'_>) -> Vec<Blocker> {
    let mut out = Vec::new();
    let mut block = |code, field| out.push(Blocker { code, field });
    match facts.kind {
        Kind::Local => {
            for paragraph in REQUIRED_TEXT {
                if !facts.written.contains(&paragraph) {
                    block(
                        match paragraph {
                            Paragraph::Proposal => "dpia.block.proposal",
                            _ => "dpia.block.necessity",
                        },
                        paragraph.code(),
                    );
                }
            }
            if facts.risks.is_empty() {
                block("dpia.block.risks", "risks");
            } else if facts.risks.iter().any(|r| r.level() != RiskLevel::Low && !r.has_measures()) {
                block("dpia.block.measures", "risks");
            }
        }
        Kind::Central => {
            if !facts.central_reference {
                block("dpia.block.central_reference", "central");
            }
            if facts.central_findings == 0 {
                block("dpia.block.central_findings", "findings");
            }
        }
    }
    if !facts.fg_advice {
        block("dpia.block.fg_advice", "fg_advice");
    } else if !facts.advice_response {
        block("dpia.block.advice_response", "advice_response");
    }
    if !facts.views {
        block("dpia.block.views", "subjects_views");
    }
    if prior_consultation_required(facts.risks) && !facts.consulted {
        block("dpia.block.prior_consultation", "prior_consultation");
    }
    out
}

/// Every catalogue key the approval blockers use.
pub const BLOCKER_CODES: [&str; 10] = [
    "dpia.block.proposal",
    "dpia.block.necessity",
    "dpia.block.risks",
    "dpia.block.measures",
    "dpia.block.central_reference",
    "dpia.block.central_findings",
    "dpia.block.fg_advice",
    "dpia.block.advice_response",
    "dpia.block.views",
    "dpia.block.prior_consultation",
];

#[cfg(test)]
mod tests {
    use super::*;

    fn level(points: i64) -> Level {
        Level::new(points).unwrap_or_else(|_| panic!("{points}"))
    }

    fn risk(severity: i64, likelihood: i64, measures: Option<&str>) -> PersonRisk {
        PersonRisk {
            description: "Zorgnotities worden door andere ouders gezien".to_owned(),
            severity: level(severity),
            likelihood: level(likelihood),
            measures: measures.map(str::to_owned),
            residual_severity: None,
            residual_likelihood: None,
        }
    }

    fn ready(risks: &[PersonRisk]) -> ApprovalFacts<'_> {
        ApprovalFacts {
            kind: Kind::Local,
            written: vec![Paragraph::Proposal, Paragraph::Necessity],
            risks,
            fg_advice: true,
            advice_response: true,
            views: true,
            consulted: false,
            central_reference: false,
            central_findings: 0,
        }
    }

    fn codes(facts: &ApprovalFacts<'_>) -> Vec<&'static str> {
        blockers(facts).iter().map(|b| b.code).collect()
    }

    #[test]
    fn the_model_has_17_points_in_four_parts() {
        assert_eq!(Paragraph::ALL.len(), 17);
        assert_eq!(Paragraph::Proposal.number(), 1);
        assert_eq!(Paragraph::Retention.number(), 10);
        assert_eq!(Paragraph::Measures.number(), 17);
        let parts: String = Paragraph::ALL.iter().map(|p| p.part()).collect();
        assert_eq!(parts, "AAAAAAAAAABBBBBCD");
    }

    #[test]
    fn the_register_fills_the_description_and_the_lawfulness() {
        let filled: Vec<&str> =
            Paragraph::ALL.iter().filter(|p| !p.register_fields().is_empty()).map(|p| p.code()).collect();
        assert_eq!(
            filled,
            ["personal_data", "purposes", "parties", "locations", "retention", "legal_basis", "special_categories"]
        );
        // Every field that reopens a DPIA is shown in some paragraph.
        for field in REOPENING_FIELDS {
            assert!(Paragraph::ALL.iter().any(|p| p.register_fields().contains(&field)), "{field}");
        }
    }

    #[test]
    fn levels_run_from_one_to_four() {
        assert!(Level::new(0).is_err());
        assert!(Level::new(5).is_err());
        assert_eq!(Level::ALL.iter().map(|l| l.points()).collect::<Vec<_>>(), [1, 2, 3, 4]);
        assert!(serde_json::from_str::<Level>("5").is_err());
        assert_eq!(serde_json::from_str::<Level>("3").ok(), Some(level(3)));
    }

    #[test]
    fn the_risk_map_follows_the_cnil() {
        assert_eq!(risk_level(level(3), level(3)), RiskLevel::High);
        assert_eq!(risk_level(level(4), level(4)), RiskLevel::High);
        assert_eq!(risk_level(level(4), level(1)), RiskLevel::Medium);
        assert_eq!(risk_level(level(1), level(3)), RiskLevel::Medium);
        assert_eq!(risk_level(level(2), level(2)), RiskLevel::Low);
    }

    #[test]
    fn measures_lower_the_residual_risk() {
        let mut r = risk(4, 3, Some("Alleen de intern begeleider ziet zorgnotities"));
        assert_eq!(r.residual_level(), RiskLevel::High);
        assert!(prior_consultation_required(std::slice::from_ref(&r)));
        r.residual_likelihood = Some(level(1));
        assert_eq!(r.level(), RiskLevel::High);
        assert_eq!(r.residual_level(), RiskLevel::Medium);
        assert!(!prior_consultation_required(&[r]));
    }

    #[test]
    fn review_is_due_three_years_after_approval() {
        assert_eq!(review_due(jiff::civil::date(2026, 12, 3)), jiff::civil::date(2029, 12, 3));
        assert_eq!(review_due(jiff::civil::date(2028, 2, 29)), jiff::civil::date(2031, 2, 28));
    }

    #[test]
    fn significant_changes_reopen_and_others_do_not() {
        assert_eq!(reopening(&["name", "purposes", "owner", "transfers"]), ["purposes", "transfers"]);
        assert!(reopening(&["name", "description", "owner", "review_date", "retention"]).is_empty());
        assert_eq!(reopening(&["system_ids".to_owned()]), ["system_ids"]);
    }

    #[test]
    fn a_complete_local_dpia_can_be_approved() {
        let risks = [risk(3, 2, Some("Rechten per rol"))];
        assert!(blockers(&ready(&risks)).is_empty());
    }

    #[test]
    fn an_empty_local_dpia_names_everything_missing() {
        let facts =
            ApprovalFacts { written: Vec::new(), fg_advice: false, advice_response: false, views: false, ..ready(&[]) };
        assert_eq!(
            codes(&facts),
            [
                "dpia.block.proposal",
                "dpia.block.necessity",
                "dpia.block.risks",
                "dpia.block.fg_advice",
                "dpia.block.views"
            ]
        );
        for blocker in blockers(&facts) {
            assert!(BLOCKER_CODES.contains(&blocker.code));
        }
    }

    #[test]
    fn a_serious_risk_needs_measures_a_low_one_does_not() {
        assert_eq!(codes(&ready(&[risk(3, 1, None)])), ["dpia.block.measures"]);
        assert_eq!(codes(&ready(&[risk(3, 1, Some("  "))])), ["dpia.block.measures"]);
        assert!(codes(&ready(&[risk(2, 2, None)])).is_empty());
    }

    #[test]
    fn the_advice_needs_an_answer() {
        let risks = [risk(1, 1, None)];
        let facts = ApprovalFacts { advice_response: false, ..ready(&risks) };
        assert_eq!(codes(&facts), ["dpia.block.advice_response"]);
    }

    #[test]
    fn a_high_residual_risk_needs_the_ap_consulted() {
        let risks = [risk(4, 4, Some("Versleuteling"))];
        assert_eq!(codes(&ready(&risks)), ["dpia.block.prior_consultation"]);
        assert!(codes(&ApprovalFacts { consulted: true, ..ready(&risks) }).is_empty());
    }

    #[test]
    fn a_central_dpia_needs_its_reference_and_our_findings() {
        let facts = ApprovalFacts { kind: Kind::Central, written: Vec::new(), ..ready(&[]) };
        assert_eq!(codes(&facts), ["dpia.block.central_reference", "dpia.block.central_findings"]);
        let done = ApprovalFacts { central_reference: true, central_findings: 2, ..facts };
        assert!(codes(&done).is_empty());
    }
}
