//! DPIA screening: must a data protection impact assessment
//! (gegevensbeschermingseffectbeoordeling) be carried out before a processing
//! starts (AVG art. 35)? The school answers who, which data, how many people
//! and which techniques ([`ScreeningFacts`]); [`screen`] answers `required` or
//! `not_required` with every reason, each naming the list item, case or
//! criterion it rests on ([`Source`]). The rules return codes; the Dutch texts
//! live in the app's catalogue under the same keys (`locales/nl/dpia.ftl`).
//!
//! # The law and how it is read
//!
//! A DPIA is **required** when any of these holds:
//!
//! 1. The processing is on the AP's list of processing for which a DPIA is
//!    mandatory (AVG art. 35 lid 4; Besluit inzake lijst van verwerkingen van
//!    persoonsgegevens waarvoor een gegevensbeschermingseffectbeoordeling
//!    (DPIA) verplicht is, Autoriteit Persoonsgegevens, Staatscourant 2019
//!    nr. 64418, 27 November 2019): the 17 kinds of [`AP_LIST`].
//! 2. One of the three cases of AVG art. 35 lid 3 (a, b, c) of [`ART35_3`].
//! 3. Two or more of the nine criteria of the WP29 Guidelines on DPIA
//!    (WP248 rev.01, 4 October 2017, endorsed by the EDPB on 25 May 2018,
//!    §III.B.a) apply ([`WP248`]): "in most cases, a data controller can
//!    consider that a processing meeting two criteria would require a DPIA".
//! 4. The board's own privacy regulation asks for one: seed 002 §3.5.1 (fourth
//!    bullet) makes a DPIA mandatory "bij inzet van AI-toepassingen,
//!    monitoringtools of nieuwe analytics" — here the technique
//!    [`Technique::NewTechnology`]; its first three bullets restate art. 35(3).
//!
//! Otherwise it is **not required**, and the reasons say which criteria did and
//! did not apply: WP248 §III.B.a asks the controller to document why no DPIA
//! is carried out where criteria are met, and to revisit it (seed 002 §3.5.2:
//! at least every three years, or on significant change).
//!
//! # Large scale
//!
//! Neither the AVG nor WP248 gives a number. WP248 (criterion 5) and WP243
//! (guidelines on DPOs, §2.1.3) name the factors: the number of people
//! concerned, as a number or as a share of the relevant population; the volume
//! of data; the duration; the geographical extent. Recital 91 says one doctor's
//! patients are not large scale; for the DPO duty in health care the AP has
//! named practices with more than 10,000 patients. For a school board we take
//! [`LARGE_SCALE_SUBJECTS`] = 1,000 people: more than one school's pupils (an
//! average Dutch primary school has about 225), about the pupils of a board of
//! four or more schools, so "all pupils of the board" is large scale and "one
//! class" or "one school's staff" is not. An explicit `large_scale` answer
//! wins over the count: a board that regards one school as large scale, as
//! seed 002 §3.5.2 does for its pupils' special data, answers `true`.
//! Without either the processing is not treated as large scale and a reason
//! asks for the number.
//!
//! # Sensitive data (WP248 criterion 4)
//!
//! Criterion 4 covers the special categories (art. 9: health, biometric,
//! religion, ethnicity), criminal data (art. 10) and "data of a highly
//! personal nature": WP248 names electronic communications, location data and
//! financial data, and data about household and private activities. We add
//! `special_needs` (support needs and guidance of a pupil: often health or
//! family circumstances behind it) and `behaviour` (incident and behaviour
//! notes in the pupil file: highly personal and stigmatising). The BSN
//! (`bsn`) is not counted: WP248 does not name national identifiers under
//! criterion 4; its use is restricted by law (AVG art. 87, UAVG art. 46),
//! which is a rule on when it may be used, not a sign that it reveals
//! something personal. Performance and progress data are not counted either:
//! their risk is in the evaluation (criterion 1, AP list item 15).

use crate::register::{DataCategory, SubjectCategory};
use serde::{Deserialize, Serialize, Serializer};

