//! Personal-data breach assessment: is an incident a data breach (datalek), and
//! must the school notify the Autoriteit Persoonsgegevens (AP) and the people
//! whose data it is?
//!
//! The director answers the Dutch questions of [`QUESTIONS`]; the answers are
//! the [`BreachFacts`]; [`assess`] turns them into an [`Assessment`] whose every
//! reason carries a stable code ([`Reason::rule`]) and a plain Dutch sentence
//! ([`Reason::text`]) that names the facts and the source.
//!
//! # The law and how it is read
//!
//! - AVG (GDPR) art. 33 lid 1: notify the AP "unless the personal data breach
//!   is unlikely to result in a risk to the rights and freedoms of natural
//!   persons". Art. 34 lid 1: inform the data subjects when the breach is
//!   "likely to result in a high risk"; lid 3 a–c: not when the data were
//!   unintelligible (encryption), when measures since taken ensure the high
//!   risk is no longer likely to materialise, or when individual contact is
//!   disproportionate (then a public announcement).
//! - The EDPB's reading: Guidelines 01/2021 on examples regarding personal data
//!   breach notification (v2.0, 14 December 2021, cases 01–18), WP29
//!   Guidelines on personal data breach notification (WP250 rev.01, Annex B),
//!   and EDPB Guidelines 9/2022 (chapter IV: assessing risk and high risk:
//!   type of breach; nature, sensitivity and volume of the data; ease of
//!   identification; severity of the consequences; special characteristics of
//!   the individuals, children; number of individuals).
//! - The AP's page "Datalek: wel of niet melden": no notification is needed
//!   when the data were unintelligible (well encrypted or hashed) while still
//!   intact and under control (a recent backup) and the key was not
//!   compromised, or when the wrong recipient is trustworthy.
//!
//! # The decision
//!
//! A breach is weighed per kind (AVG art. 4 punt 12; WP250 §I.B.2):
//!
//! - **Confidentiality** (someone saw or has the data): risk = how likely misuse
//!   is (who has the data) × how bad it would be (the possible consequences
//!   the director names, or those that go with the data categories). Unintelligible data (encrypted with a safe key, or
//!   passwords as a strong salted hash) and a trusted recipient who deleted the
//!   data take the risk away (cases 06, 09, 10; WP250 example 1).
//! - **Availability** (data unreachable or lost): unlikely to be a risk when
//!   everything was back within [`LONG_OUTAGE_HOURS`] without consequences
//!   for care or safety (case 01; WP250 examples 3, 4); a risk when it lasted
//!   longer or data were lost (case 02; WP250 example 4); a high risk when
//!   care or safety suffered (case 03; WP250 example 8).
//! - **Integrity** (data altered): a risk when the alteration cannot be undone.
//!
//! The heaviest kind decides. Measures taken afterwards never lift the duty to
//! notify the AP (01/2021 §9: assess at awareness, do not wait for mitigation),
//! but they can spare the data subjects (art. 34 lid 3 sub b).
//!
//! [`Severity`] summarises the outcome: low = no notification, medium = notify
//! the AP, high = notify the AP and the people, very high = high with serious
//! consequences and data out of the school's control. It follows the criteria;
//! no score overrules them.

use crate::calendar::dutch_time_zone;
use jiff::civil::Weekday;
use jiff::{SignedDuration, Timestamp, Zoned};
use serde::ser::SerializeStruct;
use serde::{Deserialize, Serialize, Serializer};
use std::fmt;

#[cfg(test)]
mod examples;

/// From this many people a breach counts as large, and from this many
/// recipients the data are out of the school's sight (EDPB Guidelines 9/2022
/// chapter IV, number of affected individuals; WP250 Annex B example 9: a
/// wrong mailing list of 1000+ recipients). 100 is four classes' worth of
/// pupils: more than one group, a real share of a school.
pub const LARGE_SCALE: u64 = 100;

/// From this many hours an unavailability counts as long. EDPB Guidelines
/// 01/2021 case 01 (restored within a few hours) is not notifiable, case 02
/// (five working days) is; a school day without allergy lists and emergency
/// numbers is where we draw the line.
pub const LONG_OUTAGE_HOURS: f64 = 24.0;

/// Hours between awareness and the deadline of the notification to the AP (AVG art. 33 lid 1).
pub const AUTHORITY_HOURS: i64 = 72;

/// The AP's guidance page, cited in reasons.
const AP_PAGE: &str = "AP-pagina ‘Datalek: wel of niet melden’";

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
    /// Who could see or obtain the data: the loss of confidentiality (WP250
    /// §I.B.2 "confidentiality breach").
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
    /// Whether data were altered (WP250 §I.B.2 "integrity breach").
    Integrity {
        None = "none",
        AlteredRecoverable = "altered_recoverable",
        AlteredUnrecoverable = "altered_unrecoverable",
    }
}

fact_enum! {
    /// Whether data were lost or unreachable (WP250 §I.B.2 "availability breach").
    Availability {
        None = "none",
        /// Unreachable for a while; see [`BreachFacts::unavailable_hours`] and
        /// [`BreachFacts::backup_restored`].
        Temporary = "temporary",
        /// (Some) data are gone for good.
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
    /// The kinds of personal data involved.
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
    /// What could happen to the people if others have or misuse their data
    /// (AVG overweging 75 and 85; EDPB Guidelines 9/2022 chapter IV, severity
    /// of consequences). `None` is the explicit answer "none of these".
    Consequence {
        IdentityFraud = "identity_fraud",
        FinancialLoss = "financial_loss",
        Discrimination = "discrimination",
        Reputation = "reputation",
        Physical = "physical",
        UnwantedContact = "unwanted_contact",
        Privacy = "privacy",
        None = "none",
    }
}

fact_enum! {
    /// The outcome in one word, and `none` when there is no breach: low = no
    /// notification, medium = the AP, high = the AP and the people, very high =
    /// high with serious consequences and the data out of the school's control.
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

    /// The short Dutch name used inside a sentence.
    const fn noun(self) -> &'static str {
        match self {
            Self::Contact => "contactgegevens",
            Self::Identification => "identificerende gegevens",
            Self::NationalId => "een BSN of kopie van een identiteitsbewijs",
            Self::Education => "schoolprestaties",
            Self::Behaviour => "gegevens over gedrag en welbevinden",
            Self::Images => "foto's of video's",
            Self::Financial => "financiële gegevens",
            Self::Credentials => "inloggegevens",
            Self::Health => "gezondheids- of zorggegevens",
            Self::Special => "bijzondere gegevens",
            Self::Criminal => "strafrechtelijke gegevens",
            Self::Location => "locatiegegevens",
            Self::Communications => "inhoud van berichten",
        }
    }

    /// Special categories (AVG art. 9 and 10) and the BSN (UAVG art. 46): their
    /// disclosure is serious in itself. The EDPB's example of a trusted
    /// recipient (01/2021 case 09) concerned none of them, so with these the
    /// trusted-recipient exemption is not applied.
    const fn special(self) -> bool {
        matches!(self, Self::Health | Self::Special | Self::Criminal | Self::NationalId)
    }

    /// The consequences assumed when the director did not name them: what this
    /// kind of data typically allows (AVG overweging 75; EDPB Guidelines 9/2022
    /// chapter IV). Name and date of birth are the start of identity fraud, a
    /// child's results, behaviour notes or photos can shame or expose it,
    /// health and beliefs invite discrimination, a location can put someone in
    /// danger.
    const fn likely_consequences(self) -> &'static [Consequence] {
        match self {
            Self::Contact => &[Consequence::UnwantedContact],
            Self::Identification | Self::NationalId | Self::Credentials => &[Consequence::IdentityFraud],
            Self::Education | Self::Behaviour | Self::Images | Self::Communications => &[Consequence::Reputation],
            Self::Financial => &[Consequence::FinancialLoss],
            Self::Health | Self::Criminal => &[Consequence::Discrimination, Consequence::Reputation],
            Self::Special => &[Consequence::Discrimination],
            Self::Location => &[Consequence::Physical],
        }
    }
}

