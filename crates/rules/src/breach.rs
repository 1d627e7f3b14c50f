//! Personal-data breach assessment: is an incident a data breach (datalek), how
//! severe is it, and must the school notify the Autoriteit Persoonsgegevens (AP)
//! and the parents?
//!
//! The director answers the Dutch questions of [`QUESTIONS`]; the answers are
//! the [`BreachFacts`]; [`assess`] turns them into an [`Assessment`] whose every
//! reason names the rule that produced it.
//!
//! Sources:
//! - Severity: ENISA, *Recommendations for a methodology of the assessment of
//!   severity of personal data breaches*, working document v1.0, December 2013:
//!   `SE = DPC × EI + CB` (data-processing context × ease of identification +
//!   circumstances of the breach), bands low < 2 ≤ medium < 3 ≤ high < 4 ≤ very high.
//! - Risk criteria: EDPB Guidelines 9/2022 on personal data breach notification
//!   under GDPR, §IV.B (type of breach; nature, sensitivity and volume of data;
//!   ease of identification; severity of consequences; special characteristics
//!   of the individuals, children being vulnerable; number of individuals), and
//!   the worked cases of EDPB Guidelines 01/2021 on examples regarding personal
//!   data breach notification.
//! - Duties: AVG (GDPR) art. 33 and 34; seed 001 §10 (datalekken, meldplicht)
//!   and §14.16 (beslisboom datalek); seed 002 §8.4.
//!
//! Scores are counted in quarters (ENISA's smallest step is 0.25), so every
//! comparison with a band boundary is exact.

use crate::calendar::dutch_time_zone;
use jiff::civil::Weekday;
use jiff::{SignedDuration, Timestamp, Zoned};
use serde::{Deserialize, Serialize, Serializer};
use std::fmt;

const ENISA: &str =
    "ENISA, Recommendations for a methodology of the assessment of severity of personal data breaches, 2013";
const EDPB_NOTIFICATION: &str = "EDPB, Guidelines 9/2022 on personal data breach notification under GDPR";
const EDPB_EXAMPLES: &str = "EDPB, Guidelines 01/2021 on Examples regarding Personal Data Breach Notification";

/// From this many data subjects whose data reached others, a breach counts as
/// large (EDPB Guidelines 9/2022 §IV.B, "number of affected individuals": the
/// more people, the greater the impact). 100 is four classes' worth of pupils:
/// more than one group, a real share of a school.
pub const LARGE_SCALE: u64 = 100;

/// From this many hours, a temporary unavailability counts as long: at least a
/// school day without, for instance, allergy lists and emergency contacts
/// (EDPB Guidelines 9/2022, annex B: records unavailable for 30 hours were
/// notifiable; a few minutes were not).
pub const LONG_OUTAGE_HOURS: f64 = 24.0;

/// Hours between awareness and the deadline of the notification to the AP (AVG art. 33 lid 1).
pub const AUTHORITY_HOURS: i64 = 72;

macro_rules! fact_enum {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident = $code:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(rename_all = "snake_case")]
        pub enum $name { $($(#[$vmeta])* $variant),+ }

        impl $name {
            pub const ALL: &'static [Self] = &[$(Self::$variant),+];

            /// The stable code used in the API, the CLI and [`QUESTIONS`].
            #[must_use]
            pub const fn code(self) -> &'static str {
                match self { $(Self::$variant => $code),+ }
            }
        }
    };
}

fact_enum! {
    /// Who could see or obtain the data: the loss of confidentiality (ENISA,
    /// circumstances of the breach; EDPB Guidelines 9/2022 §I.B.2 "confidentiality breach").
    Confidentiality {
        /// Nobody without authorisation saw or obtained the data.
        None = "none",
        /// One or more known recipients (another parent, another school).
        KnownRecipient = "known_recipient",
        /// Unknown recipients: lost, stolen, hacked.
        UnknownRecipient = "unknown_recipient",
        /// Published: internet, social media, a public app.
        Public = "public",
    }
}

fact_enum! {
    /// Whether data were altered (EDPB Guidelines 9/2022 §I.B.2 "integrity breach").
    Integrity {
        None = "none",
        AlteredRecoverable = "altered_recoverable",
        AlteredUnrecoverable = "altered_unrecoverable",
    }
}

fact_enum! {
    /// Whether data were lost or unreachable (EDPB Guidelines 9/2022 §I.B.2 "availability breach").
    Availability {
        None = "none",
        Temporary = "temporary",
        Permanent = "permanent",
    }
}

fact_enum! {
    /// Whether an attacker copied data out (EDPB Guidelines 01/2021, cases 01–04:
    /// ransomware with or without exfiltration).
    Exfiltration {
        None = "none",
        Suspected = "suspected",
        Confirmed = "confirmed",
    }
}

fact_enum! {
    /// The kinds of personal data involved; each has an ENISA base score, see
    /// [`DataCategory::base_score`].
    DataCategory {
        Contact = "contact",
        Identification = "identification",
        NationalId = "national_id",
        Education = "education",
        Behaviour = "behaviour",
        Images = "images",
        Financial = "financial",
        Credentials = "credentials",
        Health = "health",
        Special = "special",
        Criminal = "criminal",
        Location = "location",
        Communications = "communications",
    }
}

fact_enum! {
    /// ENISA's four severity levels, and `none` when there is no breach.
    Severity {
        None = "none",
        Low = "low",
        Medium = "medium",
        High = "high",
        VeryHigh = "very_high",
    }
}

fact_enum! {
    /// What replaces the individual message to the data subjects.
    SubjectsAlternative {
        None = "none",
        /// A public announcement (AVG art. 34 lid 3 sub c).
        PublicAnnouncement = "public_announcement",
    }
}

impl DataCategory {
    /// The ENISA data-processing-context base score (ENISA 2013, DPC and annex
    /// A: simple data 1, behavioural data 2, financial data 3, sensitive data 4).
    /// The choices for a school:
    /// - contact, identification, images: simple data (1). ENISA names contact
    ///   and biographical data as simple; photos are no biometric data unless
    ///   processed for unique identification (AVG recital 51).
    /// - education: 2, not ENISA's 1 for "education", because seed 001 §10.5
    ///   names school performance as privacy-sensitive: grades and reports
    ///   profile a child's development as behavioural data profile a person.
    /// - behaviour, location, communications: behavioural data (2), ENISA's own
    ///   examples (habits, location, traffic and communication data).
    /// - credentials: 2. ENISA scores credentials by what they open; a pupil
    ///   account opens learning materials and mail. Accounts that open more
    ///   should also tick the categories behind them.
    /// - financial: financial data (3): parental contribution, bank accounts,
    ///   salary, debts (seed 001 §10.5).
    /// - health, special, criminal: sensitive data (4): AVG art. 9 and 10;
    ///   a lost care file is serious (seed 001 §10.4).
    /// - national_id: 4. The BSN is specially protected (AVG art. 87, UAVG
    ///   art. 46), seed 001 §10.5 names BSN and ID copies first among sensitive
    ///   data, and identity fraud with a child's BSN surfaces only years later.
    #[must_use]
    pub const fn base_score(self) -> u32 {
        match self {
            Self::Contact | Self::Identification | Self::Images => 1,
            Self::Education | Self::Behaviour | Self::Location | Self::Communications | Self::Credentials => 2,
            Self::Financial => 3,
            Self::Health | Self::Special | Self::Criminal | Self::NationalId => 4,
        }
    }

    /// The Dutch label shown to the director.
    #[must_use]
    pub const fn label(self) -> &'static str {
        match self {
            Self::Contact => "Contactgegevens (naam, adres, telefoonnummer, e-mailadres)",
            Self::Identification => "Identificerende gegevens (naam, geboortedatum, leerlingnummer, groep)",
            Self::NationalId => "BSN of kopie van een identiteitsbewijs",
            Self::Education => "Schoolprestaties (cijfers, toetsresultaten, rapporten, onderwijskundig rapport)",
            Self::Behaviour => "Gedrag en welbevinden (gedragsnotities, incidenten, gespreksverslagen)",
            Self::Images => "Foto's of video's",
            Self::Financial => "Financiële gegevens (ouderbijdrage, rekeningnummer, salaris, schulden)",
            Self::Credentials => "Inloggegevens (gebruikersnaam en wachtwoord)",
            Self::Health => "Gezondheids- of zorggegevens (zorgdossier, handelingsplan, medicatie, allergieën)",
            Self::Special => "Andere bijzondere gegevens (godsdienst, levensovertuiging, afkomst, seksuele geaardheid)",
            Self::Criminal => "Strafrechtelijke gegevens",
            Self::Location => "Locatiegegevens (waar een leerling is of verblijft)",
            Self::Communications => "Inhoud van berichten (e-mails, chats)",
        }
    }

    const fn rule(self) -> &'static str {
        match self {
            Self::Contact => "enisa.dpc.contact",
            Self::Identification => "enisa.dpc.identification",
            Self::NationalId => "enisa.dpc.national_id",
            Self::Education => "enisa.dpc.education",
            Self::Behaviour => "enisa.dpc.behaviour",
            Self::Images => "enisa.dpc.images",
            Self::Financial => "enisa.dpc.financial",
            Self::Credentials => "enisa.dpc.credentials",
            Self::Health => "enisa.dpc.health",
            Self::Special => "enisa.dpc.special",
            Self::Criminal => "enisa.dpc.criminal",
            Self::Location => "enisa.dpc.location",
            Self::Communications => "enisa.dpc.communications",
        }
    }

    /// Why this category has its base score, in Dutch, with its source.
    const fn grounds(self) -> &'static str {
        match self {
            Self::Contact | Self::Identification => "eenvoudige gegevens (ENISA: contact- en biografische gegevens)",
            Self::Images => {
                "eenvoudige gegevens; geen biometrische gegevens zolang ze niet technisch worden verwerkt voor unieke identificatie (AVG overweging 51)"
            }
            Self::Education => {
                "ENISA rekent opleiding tot eenvoudige gegevens, maar seed 001 §10.5 noemt prestaties op school privacygevoelig; een beeld van de ontwikkeling van een kind weegt als gedragsgegevens"
            }
            Self::Behaviour => {
                "gedragsgegevens (ENISA: gewoonten en voorkeuren; seed 001 §10.5 noemt relatieproblemen)"
            }
            Self::Location | Self::Communications => "gedragsgegevens (ENISA: locatie- en communicatiegegevens)",
            Self::Credentials => {
                "ENISA scoort inloggegevens naar de gegevens waartoe ze toegang geven; een leerlingaccount opent leermiddelen en e-mail. Vink ook aan wat er achter het account zit"
            }
            Self::Financial => "financiële gegevens (ENISA; seed 001 §10.5 noemt salaris en schulden)",
            Self::Health => {
                "gevoelige gegevens (AVG art. 9); seed 001 §10.4: het kwijtraken van een zorgdossier is ernstig"
            }
            Self::Special => {
                "gevoelige gegevens (AVG art. 9; seed 001 §10.5: godsdienst, levensovertuiging, seksuele geaardheid, politieke overtuiging)"
            }
            Self::Criminal => "gevoelige gegevens (AVG art. 10; seed 001 §10.5)",
            Self::NationalId => {
                "het BSN is wettelijk extra beschermd (AVG art. 87, UAVG art. 46), seed 001 §10.5 noemt BSN en kopieën van identiteitsbewijzen, en identiteitsfraude met het BSN van een kind komt vaak pas jaren later aan het licht"
            }
        }
    }
}

