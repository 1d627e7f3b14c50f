//! The privacy statement: what it must tell each audience and whether the
//! adopted register supplies it.
//!
//! Every item of AVG art. 13(1) a–f and 13(2) a–f (information when the data
//! are collected from the person), art. 14(1)(d) and 14(2)(f) (the categories
//! and the source when data come from elsewhere) and seed 001 art. 15 a–l (the
//! board's own list for its "laagdrempelige privacyverklaring") is mapped to
//! the [`Section`] of the statement that covers it. [`coverage`] then says per
//! item whether the register actually holds what that section needs, and what
//! is missing where it does not.
//!
//! Sources: AVG art. 12(1) (concise, intelligible, clear and plain language,
//! in particular for a child), art. 13, 14, 21(4) (the right to object
//! brought to attention explicitly), art. 77 (complaint to the supervisory
//! authority); seed 001 art. 15 a–l.

use super::{
    ActivityStatus, BoardProfile, LegalBasis, Register, RegisteredActivity, Safeguard, SubjectCategory, countries,
};
use serde::Serialize;

code_enum! {
    /// Whom a statement is written for. Each audience reads the activities
    /// whose data subjects include it (AVG art. 13: "the data subject").
    Audience, "privacy_statement.audience_unknown" {
        /// Parents and other legal representatives: told about their own data
        /// and their child's (AVG art. 8, 12(1); seed 001 art. 15: a child under
        /// 16 exercises their rights through the parents).
        Parents = "parents",
        /// Pupils themselves, written for pupils of 16 and older (UAVG art. 5).
        Pupils = "pupils",
        Staff = "staff",
        /// People who apply for a job.
        Applicants = "applicants",
    }
}

impl Audience {
    /// The data-subject categories whose activities this audience is told about.
    #[must_use]
    pub const fn subjects(self) -> &'static [SubjectCategory] {
        match self {
            Self::Parents => &[SubjectCategory::Pupils, SubjectCategory::Parents],
            Self::Pupils => &[SubjectCategory::Pupils],
            Self::Staff => &[SubjectCategory::Staff],
            Self::Applicants => &[SubjectCategory::Applicants],
        }
    }

    /// Whether `activity` processes data of this audience (and is still done).
    #[must_use]
    pub fn concerns(self, activity: &RegisteredActivity) -> bool {
        activity.activity.status != ActivityStatus::Retired
            && activity.activity.subject_categories.iter().any(|s| self.subjects().contains(s))
    }
}

code_enum! {
    /// The sections of a statement, in the order it reads.
    Section, "privacy_statement.section_unknown" {
        /// Who we are: the controller and how to reach it (art. 13(1)(a)).
        Controller = "controller",
        /// The FG and how to reach them (art. 13(1)(b)).
        Dpo = "dpo",
        /// What data and why: per activity the data, the purposes, the legal
        /// basis in plain words and the law (art. 13(1)(c)–(d), 14(1)(d)).
        Purposes = "purposes",
        /// Where the data come from when not from the person (art. 14(2)(f)).
        Sources = "sources",
        /// Who receives the data (art. 13(1)(e)).
        Recipients = "recipients",
        /// Transfers outside the EEA and their safeguard (art. 13(1)(f)).
        Transfers = "transfers",
        /// How long the data are kept (art. 13(2)(a)).
        Retention = "retention",
        /// The rights of art. 15–21 and withdrawing consent (art. 13(2)(b)–(c)).
        Rights = "rights",
        /// A complaint to the Autoriteit Persoonsgegevens (art. 13(2)(d), 77).
        Complaint = "complaint",
        /// Whether providing the data is required (art. 13(2)(e)).
        Obligation = "obligation",
        /// Automated decisions and profiling (art. 13(2)(f), 22).
        Automated = "automated",
        /// How the data are protected (art. 5(1)(f), 32; not an art. 13 item,
        /// but what parents ask first).
        Security = "security",
    }
}