impl Consequence {
    /// The Dutch label shown to the director.
    #[must_use]
    pub const fn label(self) -> &'static str {
        match self {
            Self::IdentityFraud => {
                "Identiteitsfraude of oplichting (bijvoorbeeld phishing met echte gegevens, misbruik van een account)"
            }
            Self::FinancialLoss => "Financiële schade",
            Self::Discrimination => "Discriminatie of uitsluiting",
            Self::Reputation => "Reputatieschade, schaamte of pesten",
            Self::Physical => {
                "Gevaar voor gezondheid of veiligheid (bijvoorbeeld een afgeschermd adres of medische zorg)"
            }
            Self::UnwantedContact => "Ongewenst contact, reclame of spam",
            Self::Privacy => "Iemand weet nu iets wat niet voor hem bedoeld was, zonder verdere schade",
            Self::None => "Geen van deze: hooguit klein ongemak",
        }
    }

    const fn noun(self) -> &'static str {
        match self {
            Self::IdentityFraud => "identiteitsfraude of oplichting",
            Self::FinancialLoss => "financiële schade",
            Self::Discrimination => "discriminatie of uitsluiting",
            Self::Reputation => "reputatieschade, schaamte of pesten",
            Self::Physical => "gevaar voor gezondheid of veiligheid",
            Self::UnwantedContact => "ongewenst contact",
            Self::Privacy => "een inbreuk op de privacy zonder verdere schade",
            Self::None => "hooguit klein ongemak",
        }
    }

    /// Physical, material or serious non-material damage (AVG overweging 85)
    /// is serious; unwanted contact and knowing what was not meant for you are
    /// limited; "none" is minor.
    const fn impact(self) -> Impact {
        match self {
            Self::IdentityFraud | Self::FinancialLoss | Self::Discrimination | Self::Reputation | Self::Physical => {
                Impact::Serious
            }
            Self::UnwantedContact | Self::Privacy => Impact::Limited,
            Self::None => Impact::Minor,
        }
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
}

/// The director's answers. Every field is optional: an omitted fact gets the
/// safe (worse plausible) value and a reason with code `unknown.<field>` says
/// what was assumed. Unknown fields and unknown values are rejected by serde.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "snake_case")]
pub struct BreachFacts {
    pub personal_data: Option<bool>,
    pub confidentiality: Option<Confidentiality>,
    /// How many people without authorisation received the data, for a known
    /// recipient. Unknown: [`LARGE_SCALE`] or more.
    pub recipients: Option<u64>,
    /// The known recipient is trustworthy: bound to confidentiality or
    /// professional secrecy, or a party the school works with, and follows the
    /// school's instructions (EDPB 01/2021 case 09; AP). Unknown: not trusted.
    pub trusted_recipient: Option<bool>,
    pub integrity: Option<Integrity>,
    pub availability: Option<Availability>,
    pub unavailable_hours: Option<f64>,
    /// All data are complete again, from a backup where needed. Unknown: no.
    pub backup_restored: Option<bool>,
    /// Missing or wrong data harmed (or can harm) the care or safety of people:
    /// medication, allergies, emergency numbers, a care plan (EDPB 01/2021
    /// case 03; WP250 Annex B example 8). Unknown: yes when health data are
    /// involved, otherwise no.
    pub care_disrupted: Option<bool>,
    pub malicious: Option<bool>,
    pub exfiltration: Option<Exfiltration>,
    pub data_categories: Option<Vec<DataCategory>>,
    pub subjects: Option<u64>,
    pub children: Option<bool>,
    pub vulnerable: Option<bool>,
    pub encrypted: Option<bool>,
    pub key_compromised: Option<bool>,
    /// The leaked passwords were stored only as a hash of a state-of-the-art
    /// algorithm with a salt, and the salt was not leaked (EDPB 01/2021 case
    /// 06). Unknown: no.
    pub hashed_state_of_the_art: Option<bool>,
    pub recipient_confirmed_deletion: Option<bool>,
    /// The possible consequences for the people, as the director judges them.
    /// Unknown: those that go with the data categories.
    pub consequences: Option<Vec<Consequence>>,
    pub risk_removed_by_measures: Option<bool>,
    pub individual_contact_disproportionate: Option<bool>,
    pub aware_at: Option<Timestamp>,
}

/// One step of the explanation: the stable code of the rule that fired and
/// what it concluded, in plain Dutch with its source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reason {
    pub rule: &'static str,
    pub text: String,
}

impl fmt::Display for Reason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

impl Serialize for Reason {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut reason = serializer.serialize_struct("Reason", 2)?;
        reason.serialize_field("code", self.rule)?;
        reason.serialize_field("text", &self.text)?;
        reason.end()
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
    /// The codes of the rules that fired, in order.
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
/// controller became aware of the breach (AVG art. 33 lid 1; WP250 §II.A.2),
/// shown in Dutch local time. Across a daylight-saving change the wall-clock
/// hour shifts, because the law counts hours, not days.
#[must_use]
pub fn authority_deadline(aware_at: Timestamp) -> Zoned {
    aware_at
        .checked_add(SignedDuration::from_hours(AUTHORITY_HOURS))
        .unwrap_or(Timestamp::MAX)
        .to_zoned(dutch_time_zone())
}

/// How bad misuse of the data would be for the people (EDPB Guidelines 9/2022
/// chapter IV, severity of consequences).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Impact {
    /// Hooguit klein ongemak.
    Minor,
    /// Merkbaar, maar te overzien: ongewenst contact, iemand weet iets.
    Limited,
    /// Ernstig: fraude, financiële schade, discriminatie, reputatieschade, gevaar.
    Serious,
}