code_enum! {
    /// A technique or way of working the processing uses; each is a plain
    /// yes/no on the screening form.
    Technique, "dpia.technique_unknown" {
        /// Pupils', staff's or others' performance or behaviour is scored,
        /// ranked or predicted (a pupil-tracking system's signals, adaptive
        /// learning that evaluates the pupil).
        ScoringPerformance = "scoring_performance",
        /// A decision with legal or similarly significant effect is taken by a
        /// machine, without a person weighing it (art. 22).
        AutomatedDecision = "automated_decision",
        /// Cameras watch a publicly accessible area (entrance, schoolyard, street).
        CameraPublicArea = "camera_public_area",
        /// Staff's e-mail, internet use, whereabouts or work are monitored.
        StaffMonitoring = "staff_monitoring",
        /// People are watched or investigated without being told beforehand.
        Covert = "covert",
        /// Data sets from different purposes or controllers are matched or combined.
        CombiningDatasets = "combining_datasets",
        /// New technology or a new use of it: AI, smart devices, face recognition.
        NewTechnology = "new_technology",
        /// Sensitive data are exchanged with partners such as the municipality,
        /// youth care or the samenwerkingsverband.
        PartnershipExchange = "partnership_exchange",
        /// Fingerprints, face or voice identify people.
        BiometricIdentification = "biometric_identification",
        /// Where people are is followed (GPS, wifi, app location).
        LocationTracking = "location_tracking",
        /// Behaviour is observed in order to influence it (nudging, online tracking, marketing).
        BehaviourInfluencing = "behaviour_influencing",
        /// The outcome can refuse someone a right, a service or a contract.
        BlocksService = "blocks_service",
    }
}

/// From this many people a processing is large scale (see the module
/// documentation: WP248 criterion 5, WP243 §2.1.3, recital 91).
pub const LARGE_SCALE_SUBJECTS: u32 = 1000;

/// What the school knows about the processing. Unknown fields and unknown
/// codes are rejected by serde, naming them.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScreeningFacts {
    #[serde(default)]
    pub subjects: Vec<SubjectCategory>,
    /// How many people's data, roughly.
    #[serde(default)]
    pub subject_count: Option<u32>,
    /// An explicit answer to "is this large scale?"; wins over `subject_count`.
    #[serde(default)]
    pub large_scale: Option<bool>,
    #[serde(default)]
    pub data_categories: Vec<DataCategory>,
    #[serde(default)]
    pub techniques: Vec<Technique>,
}

/// How "large scale" was decided.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scale {
    /// `large_scale` was answered.
    Explicit(bool),
    /// From `subject_count` against [`LARGE_SCALE_SUBJECTS`].
    Counted(u32),
    /// Neither was given: treated as not large scale.
    Unknown,
}

impl Scale {
    #[must_use]
    pub const fn is_large(self) -> bool {
        match self {
            Self::Explicit(large) => large,
            Self::Counted(count) => count >= LARGE_SCALE_SUBJECTS,
            Self::Unknown => false,
        }
    }
}

impl ScreeningFacts {
    #[must_use]
    pub fn scale(&self) -> Scale {
        match (self.large_scale, self.subject_count) {
            (Some(explicit), _) => Scale::Explicit(explicit),
            (None, Some(count)) => Scale::Counted(count),
            (None, None) => Scale::Unknown,
        }
    }

    fn large(&self) -> bool {
        self.scale().is_large()
    }

    fn has(&self, data: DataCategory) -> bool {
        self.data_categories.contains(&data)
    }

    fn uses(&self, technique: Technique) -> bool {
        self.techniques.contains(&technique)
    }

    fn concerns(&self, subject: SubjectCategory) -> bool {
        self.subjects.contains(&subject)
    }

    /// Special categories (art. 9) or criminal data (art. 10).
    fn special(&self) -> bool {
        self.data_categories.iter().any(|d| d.is_special())
    }

    /// Sensitive or highly personal data (WP248 criterion 4; see the module documentation).
    fn sensitive(&self) -> bool {
        self.data_categories.iter().any(|d| is_sensitive(*d))
    }
}

/// Sensitive or of a highly personal nature in the sense of WP248 criterion 4.
#[must_use]
pub const fn is_sensitive(data: DataCategory) -> bool {
    data.is_special()
        || matches!(
            data,
            DataCategory::SpecialNeeds
                | DataCategory::Financial
                | DataCategory::Location
                | DataCategory::Communications
                | DataCategory::Behaviour
        )
}

