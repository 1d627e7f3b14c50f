//! The outbox: every mail the system sent or, without SMTP, holds for
//! delivery, newest first, a page at a time.

use super::filters;
use super::pager::{self, Pager};
use super::{Layout, PageResult, render};
use crate::AppState;
use crate::auth::StaffPage;
use crate::i18n::{t, tf};
use aantoonbaar_app::incidents::moment;
use aantoonbaar_rules::Action;
use aantoonbaar_store::OutboxMail;
use askama::Template;
use axum::extract::{Query, State};
use serde::Deserialize;

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
    pager: Pager,
}

#[derive(Deserialize, Default)]
pub struct OutboxQuery {
    #[serde(default)]
    pagina: String,
}

pub async fn show(
    State(state): State<AppState>,
    StaffPage(staff): StaffPage,
    Query(query): Query<OutboxQuery>,
) -> PageResult {
    staff.may(Action::OutboxView)?;
    let board = state.store.board(&staff.principal.board);
    let page = pager::page_number(&query.pagina);
    let mails = board.outbox_page(pager::PAGE_SIZE, pager::offset(page)).await?;
    let total = board.outbox_count().await?;
    let pager = Pager::new(page, mails.len(), total, ("outbox.summary", "outbox.empty", "outbox.pages"), |n| {
        format!("/uitgaande-post?pagina={n}")
    });
    let rows = mails
        .into_iter()
        .map(|mail| MailRow {
            at: moment(mail.created_at),
            status: match (&mail.sent_at, &mail.error, mail.next_attempt_at) {
                (Some(_), _, _) => t("outbox.sent").to_owned(),
                (None, Some(error), Some(next)) => tf(
                    "outbox.retrying",
                    &[("attempts", &mail.attempts.to_string()), ("error", error), ("next", &moment(next))],
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
    Ok(render(&OutboxPage { layout, mails: rows, pager }))
}
