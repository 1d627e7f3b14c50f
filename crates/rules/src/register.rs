//! The processing register (AVG art. 30(1)) and what it must say: the codes of
//! its lists, the plain data of one processing activity, and the completeness
//! check that names every missing art. 30(1) item and every cross-check a
//! person would otherwise miss.
//!
//! Sources: seed 001 art. 4 (purposes), art. 7 (legal bases), §6.2
//! (classification); seed 002 §3.5, §4.1.2 (data categories), §5.4.2
//! (processor agreements), §6 (transfers outside the EEA); AVG art. 6, 9, 28,
//! 30, 44–49.

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

pub mod countries;
pub mod parties;
pub mod statement;
pub mod template;

code_enum! {
    /// The legal basis of a purpose (AVG art. 6(1) a–f; seed 001 art. 7 a–f,
    /// which lists the same six in another order).
    LegalBasis, "register.legal_basis_unknown" {
        /// Art. 6(1)(a); seed 001 art. 7(f).
        Consent = "consent",
        /// Art. 6(1)(b); seed 001 art. 7(c), e.g. the employment contract.
        Contract = "contract",
        /// Art. 6(1)(c); seed 001 art. 7(b), e.g. art. 8 WPO.
        LegalObligation = "legal_obligation",
        /// Art. 6(1)(d); seed 001 art. 7(e).
        VitalInterests = "vital_interests",
        /// Art. 6(1)(e); seed 001 art. 7(a).
        PublicTask = "public_task",
        /// Art. 6(1)(f); seed 001 art. 7(d): only with a balancing test.
        LegitimateInterests = "legitimate_interests",
    }
}

impl LegalBasis {
    /// The letter of AVG art. 6(1).
    #[must_use]
    pub const fn article_letter(self) -> char {
        match self {
            Self::Consent => 'a',
            Self::Contract => 'b',
            Self::LegalObligation => 'c',
            Self::VitalInterests => 'd',
            Self::PublicTask => 'e',
            Self::LegitimateInterests => 'f',
        }
    }
}

code_enum! {
    /// Whose data an activity processes (AVG art. 30(1)(c); seed 001 art. 3:
    /// pupils and their legal representatives, staff, visitors, external relations).
    SubjectCategory, "register.subject_category_unknown" {
        Pupils = "pupils",
        /// Parents and other legal representatives.
        Parents = "parents",
        Staff = "staff",
        /// People who apply for a job.
        Applicants = "applicants",
        Visitors = "visitors",
        /// Anyone, e.g. someone who walks past a camera or writes to the board.
        Public = "public",
        FormerPupils = "former_pupils",
        /// Contact persons of suppliers, contractors and partners.
        ExternalContacts = "external_contacts",
    }
}

code_enum! {
    /// Categories of personal data (seed 002 §4.1.2; AVG art. 9 and 10 for the
    /// special and criminal ones; art. 87 and UAVG art. 46 for the BSN). The
    /// DPIA screening uses the same codes.
    DataCategory, "register.data_category_unknown" {
        Identification = "identification",
        Contact = "contact",
        EducationProgress = "education_progress",
        Performance = "performance",
        SpecialNeeds = "special_needs",
        Health = "health",
        Images = "images",
        Biometric = "biometric",
        Location = "location",
        Financial = "financial",
        Communications = "communications",
        Behaviour = "behaviour",
        Religion = "religion",
        Ethnicity = "ethnicity",
        Criminal = "criminal",
        /// The citizen service number (BSN; in education the "persoonsgebonden nummer").
        Bsn = "bsn",
        /// ICT and learning resources, including the ECK iD (seed 002 §4.1.2; seed 003).
        LearningResources = "learning_resources",
        /// Employment and payroll data of staff.
        Employment = "employment",
    }
}

impl DataCategory {
    /// A special category of AVG art. 9(1) (health, biometric data used to
    /// identify, religion, racial or ethnic origin), which needs an art. 9(2)
    /// condition. Criminal data fall under art. 10 and need one too here.
    #[must_use]
    pub const fn is_special(self) -> bool {
        matches!(self, Self::Health | Self::Biometric | Self::Religion | Self::Ethnicity | Self::Criminal)
    }
}