/// What a reason rests on; serialised as `ap_list_7`, `art35_3_c`, `wp248_7`…
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Source {
    /// An item (1–17) of the AP's list (Stcrt. 2019, 64418).
    ApList(u8),
    /// The AP's list as a whole (no item applies).
    ApListWhole,
    /// A case (`a`, `b`, `c`) of AVG art. 35 lid 3.
    Art35(char),
    /// Art. 35 lid 3 as a whole (no case applies).
    Art35Whole,
    /// A criterion (1–9) of WP248 rev.01.
    Wp248(u8),
    /// WP248's rule of thumb: two or more criteria.
    Wp248Count,
    /// The board's privacy regulation, seed 002 §3.5.1.
    Regulation,
}

impl Source {
    /// The stable code of the source.
    #[must_use]
    pub fn code(self) -> String {
        match self {
            Self::ApList(n) => format!("ap_list_{n}"),
            Self::ApListWhole => "ap_list".to_owned(),
            Self::Art35(letter) => format!("art35_3_{letter}"),
            Self::Art35Whole => "art35_3".to_owned(),
            Self::Wp248(n) => format!("wp248_{n}"),
            Self::Wp248Count => "wp248".to_owned(),
            Self::Regulation => "regulation_3_5".to_owned(),
        }
    }
}

impl Serialize for Source {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.code())
    }
}

/// One reason of the outcome: a stable code (also the key of its Dutch text
/// in the catalogue), what it rests on, and whether it applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Reason {
    pub code: &'static str,
    pub source: Source,
    pub applies: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    Required,
    NotRequired,
}

impl Outcome {
    #[must_use]
    pub const fn code(self) -> &'static str {
        match self {
            Self::Required => "required",
            Self::NotRequired => "not_required",
        }
    }
}

/// The answer: the outcome and every reason, in the order list, art. 35(3),
/// the board's regulation, the nine WP248 criteria, WP248's count.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Screening {
    pub outcome: Outcome,
    pub reasons: Vec<Reason>,
}

impl Screening {
    /// Whether a reason with `source` applies.
    #[must_use]
    pub fn applies(&self, source: Source) -> bool {
        self.reasons.iter().any(|r| r.applies && r.source == source)
    }
}

/// One line of a table below: its number (or letter), code, and what triggers
/// it from the facts (`None`: the screening asks nothing that shows it).
pub struct Rule {
    pub number: u8,
    pub code: &'static str,
    pub trigger: Option<fn(&ScreeningFacts) -> bool>,
}

use DataCategory as D;
use Technique as T;

