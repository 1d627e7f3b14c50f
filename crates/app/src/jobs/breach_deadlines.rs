//! The AP's 72-hour deadline (AVG art. 33 lid 1): a warning to the people who
//! must act at 24 and at 8 hours left, and a record once it passed.

use crate::App;
use crate::i18n::tf;
use crate::incidents::moment;
use crate::mail::Mail;
use crate::people::responsible_among;
use aantoonbaar_rules::incidents::{Status, overdue, warning_due};
use aantoonbaar_store::{Actor, IncidentFilter, NewMail, Scope, StoreError};

/// For every breach the AP must be told of and has not been: the warning due
/// now (decided by `rules::incidents::warning_due`), written with its mails in
/// one transaction, and a deadline that passed. Only assessed breaches are
/// read, not every incident of the board. Returns (warnings, newly overdue).
///
/// # Errors
/// When the store cannot be read or written; what was committed stays.
pub async fn run(app: &App) -> Result<(u64, u64), StoreError> {
    let now = app.clock.now();
    let actor = Actor { user_id: None, label: "jobs".to_owned(), ip: None, at: now };
    let open = IncidentFilter { status: Some(Status::Assessed), breach: Some(true), ..IncidentFilter::default() };
    let (mut warned, mut late) = (0, 0);
    for board_id in app.store.board_ids().await? {
        let board = app.store.board(&board_id);
        // The board's users, read once and only when a warning is due.
        let mut users = None;
        for incident in board.incidents(&Scope::Board, &open).await? {
            let Some(deadline) = incident.open_deadline() else { continue };
            if overdue(deadline, None, now) {
                if incident.overdue_at.is_none() {
                    match board.mark_incident_overdue(&actor, &incident.id).await {
                        Ok(()) => late += 1,
                        // Another server recorded it first.
                        Err(StoreError::WrongState) => {}
                        Err(err) => return Err(err),
                    }
                }
                continue;
            }
            let due = warning_due(deadline, now, incident.warned_24_at.is_some(), incident.warned_8_at.is_some());
            let Some(warning) = due else { continue };
            let hours = warning.hours().to_string();
            let link = app.link(&format!("/incidenten/{}", incident.id));
            let subject = tf("incident.mail.warning_subject", &[("hours", &hours), ("reference", &incident.reference)]);
            let body = tf(
                "incident.mail.warning_body",
                &[("reference", &incident.reference), ("deadline", &moment(deadline)), ("link", &link)],
            );
            if users.is_none() {
                users = Some(board.users(&Scope::Board).await?);
            }
            let school = incident.school_id.as_deref();
            let mails: Vec<NewMail> = responsible_among(users.as_deref().unwrap_or_default(), school)
                .everyone()
                .iter()
                .map(|to| Mail { to, subject: &subject, body: &body, sensitive: false }.to_new())
                .collect();
            if board.mark_incident_warning(&actor, &incident.id, warning, &mails).await? {
                warned += 1;
            }
        }
    }
    Ok((warned, late))
}
