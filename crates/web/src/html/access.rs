//! The access pages (issue 16, `/toegang`): the overview, the staff list with
//! its HR import, the leavers with their deadline (red when late), the
//! joiners', movers' and leavers' changes with the evidence per system, and
//! each system's account list with its differences. The same operations as
//! the API (`aantoonbaar_app::access`); a refused form shows again with what
//! was typed.

use super::form::{PagePairs, entered, read, refused};
use super::retention_batches::day;
use super::{Layout, PageResult, filters, render};
use crate::AppState;
use crate::auth::{Staff, StaffPage};
use crate::error::FieldError;
use crate::i18n::t;
use aantoonbaar_app::access::accounts::{self, Differences};
use aantoonbaar_app::access::changes::{self, ChangeOut, LeaverOut, RecordStep, RequestChange};
use aantoonbaar_app::access::reviews::{self, CampaignOut};
use aantoonbaar_app::access::staff_list::{self, StaffCommand, StaffImportReport, StaffOut};
use aantoonbaar_rules::{Action, Role};
use aantoonbaar_store::{School, Scope};
use askama::Template;
use axum::extract::{Multipart, Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect};

/// A school id as its name (empty for the board's own staff).
pub(super) fn school_name(schools: &[School], id: Option<&str>) -> String {
    id.and_then(|id| schools.iter().find(|s| s.id == id))
        .map_or_else(|| t("access.board_staff").to_owned(), |s| s.name.clone())
}

async fn schools(state: &AppState, staff: &Staff) -> Result<Vec<School>, super::PageError> {
    Ok(state.store.board(&staff.principal.board).schools(&Scope::Board).await?)
}

/// A choice of a select or a set of checkboxes.
pub struct Option_ {
    pub value: String,
    pub label: String,
    pub chosen: bool,
}

/// The schools `within` covers, as choices.
fn school_options(schools: &[School], within: &Scope, chosen: &str) -> Vec<Option_> {
    schools
        .iter()
        .filter(|s| within.covers_school(&s.id))
        .map(|s| Option_ { value: s.id.clone(), label: s.name.clone(), chosen: s.id == chosen })
        .collect()
}

fn role_options(chosen: &[String]) -> Vec<Option_> {
    Role::ALL
        .iter()
        .map(|r| Option_ {
            value: r.code().to_owned(),
            label: format!("{} ({})", t(&format!("role.{}", r.code())), r.code()),
            chosen: chosen.iter().any(|c| c == r.code()),
        })
        .collect()
}

// ---------------------------------------------------------------- overview

/// A system's latest account list on the overview.
pub struct AccountListRow {
    pub system_id: String,
    pub system: String,
    pub imported: String,
    pub orphans: usize,
    pub leavers: usize,
    pub excess: usize,
}

#[derive(Template)]
#[template(path = "access.html")]
struct OverviewPage {
    layout: Layout,
    may_policy: bool,
    staff_count: usize,
    /// Leavers not yet removed everywhere (the late ones among them), as on the start page.
    due: usize,
    late: usize,
    on_time: Option<u8>,
    open_changes: usize,
    late_changes: usize,
    account_lists: Option<Vec<AccountListRow>>,
    campaigns: Option<Vec<CampaignOut>>,
}

