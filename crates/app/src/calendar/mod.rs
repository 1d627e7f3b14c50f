//! The activity calendar (issue 17; seed 001 §5.3: the IBP manager's
//! "activiteitenkalender"): a school year made from the default items of
//! `rules::cycle`, each with owner, due date, evidence and status; where the
//! product knows the facts ([`facts`]) the status comes from them, the others
//! are ticked by hand with their evidence. The board may add, change and
//! remove items; the owners are reminded (`crate::jobs::calendar_reminders`).

pub mod facts;

use crate::error::{Error, FieldError, Result};
use crate::i18n::t;
use crate::input::{Given, TEXT_LIMIT, Unknown, done, given_text, rule};
use crate::{App, Staff};
use aantoonbaar_rules::cycle::{ItemKind, ItemStatus, default_items, parse_school_year, status};
use aantoonbaar_rules::organisation::parse_iso_date;
use aantoonbaar_rules::{Action, Role, SchoolYear};
use aantoonbaar_store::calendar::{CalendarItem, ItemData};
use aantoonbaar_store::{BoardStore, Scope, StoreError, User};
use facts::Fact;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// The longest title of an item.
pub const TITLE_LIMIT: usize = 200;

const LABELS: &[(&str, &str)] = &[
    ("school_year", "calendar.field.school_year"),
    ("title", "calendar.field.title"),
    ("due_on", "calendar.field.due_on"),
    ("owner_role", "calendar.field.owner_role"),
    ("owner_user_id", "calendar.field.owner_user_id"),
    ("evidence", "calendar.field.evidence"),
];

fn invalid(errors: Vec<FieldError>) -> Error {
    Error::Invalid(crate::input::labelled(errors, LABELS))
}

fn store<'a>(app: &'a App, staff: &'a Staff) -> BoardStore<'a> {
    app.store.board(&staff.principal.board)
}

/// The title of a default item of `kind`.
#[must_use]
pub fn default_title(kind: ItemKind) -> &'static str {
    t(&format!("calendar.item.{}", kind.code()))
}

/// A school year named `2026-2027`: `{school_year}`.
#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
pub struct YearCommand {
    #[serde(flatten)]
    #[schema(ignore)]
    pub unknown: Unknown,
    /// `2026-2027`; absent: the current school year.
    #[schema(value_type = Option<String>)]
    pub school_year: Option<Given<String>>,
}

fn year_of(app: &App, errors: &mut Vec<FieldError>, value: Option<Given<String>>) -> Option<SchoolYear> {
    match given_text(errors, "school_year", value, false, TEXT_LIMIT) {
        None => Some(SchoolYear::containing(app.clock.today())),
        text => rule(errors, "school_year", text, parse_school_year),
    }
}

/// An item: `{school_year?, title, due_on, owner_role?, owner_user_id?}`;
/// in a change `school_year` is left out (an item stays in its year).
#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
pub struct ItemCommand {
    #[serde(flatten)]
    #[schema(ignore)]
    pub unknown: Unknown,
    /// `2026-2027`; absent: the current school year (new items only).
    #[schema(value_type = Option<String>)]
    pub school_year: Option<Given<String>>,
    #[schema(value_type = String)]
    pub title: Option<Given<String>>,
    /// `YYYY-MM-DD`, within the school year.
    #[schema(value_type = String)]
    pub due_on: Option<Given<String>>,
    /// A role code (`ST`, `D`, `FG`, …) whose users own the item …
    #[schema(value_type = Option<String>)]
    pub owner_role: Option<Given<String>>,
    /// … or one user's id.
    #[schema(value_type = Option<String>)]
    pub owner_user_id: Option<Given<String>>,
}

/// That an item was done: `{evidence}` (a text or a link).
#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
pub struct DoneCommand {
    #[serde(flatten)]
    #[schema(ignore)]
    pub unknown: Unknown,
    #[schema(value_type = String)]
    pub evidence: Option<Given<String>>,
}

// ---------------------------------------------------------------- views

/// What the product knows of an item, as shown.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ProductFact {
    /// Done according to the product.
    pub done: bool,
    pub text: String,
    pub link: Option<String>,
}

