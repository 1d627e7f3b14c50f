//! Processing activities: adding and changing them (every wrong field at
//! once, a list item named by its place: `purposes[1].legal_basis`), and what
//! each still misses (`rules::register::findings`).

use crate::error::{Error, FieldError, Result};
use crate::i18n::{t, tf};
use crate::input::{Given, TEXT_LIMIT, Unknown, done, given_text, rule};
use crate::{App, Staff};
use aantoonbaar_rules::Action;
use aantoonbaar_rules::register::{
    self, Activity, ActivityStatus, Classification, Context, DataCategory, Finding, LegalBasis, Purpose, Recipient,
    RecipientKind, Safeguard, SpecialCategory, SpecialCondition, SubjectCategory, SupplierFacts, SystemFacts, Transfer,
    countries,
};
use aantoonbaar_store::{BoardId, StoredActivity};
use jiff::civil::Date;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// The longest text of a register field (a retention rule, the measures).
const LONG_TEXT: usize = 20_000;

/// A purpose as sent: `{text, legal_basis, legal_source?, consent_purpose?, balancing_test?}`.
#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
pub struct PurposeInput {
    #[serde(flatten)]
    #[schema(ignore)]
    pub unknown: Unknown,
    #[schema(value_type = String)]
    pub text: Option<Given<String>>,
    /// `consent`, `contract`, `legal_obligation`, `vital_interests`, `public_task`, `legitimate_interests`.
    #[schema(value_type = String)]
    pub legal_basis: Option<Given<String>>,
    /// The law or contract: "art. 8 WPO".
    #[schema(value_type = Option<String>)]
    pub legal_source: Option<Given<String>>,
    /// For consent: the code of the consent purpose that asks it.
    #[schema(value_type = Option<String>)]
    pub consent_purpose: Option<Given<String>>,
    /// For a legitimate interest: the balancing test.
    #[schema(value_type = Option<String>)]
    pub balancing_test: Option<Given<String>>,
}

/// A special category as sent: `{category, condition?}`.
#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
pub struct SpecialInput {
    #[serde(flatten)]
    #[schema(ignore)]
    pub unknown: Unknown,
    #[schema(value_type = String)]
    pub category: Option<Given<String>>,
    /// The art. 9(2) condition: `explicit_consent`, `substantial_public_interest`, …
    #[schema(value_type = Option<String>)]
    pub condition: Option<Given<String>>,
}

/// A recipient as sent: `{name, kind, supplier_id?}`.
#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
pub struct RecipientInput {
    #[serde(flatten)]
    #[schema(ignore)]
    pub unknown: Unknown,
    #[schema(value_type = String)]
    pub name: Option<Given<String>>,
    /// `processor`, `third_party`, `public_authority`, `internal`.
    #[schema(value_type = String)]
    pub kind: Option<Given<String>>,
    #[schema(value_type = Option<String>)]
    pub supplier_id: Option<Given<String>>,
}

/// A transfer outside the EEA as sent: `{country, safeguard?, recipient?}`.
#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
pub struct TransferInput {
    #[serde(flatten)]
    #[schema(ignore)]
    pub unknown: Unknown,
    /// ISO 3166-1 alpha-2: `US`.
    #[schema(value_type = String)]
    pub country: Option<Given<String>>,
    /// `adequacy`, `sccs`, `bcrs`, `derogation`.
    #[schema(value_type = Option<String>)]
    pub safeguard: Option<Given<String>>,
    #[schema(value_type = Option<String>)]
    pub recipient: Option<Given<String>>,
}