pub async fn overview(State(state): State<AppState>, StaffPage(staff): StaffPage) -> PageResult {
    let people = staff_list::list(&state, &staff).await?;
    let leavers = changes::leavers(&state, &staff, None).await?;
    let open = changes::list(&state, &staff, true).await?;
    let account_lists = if staff.can(Action::AccountsImport) {
        let systems = state.store.board(&staff.principal.board).systems().await?;
        let latest = accounts::latest_imports(&state, &staff).await?;
        Some(
            systems
                .iter()
                .filter(|s| s.data.in_use)
                .map(|s| {
                    let last = latest.iter().find(|l| l.system_id == s.id);
                    AccountListRow {
                        system_id: s.id.clone(),
                        system: s.data.name.clone(),
                        imported: last.map(|l| aantoonbaar_app::incidents::moment(l.imported_at)).unwrap_or_default(),
                        orphans: last.map_or(0, |l| l.found.orphans),
                        leavers: last.map_or(0, |l| l.found.leavers),
                        excess: last.map_or(0, |l| l.found.excess),
                    }
                })
                .collect(),
        )
    } else {
        None
    };
    let campaigns = if staff.can(Action::AccessReviewView) {
        Some(reviews::list(&state, &staff).await?.into_iter().filter(|c| c.open).collect())
    } else {
        None
    };
    let page = OverviewPage {
        layout: Layout::for_staff(&state, &staff, t("access.title"), "/toegang"),
        may_policy: staff.can(Action::AccessPolicyView),
        staff_count: people.len(),
        due: leavers.items.iter().filter(|l| l.status != "done").count(),
        late: leavers.items.iter().filter(|l| l.status == "late").count(),
        on_time: leavers.on_time_percent,
        open_changes: open.len(),
        late_changes: open.iter().filter(|c| c.late).count(),
        account_lists,
        campaigns,
    };
    Ok(render(&page))
}

// ---------------------------------------------------------------- staff list

/// A person's row.
pub struct PersonRow {
    pub person: StaffOut,
    pub school: String,
}

/// The person form, as typed or as stored.
pub struct PersonForm {
    pub given_name: String,
    pub surname: String,
    pub email: String,
    pub schools: Vec<Option_>,
    pub roles: Vec<Option_>,
    pub employment_start: String,
    pub employment_end: String,
}

impl PersonForm {
    fn from_pairs(pairs: &[(String, String)], schools: &[School], staff: &Staff) -> Self {
        let roles: Vec<String> = pairs.iter().filter(|(k, _)| k == "roles").map(|(_, v)| v.clone()).collect();
        Self {
            given_name: entered(pairs, "given_name").to_owned(),
            surname: entered(pairs, "surname").to_owned(),
            email: entered(pairs, "email").to_owned(),
            schools: school_options(schools, &staff.principal.scope, entered(pairs, "school_id")),
            roles: role_options(&roles),
            employment_start: entered(pairs, "employment_start").to_owned(),
            employment_end: entered(pairs, "employment_end").to_owned(),
        }
    }

    fn stored(p: &StaffOut, schools: &[School], staff: &Staff) -> Self {
        Self {
            given_name: p.given_name.clone(),
            surname: p.surname.clone(),
            email: p.email.clone(),
            schools: school_options(schools, &staff.principal.scope, p.school_id.as_deref().unwrap_or_default()),
            roles: role_options(&p.roles),
            employment_start: p.employment_start.clone(),
            employment_end: p.employment_end.clone().unwrap_or_default(),
        }
    }
}

#[derive(Template)]
#[template(path = "access_staff.html")]
struct StaffPageView {
    layout: Layout,
    rows: Vec<PersonRow>,
    may_manage: bool,
    may_import: bool,
    board_scope: bool,
    form: PersonForm,
    errors: Vec<FieldError>,
    report: Option<StaffImportReport>,
}

async fn staff_page(
    state: &AppState,
    staff: &Staff,
    typed: &[(String, String)],
    errors: Vec<FieldError>,
    report: Option<StaffImportReport>,
    status: StatusCode,
) -> PageResult {
    let schools = schools(state, staff).await?;
    let rows = staff_list::list(state, staff)
        .await?
        .into_iter()
        .map(|person| PersonRow { school: school_name(&schools, person.school_id.as_deref()), person })
        .collect();
    let page = StaffPageView {
        layout: Layout::for_staff(state, staff, t("access.staff.title"), "/toegang"),
        rows,
        may_manage: staff.can(Action::StaffManage),
        may_import: staff.can(Action::StaffManage) && staff.principal.scope == Scope::Board,
        board_scope: staff.principal.scope == Scope::Board,
        form: PersonForm::from_pairs(typed, &schools, staff),
        errors,
        report,
    };
    Ok((status, render(&page)).into_response())
}

