//! Retention and destruction (issue 15): the board's retention rules (the
//! product's defaults until the board changes one; every change a new version,
//! audited, with the items it moves), the board's reading of the
//! special-education term, each pupil's items with their due date and status,
//! the holds that stop destruction, and the worklist of items due by a date.
//!
//! The pure rules are in `aantoonbaar_rules::retention`; the worklist asks the
//! store one set-based query per rule ([`Period::latest_start_due_by`] turns
//! "trigger + period <= date" into one comparison on the trigger date).

use crate::error::{Error, FieldError, Result};
use crate::i18n::t;
use crate::input::{Given, TEXT_LIMIT, Unknown, done, given_bool, given_text};
use crate::{App, Staff};
use aantoonbaar_rules::Action;
use aantoonbaar_rules::organisation::parse_iso_date;
use aantoonbaar_rules::register::{ActivityStatus, DataCategory, SubjectCategory};
use aantoonbaar_rules::retention::{
    Category, ChangeKind, HoldKind, Period, Rule, RuleCode, RuleDraft, SboReading, SchoolKind, Status, Trigger,
    changes, default_rules, pupil_destinations, pupil_rules, status, validate,
};
use aantoonbaar_store::retention::{NewHold, RetentionSettings, RuleSelection, StoredHold, StoredRule, TriggerDate};
use aantoonbaar_store::{BoardStore, Pupil, StoreError, full_name};
use jiff::civil::Date;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// Each field with the catalogue key of its label, so an error names the
/// field as the person reads it ("Bewaartermijn: …").
const LABELS: &[(&str, &str)] = &[
    ("code", "retention.field.code"),
    ("category", "retention.field.category"),
    ("subject", "retention.field.subject"),
    ("trigger", "retention.field.trigger"),
    ("period", "retention.field.period"),
    ("action", "retention.field.action"),
    ("source_kind", "retention.field.source_kind"),
    ("source_text", "retention.field.source_text"),
    ("source_url", "retention.field.source_url"),
    ("sbo_reading", "retention.field.sbo_reading"),
    ("hold_review", "retention.field.hold_review"),
    ("pupil_id", "retention.field.pupil_id"),
    ("reason", "retention.field.reason"),
    ("kind", "retention.field.kind"),
    ("date", "retention.field.date"),
    ("dry_run", "retention.field.dry_run"),
];

/// Every error with its field named as its label reads.
#[must_use]
pub fn named(errors: Vec<FieldError>) -> Vec<FieldError> {
    crate::input::labelled(errors, LABELS)
}

fn invalid(errors: Vec<FieldError>) -> Error {
    Error::Invalid(named(errors))
}

/// The Dutch label of a code of `list` (`code`, `category`, `subject`, `trigger`, `action`, `source_kind`, `status`, `hold_kind`, `sbo_reading`).
#[must_use]
pub fn label(list: &str, code: &str) -> &'static str {
    t(&format!("retention.{list}.{code}"))
}

/// Every school is read as a regular school: the product does not record yet
/// which schools are special-education schools, so the `sbo_school` reading
/// gives no 3-year term until it does.
const SCHOOL: SchoolKind = SchoolKind::Regular;

fn store<'a>(app: &'a App, staff: &'a Staff) -> BoardStore<'a> {
    app.store.board(&staff.principal.board)
}

// ---------------------------------------------------------------- rules

/// Where a term comes from.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct SourceOut {
    /// `seed`, `law`, `product_proposal` or `board`.
    pub kind: String,
    /// The source in words.
    pub text: String,
    pub url: Option<String>,
}

/// One retention rule: `{code, category, subject, trigger, period, action, source}`.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct RuleOut {
    /// `pupil_file`, `pupil_file_special_education`, `enrolment_and_absence`, `contact_details`, …
    pub code: String,
    pub category: String,
    /// Who the data are about: `pupil`, `guardian`, `staff`, `applicant`, …
    pub subject: String,
    /// The event that starts the period: `left_school`, `not_admitted`, `recorded`, …
    pub trigger: String,
    /// ISO 8601, e.g. `P2Y`, `P4W`.
    pub period: String,
    /// `destroy`, `anonymise`, `keep_basic_details` or `review`.
    pub action: String,
    pub source: SourceOut,
}