/// A processing activity as sent. On a change (PATCH) every field left out
/// keeps its value; a list sent replaces the list; an empty text clears it.
#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
pub struct ActivityCommand {
    #[serde(flatten)]
    #[schema(ignore)]
    pub unknown: Unknown,
    #[schema(value_type = String)]
    pub name: Option<Given<String>>,
    #[schema(value_type = Option<String>)]
    pub description: Option<Given<String>>,
    pub purposes: Option<Vec<PurposeInput>>,
    /// `pupils`, `parents`, `staff`, `applicants`, `visitors`, `public`, `former_pupils`, `external_contacts`.
    #[schema(value_type = Option<Vec<String>>)]
    pub subject_categories: Option<Vec<Given<String>>>,
    /// `identification`, `contact`, `education_progress`, … `bsn`, `learning_resources`, `employment`.
    #[schema(value_type = Option<Vec<String>>)]
    pub data_categories: Option<Vec<Given<String>>>,
    pub special_categories: Option<Vec<SpecialInput>>,
    pub recipients: Option<Vec<RecipientInput>>,
    pub transfers: Option<Vec<TransferInput>>,
    #[schema(value_type = Option<String>)]
    pub retention: Option<Given<String>>,
    #[schema(value_type = Option<String>)]
    pub security_measures: Option<Given<String>>,
    #[schema(value_type = Option<Vec<String>>)]
    pub system_ids: Option<Vec<Given<String>>>,
    /// `public`, `internal`, `confidential`, `secret` (seed 001 §6.2, levels 1–4).
    #[schema(value_type = Option<String>)]
    pub classification: Option<Given<String>>,
    #[schema(value_type = Option<String>)]
    pub owner: Option<Given<String>>,
    /// Where the data come from when not from the people themselves.
    #[schema(value_type = Option<String>)]
    pub source: Option<Given<String>>,
    #[schema(value_type = Option<String>)]
    pub automated_decisions: Option<Given<String>>,
    /// `draft`, `in_review` or `retired`; adoption sets `adopted`.
    #[schema(value_type = Option<String>)]
    pub status: Option<Given<String>>,
    /// `YYYY-MM-DD`.
    #[schema(value_type = Option<String>)]
    pub review_date: Option<Given<String>>,
    /// Only this school; left out: every school of the board.
    #[schema(value_type = Option<String>)]
    pub school_id: Option<Given<String>>,
}

/// The fields of [`ActivityCommand`] a change may touch, as the audit trail names them.
const FIELDS: &[&str] = &[
    "name",
    "description",
    "purposes",
    "subject_categories",
    "data_categories",
    "special_categories",
    "recipients",
    "transfers",
    "retention",
    "security_measures",
    "system_ids",
    "classification",
    "owner",
    "source",
    "automated_decisions",
    "status",
    "review_date",
    "school_id",
];

fn nested(errors: &mut Vec<FieldError>, prefix: &str, unknown: &Unknown) {
    errors.extend(unknown.errors().into_iter().map(|mut e| {
        e.field = format!("{prefix}.{}", e.field);
        e
    }));
}

fn code<T>(
    errors: &mut Vec<FieldError>,
    field: &str,
    value: Option<Given<String>>,
    required: bool,
    parse: impl FnOnce(&str) -> Result<T, aantoonbaar_rules::Invalid>,
) -> Option<T> {
    let text = given_text(errors, field, value, required, TEXT_LIMIT);
    rule(errors, field, text, parse)
}

fn codes<T: PartialEq>(
    errors: &mut Vec<FieldError>,
    field: &str,
    values: Vec<Given<String>>,
    parse: impl Fn(&str) -> Result<T, aantoonbaar_rules::Invalid>,
) -> Vec<T> {
    let mut out = Vec::new();
    for (i, value) in values.into_iter().enumerate() {
        if let Some(v) = code(errors, &format!("{field}[{i}]"), Some(value), true, &parse)
            && !out.contains(&v)
        {
            out.push(v);
        }
    }
    out
}

fn optional_text(errors: &mut Vec<FieldError>, field: &str, value: Given<String>, limit: usize) -> Option<String> {
    given_text(errors, field, Some(value), false, limit)
}

fn purposes(errors: &mut Vec<FieldError>, inputs: Vec<PurposeInput>) -> Vec<Purpose> {
    let mut out = Vec::new();
    for (i, input) in inputs.into_iter().enumerate() {
        let at = |name: &str| format!("purposes[{i}].{name}");
        nested(errors, &format!("purposes[{i}]"), &input.unknown);
        let text = given_text(errors, &at("text"), input.text, true, TEXT_LIMIT);
        let basis = code(errors, &at("legal_basis"), input.legal_basis, true, LegalBasis::from_code);
        let legal_source = given_text(errors, &at("legal_source"), input.legal_source, false, TEXT_LIMIT);
        let consent_purpose = given_text(errors, &at("consent_purpose"), input.consent_purpose, false, TEXT_LIMIT);
        let balancing_test = given_text(errors, &at("balancing_test"), input.balancing_test, false, LONG_TEXT);
        if let (Some(text), Some(legal_basis)) = (text, basis) {
            out.push(Purpose { text, legal_basis, legal_source, consent_purpose, balancing_test });
        }
    }
    out
}

