//! Review campaigns of access rights (BIO2 5.18.02 and CIS Control 6.8:
//! every right reviewed at least once a year; seed 001 §13 item 3). The IBP
//! manager starts a campaign over the systems due; each director reviews the
//! accounts of *their school's* people across those systems — keep, revoke,
//! reduce, not sure — one review per manager, not per system owner (Eramba's
//! users asked for that: an owner cannot know every colleague). Accounts of
//! nobody on the staff list, or of the board's own staff, are the IBP
//! manager's. Reviewers are reminded before the deadline and what is open
//! after it is escalated to the IBP manager, who decides it; every revoke or
//! reduce is carried out and recorded with evidence. Closing the campaign is
//! each system's completed review.

use super::accounts::Judge;
use super::{addresses, store, works_at};
use crate::error::{Error, FieldError, Result};
use crate::i18n::{t, tf};
use crate::input::{Given, TEXT_LIMIT, Unknown, done, given_text, one_or_many, rule};
use crate::register::export::Download;
use crate::requests::{Section, dutch_date, sections_pdf};
use crate::{App, Staff};
use aantoonbaar_rules::access::{ReviewOutcome, review_escalates, review_reminder_on};
use aantoonbaar_rules::organisation::parse_iso_date;
use aantoonbaar_rules::{Action, Role};
use aantoonbaar_store::access_reviews::{Campaign, CampaignNotice, NewCampaign, ReviewItem, Verdict};
use aantoonbaar_store::{BoardStore, Scope, StoreError, User};
use jiff::civil::Date;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use utoipa::ToSchema;

const LABELS: &[(&str, &str)] = &[
    ("name", "review.field.name"),
    ("deadline", "review.field.deadline"),
    ("system_ids", "review.field.system_ids"),
    ("items", "review.field.items"),
    ("outcome", "review.field.outcome"),
    ("evidence", "review.field.evidence"),
];

fn invalid(errors: Vec<FieldError>) -> Error {
    Error::Invalid(crate::input::labelled(errors, LABELS))
}

/// A campaign with its progress.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct CampaignOut {
    pub id: String,
    pub name: String,
    pub started_on: String,
    pub deadline: String,
    pub started_by: String,
    pub open: bool,
    pub closed_at: Option<String>,
    pub items: usize,
    pub decided: usize,
    /// Decided share, whole percent rounded down.
    pub completion: u8,
    pub to_remediate: usize,
    pub remediated: usize,
    /// Open past the deadline.
    pub overdue: bool,
}

impl CampaignOut {
    fn new(c: &Campaign, today: Date) -> Self {
        Self {
            id: c.id.clone(),
            name: c.name.clone(),
            started_on: c.started_on.to_string(),
            deadline: c.deadline.to_string(),
            started_by: c.started_by.clone(),
            open: c.closed_at.is_none(),
            closed_at: c.closed_at.map(|t| t.to_string()),
            items: c.items,
            decided: c.decided,
            completion: aantoonbaar_rules::access::percentage(c.decided, c.items).unwrap_or(100),
            to_remediate: c.to_remediate,
            remediated: c.remediated,
            overdue: c.closed_at.is_none() && review_escalates(c.deadline, today),
        }
    }
}

/// One account to review.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ItemOut {
    pub id: String,
    pub system_id: String,
    pub system_name: String,
    pub username: String,
    pub account_name: Option<String>,
    pub profile: Option<String>,
    pub staff_id: Option<String>,
    pub staff_name: Option<String>,
    /// The school whose director reviews it; absent: the IBP manager.
    pub school_id: Option<String>,
    /// `keep`, `revoke`, `reduce`, `unsure`; absent until decided.
    pub outcome: Option<String>,
    pub note: Option<String>,
    pub decided_by: Option<String>,
    /// A revoke or reduce still to be carried out.
    pub needs_remediation: bool,
    pub remediated_at: Option<String>,
    pub evidence: Option<String>,
    /// What the account list says about it today, to help the reviewer:
    /// `orphan`, `leaver`, `excess` (see the account lists).
    pub findings: Vec<String>,
}