code_enum! {
    /// The condition of AVG art. 9(2) (a–j) under which a special category may
    /// be processed; for criminal data (art. 10) UAVG art. 32–33 give the
    /// comparable grounds, recorded under the nearest of these.
    SpecialCondition, "register.special_condition_unknown" {
        /// 9(2)(a).
        ExplicitConsent = "explicit_consent",
        /// 9(2)(b): employment and social security law.
        Employment = "employment",
        /// 9(2)(c).
        VitalInterests = "vital_interests",
        /// 9(2)(d).
        NotForProfit = "not_for_profit",
        /// 9(2)(e).
        MadePublic = "made_public",
        /// 9(2)(f).
        LegalClaims = "legal_claims",
        /// 9(2)(g), e.g. UAVG art. 30 for pupil support (passend onderwijs).
        SubstantialPublicInterest = "substantial_public_interest",
        /// 9(2)(h).
        HealthCare = "health_care",
        /// 9(2)(i).
        PublicHealth = "public_health",
        /// 9(2)(j).
        ArchivingResearch = "archiving_research",
    }
}

impl SpecialCondition {
    /// The letter of AVG art. 9(2).
    #[must_use]
    pub const fn article_letter(self) -> char {
        match self {
            Self::ExplicitConsent => 'a',
            Self::Employment => 'b',
            Self::VitalInterests => 'c',
            Self::NotForProfit => 'd',
            Self::MadePublic => 'e',
            Self::LegalClaims => 'f',
            Self::SubstantialPublicInterest => 'g',
            Self::HealthCare => 'h',
            Self::PublicHealth => 'i',
            Self::ArchivingResearch => 'j',
        }
    }
}

code_enum! {
    /// Who receives the data (AVG art. 4(9) recipient, 4(10) third party, 28 processor).
    RecipientKind, "register.recipient_kind_unknown" {
        /// Processes on the board's behalf and needs an art. 28 agreement.
        Processor = "processor",
        /// Receives data for their own purpose (the next school, the GGD).
        ThirdParty = "third_party",
        /// DUO, the inspectorate, the municipality, the police on official request.
        PublicAuthority = "public_authority",
        /// Staff of the board itself.
        Internal = "internal",
    }
}

code_enum! {
    /// What makes a transfer outside the EEA lawful (AVG art. 45–49; seed 002 §6).
    Safeguard, "register.safeguard_unknown" {
        /// Art. 45: an adequacy decision of the European Commission.
        Adequacy = "adequacy",
        /// Art. 46(2)(c): standard contractual clauses.
        Sccs = "sccs",
        /// Art. 47: binding corporate rules.
        Bcrs = "bcrs",
        /// Art. 49: a derogation for a specific situation.
        Derogation = "derogation",
    }
}

code_enum! {
    /// How confidential the data are (seed 001 §6.2).
    Classification, "register.classification_unknown" {
        Public = "public",
        Internal = "internal",
        Confidential = "confidential",
        Secret = "secret",
    }
}

impl Classification {
    /// The level of seed 001 §6.2: 1 public … 4 secret.
    #[must_use]
    pub const fn level(self) -> u8 {
        match self {
            Self::Public => 1,
            Self::Internal => 2,
            Self::Confidential => 3,
            Self::Secret => 4,
        }
    }
}

code_enum! {
    /// Where an activity is in its life: drafted, in review (the FG reads it),
    /// adopted with the register, or no longer done.
    ActivityStatus, "register.status_unknown" {
        Draft = "draft",
        InReview = "in_review",
        Adopted = "adopted",
        Retired = "retired",
    }
}

/// One purpose of an activity with its legal basis.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Purpose {
    pub text: String,
    pub legal_basis: LegalBasis,
    /// The law or contract the basis rests on: "art. 8 WPO", "de arbeidsovereenkomst".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub legal_source: Option<String>,
    /// For a consent basis: the code of the consent module's purpose that asks it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub consent_purpose: Option<String>,
    /// For a legitimate-interest basis: the interest and why it outweighs the
    /// child's (seed 001 art. 7(d): "een belangenafweging").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub balancing_test: Option<String>,
}

/// A special category with its art. 9(2) condition (none yet: a finding).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SpecialCategory {
    pub category: DataCategory,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub condition: Option<SpecialCondition>,
}

/// Someone the data of an activity go to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Recipient {
    pub name: String,
    pub kind: RecipientKind,
    /// For a processor: the supplier in the supplier register, when linked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub supplier_id: Option<String>,
}

