//! The access policy (seed 001 §13; issue 16): per information system of the
//! register who issues accounts and how, the authentication and the review
//! interval (`policy`), and the authorisation matrix with its versions
//! (`matrix`); the staff list (`staff_list`), joiners, movers and leavers with
//! the evidence of every change (`changes`), the account lists of the systems
//! compared with the matrix and the staff list (`accounts`), and the review
//! campaigns that prove every right was looked at (`reviews`).

pub mod accounts;
pub mod changes;
pub mod matrix;
pub mod policy;
pub mod reviews;
pub mod staff_list;

use crate::{App, Staff};
use aantoonbaar_rules::holidays::HolidayCalendar;
use aantoonbaar_store::{BoardStore, StoreError, User};
use jiff::civil::Date;

fn store<'a>(app: &'a App, staff: &'a Staff) -> BoardStore<'a> {
    app.store.board(&staff.principal.board)
}

/// The board's equated days, for the leaver deadline's calendar.
async fn equated(board: BoardStore<'_>) -> Result<Vec<Date>, StoreError> {
    crate::deadlines::equated_days(board).await
}

/// The addresses of the `users` that `pick` chooses, each once, sorted: who
/// hears of a leaver, a change to carry out or a review to do.
fn addresses(users: &[User], pick: impl Fn(&User) -> bool) -> Vec<String> {
    let mut to: Vec<String> = users.iter().filter(|u| pick(u)).map(|u| u.email.clone()).collect();
    to.sort();
    to.dedup();
    to
}

/// Who hears of a leaver (seed 001 §13): the IBP managers and, at the
/// leaver's school, its ICT administrators, who remove the accounts, and its
/// director, on whose order that happens.
fn told_of_leaver(users: &[User], school: Option<&str>) -> Vec<String> {
    use aantoonbaar_rules::Role;
    addresses(users, |u| {
        u.roles.contains(&Role::St)
            || (works_at(u, school) && (u.roles.contains(&Role::Bs) || u.roles.contains(&Role::D)))
    })
}

/// Whether `user` works at `school` by their scope (never for the board office's `None`).
fn works_at(user: &User, school: Option<&str>) -> bool {
    school.is_some_and(|s| user.scope_ids.iter().any(|id| id == s))
}

/// The first working day after `ended`, past the board's equated days.
fn remove_by(ended: Date, equated: &[Date]) -> Date {
    aantoonbaar_rules::access::leaver_remove_by(ended, &HolidayCalendar::new(equated))
}

/// What the access policy asks of the caller now, for the start page.
#[derive(Debug, Clone, Default)]
pub struct Attention {
    /// Leavers not yet removed everywhere, and of those the late ones.
    pub leavers_due: usize,
    pub leavers_late: usize,
    /// Accounts of open campaigns in the caller's part without a decision.
    pub to_review: usize,
    /// Open campaigns, and whether one is past its deadline.
    pub campaigns_open: usize,
    pub campaign_overdue: bool,
    /// Orphans, leavers' and excess accounts in the latest account lists
    /// (`None`: not the caller's to see).
    pub findings: Option<usize>,
}

/// The start page's access cards; `None` when the caller sees no staff list.
///
/// # Errors
/// When the store cannot be read.
pub async fn attention(app: &App, staff: &Staff) -> crate::error::Result<Option<Attention>> {
    use aantoonbaar_rules::Action;
    use aantoonbaar_rules::access::ReviewOutcome;
    if !staff.can(Action::StaffView) {
        return Ok(None);
    }
    let leavers = changes::leavers(app, staff, None).await?;
    let mut found = Attention {
        leavers_due: leavers.items.iter().filter(|l| l.status != "done").count(),
        leavers_late: leavers.items.iter().filter(|l| l.status == "late").count(),
        ..Attention::default()
    };
    if staff.can(Action::AccessReviewView) {
        let decides = staff.may(Action::AccessReviewDecide).ok();
        for campaign in reviews::list(app, staff).await?.into_iter().filter(|c| c.open) {
            found.campaigns_open += 1;
            found.campaign_overdue |= campaign.overdue;
            if let Some(scope) = decides {
                let items = store(app, staff).review_items(&campaign.id, scope).await?;
                found.to_review += items.iter().filter(|i| !i.outcome.is_some_and(ReviewOutcome::settles)).count();
            }
        }
    }
    if staff.can(Action::AccountsImport) {
        let latest = accounts::latest_imports(app, staff).await?;
        found.findings = Some(latest.iter().map(|i| i.found.orphans + i.found.leavers + i.found.excess).sum());
    }
    Ok(Some(found))
}