impl From<&ReviewItem> for ItemOut {
    fn from(i: &ReviewItem) -> Self {
        Self {
            id: i.id.clone(),
            system_id: i.system_id.clone(),
            system_name: i.system_name.clone(),
            username: i.username.clone(),
            account_name: i.account_name.clone(),
            profile: i.profile.clone(),
            staff_id: i.staff_id.clone(),
            staff_name: i.staff_name.clone(),
            school_id: i.school_id.clone(),
            outcome: i.outcome.map(|o| o.code().to_owned()),
            note: i.note.clone(),
            decided_by: i.decided_by.clone(),
            needs_remediation: i.outcome.is_some_and(ReviewOutcome::needs_remediation) && i.remediated_at.is_none(),
            remediated_at: i.remediated_at.map(|t| t.to_string()),
            evidence: i.evidence.clone(),
            findings: Vec::new(),
        }
    }
}

/// Progress of one part of a campaign (a school, or a system).
#[derive(Debug, Clone, Default, Serialize, ToSchema)]
pub struct Progress {
    /// The school or system id; `""` for the IBP manager's own part.
    pub key: String,
    pub name: String,
    pub items: usize,
    pub decided: usize,
    pub keep: usize,
    pub revoke: usize,
    pub reduce: usize,
    pub unsure: usize,
    pub remediated: usize,
}

impl Progress {
    fn add(&mut self, item: &ReviewItem) {
        self.items += 1;
        match item.outcome {
            Some(ReviewOutcome::Keep) => self.keep += 1,
            Some(ReviewOutcome::Revoke) => self.revoke += 1,
            Some(ReviewOutcome::Reduce) => self.reduce += 1,
            Some(ReviewOutcome::Unsure) => self.unsure += 1,
            None => {}
        }
        if item.outcome.is_some_and(ReviewOutcome::settles) {
            self.decided += 1;
        }
        if item.remediated_at.is_some() {
            self.remediated += 1;
        }
    }
}

/// A campaign as the caller sees it: the items in their scope, and the
/// completion and outcome per school and per system.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct CampaignDetail {
    pub campaign: CampaignOut,
    pub items: Vec<ItemOut>,
    pub per_school: Vec<Progress>,
    pub per_system: Vec<Progress>,
}

/// A new campaign: `{name?, deadline, system_ids?: [id]}` — without systems,
/// every system whose accounts were imported.
#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
pub struct StartCampaign {
    /// Fields the command does not know (each one is refused by name).
    #[serde(flatten)]
    #[schema(ignore)]
    pub unknown: Unknown,
    #[schema(value_type = String)]
    pub name: Option<Given<String>>,
    /// `YYYY-MM-DD`, not before today.
    #[schema(value_type = String)]
    pub deadline: Option<Given<String>>,
    #[serde(default, deserialize_with = "one_or_many")]
    pub system_ids: Vec<String>,
}

/// The reviewers of a campaign's parts: per school its directors, for the
/// board's part (`""`) the IBP managers.
fn reviewers(users: &[User], school_key: &str) -> Vec<String> {
    if school_key.is_empty() {
        addresses(users, |u| u.roles.contains(&Role::St))
    } else {
        addresses(users, |u| u.roles.contains(&Role::D) && works_at(u, Some(school_key)))
    }
}

