//! Starting a register from the template built from the seeds
//! (`rules::register::template`), each activity due for review in a year.

use crate::error::{Error, Result};
use crate::register::activities::{Checked, Completeness, Facts};
use crate::{App, Staff};
use aantoonbaar_rules::Action;
use aantoonbaar_rules::register::template;

/// Adds the template's activities the caller's register does not have yet
/// (by name, ignoring case) as drafts, all in one transaction: a new board
/// starts from the whole template, a board that began on its own gets the
/// usual activities it lacks.
///
/// # Errors
/// Forbidden, a register that already has every template activity
/// (`register.template_present`), or the store.
pub async fn apply(app: &App, staff: &Staff) -> Result<Vec<Checked>> {
    staff.may(Action::RegisterManage)?;
    let board = app.store.board(&staff.principal.board);
    let present = board.activities(&aantoonbaar_store::Scope::Board).await?;
    let review = app.clock.today().checked_add(jiff::Span::new().years(1)).ok();
    let activities: Vec<_> = template::missing_from(present.iter().map(|a| a.activity.name.as_str()))
        .into_iter()
        .map(|a| aantoonbaar_rules::register::Activity { review_date: review, ..a })
        .collect();
    if activities.is_empty() {
        return Err(Error::conflict("activities", "register.template_present"));
    }
    let created = board.create_activities(&staff.actor(), &activities).await?;
    let facts = Facts::of(app, &staff.principal.board).await?;
    Ok(created
        .into_iter()
        .map(|stored| {
            let completeness = Completeness::of(&facts.findings(&stored.activity));
            Checked { stored, completeness }
        })
        .collect())
}