/// One item a statement must hold: its code as the API writes it, and the
/// section that covers it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Item {
    pub code: &'static str,
    pub section: Section,
    /// For a seed 001 art. 15 item: the AVG item it restates, whose check it shares.
    pub same_as: Option<&'static str>,
}

const fn item(code: &'static str, section: Section) -> Item {
    Item { code, section, same_as: None }
}

const fn seed(code: &'static str, section: Section, same_as: &'static str) -> Item {
    Item { code, section, same_as: Some(same_as) }
}

/// The items of AVG art. 13(1) and 13(2): every statement lists all of them.
pub const ARTICLE_13_ITEMS: &[&str] = &[
    "13(1)(a)", "13(1)(b)", "13(1)(c)", "13(1)(d)", "13(1)(e)", "13(1)(f)", "13(2)(a)", "13(2)(b)", "13(2)(c)",
    "13(2)(d)", "13(2)(e)", "13(2)(f)",
];

/// Every item, in the order of the law and then of the seed.
pub const ITEMS: &[Item] = &[
    // AVG art. 13(1): the controller, the FG, purposes and basis, the interests, recipients, transfers.
    item("13(1)(a)", Section::Controller),
    item("13(1)(b)", Section::Dpo),
    item("13(1)(c)", Section::Purposes),
    item("13(1)(d)", Section::Purposes),
    item("13(1)(e)", Section::Recipients),
    item("13(1)(f)", Section::Transfers),
    // AVG art. 13(2): retention, rights, withdrawal, complaint, obligation, automated decisions.
    item("13(2)(a)", Section::Retention),
    item("13(2)(b)", Section::Rights),
    item("13(2)(c)", Section::Rights),
    item("13(2)(d)", Section::Complaint),
    item("13(2)(e)", Section::Obligation),
    item("13(2)(f)", Section::Automated),
    // AVG art. 14: the categories of data and their source, when data come from elsewhere.
    item("14(1)(d)", Section::Purposes),
    item("14(2)(f)", Section::Sources),
    // Seed 001 art. 15 a–l: the board's own list, each the restatement of an AVG item.
    seed("001-15(a)", Section::Controller, "13(1)(a)"),
    seed("001-15(b)", Section::Dpo, "13(1)(b)"),
    seed("001-15(c)", Section::Purposes, "13(1)(c)"),
    seed("001-15(d)", Section::Purposes, "13(1)(d)"),
    seed("001-15(e)", Section::Recipients, "13(1)(e)"),
    seed("001-15(f)", Section::Transfers, "13(1)(f)"),
    seed("001-15(g)", Section::Retention, "13(2)(a)"),
    seed("001-15(h)", Section::Rights, "13(2)(b)"),
    seed("001-15(i)", Section::Rights, "13(2)(c)"),
    seed("001-15(j)", Section::Complaint, "13(2)(d)"),
    seed("001-15(k)", Section::Obligation, "13(2)(e)"),
    seed("001-15(l)", Section::Automated, "13(2)(f)"),
];

/// Something the register lacks for an item, with the activity it is about
/// (`None`: the board's profile) and what within it (a purpose, a country).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Gap {
    /// Key into the catalogue: `privacy_statement.gap.<code>`.
    pub code: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub activity_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub activity: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub about: Option<String>,
}

/// What the register supplies for one item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Coverage {
    pub item: &'static str,
    pub section: Section,
    /// Whether the item concerns this audience at all (no transfers: 13(1)(f)
    /// does not apply, and is satisfied by saying so).
    pub applicable: bool,
    pub satisfied: bool,
    pub missing: Vec<Gap>,
}