/// Starts a campaign. The IBP manager only.
///
/// # Errors
/// Forbidden, every wrong field (no systems with imported accounts is
/// `review.no_accounts`), or the store.
pub async fn start(app: &App, staff: &Staff, command: StartCampaign) -> Result<CampaignOut> {
    staff.may(Action::AccessReviewManage)?;
    let today = app.clock.today();
    let mut errors = command.unknown.errors();
    let name = given_text(&mut errors, "name", command.name, false, TEXT_LIMIT);
    let deadline = given_text(&mut errors, "deadline", command.deadline, true, TEXT_LIMIT);
    let deadline = rule(&mut errors, "deadline", deadline, parse_iso_date);
    if deadline.is_some_and(|d| d < today) {
        errors.push(FieldError::new("deadline", "review.deadline_past"));
    }
    let board = store(app, staff);
    let accounts = board.system_accounts(None).await?;
    let mut system_ids: Vec<String> =
        command.system_ids.into_iter().map(|s| s.trim().to_owned()).filter(|s| !s.is_empty()).collect();
    if system_ids.is_empty() {
        system_ids = accounts.iter().map(|a| a.system_id.clone()).collect();
        system_ids.dedup();
    }
    let systems = board.systems().await?;
    if system_ids.iter().any(|id| !systems.iter().any(|s| &s.id == id)) {
        errors.push(FieldError::new("system_ids", "reference.unknown"));
    } else if !system_ids.iter().any(|id| accounts.iter().any(|a| &a.system_id == id)) {
        errors.push(FieldError::new("system_ids", "review.no_accounts"));
    }
    let deadline = done(errors, deadline).map_err(invalid)?;
    let name = name.unwrap_or_else(|| tf("review.default_name", &[("year", &today.year().to_string())]));
    // Each reviewer hears of their part.
    let members = board.staff_members(&Scope::Board).await?;
    let mut parts: Vec<String> = accounts
        .iter()
        .filter(|a| system_ids.contains(&a.system_id))
        .map(|a| {
            let school = a.staff_id.as_deref().and_then(|id| members.iter().find(|m| m.id == id));
            school.and_then(|m| m.data.school_id.clone()).unwrap_or_default()
        })
        .collect();
    parts.sort();
    parts.dedup();
    let users = board.users(&Scope::Board).await?;
    let link = app.link("/toegang/controles");
    let args = [("name", name.as_str()), ("deadline", &dutch_date(deadline)), ("link", link.as_str())];
    let (subject, body) = (tf("review.mail.start_subject", &args), tf("review.mail.start_body", &args));
    let mut to: Vec<String> = parts.iter().flat_map(|part| reviewers(&users, part)).collect();
    to.sort();
    to.dedup();
    let campaign = NewCampaign {
        name,
        started_on: today,
        deadline,
        system_ids,
        mails: crate::mail::to_each(&to, &subject, &body),
    };
    let stored = board.start_campaign(&staff.actor(), &campaign).await?;
    Ok(CampaignOut::new(&stored, today))
}

/// The board's campaigns (a director sees them too: their part is in each).
///
/// # Errors
/// Forbidden, or the store.
pub async fn list(app: &App, staff: &Staff) -> Result<Vec<CampaignOut>> {
    staff.may(Action::AccessReviewView)?;
    let today = app.clock.today();
    Ok(store(app, staff).campaigns().await?.iter().map(|c| CampaignOut::new(c, today)).collect())
}

/// A campaign with the items in the caller's scope and its progress.
///
/// # Errors
/// Forbidden, not found, or the store.
pub async fn get(app: &App, staff: &Staff, id: &str) -> Result<CampaignDetail> {
    let scope = staff.may(Action::AccessReviewView)?;
    let board = store(app, staff);
    let campaign = board.campaign(id).await?.ok_or(Error::NotFound)?;
    let items = board.review_items(id, scope).await?;
    let schools = board.schools(&Scope::Board).await?;
    let mut per_school: BTreeMap<String, Progress> = BTreeMap::new();
    let mut per_system: BTreeMap<String, Progress> = BTreeMap::new();
    for item in &items {
        let key = item.school_id.clone().unwrap_or_default();
        let school = per_school.entry(key.clone()).or_insert_with(|| Progress {
            name: schools
                .iter()
                .find(|s| s.id == key)
                .map_or_else(|| t("review.part.board").to_owned(), |s| s.name.clone()),
            key,
            ..Progress::default()
        });
        school.add(item);
        let system = per_system.entry(item.system_id.clone()).or_insert_with(|| Progress {
            key: item.system_id.clone(),
            name: item.system_name.clone(),
            ..Progress::default()
        });
        system.add(item);
    }
    Ok(CampaignDetail {
        campaign: CampaignOut::new(&campaign, app.clock.today()),
        items: with_findings(board, &items, app.clock.today()).await?,
        per_school: per_school.into_values().collect(),
        per_system: per_system.into_values().collect(),
    })
}

/// The items with what the matrix and the staff list say about each account
/// today (a leaver's account, a profile the person's roles do not get).
async fn with_findings(board: BoardStore<'_>, items: &[ReviewItem], today: Date) -> Result<Vec<ItemOut>> {
    let mut judge = Judge::new(board, today).await?;
    let mut out = Vec::with_capacity(items.len());
    for item in items {
        let mut row = ItemOut::from(item);
        let findings = judge.findings(&item.system_id, item.profile.as_deref(), item.staff_id.as_deref()).await?;
        row.findings = findings.iter().map(|f| f.code().to_owned()).collect();
        out.push(row);
    }
    Ok(out)
}

/// One verdict: `{id, outcome: keep|revoke|reduce|unsure, note?}`.
#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
pub struct VerdictIn {
    pub id: String,
    pub outcome: String,
    pub note: Option<String>,
}