impl Impact {
    const fn lighter(self) -> Self {
        match self {
            Self::Minor | Self::Limited => Self::Minor,
            Self::Serious => Self::Limited,
        }
    }

    const fn label(self) -> &'static str {
        match self {
            Self::Minor => "gering, hooguit klein ongemak",
            Self::Limited => "beperkt",
            Self::Serious => "ernstig",
        }
    }
}

/// How likely misuse is, from who has the data (EDPB 01/2021: known and
/// trusted, known, unknown or malicious, public).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Likelihood {
    /// A known recipient without bad intent and fewer than [`LARGE_SCALE`] of them.
    Limited,
    /// Unknown recipients, the public, malice, or too many recipients to follow.
    Likely,
}

/// The risk one kind of breach carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Level {
    /// "Unlikely to result in a risk" (AVG art. 33 lid 1).
    Unlikely,
    /// A risk: notify the AP.
    Risk,
    /// A high risk: inform the people too (AVG art. 34 lid 1).
    High,
}

/// What took a confidentiality risk away.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shield {
    Encrypted,
    Hashed,
    TrustedRecipient,
    Minor,
}

/// The conclusion on one kind of breach, with the clause that explains it
/// ("omdat …").
struct Finding {
    level: Level,
    ground: String,
    shield: Option<Shield>,
    /// Serious consequences with the data out of the school's control.
    worst: bool,
}

impl Finding {
    fn new(level: Level, ground: impl Into<String>) -> Self {
        Self { level, ground: ground.into(), shield: None, worst: false }
    }

    fn shielded(shield: Shield, ground: impl Into<String>) -> Self {
        Self { level: Level::Unlikely, ground: ground.into(), shield: Some(shield), worst: false }
    }
}

/// Assesses a (possible) personal-data breach; see the module documentation
/// for the criteria.
#[must_use]
pub fn assess(facts: &BreachFacts) -> Assessment {
    Assessor { facts, reasons: Vec::new(), care: None, subjects: None }.run()
}

