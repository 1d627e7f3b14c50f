//! Reminders of the supplier register, each once, to the board's IBP managers
//! (ST): an agreement that ends within 60 days (so it is renewed before a
//! processor works without one, AVG art. 28(3)) and a sub-processor notice
//! whose 30-day objection deadline is within 7 days (AVG art. 28(2)).

use crate::App;
use crate::i18n::tf;
use crate::mail::Mail;
use crate::people::responsible_among;
use crate::requests::dutch_date;
use aantoonbaar_rules::register::parties::{ending_soon, objection_warning_due};
use aantoonbaar_store::{Actor, NewMail, Scope, StoreError, User};

fn mails(users: &[User], subject: &str, body: &str) -> Vec<NewMail> {
    responsible_among(users, None).st.iter().map(|to| Mail { to, subject, body, sensitive: false }.to_new()).collect()
}

/// Sends the reminders due today on every board; how many went out (one per
/// agreement or notice, whatever the number of recipients).
///
/// # Errors
/// When the store cannot be read or written; what was committed stays.
pub async fn run(app: &App) -> Result<u64, StoreError> {
    let today = app.clock.today();
    let actor = Actor { user_id: None, label: "jobs".to_owned(), ip: None, at: app.clock.now() };
    let mut sent = 0;
    for board_id in app.store.board_ids().await? {
        let board = app.store.board(&board_id);
        // The board's users, read once and only when a reminder is due.
        let mut users: Option<Vec<User>> = None;
        for agreement in board.agreements().await? {
            let Some(ends) = agreement.data.ends_at else { continue };
            if agreement.ending_warned_at.is_some() || !ending_soon(Some(ends), today) {
                continue;
            }
            if users.is_none() {
                users = Some(board.users(&Scope::Board).await?);
            }
            let link = app.link(&format!("/verwerkersovereenkomsten/{}", agreement.id));
            let supplier = agreement.supplier_name.as_str();
            let subject = tf("parties.mail.ending_subject", &[("supplier", supplier)]);
            let body =
                tf("parties.mail.ending_body", &[("supplier", supplier), ("date", &dutch_date(ends)), ("link", &link)]);
            let mails = mails(users.as_deref().unwrap_or_default(), &subject, &body);
            if board.mark_agreement_ending_warned(&actor, &agreement.id, &mails).await? {
                sent += 1;
            }
        }
        for notice in board.sub_processors().await? {
            if notice.warned_at.is_some() || !objection_warning_due(notice.objection_deadline, notice.decision, today) {
                continue;
            }
            if users.is_none() {
                users = Some(board.users(&Scope::Board).await?);
            }
            let link = app.link("/leveranciers");
            let (supplier, name) = (notice.supplier_name.as_str(), notice.data.name.as_str());
            let subject = tf("parties.mail.objection_subject", &[("supplier", supplier), ("name", name)]);
            let body = tf(
                "parties.mail.objection_body",
                &[
                    ("supplier", supplier),
                    ("name", name),
                    ("date", &dutch_date(notice.objection_deadline)),
                    ("link", &link),
                ],
            );
            let mails = mails(users.as_deref().unwrap_or_default(), &subject, &body);
            if board.mark_sub_processor_warned(&actor, &notice.id, &mails).await? {
                sent += 1;
            }
        }
    }
    Ok(sent)
}
