//! The pupil list with search, and the pupil page. Opening a pupil's page is
//! written to the audit trail.

use super::filters;
use super::form::PageForm;
use super::group_picker::GroupPicker;
use super::{Layout, PageResult, render};
use crate::AppState;
use crate::auth::StaffPage;
use crate::error::Problem;
use crate::i18n::{t, tf};
use aantoonbaar_app::information_rights::rights_of;
use aantoonbaar_app::requests::dutch_date;
use aantoonbaar_rules::Action;
use aantoonbaar_rules::age::age_on;
use aantoonbaar_rules::information_rights::Right;
use aantoonbaar_store::{LinkedGuardian, Pupil, PupilQuery};
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Redirect};
use serde::Deserialize;

const PAGE_SIZE: i64 = 50;

pub struct PupilRow {
    pub id: String,
    pub name: String,
    pub number: String,
    pub group: String,
    pub birth_date: String,
    pub left: bool,
}

#[derive(Template)]
#[template(path = "pupils.html")]
struct PupilsPage {
    layout: Layout,
    q: String,
    group_id: String,
    include_left: bool,
    picker: GroupPicker,
    pupils: Vec<PupilRow>,
    summary: String,
    previous: Option<String>,
    next: Option<String>,
}

#[derive(Deserialize, Default)]
pub struct ListQuery {
    #[serde(default)]
    q: String,
    #[serde(default)]
    groep: String,
    vertrokken: Option<String>,
    #[serde(default)]
    pagina: i64,
}

fn page_link(query: &ListQuery, page: i64) -> String {
    let mut link = format!("/leerlingen?pagina={page}");
    for (name, value) in [("q", &query.q), ("groep", &query.groep)] {
        if !value.is_empty() {
            link.push_str(&format!("&{name}={}", super::urlencode(value)));
        }
    }
    if query.vertrokken.is_some() {
        link.push_str("&vertrokken=1");
    }
    link
}

pub async fn list(
    State(state): State<AppState>,
    StaffPage(staff): StaffPage,
    Query(query): Query<ListQuery>,
) -> PageResult {
    let scope = staff.may(Action::PupilView)?;
    let board = state.store.board(&staff.principal.board);
    let picker = match staff.may(Action::GroupView) {
        Ok(group_scope) => GroupPicker::read(board, group_scope).await?,
        Err(_) => GroupPicker::empty(),
    };
    let today = state.clock.today();
    let page = query.pagina.max(0);
    let pupil_query = PupilQuery {
        text: Some(query.q.clone()),
        group_id: Some(query.groep.clone()).filter(|g| !g.is_empty()),
        include_left: query.vertrokken.is_some(),
        today: Some(today),
        limit: PAGE_SIZE,
        offset: page * PAGE_SIZE,
        ..PupilQuery::default()
    };
    let (pupils, total) = board.pupils(scope, &pupil_query).await?;
    // Names and birth dates on a list are personal data too: every listed pupil is a view.
    let shown: Vec<String> = pupils.iter().map(|p| p.id.clone()).collect();
    board.record_views(&staff.actor(), "pupil", &shown).await?;
    let rows = pupils
        .iter()
        .map(|p| PupilRow {
            id: p.id.clone(),
            name: p.full_name(),
            number: p.external_number.clone(),
            group: picker.column(&p.group_id),
            birth_date: dutch_date(p.birth_date),
            left: p.leave_date.is_some_and(|d| d <= today),
        })
        .collect();
    let first = page * PAGE_SIZE + 1;
    let last = (page * PAGE_SIZE + i64::try_from(pupils.len()).unwrap_or(0)).min(total);
    let summary = if total == 0 {
        t("pupils.none").to_owned()
    } else {
        tf(
            "pupils.summary",
            &[("first", &first.to_string()), ("last", &last.to_string()), ("total", &total.to_string())],
        )
    };
    let title = picker.title(t("nav.pupils"), picker.find(&query.groep));
    let layout = Layout::for_staff(&state, &staff, &title, "/leerlingen");
    Ok(render(&PupilsPage {
        layout,
        previous: (page > 0).then(|| page_link(&query, page - 1)),
        next: (last < total).then(|| page_link(&query, page + 1)),
        q: query.q,
        group_id: query.groep,
        include_left: query.vertrokken.is_some(),
        picker,
        pupils: rows,
        summary,
    }))
}

pub struct GuardianRow {
    pub name: String,
    pub information: &'static str,
    pub information_basis: &'static str,
    pub relation: &'static str,
    pub custody: &'static str,
    pub recognised: &'static str,
    pub email: String,
    pub phone: String,
}