/// The AP's list of processing for which a DPIA is mandatory (AVG art. 35
/// lid 4; Stcrt. 2019, 64418). Number, short name, what triggers it here.
///
/// | #  | Item (Dutch name)                          | Triggered by |
/// |----|--------------------------------------------|--------------|
/// | 1  | Heimelijk onderzoek (covert investigation) | `covert` |
/// | 2  | Zwarte lijsten (black lists: criminal data, unlawful or nuisance behaviour, shared with third parties) | data `criminal` or `behaviour` with `blocks_service` or `partnership_exchange` |
/// | 3  | Fraudebestrijding (fraud control)          | — (a purpose the screening does not ask; named in the reason when nothing applies) |
/// | 4  | Creditscores                               | data `financial` with `scoring_performance` |
/// | 5  | Financiële situatie (large-scale financial data showing income, wealth or spending) | data `financial` at large scale |
/// | 6  | Genetische persoonsgegevens                | — (no genetic category in seed 002 §4.1.2; named when nothing applies) |
/// | 7  | Gezondheidsgegevens (large-scale health data, e.g. the support and care files of a board's pupils) | data `health` at large scale |
/// | 8  | Samenwerkingsverbanden (partnerships exchanging special or sensitive data) | `partnership_exchange` with sensitive data (criterion 4) |
/// | 9  | Cameratoezicht (large-scale and/or systematic monitoring of publicly accessible areas) | `camera_public_area` |
/// | 10 | Flexibel cameratoezicht (body cams, drones, cameras on the move) | `camera_public_area` with `location_tracking` |
/// | 11 | Controle werknemers (monitoring of employees) | `staff_monitoring` |
/// | 12 | Locatiegegevens (large-scale and/or systematic location data) | `location_tracking`, or data `location` at large scale |
/// | 13 | Communicatiegegevens (communication data, metadata included) | data `communications` at large scale or with `staff_monitoring` or `covert` |
/// | 14 | Internet of things                          | — (no question for connected devices; `new_technology` covers the risk; named when nothing applies) |
/// | 15 | Profilering (large-scale and/or systematic evaluation of personal aspects, e.g. pupils' performance) | `scoring_performance` |
/// | 16 | Observatie en beïnvloeding van gedrag      | `behaviour_influencing` |
/// | 17 | Biometrische gegevens (for identification) | `biometric_identification`, or data `biometric` |
pub const AP_LIST: [Rule; 17] = [
    Rule { number: 1, code: "dpia.ap.covert_investigation", trigger: Some(|f| f.uses(T::Covert)) },
    Rule {
        number: 2,
        code: "dpia.ap.blacklists",
        trigger: Some(|f| {
            (f.has(D::Criminal) || f.has(D::Behaviour)) && (f.uses(T::BlocksService) || f.uses(T::PartnershipExchange))
        }),
    },
    Rule { number: 3, code: "dpia.ap.fraud_control", trigger: None },
    Rule {
        number: 4,
        code: "dpia.ap.credit_scores",
        trigger: Some(|f| f.has(D::Financial) && f.uses(T::ScoringPerformance)),
    },
    Rule { number: 5, code: "dpia.ap.financial_situation", trigger: Some(|f| f.has(D::Financial) && f.large()) },
    Rule { number: 6, code: "dpia.ap.genetic_data", trigger: None },
    Rule { number: 7, code: "dpia.ap.health_data", trigger: Some(|f| f.has(D::Health) && f.large()) },
    Rule {
        number: 8,
        code: "dpia.ap.partnerships",
        trigger: Some(|f| f.uses(T::PartnershipExchange) && f.sensitive()),
    },
    Rule { number: 9, code: "dpia.ap.camera_surveillance", trigger: Some(|f| f.uses(T::CameraPublicArea)) },
    Rule {
        number: 10,
        code: "dpia.ap.flexible_cameras",
        trigger: Some(|f| f.uses(T::CameraPublicArea) && f.uses(T::LocationTracking)),
    },
    Rule { number: 11, code: "dpia.ap.employee_monitoring", trigger: Some(|f| f.uses(T::StaffMonitoring)) },
    Rule {
        number: 12,
        code: "dpia.ap.location_data",
        trigger: Some(|f| f.uses(T::LocationTracking) || (f.has(D::Location) && f.large())),
    },
    Rule {
        number: 13,
        code: "dpia.ap.communication_data",
        trigger: Some(|f| f.has(D::Communications) && (f.large() || f.uses(T::StaffMonitoring) || f.uses(T::Covert))),
    },
    Rule { number: 14, code: "dpia.ap.internet_of_things", trigger: None },
    Rule { number: 15, code: "dpia.ap.profiling", trigger: Some(|f| f.uses(T::ScoringPerformance)) },
    Rule { number: 16, code: "dpia.ap.behaviour_observation", trigger: Some(|f| f.uses(T::BehaviourInfluencing)) },
    Rule {
        number: 17,
        code: "dpia.ap.biometric_data",
        trigger: Some(|f| f.uses(T::BiometricIdentification) || f.has(D::Biometric)),
    },
];

/// The cases of AVG art. 35 lid 3 (number 1, 2, 3 = letters a, b, c).
///
/// | Case | Text | Triggered by |
/// |------|------|--------------|
/// | a | systematic and extensive evaluation based on automated processing, incl. profiling, with decisions that have legal or similarly significant effects | `scoring_performance` with `automated_decision` |
/// | b | large-scale processing of special categories (art. 9) or criminal data (art. 10) | data `health`, `biometric`, `religion`, `ethnicity` or `criminal` at large scale |
/// | c | systematic monitoring of a publicly accessible area on a large scale | `camera_public_area` at large scale |
pub const ART35_3: [Rule; 3] = [
    Rule {
        number: 1,
        code: "dpia.art35.evaluation_with_decisions",
        trigger: Some(|f| f.uses(T::ScoringPerformance) && f.uses(T::AutomatedDecision)),
    },
    Rule { number: 2, code: "dpia.art35.large_scale_special", trigger: Some(|f| f.special() && f.large()) },
    Rule {
        number: 3,
        code: "dpia.art35.public_monitoring",
        trigger: Some(|f| f.uses(T::CameraPublicArea) && f.large()),
    },
];