impl From<&Rule> for RuleOut {
    fn from(rule: &Rule) -> Self {
        Self {
            code: rule.code.code().to_owned(),
            category: rule.category.code().to_owned(),
            subject: rule.subject.code().to_owned(),
            trigger: rule.trigger.code().to_owned(),
            period: rule.period.to_string(),
            action: rule.action.code().to_owned(),
            source: SourceOut {
                kind: rule.source.kind.code().to_owned(),
                text: rule.source.text.clone(),
                url: rule.source.url.clone(),
            },
        }
    }
}

/// The rules in force: the board's own version of a rule where it changed
/// one (`stored`), the product's default otherwise; in the order of [`RuleCode::ALL`].
pub(crate) fn in_force<'a>(stored: impl IntoIterator<Item = &'a StoredRule> + Clone) -> Vec<Rule> {
    default_rules()
        .into_iter()
        .map(|default| {
            stored.clone().into_iter().find(|s| s.rule.code == default.code).map_or(default, |s| s.rule.clone())
        })
        .collect()
}

async fn board_rules(board: BoardStore<'_>) -> Result<Vec<Rule>> {
    Ok(in_force(&board.retention_rules().await?))
}

/// The board's retention rules.
///
/// # Errors
/// Forbidden, or the store.
pub async fn rules(app: &App, staff: &Staff) -> Result<Vec<Rule>> {
    staff.may(Action::RetentionView)?;
    board_rules(store(app, staff)).await
}

/// A change of one rule: every field optional (what is not sent stays as it
/// is), checked as a whole by the retention rules; `dry_run: true` only says
/// what would change and which items would move.
#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
pub struct RuleCommand {
    #[serde(flatten)]
    #[schema(ignore)]
    pub unknown: Unknown,
    #[schema(value_type = Option<String>)]
    pub category: Option<Given<String>>,
    #[schema(value_type = Option<String>)]
    pub subject: Option<Given<String>>,
    #[schema(value_type = Option<String>)]
    pub trigger: Option<Given<String>>,
    /// ISO 8601 (`P2Y`, `P18M`, `P4W`, `P30D`).
    #[schema(value_type = Option<String>)]
    pub period: Option<Given<String>>,
    #[schema(value_type = Option<String>)]
    pub action: Option<Given<String>>,
    #[schema(value_type = Option<String>)]
    pub source_kind: Option<Given<String>>,
    #[schema(value_type = Option<String>)]
    pub source_text: Option<Given<String>>,
    /// An `https://` or `http://` address; empty clears it.
    #[schema(value_type = Option<String>)]
    pub source_url: Option<Given<String>>,
    #[schema(value_type = Option<bool>)]
    pub dry_run: Option<Given<bool>>,
}

/// One field as sent, or the current value.
fn sent(errors: &mut Vec<FieldError>, field: &str, value: Option<Given<String>>, current: &str) -> String {
    match value {
        None => current.to_owned(),
        Some(Given::Wrong) => {
            errors.push(FieldError::new(field, "field.not_text"));
            current.to_owned()
        }
        Some(Given::Value(text)) => text,
    }
}

/// How a rule changed, for the rules page.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ChangeOut {
    pub code: String,
    /// `added`, `removed` or `changed`.
    pub change: String,
    /// The fields that changed (`period`, `trigger`, `action`, …).
    pub fields: Vec<String>,
}

/// The answer to a rule change: the rule, what changed and which items move.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct RuleChangeOut {
    pub rule: RuleOut,
    /// The board's version of the rule now in force; `null` while it follows the product's default.
    pub version: Option<i64>,
    /// Nothing was stored: the answer says what would happen.
    pub dry_run: bool,
    pub changes: Vec<ChangeOut>,
    /// Whether due dates or statuses move (the period or the trigger changed).
    pub moves_items: bool,
    /// How many items (pupils' data of this rule whose trigger happened) get another due date.
    pub affected: i64,
    /// How many of them are due today under the rule before the change …
    pub due_before: i64,
    /// … and after it.
    pub due_after: i64,
}