/// An item as shown.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ItemOut {
    pub id: String,
    pub school_year: String,
    #[schema(value_type = String)]
    pub kind: ItemKind,
    pub title: String,
    #[schema(value_type = Option<String>)]
    pub owner_role: Option<Role>,
    pub owner_user_id: Option<String>,
    /// The owner as the page names them.
    pub owner: String,
    #[schema(value_type = String)]
    pub due_on: Date,
    pub source: Option<String>,
    /// `open`, `done` or `overdue` (on the server's today).
    #[schema(value_type = String)]
    pub status: ItemStatus,
    /// Ticked by hand: the evidence, when and by whom.
    pub evidence: Option<String>,
    #[schema(value_type = Option<String>)]
    pub done_on: Option<Date>,
    pub done_by: Option<String>,
    /// What the product knows; `None` for an item ticked by hand.
    pub product: Option<ProductFact>,
    /// Whether it is ticked by hand (the product cannot know it).
    pub by_hand: bool,
}

/// The calendar of one school year.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct CalendarOut {
    pub school_year: String,
    /// Whether it was made; until then it has no items.
    pub generated: bool,
    pub items: Vec<ItemOut>,
}

fn owner_label(data: &ItemData, users: &[User]) -> String {
    match (&data.owner_user_id, data.owner_role) {
        (Some(id), _) => {
            users.iter().find(|u| &u.id == id).map_or_else(|| t("calendar.owner_gone").to_owned(), |u| u.name.clone())
        }
        (None, Some(role)) => t(&format!("role.{}", role.code())).to_owned(),
        (None, None) => t("calendar.owner_none").to_owned(),
    }
}

/// An item with its status on `today`, its fact looked up.
async fn item_out(app: &App, board: BoardStore<'_>, item: CalendarItem, users: &[User]) -> Result<ItemOut, StoreError> {
    let fact = facts::fact(app, board, item.data.kind, item.school_year(), item.data.due_on).await?;
    let (product, by_hand) = match fact {
        Fact::Unknown => (None, true),
        Fact::NotYet { text, link } => (Some(ProductFact { done: false, text, link }), false),
        Fact::Done { text, link } => (Some(ProductFact { done: true, text, link }), false),
    };
    let done = if by_hand { item.done_on.is_some() } else { product.as_ref().is_some_and(|p| p.done) };
    Ok(ItemOut {
        owner: owner_label(&item.data, users),
        school_year: item.school_year().label(),
        status: status(done, item.data.due_on, app.clock.today()),
        id: item.id,
        kind: item.data.kind,
        title: item.data.title,
        owner_role: item.data.owner_role,
        owner_user_id: item.data.owner_user_id,
        due_on: item.data.due_on,
        source: item.data.source,
        evidence: item.evidence,
        done_on: item.done_on,
        done_by: item.done_by,
        product,
        by_hand,
    })
}

/// Every item of `year` of the board, as shown (for the calendar, the dashboard and the job).
///
/// # Errors
/// The store.
pub async fn items_of(app: &App, board: BoardStore<'_>, year: SchoolYear) -> Result<Vec<ItemOut>, StoreError> {
    let users = board.users(&Scope::Board).await?;
    let mut items = board.calendar_items(year).await?;
    // By due date, then in the order of the default year (the consent round before the access review).
    let rank = |kind: ItemKind| ItemKind::ALL.iter().position(|k| *k == kind).unwrap_or(usize::MAX);
    items.sort_by(|a, b| a.data.due_on.cmp(&b.data.due_on).then_with(|| rank(a.data.kind).cmp(&rank(b.data.kind))));
    let mut out = Vec::new();
    for item in items {
        out.push(item_out(app, board, item, &users).await?);
    }
    Ok(out)
}

/// The calendar of `school_year` (`2026-2027`; absent: the current one).
///
/// # Errors
/// Forbidden, a wrong school year, or the store.
pub async fn calendar(app: &App, staff: &Staff, school_year: Option<&str>) -> Result<CalendarOut> {
    staff.may(Action::CalendarView)?;
    let mut errors = Vec::new();
    let year = year_of(app, &mut errors, school_year.map(|s| Given::Value(s.to_owned())));
    let year = done(errors, year).map_err(invalid)?;
    let board = store(app, staff);
    let generated = board.calendar_exists(year).await?;
    let items = if generated { items_of(app, board, year).await? } else { Vec::new() };
    Ok(CalendarOut { school_year: year.label(), generated, items })
}