/// The nine criteria of WP248 rev.01 §III.B.a.
///
/// | # | Criterion | Triggered by |
/// |---|-----------|--------------|
/// | 1 | Evaluation or scoring, incl. profiling and predicting | `scoring_performance` or `behaviour_influencing` |
/// | 2 | Automated decision-making with legal or similar significant effect | `automated_decision` |
/// | 3 | Systematic monitoring (incl. of publicly accessible areas, and where people may not be aware) | `camera_public_area`, `staff_monitoring`, `location_tracking` or `covert` |
/// | 4 | Sensitive data or data of a highly personal nature | data `health`, `biometric`, `religion`, `ethnicity`, `criminal`, `special_needs`, `financial`, `location`, `communications` or `behaviour` (not `bsn`: module documentation) |
/// | 5 | Data processed on a large scale | `large_scale`, else `subject_count` ≥ [`LARGE_SCALE_SUBJECTS`] |
/// | 6 | Matching or combining datasets | `combining_datasets` |
/// | 7 | Data concerning vulnerable data subjects: children; employees (and applicants) towards their employer | subjects `pupils`, `staff` or `applicants` |
/// | 8 | Innovative use or applying new technological or organisational solutions (WP248 names fingerprint and face recognition) | `new_technology` or `biometric_identification` |
/// | 9 | Prevents data subjects from exercising a right or using a service or a contract | `blocks_service` |
pub const WP248: [Rule; 9] = [
    Rule {
        number: 1,
        code: "dpia.wp248.evaluation_scoring",
        trigger: Some(|f| f.uses(T::ScoringPerformance) || f.uses(T::BehaviourInfluencing)),
    },
    Rule { number: 2, code: "dpia.wp248.automated_decision", trigger: Some(|f| f.uses(T::AutomatedDecision)) },
    Rule {
        number: 3,
        code: "dpia.wp248.systematic_monitoring",
        trigger: Some(|f| {
            [T::CameraPublicArea, T::StaffMonitoring, T::LocationTracking, T::Covert].iter().any(|t| f.uses(*t))
        }),
    },
    Rule { number: 4, code: "dpia.wp248.sensitive_data", trigger: Some(ScreeningFacts::sensitive) },
    Rule { number: 5, code: "dpia.wp248.large_scale", trigger: Some(ScreeningFacts::large) },
    Rule { number: 6, code: "dpia.wp248.combining_datasets", trigger: Some(|f| f.uses(T::CombiningDatasets)) },
    Rule {
        number: 7,
        code: "dpia.wp248.vulnerable_subjects",
        trigger: Some(|f| {
            [SubjectCategory::Pupils, SubjectCategory::Staff, SubjectCategory::Applicants]
                .iter()
                .any(|s| f.concerns(*s))
        }),
    },
    Rule {
        number: 8,
        code: "dpia.wp248.new_technology",
        trigger: Some(|f| f.uses(T::NewTechnology) || f.uses(T::BiometricIdentification)),
    },
    Rule { number: 9, code: "dpia.wp248.blocks_service", trigger: Some(|f| f.uses(T::BlocksService)) },
];

/// From this many WP248 criteria a DPIA is required (WP248 §III.B.a).
pub const WP248_THRESHOLD: usize = 2;

fn triggered(rule: &Rule, facts: &ScreeningFacts) -> bool {
    rule.trigger.is_some_and(|trigger| trigger(facts))
}