/// The pupils a rule governs, when it is a pupil rule.
#[must_use]
pub fn selection(rule: &Rule, reading: SboReading) -> Option<RuleSelection> {
    let trigger = match rule.trigger {
        Trigger::LeftSchool | Trigger::NotAdmitted => TriggerDate::LeaveDate,
        Trigger::Recorded => TriggerDate::EnrolmentDate,
        _ => return None,
    };
    let destinations = pupil_destinations(rule.code, SCHOOL, reading);
    if destinations.is_empty() {
        return None;
    }
    Some(RuleSelection { category: rule.category, destinations, trigger })
}

/// A pupil rule on a date: the pupils it governs and the latest trigger
/// date whose items are due by then.
pub(crate) struct DueRule<'a> {
    pub rule: &'a Rule,
    pub selection: RuleSelection,
    pub cutoff: Date,
}

/// The pupil rules of `rules` with items that can be due by `date`.
pub(crate) fn due_rules(rules: &[Rule], reading: SboReading, date: Date) -> Vec<DueRule<'_>> {
    rules
        .iter()
        .filter_map(|rule| {
            let selection = selection(rule, reading)?;
            let cutoff = rule.period.latest_start_due_by(date)?;
            Some(DueRule { rule, selection, cutoff })
        })
        .collect()
}

async fn due_count(board: BoardStore<'_>, rule: &Rule, reading: SboReading, today: Date) -> Result<i64> {
    let Some(due) = due_rules(std::slice::from_ref(rule), reading, today).pop() else { return Ok(0) };
    Ok(board.retention_count(&due.selection, Some(due.cutoff)).await?)
}

/// Changes one rule of the board (IBP manager): validated with the retention
/// rules (every wrong field named in Dutch), stored as a new version with an
/// audit entry naming the fields that changed; with `dry_run` nothing is
/// stored. A change that changes nothing stores nothing.
///
/// # Errors
/// Forbidden, not found (an unknown code), every wrong field, or the store.
pub async fn change_rule(app: &App, staff: &Staff, code: &str, command: RuleCommand) -> Result<RuleChangeOut> {
    staff.may(Action::RetentionManage)?;
    let code = RuleCode::from_code(code).map_err(|_| Error::NotFound)?;
    let board = store(app, staff);
    let current_rules = board_rules(board).await?;
    let current = current_rules.iter().find(|r| r.code == code).cloned().ok_or(Error::NotFound)?;
    let mut errors = command.unknown.errors();
    let before = RuleOut::from(&current);
    let draft = RuleDraft {
        code: code.code().to_owned(),
        category: sent(&mut errors, "category", command.category, &before.category),
        subject: sent(&mut errors, "subject", command.subject, &before.subject),
        trigger: sent(&mut errors, "trigger", command.trigger, &before.trigger),
        period: sent(&mut errors, "period", command.period, &before.period),
        action: sent(&mut errors, "action", command.action, &before.action),
        source_kind: sent(&mut errors, "source_kind", command.source_kind, &before.source.kind),
        source_text: sent(&mut errors, "source_text", command.source_text, &before.source.text),
        source_url: Some(sent(
            &mut errors,
            "source_url",
            command.source_url,
            before.source.url.as_deref().unwrap_or_default(),
        )),
    };
    let dry_run = match command.dry_run {
        None => false,
        some => given_bool(&mut errors, "dry_run", some).unwrap_or(false),
    };
    let rule = match validate(&draft) {
        Ok(rule) => Some(rule),
        Err(found) => {
            errors.extend(found.into_iter().map(|e| {
                let mut error = FieldError::new(e.field, e.invalid.code);
                if let Some(value) = e.value.filter(|v| !v.is_empty() && e.field == "period") {
                    error.detail = format!("{} ({value})", error.detail);
                }
                error
            }));
            None
        }
    };
    let rule = done(errors, rule).map_err(invalid)?;
    let found = changes(std::slice::from_ref(&current), std::slice::from_ref(&rule));
    let moves_items = found.iter().any(aantoonbaar_rules::retention::RuleChange::moves_items);
    let reading = board.retention_settings().await?.sbo_reading;
    let today = app.clock.today();
    let affected = match selection(&current, reading) {
        Some(selection) if moves_items => board.retention_count(&selection, Some(today)).await?,
        _ => 0,
    };
    let due_before = due_count(board, &current, reading, today).await?;
    let due_after = due_count(board, &rule, reading, today).await?;
    let stored = board.retention_rules().await?.into_iter().find(|s| s.rule.code == code);
    let version = if dry_run || found.is_empty() {
        stored.map(|s| s.version)
    } else {
        let fields: Vec<&'static str> = found.iter().flat_map(|c| c.fields.iter().copied()).collect();
        Some(board.set_retention_rule(&staff.actor(), &rule, &fields).await?.version)
    };
    Ok(RuleChangeOut {
        rule: RuleOut::from(&rule),
        version,
        dry_run,
        changes: found
            .iter()
            .map(|c| ChangeOut {
                code: c.code.code().to_owned(),
                change: match c.change {
                    ChangeKind::Added => "added",
                    ChangeKind::Removed => "removed",
                    ChangeKind::Changed => "changed",
                }
                .to_owned(),
                fields: c.fields.iter().map(|f| (*f).to_owned()).collect(),
            })
            .collect(),
        moves_items,
        affected,
        due_before,
        due_after,
    })
}