/// The gap codes, for the catalogue test.
pub mod gaps {
    /// The profile lacks the controller's name, address or e-mail (13(1)(a)).
    pub const CONTROLLER_MISSING: &str = "controller_missing";
    /// The profile lacks the FG's name or e-mail (13(1)(b), 37(7)).
    pub const DPO_MISSING: &str = "dpo_missing";
    /// No activity of the adopted register concerns this audience.
    pub const NO_ACTIVITIES: &str = "no_activities";
    /// An activity has no purpose (13(1)(c)).
    pub const PURPOSE_MISSING: &str = "purpose_missing";
    /// A legitimate interest without the interest described (13(1)(d)).
    pub const INTEREST_MISSING: &str = "interest_missing";
    /// An activity names nobody who receives the data (13(1)(e)).
    pub const RECIPIENTS_MISSING: &str = "recipients_missing";
    /// A transfer outside the EEA without a valid safeguard (13(1)(f), 44–49).
    pub const SAFEGUARD_MISSING: &str = "safeguard_missing";
    /// An activity has no retention (13(2)(a)).
    pub const RETENTION_MISSING: &str = "retention_missing";
    /// A legal obligation whose law is not named, so the statement cannot say
    /// which law requires the data (13(2)(e)).
    pub const LAW_MISSING: &str = "law_missing";
    /// An activity lists no categories of data (14(1)(d)).
    pub const DATA_MISSING: &str = "data_missing";

    pub const ALL: &[&str] = &[
        CONTROLLER_MISSING,
        DPO_MISSING,
        NO_ACTIVITIES,
        PURPOSE_MISSING,
        INTEREST_MISSING,
        RECIPIENTS_MISSING,
        SAFEGUARD_MISSING,
        RETENTION_MISSING,
        LAW_MISSING,
        DATA_MISSING,
    ];
}

fn blank(text: Option<&String>) -> bool {
    text.is_none_or(|t| t.trim().is_empty())
}

fn gap(code: &'static str, activity: Option<&RegisteredActivity>, about: Option<String>) -> Gap {
    Gap {
        code,
        activity_id: activity.map(|a| a.id.clone()),
        activity: activity.map(|a| a.activity.name.clone()),
        about,
    }
}

/// The activities of `register` this audience is told about, in register order.
#[must_use]
pub fn activities_for(register: &Register, audience: Audience) -> Vec<&RegisteredActivity> {
    register.activities.iter().filter(|a| audience.concerns(a)).collect()
}

/// Whether a transfer's safeguard makes it lawful: any safeguard, but an
/// adequacy decision only for a country that has one (AVG art. 44–49).
fn safeguarded(country: &str, safeguard: Option<Safeguard>) -> bool {
    match safeguard {
        None => false,
        Some(Safeguard::Adequacy) => countries::has_adequacy_decision(country),
        Some(_) => true,
    }
}