/// The code of a WP248 criterion that does not apply, and of criterion 5's
/// variants: the reason text says why (`.absent`, or for the scale
/// `.counted`, `.explicit_no`, `.below`, `.unknown`).
fn wp248_code(rule: &Rule, applies: bool, scale: Scale) -> &'static str {
    match (rule.number, applies, scale) {
        (5, true, Scale::Explicit(_)) => rule.code,
        (5, true, _) => "dpia.wp248.large_scale.counted",
        (5, false, Scale::Explicit(_)) => "dpia.wp248.large_scale.explicit_no",
        (5, false, Scale::Counted(_)) => "dpia.wp248.large_scale.below",
        (5, false, Scale::Unknown) => "dpia.wp248.large_scale.unknown",
        (_, true, _) => rule.code,
        (1, false, _) => "dpia.wp248.evaluation_scoring.absent",
        (2, false, _) => "dpia.wp248.automated_decision.absent",
        (3, false, _) => "dpia.wp248.systematic_monitoring.absent",
        (4, false, _) => "dpia.wp248.sensitive_data.absent",
        (6, false, _) => "dpia.wp248.combining_datasets.absent",
        (7, false, _) => "dpia.wp248.vulnerable_subjects.absent",
        (8, false, _) => "dpia.wp248.new_technology.absent",
        (_, false, _) => "dpia.wp248.blocks_service.absent",
    }
}

/// Screens a processing: required or not, with every reason (see the module
/// documentation for the law and [`AP_LIST`], [`ART35_3`], [`WP248`] for the
/// triggers).
#[must_use]
pub fn screen(facts: &ScreeningFacts) -> Screening {
    let mut reasons = Vec::new();

    let listed: Vec<Reason> = AP_LIST
        .iter()
        .filter(|rule| triggered(rule, facts))
        .map(|rule| Reason { code: rule.code, source: Source::ApList(rule.number), applies: true })
        .collect();
    if listed.is_empty() {
        reasons.push(Reason { code: "dpia.ap.none", source: Source::ApListWhole, applies: false });
    }
    let on_list = !listed.is_empty();
    reasons.extend(listed);

    let cases: Vec<Reason> = ART35_3
        .iter()
        .zip(['a', 'b', 'c'])
        .filter(|(rule, _)| triggered(rule, facts))
        .map(|(rule, letter)| Reason { code: rule.code, source: Source::Art35(letter), applies: true })
        .collect();
    if cases.is_empty() {
        reasons.push(Reason { code: "dpia.art35.none", source: Source::Art35Whole, applies: false });
    }
    let in_art35 = !cases.is_empty();
    reasons.extend(cases);

    // Seed 002 §3.5.1, fourth bullet: AI, monitoring tools, new analytics.
    let by_regulation = facts.uses(T::NewTechnology);
    if by_regulation {
        reasons.push(Reason { code: "dpia.regulation.new_technology", source: Source::Regulation, applies: true });
    }

    let scale = facts.scale();
    let mut criteria = 0;
    for rule in &WP248 {
        let applies = triggered(rule, facts);
        criteria += usize::from(applies);
        reasons.push(Reason { code: wp248_code(rule, applies, scale), source: Source::Wp248(rule.number), applies });
    }
    let by_criteria = criteria >= WP248_THRESHOLD;
    let count_code = match criteria {
        0 => "dpia.wp248.count.none",
        1 => "dpia.wp248.count.one",
        _ => "dpia.wp248.count.two_or_more",
    };
    reasons.push(Reason { code: count_code, source: Source::Wp248Count, applies: by_criteria });

    let outcome =
        if on_list || in_art35 || by_regulation || by_criteria { Outcome::Required } else { Outcome::NotRequired };
    Screening { outcome, reasons }
}

/// Every reason code [`screen`] can give, for the catalogue test.
#[must_use]
pub fn reason_codes() -> Vec<&'static str> {
    let mut codes: Vec<&'static str> = AP_LIST.iter().chain(&ART35_3).map(|r| r.code).collect();
    codes.extend([
        "dpia.ap.none",
        "dpia.art35.none",
        "dpia.regulation.new_technology",
        "dpia.wp248.count.none",
        "dpia.wp248.count.one",
        "dpia.wp248.count.two_or_more",
    ]);
    for rule in &WP248 {
        for applies in [true, false] {
            for scale in [Scale::Explicit(true), Scale::Counted(1), Scale::Unknown] {
                codes.push(wp248_code(rule, applies, scale));
            }
        }
    }
    codes.sort_unstable();
    codes.dedup();
    codes
}

pub mod record;

#[cfg(test)]
mod tests;