/// A transfer to a country outside the EEA.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Transfer {
    /// ISO 3166-1 alpha-2, upper case: "US".
    pub country: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub safeguard: Option<Safeguard>,
    /// Who receives the data there.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recipient: Option<String>,
}

/// One processing activity as the register holds it (AVG art. 30(1) b–g; the
/// controller of (a) is the board's profile).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Activity {
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    pub purposes: Vec<Purpose>,
    pub subject_categories: Vec<SubjectCategory>,
    pub data_categories: Vec<DataCategory>,
    #[serde(default)]
    pub special_categories: Vec<SpecialCategory>,
    #[serde(default)]
    pub recipients: Vec<Recipient>,
    #[serde(default)]
    pub transfers: Vec<Transfer>,
    /// How long the data are kept (art. 30(1)(f)); the retention module turns it into dates.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retention: Option<String>,
    /// The technical and organisational measures (art. 30(1)(g), art. 32).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub security_measures: Option<String>,
    /// The information systems used.
    #[serde(default)]
    pub system_ids: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub classification: Option<Classification>,
    /// Who answers for the activity (a role or a name).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner: Option<String>,
    /// Where the data come from when not from the people themselves (art. 14(2)(f)).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// Automated decision-making or profiling, with its logic and consequences
    /// (art. 13(2)(f)); none when empty.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub automated_decisions: Option<String>,
    pub status: ActivityStatus,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub review_date: Option<Date>,
}

impl Activity {
    /// A draft with only its name: what a new activity, a form or an import starts from.
    #[must_use]
    pub fn named(name: String) -> Self {
        Self {
            name,
            description: None,
            purposes: Vec::new(),
            subject_categories: Vec::new(),
            data_categories: Vec::new(),
            special_categories: Vec::new(),
            recipients: Vec::new(),
            transfers: Vec::new(),
            retention: None,
            security_measures: None,
            system_ids: Vec::new(),
            classification: None,
            owner: None,
            source: None,
            automated_decisions: None,
            status: ActivityStatus::Draft,
            review_date: None,
        }
    }

    /// Every special category, whether listed among the data categories or
    /// with its condition, each once.
    #[must_use]
    pub fn special(&self) -> Vec<SpecialCategory> {
        let mut out: Vec<SpecialCategory> = Vec::new();
        for special in &self.special_categories {
            if !out.iter().any(|s| s.category == special.category) {
                out.push(special.clone());
            }
        }
        for category in self.data_categories.iter().copied().filter(|c| c.is_special()) {
            if !out.iter().any(|s| s.category == category) {
                out.push(SpecialCategory { category, condition: None });
            }
        }
        out
    }

    /// Every data category, the special ones included, each once.
    #[must_use]
    pub fn all_data_categories(&self) -> Vec<DataCategory> {
        let mut out = self.data_categories.clone();
        for special in &self.special_categories {
            if !out.contains(&special.category) {
                out.push(special.category);
            }
        }
        out
    }
}

/// The board as controller (art. 30(1)(a), art. 13(1)(a)–(b)).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct BoardProfile {
    pub name: String,
    pub address: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kvk: Option<String>,
    pub contact_email: String,
    pub dpo: Dpo,
}

/// The FG (data protection officer) and how to reach them.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Dpo {
    pub name: String,
    pub email: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
}

impl BoardProfile {
    /// Art. 30(1)(a) holds: the controller's name and contact and the FG's.
    #[must_use]
    pub fn is_complete(&self) -> bool {
        [&self.name, &self.address, &self.contact_email, &self.dpo.name, &self.dpo.email]
            .iter()
            .all(|v| !v.trim().is_empty())
    }
}

/// What the completeness check needs to know about one information system.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SystemFacts {
    pub id: String,
    pub name: String,
    pub supplier_id: Option<String>,
    /// ISO country code of where the data are stored.
    pub data_location: Option<String>,
    pub in_use: bool,
}

/// What the completeness check needs to know about one supplier.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SupplierFacts {
    pub id: String,
    pub name: String,
    /// ISO country code of where the supplier stores the data.
    pub data_location: Option<String>,
    /// Processes personal data on the board's behalf (art. 28).
    pub processor: bool,
    /// The supplier has a processor agreement in force today ([`agreement_in_force`]).
    pub agreement_in_force: bool,
}