const fn dpc_class(score: u32) -> &'static str {
    match score {
        0 | 1 => "eenvoudige gegevens",
        2 => "gedragsgegevens",
        3 => "financiële gegevens",
        _ => "gevoelige gegevens",
    }
}

impl Severity {
    /// The Dutch word for the level.
    #[must_use]
    pub const fn label(self) -> &'static str {
        match self {
            Self::None => "geen",
            Self::Low => "laag",
            Self::Medium => "gemiddeld",
            Self::High => "hoog",
            Self::VeryHigh => "zeer hoog",
        }
    }

    /// The ENISA band of a score (ENISA 2013, overview of the methodology):
    /// SE < 2 low, 2 ≤ SE < 3 medium, 3 ≤ SE < 4 high, SE ≥ 4 very high.
    const fn of(score: Quarters) -> Self {
        match score.0 {
            0..8 => Self::Low,
            8..12 => Self::Medium,
            12..16 => Self::High,
            _ => Self::VeryHigh,
        }
    }

    const fn raised(self) -> Self {
        match self {
            Self::None => Self::None,
            Self::Low => Self::Medium,
            Self::Medium => Self::High,
            Self::High | Self::VeryHigh => Self::VeryHigh,
        }
    }

    /// One level lower, but a breach stays at least low.
    const fn lowered(self) -> Self {
        match self {
            Self::None => Self::None,
            Self::Low | Self::Medium => Self::Low,
            Self::High => Self::Medium,
            Self::VeryHigh => Self::High,
        }
    }
}

/// The director's answers. Every field is optional: an omitted fact gets the
/// safe (worse plausible) value and a reason `[unknown.<field>]` says so.
/// Unknown fields and unknown values are rejected by serde.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "snake_case")]
pub struct BreachFacts {
    pub personal_data: Option<bool>,
    pub confidentiality: Option<Confidentiality>,
    pub integrity: Option<Integrity>,
    pub availability: Option<Availability>,
    pub unavailable_hours: Option<f64>,
    pub malicious: Option<bool>,
    pub exfiltration: Option<Exfiltration>,
    pub data_categories: Option<Vec<DataCategory>>,
    pub subjects: Option<u64>,
    pub children: Option<bool>,
    pub vulnerable: Option<bool>,
    pub encrypted: Option<bool>,
    pub key_compromised: Option<bool>,
    pub recipient_confirmed_deletion: Option<bool>,
    pub backup_restored: Option<bool>,
    pub risk_removed_by_measures: Option<bool>,
    pub individual_contact_disproportionate: Option<bool>,
    pub aware_at: Option<Timestamp>,
}

/// One step of the explanation: the rule that fired and what it concluded, in Dutch.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reason {
    pub rule: &'static str,
    pub text: String,
}

impl fmt::Display for Reason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "[{}] {}", self.rule, self.text)
    }
}

impl Serialize for Reason {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

/// The outcome of [`assess`].
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Assessment {
    pub is_breach: bool,
    pub severity: Severity,
    pub notify_authority: bool,
    /// Awareness + 72 hours in Dutch local time; `None` when there is no breach
    /// or the moment of awareness is unknown. Serialized as RFC 3339 with offset.
    #[serde(serialize_with = "serialize_deadline")]
    pub authority_deadline: Option<Zoned>,
    pub notify_subjects: bool,
    pub subjects_alternative: SubjectsAlternative,
    pub reasons: Vec<Reason>,
}

impl Assessment {
    /// The ids of the rules that fired, in order.
    pub fn rules(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.reasons.iter().map(|reason| reason.rule)
    }
}

fn serialize_deadline<S: Serializer>(deadline: &Option<Zoned>, serializer: S) -> Result<S::Ok, S::Error> {
    match deadline {
        Some(zoned) => serializer.collect_str(&rfc3339(zoned)),
        None => serializer.serialize_none(),
    }
}

/// The moment as RFC 3339 with its UTC offset and no zone name, e.g.
/// `2026-11-23T09:00:00+01:00`.
#[must_use]
pub fn rfc3339(zoned: &Zoned) -> String {
    zoned.timestamp().display_with_offset(zoned.offset()).to_string()
}

/// The deadline of the notification to the AP: 72 elapsed hours after the
/// controller became aware of the breach (AVG art. 33 lid 1; EDPB Guidelines
/// 9/2022 §II.A.2), shown in Dutch local time. Across a daylight-saving change
/// the wall-clock hour shifts, because the law counts hours, not days.
#[must_use]
pub fn authority_deadline(aware_at: Timestamp) -> Zoned {
    aware_at
        .checked_add(SignedDuration::from_hours(AUTHORITY_HOURS))
        .unwrap_or(Timestamp::MAX)
        .to_zoned(dutch_time_zone())
}

/// An ENISA score in quarters: 6 is 1.5.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Quarters(u32);

impl fmt::Display for Quarters {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let whole = self.0 / 4;
        match self.0 % 4 {
            0 => write!(f, "{whole}"),
            1 => write!(f, "{whole},25"),
            2 => write!(f, "{whole},5"),
            _ => write!(f, "{whole},75"),
        }
    }
}

/// Assesses a (possible) personal-data breach.
///
/// The decision tree (seed 001 §14.16 and §10.3; AVG art. 4 punt 12, 33, 34):
/// 1. No personal data, or nothing seen, altered or lost: no breach; register
///    the incident (seed 002 §8.4.2).
/// 2. Severity by ENISA: `SE = DPC × EI + CB`, see the rules on
///    [`DataCategory::base_score`] and in the reasons.
/// 3. EDPB criteria on top: 100 or more people whose data reached others raise
///    the level one step ([`LARGE_SCALE`]); a known recipient who confirms
///    deletion lowers it one step (EDPB Guidelines 01/2021, case 09).
/// 4. Notify the AP when the severity is medium or more: a low ENISA severity
///    ("not affected, or a few inconveniences") is the breach that is "unlikely
///    to result in a risk" (AVG art. 33 lid 1), the "klein risico" of seed 002
///    §8.4.1.
/// 5. Inform the data subjects when the severity is high or very high (AVG
///    art. 34 lid 1; seed 002 §8.4.3), unless the data were encrypted with a
///    safe key, measures removed the high risk, or individual contact is
///    disproportionate, which calls for a public announcement instead (art. 34
///    lid 3).
#[must_use]
pub fn assess(facts: &BreachFacts) -> Assessment {
    Assessor { facts, reasons: Vec::new() }.run()
}

struct Assessor<'a> {
    facts: &'a BreachFacts,
    reasons: Vec<Reason>,
}

/// The ENISA ease-of-identification factor and the facts it rests on.
struct Identification {
    factor: Quarters,
    encrypted_safely: bool,
}