struct Assessor<'a> {
    facts: &'a BreachFacts,
    reasons: Vec<Reason>,
    /// `care_disrupted`, once asked.
    care: Option<bool>,
    /// `subjects`, once asked.
    subjects: Option<u64>,
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
            "Niet bekend of het om persoonsgegevens gaat; we gaan uit van wel, want dan kan er een meldplicht zijn.",
        );
        if !personal {
            self.say(
                "breach.no_personal_data",
                "Geen datalek: er zijn geen persoonsgegevens betrokken. Het blijft wel een beveiligingsincident (AVG art. 4 punt 12).",
            );
            return self.no_breach();
        }
        let malicious = self.or_assume(
            facts.malicious,
            "unknown.malicious",
            true,
            "Niet bekend of er kwade opzet in het spel is (diefstal, hack, phishing); we gaan uit van wel, omdat dat het zwaarste geval is.",
        );
        let confidentiality = self.or_assume(
            facts.confidentiality,
            "unknown.confidentiality",
            Confidentiality::UnknownRecipient,
            "Niet bekend wie de gegevens heeft kunnen zien; we gaan uit van onbekende ontvangers, omdat de school dan niet kan nagaan wat ermee gebeurt.",
        );
        let exfiltration = match facts.exfiltration {
            Some(exfiltration) => exfiltration,
            None if malicious => {
                self.say(
                    "unknown.exfiltration",
                    "Niet bekend of er gegevens zijn weggesluisd; bij kwade opzet gaan we uit van een vermoeden dat dat gebeurd is.",
                );
                Exfiltration::Suspected
            }
            None => {
                self.say(
                    "unknown.exfiltration",
                    "Niet bekend of er gegevens zijn weggesluisd; zonder kwade opzet gaan we ervan uit dat er niets is weggesluisd.",
                );
                Exfiltration::None
            }
        };
        let exposed = self.exposure(confidentiality, exfiltration);
        let integrity = self.or_assume(
            facts.integrity,
            "unknown.integrity",
            Integrity::AlteredRecoverable,
            "Niet bekend of gegevens zijn gewijzigd; we gaan uit van gewijzigd, maar te herstellen.",
        );
        let availability = self.or_assume(
            facts.availability,
            "unknown.availability",
            Availability::Temporary,
            "Niet bekend of gegevens (tijdelijk) niet beschikbaar zijn; we gaan uit van tijdelijk niet beschikbaar.",
        );
        if exposed == Confidentiality::None && integrity == Integrity::None && availability == Availability::None {
            self.say(
                "breach.nothing_lost",
                "Geen datalek: niemand zonder toestemming heeft de gegevens gezien en er is niets gewijzigd of kwijtgeraakt. Het blijft wel een beveiligingsincident (AVG art. 4 punt 12).",
            );
            return self.no_breach();
        }
        self.say("breach.kinds", breach_kinds(exposed, integrity, availability));

        let categories = self.categories();
        let mut findings = Vec::new();
        if exposed != Confidentiality::None {
            findings.push(self.confidentiality(exposed, malicious, &categories));
        }
        if let Some(finding) = self.integrity(integrity, &categories) {
            findings.push(finding);
        }
        if let Some(finding) = self.availability(availability, &categories) {
            findings.push(finding);
        }
        let level = findings.iter().map(|f| f.level).max().unwrap_or(Level::Unlikely);
        let severity = match level {
            Level::Unlikely => Severity::Low,
            Level::Risk => Severity::Medium,
            Level::High if findings.iter().any(|f| f.worst) => Severity::VeryHigh,
            Level::High => Severity::High,
        };
        let notify_authority = self.authority(level, severity, &findings);
        let authority_deadline = self.deadline(notify_authority);
        let (notify_subjects, subjects_alternative) = self.subjects(level, &findings);
        self.say(
            "breach.procedure",
            "De directeur beslist samen met het college van bestuur en de functionaris gegevensbescherming (FG) over de melding en zet die in gang.",
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

    /// Every incident is registered, notifiable or not (AVG art. 33 lid 5).
    fn register(&mut self) {
        self.say(
            "breach.register",
            "Leg het incident met deze afweging vast in het incidentenregister, ook als melden niet nodig is (AVG art. 33 lid 5).",
        );
    }

    /// Exfiltration, confirmed or suspected, means unknown people hold the data,
    /// whatever was answered about confidentiality (EDPB 01/2021 case 04:
    /// ransomware with exfiltration is a confidentiality breach too).
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
            "breach.exfiltration",
            format!(
                "{how}: we rekenen ermee dat onbekenden de gegevens hebben (EDPB-richtlijnen 01/2021, voorbeeld 4)."
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
                    "Niet bekend welke soorten gegevens betrokken zijn; we gaan uit van gezondheids- of zorggegevens, omdat een school die ook bewaart.",
                );
                vec![DataCategory::Health]
            }
        }
    }

    fn subjects_count(&mut self) -> u64 {
        if let Some(count) = self.subjects {
            return count;
        }
        let count = self.or_assume(
            self.facts.subjects,
            "unknown.subjects",
            LARGE_SCALE,
            "Niet bekend om hoeveel personen het gaat; we gaan uit van 100 of meer.",
        );
        self.subjects = Some(count);
        count
    }

    /// Whether missing or wrong data harm care or safety; unknown: yes when
    /// health data are involved (the worse plausible case), otherwise no.
    fn care_disrupted(&mut self, categories: &[DataCategory]) -> bool {
        if let Some(care) = self.care {
            return care;
        }
        let care = match self.facts.care_disrupted {
            Some(care) => care,
            None if categories.contains(&DataCategory::Health) => {
                self.say(
                    "unknown.care_disrupted",
                    "Niet bekend of de zorg of veiligheid van mensen last had van het incident; er zitten gezondheids- of zorggegevens bij, dus we gaan uit van wel.",
                );
                true
            }
            None => {
                self.say(
                    "unknown.care_disrupted",
                    "Niet bekend of de zorg of veiligheid van mensen last had van het incident; er zitten geen gezondheids- of zorggegevens bij, dus we gaan uit van niet.",
                );
                false
            }
        };
        self.care = Some(care);
        care
    }

    // ------------------------------------------------------------ confidentiality

    /// Someone saw or has the data: is it readable, who has it, what could
    /// happen?
    fn confidentiality(&mut self, exposed: Confidentiality, malicious: bool, categories: &[DataCategory]) -> Finding {
        let readable = match self.readable(categories) {
            Ok(readable) => readable,
            Err(Shield::Hashed) => {
                return Finding::shielded(
                    Shield::Hashed,
                    "de wachtwoorden alleen als sterke hash met salt waren opgeslagen",
                );
            }
            Err(shield) => {
                return Finding::shielded(shield, "de gegevens versleuteld waren en de sleutel niet is gelekt");
            }
        };
        let likelihood = match self.holder(exposed, malicious, &readable) {
            Ok(likelihood) => likelihood,
            Err(finding) => return finding,
        };
        let impact = self.impact(malicious, &readable);
        let holder = match (exposed, malicious) {
            (Confidentiality::Public, _) => "de gegevens openbaar zijn geworden",
            (Confidentiality::KnownRecipient, true) => "iemand de gegevens met opzet heeft meegenomen",
            (Confidentiality::KnownRecipient, false) if likelihood == Likelihood::Likely => {
                "de gegevens bij zoveel ontvangers zijn dat de school niet kan nagaan wat ermee gebeurt"
            }
            (Confidentiality::KnownRecipient, false) => "de gegevens bij een bekende ontvanger zijn gekomen",
            _ => "onbekend is wie de gegevens heeft",
        };
        match (likelihood, impact) {
            (_, Impact::Minor) => {
                self.say(
                    "risk.confidentiality.minor",
                    "Vertrouwelijkheid: waarschijnlijk geen risico, omdat het lek hooguit klein ongemak geeft (EDPB-richtlijnen 01/2021, voorbeelden 13 en 15).",
                );
                Finding::shielded(Shield::Minor, "het lek hooguit klein ongemak geeft")
            }
            (Likelihood::Limited, Impact::Limited) => {
                self.say(
                    "risk.confidentiality.risk",
                    format!(
                        "Vertrouwelijkheid: een risico, maar geen hoog risico, omdat {holder} en de gevolgen beperkt zijn (EDPB-richtlijnen 01/2021, voorbeeld 16)."
                    ),
                );
                Finding::new(Level::Risk, format!("{holder} en dat beperkte gevolgen kan hebben"))
            }
            (Likelihood::Likely, Impact::Limited) => {
                let out_of_sight = exposed != Confidentiality::KnownRecipient || !malicious;
                let aggravation = if out_of_sight { self.aggravation() } else { None };
                if let Some(why) = aggravation {
                    self.say(
                        "risk.confidentiality.aggravated",
                        format!(
                            "Vertrouwelijkheid: hoog risico, omdat {holder} en {why}, al zijn de gevolgen op zich beperkt (EDPB-richtlijnen 9/2022, hoofdstuk IV: kinderen en kwetsbare mensen, aantal betrokkenen)."
                        ),
                    );
                    Finding::new(Level::High, format!("{holder} en {why}"))
                } else {
                    self.say(
                        "risk.confidentiality.risk",
                        format!(
                            "Vertrouwelijkheid: een risico, maar geen hoog risico, omdat {holder} en de gevolgen beperkt zijn (EDPB-richtlijnen 01/2021, voorbeeld 8)."
                        ),
                    );
                    Finding::new(Level::Risk, format!("{holder} en dat beperkte gevolgen kan hebben"))
                }
            }
            (likelihood, Impact::Serious) => {
                self.say(
                    "risk.confidentiality.high",
                    format!(
                        "Vertrouwelijkheid: hoog risico, omdat {holder} en de gevolgen ernstig kunnen zijn (EDPB-richtlijnen 01/2021, voorbeelden 5, 11, 12 en 14)."
                    ),
                );
                Finding {
                    level: Level::High,
                    ground: format!("{holder} en dat ernstige gevolgen kan hebben"),
                    shield: None,
                    worst: likelihood == Likelihood::Likely,
                }
            }
        }
    }

    /// The categories still readable for whoever has them, or the [`Shield`]
    /// that makes nothing readable: encrypted with a safe key (EDPB 01/2021 cases 01 and 10;
    /// WP250 Annex B example 1), or only passwords as a strong salted hash
    /// (case 06). The AP's further conditions (data intact, a recent backup)
    /// are weighed as integrity and availability.
    fn readable(&mut self, categories: &[DataCategory]) -> Result<Vec<DataCategory>, Shield> {
        let encrypted = self.or_assume(
            self.facts.encrypted,
            "unknown.encrypted",
            false,
            "Niet bekend of de gegevens versleuteld waren; we gaan uit van onversleuteld.",
        );
        if encrypted {
            let compromised = self.or_assume(
                self.facts.key_compromised,
                "unknown.key_compromised",
                true,
                "Niet bekend of de sleutel of het wachtwoord veilig is; we gaan ervan uit dat die ook gelekt kan zijn.",
            );
            if !compromised {
                self.say(
                    "risk.unreadable.encrypted",
                    format!(
                        "De gegevens waren versleuteld volgens de stand van de techniek en de sleutel is niet gelekt: wie ze heeft, kan ze niet lezen (EDPB-richtlijnen 01/2021, voorbeeld 10; {AP_PAGE}). Of de gegevens compleet zijn en er een back-up is, wegen we hieronder apart."
                    ),
                );
                return Err(Shield::Encrypted);
            }
            self.say(
                "risk.encryption.key_compromised",
                "De gegevens waren versleuteld, maar de sleutel of het wachtwoord kan in verkeerde handen zijn: dan beschermt de versleuteling niet (WP29-richtlijnen WP250, bijlage B, voorbeeld 1).",
            );
        }
        if !categories.contains(&DataCategory::Credentials) {
            return Ok(categories.to_vec());
        }
        let hashed = self.or_assume(
            self.facts.hashed_state_of_the_art,
            "unknown.hashed_state_of_the_art",
            false,
            "Niet bekend of de wachtwoorden als sterke hash met salt waren opgeslagen; we gaan uit van niet.",
        );
        if !hashed {
            return Ok(categories.to_vec());
        }
        let rest: Vec<DataCategory> = categories.iter().copied().filter(|c| *c != DataCategory::Credentials).collect();
        if rest.is_empty() {
            self.say(
                "risk.unreadable.hashed",
                "De gelekte wachtwoorden waren alleen opgeslagen als hash met een sterk algoritme en een salt die niet is gelekt: niemand kan ze lezen (EDPB-richtlijnen 01/2021, voorbeeld 6).",
            );
            return Err(Shield::Hashed);
        }
        self.say(
            "risk.unreadable.hashed_partly",
            "De wachtwoorden waren onleesbaar opgeslagen als sterke hash met salt, maar de andere gelekte gegevens zijn wel leesbaar; die wegen we hieronder (EDPB-richtlijnen 01/2021, voorbeeld 6).",
        );
        Ok(rest)
    }

    /// Who has the data. A trusted recipient who confirmed deletion ends the
    /// assessment here (`Err`): unlikely to be a risk, or a risk without high
    /// risk when special categories or a BSN are involved.
    fn holder(
        &mut self,
        exposed: Confidentiality,
        malicious: bool,
        readable: &[DataCategory],
    ) -> Result<Likelihood, Finding> {
        match exposed {
            Confidentiality::Public => {
                self.say(
                    "risk.holder.public",
                    "De gegevens zijn openbaar geworden: iedereen kan ze zien en gebruiken, dus misbruik is waarschijnlijk.",
                );
                Ok(Likelihood::Likely)
            }
            Confidentiality::UnknownRecipient | Confidentiality::None => {
                self.say(
                    "risk.holder.unknown",
                    "Niemand weet wie de gegevens heeft (verloren, gestolen of gehackt), dus misbruik is waarschijnlijk (EDPB-richtlijnen 01/2021, voorbeelden 11 en 12).",
                );
                Ok(Likelihood::Likely)
            }
            Confidentiality::KnownRecipient if malicious => {
                self.say(
                    "risk.holder.malicious",
                    "Een bekende persoon heeft de gegevens met opzet meegenomen of gebruikt, dus misbruik is waarschijnlijk (EDPB-richtlijnen 01/2021, voorbeeld 8).",
                );
                Ok(Likelihood::Likely)
            }
            Confidentiality::KnownRecipient => {
                let trusted = self.or_assume(
                    self.facts.trusted_recipient,
                    "unknown.trusted_recipient",
                    false,
                    "Niet bekend of de ontvanger betrouwbaar is; we gaan uit van niet.",
                );
                if trusted {
                    let deleted = self.or_assume(
                        self.facts.recipient_confirmed_deletion,
                        "unknown.recipient_confirmed_deletion",
                        false,
                        "Niet bekend of de ontvanger heeft bevestigd dat de gegevens zijn verwijderd; we gaan uit van niet.",
                    );
                    if deleted {
                        return Err(self.trusted(readable));
                    }
                    self.say(
                        "risk.holder.trusted_not_deleted",
                        "De ontvanger is betrouwbaar, maar heeft nog niet bevestigd dat de gegevens zijn verwijderd. Vraag daarom. Tot dan telt de ontvanger als gewone bekende ontvanger.",
                    );
                }
                let recipients = self.or_assume(
                    self.facts.recipients,
                    "unknown.recipients",
                    LARGE_SCALE,
                    "Niet bekend hoeveel mensen de gegevens kregen; we gaan uit van 100 of meer.",
                );
                if recipients >= LARGE_SCALE {
                    self.say(
                        "risk.holder.many_recipients",
                        format!(
                            "De gegevens gingen naar {recipients} ontvangers: zoveel dat de school niet kan nagaan wat ermee gebeurt, dus misbruik is waarschijnlijk (vergelijk WP29-richtlijnen WP250, bijlage B, voorbeeld 9)."
                        ),
                    );
                    return Ok(Likelihood::Likely);
                }
                let deleted = if self.facts.recipient_confirmed_deletion == Some(true) {
                    " De ontvanger heeft de gegevens verwijderd; dat verkleint de kans op misbruik, maar is geen garantie."
                } else {
                    ""
                };
                let who = if recipients == 1 {
                    "één bekende ontvanger".to_owned()
                } else {
                    format!("{recipients} bekende ontvangers")
                };
                self.say(
                    "risk.holder.known",
                    format!(
                        "De gegevens gingen naar {who} zonder kwade bedoelingen: misbruik is niet waarschijnlijk, maar ook niet uitgesloten (EDPB-richtlijnen 01/2021, voorbeelden 13, 15 en 16).{deleted}"
                    ),
                );
                Ok(Likelihood::Limited)
            }
        }
    }

    /// A trusted recipient who confirmed deletion (EDPB 01/2021 case 09; AP).
    fn trusted(&mut self, readable: &[DataCategory]) -> Finding {
        let special: Vec<&str> = readable.iter().filter(|c| c.special()).map(|c| c.noun()).collect();
        if special.is_empty() {
            self.say(
                "risk.holder.trusted",
                format!(
                    "De ontvanger is betrouwbaar (geheimhouding of een vaste relatie van de school) en heeft bevestigd dat de gegevens zijn verwijderd. Misbruik is dan niet te verwachten (EDPB-richtlijnen 01/2021, voorbeeld 9; {AP_PAGE})."
                ),
            );
            return Finding::shielded(
                Shield::TrustedRecipient,
                "een betrouwbare ontvanger de gegevens heeft verwijderd",
            );
        }
        let special = dutch_list(&special);
        self.say(
            "risk.holder.trusted_special",
            format!(
                "De ontvanger is betrouwbaar en heeft de gegevens verwijderd, maar het gaat ook om {special}. In het voorbeeld van de EDPB zaten zulke gegevens er niet bij (EDPB-richtlijnen 01/2021, voorbeeld 9). Daarom is dit een risico: melden bij de AP, maar geen hoog risico voor de betrokkenen."
            ),
        );
        Finding::new(
            Level::Risk,
            format!("gegevens met {special} bij een andere organisatie zijn gekomen, al heeft die ze verwijderd"),
        )
    }

    /// How bad misuse would be: the consequences the director names, or those
    /// that go with the categories; a step lighter for nameless images (ease of
    /// identification); at least limited with malice.
    fn impact(&mut self, malicious: bool, readable: &[DataCategory]) -> Impact {
        let mut impact = match &self.facts.consequences {
            Some(list) if !list.is_empty() => {
                let impact = list.iter().map(|c| c.impact()).max().unwrap_or(Impact::Minor);
                let named: Vec<&str> =
                    list.iter().filter(|c| **c != Consequence::None || list.len() == 1).map(|c| c.noun()).collect();
                let mut text = format!(
                    "Mogelijke gevolgen volgens de school: {}. Ernst van de gevolgen: {} (EDPB-richtlijnen 9/2022, hoofdstuk IV).",
                    dutch_list(&named),
                    impact.label()
                );
                let special: Vec<&str> = readable.iter().filter(|c| c.special()).map(|c| c.noun()).collect();
                if impact < Impact::Serious && !special.is_empty() {
                    text.push_str(&format!(
                        " Let op: het gaat ook om {}. Leg vast waarom de gevolgen toch niet ernstig zijn.",
                        dutch_list(&special)
                    ));
                }
                self.say("risk.impact.named", text);
                impact
            }
            _ => {
                let mut assumed: Vec<Consequence> = Vec::new();
                for category in readable {
                    for consequence in category.likely_consequences() {
                        if !assumed.contains(consequence) {
                            assumed.push(*consequence);
                        }
                    }
                }
                let impact = assumed.iter().map(|c| c.impact()).max().unwrap_or(Impact::Minor);
                let named: Vec<&str> = assumed.iter().map(|c| c.noun()).collect();
                self.say(
                    "unknown.consequences",
                    format!(
                        "Niet bekend welke gevolgen het lek kan hebben; we gaan uit van wat bij deze gegevens past: {}. Ernst van de gevolgen: {}.",
                        dutch_list(&named),
                        impact.label()
                    ),
                );
                impact
            }
        };
        if !readable.is_empty() && readable.iter().all(|c| *c == DataCategory::Images) && impact > Impact::Minor {
            impact = impact.lighter();
            self.say(
                "risk.impact.images",
                format!(
                    "Alleen beeldmateriaal zonder naam: alleen wie de persoon kent, herkent hem. Daarom wegen de gevolgen een stap lichter: {} (EDPB-richtlijnen 9/2022, hoofdstuk IV: hoe makkelijk iemand te herkennen is).",
                    impact.label()
                ),
            );
        }
        if malicious && impact == Impact::Minor {
            impact = Impact::Limited;
            self.say(
                "risk.impact.malicious",
                "Er is kwade opzet in het spel: wie gegevens met opzet neemt, wil ze gebruiken. Daarom rekenen we met minstens beperkte gevolgen (EDPB-richtlijnen 01/2021, voorbeeld 8).",
            );
        }
        impact
    }

    /// Limited consequences weigh heavier for children and vulnerable people,
    /// and for many people (EDPB Guidelines 9/2022 chapter IV).
    fn aggravation(&mut self) -> Option<String> {
        let children = self.or_assume(
            self.facts.children,
            "unknown.children",
            true,
            "Niet bekend of het om gegevens van kinderen gaat; op een school gaan we uit van wel.",
        );
        if children {
            return Some("het om kinderen gaat, die extra bescherming verdienen".to_owned());
        }
        let vulnerable = self.or_assume(
            self.facts.vulnerable,
            "unknown.vulnerable",
            true,
            "Niet bekend of de betrokkenen extra kwetsbaar zijn; we gaan uit van wel.",
        );
        if vulnerable {
            return Some("de betrokkenen extra kwetsbaar zijn".to_owned());
        }
        let count = self.subjects_count();
        (count >= LARGE_SCALE).then(|| format!("het om {count} personen gaat"))
    }

    // ------------------------------------------------------ integrity, availability

    fn integrity(&mut self, integrity: Integrity, categories: &[DataCategory]) -> Option<Finding> {
        match integrity {
            Integrity::None => None,
            Integrity::AlteredRecoverable => {
                self.say(
                    "risk.integrity.recoverable",
                    "Integriteit: gegevens zijn gewijzigd, maar te herstellen. Dat leidt op zich waarschijnlijk niet tot een risico; herstel ze en ga na of iemand op foute gegevens heeft gehandeld.",
                );
                Some(Finding::new(Level::Unlikely, "de gewijzigde gegevens te herstellen zijn"))
            }
            Integrity::AlteredUnrecoverable if self.care_disrupted(categories) => {
                self.say(
                    "risk.integrity.care",
                    "Integriteit: gegevens zijn gewijzigd en niet te herstellen, en dat raakt de zorg of veiligheid van mensen. Dat is een hoog risico (AVG art. 34 lid 1).",
                );
                Some(Finding::new(Level::High, "foute gegevens de zorg of veiligheid van mensen raken"))
            }
            Integrity::AlteredUnrecoverable => {
                self.say(
                    "risk.integrity.unrecoverable",
                    "Integriteit: gegevens zijn gewijzigd en niet te herstellen, dus kan er op foute gegevens worden gehandeld. Dat is een risico (AVG art. 33 lid 1).",
                );
                Some(Finding::new(Level::Risk, "gewijzigde gegevens niet te herstellen zijn"))
            }
        }
    }

    fn availability(&mut self, availability: Availability, categories: &[DataCategory]) -> Option<Finding> {
        if availability == Availability::None {
            return None;
        }
        if self.care_disrupted(categories) {
            self.say(
                "risk.availability.care",
                "Beschikbaarheid: doordat de gegevens er niet waren, kwam de zorg of veiligheid van mensen in de knel. Dat is een hoog risico (EDPB-richtlijnen 01/2021, voorbeeld 3; WP29-richtlijnen WP250, bijlage B, voorbeeld 8).",
            );
            return Some(Finding::new(
                Level::High,
                "het ontbreken van de gegevens de zorg of veiligheid van mensen raakt",
            ));
        }
        if availability == Availability::Permanent {
            self.say(
                "risk.availability.lost",
                "Beschikbaarheid: gegevens zijn blijvend kwijt en moeten opnieuw worden verzameld. Dat is een risico (EDPB-richtlijnen 01/2021, voorbeeld 2; WP29-richtlijnen WP250, bijlage B, voorbeeld 4).",
            );
            return Some(Finding::new(Level::Risk, "gegevens blijvend kwijt zijn"));
        }
        let restored = self.or_assume(
            self.facts.backup_restored,
            "unknown.backup_restored",
            false,
            "Niet bekend of alle gegevens weer compleet terug zijn; we gaan uit van niet.",
        );
        if !restored {
            self.say(
                "risk.availability.not_restored",
                "Beschikbaarheid: nog niet alle gegevens zijn terug. Tot alles terug is, rekenen we met verlies. Dat is een risico (EDPB-richtlijnen 01/2021, voorbeeld 2).",
            );
            return Some(Finding::new(Level::Risk, "nog niet alle gegevens terug zijn"));
        }
        let hours = match self.facts.unavailable_hours {
            Some(hours) => hours,
            None => {
                self.say(
                    "unknown.unavailable_hours",
                    "Niet bekend hoe lang de gegevens niet beschikbaar waren; we gaan uit van langer dan een dag.",
                );
                f64::INFINITY
            }
        };
        if hours >= LONG_OUTAGE_HOURS {
            let how_long =
                if hours.is_finite() { format!("{} uur", decimal(hours)) } else { "langer dan een dag".to_owned() };
            self.say(
                "risk.availability.long",
                format!(
                    "Beschikbaarheid: de gegevens waren {how_long} niet beschikbaar. Na een paar uur herstel hoeft melden niet, na vijf dagen wel (EDPB-richtlijnen 01/2021, voorbeelden 1 en 2); vanaf een dag rekenen we met een risico."
                ),
            );
            return Some(Finding::new(Level::Risk, format!("de gegevens {how_long} niet beschikbaar waren")));
        }
        self.say(
            "risk.availability.short",
            format!(
                "Beschikbaarheid: de gegevens waren {} uur niet beschikbaar en daarna weer compleet, zonder gevolgen voor zorg of veiligheid. Dat leidt waarschijnlijk niet tot een risico (EDPB-richtlijnen 01/2021, voorbeeld 1; WP29-richtlijnen WP250, bijlage B, voorbeeld 3).",
                decimal(hours)
            ),
        );
        Some(Finding::new(
            Level::Unlikely,
            format!(
                "de gegevens na {} uur weer compleet waren, zonder gevolgen voor zorg of veiligheid",
                decimal(hours)
            ),
        ))
    }

    // ------------------------------------------------------------------ duties

    /// AVG art. 33 lid 1: notify unless the breach is unlikely to result in a risk.
    fn authority(&mut self, level: Level, severity: Severity, findings: &[Finding]) -> bool {
        if level >= Level::Risk {
            let grounds: Vec<&str> =
                findings.iter().filter(|f| f.level >= Level::Risk).map(|f| f.ground.as_str()).collect();
            self.say(
                "authority.notify",
                format!(
                    "Melden bij de Autoriteit Persoonsgegevens: het datalek leidt waarschijnlijk tot een risico voor de betrokkenen, omdat {}. Meld zonder onredelijke vertraging en uiterlijk 72 uur na het ontdekken (AVG art. 33 lid 1). Ernst: {}.",
                    dutch_list(&grounds),
                    severity.label()
                ),
            );
            if self.facts.risk_removed_by_measures == Some(true) {
                self.say(
                    "authority.measures_later",
                    "De maatregelen die de school daarna nam, nemen de meldplicht niet weg: het risico telt zoals het was bij het ontdekken (EDPB-richtlijnen 01/2021, punt 9). Noem de maatregelen wel in de melding.",
                );
            }
            return true;
        }
        let shield = findings.iter().find_map(|f| f.shield);
        let rule = match shield {
            Some(Shield::Encrypted) => "authority.exempt.encrypted",
            Some(Shield::Hashed) => "authority.exempt.hashed",
            Some(Shield::TrustedRecipient) => "authority.exempt.trusted_recipient",
            Some(Shield::Minor) => "authority.exempt.minor",
            None => "authority.exempt.restored",
        };
        let grounds: Vec<&str> = findings.iter().map(|f| f.ground.as_str()).collect();
        self.say(
            rule,
            format!(
                "Niet melden bij de Autoriteit Persoonsgegevens: het datalek leidt waarschijnlijk niet tot een risico voor de betrokkenen, omdat {} (AVG art. 33 lid 1; {AP_PAGE}). Ernst: {}.",
                dutch_list(&grounds),
                severity.label()
            ),
        );
        false
    }

    fn deadline(&mut self, notify: bool) -> Option<Zoned> {
        let Some(aware_at) = self.facts.aware_at else {
            self.say(
                "unknown.aware_at",
                "Niet bekend wanneer de school het datalek ontdekte. De 72 uur lopen vanaf dat moment: meld dus zo snel mogelijk (AVG art. 33 lid 1).",
            );
            return None;
        };
        let deadline = authority_deadline(aware_at);
        let aware = aware_at.to_zoned(dutch_time_zone());
        let lead = if notify { "Meld uiterlijk" } else { "Verandert de beoordeling, meld dan uiterlijk" };
        self.say(
            "authority.deadline",
            format!(
                "{lead} {}: 72 uur na het ontdekken op {} (AVG art. 33 lid 1).",
                dutch_moment(&deadline),
                dutch_moment(&aware)
            ),
        );
        Some(deadline)
    }

    /// AVG art. 34: inform the data subjects of a high risk, except under lid 3:
    /// (a) unintelligible data, (b) measures removed the high risk, (c)
    /// disproportionate effort, then a public announcement.
    fn subjects(&mut self, level: Level, findings: &[Finding]) -> (bool, SubjectsAlternative) {
        let none = (false, SubjectsAlternative::None);
        if level < Level::High {
            match findings.iter().find_map(|f| f.shield) {
                Some(Shield::Encrypted) => self.say(
                    "subjects.exempt.encrypted",
                    "Betrokkenen hoeven niet te worden ingelicht. AVG art. 34 lid 3 sub a: de gegevens waren versleuteld en de sleutel is niet gelekt.",
                ),
                Some(Shield::Hashed) => self.say(
                    "subjects.exempt.hashed",
                    "Betrokkenen hoeven niet te worden ingelicht. AVG art. 34 lid 3 sub a: de wachtwoorden waren onleesbaar opgeslagen. Vragen om het wachtwoord te wijzigen mag wel (EDPB-richtlijnen 01/2021, voorbeeld 6).",
                ),
                _ => self.say(
                    "subjects.no_high_risk",
                    "Betrokkenen hoeven niet te worden ingelicht: er is geen hoog risico voor hen (AVG art. 34 lid 1). De school mag hen wel informeren, bijvoorbeeld zodat ze alert zijn op misbruik.",
                ),
            }
            return none;
        }
        let removed = self.or_assume(
            self.facts.risk_removed_by_measures,
            "unknown.risk_removed_by_measures",
            false,
            "Niet bekend of maatregelen het hoge risico hebben weggenomen; we gaan uit van niet.",
        );
        if removed {
            self.say(
                "subjects.exempt.measures",
                "Betrokkenen hoeven niet te worden ingelicht. AVG art. 34 lid 3 sub b: de maatregelen die de school nam, hebben het hoge risico weggenomen. Leg vast welke maatregelen dat waren.",
            );
            return none;
        }
        let disproportionate = self.or_assume(
            self.facts.individual_contact_disproportionate,
            "unknown.individual_contact_disproportionate",
            false,
            "Niet bekend of het een onevenredige inspanning kost om iedereen persoonlijk te informeren; we gaan uit van niet.",
        );
        if disproportionate {
            self.say(
                "subjects.public_announcement",
                "Hoog risico, maar iedereen persoonlijk informeren kost een onevenredige inspanning. AVG art. 34 lid 3 sub c: doe een openbare mededeling die de betrokkenen even goed informeert.",
            );
            return (false, SubjectsAlternative::PublicAnnouncement);
        }
        let grounds: Vec<&str> =
            findings.iter().filter(|f| f.level == Level::High).map(|f| f.ground.as_str()).collect();
        self.say(
            "subjects.notify",
            format!(
                "Informeer de betrokkenen (de ouders, en waar passend de leerlingen of medewerkers) zonder onredelijke vertraging en in duidelijke taal. Er is een hoog risico voor hen, omdat {} (AVG art. 34 lid 1 en 2). Vertel wat er gebeurde, wat de gevolgen kunnen zijn, wat de school doet en wat zij zelf kunnen doen.",
                dutch_list(&grounds)
            ),
        );
        (true, SubjectsAlternative::None)
    }
}

