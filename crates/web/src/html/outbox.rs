//! The outbox: every mail the system sent or, without SMTP, holds for delivery.

use super::filters;
use super::{Layout, PageResult, render};
use crate::AppState;
use crate::auth::StaffPage;
use crate::i18n::{t, tf};
use aantoonbaar_rules::Action;
use aantoonbaar_rules::calendar::dutch_time_zone;
use aantoonbaar_store::OutboxMail;
use askama::Template;
use axum::extract::State;

pub struct MailRow {
    pub mail: OutboxMail,
    pub at: String,
    pub status: String,
}

#[derive(Template)]
#[template(path = "outbox.html")]
struct OutboxPage {
    layout: Layout,
    mails: Vec<MailRow>,
}

pub async fn show(State(state): State<AppState>, StaffPage(staff): StaffPage) -> PageResult {
    staff.may(Action::OutboxView)?;
    let mails = state.store.board(&staff.principal.board).outbox(200).await?;
    let rows = mails
        .into_iter()
        .map(|mail| MailRow {
            at: mail.created_at.to_zoned(dutch_time_zone()).strftime("%d-%m-%Y %H:%M").to_string(),
            status: match (&mail.sent_at, &mail.error, mail.next_attempt_at) {
                (Some(_), _, _) => t("outbox.sent").to_owned(),
                (None, Some(error), Some(next)) => tf(
                    "outbox.retrying",
                    &[
                        ("attempts", &mail.attempts.to_string()),
                        ("error", error),
                        ("next", &next.to_zoned(dutch_time_zone()).strftime("%d-%m-%Y %H:%M").to_string()),
                    ],
                ),
                (None, Some(error), None) => {
                    tf("outbox.given_up", &[("attempts", &mail.attempts.to_string()), ("error", error)])
                }
                (None, None, _) => t("outbox.waiting").to_owned(),
            },
            mail,
        })
        .collect();
    let layout = Layout::for_staff(&state, &staff, t("nav.outbox"), "/uitgaande-post");
    Ok(render(&OutboxPage { layout, mails: rows }))
}