impl Assessor<'_> {
    fn say(&mut self, rule: &'static str, text: impl Into<String>) {
        self.reasons.push(Reason { rule, text: text.into() });
    }

    /// The fact, or `assumed` with a reason saying the fact was unknown.
    fn or_assume<T>(&mut self, value: Option<T>, rule: &'static str, assumed: T, text: &str) -> T {
        match value {
            Some(value) => value,
            None => {
                self.say(rule, text);
                assumed
            }
        }
    }

    fn run(mut self) -> Assessment {
        let facts = self.facts;
        let personal = self.or_assume(
            facts.personal_data,
            "unknown.personal_data",
            true,
            "Onbekend of het om persoonsgegevens gaat; uitgegaan van wel.",
        );
        if !personal {
            self.say(
                "breach.no_personal_data",
                "Er zijn geen persoonsgegevens betrokken: geen datalek in de zin van de AVG (art. 4 punt 12), wel een beveiligingsincident.",
            );
            return self.no_breach();
        }
        let malicious = self.or_assume(
            facts.malicious,
            "unknown.malicious",
            true,
            "Onbekend of er kwade opzet in het spel is (diefstal, hack, phishing); uitgegaan van wel.",
        );
        let confidentiality = self.or_assume(
            facts.confidentiality,
            "unknown.confidentiality",
            Confidentiality::UnknownRecipient,
            "Onbekend wie de gegevens heeft kunnen zien; uitgegaan van onbekende ontvangers.",
        );
        let exfiltration = match facts.exfiltration {
            Some(exfiltration) => exfiltration,
            None if malicious => {
                self.say(
                    "unknown.exfiltration",
                    "Onbekend of er gegevens zijn weggesluisd; bij kwade opzet uitgegaan van een vermoeden van exfiltratie.",
                );
                Exfiltration::Suspected
            }
            None => {
                self.say(
                    "unknown.exfiltration",
                    "Onbekend of er gegevens zijn weggesluisd; zonder kwade opzet uitgegaan van geen exfiltratie.",
                );
                Exfiltration::None
            }
        };
        let exposed = self.exposure(confidentiality, exfiltration);
        let integrity = self.or_assume(
            facts.integrity,
            "unknown.integrity",
            Integrity::AlteredRecoverable,
            "Onbekend of gegevens zijn gewijzigd; uitgegaan van gewijzigd maar te herstellen.",
        );
        let availability = self.or_assume(
            facts.availability,
            "unknown.availability",
            Availability::Temporary,
            "Onbekend of gegevens (tijdelijk) onbeschikbaar zijn; uitgegaan van tijdelijk onbeschikbaar.",
        );
        if exposed == Confidentiality::None && integrity == Integrity::None && availability == Availability::None {
            self.say(
                "breach.nothing_lost",
                format!(
                    "Niemand onbevoegds heeft de gegevens gezien en er is niets gewijzigd of verloren: geen datalek, wel een beveiligingsincident (AVG art. 4 punt 12; seed 001 §10.3; {EDPB_NOTIFICATION} §I.B)."
                ),
            );
            return self.no_breach();
        }
        self.say("avg.4.12", breach_types(exposed, integrity, availability));

        let categories = self.categories();
        let dpc = self.context(&categories);
        let identification = self.identification(exposed, &categories);
        let (circumstances, trusted_deletion) =
            self.circumstances(exposed, exfiltration, integrity, availability, malicious);
        let score = Quarters(dpc * identification.factor.0 + circumstances.0);
        let mut severity = Severity::of(score);
        self.say(
            "enisa.se",
            format!(
                "SE = DPC {dpc} × EI {} + CB {circumstances} = {score}: ernst {} ({ENISA}, overview of the methodology: SE < 2 laag, 2 ≤ SE < 3 gemiddeld, 3 ≤ SE < 4 hoog, SE ≥ 4 zeer hoog).",
                identification.factor,
                severity.label()
            ),
        );
        if exposed != Confidentiality::None {
            severity = self.volume(severity);
        }
        if trusted_deletion {
            severity = severity.lowered();
            self.say(
                "mitigation.trusted_recipient",
                format!(
                    "Een bekende ontvanger heeft de gegevens verwijderd: de kans op misbruik is klein, ernst één niveau lager: {} ({EDPB_EXAMPLES}, case 09).",
                    severity.label()
                ),
            );
        }
        let notify_authority = self.authority(severity);
        let authority_deadline = self.deadline(notify_authority);
        let (notify_subjects, subjects_alternative) = self.subjects(severity, identification.encrypted_safely);
        self.say(
            "procedure",
            "De directeur beslist met het CvB en de FG over de melding en zet die in gang (seed 001 §10.6 en §14.8).",
        );
        self.register();
        Assessment {
            is_breach: true,
            severity,
            notify_authority,
            authority_deadline,
            notify_subjects,
            subjects_alternative,
            reasons: self.reasons,
        }
    }

    fn no_breach(mut self) -> Assessment {
        self.register();
        Assessment {
            is_breach: false,
            severity: Severity::None,
            notify_authority: false,
            authority_deadline: None,
            notify_subjects: false,
            subjects_alternative: SubjectsAlternative::None,
            reasons: self.reasons,
        }
    }

    /// Every incident is registered, notifiable or not (AVG art. 33 lid 5;
    /// seed 002 §8.4.2; seed 001 §10.4 "incidentenregister").
    fn register(&mut self) {
        self.say(
            "register",
            "Registreer het incident met deze afweging in het incidentenregister, ook als er niet gemeld hoeft te worden (AVG art. 33 lid 5; seed 002 §8.4.2; seed 001 §10.4).",
        );
    }

    /// Exfiltration, confirmed or suspected, means unknown people hold the data,
    /// whatever was answered about confidentiality (EDPB Guidelines 01/2021,
    /// case 04: ransomware with exfiltration is a confidentiality breach too).
    fn exposure(&mut self, confidentiality: Confidentiality, exfiltration: Exfiltration) -> Confidentiality {
        if exfiltration == Exfiltration::None || confidentiality >= Confidentiality::UnknownRecipient {
            return confidentiality;
        }
        let how = if exfiltration == Exfiltration::Confirmed {
            "Er zijn gegevens weggesluisd"
        } else {
            "Er is een vermoeden dat gegevens zijn weggesluisd"
        };
        self.say(
            "enisa.cb.exfiltration",
            format!(
                "{how}: gerekend als verlies van vertrouwelijkheid aan onbekende ontvangers ({EDPB_EXAMPLES}, case 04)."
            ),
        );
        Confidentiality::UnknownRecipient
    }

    /// The categories, or health data when none was given: a school holds care
    /// files, so the safe assumption is the most sensitive category.
    fn categories(&mut self) -> Vec<DataCategory> {
        match &self.facts.data_categories {
            Some(categories) if !categories.is_empty() => categories.clone(),
            _ => {
                self.say(
                    "unknown.data_categories",
                    "Onbekend welke soorten gegevens betrokken zijn; uitgegaan van gezondheids- of zorggegevens.",
                );
                vec![DataCategory::Health]
            }
        }
    }

    /// ENISA data-processing context: the base score of the most sensitive
    /// category ([`DataCategory::base_score`]), +1 when the data subjects are
    /// children or otherwise vulnerable (ENISA annex A2, special characteristics
    /// of the individuals; EDPB Guidelines 9/2022 §IV.B: children are
    /// vulnerable), at most 4.
    fn context(&mut self, categories: &[DataCategory]) -> u32 {
        let mut top = categories.first().copied().unwrap_or(DataCategory::Health);
        for category in categories {
            if category.base_score() > top.base_score() {
                top = *category;
            }
        }
        let base = top.base_score();
        self.say(
            top.rule(),
            format!(
                "{}: basisscore {base}, {} ({ENISA}, DPC, bijlage A: {}).",
                top.label(),
                dpc_class(base),
                top.grounds()
            ),
        );
        let children = self.or_assume(
            self.facts.children,
            "unknown.children",
            true,
            "Onbekend of het om gegevens van kinderen gaat; op een school uitgegaan van wel.",
        );
        let vulnerable = if children {
            false
        } else {
            self.or_assume(
                self.facts.vulnerable,
                "unknown.vulnerable",
                true,
                "Onbekend of de betrokkenen extra kwetsbaar zijn; uitgegaan van wel.",
            )
        };
        if !children && !vulnerable {
            return base;
        }
        let who = if children { "Kinderen zijn kwetsbare betrokkenen" } else { "De betrokkenen zijn kwetsbaar" };
        let dpc = (base + 1).min(4);
        let outcome = if base == 4 { "maar de DPC blijft 4, het maximum".to_owned() } else { format!("DPC {dpc}") };
        self.say(
            if children { "enisa.dpc.children" } else { "enisa.dpc.vulnerable" },
            format!(
                "{who}: contextscore +1, {outcome} (ENISA 2013, bijlage A2: bijzondere kenmerken van de betrokkenen; {EDPB_NOTIFICATION} §IV.B)."
            ),
        );
        dpc
    }

    /// ENISA ease of identification: negligible (0.25) for data encrypted with
    /// an uncompromised key, or when nobody unauthorised obtained the data (an
    /// integrity or availability breach identifies nobody to anyone); limited
    /// (0.5) for photos alone, which identify a child only to those who know
    /// it; maximum (1) otherwise, since school records carry the pupil's name.
    fn identification(&mut self, exposed: Confidentiality, categories: &[DataCategory]) -> Identification {
        let encrypted = self.or_assume(
            self.facts.encrypted,
            "unknown.encrypted",
            false,
            "Onbekend of de gegevens versleuteld waren; uitgegaan van niet versleuteld.",
        );
        if encrypted {
            let compromised = self.or_assume(
                self.facts.key_compromised,
                "unknown.key_compromised",
                true,
                "Onbekend of de sleutel of het wachtwoord veilig is; uitgegaan van niet veilig.",
            );
            if !compromised {
                self.say(
                    "enisa.ei.encrypted",
                    format!(
                        "Versleuteld volgens de stand van de techniek met een veilige sleutel: identificeerbaarheid verwaarloosbaar, EI 0,25 (ENISA 2013, EI; {EDPB_EXAMPLES}, case 10)."
                    ),
                );
                return Identification { factor: Quarters(1), encrypted_safely: true };
            }
            self.say(
                "enisa.ei.key_compromised",
                format!(
                    "Versleuteld, maar de sleutel of het wachtwoord kan in verkeerde handen zijn: de versleuteling beschermt niet ({EDPB_EXAMPLES}, case 11)."
                ),
            );
        }
        let (factor, rule, text) = if exposed == Confidentiality::None {
            (
                Quarters(1),
                "enisa.ei.no_disclosure",
                "Niemand onbevoegds heeft de gegevens gekregen, dus niemand kan er personen mee identificeren: EI 0,25 (verwaarloosbaar); het gevolg telt via integriteit en beschikbaarheid (ENISA 2013, EI en CB).",
            )
        } else if categories.iter().all(|c| *c == DataCategory::Images) {
            (
                Quarters(2),
                "enisa.ei.images",
                "Alleen beeldmateriaal zonder naam: alleen wie het kind kent, herkent het; identificeerbaarheid beperkt, EI 0,5 (ENISA 2013, EI).",
            )
        } else {
            (
                Quarters(4),
                "enisa.ei.maximum",
                "Schoolgegevens staan op naam van de leerling of ouder: identificeerbaarheid maximaal, EI 1 (ENISA 2013, EI).",
            )
        };
        self.say(rule, text);
        Identification { factor, encrypted_safely: false }
    }

    /// ENISA circumstances of the breach (ENISA 2013, CB): confidentiality +0 /
    /// +0.25 known recipients / +0.5 unknown recipients or public; integrity
    /// +0.25 recoverable / +0.5 unrecoverable; availability +0.25 temporary,
    /// +0.5 permanent or long ([`LONG_OUTAGE_HOURS`]), +0 when restored from a
    /// backup without exfiltration (ENISA: "recovered without difficulty";
    /// EDPB Guidelines 01/2021, case 01); malicious intent +0.5. A known
    /// recipient who confirms deletion, without malice, counts +0 (EDPB
    /// Guidelines 01/2021, case 09). Returns the score and whether that
    /// deletion applied.
    fn circumstances(
        &mut self,
        exposed: Confidentiality,
        exfiltration: Exfiltration,
        integrity: Integrity,
        availability: Availability,
        malicious: bool,
    ) -> (Quarters, bool) {
        let mut total = 0;
        let mut trusted_deletion = false;
        match exposed {
            Confidentiality::None => {}
            Confidentiality::KnownRecipient => {
                let deleted = self.or_assume(
                    self.facts.recipient_confirmed_deletion,
                    "unknown.recipient_confirmed_deletion",
                    false,
                    "Onbekend of de ontvanger heeft bevestigd de gegevens te hebben verwijderd; uitgegaan van niet.",
                );
                if deleted && !malicious {
                    trusted_deletion = true;
                    self.say(
                        "mitigation.deletion_confirmed",
                        format!(
                            "Bekende ontvanger die bevestigt de gegevens te hebben verwijderd en niet te hebben gebruikt: vertrouwelijkheid +0 (ENISA 2013, CB; {EDPB_EXAMPLES}, case 09)."
                        ),
                    );
                } else {
                    total += 1;
                    self.say(
                        "enisa.cb.confidentiality.known_recipient",
                        "Gegevens bij bekende ontvanger(s): vertrouwelijkheid +0,25 (ENISA 2013, CB).",
                    );
                }
            }
            Confidentiality::UnknownRecipient => {
                total += 2;
                self.say(
                    "enisa.cb.confidentiality.unknown_recipient",
                    "Gegevens bij onbekende ontvangers (verloren, gestolen of weggesluisd): vertrouwelijkheid +0,5 (ENISA 2013, CB).",
                );
            }
            Confidentiality::Public => {
                total += 2;
                self.say(
                    "enisa.cb.confidentiality.public",
                    "Gegevens openbaar geworden: vertrouwelijkheid +0,5 (ENISA 2013, CB).",
                );
            }
        }
        match integrity {
            Integrity::None => {}
            Integrity::AlteredRecoverable => {
                total += 1;
                self.say(
                    "enisa.cb.integrity.recoverable",
                    "Gegevens gewijzigd maar te herstellen: integriteit +0,25 (ENISA 2013, CB).",
                );
            }
            Integrity::AlteredUnrecoverable => {
                total += 2;
                self.say(
                    "enisa.cb.integrity.unrecoverable",
                    "Gegevens gewijzigd en niet te herstellen: integriteit +0,5 (ENISA 2013, CB).",
                );
            }
        }
        total += self.availability(availability, exfiltration);
        if malicious {
            total += 2;
            self.say("enisa.cb.malicious", "Kwade opzet: +0,5 (ENISA 2013, CB).");
        }
        (Quarters(total), trusted_deletion)
    }

    fn availability(&mut self, availability: Availability, exfiltration: Exfiltration) -> u32 {
        match availability {
            Availability::None => 0,
            Availability::Permanent => {
                self.say(
                    "enisa.cb.availability.permanent",
                    "Gegevens blijvend verloren: beschikbaarheid +0,5 (ENISA 2013, CB).",
                );
                2
            }
            Availability::Temporary => {
                let restored = self.or_assume(
                    self.facts.backup_restored,
                    "unknown.backup_restored",
                    false,
                    "Onbekend of de gegevens uit een back-up zijn teruggezet; uitgegaan van niet.",
                );
                if restored && exfiltration == Exfiltration::None {
                    self.say(
                        "mitigation.backup_restored",
                        format!(
                            "Gegevens volledig teruggezet uit een back-up en niets weggesluisd: beschikbaarheid +0 (ENISA 2013, CB: zonder moeite hersteld; {EDPB_EXAMPLES}, case 01)."
                        ),
                    );
                    return 0;
                }
                if restored {
                    self.say(
                        "mitigation.backup_restored.exfiltration",
                        "De back-up is teruggezet, maar er zijn (mogelijk) gegevens weggesluisd: het herstel neemt dat risico niet weg.",
                    );
                }
                match self.facts.unavailable_hours {
                    Some(hours) if hours < LONG_OUTAGE_HOURS => {
                        self.say(
                            "enisa.cb.availability.temporary",
                            format!(
                                "Gegevens {} uur niet beschikbaar: beschikbaarheid +0,25 (ENISA 2013, CB).",
                                decimal(hours)
                            ),
                        );
                        1
                    }
                    Some(hours) => {
                        self.say(
                            "enisa.cb.availability.long",
                            format!(
                                "Gegevens {} uur niet beschikbaar, langer dan een schooldag: beschikbaarheid +0,5 (ENISA 2013, CB; {EDPB_NOTIFICATION}, bijlage B).",
                                decimal(hours)
                            ),
                        );
                        2
                    }
                    None => {
                        self.say(
                            "unknown.unavailable_hours",
                            format!(
                                "Onbekend hoe lang de gegevens niet beschikbaar waren; uitgegaan van langer dan een schooldag: beschikbaarheid +0,5 (ENISA 2013, CB; {EDPB_NOTIFICATION}, bijlage B)."
                            ),
                        );
                        2
                    }
                }
            }
        }
    }

    /// Many people whose data reached others raise the level one step (EDPB
    /// Guidelines 9/2022 §IV.B, number of affected individuals; ENISA 2013
    /// leaves the number of individuals out of the formula and asks to weigh
    /// it afterwards).
    fn volume(&mut self, severity: Severity) -> Severity {
        let large = match self.facts.subjects {
            Some(count) => count >= LARGE_SCALE,
            None => {
                self.say(
                    "unknown.subjects",
                    format!("Onbekend hoeveel personen het betreft; uitgegaan van {LARGE_SCALE} of meer."),
                );
                true
            }
        };
        if !large {
            return severity;
        }
        let raised = severity.raised();
        let outcome = if raised == severity {
            format!("ernst blijft {}", raised.label())
        } else {
            format!("ernst één niveau hoger: {}", raised.label())
        };
        self.say(
            "edpb.volume",
            format!(
                "Gegevens van {LARGE_SCALE} of meer personen bij anderen terechtgekomen: {outcome} ({EDPB_NOTIFICATION} §IV.B, aantal betrokkenen)."
            ),
        );
        raised
    }

    /// AVG art. 33 lid 1: notify unless the breach is unlikely to result in a
    /// risk; seed 002 §8.4.1 reads that as "tenzij het risico klein is". Low
    /// ENISA severity is that small risk; medium and up are notified.
    fn authority(&mut self, severity: Severity) -> bool {
        let notify = severity >= Severity::Medium;
        if notify {
            self.say(
                "avg.33.notify",
                format!(
                    "Ernst {}: het datalek leidt waarschijnlijk tot een risico voor de betrokkenen. Meld het zonder onredelijke vertraging en binnen 72 uur na ontdekking bij de Autoriteit Persoonsgegevens (AVG art. 33 lid 1; seed 002 §8.4.1; seed 001 §10.4).",
                    severity.label()
                ),
            );
        } else {
            self.say(
                "avg.33.unlikely_risk",
                "Ernst laag: het datalek leidt waarschijnlijk niet tot een risico voor de betrokkenen (klein risico, seed 002 §8.4.1); melden bij de Autoriteit Persoonsgegevens is niet verplicht (AVG art. 33 lid 1). Leg de afweging vast.",
            );
        }
        notify
    }

    fn deadline(&mut self, notify: bool) -> Option<Zoned> {
        let Some(aware_at) = self.facts.aware_at else {
            self.say(
                "unknown.aware_at",
                "Onbekend wanneer de school het datalek ontdekte; de 72 uur lopen vanaf dat moment, meld dus zo snel mogelijk (AVG art. 33 lid 1).",
            );
            return None;
        };
        let deadline = authority_deadline(aware_at);
        let aware = aware_at.to_zoned(dutch_time_zone());
        let lead = if notify { "Meld uiterlijk" } else { "Wordt de beoordeling bijgesteld, meld dan uiterlijk" };
        self.say(
            "avg.33.deadline",
            format!(
                "{lead} {}: 72 uur na het ontdekken op {} (AVG art. 33 lid 1; {EDPB_NOTIFICATION} §II.A.2).",
                dutch_moment(&deadline),
                dutch_moment(&aware)
            ),
        );
        Some(deadline)
    }

    /// AVG art. 34: inform the data subjects (the parents) of a high risk
    /// (seed 002 §8.4.3), except under lid 3: (a) encrypted and inaccessible,
    /// (b) measures removed the high risk, (c) disproportionate effort, then a
    /// public announcement (EDPB Guidelines 9/2022 §III.D).
    fn subjects(&mut self, severity: Severity, encrypted_safely: bool) -> (bool, SubjectsAlternative) {
        let none = (false, SubjectsAlternative::None);
        if severity < Severity::High {
            self.say(
                "avg.34.no_high_risk",
                format!(
                    "Ernst {}: geen hoog risico, dus geen plicht de betrokkenen (ouders) in te lichten (AVG art. 34 lid 1; seed 002 §8.4.3).",
                    severity.label()
                ),
            );
            return none;
        }
        if encrypted_safely {
            self.say(
                "avg.34.3a.encrypted",
                "De gegevens waren versleuteld en onleesbaar voor derden: de betrokkenen hoeven niet te worden ingelicht (AVG art. 34 lid 3 sub a; seed 002 §8.4.3).",
            );
            return none;
        }
        let removed = self.or_assume(
            self.facts.risk_removed_by_measures,
            "unknown.risk_removed_by_measures",
            false,
            "Onbekend of maatregelen het hoge risico hebben weggenomen; uitgegaan van niet.",
        );
        if removed {
            self.say(
                "avg.34.3b.measures",
                "Genomen maatregelen hebben het hoge risico weggenomen: de betrokkenen hoeven niet te worden ingelicht (AVG art. 34 lid 3 sub b; seed 002 §8.4.3).",
            );
            return none;
        }
        let disproportionate = self.or_assume(
            self.facts.individual_contact_disproportionate,
            "unknown.individual_contact_disproportionate",
            false,
            "Onbekend of persoonlijk informeren een onevenredige inspanning kost; uitgegaan van niet.",
        );
        if disproportionate {
            self.say(
                "avg.34.3c.public_announcement",
                "Hoog risico, maar iedereen persoonlijk informeren kost een onevenredige inspanning: doe een openbare mededeling die de betrokkenen even doeltreffend informeert (AVG art. 34 lid 3 sub c; seed 002 §8.4.3).",
            );
            return (false, SubjectsAlternative::PublicAnnouncement);
        }
        self.say(
            "avg.34.notify",
            format!(
                "Ernst {}: hoog risico voor de betrokkenen. Informeer de ouders (en waar passend de leerlingen) direct, in duidelijke taal (AVG art. 34 lid 1 en 2; seed 002 §8.4.3).",
                severity.label()
            ),
        );
        (true, SubjectsAlternative::None)
    }
}