/// Everything outside the activity that its cross-checks read.
#[derive(Debug, Clone, Copy)]
pub struct Context<'a> {
    pub profile: Option<&'a BoardProfile>,
    /// Codes of the consent module's purposes that are in use.
    pub consent_purposes: &'a [String],
    pub systems: &'a [SystemFacts],
    pub suppliers: &'a [SupplierFacts],
    pub today: Date,
}

/// One thing the register misses: an art. 30(1) item (`"30(1)(b)"`) or a
/// cross-check (`"processor_without_agreement"`), with what it is about.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    pub item: &'static str,
    /// Key into the message catalogue (`register-finding-…`).
    pub code: &'static str,
    /// The purpose, recipient, country, category or system it is about.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub about: Option<String>,
}

impl Finding {
    const fn new(item: &'static str, code: &'static str, about: Option<String>) -> Self {
        Self { item, code, about }
    }
}

/// The cross-check codes, beside the art. 30(1) letters.
pub mod checks {
    /// A consent basis with no consent purpose that asks for it.
    pub const CONSENT_WITHOUT_PURPOSE: &str = "consent_without_purpose";
    /// A processor among the recipients with no processor agreement in force (art. 28(3)).
    pub const PROCESSOR_WITHOUT_AGREEMENT: &str = "processor_without_agreement";
    /// A transfer outside the EEA without a safeguard (art. 44).
    pub const TRANSFER_WITHOUT_SAFEGUARD: &str = "transfer_without_safeguard";
    /// An adequacy decision claimed for a country that has none (art. 45).
    pub const ADEQUACY_NOT_DECIDED: &str = "adequacy_not_decided";
    /// A supplier or system storing data outside the EEA where the activity lists no transfer.
    pub const LOCATION_WITHOUT_TRANSFER: &str = "location_without_transfer";
    /// A special category without an art. 9(2) condition.
    pub const SPECIAL_WITHOUT_CONDITION: &str = "special_without_condition";
    /// A legitimate-interest basis without a balancing test.
    pub const INTEREST_WITHOUT_BALANCING: &str = "interest_without_balancing";
    /// The BSN without a legal obligation to process it (art. 87; UAVG art. 46).
    pub const BSN_WITHOUT_LEGAL_OBLIGATION: &str = "bsn_without_legal_obligation";
    /// An activity names a system the register does not hold.
    pub const UNKNOWN_SYSTEM: &str = "unknown_system";
    /// The activity's review date has passed.
    pub const REVIEW_OVERDUE: &str = "review_overdue";
    /// A system in use that no activity mentions.
    pub const SYSTEM_NOT_IN_REGISTER: &str = "system_not_in_register";

    /// Every cross-check code, for the API documentation and the catalogue test.
    pub const ALL: &[&str] = &[
        CONSENT_WITHOUT_PURPOSE,
        PROCESSOR_WITHOUT_AGREEMENT,
        TRANSFER_WITHOUT_SAFEGUARD,
        ADEQUACY_NOT_DECIDED,
        LOCATION_WITHOUT_TRANSFER,
        SPECIAL_WITHOUT_CONDITION,
        INTEREST_WITHOUT_BALANCING,
        BSN_WITHOUT_LEGAL_OBLIGATION,
        UNKNOWN_SYSTEM,
        REVIEW_OVERDUE,
        SYSTEM_NOT_IN_REGISTER,
    ];
}

/// The art. 30(1) items, as the API writes them.
pub const ARTICLE_30_ITEMS: &[&str] =
    &["30(1)(a)", "30(1)(b)", "30(1)(c)", "30(1)(d)", "30(1)(e)", "30(1)(f)", "30(1)(g)"];

fn blank(text: Option<&String>) -> bool {
    text.is_none_or(|t| t.trim().is_empty())
}

/// A processor agreement is in force on `today` when it is signed, has taken
/// effect and has not ended (AVG art. 28(3): the processing is governed by a
/// contract; seed 002 §5.4.2).
#[must_use]
pub fn agreement_in_force(
    signed_at: Option<Date>,
    effective_from: Option<Date>,
    ends_at: Option<Date>,
    today: Date,
) -> bool {
    let signed = signed_at.is_some_and(|d| d <= today);
    let started = effective_from.is_none_or(|d| d <= today);
    let running = ends_at.is_none_or(|d| d >= today);
    signed && started && running
}

