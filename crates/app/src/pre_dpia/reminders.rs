//! The reminder of a pre-DPIA that waited [`REMINDER_AFTER_WORKING_DAYS`]
//! working days (no Saturday, Sunday, holiday or the board's equated day:
//! [`working_days_until`]), once, to the board's IBP managers and FGs; the
//! mail and `reminded_at` are written in one transaction.

use super::{REMINDER_AFTER_WORKING_DAYS, link};
use crate::App;
use crate::deadlines::equated_days;
use crate::i18n::tf;
use crate::people::to_responsible;
use aantoonbaar_rules::calendar::dutch_date;
use aantoonbaar_rules::deadlines::working_days_until;
use aantoonbaar_rules::holidays::HolidayCalendar;
use aantoonbaar_store::pre_dpias::PreDpiaStatus;
use aantoonbaar_store::{Actor, Scope, StoreError};

/// Sends the reminders due today on every board; how many went out.
///
/// # Errors
/// When the store cannot be read or written; what was committed stays.
pub async fn run(app: &App) -> Result<u64, StoreError> {
    let today = app.clock.today();
    let actor = Actor { user_id: None, label: "jobs".to_owned(), ip: None, at: app.clock.now() };
    let mut sent = 0;
    for board_id in app.store.board_ids().await? {
        let board = app.store.board(&board_id);
        let waiting: Vec<_> = board
            .pre_dpias(None)
            .await?
            .into_iter()
            .filter(|p| p.status == PreDpiaStatus::Waiting && p.reminded_at.is_none())
            .collect();
        if waiting.is_empty() {
            continue;
        }
        let equated = equated_days(board).await?;
        let calendar = HolidayCalendar::new(&equated);
        let mut users = None;
        for request in waiting {
            let filed = dutch_date(request.created_at);
            if working_days_until(filed, today, &calendar) < REMINDER_AFTER_WORKING_DAYS {
                continue;
            }
            if users.is_none() {
                users = Some(board.users(&Scope::Board).await?);
            }
            let app_name = request.data.app_name.as_str();
            let subject = tf("predpia.mail.reminder_subject", &[("app", app_name)]);
            let body = tf(
                "predpia.mail.reminder_body",
                &[("requester", &request.data.requester_name), ("app", app_name), ("link", &link(app, &request.id))],
            );
            let mails = to_responsible(users.as_deref().unwrap_or_default(), true, &subject, &body);
            if board.mark_pre_dpia_reminded(&actor, &request.id, &mails).await? {
                sent += 1;
            }
        }
    }
    Ok(sent)
}