pub async fn staff_list(State(state): State<AppState>, StaffPage(staff): StaffPage) -> PageResult {
    staff_page(&state, &staff, &[], Vec::new(), None, StatusCode::OK).await
}

pub async fn create_person(
    State(state): State<AppState>,
    StaffPage(staff): StaffPage,
    PagePairs(pairs): PagePairs,
) -> PageResult {
    let command: StaffCommand = read(pairs.clone())?;
    match staff_list::create(&state, &staff, command).await {
        Ok(_) => Ok(Redirect::to("/toegang/medewerkers").into_response()),
        Err(error) => {
            let problem = refused(error)?;
            staff_page(&state, &staff, &pairs, problem.errors, None, problem.status).await
        }
    }
}

/// The uploaded file and the "only check" box of an import form.
async fn upload(multipart: &mut Multipart) -> (Vec<u8>, bool) {
    let (mut bytes, mut dry_run) = (Vec::new(), false);
    while let Ok(Some(field)) = multipart.next_field().await {
        match field.name() {
            Some("file") => bytes = field.bytes().await.map(|b| b.to_vec()).unwrap_or_default(),
            Some("dry_run") => dry_run = true,
            _ => {}
        }
    }
    (bytes, dry_run)
}

pub async fn import_staff(
    State(state): State<AppState>,
    StaffPage(staff): StaffPage,
    mut multipart: Multipart,
) -> PageResult {
    let (bytes, dry_run) = upload(&mut multipart).await;
    if bytes.is_empty() {
        let errors = vec![FieldError::new("file", "import.no_file")];
        return staff_page(&state, &staff, &[], errors, None, StatusCode::UNPROCESSABLE_ENTITY).await;
    }
    match staff_list::import(&state, &staff, &bytes, dry_run).await {
        Ok(report) => staff_page(&state, &staff, &[], Vec::new(), Some(report), StatusCode::OK).await,
        Err(error) => {
            let problem = refused(error)?;
            staff_page(&state, &staff, &[], problem.errors, None, problem.status).await
        }
    }
}

#[derive(Template)]
#[template(path = "access_person.html")]
struct PersonPage {
    layout: Layout,
    id: String,
    name: String,
    may_manage: bool,
    board_scope: bool,
    form: PersonForm,
    remove_by: Option<String>,
    changes: Vec<ChangeRow>,
    errors: Vec<FieldError>,
}

async fn person_page(
    state: &AppState,
    staff: &Staff,
    id: &str,
    typed: Option<&[(String, String)]>,
    errors: Vec<FieldError>,
    status: StatusCode,
) -> PageResult {
    let person = staff_list::get(state, staff, id).await?;
    let schools = schools(state, staff).await?;
    let form = match typed {
        Some(pairs) => PersonForm::from_pairs(pairs, &schools, staff),
        None => PersonForm::stored(&person, &schools, staff),
    };
    let changes = changes::list(state, staff, false)
        .await?
        .into_iter()
        .filter(|c| c.staff_id == id)
        .map(|c| ChangeRow::new(c, &schools))
        .collect();
    let page = PersonPage {
        layout: Layout::for_staff(state, staff, &format!("{} {}", person.given_name, person.surname), "/toegang"),
        id: person.id.clone(),
        name: format!("{} {}", person.given_name, person.surname),
        may_manage: staff.can(Action::StaffManage),
        board_scope: staff.principal.scope == Scope::Board,
        remove_by: person.remove_by.as_deref().map(day),
        form,
        changes,
        errors,
    };
    Ok((status, render(&page)).into_response())
}

pub async fn person(State(state): State<AppState>, StaffPage(staff): StaffPage, Path(id): Path<String>) -> PageResult {
    person_page(&state, &staff, &id, None, Vec::new(), StatusCode::OK).await
}