// ---------------------------------------------------------------- settings

/// The board's retention settings.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Settings {
    /// How the board reads "SBO 3 jaar": `referred_pupil` (seed 001 §14.17: the
    /// file of a pupil referred to special education, 3 years; the default) or
    /// `sbo_school` (the files an SBO school keeps, 3 years).
    pub sbo_reading: String,
    /// How long a hold stands before it is reviewed (ISO 8601; default `P6M`).
    pub hold_review: String,
}

impl From<RetentionSettings> for Settings {
    fn from(settings: RetentionSettings) -> Self {
        Self { sbo_reading: settings.sbo_reading.code().to_owned(), hold_review: settings.hold_review.to_string() }
    }
}

/// A change of the settings: `{sbo_reading?, hold_review?}`; what is not sent stays.
#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
pub struct SettingsCommand {
    #[serde(flatten)]
    #[schema(ignore)]
    pub unknown: Unknown,
    #[schema(value_type = Option<String>)]
    pub sbo_reading: Option<Given<String>>,
    /// ISO 8601, e.g. `P6M`.
    #[schema(value_type = Option<String>)]
    pub hold_review: Option<Given<String>>,
}

/// The board's retention settings.
///
/// # Errors
/// Forbidden, or the store.
pub async fn settings(app: &App, staff: &Staff) -> Result<Settings> {
    staff.may(Action::RetentionView)?;
    Ok(store(app, staff).retention_settings().await?.into())
}

/// Changes the board's reading of the special-education term and how often
/// holds are reviewed (IBP manager), audited with the fields that changed.
///
/// # Errors
/// Forbidden, a wrong reading or period, or the store.
pub async fn set_settings(app: &App, staff: &Staff, command: SettingsCommand) -> Result<Settings> {
    staff.may(Action::RetentionManage)?;
    let board = store(app, staff);
    let current = board.retention_settings().await?;
    let mut errors = command.unknown.errors();
    let reading = given_text(&mut errors, "sbo_reading", command.sbo_reading, false, TEXT_LIMIT);
    let reading = crate::input::rule(&mut errors, "sbo_reading", reading, SboReading::from_code);
    let review = given_text(&mut errors, "hold_review", command.hold_review, false, TEXT_LIMIT);
    let review = crate::input::rule(&mut errors, "hold_review", review, |text| match text.parse::<Period>() {
        Ok(period) if period.is_zero() => Err(aantoonbaar_rules::Invalid { code: "retention.period.zero" }),
        Ok(period) => Ok(period),
        Err(e) => Err(aantoonbaar_rules::Invalid { code: e.code() }),
    });
    done(errors, Some(())).map_err(invalid)?;
    let next = RetentionSettings {
        sbo_reading: reading.unwrap_or(current.sbo_reading),
        hold_review: review.unwrap_or(current.hold_review),
    };
    let mut fields = Vec::new();
    if next.sbo_reading != current.sbo_reading {
        fields.push("sbo_reading");
    }
    if next.hold_review != current.hold_review {
        fields.push("hold_review");
    }
    if !fields.is_empty() {
        board.set_retention_settings(&staff.actor(), &next, &fields).await?;
    }
    Ok(next.into())
}

