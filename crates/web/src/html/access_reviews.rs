//! The review campaign pages (issue 16, `/toegang/controles`): the campaigns
//! and the IBP manager's form to start one; a campaign with the caller's part
//! — a director decides keep, revoke, reduce or "not sure" for each account
//! of her school's people in one form —, completion per school and system,
//! the IBP manager's remediation and closing, and the report as PDF.

use super::form::{PagePairs, entered, read, refused};
use super::retention_batches::day;
use super::{Layout, PageResult, filters, render};
use crate::AppState;
use crate::auth::{Staff, StaffPage};
use crate::error::FieldError;
use crate::i18n::t;
use aantoonbaar_app::access::reviews::{
    self, CampaignDetail, CampaignOut, Decide, ItemOut, Remediate, StartCampaign, VerdictIn,
};
use aantoonbaar_rules::Action;
use aantoonbaar_rules::access::ReviewOutcome;
use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};

#[derive(Template)]
#[template(path = "access_reviews.html")]
struct CampaignsPage {
    layout: Layout,
    campaigns: Vec<CampaignOut>,
    may_start: bool,
    deadline: String,
    name: String,
    errors: Vec<FieldError>,
}

async fn campaigns_page(
    state: &AppState,
    staff: &Staff,
    typed: &[(String, String)],
    errors: Vec<FieldError>,
    status: StatusCode,
) -> PageResult {
    let page = CampaignsPage {
        layout: Layout::for_staff(state, staff, t("review.title"), "/toegang"),
        campaigns: reviews::list(state, staff).await?,
        may_start: staff.can(Action::AccessReviewManage),
        deadline: entered(typed, "deadline").to_owned(),
        name: entered(typed, "name").to_owned(),
        errors,
    };
    Ok((status, render(&page)).into_response())
}

pub async fn list(State(state): State<AppState>, StaffPage(staff): StaffPage) -> PageResult {
    campaigns_page(&state, &staff, &[], Vec::new(), StatusCode::OK).await
}

pub async fn start(
    State(state): State<AppState>,
    StaffPage(staff): StaffPage,
    PagePairs(pairs): PagePairs,
) -> PageResult {
    let command: StartCampaign = read(pairs.clone())?;
    match reviews::start(&state, &staff, command).await {
        Ok(campaign) => Ok(Redirect::to(&format!("/toegang/controles/{}", campaign.id)).into_response()),
        Err(error) => {
            let problem = refused(error)?;
            campaigns_page(&state, &staff, &pairs, problem.errors, problem.status).await
        }
    }
}

/// One outcome of an item's choice.
pub struct OutcomeChoice {
    pub code: &'static str,
    pub label: &'static str,
    pub chosen: bool,
}

/// An account as the campaign page shows it.
pub struct ItemRow {
    pub item: ItemOut,
    pub who: String,
    pub outcome: &'static str,
    pub choices: Vec<OutcomeChoice>,
    pub note: String,
}

#[derive(Template)]
#[template(path = "access_review.html")]
struct CampaignPage {
    layout: Layout,
    detail: CampaignDetail,
    deadline: String,
    rows: Vec<ItemRow>,
    may_decide: bool,
    may_manage: bool,
    open_items: usize,
    errors: Vec<FieldError>,
}

fn outcome_label(code: &str) -> &'static str {
    t(&format!("review.outcome.{code}"))
}