/// The default items of `year` (`rules::cycle::default_items`) with their Dutch titles, to store.
#[must_use]
pub fn default_data(year: SchoolYear) -> Vec<ItemData> {
    default_items(year)
        .into_iter()
        .map(|d| ItemData {
            kind: d.kind,
            title: default_title(d.kind).to_owned(),
            owner_role: Some(d.owner),
            owner_user_id: None,
            due_on: d.due_on,
            source: Some(d.source.to_owned()),
        })
        .collect()
}

/// Makes the calendar of a school year from the default items (seed 001
/// §5.3, §6; `rules::cycle::default_items`), in one transaction with an
/// audit entry each; `true` when it was made now, `false` when it existed.
///
/// # Errors
/// Forbidden, a wrong school year, or the store.
pub async fn create_calendar(app: &App, staff: &Staff, command: YearCommand) -> Result<(bool, CalendarOut)> {
    staff.may(Action::CalendarManage)?;
    let mut errors = command.unknown.errors();
    let year = year_of(app, &mut errors, command.school_year);
    let year = done(errors, year).map_err(invalid)?;
    let items = default_data(year);
    let made = store(app, staff).create_calendar(&staff.actor(), year, &items).await?;
    Ok((made, calendar(app, staff, Some(&year.label())).await?))
}

impl ItemCommand {
    /// The item's fields; `year` is the school year the due date must lie in.
    async fn validate(self, board: BoardStore<'_>, year: Option<SchoolYear>) -> Result<ItemData, Vec<FieldError>> {
        let mut errors = self.unknown.errors();
        let title = given_text(&mut errors, "title", self.title, true, TITLE_LIMIT);
        let due_on = given_text(&mut errors, "due_on", self.due_on, true, TEXT_LIMIT);
        let due_on = rule(&mut errors, "due_on", due_on, parse_iso_date);
        if let (Some(day), Some(year)) = (due_on, year)
            && !(year.first_day()..=year.last_day()).contains(&day)
        {
            errors.push(FieldError::new("due_on", "calendar.due_outside_year"));
        }
        let role = given_text(&mut errors, "owner_role", self.owner_role, false, TEXT_LIMIT);
        let owner_role = rule(&mut errors, "owner_role", role, Role::from_code);
        let owner_user_id = given_text(&mut errors, "owner_user_id", self.owner_user_id, false, TEXT_LIMIT);
        if let Some(id) = &owner_user_id {
            match board.users(&Scope::Board).await {
                Ok(users) if users.iter().any(|u| &u.id == id) => {}
                _ => errors.push(FieldError::new("owner_user_id", "reference.unknown")),
            }
        }
        if owner_role.is_some() && owner_user_id.is_some() {
            errors.push(FieldError::new("owner_user_id", "calendar.one_owner"));
        }
        let data = match (title, due_on) {
            (Some(title), Some(due_on)) => Some(ItemData {
                kind: ItemKind::Custom,
                title,
                owner_role: if owner_user_id.is_none() { owner_role.or(Some(Role::St)) } else { None },
                owner_user_id,
                due_on,
                source: None,
            }),
            _ => None,
        };
        done(errors, data)
    }
}

/// Adds an item to the calendar of a school year (which must be made).
///
/// # Errors
/// Forbidden, every wrong field (a due date outside the year, a calendar not
/// made yet), or the store.
pub async fn add_item(app: &App, staff: &Staff, mut command: ItemCommand) -> Result<ItemOut> {
    staff.may(Action::CalendarManage)?;
    let board = store(app, staff);
    let mut errors = Vec::new();
    let year = year_of(app, &mut errors, command.school_year.take());
    if let Some(year) = year
        && !board.calendar_exists(year).await?
    {
        errors.push(FieldError::new("school_year", "calendar.not_made"));
    }
    let data = command.validate(board, year).await;
    let data = match data {
        Ok(data) if errors.is_empty() => data,
        Ok(_) => return Err(invalid(errors)),
        Err(more) => {
            errors.extend(more);
            return Err(invalid(errors));
        }
    };
    let year = year.ok_or_else(|| invalid(Vec::new()))?;
    let item = board.add_calendar_item(&staff.actor(), year, &data).await?;
    Ok(item_out(app, board, item, &board.users(&Scope::Board).await?).await?)
}