// ---------------------------------------------------------------- a pupil's items

/// One item of a pupil's data under a rule.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ItemOut {
    /// `pupil_file`, `enrolment_and_absence`, `contact_details` (or `application` for a child not admitted).
    pub category: String,
    /// The rule that gives the term.
    pub rule: String,
    /// The date of the event that starts the period; `null` while it has not happened.
    pub trigger_date: Option<String>,
    /// Trigger date + period; `null` while the trigger has not happened (a pupil still enrolled).
    pub due_date: Option<String>,
    /// `destroy`, `anonymise`, `keep_basic_details` or `review`.
    pub action: String,
    /// `pending`, `due`, `held` or `destroyed`.
    pub status: String,
}

/// A hold on a pupil's data.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct HoldOut {
    pub id: String,
    pub pupil_id: String,
    /// The category held; `null`: every category of the pupil.
    pub category: Option<String>,
    /// `legal_claim`, `incident`, `open_request`, `law` or `other`.
    pub kind: String,
    pub reason: String,
    pub placed_by: String,
    pub placed_on: String,
    pub released_by: Option<String>,
    pub released_on: Option<String>,
    /// The last review that kept the hold, and who made it.
    pub reviewed_on: Option<String>,
    pub reviewed_by: Option<String>,
    /// When the hold is to be reviewed next (the board's review period after
    /// it was placed or last reviewed); `null` once released.
    pub review_due: Option<String>,
}

impl HoldOut {
    fn of(h: &StoredHold, review_every: Period) -> Self {
        Self {
            id: h.id.clone(),
            pupil_id: h.pupil_id.clone(),
            category: h.category.map(|c| c.code().to_owned()),
            kind: h.kind.code().to_owned(),
            reason: h.reason.clone(),
            placed_by: h.placed_by.clone(),
            placed_on: h.placed_on.to_string(),
            released_by: h.released_by.clone(),
            released_on: h.released_on.map(|d| d.to_string()),
            reviewed_on: h.reviewed_on.map(|d| d.to_string()),
            reviewed_by: h.reviewed_by.clone(),
            review_due: h.review_date(review_every).map(|d| d.to_string()),
        }
    }
}

/// A pupil's items and, for those who keep retention, the holds on them.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct PupilRetention {
    pub items: Vec<ItemOut>,
    /// Only for those who may read the rules or place holds; otherwise empty.
    pub holds: Vec<HoldOut>,
}

/// The date that starts `rule`'s period for `pupil`, when it has one.
fn trigger_date(pupil: &Pupil, rule: &Rule) -> Option<Date> {
    match rule.trigger {
        Trigger::LeftSchool | Trigger::NotAdmitted => pupil.leave_date,
        Trigger::Recorded => Some(pupil.enrolment_date),
        _ => None,
    }
}

/// The status of each of `pupil`'s items on `today`.
#[must_use]
pub fn pupil_items(
    pupil: &Pupil,
    rules: &[Rule],
    reading: SboReading,
    holds: &[StoredHold],
    destroyed: &[(Category, Date)],
    today: Date,
) -> Vec<ItemOut> {
    pupil_rules(rules, pupil.leave_destination, SCHOOL, reading)
        .into_iter()
        .map(|rule| {
            let trigger = trigger_date(pupil, rule).filter(|d| *d <= today);
            let holds: Vec<_> = holds.iter().filter(|h| h.covers(rule.category)).map(StoredHold::as_rule).collect();
            let destroyed_on = destroyed.iter().find(|(c, _)| *c == rule.category).map(|(_, on)| *on);
            let item = status(trigger, rule, &holds, destroyed_on, today);
            ItemOut {
                category: rule.category.code().to_owned(),
                rule: rule.code.code().to_owned(),
                trigger_date: trigger.map(|d| d.to_string()),
                due_date: item.due_date.map(|d| d.to_string()),
                action: rule.action.code().to_owned(),
                status: item.status.code().to_owned(),
            }
        })
        .collect()
}

