//! Starting an empty register from the template built from the seeds
//! (`rules::register::template`), each activity due for review in a year.

use crate::error::{Error, Result};
use crate::register::activities::{Checked, Completeness, Facts};
use crate::{App, Staff};
use aantoonbaar_rules::Action;
use aantoonbaar_rules::register::template;

/// Puts the template's activities in the caller's empty register, as drafts,
/// all in one transaction.
///
/// # Errors
/// Forbidden, a register that already has activities
/// (`register.template_not_empty`), or the store.
pub async fn apply(app: &App, staff: &Staff) -> Result<Vec<Checked>> {
    staff.may(Action::RegisterManage)?;
    let board = app.store.board(&staff.principal.board);
    if !board.activities(&aantoonbaar_store::Scope::Board).await?.is_empty() {
        return Err(Error::conflict("activities", "register.template_not_empty"));
    }
    let review = app.clock.today().checked_add(jiff::Span::new().years(1)).ok();
    let activities: Vec<_> = template::activities()
        .into_iter()
        .map(|a| aantoonbaar_rules::register::Activity { review_date: review, ..a })
        .collect();
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