/// What one activity misses, in the order of art. 30(1) and then the
/// cross-checks. A retired activity is no longer checked.
#[must_use]
pub fn findings(activity: &Activity, context: &Context<'_>) -> Vec<Finding> {
    use checks::*;
    let mut out = Vec::new();
    if activity.status == ActivityStatus::Retired {
        return out;
    }
    // (a) the controller and the FG: the board's profile.
    if !context.profile.is_some_and(BoardProfile::is_complete) {
        out.push(Finding::new("30(1)(a)", "controller_missing", None));
    }
    // (b) the purposes, each with a legal basis (art. 5(1)(b), art. 6).
    if activity.purposes.iter().all(|p| p.text.trim().is_empty()) {
        out.push(Finding::new("30(1)(b)", "purposes_missing", None));
    }
    // (c) the categories of data subjects and of personal data.
    if activity.subject_categories.is_empty() {
        out.push(Finding::new("30(1)(c)", "subjects_missing", None));
    }
    if activity.all_data_categories().is_empty() {
        out.push(Finding::new("30(1)(c)", "data_missing", None));
    }
    // (d) the recipients: at least who inside the board sees the data.
    if activity.recipients.is_empty() {
        out.push(Finding::new("30(1)(d)", "recipients_missing", None));
    }
    // (e) transfers outside the EEA with their safeguard (art. 44–49).
    for transfer in &activity.transfers {
        match transfer.safeguard {
            None => out.push(Finding::new("30(1)(e)", TRANSFER_WITHOUT_SAFEGUARD, Some(transfer.country.clone()))),
            Some(Safeguard::Adequacy) if !countries::has_adequacy_decision(&transfer.country) => {
                out.push(Finding::new("30(1)(e)", ADEQUACY_NOT_DECIDED, Some(transfer.country.clone())));
            }
            Some(_) => {}
        }
    }
    // (f) the retention, (g) the security measures.
    if blank(activity.retention.as_ref()) {
        out.push(Finding::new("30(1)(f)", "retention_missing", None));
    }
    if blank(activity.security_measures.as_ref()) {
        out.push(Finding::new("30(1)(g)", "security_missing", None));
    }
    purpose_checks(activity, context, &mut out);
    party_checks(activity, context, &mut out);
    for special in activity.special() {
        if special.condition.is_none() {
            out.push(Finding::new(
                SPECIAL_WITHOUT_CONDITION,
                SPECIAL_WITHOUT_CONDITION,
                Some(special.category.code().to_owned()),
            ));
        }
    }
    if activity.review_date.is_some_and(|d| d < context.today) {
        out.push(Finding::new(REVIEW_OVERDUE, REVIEW_OVERDUE, activity.review_date.map(|d| d.to_string())));
    }
    out
}

/// Consent needs a consent purpose that asks for it (AVG art. 7(1): the board
/// must be able to show consent was given); a legitimate interest needs its
/// balancing test (seed 001 art. 7(d)); the BSN needs a legal obligation
/// (AVG art. 87; UAVG art. 46: only where a law prescribes it).
fn purpose_checks(activity: &Activity, context: &Context<'_>, out: &mut Vec<Finding>) {
    use checks::*;
    for purpose in &activity.purposes {
        match purpose.legal_basis {
            LegalBasis::Consent => {
                let asked = purpose
                    .consent_purpose
                    .as_ref()
                    .is_some_and(|code| context.consent_purposes.iter().any(|c| c == code.trim()));
                if !asked {
                    out.push(Finding::new(
                        CONSENT_WITHOUT_PURPOSE,
                        CONSENT_WITHOUT_PURPOSE,
                        Some(purpose.text.clone()),
                    ));
                }
            }
            LegalBasis::LegitimateInterests if blank(purpose.balancing_test.as_ref()) => {
                out.push(Finding::new(
                    INTEREST_WITHOUT_BALANCING,
                    INTEREST_WITHOUT_BALANCING,
                    Some(purpose.text.clone()),
                ));
            }
            _ => {}
        }
    }
    let bsn = activity.all_data_categories().contains(&DataCategory::Bsn);
    if bsn && !activity.purposes.iter().any(|p| p.legal_basis == LegalBasis::LegalObligation) {
        out.push(Finding::new(BSN_WITHOUT_LEGAL_OBLIGATION, BSN_WITHOUT_LEGAL_OBLIGATION, None));
    }
}