pub async fn update_person(
    State(state): State<AppState>,
    StaffPage(staff): StaffPage,
    Path(id): Path<String>,
    PagePairs(pairs): PagePairs,
) -> PageResult {
    // A cleared end date or school is sent as empty: the form means "none".
    let mut command: StaffCommand = read(pairs.clone())?;
    command.employment_end = Some(Some(entered(&pairs, "employment_end").to_owned()));
    command.school_id = Some(Some(entered(&pairs, "school_id").to_owned()));
    match staff_list::update(&state, &staff, &id, command).await {
        Ok(_) => Ok(Redirect::to(&format!("/toegang/medewerkers/{id}")).into_response()),
        Err(error) => {
            let problem = refused(error)?;
            person_page(&state, &staff, &id, Some(&pairs), problem.errors, problem.status).await
        }
    }
}

// ---------------------------------------------------------------- leavers

/// A leaver's row.
pub struct LeaverRow {
    pub leaver: LeaverOut,
    pub school: String,
    pub ended: String,
    pub remove_by: String,
    pub status: &'static str,
    pub removed_on: String,
}

#[derive(Template)]
#[template(path = "access_leavers.html")]
struct LeaversPage {
    layout: Layout,
    rows: Vec<LeaverRow>,
    on_time: Option<u8>,
}

pub async fn leavers(State(state): State<AppState>, StaffPage(staff): StaffPage) -> PageResult {
    let list = changes::leavers(&state, &staff, None).await?;
    let schools = schools(&state, &staff).await?;
    let rows = list
        .items
        .into_iter()
        .map(|l| LeaverRow {
            school: school_name(&schools, l.school_id.as_deref()),
            ended: day(&l.ended),
            remove_by: day(&l.remove_by),
            status: t(&format!("access.leaver.{}", l.status)),
            removed_on: l.removed_on.as_deref().map(day).unwrap_or_default(),
            leaver: l,
        })
        .collect();
    let page = LeaversPage {
        layout: Layout::for_staff(&state, &staff, t("access.leavers.title"), "/toegang"),
        rows,
        on_time: list.on_time_percent,
    };
    Ok(render(&page))
}

// ---------------------------------------------------------------- changes

/// A change's row.
pub struct ChangeRow {
    pub change: ChangeOut,
    pub kind: &'static str,
    pub status: &'static str,
    pub school: String,
    pub due: String,
}

impl ChangeRow {
    fn new(change: ChangeOut, schools: &[School]) -> Self {
        Self {
            kind: t(&format!("access.kind.{}", change.kind)),
            status: t(&format!("access.status.{}", change.status)),
            school: school_name(schools, change.to_school_id.as_deref().or(change.from_school_id.as_deref())),
            due: day(&change.due_on),
            change,
        }
    }
}

/// The new change form.
pub struct ChangeForm {
    pub people: Vec<Option_>,
    pub kind: String,
    pub effective_on: String,
    pub schools: Vec<Option_>,
    pub roles: Vec<Option_>,
    pub systems: Vec<Option_>,
    pub note: String,
}

#[derive(Template)]
#[template(path = "access_changes.html")]
struct ChangesPage {
    layout: Layout,
    rows: Vec<ChangeRow>,
    form: Option<ChangeForm>,
    errors: Vec<FieldError>,
}

async fn system_options(state: &AppState, staff: &Staff, chosen: &[String]) -> Result<Vec<Option_>, super::PageError> {
    let systems = state.store.board(&staff.principal.board).systems().await?;
    Ok(systems
        .into_iter()
        .filter(|s| s.data.in_use)
        .map(|s| Option_ { chosen: chosen.contains(&s.id), value: s.id, label: s.data.name })
        .collect())
}