fn breach_types(exposed: Confidentiality, integrity: Integrity, availability: Availability) -> String {
    let mut kinds = Vec::new();
    if exposed != Confidentiality::None {
        kinds.push("vertrouwelijkheid");
    }
    if integrity != Integrity::None {
        kinds.push("integriteit");
    }
    if availability != Availability::None {
        kinds.push("beschikbaarheid");
    }
    let kinds = match kinds.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} en {last}", rest.join(", ")),
        _ => kinds.concat(),
    };
    format!(
        "Datalek: inbreuk op de {kinds} van persoonsgegevens (AVG art. 4 punt 12; seed 001 §10.3; {EDPB_NOTIFICATION} §I.B.2)."
    )
}

/// A number with a decimal comma, as Dutch writes it.
fn decimal(value: f64) -> String {
    value.to_string().replace('.', ",")
}

fn dutch_moment(zoned: &Zoned) -> String {
    let day = match zoned.weekday() {
        Weekday::Monday => "maandag",
        Weekday::Tuesday => "dinsdag",
        Weekday::Wednesday => "woensdag",
        Weekday::Thursday => "donderdag",
        Weekday::Friday => "vrijdag",
        Weekday::Saturday => "zaterdag",
        Weekday::Sunday => "zondag",
    };
    format!("{day} {}", zoned.strftime("%d-%m-%Y %H:%M"))
}