async fn campaign_page(
    state: &AppState,
    staff: &Staff,
    id: &str,
    typed: &[(String, String)],
    errors: Vec<FieldError>,
    status: StatusCode,
) -> PageResult {
    let detail = reviews::get(state, staff, id).await?;
    let rows: Vec<ItemRow> = detail
        .items
        .iter()
        .map(|item| {
            let typed_outcome = entered(typed, &format!("outcome.{}", item.id));
            let current =
                if typed_outcome.is_empty() { item.outcome.as_deref().unwrap_or_default() } else { typed_outcome };
            let typed_note = entered(typed, &format!("note.{}", item.id));
            ItemRow {
                who: item.staff_name.clone().unwrap_or_else(|| t("review.unknown_person").to_owned()),
                outcome: item.outcome.as_deref().map_or("", outcome_label),
                choices: ReviewOutcome::ALL
                    .iter()
                    .map(|o| OutcomeChoice {
                        code: o.code(),
                        label: outcome_label(o.code()),
                        chosen: o.code() == current,
                    })
                    .collect(),
                note: if typed_note.is_empty() { item.note.clone().unwrap_or_default() } else { typed_note.to_owned() },
                item: item.clone(),
            }
        })
        .collect();
    let open_items =
        detail.items.iter().filter(|i| !matches!(i.outcome.as_deref(), Some("keep" | "revoke" | "reduce"))).count();
    let page = CampaignPage {
        layout: Layout::for_staff(state, staff, &detail.campaign.name, "/toegang"),
        deadline: day(&detail.campaign.deadline),
        may_decide: staff.can(Action::AccessReviewDecide) && detail.campaign.open,
        may_manage: staff.can(Action::AccessReviewManage),
        open_items,
        rows,
        detail,
        errors,
    };
    Ok((status, render(&page)).into_response())
}

pub async fn show(State(state): State<AppState>, StaffPage(staff): StaffPage, Path(id): Path<String>) -> PageResult {
    campaign_page(&state, &staff, &id, &[], Vec::new(), StatusCode::OK).await
}

/// The verdicts of the form: every `outcome.<item>` answered, with its `note.<item>`.
fn verdicts(pairs: &[(String, String)]) -> Decide {
    let items = pairs
        .iter()
        .filter_map(|(key, value)| key.strip_prefix("outcome.").map(|id| (id, value)))
        .filter(|(_, value)| !value.is_empty())
        .map(|(id, outcome)| VerdictIn {
            id: id.to_owned(),
            outcome: outcome.clone(),
            note: Some(entered(pairs, &format!("note.{id}")).to_owned()),
        })
        .collect();
    Decide { items, ..Decide::default() }
}

pub async fn decide(
    State(state): State<AppState>,
    StaffPage(staff): StaffPage,
    Path(id): Path<String>,
    PagePairs(pairs): PagePairs,
) -> PageResult {
    match reviews::decide(&state, &staff, &id, verdicts(&pairs)).await {
        Ok(_) => Ok(Redirect::to(&format!("/toegang/controles/{id}#opgeslagen")).into_response()),
        Err(error) => {
            let problem = refused(error)?;
            campaign_page(&state, &staff, &id, &pairs, problem.errors, problem.status).await
        }
    }
}

pub async fn remediate(
    State(state): State<AppState>,
    StaffPage(staff): StaffPage,
    Path((id, item)): Path<(String, String)>,
    PagePairs(pairs): PagePairs,
) -> PageResult {
    let command: Remediate = read(pairs.clone())?;
    match reviews::remediate(&state, &staff, &id, &item, command).await {
        Ok(_) => Ok(Redirect::to(&format!("/toegang/controles/{id}")).into_response()),
        Err(error) => {
            let problem = refused(error)?;
            campaign_page(&state, &staff, &id, &pairs, problem.errors, problem.status).await
        }
    }
}

pub async fn close(State(state): State<AppState>, StaffPage(staff): StaffPage, Path(id): Path<String>) -> PageResult {
    match reviews::close(&state, &staff, &id).await {
        Ok(_) => Ok(Redirect::to(&format!("/toegang/controles/{id}")).into_response()),
        Err(error) => {
            let problem = refused(error)?;
            campaign_page(&state, &staff, &id, &[], problem.errors, problem.status).await
        }
    }
}

pub async fn report(
    State(state): State<AppState>,
    StaffPage(staff): StaffPage,
    Path(id): Path<String>,
) -> Result<Response, super::PageError> {
    let file = reviews::report_pdf(&state, &staff, &id).await?;
    Ok(crate::download::attachment(file.content_type, &file.file_name, file.bytes))
}