async fn changes_page(
    state: &AppState,
    staff: &Staff,
    typed: &[(String, String)],
    errors: Vec<FieldError>,
    status: StatusCode,
) -> PageResult {
    let schools = schools(state, staff).await?;
    let rows = changes::list(state, staff, false).await?.into_iter().map(|c| ChangeRow::new(c, &schools)).collect();
    let form = if staff.can(Action::AccessChangeRequest) {
        let chosen_person = entered(typed, "staff_id");
        let people = staff_list::list(state, staff)
            .await?
            .into_iter()
            .map(|p| Option_ {
                chosen: p.id == chosen_person,
                label: format!("{} {} ({})", p.given_name, p.surname, p.email),
                value: p.id,
            })
            .collect();
        let all = |name: &str| typed.iter().filter(|(k, _)| k == name).map(|(_, v)| v.clone()).collect::<Vec<_>>();
        Some(ChangeForm {
            people,
            kind: entered(typed, "kind").to_owned(),
            effective_on: entered(typed, "effective_on").to_owned(),
            // A mover may go to any school of the board.
            schools: school_options(&schools, &Scope::Board, entered(typed, "to_school_id")),
            roles: role_options(&all("roles_after")),
            systems: system_options(state, staff, &all("systems")).await?,
            note: entered(typed, "note").to_owned(),
        })
    } else {
        None
    };
    let page = ChangesPage {
        layout: Layout::for_staff(state, staff, t("access.changes.title"), "/toegang"),
        rows,
        form,
        errors,
    };
    Ok((status, render(&page)).into_response())
}

pub async fn list_changes(State(state): State<AppState>, StaffPage(staff): StaffPage) -> PageResult {
    changes_page(&state, &staff, &[], Vec::new(), StatusCode::OK).await
}

pub async fn request_change(
    State(state): State<AppState>,
    StaffPage(staff): StaffPage,
    PagePairs(pairs): PagePairs,
) -> PageResult {
    let command: RequestChange = read(pairs.clone())?;
    match changes::request(&state, &staff, command).await {
        Ok(change) => Ok(Redirect::to(&format!("/toegang/wijzigingen/{}", change.id)).into_response()),
        Err(error) => {
            let problem = refused(error)?;
            changes_page(&state, &staff, &pairs, problem.errors, problem.status).await
        }
    }
}

#[derive(Template)]
#[template(path = "access_change.html")]
struct ChangePage {
    layout: Layout,
    row: ChangeRow,
    may_approve: bool,
    may_carry_out: bool,
    /// What a joiner has still to sign before the change can be approved.
    unsigned: Vec<String>,
    systems: Vec<Option_>,
    evidence: String,
    errors: Vec<FieldError>,
}

async fn change_page(
    state: &AppState,
    staff: &Staff,
    id: &str,
    typed: &[(String, String)],
    errors: Vec<FieldError>,
    status: StatusCode,
) -> PageResult {
    let change = changes::get(state, staff, id).await?;
    let schools = schools(state, staff).await?;
    let open_step = change.steps.iter().find(|s| !s.done).map(|s| s.system_id.clone());
    let chosen = match entered(typed, "system_id") {
        "" => open_step.into_iter().collect(),
        typed => vec![typed.to_owned()],
    };
    // The IBP manager approves their own request too: it waited only for the joiner's signatures.
    let may_approve = staff.may(Action::AccessChangeRequest).is_ok_and(|scope| {
        change.status == "requested" && (change.requested_by != staff.principal.email || *scope == Scope::Board)
    });
    let unsigned = if change.kind == "join" && change.status == "requested" {
        let board = state.store.board(&staff.principal.board);
        aantoonbaar_app::policy_documents::unsigned_titles(board, &change.staff_id).await?
    } else {
        Vec::new()
    };
    let may_carry_out = staff.can(Action::AccessChangeCarryOut) && change.status == "approved";
    let page = ChangePage {
        layout: Layout::for_staff(state, staff, t("access.change.title"), "/toegang"),
        row: ChangeRow::new(change, &schools),
        may_approve,
        may_carry_out,
        unsigned,
        systems: system_options(state, staff, &chosen).await?,
        evidence: entered(typed, "evidence").to_owned(),
        errors,
    };
    Ok((status, render(&page)).into_response())
}