/// Every processor has an agreement in force (AVG art. 28(3); seed 002 §5.4.2):
/// the processors among the recipients and the suppliers of the systems used
/// that process data for the board.
/// Data stored outside the EEA by a supplier or system is a transfer the
/// activity must list (seed 002 §6).
fn party_checks(activity: &Activity, context: &Context<'_>, out: &mut Vec<Finding>) {
    use checks::*;
    let mut processors: Vec<(String, Option<&SupplierFacts>)> = Vec::new();
    let mut locations: Vec<(String, String)> = Vec::new();
    for recipient in activity.recipients.iter().filter(|r| r.kind == RecipientKind::Processor) {
        let supplier = match &recipient.supplier_id {
            Some(id) => context.suppliers.iter().find(|s| &s.id == id),
            None => context.suppliers.iter().find(|s| s.name.trim().eq_ignore_ascii_case(recipient.name.trim())),
        };
        processors.push((recipient.name.clone(), supplier));
    }
    for id in &activity.system_ids {
        let Some(system) = context.systems.iter().find(|s| &s.id == id) else {
            out.push(Finding::new(UNKNOWN_SYSTEM, UNKNOWN_SYSTEM, Some(id.clone())));
            continue;
        };
        if let Some(location) = &system.data_location {
            locations.push((system.name.clone(), location.clone()));
        }
        if let Some(supplier) =
            system.supplier_id.as_ref().and_then(|id| context.suppliers.iter().find(|s| &s.id == id))
            && supplier.processor
            && !processors.iter().any(|(_, s)| s.is_some_and(|s| s.id == supplier.id))
        {
            processors.push((supplier.name.clone(), Some(supplier)));
        }
    }
    for (name, supplier) in &processors {
        if !supplier.is_some_and(|s| s.agreement_in_force) {
            out.push(Finding::new(PROCESSOR_WITHOUT_AGREEMENT, PROCESSOR_WITHOUT_AGREEMENT, Some(name.clone())));
        }
        if let Some(location) = supplier.and_then(|s| s.data_location.clone()) {
            locations.push((name.clone(), location));
        }
    }
    for (name, location) in locations {
        let listed = activity.transfers.iter().any(|t| t.country.eq_ignore_ascii_case(&location));
        if !countries::in_eea(&location)
            && !listed
            && !out.iter().any(|f| f.code == LOCATION_WITHOUT_TRANSFER && f.about.as_deref() == Some(name.as_str()))
        {
            out.push(Finding::new(LOCATION_WITHOUT_TRANSFER, LOCATION_WITHOUT_TRANSFER, Some(name)));
        }
    }
}

/// Findings about the register as a whole: a system in use that no activity
/// mentions (art. 30(1): the register covers every processing).
#[must_use]
pub fn register_findings(activities: &[&Activity], systems: &[SystemFacts]) -> Vec<Finding> {
    systems
        .iter()
        .filter(|s| s.in_use)
        .filter(|s| {
            !activities.iter().filter(|a| a.status != ActivityStatus::Retired).any(|a| a.system_ids.contains(&s.id))
        })
        .map(|s| Finding::new(checks::SYSTEM_NOT_IN_REGISTER, checks::SYSTEM_NOT_IN_REGISTER, Some(s.name.clone())))
        .collect()
}

/// An activity with its id and, when it belongs to one school only, that school.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RegisteredActivity {
    pub id: String,
    /// `None`: the activity is done for every school of the board.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub school_id: Option<String>,
    #[serde(flatten)]
    pub activity: Activity,
}

/// An information system as the register documents name it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RegisteredSystem {
    pub id: String,
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub supplier: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub data_location: Option<String>,
}

/// The whole register at one moment: what adoption snapshots (its hash goes
/// into the audit trail), and what every document is derived from — the
/// exports, the privacy statement, the overview of recipients.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Register {
    pub profile: BoardProfile,
    pub activities: Vec<RegisteredActivity>,
    #[serde(default)]
    pub systems: Vec<RegisteredSystem>,
}

impl Register {
    /// The activities still done (not retired), in register order.
    pub fn current(&self) -> impl Iterator<Item = &RegisteredActivity> {
        self.activities.iter().filter(|a| a.activity.status != ActivityStatus::Retired)
    }

    /// The name of a system, for the documents.
    #[must_use]
    pub fn system_name(&self, id: &str) -> Option<&str> {
        self.systems.iter().find(|s| s.id == id).map(|s| s.name.as_str())
    }
}