fn specials(errors: &mut Vec<FieldError>, inputs: Vec<SpecialInput>) -> Vec<SpecialCategory> {
    let mut out = Vec::new();
    for (i, input) in inputs.into_iter().enumerate() {
        nested(errors, &format!("special_categories[{i}]"), &input.unknown);
        let field = format!("special_categories[{i}].category");
        let category = code(errors, &field, input.category, true, DataCategory::from_code);
        if category.is_some_and(|c| !c.is_special()) {
            errors.push(FieldError::new(&field, "register.category_not_special"));
        }
        let field = format!("special_categories[{i}].condition");
        let condition = code(errors, &field, input.condition, false, SpecialCondition::from_code);
        if let Some(category) = category.filter(|c| c.is_special()) {
            out.push(SpecialCategory { category, condition });
        }
    }
    out
}

fn recipients(errors: &mut Vec<FieldError>, inputs: Vec<RecipientInput>) -> Vec<Recipient> {
    let mut out = Vec::new();
    for (i, input) in inputs.into_iter().enumerate() {
        let at = |name: &str| format!("recipients[{i}].{name}");
        nested(errors, &format!("recipients[{i}]"), &input.unknown);
        let name = given_text(errors, &at("name"), input.name, true, TEXT_LIMIT);
        let kind = code(errors, &at("kind"), input.kind, true, RecipientKind::from_code);
        let supplier_id = given_text(errors, &at("supplier_id"), input.supplier_id, false, TEXT_LIMIT);
        if let (Some(name), Some(kind)) = (name, kind) {
            out.push(Recipient { name, kind, supplier_id });
        }
    }
    out
}

fn transfers(errors: &mut Vec<FieldError>, inputs: Vec<TransferInput>) -> Vec<Transfer> {
    let mut out = Vec::new();
    for (i, input) in inputs.into_iter().enumerate() {
        let at = |name: &str| format!("transfers[{i}].{name}");
        nested(errors, &format!("transfers[{i}]"), &input.unknown);
        let country = code(errors, &at("country"), input.country, true, countries::parse);
        if country.as_deref().is_some_and(countries::in_eea) {
            errors.push(FieldError::new(&at("country"), "register.country_in_eea"));
        }
        let safeguard = code(errors, &at("safeguard"), input.safeguard, false, Safeguard::from_code);
        let recipient = given_text(errors, &at("recipient"), input.recipient, false, TEXT_LIMIT);
        if let Some(country) = country.filter(|c| !countries::in_eea(c)) {
            out.push(Transfer { country, safeguard, recipient });
        }
    }
    out
}

fn date(text: &str) -> Result<Date, aantoonbaar_rules::Invalid> {
    text.parse().map_err(|_| aantoonbaar_rules::Invalid::new("date.format"))
}

/// What a command makes of an activity: the activity, its school and the
/// fields that changed.
pub struct Validated {
    pub activity: Activity,
    pub school_id: Option<String>,
    pub changed: Vec<&'static str>,
}

impl ActivityCommand {
    /// A new activity (`base` is `None`: the name is required, everything else
    /// may follow) or a change to `base` (only the fields sent).
    ///
    /// # Errors
    /// Every wrong field.
    pub fn validate(self, base: Option<&StoredActivity>) -> Result<Validated, Vec<FieldError>> {
        let mut errors = self.unknown.errors();
        let mut changed: Vec<&'static str> = Vec::new();
        let mut activity = base.map_or_else(|| Activity::named(String::new()), |b| b.activity.clone());
        let mut school_id = base.and_then(|b| b.school_id.clone());
        let mut mark = |field: &'static str| changed.push(field);
        if base.is_none() || self.name.is_some() {
            if let Some(name) = given_text(&mut errors, "name", self.name, true, TEXT_LIMIT) {
                activity.name = name;
            }
            mark("name");
        }
        macro_rules! text_field {
            ($field:ident, $limit:expr) => {
                if let Some(value) = self.$field {
                    activity.$field = optional_text(&mut errors, stringify!($field), value, $limit);
                    mark(stringify!($field));
                }
            };
        }
        text_field!(description, LONG_TEXT);
        text_field!(retention, LONG_TEXT);
        text_field!(security_measures, LONG_TEXT);
        text_field!(owner, TEXT_LIMIT);
        text_field!(source, LONG_TEXT);
        text_field!(automated_decisions, LONG_TEXT);
        if let Some(list) = self.purposes {
            activity.purposes = purposes(&mut errors, list);
            mark("purposes");
        }
        if let Some(list) = self.subject_categories {
            activity.subject_categories = codes(&mut errors, "subject_categories", list, SubjectCategory::from_code);
            mark("subject_categories");
        }
        if let Some(list) = self.data_categories {
            activity.data_categories = codes(&mut errors, "data_categories", list, DataCategory::from_code);
            mark("data_categories");
        }
        if let Some(list) = self.special_categories {
            activity.special_categories = specials(&mut errors, list);
            mark("special_categories");
        }
        if let Some(list) = self.recipients {
            activity.recipients = recipients(&mut errors, list);
            mark("recipients");
        }
        if let Some(list) = self.transfers {
            activity.transfers = transfers(&mut errors, list);
            mark("transfers");
        }
        if let Some(list) = self.system_ids {
            activity.system_ids = codes(&mut errors, "system_ids", list, |id| Ok(id.trim().to_owned()));
            mark("system_ids");
        }
        if let Some(value) = self.classification {
            activity.classification =
                code(&mut errors, "classification", Some(value), false, Classification::from_code);
            mark("classification");
        }
        if let Some(value) = self.review_date {
            activity.review_date = code(&mut errors, "review_date", Some(value), false, date);
            mark("review_date");
        }
        if let Some(value) = self.school_id {
            school_id = given_text(&mut errors, "school_id", Some(value), false, TEXT_LIMIT);
            mark("school_id");
        }
        let content_changed = !changed.is_empty();
        match self.status {
            Some(value) => {
                let status = code(&mut errors, "status", Some(value), true, ActivityStatus::from_code);
                if status == Some(ActivityStatus::Adopted) {
                    errors.push(FieldError::new("status", "register.status_adopted_by_board"));
                } else if let Some(status) = status {
                    activity.status = status;
                }
                changed.push("status");
            }
            // A change to an adopted activity is a draft until the register is adopted again.
            None if content_changed && activity.status == ActivityStatus::Adopted => {
                activity.status = ActivityStatus::Draft;
                changed.push("status");
            }
            None => {}
        }
        done(errors, Some(Validated { activity, school_id, changed }))
    }
}