/// One choice of a multiple-choice question: the fact's code and its Dutch label.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Choice {
    pub value: &'static str,
    pub label: &'static str,
}

/// How a question is answered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", content = "choices", rename_all = "snake_case")]
pub enum AnswerKind {
    YesNo,
    OneOf(&'static [Choice]),
    ManyOf(&'static [Choice]),
    /// A whole number of people.
    Count,
    /// A number of hours.
    Hours,
    /// A date and time (RFC 3339).
    Instant,
}

/// Ask a question only when an earlier answer (`field`) was one of `any_of`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Condition {
    pub field: &'static str,
    pub any_of: &'static [&'static str],
}

/// One step of the guided decision tree (seed 001 §14.16 "beslisboom datalek").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Question {
    /// The [`BreachFacts`] field the answer fills.
    pub field: &'static str,
    pub text: &'static str,
    pub answer: AnswerKind,
    pub only_if: Option<Condition>,
}

const fn ask(field: &'static str, text: &'static str, answer: AnswerKind) -> Question {
    Question { field, text, answer, only_if: None }
}

const fn ask_if(
    field: &'static str,
    text: &'static str,
    answer: AnswerKind,
    when: &'static str,
    any_of: &'static [&'static str],
) -> Question {
    Question { field, text, answer, only_if: Some(Condition { field: when, any_of }) }
}

const fn choice(value: &'static str, label: &'static str) -> Choice {
    Choice { value, label }
}

const CONFIDENTIALITY_CHOICES: &[Choice] = &[
    choice("none", "Nee, niemand onbevoegds"),
    choice("known_recipient", "Ja, een of meer bekende ontvangers (bijvoorbeeld een andere ouder of school)"),
    choice("unknown_recipient", "Ja, onbekend wie (bijvoorbeeld verloren, gestolen of gehackt)"),
    choice("public", "Ja, het is openbaar geworden (internet, sociale media)"),
];

const INTEGRITY_CHOICES: &[Choice] = &[
    choice("none", "Nee"),
    choice("altered_recoverable", "Ja, maar het is te herstellen"),
    choice("altered_unrecoverable", "Ja, en het is niet te herstellen"),
];

const AVAILABILITY_CHOICES: &[Choice] =
    &[choice("none", "Nee"), choice("temporary", "Ja, tijdelijk"), choice("permanent", "Ja, blijvend kwijt")];

const EXFILTRATION_CHOICES: &[Choice] = &[
    choice("none", "Nee, uitgesloten"),
    choice("suspected", "Mogelijk, dat is niet uit te sluiten"),
    choice("confirmed", "Ja, dat staat vast"),
];

const CATEGORY_CHOICES: &[Choice] = &[
    choice("contact", DataCategory::Contact.label()),
    choice("identification", DataCategory::Identification.label()),
    choice("national_id", DataCategory::NationalId.label()),
    choice("education", DataCategory::Education.label()),
    choice("behaviour", DataCategory::Behaviour.label()),
    choice("images", DataCategory::Images.label()),
    choice("financial", DataCategory::Financial.label()),
    choice("credentials", DataCategory::Credentials.label()),
    choice("health", DataCategory::Health.label()),
    choice("special", DataCategory::Special.label()),
    choice("criminal", DataCategory::Criminal.label()),
    choice("location", DataCategory::Location.label()),
    choice("communications", DataCategory::Communications.label()),
];

/// The guided decision tree, in the order a director answers it. Every
/// question may be skipped ("weet ik niet"); [`assess`] then assumes the safe value.
pub const QUESTIONS: &[Question] = &[
    ask("personal_data", "Gaat het om persoonsgegevens, van leerlingen, ouders of medewerkers?", AnswerKind::YesNo),
    ask("aware_at", "Wanneer werd de school zich bewust van het incident (datum en tijd)?", AnswerKind::Instant),
    ask(
        "confidentiality",
        "Hebben anderen dan de bevoegden de gegevens kunnen zien of krijgen?",
        AnswerKind::OneOf(CONFIDENTIALITY_CHOICES),
    ),
    ask_if(
        "recipient_confirmed_deletion",
        "Heeft de ontvanger bevestigd dat de gegevens zijn verwijderd en niet gebruikt of doorgestuurd?",
        AnswerKind::YesNo,
        "confidentiality",
        &["known_recipient"],
    ),
    ask("integrity", "Zijn gegevens onbedoeld gewijzigd of beschadigd?", AnswerKind::OneOf(INTEGRITY_CHOICES)),
    ask(
        "availability",
        "Zijn gegevens (tijdelijk) niet beschikbaar of kwijt?",
        AnswerKind::OneOf(AVAILABILITY_CHOICES),
    ),
    ask_if(
        "unavailable_hours",
        "Hoeveel uur waren de gegevens niet beschikbaar?",
        AnswerKind::Hours,
        "availability",
        &["temporary"],
    ),
    ask_if(
        "backup_restored",
        "Zijn de gegevens volledig teruggezet uit een back-up?",
        AnswerKind::YesNo,
        "availability",
        &["temporary"],
    ),
    ask(
        "malicious",
        "Is er kwade opzet in het spel (diefstal, inbraak, hack, phishing, ransomware)?",
        AnswerKind::YesNo,
    ),
    ask(
        "exfiltration",
        "Zijn er aanwijzingen dat gegevens zijn gekopieerd of weggesluisd?",
        AnswerKind::OneOf(EXFILTRATION_CHOICES),
    ),
    ask("data_categories", "Welke soorten gegevens zijn betrokken?", AnswerKind::ManyOf(CATEGORY_CHOICES)),
    ask("subjects", "Over hoeveel personen gaat het ongeveer?", AnswerKind::Count),
    ask("children", "Gaat het om gegevens van kinderen (leerlingen)?", AnswerKind::YesNo),
    ask_if(
        "vulnerable",
        "Zijn de betrokkenen extra kwetsbaar (bijvoorbeeld een afgeschermd adres of een zorgsituatie)?",
        AnswerKind::YesNo,
        "children",
        &["false"],
    ),
    ask(
        "encrypted",
        "Waren de gegevens versleuteld volgens de stand van de techniek (bijvoorbeeld BitLocker of een versleutelde telefoon)?",
        AnswerKind::YesNo,
    ),
    ask_if(
        "key_compromised",
        "Kan de sleutel of het wachtwoord ook in verkeerde handen zijn (bijvoorbeeld een briefje bij het apparaat)?",
        AnswerKind::YesNo,
        "encrypted",
        &["true"],
    ),
    ask(
        "risk_removed_by_measures",
        "Hebben genomen maatregelen het risico voor de betrokkenen weggenomen (bijvoorbeeld wachtwoorden gereset, gegevens teruggehaald)?",
        AnswerKind::YesNo,
    ),
    ask(
        "individual_contact_disproportionate",
        "Kost het een onevenredige inspanning om alle betrokkenen persoonlijk te informeren (bijvoorbeeld omdat contactgegevens ontbreken)?",
        AnswerKind::YesNo,
    ),
];