/// Verdicts on items of a campaign: `{items: [{id, outcome, note?}]}`.
#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
pub struct Decide {
    /// Fields the command does not know (each one is refused by name).
    #[serde(flatten)]
    #[schema(ignore)]
    pub unknown: Unknown,
    #[serde(default)]
    pub items: Vec<VerdictIn>,
}

impl Decide {
    /// Every verdict's outcome known; at least one verdict.
    ///
    /// # Errors
    /// Every wrong verdict, named `items[n].outcome` or `items[n].note`.
    pub fn validate(self) -> Result<Vec<Verdict>, Vec<FieldError>> {
        let mut errors = self.unknown.errors();
        if self.items.is_empty() {
            errors.push(FieldError::new("items", "review.no_items"));
        }
        let mut verdicts = Vec::new();
        for (n, item) in self.items.into_iter().enumerate() {
            let note = item.note.map(|n| n.trim().to_owned()).filter(|n| !n.is_empty());
            match ReviewOutcome::from_code(&item.outcome) {
                Ok(outcome) => verdicts.push(Verdict { item_id: item.id, outcome, note }),
                Err(e) => errors.push(FieldError::new(&format!("items[{n}].outcome"), e.code)),
            }
        }
        done(errors, Some(verdicts))
    }
}

/// Records the caller's verdicts: a director on their school's items, the
/// IBP manager on any (the escalated ones too).
///
/// # Errors
/// Forbidden, every wrong verdict, an item outside the caller's part (not
/// found), a closed campaign (`record.wrong_state`), or the store.
pub async fn decide(app: &App, staff: &Staff, campaign_id: &str, command: Decide) -> Result<CampaignDetail> {
    let scope = staff.may(Action::AccessReviewDecide)?;
    let verdicts = command.validate().map_err(invalid)?;
    store(app, staff).decide_review_items(&staff.actor(), campaign_id, scope, &verdicts).await?;
    get(app, staff, campaign_id).await
}

/// That a revoke or reduce was carried out: `{evidence}`.
#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
pub struct Remediate {
    /// Fields the command does not know (each one is refused by name).
    #[serde(flatten)]
    #[schema(ignore)]
    pub unknown: Unknown,
    #[schema(value_type = String)]
    pub evidence: Option<Given<String>>,
}

/// Records the remediation of an item. The IBP manager only.
///
/// # Errors
/// Forbidden, not found, no evidence, an item that asks for nothing or is
/// done (`record.wrong_state`), or the store.
pub async fn remediate(
    app: &App,
    staff: &Staff,
    campaign_id: &str,
    item_id: &str,
    command: Remediate,
) -> Result<ItemOut> {
    staff.may(Action::AccessReviewManage)?;
    let mut errors = command.unknown.errors();
    let evidence = given_text(&mut errors, "evidence", command.evidence, true, TEXT_LIMIT);
    let evidence = done(errors, evidence).map_err(invalid)?;
    let item = store(app, staff).remediate_review_item(&staff.actor(), campaign_id, item_id, &evidence).await?;
    Ok(ItemOut::from(&item))
}

/// Closes a campaign once every item is decided (keep, revoke or reduce).
///
/// # Errors
/// Forbidden, not found, items still open (`review.items_open`), closed
/// already, or the store.
pub async fn close(app: &App, staff: &Staff, id: &str) -> Result<CampaignOut> {
    staff.may(Action::AccessReviewManage)?;
    let board = store(app, staff);
    let campaign = board.campaign(id).await?.ok_or(Error::NotFound)?;
    if campaign.decided < campaign.items {
        return Err(Error::conflict("id", "review.items_open"));
    }
    let stored = board.close_campaign(&staff.actor(), id).await?;
    Ok(CampaignOut::new(&stored, app.clock.today()))
}

