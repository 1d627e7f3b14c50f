//! The start page: one card per module with what needs attention.

use super::filters;
use super::{Layout, PageResult, render};
use crate::AppState;
use crate::auth::StaffPage;
use crate::i18n::{t, tf};
use aantoonbaar_rules::Action;
use aantoonbaar_store::PupilQuery;
use askama::Template;
use axum::extract::State;

pub struct Card {
    pub title: &'static str,
    pub href: &'static str,
    pub figure: String,
    pub note: String,
}

#[derive(Template)]
#[template(path = "dashboard.html")]
struct DashboardPage {
    layout: Layout,
    cards: Vec<Card>,
    /// Open breaches with the time left to notify the AP (`None`: not the user's to see).
    breaches: Option<Vec<super::incidents::BreachClock>>,
    /// Open data-subject requests with working days left (director, ST, FG, board).
    rows: Option<Vec<super::requests::RequestRow>>,
}

pub async fn show(State(state): State<AppState>, StaffPage(staff): StaffPage) -> PageResult {
    let board = state.store.board(&staff.principal.board);
    let mut cards = Vec::new();
    let policies = aantoonbaar_app::policy_documents::attention(&state, &staff).await?;
    if let Some(first) = policies.to_sign.first() {
        // What the user must do themselves comes first.
        cards.push(Card {
            title: t("policy.dashboard.to_sign_title"),
            href: "/beleid",
            figure: policies.to_sign.len().to_string(),
            note: tf("policy.dashboard.to_sign_note", &[("title", &first.title)]),
        });
    }
    if let Ok(scope) = staff.may(Action::SchoolView) {
        let schools = board.schools(scope).await?;
        let groups = board.groups(scope, None).await?;
        cards.push(Card {
            title: t("nav.schools"),
            href: "/scholen",
            figure: schools.len().to_string(),
            note: tf("dashboard.groups", &[("count", &groups.len().to_string())]),
        });
    }
    if let Ok(scope) = staff.may(Action::PupilView) {
        let query = PupilQuery { today: Some(state.clock.today()), limit: 1, ..PupilQuery::default() };
        let (_, total) = board.pupils(scope, &query).await?;
        cards.push(Card {
            title: t("nav.pupils"),
            href: "/leerlingen",
            figure: total.to_string(),
            note: t("dashboard.pupils_note").to_owned(),
        });
    }
    if let Ok(scope) = staff.may(Action::UserView) {
        let users = board.users(scope).await?;
        let waiting = users.iter().filter(|u| !u.has_password).count();
        cards.push(Card {
            title: t("nav.users"),
            href: "/gebruikers",
            figure: users.len().to_string(),
            note: tf("dashboard.users_waiting", &[("count", &waiting.to_string())]),
        });
    }
    if staff.can(Action::RegisterView) {
        let overview = aantoonbaar_app::register::activities::list(&state, &staff).await?;
        cards.push(Card {
            title: t("register.title"),
            href: "/register",
            figure: overview.open_findings().to_string(),
            note: t("register.dashboard_note").to_owned(),
        });
    }
    if let Some(count) = super::risks::dashboard_figure(&state, &staff).await? {
        cards.push(Card {
            title: t("risks.dashboard_title"),
            href: "/risicos",
            figure: count.to_string(),
            note: t(if count == 0 { "risks.dashboard_none" } else { "risks.dashboard_link" }).to_owned(),
        });
    }
    if let Some(count) = super::selfassessment::dashboard_figure(&state, &staff).await? {
        cards.push(Card {
            title: t("selfassessment.dashboard_title"),
            href: "/zelfevaluatie",
            figure: count.to_string(),
            note: t(if count == 0 { "selfassessment.dashboard_none" } else { "selfassessment.dashboard_link" })
                .to_owned(),
        });
    }
    if let Some(count) = super::dpias::dashboard_figure(&state, &staff).await? {
        cards.push(Card {
            title: t("dpia.list.dashboard_title"),
            href: "/dpia",
            figure: count.to_string(),
            note: t(if count == 0 { "dpia.list.dashboard_none" } else { "dpia.list.dashboard_link" }).to_owned(),
        });
    }
    if let Some(count) = super::pre_dpia::dashboard_figure(&state, &staff).await? {
        cards.push(Card {
            title: t("predpia.page.title"),
            href: "/dpia/aanvragen",
            figure: count.to_string(),
            note: t("predpia.page.waiting_card").to_owned(),
        });
    }
    if staff.can(Action::RetentionBatch) {
        let count = aantoonbaar_app::retention_batches::awaiting_my_approval(&state, &staff).await?;
        cards.push(Card {
            title: t("retention.batch.dashboard_title"),
            href: "/bewaartermijnen/vernietiging",
            figure: count.to_string(),
            note: t(if count == 0 { "retention.batch.dashboard_none" } else { "retention.batch.dashboard_link" })
                .to_owned(),
        });
    }
    if let Some(missing) = policies.missing {
        cards.push(Card {
            title: t("policy.dashboard.missing_title"),
            href: "/beleid",
            figure: missing.to_string(),
            note: t(if missing == 0 { "policy.dashboard.missing_none" } else { "policy.dashboard.missing_note" })
                .to_owned(),
        });
    }
    if let Some(access) = aantoonbaar_app::access::attention(&state, &staff).await? {
        let late = access.leavers_late.to_string();
        cards.push(Card {
            title: t("access.leavers.title"),
            href: "/toegang/vertrekkers",
            figure: access.leavers_due.to_string(),
            note: if access.leavers_late == 0 {
                t("access.dashboard.leavers_none_late").to_owned()
            } else {
                tf("access.dashboard.leavers_late", &[("late", &late)])
            },
        });
        if access.campaigns_open > 0 {
            cards.push(Card {
                title: t("review.title"),
                href: "/toegang/controles",
                figure: access.to_review.to_string(),
                note: t(if access.campaign_overdue {
                    "access.dashboard.review_overdue"
                } else {
                    "access.dashboard.review_open"
                })
                .to_owned(),
            });
        }
        if let Some(findings) = access.findings {
            cards.push(Card {
                title: t("access.accounts.title"),
                href: "/toegang",
                figure: findings.to_string(),
                note: t("access.dashboard.findings").to_owned(),
            });
        }
    }
    if let Some(cycle) = aantoonbaar_app::calendar::attention(&state, &staff).await? {
        cards.push(Card {
            title: t("calendar.dashboard_title"),
            href: "/jaarplanning",
            figure: cycle.overdue.to_string(),
            note: tf(
                "calendar.dashboard_note",
                &[("month", &cycle.due_this_month.to_string()), ("overdue", &cycle.overdue.to_string())],
            ),
        });
    }
    if let Some(attention) = aantoonbaar_app::retention::attention(&state, &staff).await? {
        let (items, holds) = (attention.due_items, attention.holds_to_review);
        cards.push(Card {
            title: t("retention.due.dashboard_title"),
            href: "/bewaartermijnen/werklijst",
            figure: items.to_string(),
            note: t(if items == 0 { "retention.due.dashboard_none" } else { "retention.due.dashboard_link" })
                .to_owned(),
        });
        cards.push(Card {
            title: t("retention.holds.dashboard_title"),
            href: "/bewaartermijnen/blokkades",
            figure: holds.to_string(),
            note: t(if holds == 0 { "retention.holds.dashboard_none" } else { "retention.holds.dashboard_link" })
                .to_owned(),
        });
    }
    let breaches = if staff.can(Action::IncidentView) {
        Some(super::incidents::open_breaches(&state, &staff).await?)
    } else {
        None
    };
    let rows = match staff.may(Action::RequestView) {
        Ok(scope) => {
            // A summary is no view of anyone's request: opening one is (the request page).
            let open = board.requests(scope, true).await?;
            Some(super::requests::rows(&state, board, &open).await?)
        }
        Err(_) => None,
    };
    let layout = Layout::for_staff(&state, &staff, t("nav.dashboard"), "/");
    Ok(render(&DashboardPage { layout, cards, breaches, rows }))
}