#[cfg(test)]
mod tests {
    use super::*;
    use serde::de::value::{Error as DeError, MapDeserializer, StrDeserializer};

    type C = Confidentiality;
    type D = DataCategory;
    type S = Severity;

    fn aware() -> Timestamp {
        "2026-11-20T09:00:00+01:00".parse().unwrap()
    }

    /// Every fact answered, nothing lost yet: the cases change what happened.
    fn known() -> BreachFacts {
        BreachFacts {
            personal_data: Some(true),
            confidentiality: Some(C::None),
            integrity: Some(Integrity::None),
            availability: Some(Availability::None),
            unavailable_hours: None,
            malicious: Some(false),
            exfiltration: Some(Exfiltration::None),
            data_categories: Some(vec![D::Identification]),
            subjects: Some(1),
            children: Some(true),
            vulnerable: Some(false),
            encrypted: Some(false),
            key_compromised: Some(false),
            recipient_confirmed_deletion: Some(false),
            backup_restored: Some(false),
            risk_removed_by_measures: Some(false),
            individual_contact_disproportionate: Some(false),
            aware_at: Some(aware()),
        }
    }

    fn categories(list: &[DataCategory]) -> Option<Vec<DataCategory>> {
        Some(list.to_vec())
    }

    struct Case {
        name: &'static str,
        facts: BreachFacts,
        breach: bool,
        severity: Severity,
        authority: bool,
        subjects: bool,
        why: &'static str,
    }

    fn school_cases() -> Vec<Case> {
        vec![
            Case {
                name: "lost unencrypted laptop with care files",
                facts: BreachFacts {
                    confidentiality: Some(C::UnknownRecipient),
                    data_categories: categories(&[D::Identification, D::Health, D::Education]),
                    subjects: Some(30),
                    ..known()
                },
                breach: true,
                severity: S::VeryHigh,
                authority: true,
                subjects: true,
                why: "EDPB 01/2021 case 11 (stolen unencrypted device) and seed 001 §10.4: a lost care file is serious",
            },
            Case {
                name: "class list e-mailed to the wrong parent, who deletes it",
                facts: BreachFacts {
                    confidentiality: Some(C::KnownRecipient),
                    recipient_confirmed_deletion: Some(true),
                    data_categories: categories(&[D::Contact, D::Identification]),
                    subjects: Some(28),
                    ..known()
                },
                breach: true,
                severity: S::Low,
                authority: false,
                subjects: false,
                why: "EDPB 01/2021 case 09: simple data to a trusted recipient who deletes it is unlikely to result in a risk",
            },
            Case {
                name: "ransomware with a good backup and no exfiltration",
                facts: BreachFacts {
                    availability: Some(Availability::Temporary),
                    unavailable_hours: Some(6.0),
                    backup_restored: Some(true),
                    malicious: Some(true),
                    data_categories: categories(&[D::Identification, D::Education, D::Health, D::Behaviour]),
                    subjects: Some(400),
                    ..known()
                },
                breach: true,
                severity: S::Low,
                authority: false,
                subjects: false,
                why: "EDPB 01/2021 case 01: restored from backup, no exfiltration, so no notification; document it",
            },
            Case {
                name: "ransomware with confirmed exfiltration of pupil files",
                facts: BreachFacts {
                    availability: Some(Availability::Temporary),
                    unavailable_hours: Some(48.0),
                    backup_restored: Some(true),
                    malicious: Some(true),
                    exfiltration: Some(Exfiltration::Confirmed),
                    data_categories: categories(&[D::Identification, D::Education, D::Health, D::Behaviour]),
                    subjects: Some(400),
                    ..known()
                },
                breach: true,
                severity: S::VeryHigh,
                authority: true,
                subjects: true,
                why: "EDPB 01/2021 case 04: ransomware with exfiltration of sensitive data, notify both",
            },
            Case {
                name: "pupil passwords visible in a school-wide shared folder, reset the same day",
                facts: BreachFacts {
                    confidentiality: Some(C::KnownRecipient),
                    data_categories: categories(&[D::Credentials]),
                    subjects: Some(28),
                    risk_removed_by_measures: Some(true),
                    ..known()
                },
                breach: true,
                severity: S::High,
                authority: true,
                subjects: false,
                why: "ENISA credentials by what they open + children; the reset removes the high risk (art. 34(3)(b); EDPB 01/2021 case 07)",
            },
            Case {
                name: "photo of a pupil without consent on the website, taken down",
                facts: BreachFacts {
                    confidentiality: Some(C::Public),
                    data_categories: categories(&[D::Images]),
                    risk_removed_by_measures: Some(true),
                    ..known()
                },
                breach: true,
                severity: S::Low,
                authority: false,
                subjects: false,
                why: "unlawful processing is a breach (seed 001 §10.3, §12.2) but ENISA low: a nameless photo identifies little; register only (seed 002 §8.4.1)",
            },
            Case {
                name: "encrypted USB stick lost, key safe",
                facts: BreachFacts {
                    confidentiality: Some(C::UnknownRecipient),
                    encrypted: Some(true),
                    key_compromised: Some(false),
                    data_categories: categories(&[D::Identification, D::Education, D::Health]),
                    subjects: Some(30),
                    ..known()
                },
                breach: true,
                severity: S::Low,
                authority: false,
                subjects: false,
                why: "EDPB 01/2021 case 10 and EDPB 9/2022 annex B: state-of-the-art encryption with a safe key, no notification",
            },
            Case {
                name: "unencrypted USB stick with test results lost",
                facts: BreachFacts {
                    confidentiality: Some(C::UnknownRecipient),
                    data_categories: categories(&[D::Identification, D::Education]),
                    subjects: Some(30),
                    ..known()
                },
                breach: true,
                severity: S::High,
                authority: true,
                subjects: true,
                why: "EDPB 01/2021 case 11; school performance is sensitive (seed 001 §10.5) and children vulnerable (ENISA A2)",
            },
            Case {
                name: "phishing: a teacher's mailbox taken over",
                facts: BreachFacts {
                    confidentiality: Some(C::UnknownRecipient),
                    malicious: Some(true),
                    exfiltration: Some(Exfiltration::Suspected),
                    data_categories: categories(&[D::Contact, D::Communications, D::Education, D::Behaviour]),
                    subjects: Some(60),
                    ..known()
                },
                breach: true,
                severity: S::VeryHigh,
                authority: true,
                subjects: true,
                why: "EDPB 01/2021 case 18 (mailbox exfiltration): malicious access to mail about children, notify both",
            },
            Case {
                name: "paper dossier with a care plan left on the train",
                facts: BreachFacts {
                    confidentiality: Some(C::UnknownRecipient),
                    data_categories: categories(&[D::Identification, D::Health, D::Behaviour]),
                    ..known()
                },
                breach: true,
                severity: S::VeryHigh,
                authority: true,
                subjects: true,
                why: "EDPB 01/2021 case 12 (lost paper files with sensitive data) and seed 001 §10.4",
            },
            Case {
                name: "ParnasSys export with BSNs sent to the wrong school, which deleted it",
                facts: BreachFacts {
                    confidentiality: Some(C::KnownRecipient),
                    recipient_confirmed_deletion: Some(true),
                    risk_removed_by_measures: Some(true),
                    data_categories: categories(&[D::Identification, D::NationalId, D::Education]),
                    subjects: Some(250),
                    ..known()
                },
                breach: true,
                severity: S::High,
                authority: true,
                subjects: false,
                why: "EDPB 01/2021 case 09 lowers it, but BSNs of 250 children still notify the AP; deletion removed the high risk (art. 34(3)(b))",
            },
            Case {
                name: "wrong parent sees another child's report in the parent portal",
                facts: BreachFacts {
                    confidentiality: Some(C::KnownRecipient),
                    data_categories: categories(&[D::Identification, D::Education]),
                    ..known()
                },
                breach: true,
                severity: S::High,
                authority: true,
                subjects: true,
                why: "ENISA: school performance of a child (DPC 3) fully identified, seen by another parent; seed 002 §8.4.3 inform the parents",
            },
            Case {
                name: "server outage of 2 hours, no data lost",
                facts: BreachFacts {
                    availability: Some(Availability::Temporary),
                    unavailable_hours: Some(2.0),
                    data_categories: categories(&[D::Identification, D::Education, D::Health]),
                    subjects: Some(400),
                    ..known()
                },
                breach: true,
                severity: S::Low,
                authority: false,
                subjects: false,
                why: "EDPB 9/2022 annex B: a brief outage without disclosure is a breach but not notifiable",
            },
            Case {
                name: "WhatsApp message with a child's medical information shared with all parents",
                facts: BreachFacts {
                    confidentiality: Some(C::KnownRecipient),
                    data_categories: categories(&[D::Identification, D::Health]),
                    ..known()
                },
                breach: true,
                severity: S::VeryHigh,
                authority: true,
                subjects: true,
                why: "EDPB 01/2021 case 14 (highly confidential data sent by mistake): health data of a child, notify both",
            },
            Case {
                name: "stolen phone with a pin lock and encrypted storage",
                facts: BreachFacts {
                    confidentiality: Some(C::UnknownRecipient),
                    malicious: Some(true),
                    encrypted: Some(true),
                    key_compromised: Some(false),
                    data_categories: categories(&[D::Contact, D::Communications, D::Images]),
                    subjects: Some(60),
                    ..known()
                },
                breach: true,
                severity: S::Low,
                authority: false,
                subjects: false,
                why: "EDPB 01/2021 case 10: the thief cannot read encrypted storage, no notification",
            },
            Case {
                name: "app without a DPIA publishes pupils' names and e-mail addresses",
                facts: BreachFacts {
                    confidentiality: Some(C::Public),
                    data_categories: categories(&[D::Identification, D::Contact]),
                    subjects: Some(350),
                    ..known()
                },
                breach: true,
                severity: S::High,
                authority: true,
                subjects: true,
                why: "EDPB 9/2022 §IV.B and annex B (students' data to many recipients): 350 children exposed publicly, notify both",
            },
            Case {
                name: "behaviour letter sent to a non-custodial parent without a right to it",
                facts: BreachFacts {
                    confidentiality: Some(C::KnownRecipient),
                    data_categories: categories(&[D::Identification, D::Behaviour]),
                    ..known()
                },
                breach: true,
                severity: S::High,
                authority: true,
                subjects: true,
                why: "EDPB 01/2021 case 14; seed 001 §14.13 (BW 1:377c): behavioural data of a child in a family conflict",
            },
            Case {
                name: "attendance list of a school trip with names and allergies lost",
                facts: BreachFacts {
                    confidentiality: Some(C::UnknownRecipient),
                    data_categories: categories(&[D::Identification, D::Health]),
                    subjects: Some(30),
                    ..known()
                },
                breach: true,
                severity: S::VeryHigh,
                authority: true,
                subjects: true,
                why: "EDPB 01/2021 case 12: lost paper with health data (allergies, AVG art. 9) of children",
            },
            Case {
                name: "grades deleted by accident and restored from backup within the hour",
                facts: BreachFacts {
                    availability: Some(Availability::Temporary),
                    unavailable_hours: Some(1.0),
                    backup_restored: Some(true),
                    data_categories: categories(&[D::Education]),
                    subjects: Some(28),
                    ..known()
                },
                breach: true,
                severity: S::Low,
                authority: false,
                subjects: false,
                why: "EDPB 01/2021 case 01 reasoning: restored without difficulty, nothing disclosed; register only",
            },
            Case {
                name: "burglary: laptop with encrypted disk but the password on a sticker",
                facts: BreachFacts {
                    confidentiality: Some(C::UnknownRecipient),
                    malicious: Some(true),
                    exfiltration: Some(Exfiltration::Suspected),
                    encrypted: Some(true),
                    key_compromised: Some(true),
                    data_categories: categories(&[D::Identification, D::Education, D::Health]),
                    subjects: Some(30),
                    ..known()
                },
                breach: true,
                severity: S::VeryHigh,
                authority: true,
                subjects: true,
                why: "EDPB 01/2021 case 10 vs 11: a compromised key makes it an unencrypted theft; no art. 34(3)(a) exemption",
            },
            Case {
                name: "CC instead of BCC to all parents of group 8",
                facts: BreachFacts {
                    confidentiality: Some(C::KnownRecipient),
                    data_categories: categories(&[D::Contact]),
                    children: Some(false),
                    vulnerable: Some(false),
                    subjects: Some(52),
                    ..known()
                },
                breach: true,
                severity: S::Low,
                authority: false,
                subjects: false,
                why: "EDPB 01/2021 case 15: an open distribution list is notifiable only with many recipients or sensitive data",
            },
            Case {
                name: "filing cabinet with care files found unlocked, nobody looked inside",
                facts: BreachFacts { data_categories: categories(&[D::Health]), ..known() },
                breach: false,
                severity: S::None,
                authority: false,
                subjects: false,
                why: "EDPB 9/2022 §I.B: a security incident without loss of confidentiality, integrity or availability is no breach",
            },
            Case {
                name: "website defaced, no personal data involved",
                facts: BreachFacts { personal_data: Some(false), malicious: Some(true), ..known() },
                breach: false,
                severity: S::None,
                authority: false,
                subjects: false,
                why: "AVG art. 4(12): without personal data there is no personal data breach; register the incident",
            },
            Case {
                name: "ransomware without backup destroys care files, nothing copied",
                facts: BreachFacts {
                    availability: Some(Availability::Permanent),
                    malicious: Some(true),
                    data_categories: categories(&[D::Identification, D::Health, D::Education]),
                    subjects: Some(400),
                    ..known()
                },
                breach: true,
                severity: S::Medium,
                authority: true,
                subjects: false,
                why: "EDPB 01/2021 case 02: permanent loss without exfiltration, notify the AP",
            },
            Case {
                name: "archive of former pupils' care reports published by a hacker, no current addresses",
                facts: BreachFacts {
                    confidentiality: Some(C::Public),
                    malicious: Some(true),
                    exfiltration: Some(Exfiltration::Confirmed),
                    data_categories: categories(&[D::Identification, D::Health]),
                    children: Some(false),
                    vulnerable: Some(false),
                    subjects: Some(900),
                    individual_contact_disproportionate: Some(true),
                    ..known()
                },
                breach: true,
                severity: S::VeryHigh,
                authority: true,
                subjects: false,
                why: "AVG art. 34(3)(c) and EDPB 9/2022 §III.D: no way to reach everyone, so a public announcement",
            },
        ]
    }