pub async fn change(State(state): State<AppState>, StaffPage(staff): StaffPage, Path(id): Path<String>) -> PageResult {
    change_page(&state, &staff, &id, &[], Vec::new(), StatusCode::OK).await
}

pub async fn record_step(
    State(state): State<AppState>,
    StaffPage(staff): StaffPage,
    Path(id): Path<String>,
    PagePairs(pairs): PagePairs,
) -> PageResult {
    let command: RecordStep = read(pairs.clone())?;
    match changes::record_step(&state, &staff, &id, command).await {
        Ok(_) => Ok(Redirect::to(&format!("/toegang/wijzigingen/{id}")).into_response()),
        Err(error) => {
            let problem = refused(error)?;
            change_page(&state, &staff, &id, &pairs, problem.errors, problem.status).await
        }
    }
}

pub async fn approve_change(
    State(state): State<AppState>,
    StaffPage(staff): StaffPage,
    Path(id): Path<String>,
) -> PageResult {
    match changes::approve(&state, &staff, &id).await {
        Ok(_) => Ok(Redirect::to(&format!("/toegang/wijzigingen/{id}")).into_response()),
        Err(error) => {
            let problem = refused(error)?;
            change_page(&state, &staff, &id, &[], problem.errors, problem.status).await
        }
    }
}

pub async fn cancel_change(
    State(state): State<AppState>,
    StaffPage(staff): StaffPage,
    Path(id): Path<String>,
) -> PageResult {
    match changes::cancel(&state, &staff, &id).await {
        Ok(_) => Ok(Redirect::to(&format!("/toegang/wijzigingen/{id}")).into_response()),
        Err(error) => {
            let problem = refused(error)?;
            change_page(&state, &staff, &id, &[], problem.errors, problem.status).await
        }
    }
}

// ---------------------------------------------------------------- account lists

#[derive(Template)]
#[template(path = "access_accounts.html")]
struct AccountsPage {
    layout: Layout,
    differences: Differences,
    /// When the list was read in, as the pages write moments.
    imported: Option<String>,
    errors: Vec<FieldError>,
    imported_now: bool,
}

async fn accounts_page(
    state: &AppState,
    staff: &Staff,
    differences: Differences,
    errors: Vec<FieldError>,
    imported_now: bool,
    status: StatusCode,
) -> PageResult {
    let imported =
        differences.imported_at.as_deref().and_then(|at| at.parse().ok()).map(aantoonbaar_app::incidents::moment);
    let page = AccountsPage {
        layout: Layout::for_staff(state, staff, &differences.system_name.clone(), "/toegang"),
        imported,
        differences,
        errors,
        imported_now,
    };
    Ok((status, render(&page)).into_response())
}

pub async fn system_accounts(
    State(state): State<AppState>,
    StaffPage(staff): StaffPage,
    Path(id): Path<String>,
) -> PageResult {
    let differences = accounts::differences(&state, &staff, &id).await?;
    accounts_page(&state, &staff, differences, Vec::new(), false, StatusCode::OK).await
}

pub async fn import_accounts(
    State(state): State<AppState>,
    StaffPage(staff): StaffPage,
    Path(id): Path<String>,
    mut multipart: Multipart,
) -> PageResult {
    let (bytes, _) = upload(&mut multipart).await;
    let refused_with = |errors: Vec<FieldError>, status: StatusCode| {
        let (state, staff, id) = (state.clone(), staff.clone(), id.clone());
        async move {
            let differences = accounts::differences(&state, &staff, &id).await?;
            accounts_page(&state, &staff, differences, errors, false, status).await
        }
    };
    if bytes.is_empty() {
        return refused_with(vec![FieldError::new("file", "import.no_file")], StatusCode::UNPROCESSABLE_ENTITY).await;
    }
    match accounts::import(&state, &staff, &id, &bytes).await {
        Ok(differences) => accounts_page(&state, &staff, differences, Vec::new(), true, StatusCode::OK).await,
        Err(error) => {
            let problem = refused(error)?;
            refused_with(problem.errors, problem.status).await
        }
    }
}