fn breach_kinds(exposed: Confidentiality, integrity: Integrity, availability: Availability) -> String {
    let mut kinds = Vec::new();
    if exposed != Confidentiality::None {
        kinds.push("vertrouwelijkheid (anderen zagen of hebben de gegevens)");
    }
    if integrity != Integrity::None {
        kinds.push("integriteit (gegevens zijn gewijzigd)");
    }
    if availability != Availability::None {
        kinds.push("beschikbaarheid (gegevens waren niet te gebruiken of zijn kwijt)");
    }
    format!("Dit is een datalek: een inbreuk op de {} van persoonsgegevens (AVG art. 4 punt 12).", dutch_list(&kinds))
}

/// "a", "a en b", "a, b en c".
fn dutch_list(items: &[&str]) -> String {
    match items.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} en {last}", rest.join(", ")),
        _ => items.concat(),
    }
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

/// Ask a question only when an earlier answer (`field`) was one of `any_of`
/// (for a multiple-choice answer: contains one of them).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Condition {
    pub field: &'static str,
    pub any_of: &'static [&'static str],
}

/// One step of the guided decision tree (beslisboom datalek).
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
    choice("none", "Nee, niemand zonder toestemming"),
    choice("known_recipient", "Ja, een of meer bekende ontvangers (bijvoorbeeld een andere ouder of school)"),
    choice("unknown_recipient", "Ja, onbekend wie (bijvoorbeeld verloren, gestolen of gehackt)"),
    choice("public", "Ja, het is openbaar geworden (internet, sociale media)"),
];

