//! Reminders of the activity calendar (issue 17): the owner of an item not
//! done hears of it 14 days and 1 day before its due date, and once the day
//! after it when it is still not done (`rules::cycle::reminder_due`). Each
//! reminder is recorded with its mails in one transaction, so it goes out
//! once. An item the product knows done (a consent round started) is not
//! reminded about.

use crate::App;
use crate::calendar::{ItemOut, items_of};
use crate::i18n::tf;
use crate::mail::Mail;
use crate::requests::dutch_date;
use aantoonbaar_rules::cycle::{ItemStatus, REMIND_DAYS, Reminder, reminder_due};
use aantoonbaar_store::{NewMail, Scope, StoreError, User};
use std::collections::BTreeSet;

/// Who owns an item: its user, or every user with its role.
fn owners(item: &ItemOut, users: &[User]) -> Vec<String> {
    let to: BTreeSet<String> = users
        .iter()
        .filter(|u| match (&item.owner_user_id, item.owner_role) {
            (Some(id), _) => &u.id == id,
            (None, Some(role)) => u.roles.contains(&role),
            (None, None) => false,
        })
        .map(|u| u.email.clone())
        .collect();
    to.into_iter().collect()
}

/// Sends the reminders due today of every board's calendar items; how many were sent.
///
/// # Errors
/// When the store cannot be read or written; what was committed stays.
pub async fn run(app: &App) -> Result<u64, StoreError> {
    let today = app.clock.today();
    let until = today.checked_add(jiff::Span::new().days(REMIND_DAYS.0)).unwrap_or(today);
    let mut sent = 0;
    for board_id in app.store.boards_with_calendar_items_due(until).await? {
        let board = app.store.board(&board_id);
        let users = board.users(&Scope::Board).await?;
        let years: BTreeSet<i16> = board.open_calendar_items().await?.iter().map(|i| i.start_year).collect();
        for year in years {
            for item in items_of(app, board, aantoonbaar_rules::SchoolYear::starting_in(year)).await? {
                if item.status == ItemStatus::Done {
                    continue;
                }
                let Some(reminder) = reminder_due(item.due_on, today) else { continue };
                let key = match reminder {
                    Reminder::Overdue => "calendar.mail.overdue",
                    Reminder::TwoWeeks | Reminder::DayBefore => "calendar.mail.due",
                };
                let link = app.link(&format!("/jaarplanning?schooljaar={}", item.school_year));
                let deadline = dutch_date(item.due_on);
                let days = (item.due_on - today).get_days().to_string();
                let args = [("title", item.title.as_str()), ("date", &deadline), ("days", &days), ("link", &link)];
                let (subject, body) = (tf(&format!("{key}_subject"), &args), tf(&format!("{key}_body"), &args));
                let mails: Vec<NewMail> = owners(&item, &users)
                    .iter()
                    .map(|to| Mail { to, subject: &subject, body: &body, sensitive: false }.to_new())
                    .collect();
                if board.send_calendar_reminder(&item.id, reminder, &mails, app.clock.now()).await? {
                    sent += 1;
                }
            }
        }
    }
    Ok(sent)
}