/// The completeness of an activity as the API and the pages show it.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Completeness {
    pub complete: bool,
    pub missing: Vec<Missing>,
}

/// One missing item: the art. 30(1) letter (`"30(1)(f)"`) or the cross-check
/// code (`"processor_without_agreement"`), and what to do, in Dutch.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Missing {
    pub item: String,
    pub code: String,
    /// What it is about: a purpose, recipient, country, category or system.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub about: Option<String>,
    pub text: String,
}

impl From<&Finding> for Missing {
    fn from(finding: &Finding) -> Self {
        let key = format!("register.finding.{}", finding.code);
        let about = finding.about.as_deref().map(|a| match finding.code {
            register::checks::TRANSFER_WITHOUT_SAFEGUARD | register::checks::ADEQUACY_NOT_DECIDED => {
                crate::parties::country_name(a)
            }
            _ => label_of_code(a),
        });
        let text = tf(&key, &[("about", about.as_deref().unwrap_or(""))]);
        Self { item: finding.item.to_owned(), code: finding.code.to_owned(), about: finding.about.clone(), text }
    }
}

/// A category code in a finding, in words; any other text as it is.
fn label_of_code(text: &str) -> String {
    DataCategory::from_code(text)
        .map_or_else(|_| text.to_owned(), |c| t(&format!("register.data.{}", c.code())).to_owned())
}

impl Completeness {
    #[must_use]
    pub fn of(findings: &[Finding]) -> Self {
        Self { complete: findings.is_empty(), missing: findings.iter().map(Missing::from).collect() }
    }
}

/// What the cross-checks read besides the activities: the profile, the consent
/// purposes, the systems and the suppliers.
pub struct Facts {
    pub profile: Option<register::BoardProfile>,
    pub consent_purposes: Vec<String>,
    pub systems: Vec<SystemFacts>,
    pub suppliers: Vec<SupplierFacts>,
    pub today: Date,
}

impl Facts {
    /// The facts of `board` today.
    ///
    /// # Errors
    /// The store.
    pub async fn of(app: &App, board: &BoardId) -> Result<Self> {
        let store = app.store.board(board);
        let now = app.clock.now();
        let consent_purposes = store.consent_purposes(now).await?.into_iter().map(|p| p.code).collect();
        let today = app.clock.today();
        let (systems, suppliers) = crate::parties::facts(app, board, today).await?;
        Ok(Self { profile: store.board_profile().await?, consent_purposes, systems, suppliers, today })
    }

    #[must_use]
    pub fn context(&self) -> Context<'_> {
        Context {
            profile: self.profile.as_ref(),
            consent_purposes: &self.consent_purposes,
            systems: &self.systems,
            suppliers: &self.suppliers,
            today: self.today,
        }
    }

    /// What `activity` misses.
    #[must_use]
    pub fn findings(&self, activity: &Activity) -> Vec<Finding> {
        register::findings(activity, &self.context())
    }
}