/// The campaign's outcome as a PDF: completion and outcome per system and
/// per school, and every revoke or reduce with its remediation.
///
/// # Errors
/// As [`get`], or the layout.
pub async fn report_pdf(app: &App, staff: &Staff, id: &str) -> Result<Download> {
    let detail = get(app, staff, id).await?;
    let c = &detail.campaign;
    let mut sections = vec![Section {
        title: t("review.pdf.summary").to_owned(),
        rows: vec![
            (t("review.pdf.started").to_owned(), c.started_on.clone()),
            (t("review.pdf.deadline").to_owned(), c.deadline.clone()),
            (t("review.pdf.completion").to_owned(), format!("{} / {} ({}%)", c.decided, c.items, c.completion)),
            (t("review.pdf.remediated").to_owned(), format!("{} / {}", c.remediated, c.to_remediate)),
            (
                t("review.pdf.status").to_owned(),
                t(if c.open { "review.status.open" } else { "review.status.closed" }).to_owned(),
            ),
        ],
    }];
    let progress_rows = |parts: &[Progress]| -> Vec<(String, String)> {
        parts
            .iter()
            .map(|p| {
                let args = [
                    ("decided", p.decided.to_string()),
                    ("items", p.items.to_string()),
                    ("keep", p.keep.to_string()),
                    ("revoke", p.revoke.to_string()),
                    ("reduce", p.reduce.to_string()),
                    ("unsure", p.unsure.to_string()),
                ];
                let args: Vec<(&str, &str)> = args.iter().map(|(k, v)| (*k, v.as_str())).collect();
                (p.name.clone(), tf("review.pdf.progress", &args))
            })
            .collect()
    };
    sections.push(Section { title: t("review.pdf.per_system").to_owned(), rows: progress_rows(&detail.per_system) });
    sections.push(Section { title: t("review.pdf.per_school").to_owned(), rows: progress_rows(&detail.per_school) });
    let changes = detail
        .items
        .iter()
        .filter(|i| matches!(i.outcome.as_deref(), Some("revoke" | "reduce")))
        .map(|i| {
            let who = i.staff_name.clone().unwrap_or_else(|| i.username.clone());
            let what = match &i.evidence {
                Some(evidence) => tf("review.pdf.remediated_with", &[("evidence", evidence)]),
                None => t("review.pdf.not_remediated").to_owned(),
            };
            (format!("{who} — {}", i.system_name), what)
        })
        .collect();
    sections.push(Section { title: t("review.pdf.changes").to_owned(), rows: changes });
    let bytes = sections_pdf(tf("review.pdf.title", &[("name", &c.name)]), sections).await?;
    Ok(Download { bytes, content_type: "application/pdf", file_name: "toegangscontrole.pdf".to_owned() })
}

/// The daily job's work: reviewers with open items hear it from three days
/// before the deadline (once), and after the deadline what is open is
/// escalated to the IBP managers (once per part). How many notices went out.
///
/// # Errors
/// When the store cannot be read or written.
pub async fn remind_and_escalate(app: &App) -> Result<u64, StoreError> {
    let today = app.clock.today();
    let now = app.clock.now();
    let mut sent = 0;
    for board_id in app.store.boards_with_open_campaigns().await? {
        let board = app.store.board(&board_id);
        let users = board.users(&Scope::Board).await?;
        let schools = board.schools(&Scope::Board).await?;
        for campaign in board.campaigns().await?.into_iter().filter(|c| c.closed_at.is_none()) {
            let escalate = review_escalates(campaign.deadline, today);
            if !escalate && today < review_reminder_on(campaign.deadline) {
                continue;
            }
            let kind = if escalate { "escalation" } else { "reminder" };
            let open = board.review_parts_to_tell(&campaign.id, kind).await?;
            let link = app.link(&format!("/toegang/controles/{}", campaign.id));
            for (part, count) in open {
                let school = schools.iter().find(|s| s.id == part).map_or_else(|| t("review.part.board"), |s| &s.name);
                let args = [
                    ("name", campaign.name.as_str()),
                    ("school", school),
                    ("open", &count.to_string()),
                    ("deadline", &dutch_date(campaign.deadline)),
                    ("link", link.as_str()),
                ];
                let (to, subject, body) = if escalate {
                    (
                        reviewers(&users, ""),
                        tf("review.mail.escalation_subject", &args),
                        tf("review.mail.escalation_body", &args),
                    )
                } else {
                    (
                        reviewers(&users, &part),
                        tf("review.mail.reminder_subject", &args),
                        tf("review.mail.reminder_body", &args),
                    )
                };
                let mails = crate::mail::to_each(&to, &subject, &body);
                let notice = CampaignNotice {
                    campaign_id: &campaign.id,
                    school_key: &part,
                    kind,
                    open_items: count,
                    mails: &mails,
                };
                if board.campaign_notice(&notice, now).await? {
                    sent += 1;
                }
            }
        }
    }
    Ok(sent)
}