/// What the register supplies for one AVG item (an art. 13 or 14 code):
/// whether it applies and what is missing.
fn check(code: &str, profile: &BoardProfile, activities: &[&RegisteredActivity]) -> (bool, Vec<Gap>) {
    let mut missing = Vec::new();
    let mut applicable = true;
    let each = |missing: &mut Vec<Gap>, code: &'static str, lacks: &dyn Fn(&RegisteredActivity) -> bool| {
        for a in activities {
            if lacks(a) {
                missing.push(gap(code, Some(a), None));
            }
        }
    };
    let no_activities = |missing: &mut Vec<Gap>| {
        if activities.is_empty() {
            missing.push(gap(gaps::NO_ACTIVITIES, None, None));
        }
    };
    match code {
        // Art. 13(1)(a): the identity and contact details of the controller.
        "13(1)(a)" if [&profile.name, &profile.address, &profile.contact_email].iter().any(|v| v.trim().is_empty()) => {
            missing.push(gap(gaps::CONTROLLER_MISSING, None, None));
        }
        // Art. 13(1)(b): the contact details of the FG (art. 37(7): published).
        "13(1)(b)" if profile.dpo.name.trim().is_empty() || profile.dpo.email.trim().is_empty() => {
            missing.push(gap(gaps::DPO_MISSING, None, None));
        }
        // Art. 13(1)(c): the purposes and the legal basis of each.
        "13(1)(c)" => {
            no_activities(&mut missing);
            each(&mut missing, gaps::PURPOSE_MISSING, &|a| {
                a.activity.purposes.iter().all(|p| p.text.trim().is_empty())
            });
        }
        // Art. 13(1)(d): the legitimate interests, where that is the basis.
        "13(1)(d)" => {
            applicable = activities
                .iter()
                .any(|a| a.activity.purposes.iter().any(|p| p.legal_basis == LegalBasis::LegitimateInterests));
            for a in activities {
                for p in &a.activity.purposes {
                    if p.legal_basis == LegalBasis::LegitimateInterests && blank(p.balancing_test.as_ref()) {
                        missing.push(gap(gaps::INTEREST_MISSING, Some(a), Some(p.text.clone())));
                    }
                }
            }
        }
        // Art. 13(1)(e): the recipients or categories of recipients.
        "13(1)(e)" => each(&mut missing, gaps::RECIPIENTS_MISSING, &|a| a.activity.recipients.is_empty()),
        // Art. 13(1)(f): a transfer to a third country and its safeguard.
        "13(1)(f)" => {
            applicable = activities.iter().any(|a| !a.activity.transfers.is_empty());
            for a in activities {
                for t in &a.activity.transfers {
                    if !safeguarded(&t.country, t.safeguard) {
                        missing.push(gap(gaps::SAFEGUARD_MISSING, Some(a), Some(t.country.clone())));
                    }
                }
            }
        }
        // Art. 13(2)(a): the period the data are stored, or how it is set.
        "13(2)(a)" => each(&mut missing, gaps::RETENTION_MISSING, &|a| blank(a.activity.retention.as_ref())),
        // Art. 13(2)(b): the rights, addressed to the controller's contact.
        "13(2)(b)" if profile.contact_email.trim().is_empty() => {
            missing.push(gap(gaps::CONTROLLER_MISSING, None, None));
        }
        // Art. 13(2)(c): withdrawing consent, where consent is the basis.
        "13(2)(c)" => {
            applicable =
                activities.iter().any(|a| a.activity.purposes.iter().any(|p| p.legal_basis == LegalBasis::Consent));
        }
        // Art. 13(2)(d): the complaint to the AP is the same for everyone (art. 77).
        "13(2)(d)" => {}
        // Art. 13(2)(e): a statutory requirement needs the law that sets it.
        "13(2)(e)" => {
            no_activities(&mut missing);
            for a in activities {
                for p in &a.activity.purposes {
                    if p.legal_basis == LegalBasis::LegalObligation && blank(p.legal_source.as_ref()) {
                        missing.push(gap(gaps::LAW_MISSING, Some(a), Some(p.text.clone())));
                    }
                }
            }
        }
        // Art. 13(2)(f): automated decisions; an empty field in the register says there are none.
        "13(2)(f)" => {
            applicable = activities.iter().any(|a| !blank(a.activity.automated_decisions.as_ref()));
        }
        // Art. 14(1)(d): the categories of personal data.
        "14(1)(d)" => each(&mut missing, gaps::DATA_MISSING, &|a| a.activity.all_data_categories().is_empty()),
        // Art. 14(2)(f): the source, where an activity names one.
        "14(2)(f)" => {
            applicable = activities.iter().any(|a| !blank(a.activity.source.as_ref()));
        }
        _ => {}
    }
    (applicable, missing)
}

/// Per item of [`ITEMS`]: its section, whether it applies to this audience,
/// whether the register supplies it and what is missing. `profile` is the
/// board's profile the statement shows; `activities` are those of the
/// audience ([`activities_for`]).
#[must_use]
pub fn coverage(profile: &BoardProfile, activities: &[&RegisteredActivity]) -> Vec<Coverage> {
    ITEMS
        .iter()
        .map(|item| {
            let (applicable, missing) = check(item.same_as.unwrap_or(item.code), profile, activities);
            Coverage { item: item.code, section: item.section, applicable, satisfied: missing.is_empty(), missing }
        })
        .collect()
}