/// A pupil's items with their due date and status today, for whoever may see
/// the pupil (in their scope; otherwise 404). The view is recorded in the
/// audit trail, as every view of a child's data.
///
/// # Errors
/// Forbidden, not found, or the store.
pub async fn of_pupil(app: &App, staff: &Staff, pupil_id: &str) -> Result<PupilRetention> {
    let scope = staff.may(Action::PupilView)?;
    let board = store(app, staff);
    let pupil = board.pupil(scope, pupil_id).await?.ok_or(Error::NotFound)?;
    board.record_view(&staff.actor(), "pupil_retention", &pupil.id).await?;
    let rules = board_rules(board).await?;
    let settings = board.retention_settings().await?;
    let holds = board.holds_of(&pupil.id).await?;
    let destroyed = board.destroyed_of(&pupil.id).await?;
    let items = pupil_items(&pupil, &rules, settings.sbo_reading, &holds, &destroyed, app.clock.today());
    let shown = staff.can(Action::RetentionView) || staff.can(Action::RetentionHold);
    let holds = if shown { holds.iter().map(|h| HoldOut::of(h, settings.hold_review)).collect() } else { Vec::new() };
    Ok(PupilRetention { items, holds })
}

// ---------------------------------------------------------------- holds

/// A hold: `{pupil_id, reason, category?, kind?}`; without a category it holds
/// every category of the pupil's data; `kind` defaults to `other`.
#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
pub struct HoldCommand {
    #[serde(flatten)]
    #[schema(ignore)]
    pub unknown: Unknown,
    #[schema(value_type = String)]
    pub pupil_id: Option<Given<String>>,
    /// Why the data must be kept (a legal claim, an incident, an open request, a law).
    #[schema(value_type = String)]
    pub reason: Option<Given<String>>,
    /// `pupil_file`, `enrolment_and_absence`, `contact_details`, `application`, …
    #[schema(value_type = Option<String>)]
    pub category: Option<Given<String>>,
    /// `legal_claim`, `incident`, `open_request`, `law` or `other`.
    #[schema(value_type = Option<String>)]
    pub kind: Option<Given<String>>,
}

/// Places a hold on a pupil's data (IBP manager; director for their school),
/// with an audit entry. The pupil must be in the caller's scope.
///
/// # Errors
/// Forbidden, every wrong field (a pupil out of scope is `reference.unknown`), or the store.
pub async fn place_hold(app: &App, staff: &Staff, command: HoldCommand) -> Result<HoldOut> {
    let scope = staff.may(Action::RetentionHold)?;
    let mut errors = command.unknown.errors();
    let pupil_id = given_text(&mut errors, "pupil_id", command.pupil_id, true, TEXT_LIMIT);
    let reason = given_text(&mut errors, "reason", command.reason, true, TEXT_LIMIT);
    let category = given_text(&mut errors, "category", command.category, false, TEXT_LIMIT);
    let category = crate::input::rule(&mut errors, "category", category, Category::from_code);
    let kind = given_text(&mut errors, "kind", command.kind, false, TEXT_LIMIT);
    let kind = crate::input::rule(&mut errors, "kind", kind, HoldKind::from_code).unwrap_or(HoldKind::Other);
    let board = store(app, staff);
    if let Some(id) = &pupil_id
        && board.pupil(scope, id).await?.is_none()
    {
        errors.push(FieldError::new("pupil_id", "reference.unknown"));
    }
    let (pupil_id, reason) = match (pupil_id, reason) {
        (Some(p), Some(r)) => (Some(p), Some(r)),
        _ => (None, None),
    };
    let hold = done(
        errors,
        pupil_id.zip(reason).map(|(pupil_id, reason)| NewHold {
            pupil_id,
            category,
            kind,
            reason,
            placed_on: app.clock.today(),
        }),
    )
    .map_err(invalid)?;
    let stored = board.place_hold(&staff.actor(), &hold).await?;
    Ok(HoldOut::of(&stored, board.retention_settings().await?.hold_review))
}

/// What to do with a hold: release it, or record a review that keeps it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HoldDecision {
    /// The reason is gone: the items are on the worklist again from today.
    Release,
    /// The reason stands: the next review is a review period from today.
    Keep,
}

