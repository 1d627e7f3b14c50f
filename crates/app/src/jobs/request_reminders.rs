//! Reminders before a data-subject request's deadline (AVG art. 12 lid 3): at
//! 7 and at 2 working days left, each once, to the director, ST and the FG.

use crate::App;
use crate::deadlines::equated_days;
use crate::i18n::{t, tf};
use crate::mail::Mail;
use crate::people::responsible_among;
use crate::requests::{dutch_date, working_days_left};
use aantoonbaar_rules::requests::Urgency;
use aantoonbaar_store::{NewMail, Scope, StoreError};

/// Sends the reminders due today for every open request of every board, each
/// written with its mails in one transaction; how many requests were reminded about.
///
/// # Errors
/// When the store cannot be read or written; what was committed stays.
pub async fn run(app: &App) -> Result<u64, StoreError> {
    let today = app.clock.today();
    let mut sent = 0;
    for board_id in app.store.board_ids().await? {
        let board = app.store.board(&board_id);
        let equated = equated_days(board).await?;
        // The board's users, read once and only when a reminder is due.
        let mut users = None;
        for request in board.requests(&Scope::Board, true).await? {
            let left = working_days_left(&request, today, &equated);
            let Some(at) = Urgency::reminder_at(left) else { continue };
            if left < 0 {
                continue;
            }
            let kind = t(&format!("request.kind.{}", request.new.kind.code()));
            let link = app.link(&format!("/verzoeken/{}", request.id));
            let (days, deadline) = (left.to_string(), dutch_date(request.current_deadline()));
            let subject = tf("request.mail.reminder_subject", &[("kind", kind), ("days", &days)]);
            let body = tf(
                "request.mail.reminder_body",
                &[("kind", kind), ("days", &days), ("deadline", &deadline), ("link", &link)],
            );
            if users.is_none() {
                users = Some(board.users(&Scope::Board).await?);
            }
            let school = request.new.school_id.as_deref();
            let mails: Vec<NewMail> = responsible_among(users.as_deref().unwrap_or_default(), school)
                .everyone()
                .iter()
                .map(|to| Mail { to, subject: &subject, body: &body, sensitive: false }.to_new())
                .collect();
            if board.record_reminder(&request.id, at, app.clock.now(), &mails).await? {
                sent += 1;
            }
        }
    }
    Ok(sent)
}
