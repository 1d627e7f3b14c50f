//! The board's deadline calendar: the days a royal decree equates with public
//! holidays (Algemene termijnenwet art. 3 lid 3), read once for every deadline
//! and kept by the IBP manager through the API and the holidays page alike.

use crate::error::{Error, FieldError, Result};
use crate::input::{Given, TEXT_LIMIT, Unknown, done, given_text, rule};
use crate::{App, Staff};
use aantoonbaar_rules::deadlines::{RequestDeadlines, request_deadlines};
use aantoonbaar_rules::holidays::HolidayCalendar;
use aantoonbaar_rules::organisation::parse_iso_date;
use aantoonbaar_rules::{Action, PersonName};
use aantoonbaar_store::{BoardStore, EquatedDay, StoreError};
use jiff::civil::Date;
use serde::Deserialize;
use utoipa::ToSchema;

/// The board's equated days.
///
/// # Errors
/// When the store cannot be read.
pub async fn equated_days(board: BoardStore<'_>) -> Result<Vec<Date>, StoreError> {
    Ok(board.equated_days().await?.into_iter().map(|d| d.day).collect())
}

/// The deadlines of a data-subject request received on `received`
/// (`YYYY-MM-DD`; GDPR art. 12(3); Reg. 1182/71; Algemene termijnenwet),
/// past the caller's board's equated days.
///
/// # Errors
/// `received` missing or no date, or the store.
pub async fn for_request(app: &App, staff: &Staff, received: Option<&str>) -> Result<RequestDeadlines> {
    let received = match received.map(parse_iso_date) {
        Some(Ok(day)) => day,
        Some(Err(invalid)) => return Err(Error::field("received", invalid.code)),
        None => return Err(Error::field("received", "field.required")),
    };
    let extra = equated_days(app.store.board(&staff.principal.board)).await?;
    Ok(request_deadlines(received, &HolidayCalendar::new(&extra)))
}

/// A day a royal decree equates with a public holiday: `{date, description}`.
#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
pub struct AddEquatedDay {
    /// Fields the command does not know (each one is refused by name).
    #[serde(flatten)]
    #[schema(ignore)]
    pub unknown: Unknown,
    /// `YYYY-MM-DD`
    #[schema(value_type = String)]
    pub date: Option<Given<String>>,
    /// E.g. the decree: "vrijdag na Hemelvaartsdag, Besluit van … (Stb. …)".
    #[schema(value_type = String)]
    pub description: Option<Given<String>>,
}

impl AddEquatedDay {
    /// Both fields are required; the date must exist.
    ///
    /// # Errors
    /// Every wrong field.
    pub fn validate(self) -> Result<EquatedDay, Vec<FieldError>> {
        let mut errors = self.unknown.errors();
        let v = given_text(&mut errors, "date", self.date, true, TEXT_LIMIT);
        let day = rule(&mut errors, "date", v, parse_iso_date);
        let v = given_text(&mut errors, "description", self.description, true, TEXT_LIMIT);
        let description = rule(&mut errors, "description", v, PersonName::parse);
        done(errors, day.zip(description).map(|(day, d)| EquatedDay { day, description: d.to_string() }))
    }
}

/// Records an equated day (IBP manager); deadlines move past it from now on.
///
/// # Errors
/// Forbidden, every wrong field, a day already recorded, or the store.
pub async fn add_equated_day(app: &App, staff: &Staff, command: AddEquatedDay) -> Result<EquatedDay> {
    staff.may(Action::HolidaysManage)?;
    let day = command.validate()?;
    app.store.board(&staff.principal.board).add_equated_day(&staff.actor(), day.day, &day.description).await?;
    Ok(day)
}

/// Removes the equated day `date` (`YYYY-MM-DD`; anything else is not found).
///
/// # Errors
/// Forbidden, not found, or the store.
pub async fn remove_equated_day(app: &App, staff: &Staff, date: &str) -> Result<()> {
    staff.may(Action::HolidaysManage)?;
    let day = parse_iso_date(date).map_err(|_| Error::NotFound)?;
    Ok(app.store.board(&staff.principal.board).remove_equated_day(&staff.actor(), day).await?)
}