const INTEGRITY_CHOICES: &[Choice] = &[
    choice("none", "Nee"),
    choice("altered_recoverable", "Ja, maar het is te herstellen"),
    choice("altered_unrecoverable", "Ja, en het is niet te herstellen"),
];

const AVAILABILITY_CHOICES: &[Choice] = &[
    choice("none", "Nee (bijvoorbeeld omdat er een back-up is van een kwijtgeraakt apparaat)"),
    choice("temporary", "Ja, tijdelijk"),
    choice("permanent", "Ja, (een deel) is blijvend kwijt"),
];

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

const CONSEQUENCE_CHOICES: &[Choice] = &[
    choice("identity_fraud", Consequence::IdentityFraud.label()),
    choice("financial_loss", Consequence::FinancialLoss.label()),
    choice("discrimination", Consequence::Discrimination.label()),
    choice("reputation", Consequence::Reputation.label()),
    choice("physical", Consequence::Physical.label()),
    choice("unwanted_contact", Consequence::UnwantedContact.label()),
    choice("privacy", Consequence::Privacy.label()),
    choice("none", Consequence::None.label()),
];

const SEEN: &[&str] = &["known_recipient", "unknown_recipient", "public"];

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
        "recipients",
        "Hoeveel mensen hebben de gegevens onbedoeld gekregen?",
        AnswerKind::Count,
        "confidentiality",
        &["known_recipient"],
    ),
    ask_if(
        "trusted_recipient",
        "Is de ontvanger betrouwbaar: heeft hij geheimhouding of een beroepsgeheim, of is het een organisatie waarmee de school samenwerkt, en volgt hij de aanwijzingen van de school op?",
        AnswerKind::YesNo,
        "confidentiality",
        &["known_recipient"],
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
        "Zijn alle gegevens weer compleet terug (zo nodig uit een back-up)?",
        AnswerKind::YesNo,
        "availability",
        &["temporary"],
    ),
    ask_if(
        "care_disrupted",
        "Had de zorg of veiligheid van leerlingen of medewerkers er last van dat gegevens ontbraken of niet klopten (bijvoorbeeld medicatie, allergieën, noodnummers of een zorgplan)?",
        AnswerKind::YesNo,
        "availability",
        &["temporary", "permanent"],
    ),
    ask(
        "malicious",
        "Is er kwade opzet in het spel (diefstal, inbraak, hack, phishing, ransomware, of iemand die gegevens met opzet meeneemt)?",
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
    ask_if(
        "hashed_state_of_the_art",
        "Waren de wachtwoorden alleen opgeslagen als hash met een sterk algoritme en een salt (bijvoorbeeld bcrypt of Argon2), en is die salt niet mee gelekt?",
        AnswerKind::YesNo,
        "data_categories",
        &["credentials"],
    ),
    ask_if(
        "consequences",
        "Wat kan er gebeuren met de mensen van wie de gegevens zijn, als anderen ze hebben of misbruiken?",
        AnswerKind::ManyOf(CONSEQUENCE_CHOICES),
        "confidentiality",
        SEEN,
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
mod tests;