    #[test]
    fn realistic_school_cases_get_the_expected_outcome() {
        let cases = school_cases();
        assert!(cases.len() >= 20);
        for case in cases {
            let outcome = assess(&case.facts);
            let got = (outcome.is_breach, outcome.severity, outcome.notify_authority, outcome.notify_subjects);
            let want = (case.breach, case.severity, case.authority, case.subjects);
            let reasons: Vec<String> = outcome.reasons.iter().map(ToString::to_string).collect();
            assert_eq!(got, want, "{}: {}\n{}", case.name, case.why, reasons.join("\n"));
            assert!(!reasons.iter().any(|r| r.starts_with("[unknown.")), "{}: all facts were known", case.name);
            assert!(outcome.rules().any(|rule| rule == "register"), "{}", case.name);
        }
    }

    #[test]
    fn only_the_unreachable_archive_gets_a_public_announcement() {
        for case in school_cases() {
            let expected = if case.facts.individual_contact_disproportionate == Some(true) {
                SubjectsAlternative::PublicAnnouncement
            } else {
                SubjectsAlternative::None
            };
            assert_eq!(assess(&case.facts).subjects_alternative, expected, "{}", case.name);
        }
    }

    #[test]
    fn reasons_read_as_a_rule_id_in_brackets_and_a_dutch_sentence() {
        let reason = Reason { rule: "enisa.dpc.health", text: "Gezondheidsgegevens: basisscore 4.".to_owned() };
        assert_eq!(reason.to_string(), "[enisa.dpc.health] Gezondheidsgegevens: basisscore 4.");
        let facts = BreachFacts {
            confidentiality: Some(C::UnknownRecipient),
            data_categories: categories(&[D::Health]),
            ..known()
        };
        let outcome = assess(&facts);
        let health = outcome.reasons.iter().find(|r| r.rule == "enisa.dpc.health").unwrap();
        assert!(health.text.contains("basisscore 4"), "{health}");
        assert!(health.text.contains(ENISA), "{health}");
        let score = outcome.reasons.iter().find(|r| r.rule == "enisa.se").unwrap();
        assert!(score.text.starts_with("SE = DPC 4 × EI 1 + CB 0,5 = 4,5: ernst zeer hoog"), "{score}");
    }

    #[test]
    fn the_most_sensitive_category_sets_the_base_score() {
        let facts = BreachFacts {
            confidentiality: Some(C::UnknownRecipient),
            children: Some(false),
            vulnerable: Some(false),
            data_categories: categories(&[D::Contact, D::Financial, D::Behaviour]),
            ..known()
        };
        let outcome = assess(&facts);
        assert!(outcome.rules().any(|rule| rule == "enisa.dpc.financial"));
        // 3 × 1 + 0.5 = 3.5: high.
        assert_eq!(outcome.severity, S::High);
    }

    #[test]
    fn the_severity_bands_follow_enisa_exactly_at_their_boundaries() {
        assert_eq!(Severity::of(Quarters(7)), S::Low);
        assert_eq!(Severity::of(Quarters(8)), S::Medium);
        assert_eq!(Severity::of(Quarters(11)), S::Medium);
        assert_eq!(Severity::of(Quarters(12)), S::High);
        assert_eq!(Severity::of(Quarters(15)), S::High);
        assert_eq!(Severity::of(Quarters(16)), S::VeryHigh);
        assert_eq!(Quarters(18).to_string(), "4,5");
        assert_eq!(Quarters(1).to_string(), "0,25");
        assert_eq!(Quarters(3).to_string(), "0,75");
        assert_eq!(Quarters(8).to_string(), "2");
    }

    #[test]
    fn suspected_exfiltration_makes_a_breach_of_confidentiality() {
        let facts = BreachFacts { malicious: Some(true), exfiltration: Some(Exfiltration::Suspected), ..known() };
        let outcome = assess(&facts);
        assert!(outcome.is_breach);
        assert!(outcome.rules().any(|rule| rule == "enisa.cb.exfiltration"));
        assert!(outcome.rules().any(|rule| rule == "enisa.cb.confidentiality.unknown_recipient"));
    }

    #[test]
    fn a_long_outage_weighs_more_than_a_short_one() {
        let outage = |hours| BreachFacts {
            availability: Some(Availability::Temporary),
            unavailable_hours: Some(hours),
            malicious: Some(true),
            data_categories: categories(&[D::Health]),
            ..known()
        };
        // 4 × 0.25 + 0.25 + 0.5 = 1.75 against 4 × 0.25 + 0.5 + 0.5 = 2.
        assert_eq!(assess(&outage(3.0)).severity, S::Low);
        assert_eq!(assess(&outage(30.0)).severity, S::Medium);
        assert!(assess(&outage(30.0)).notify_authority);
    }