/// Whether providing the data for a purpose on this basis is required, and
/// what happens if not (art. 13(2)(e)): a legal obligation is required by law;
/// a contract needs the data to be concluded or carried out; consent is never
/// required; a public task (education, art. 8 WPO) needs the data to teach the
/// child. Returns the catalogue key of the plain-language sentence.
#[must_use]
pub const fn obligation_key(basis: LegalBasis) -> &'static str {
    match basis {
        LegalBasis::LegalObligation => "privacy_statement.obligation.legal_obligation",
        LegalBasis::Contract => "privacy_statement.obligation.contract",
        LegalBasis::Consent => "privacy_statement.obligation.consent",
        LegalBasis::PublicTask => "privacy_statement.obligation.public_task",
        LegalBasis::VitalInterests => "privacy_statement.obligation.vital_interests",
        LegalBasis::LegitimateInterests => "privacy_statement.obligation.legitimate_interests",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::register::{Activity, Dpo, Purpose, Recipient, RecipientKind, Transfer};

    fn profile() -> BoardProfile {
        BoardProfile {
            name: "Stichting Kerobei".into(),
            address: "Schoolstraat 1, Heerlen".into(),
            kvk: None,
            contact_email: "info@kerobei.nl".into(),
            dpo: Dpo { name: "Fenna Visser".into(), email: "fg@kerobei.nl".into(), phone: None },
        }
    }

    fn activity(id: &str, subjects: Vec<SubjectCategory>) -> RegisteredActivity {
        RegisteredActivity {
            id: id.into(),
            school_id: None,
            activity: Activity {
                name: format!("Activiteit {id}"),
                description: None,
                purposes: vec![Purpose {
                    text: "Onderwijs geven".into(),
                    legal_basis: LegalBasis::PublicTask,
                    legal_source: Some("art. 8 WPO".into()),
                    consent_purpose: None,
                    balancing_test: None,
                }],
                subject_categories: subjects,
                data_categories: vec![crate::register::DataCategory::Identification],
                special_categories: Vec::new(),
                recipients: vec![Recipient {
                    name: "Leerkrachten".into(),
                    kind: RecipientKind::Internal,
                    supplier_id: None,
                }],
                transfers: Vec::new(),
                retention: Some("2 jaar".into()),
                security_measures: None,
                system_ids: Vec::new(),
                classification: None,
                owner: None,
                source: None,
                automated_decisions: None,
                status: ActivityStatus::Adopted,
                review_date: None,
            },
        }
    }

    fn of<'a>(coverage: &'a [Coverage], item: &str) -> &'a Coverage {
        coverage.iter().find(|c| c.item == item).unwrap()
    }

    #[test]
    fn every_article_13_item_is_covered_by_a_section() {
        for code in ARTICLE_13_ITEMS {
            assert!(ITEMS.iter().any(|i| i.code == *code), "{code}");
        }
        for letter in 'a'..='l' {
            let code = format!("001-15({letter})");
            let item = ITEMS.iter().find(|i| i.code == code).unwrap();
            let same = ITEMS.iter().find(|i| Some(i.code) == item.same_as).unwrap();
            assert_eq!(item.section, same.section, "{code}");
        }
    }

    #[test]
    fn a_complete_register_satisfies_every_item() {
        let a = activity("1", vec![SubjectCategory::Pupils]);
        let coverage = coverage(&profile(), &[&a]);
        assert_eq!(coverage.len(), ITEMS.len());
        assert!(coverage.iter().all(|c| c.satisfied), "{coverage:?}");
        assert!(!of(&coverage, "13(1)(f)").applicable, "no transfers: not applicable");
    }

    #[test]
    fn a_missing_retention_fails_13_2_a_and_its_seed_item_naming_the_activity() {
        let mut a = activity("1", vec![SubjectCategory::Pupils]);
        a.activity.retention = Some("  ".into());
        let coverage = coverage(&profile(), &[&a]);
        for item in ["13(2)(a)", "001-15(g)"] {
            let c = of(&coverage, item);
            assert!(!c.satisfied);
            assert_eq!(c.missing[0].code, gaps::RETENTION_MISSING);
            assert_eq!(c.missing[0].activity_id.as_deref(), Some("1"));
        }
        assert!(of(&coverage, "13(1)(a)").satisfied);
    }

    #[test]
    fn the_fg_comes_from_the_profile() {
        let a = activity("1", vec![SubjectCategory::Pupils]);
        let mut p = profile();
        p.dpo.email = String::new();
        let coverage = coverage(&p, &[&a]);
        assert!(!of(&coverage, "13(1)(b)").satisfied);
        assert_eq!(of(&coverage, "13(1)(b)").missing[0].activity_id, None);
    }

    #[test]
    fn transfers_need_a_valid_safeguard() {
        let mut a = activity("1", vec![SubjectCategory::Pupils]);
        a.activity.transfers = vec![
            Transfer { country: "US".into(), safeguard: Some(Safeguard::Sccs), recipient: None },
            Transfer { country: "CN".into(), safeguard: Some(Safeguard::Adequacy), recipient: None },
            Transfer { country: "IN".into(), safeguard: None, recipient: None },
        ];
        let coverage = coverage(&profile(), &[&a]);
        let c = of(&coverage, "13(1)(f)");
        assert!(c.applicable && !c.satisfied);
        let about: Vec<_> = c.missing.iter().filter_map(|g| g.about.as_deref()).collect();
        assert_eq!(about, ["CN", "IN"]);
    }

    #[test]
    fn legitimate_interests_need_the_interest_and_legal_obligations_the_law() {
        let mut a = activity("1", vec![SubjectCategory::Pupils]);
        a.activity.purposes.push(Purpose {
            text: "Reünie".into(),
            legal_basis: LegalBasis::LegitimateInterests,
            legal_source: None,
            consent_purpose: None,
            balancing_test: None,
        });
        a.activity.purposes.push(Purpose {
            text: "Bekostiging".into(),
            legal_basis: LegalBasis::LegalObligation,
            legal_source: None,
            consent_purpose: None,
            balancing_test: None,
        });
        let coverage = coverage(&profile(), &[&a]);
        assert!(!of(&coverage, "13(1)(d)").satisfied);
        assert!(!of(&coverage, "13(2)(e)").satisfied);
        assert_eq!(of(&coverage, "13(2)(e)").missing[0].about.as_deref(), Some("Bekostiging"));
    }

    #[test]
    fn an_audience_without_activities_misses_its_purposes() {
        let coverage = coverage(&profile(), &[]);
        assert_eq!(of(&coverage, "13(1)(c)").missing[0].code, gaps::NO_ACTIVITIES);
    }

    #[test]
    fn parents_read_their_childs_activities_and_staff_only_their_own() {
        let register = Register {
            profile: profile(),
            activities: vec![
                activity("pupils", vec![SubjectCategory::Pupils]),
                activity("parents", vec![SubjectCategory::Parents]),
                activity("staff", vec![SubjectCategory::Staff]),
                RegisteredActivity {
                    activity: Activity {
                        status: ActivityStatus::Retired,
                        ..activity("old", vec![SubjectCategory::Pupils]).activity
                    },
                    ..activity("old", vec![])
                },
            ],
            systems: Vec::new(),
        };
        let ids = |audience| activities_for(&register, audience).iter().map(|a| a.id.as_str()).collect::<Vec<_>>();
        assert_eq!(ids(Audience::Parents), ["pupils", "parents"]);
        assert_eq!(ids(Audience::Pupils), ["pupils"]);
        assert_eq!(ids(Audience::Staff), ["staff"]);
        assert!(ids(Audience::Applicants).is_empty());
    }
}