impl GuardianRow {
    fn new(l: &LinkedGuardian, right: Right) -> Self {
        let yes_no = |b: bool| if b { t("common.yes") } else { t("common.no") };
        Self {
            name: l.guardian.full_name(),
            information: t(&format!("information_rights.level.{}", right.level.code())),
            information_basis: t(&format!("information_rights.basis.{}", right.basis.code())),
            relation: t(&format!("relation.{}", l.link.relation.code())),
            custody: yes_no(l.link.holds_custody),
            recognised: yes_no(l.link.recognised),
            email: l.guardian.email.clone().unwrap_or_default(),
            phone: l.guardian.phone.clone().unwrap_or_default(),
        }
    }
}

#[derive(Template)]
#[template(path = "pupil.html")]
struct PupilPage {
    layout: Layout,
    pupil: Pupil,
    name: String,
    age: i16,
    school: String,
    group: String,
    birth_date: String,
    enrolment_date: String,
    leave: Option<String>,
    family: &'static str,
    guardians: Option<Vec<GuardianRow>>,
    consent: super::consent::PupilConsent,
    /// Whether the pupil's own e-mail address may be changed here.
    may_edit: bool,
    incidents: Option<Vec<super::incidents::PupilIncident>>,
    /// Processing is restricted after a data-subject request (AVG art. 18): what, in Dutch.
    restriction: Option<String>,
    /// The user may record a data-subject request about this pupil.
    can_file_request: bool,
}

pub async fn show(State(state): State<AppState>, StaffPage(staff): StaffPage, Path(id): Path<String>) -> PageResult {
    let scope = staff.may(Action::PupilView)?;
    let board = state.store.board(&staff.principal.board);
    let pupil = board.pupil(scope, &id).await?.ok_or_else(Problem::not_found)?;
    board.record_view(&staff.actor(), "pupil", &pupil.id).await?;
    let school =
        board.school(&aantoonbaar_store::Scope::Board, &pupil.school_id).await?.map(|s| s.name).unwrap_or_default();
    let group =
        board.group(&aantoonbaar_store::Scope::Board, &pupil.group_id).await?.map(|g| g.name).unwrap_or_default();
    let guardians = if staff.can(Action::GuardianView) {
        let guardians = board.guardians_of(&pupil.id).await?;
        Some(rights_of(&pupil, &guardians).into_iter().map(|(g, right)| GuardianRow::new(&g, right)).collect())
    } else {
        None
    };
    let date = aantoonbaar_app::requests::dutch_date;
    let today = state.clock.today();
    let leave = pupil.leave_date.map(|d| {
        let destination = pupil.leave_destination.map_or("", |l| t(&format!("leave.{}", l.code())));
        tf("pupil.left_on", &[("date", &date(d)), ("destination", destination)])
    });
    let family = pupil.family_situation.map_or(t("family.unknown"), |f| t(&format!("family.{}", f.code())));
    let consent = super::consent::pupil_consent(&state, &staff, &pupil).await?;
    let incidents = super::incidents::of_pupil(&state, &staff, &pupil.id).await?;
    let restriction = super::requests::restriction_banner(board, &pupil.id).await?;
    let layout = Layout::for_staff(&state, &staff, &pupil.full_name(), "/leerlingen");
    Ok(render(&PupilPage {
        consent,
        incidents,
        restriction,
        can_file_request: staff.can(Action::RequestHandle),
        layout,
        name: pupil.full_name(),
        age: age_on(pupil.birth_date, today),
        school,
        group,
        birth_date: date(pupil.birth_date),
        enrolment_date: date(pupil.enrolment_date),
        leave,
        family,
        guardians,
        may_edit: staff.can(Action::PupilManage),
        pupil,
    }))
}

/// Sets or clears the pupil's own e-mail address (used from the 16th birthday).
pub async fn set_email(
    State(state): State<AppState>,
    StaffPage(staff): StaffPage,
    Path(id): Path<String>,
    PageForm(form): PageForm<EmailForm>,
) -> PageResult {
    let fields = aantoonbaar_app::pupils::PupilFields { email: Some(form.email), ..Default::default() };
    aantoonbaar_app::pupils::update(&state, &staff, &id, fields).await?;
    Ok(Redirect::to(&format!("/leerlingen/{id}")).into_response())
}

/// The pupil's own address; empty clears it.
#[derive(serde::Deserialize)]
pub struct EmailForm {
    email: Option<String>,
}