/// An activity with what it misses.
#[derive(Debug, Clone)]
pub struct Checked {
    pub stored: StoredActivity,
    pub completeness: Completeness,
}

async fn checked(app: &App, board: &BoardId, stored: StoredActivity) -> Result<Checked> {
    let facts = Facts::of(app, board).await?;
    let completeness = Completeness::of(&facts.findings(&stored.activity));
    Ok(Checked { stored, completeness })
}

async fn check_school(app: &App, staff: &Staff, school_id: Option<&str>) -> Result<()> {
    if let Some(id) = school_id {
        let scope = staff.may(Action::SchoolView)?;
        if app.store.board(&staff.principal.board).school(scope, id).await?.is_none() {
            return Err(Error::field("school_id", "reference.unknown"));
        }
    }
    Ok(())
}

/// Adds a processing activity (IBP manager): a draft unless the command says
/// otherwise, with what it still misses.
///
/// # Errors
/// Forbidden, every wrong field, a name already used, or the store.
pub async fn create(app: &App, staff: &Staff, command: ActivityCommand) -> Result<Checked> {
    staff.may(Action::RegisterManage)?;
    let valid = command.validate(None)?;
    check_school(app, staff, valid.school_id.as_deref()).await?;
    let board = app.store.board(&staff.principal.board);
    let stored = board.create_activity(&staff.actor(), valid.school_id.as_deref(), &valid.activity).await?;
    checked(app, &staff.principal.board, stored).await
}

/// Changes an activity: only the fields sent.
///
/// # Errors
/// Forbidden, not found, every wrong field, a name already used, or the store.
pub async fn update(app: &App, staff: &Staff, id: &str, command: ActivityCommand) -> Result<Checked> {
    let scope = staff.may(Action::RegisterManage)?;
    let board = app.store.board(&staff.principal.board);
    let base = board.activity(scope, id).await?.ok_or(Error::NotFound)?;
    let valid = command.validate(Some(&base))?;
    check_school(app, staff, valid.school_id.as_deref()).await?;
    let changed: Vec<&'static str> = FIELDS.iter().copied().filter(|f| valid.changed.contains(f)).collect();
    let reopen = crate::dpia::record::reopen_for(app, staff, id, &changed).await?;
    let update = aantoonbaar_store::ActivityUpdate {
        school_id: valid.school_id.as_deref(),
        activity: &valid.activity,
        fields: &changed,
        reopen: reopen.as_ref(),
    };
    let stored = board.update_activity(&staff.actor(), id, &update).await?;
    checked(app, &staff.principal.board, stored).await
}

/// One activity the caller may see, with what it misses.
///
/// # Errors
/// Forbidden, not found, or the store.
pub async fn get(app: &App, staff: &Staff, id: &str) -> Result<Checked> {
    let scope = staff.may(Action::RegisterView)?;
    let stored = app.store.board(&staff.principal.board).activity(scope, id).await?.ok_or(Error::NotFound)?;
    checked(app, &staff.principal.board, stored).await
}

/// The register as the caller may see it, each activity with what it misses,
/// and the findings about the register as a whole.
pub struct Overview {
    pub activities: Vec<Checked>,
    pub register_findings: Vec<Missing>,
}

impl Overview {
    /// Every open finding: the activities' and the register's.
    #[must_use]
    pub fn open_findings(&self) -> usize {
        self.register_findings.len() + self.activities.iter().map(|a| a.completeness.missing.len()).sum::<usize>()
    }
}

/// Every activity the caller may see with its completeness.
///
/// # Errors
/// Forbidden, or the store.
pub async fn list(app: &App, staff: &Staff) -> Result<Overview> {
    let scope = staff.may(Action::RegisterView)?;
    let stored = app.store.board(&staff.principal.board).activities(scope).await?;
    let facts = Facts::of(app, &staff.principal.board).await?;
    let register_findings = if matches!(scope, aantoonbaar_store::Scope::Board) {
        let all: Vec<&Activity> = stored.iter().map(|s| &s.activity).collect();
        register::register_findings(&all, &facts.systems).iter().map(Missing::from).collect()
    } else {
        Vec::new()
    };
    let activities = stored
        .into_iter()
        .map(|stored| {
            let completeness = Completeness::of(&facts.findings(&stored.activity));
            Checked { stored, completeness }
        })
        .collect();
    Ok(Overview { activities, register_findings })
}