    #[test]
    fn many_people_raise_the_severity_only_when_their_data_reached_others() {
        let leak = |subjects| BreachFacts {
            confidentiality: Some(C::KnownRecipient),
            data_categories: categories(&[D::Contact]),
            subjects: Some(subjects),
            ..known()
        };
        assert_eq!(assess(&leak(99)).severity, S::Medium);
        assert_eq!(assess(&leak(LARGE_SCALE)).severity, S::High);
        let outage = BreachFacts {
            availability: Some(Availability::Temporary),
            unavailable_hours: Some(2.0),
            subjects: Some(5000),
            ..known()
        };
        assert_eq!(assess(&outage).severity, S::Low);
    }

    #[test]
    fn a_malicious_recipient_confirming_deletion_is_not_a_mitigation() {
        let facts = BreachFacts {
            confidentiality: Some(C::KnownRecipient),
            recipient_confirmed_deletion: Some(true),
            malicious: Some(true),
            data_categories: categories(&[D::Contact]),
            ..known()
        };
        let outcome = assess(&facts);
        assert!(!outcome.rules().any(|rule| rule.starts_with("mitigation.")));
        // 2 × 1 + 0.25 + 0.5 = 2.75: medium.
        assert_eq!(outcome.severity, S::Medium);
    }

    #[test]
    fn encryption_with_a_safe_key_spares_the_parents_even_at_high_severity() {
        let facts = BreachFacts {
            confidentiality: Some(C::Public),
            integrity: Some(Integrity::AlteredUnrecoverable),
            availability: Some(Availability::Permanent),
            malicious: Some(true),
            encrypted: Some(true),
            key_compromised: Some(false),
            data_categories: categories(&[D::Health]),
            ..known()
        };
        // 4 × 0.25 + 0.5 + 0.5 + 0.5 + 0.5 = 3: high.
        let outcome = assess(&facts);
        assert_eq!(outcome.severity, S::High);
        assert!(outcome.notify_authority);
        assert!(!outcome.notify_subjects);
        assert!(outcome.rules().any(|rule| rule == "avg.34.3a.encrypted"));
    }

    #[test]
    fn the_deadline_is_72_hours_after_awareness_in_dutch_time() {
        let deadline = authority_deadline("2026-11-20T09:00:00+01:00".parse().unwrap());
        assert_eq!(rfc3339(&deadline), "2026-11-23T09:00:00+01:00");
        assert_eq!(deadline.time_zone().iana_name(), Some("Europe/Amsterdam"));
    }

    #[test]
    fn the_deadline_hour_shifts_forward_across_the_march_clock_change() {
        // Summer time starts on 29 March 2026: 72 elapsed hours end at 10:00 CEST.
        let deadline = authority_deadline("2026-03-27T09:00:00+01:00".parse().unwrap());
        assert_eq!(rfc3339(&deadline), "2026-03-30T10:00:00+02:00");
    }

    #[test]
    fn the_deadline_hour_shifts_back_across_the_october_clock_change() {
        // Winter time starts on 25 October 2026: 72 elapsed hours end at 08:00 CET.
        let deadline = authority_deadline("2026-10-23T09:00:00+02:00".parse().unwrap());
        assert_eq!(rfc3339(&deadline), "2026-10-26T08:00:00+01:00");
    }

    #[test]
    fn the_assessment_carries_the_deadline_and_says_it_in_dutch() {
        let facts = BreachFacts { confidentiality: Some(C::UnknownRecipient), ..known() };
        let outcome = assess(&facts);
        assert_eq!(outcome.authority_deadline.as_ref().map(rfc3339).as_deref(), Some("2026-11-23T09:00:00+01:00"));
        let reason = outcome.reasons.iter().find(|r| r.rule == "avg.33.deadline").unwrap();
        assert!(reason.text.contains("maandag 23-11-2026 09:00"), "{reason}");
        assert!(reason.text.contains("vrijdag 20-11-2026 09:00"), "{reason}");
    }

    #[test]
    fn without_a_moment_of_awareness_there_is_no_deadline() {
        let facts = BreachFacts { confidentiality: Some(C::UnknownRecipient), aware_at: None, ..known() };
        let outcome = assess(&facts);
        assert_eq!(outcome.authority_deadline, None);
        assert!(outcome.rules().any(|rule| rule == "unknown.aware_at"));
    }

    #[test]
    fn an_omitted_fact_is_reported_as_unknown_with_the_safe_assumption() {
        let facts = BreachFacts { confidentiality: None, ..known() };
        let outcome = assess(&facts);
        let reason = outcome.reasons.iter().find(|r| r.rule == "unknown.confidentiality").unwrap();
        assert!(reason.text.contains("onbekende ontvangers"), "{reason}");
        assert!(outcome.is_breach);
        assert_eq!(outcome.severity, S::Medium);
    }

    #[test]
    fn an_empty_form_assumes_the_worst_and_says_so_for_every_fact_it_used() {
        let outcome = assess(&BreachFacts::default());
        assert!(outcome.is_breach);
        assert_eq!(outcome.severity, S::VeryHigh);
        assert!(outcome.notify_authority);
        assert!(outcome.notify_subjects);
        assert_eq!(outcome.authority_deadline, None);
        let unknown: Vec<&str> = outcome.rules().filter(|rule| rule.starts_with("unknown.")).collect();
        for field in [
            "personal_data",
            "malicious",
            "confidentiality",
            "exfiltration",
            "integrity",
            "availability",
            "data_categories",
            "children",
            "encrypted",
            "backup_restored",
            "unavailable_hours",
            "subjects",
            "aware_at",
            "risk_removed_by_measures",
            "individual_contact_disproportionate",
        ] {
            assert!(unknown.contains(&format!("unknown.{field}").as_str()), "{field} missing from {unknown:?}");
        }
        // Facts the answers made irrelevant are not reported.
        assert!(!unknown.contains(&"unknown.key_compromised"));
        assert!(!unknown.contains(&"unknown.vulnerable"));
    }

    #[test]
    fn every_fact_code_is_its_serde_name_and_unknown_values_are_rejected() {
        fn parse<'de, T: Deserialize<'de>>(code: &'de str) -> Result<T, DeError> {
            T::deserialize(StrDeserializer::<DeError>::new(code))
        }
        for c in Confidentiality::ALL {
            assert_eq!(parse::<Confidentiality>(c.code()), Ok(*c));
        }
        for c in Integrity::ALL {
            assert_eq!(parse::<Integrity>(c.code()), Ok(*c));
        }
        for c in Availability::ALL {
            assert_eq!(parse::<Availability>(c.code()), Ok(*c));
        }
        for c in Exfiltration::ALL {
            assert_eq!(parse::<Exfiltration>(c.code()), Ok(*c));
        }
        for c in DataCategory::ALL {
            assert_eq!(parse::<DataCategory>(c.code()), Ok(*c));
        }
        for c in Severity::ALL {
            assert_eq!(parse::<Severity>(c.code()), Ok(*c));
        }
        let err = parse::<Confidentiality>("nobody").unwrap_err().to_string();
        assert!(err.contains("unknown variant `nobody`"), "{err}");
        assert!(parse::<DataCategory>("Health").is_err());
        assert!(parse::<Timestamp>("2026-11-20T09:00:00+01:00").is_ok());
        assert!(parse::<Timestamp>("20-11-2026 09:00").is_err());
    }

    fn facts_from_keys(keys: &[&'static str]) -> Result<BreachFacts, DeError> {
        let entries = keys.iter().map(|key| (*key, ()));
        BreachFacts::deserialize(MapDeserializer::<_, DeError>::new(entries))
    }

    #[test]
    fn unknown_fields_are_rejected_and_known_ones_may_be_null() {
        let err = facts_from_keys(&["colour"]).unwrap_err().to_string();
        assert!(err.contains("unknown field `colour`"), "{err}");
        let every: Vec<&'static str> = QUESTIONS.iter().map(|q| q.field).collect();
        assert_eq!(facts_from_keys(&every), Ok(BreachFacts::default()));
    }

    #[test]
    fn the_decision_tree_asks_for_every_fact_exactly_once() {
        let err = facts_from_keys(&["?"]).unwrap_err().to_string();
        let listed = err.split("expected one of").nth(1).unwrap();
        let mut fields: Vec<&str> = listed.split('`').skip(1).step_by(2).collect();
        let mut asked: Vec<&str> = QUESTIONS.iter().map(|q| q.field).collect();
        fields.sort_unstable();
        asked.sort_unstable();
        assert_eq!(fields.len(), 18);
        assert_eq!(asked, fields);
        for question in QUESTIONS {
            if let Some(condition) = question.only_if {
                assert!(asked.contains(&condition.field), "{}", question.field);
            }
        }
    }

    #[test]
    fn every_choice_of_the_decision_tree_is_a_valid_fact_value() {
        fn parses<T: serde::de::DeserializeOwned>(value: &str) -> bool {
            T::deserialize(StrDeserializer::<DeError>::new(value)).is_ok()
        }
        for question in QUESTIONS {
            let (AnswerKind::OneOf(choices) | AnswerKind::ManyOf(choices)) = question.answer else { continue };
            let (valid, count): (fn(&str) -> bool, usize) = match question.field {
                "confidentiality" => (parses::<Confidentiality>, Confidentiality::ALL.len()),
                "integrity" => (parses::<Integrity>, Integrity::ALL.len()),
                "availability" => (parses::<Availability>, Availability::ALL.len()),
                "exfiltration" => (parses::<Exfiltration>, Exfiltration::ALL.len()),
                "data_categories" => (parses::<DataCategory>, DataCategory::ALL.len()),
                other => panic!("no enum for {other}"),
            };
            assert_eq!(choices.len(), count, "{}", question.field);
            for choice in choices {
                assert!(valid(choice.value), "{}: {}", question.field, choice.value);
            }
        }
    }
}