/// One item.
///
/// # Errors
/// Forbidden, not found, or the store.
pub async fn item(app: &App, staff: &Staff, id: &str) -> Result<ItemOut> {
    staff.may(Action::CalendarView)?;
    let board = store(app, staff);
    let item = board.calendar_item(id).await?.ok_or(Error::NotFound)?;
    Ok(item_out(app, board, item, &board.users(&Scope::Board).await?).await?)
}

/// Changes an item's title, due date and owner (its kind and source stay).
///
/// # Errors
/// Forbidden, not found, every wrong field, or the store.
pub async fn update_item(app: &App, staff: &Staff, id: &str, mut command: ItemCommand) -> Result<ItemOut> {
    staff.may(Action::CalendarManage)?;
    let board = store(app, staff);
    let current = board.calendar_item(id).await?.ok_or(Error::NotFound)?;
    if command.school_year.take().is_some() {
        return Err(invalid(vec![FieldError::new("school_year", "calendar.year_fixed")]));
    }
    let mut data = command.validate(board, Some(current.school_year())).await.map_err(invalid)?;
    data.kind = current.data.kind;
    data.source = current.data.source;
    let item = board.update_calendar_item(&staff.actor(), id, &data).await?;
    Ok(item_out(app, board, item, &board.users(&Scope::Board).await?).await?)
}

/// Removes an item.
///
/// # Errors
/// Forbidden, not found, or the store.
pub async fn remove_item(app: &App, staff: &Staff, id: &str) -> Result<()> {
    staff.may(Action::CalendarManage)?;
    Ok(store(app, staff).remove_calendar_item(&staff.actor(), id).await?)
}

/// Ticks an item done by hand with its evidence, today. An item the product
/// knows (the consent round, the access review, the DPIAs, the
/// self-assessment) is not ticked by hand: its status comes from the records.
///
/// # Errors
/// Forbidden, not found, no evidence, an item the product knows (409
/// `calendar.known_by_product`), an item done already (409), or the store.
pub async fn mark_done(app: &App, staff: &Staff, id: &str, command: DoneCommand) -> Result<ItemOut> {
    staff.may(Action::CalendarManage)?;
    let board = store(app, staff);
    let current = board.calendar_item(id).await?.ok_or(Error::NotFound)?;
    let mut errors = command.unknown.errors();
    let evidence = given_text(&mut errors, "evidence", command.evidence, true, TEXT_LIMIT);
    let evidence = done(errors, evidence).map_err(invalid)?;
    let fact = facts::fact(app, board, current.data.kind, current.school_year(), current.data.due_on).await?;
    if fact != Fact::Unknown {
        return Err(Error::conflict("evidence", "calendar.known_by_product"));
    }
    let item =
        board.tick_calendar_item(&staff.actor(), id, &evidence, app.clock.today()).await.map_err(|e| match e {
            StoreError::WrongState => Error::conflict("evidence", "calendar.already_done"),
            other => other.into(),
        })?;
    Ok(item_out(app, board, item, &board.users(&Scope::Board).await?).await?)
}

/// What the cycle asks now, for the start page: items due this month and
/// overdue items of the current school year; `None` when the caller may not
/// see the calendar or it was not made.
#[derive(Debug, Clone, Default)]
pub struct Attention {
    pub due_this_month: usize,
    pub overdue: usize,
}

/// The start page's card.
///
/// # Errors
/// The store.
pub async fn attention(app: &App, staff: &Staff) -> Result<Option<Attention>> {
    if !staff.can(Action::CalendarView) {
        return Ok(None);
    }
    let board = store(app, staff);
    let today = app.clock.today();
    let year = SchoolYear::containing(today);
    if !board.calendar_exists(year).await? {
        return Ok(None);
    }
    let items = items_of(app, board, year).await?;
    let this_month = |d: Date| d.year() == today.year() && d.month() == today.month();
    Ok(Some(Attention {
        due_this_month: items.iter().filter(|i| i.status == ItemStatus::Open && this_month(i.due_on)).count(),
        overdue: items.iter().filter(|i| i.status == ItemStatus::Overdue).count(),
    }))
}