/// Releases a hold or records a review that keeps it (IBP manager; director
/// for their school's pupils), audited.
///
/// # Errors
/// Forbidden, not found (also a pupil out of scope), a hold released already (409), or the store.
pub async fn decide_hold(app: &App, staff: &Staff, id: &str, decision: HoldDecision) -> Result<HoldOut> {
    let scope = staff.may(Action::RetentionHold)?;
    let board = store(app, staff);
    let hold = board.hold(id).await?.ok_or(Error::NotFound)?;
    board.pupil(scope, &hold.pupil_id).await?.ok_or(Error::NotFound)?;
    let (actor, today) = (staff.actor(), app.clock.today());
    let decided = match decision {
        HoldDecision::Release => board.release_hold(&actor, id, today).await,
        HoldDecision::Keep => board.review_hold(&actor, id, today).await,
    };
    let decided = decided.map_err(|e| match e {
        StoreError::WrongState => Error::conflict("id", "retention.hold_released"),
        other => other.into(),
    })?;
    Ok(HoldOut::of(&decided, board.retention_settings().await?.hold_review))
}

/// The holds in the caller's scope that are not released, with when each is
/// to be reviewed, those due for review first; the view is recorded in the
/// audit trail.
///
/// # Errors
/// Forbidden, or the store.
pub async fn open_holds(app: &App, staff: &Staff) -> Result<Vec<HoldOut>> {
    let scope = staff.may(Action::RetentionView)?;
    let board = store(app, staff);
    // The list names pupils and why their data are kept: a view, audited once.
    board.record_view(&staff.actor(), "retention_holds", &app.clock.today().to_string()).await?;
    let every = board.retention_settings().await?.hold_review;
    let mut holds: Vec<HoldOut> = board
        .open_holds()
        .await?
        .iter()
        .filter(|h| scope.covers_school(&h.school_id))
        .map(|h| HoldOut::of(&h.hold, every))
        .collect();
    holds.sort_by(|a, b| a.review_due.cmp(&b.review_due));
    Ok(holds)
}

/// What asks for attention today in the caller's scope: the items due (the
/// worklist of today) and the holds whose review date has come.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, ToSchema)]
pub struct Attention {
    pub due_items: i64,
    pub holds_to_review: i64,
}

/// The items due today and the holds to review in the caller's scope, counted
/// by the database (one query per pupil rule); `None` for who may not read retention.
///
/// # Errors
/// The store.
pub async fn attention(app: &App, staff: &Staff) -> Result<Option<Attention>> {
    let Ok(scope) = staff.may(Action::RetentionView) else { return Ok(None) };
    let board = store(app, staff);
    let today = app.clock.today();
    let rules = board_rules(board).await?;
    let settings = board.retention_settings().await?;
    let mut due_items = 0;
    for due in due_rules(&rules, settings.sbo_reading, today) {
        for count in board.retention_due_counts(&due.selection, due.cutoff, today).await? {
            if scope.covers_school(&count.school_id) {
                due_items += count.items;
            }
        }
    }
    let holds_to_review = board
        .open_holds()
        .await?
        .iter()
        .filter(|h| scope.covers_school(&h.school_id))
        .filter(|h| h.hold.review_date(settings.hold_review).is_some_and(|d| d <= today))
        .count();
    Ok(Some(Attention { due_items, holds_to_review: i64::try_from(holds_to_review).unwrap_or(i64::MAX) }))
}

// ---------------------------------------------------------------- worklist

/// One item due.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct WorkItem {
    pub pupil_id: String,
    /// The number of the pupil administration, to find the pupil there.
    pub pupil_number: String,
    pub pupil_name: String,
    pub school_id: String,
    pub category: String,
    pub rule: String,
    pub trigger_date: String,
    pub due_date: String,
    pub action: String,
    /// Always `due`: held and destroyed items are not on the worklist.
    pub status: String,
    /// The systems of the register that hold this category for the pupil's
    /// school (activities about pupils with these data), by name; absent
    /// when the register does not tell.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub system: Option<String>,
    /// The same systems one by one, for a destruction batch.
    #[serde(skip)]
    pub systems: Vec<String>,
}

/// Where the register says a category of pupil data lives: per activity
/// about pupils that is not retired, its school (`None`: every school) and
/// the names of its systems.
async fn register_systems(board: BoardStore<'_>) -> Result<Vec<(Option<String>, Vec<DataCategory>, Vec<String>)>> {
    let activities = board.activities(&aantoonbaar_store::Scope::Board).await?;
    let systems = board.systems().await?;
    Ok(activities
        .into_iter()
        .filter(|a| a.activity.status != ActivityStatus::Retired)
        .filter(|a| {
            a.activity
                .subject_categories
                .iter()
                .any(|s| matches!(s, SubjectCategory::Pupils | SubjectCategory::FormerPupils))
        })
        .map(|a| {
            let names = a
                .activity
                .system_ids
                .iter()
                .filter_map(|id| systems.iter().find(|s| s.id == *id).map(|s| s.data.name.clone()))
                .collect();
            (a.school_id, a.activity.data_categories, names)
        })
        .collect())
}

/// The names of the systems holding `category` for `school`, sorted, each once.
fn systems_for(
    register: &[(Option<String>, Vec<DataCategory>, Vec<String>)],
    category: Category,
    school: &str,
) -> Vec<String> {
    let wanted = category.register_data();
    let mut names: Vec<String> = register
        .iter()
        .filter(|(at, _, _)| at.as_deref().is_none_or(|s| s == school))
        .filter(|(_, data, _)| data.iter().any(|d| wanted.contains(d)))
        .flat_map(|(_, _, names)| names.iter().cloned())
        .collect();
    names.sort_unstable();
    names.dedup();
    names
}

/// The worklist for a date.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Worklist {
    pub date: String,
    pub items: Vec<WorkItem>,
}

/// Every pupil item in the caller's scope due on or before `date` (today when
/// absent) that is neither held on that date nor destroyed by a completed
/// batch: one query per
/// pupil rule. The view is recorded once in the audit trail.
///
/// # Errors
/// Forbidden, a wrong date (naming `date`), or the store.
pub async fn worklist(app: &App, staff: &Staff, date: Option<&str>) -> Result<Worklist> {
    let scope = staff.may(Action::RetentionView)?;
    let date = match date.map(str::trim).filter(|d| !d.is_empty()) {
        None => app.clock.today(),
        Some(text) => parse_iso_date(text).map_err(|e| invalid(vec![FieldError::new("date", e.code)]))?,
    };
    let board = store(app, staff);
    let rules = board_rules(board).await?;
    let reading = board.retention_settings().await?.sbo_reading;
    let register = register_systems(board).await?;
    let mut items = Vec::new();
    for DueRule { rule, selection, cutoff } in due_rules(&rules, reading, date) {
        for due in board.retention_due(scope, &selection, cutoff, date).await? {
            let systems = systems_for(&register, rule.category, &due.school_id);
            items.push(WorkItem {
                system: (!systems.is_empty()).then(|| systems.join(", ")),
                systems,
                pupil_name: full_name(&due.given_name, due.surname_prefix.as_deref(), &due.surname),
                pupil_number: due.external_number,
                pupil_id: due.pupil_id,
                school_id: due.school_id,
                category: rule.category.code().to_owned(),
                rule: rule.code.code().to_owned(),
                trigger_date: due.trigger_date.to_string(),
                due_date: rule.due_date(due.trigger_date).to_string(),
                action: rule.action.code().to_owned(),
                status: Status::Due.code().to_owned(),
            });
        }
    }
    items.sort_by(|a, b| a.due_date.cmp(&b.due_date).then_with(|| a.category.cmp(&b.category)));
    board.record_view(&staff.actor(), "retention_worklist", &date.to_string()).await?;
    Ok(Worklist { date: date.to_string(), items })
}

/// The period in words for the pages ("2 jaar", "4 weken").
#[must_use]
pub fn period_words(period: Period) -> String {
    let (years, months, weeks, days) = period.parts();
    let parts: Vec<String> = [
        (years, "retention.unit.year", "retention.unit.years"),
        (months, "retention.unit.month", "retention.unit.months"),
        (weeks, "retention.unit.week", "retention.unit.weeks"),
        (days, "retention.unit.day", "retention.unit.days"),
    ]
    .into_iter()
    .filter(|(n, _, _)| *n > 0)
    .map(|(n, one, many)| format!("{n} {}", t(if n == 1 { one } else { many })))
    .collect();
    parts.join(" en ")
}
