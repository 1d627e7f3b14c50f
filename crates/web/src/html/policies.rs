//! The policy pages (issue 17, `/beleid`): every kind with its version in
//! force and its history, a version with its text, the employee's own
//! signature after reading, the adoption by the CvB, and who signed and who
//! has not, per school, with the paper signatures the administration
//! records; and the public page of what the board publishes. The same
//! operations as the API (`aantoonbaar_app::policy_documents`); a refused
//! form shows again with what was typed.

use super::access::school_name;
use super::form::{PagePairs, entered, read, refused};
use super::{Layout, PageResult, filters, render};
use crate::AppState;
use crate::auth::{Staff, StaffPage};
use crate::csrf::CsrfToken;
use crate::error::FieldError;
use crate::i18n::t;
use aantoonbaar_app::policy_documents::{
    self as app, AdoptCommand, KindOverview, PolicyCommand, PolicyOut, SignCommand, SignatureStatus,
};
use aantoonbaar_rules::Action;
use aantoonbaar_rules::policy_documents::PolicyKind;
use aantoonbaar_store::{School, Scope};
use askama::Template;
use axum::Extension;
use axum::extract::{Multipart, Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect};

/// A kind as a choice of the new-version form.
pub struct KindChoice {
    pub code: &'static str,
    pub label: &'static str,
    pub chosen: bool,
}

#[derive(Template)]
#[template(path = "policies.html")]
struct OverviewPage {
    layout: Layout,
    kinds: Vec<KindOverview>,
    to_sign: Vec<PolicyOut>,
    may_manage: bool,
    may_see_signatures: bool,
    choices: Vec<KindChoice>,
    typed: Vec<(String, String)>,
    errors: Vec<FieldError>,
}

async fn overview_page(
    state: &AppState,
    staff: &Staff,
    typed: Vec<(String, String)>,
    errors: Vec<FieldError>,
    status: StatusCode,
) -> PageResult {
    let kinds = app::overview(state, staff).await?;
    let chosen = entered(&typed, "kind").to_owned();
    let page = OverviewPage {
        layout: Layout::for_staff(state, staff, t("policy.title"), "/beleid"),
        kinds,
        to_sign: app::to_sign(state, staff).await?,
        may_manage: staff.can(Action::PolicyManage),
        may_see_signatures: staff.can(Action::SignatureView),
        choices: PolicyKind::ALL
            .iter()
            .map(|k| KindChoice { code: k.code(), label: app::kind_label(*k), chosen: k.code() == chosen })
            .collect(),
        typed,
        errors,
    };
    Ok((status, render(&page)).into_response())
}

impl OverviewPage {
    fn typed(&self, field: &str) -> &str {
        entered(&self.typed, field)
    }
}

pub async fn overview(State(state): State<AppState>, StaffPage(staff): StaffPage) -> PageResult {
    overview_page(&state, &staff, Vec::new(), Vec::new(), StatusCode::OK).await
}

pub async fn create(
    State(state): State<AppState>,
    StaffPage(staff): StaffPage,
    PagePairs(pairs): PagePairs,
) -> PageResult {
    let command: PolicyCommand = read(pairs.clone())?;
    match app::create(&state, &staff, command).await {
        Ok(created) => Ok(Redirect::to(&format!("/beleid/{}", created.id)).into_response()),
        Err(error) => {
            let problem = refused(error)?;
            overview_page(&state, &staff, pairs, problem.errors, problem.status).await
        }
    }
}

// ---------------------------------------------------------------- one version

#[derive(Template)]
#[template(path = "policy.html")]
struct VersionPage {
    layout: Layout,
    doc: PolicyOut,
    /// The caller still has to sign this version.
    to_sign: bool,
    /// The caller signed it, on this day.
    signed_on: Option<String>,
    may_manage: bool,
    may_see_signatures: bool,
    /// Which form was refused (`edit`, `adopt`, `sign`, `file`), with what was typed.
    form: &'static str,
    typed: Vec<(String, String)>,
    errors: Vec<FieldError>,
    today: String,
}

impl VersionPage {
    /// What was typed in `field` when `form` was refused, else `stored`.
    fn value<'a>(&'a self, form: &str, field: &str, stored: &'a str) -> &'a str {
        if self.form == form && !self.errors.is_empty() { entered(&self.typed, field) } else { stored }
    }

    /// Whether the refused form's `field` has an error (the field is marked and points to it).
    fn error_on(&self, field: &str) -> bool {
        self.errors.iter().any(|e| e.field == field)
    }
}

async fn version_page(
    state: &AppState,
    staff: &Staff,
    id: &str,
    form: &'static str,
    typed: Vec<(String, String)>,
    errors: Vec<FieldError>,
    status: StatusCode,
) -> PageResult {
    let doc = app::one(state, staff, id).await?;
    let to_sign = app::to_sign(state, staff).await?.iter().any(|v| v.id == doc.id);
    let signed_on = if doc.signed_by_staff && !to_sign {
        app::own_signature(state, staff, &doc.id).await?.map(|s| aantoonbaar_app::requests::dutch_date(s.signed_on))
    } else {
        None
    };
    let page = VersionPage {
        layout: Layout::for_staff(state, staff, &doc.title, "/beleid"),
        to_sign,
        signed_on,
        may_manage: staff.can(Action::PolicyManage),
        may_see_signatures: staff.can(Action::SignatureView) && doc.signed_by_staff && doc.state != "draft",
        form,
        typed,
        errors,
        today: state.clock.today().to_string(),
        doc,
    };
    Ok((status, render(&page)).into_response())
}

pub async fn version(State(state): State<AppState>, StaffPage(staff): StaffPage, Path(id): Path<String>) -> PageResult {
    version_page(&state, &staff, &id, "", Vec::new(), Vec::new(), StatusCode::OK).await
}

/// The outcome of a form of the version page: back to the page, or the page
/// again with the refused form.
async fn after(
    state: &AppState,
    staff: &Staff,
    id: &str,
    form: &'static str,
    pairs: Vec<(String, String)>,
    outcome: aantoonbaar_app::Result<impl Sized>,
    to: &str,
) -> PageResult {
    match outcome {
        Ok(_) => Ok(Redirect::to(to).into_response()),
        Err(error) => {
            let problem = refused(error)?;
            version_page(state, staff, id, form, pairs, problem.errors, problem.status).await
        }
    }
}

pub async fn update(
    State(state): State<AppState>,
    StaffPage(staff): StaffPage,
    Path(id): Path<String>,
    PagePairs(pairs): PagePairs,
) -> PageResult {
    let command: PolicyCommand = read(pairs.clone())?;
    let outcome = app::update(&state, &staff, &id, command).await;
    after(&state, &staff, &id, "edit", pairs, outcome, &format!("/beleid/{id}")).await
}

/// Uploads a file into a draft (a multipart form; its CSRF token rides in the action's query).
pub async fn upload(
    State(state): State<AppState>,
    StaffPage(staff): StaffPage,
    Path(id): Path<String>,
    multipart: Multipart,
) -> PageResult {
    let upload = crate::api::policies::read_file(multipart).await?;
    let outcome = app::attach_file(&state, &staff, &id, upload).await;
    after(&state, &staff, &id, "file", Vec::new(), outcome, &format!("/beleid/{id}")).await
}

pub async fn adopt(
    State(state): State<AppState>,
    StaffPage(staff): StaffPage,
    Path(id): Path<String>,
    PagePairs(pairs): PagePairs,
) -> PageResult {
    let mut command: AdoptCommand = read(pairs.clone())?;
    // An unticked box sends nothing: on the page that means "not public".
    command.public.get_or_insert(aantoonbaar_app::input::Given::Value(false));
    let outcome = app::adopt(&state, &staff, &id, command).await;
    after(&state, &staff, &id, "adopt", pairs, outcome, &format!("/beleid/{id}")).await
}

pub async fn publish(
    State(state): State<AppState>,
    StaffPage(staff): StaffPage,
    Path(id): Path<String>,
    PagePairs(pairs): PagePairs,
) -> PageResult {
    let public = entered(&pairs, "public") == "ja";
    let outcome = app::publish(&state, &staff, &id, public).await;
    after(&state, &staff, &id, "publish", pairs, outcome, &format!("/beleid/{id}")).await
}

/// The employee's own signature: the form's "I have read it" box must be ticked.
pub async fn sign(
    State(state): State<AppState>,
    StaffPage(staff): StaffPage,
    Path(id): Path<String>,
    PagePairs(pairs): PagePairs,
) -> PageResult {
    let read_it = entered(&pairs, "read") == "ja";
    let command = SignCommand { read: Some(aantoonbaar_app::input::Given::Value(read_it)), ..SignCommand::default() };
    let outcome = app::sign(&state, &staff, &id, command).await;
    after(&state, &staff, &id, "sign", pairs, outcome, &format!("/beleid/{id}?ondertekend=ja")).await
}

pub async fn file(State(state): State<AppState>, StaffPage(staff): StaffPage, Path(id): Path<String>) -> PageResult {
    let (doc, media_type, bytes) = app::file(&state, &staff, &id).await?;
    Ok(crate::download::attachment(&media_type, doc.file_name.as_deref().unwrap_or("document"), bytes))
}

// ---------------------------------------------------------------- signatures

/// The people of one school (or the board office) on the signature page.
pub struct SchoolPart {
    pub name: String,
    pub signed: usize,
    pub expected: usize,
    pub not_signed: Vec<aantoonbaar_app::policy_documents::UnsignedRow>,
}

#[derive(Template)]
#[template(path = "policy_signatures.html")]
struct SignaturesPage {
    layout: Layout,
    doc: PolicyOut,
    status: SignatureStatus,
    parts: Vec<SchoolPart>,
    schools: Vec<School>,
    may_record: bool,
    typed: Vec<(String, String)>,
    errors: Vec<FieldError>,
    today: String,
}

impl SignaturesPage {
    fn school(&self, id: Option<&String>) -> String {
        school_name(&self.schools, id.map(String::as_str))
    }

    fn typed(&self, field: &str) -> &str {
        entered(&self.typed, field)
    }
}

async fn signatures_page(
    state: &AppState,
    staff: &Staff,
    id: &str,
    typed: Vec<(String, String)>,
    errors: Vec<FieldError>,
    status: StatusCode,
) -> PageResult {
    let doc = app::one(state, staff, id).await?;
    let signatures = app::signatures(state, staff, id).await?;
    let schools = state.store.board(&staff.principal.board).schools(&Scope::Board).await?;
    let mut keys: Vec<Option<String>> = signatures
        .signed
        .iter()
        .filter(|s| s.employed)
        .map(|s| s.school_id.clone())
        .chain(signatures.not_signed.iter().map(|u| u.school_id.clone()))
        .collect();
    keys.sort();
    keys.dedup();
    let mut parts: Vec<SchoolPart> = keys
        .iter()
        .map(|key| {
            let signed = signatures.signed.iter().filter(|s| s.employed && s.school_id == *key).count();
            let not_signed: Vec<_> = signatures.not_signed.iter().filter(|u| u.school_id == *key).cloned().collect();
            SchoolPart {
                name: school_name(&schools, key.as_deref()),
                signed,
                expected: signed + not_signed.len(),
                not_signed,
            }
        })
        .collect();
    parts.sort_by(|a, b| a.name.cmp(&b.name));
    let page = SignaturesPage {
        layout: Layout::for_staff(state, staff, t("policy.signatures.title"), "/beleid"),
        may_record: staff.can(Action::SignatureRecord) && doc.in_force(),
        doc,
        status: signatures,
        parts,
        schools,
        typed,
        errors,
        today: state.clock.today().to_string(),
    };
    Ok((status, render(&page)).into_response())
}

pub async fn signatures(
    State(state): State<AppState>,
    StaffPage(staff): StaffPage,
    Path(id): Path<String>,
) -> PageResult {
    signatures_page(&state, &staff, &id, Vec::new(), Vec::new(), StatusCode::OK).await
}

/// A signature given on paper, recorded by the administration.
pub async fn record_paper(
    State(state): State<AppState>,
    StaffPage(staff): StaffPage,
    Path(id): Path<String>,
    PagePairs(mut pairs): PagePairs,
) -> PageResult {
    pairs.push(("channel".to_owned(), "paper".to_owned()));
    let command: SignCommand = read(pairs.clone())?;
    match app::sign(&state, &staff, &id, command).await {
        Ok(_) => Ok(Redirect::to(&format!("/beleid/{id}/ondertekeningen")).into_response()),
        Err(error) => {
            let problem = refused(error)?;
            signatures_page(&state, &staff, &id, pairs, problem.errors, problem.status).await
        }
    }
}

// ---------------------------------------------------------------- public

#[derive(Template)]
#[template(path = "policies_public.html")]
struct PublicPage {
    layout: Layout,
    board_id: String,
    board_name: String,
    versions: Vec<PolicyOut>,
    /// The version shown in full, when one is chosen.
    shown: Option<PolicyOut>,
}

async fn public_page(state: &AppState, csrf: &CsrfToken, board: &str, id: Option<&str>) -> PageResult {
    let (board_name, versions) = app::public_versions(state, board).await?;
    let shown = match id {
        Some(id) => Some(versions.iter().find(|v| v.id == id).cloned().ok_or(aantoonbaar_app::Error::NotFound)?),
        None => None,
    };
    let title = shown.as_ref().map_or_else(|| t("policy.public.title").to_owned(), |v| v.title.clone());
    Ok(render(&PublicPage {
        layout: Layout::public(state, csrf, &title),
        board_id: board.to_owned(),
        board_name,
        versions,
        shown,
    }))
}

/// `/beleidsstukken/{board}`: what the board publishes, no sign-in.
pub async fn public(
    State(state): State<AppState>,
    Extension(csrf): Extension<CsrfToken>,
    Path(board): Path<String>,
) -> PageResult {
    public_page(&state, &csrf, &board, None).await
}

/// `/beleidsstukken/{board}/{id}`: one published version in full.
pub async fn public_version(
    State(state): State<AppState>,
    Extension(csrf): Extension<CsrfToken>,
    Path((board, id)): Path<(String, String)>,
) -> PageResult {
    public_page(&state, &csrf, &board, Some(&id)).await
}

/// `/beleidsstukken/{board}/{id}/bestand`: a published version's file.
pub async fn public_file(State(state): State<AppState>, Path((board, id)): Path<(String, String)>) -> PageResult {
    let (doc, media_type, bytes) = app::public_file(&state, &board, &id).await?;
    Ok(crate::download::attachment(&media_type, doc.file_name.as_deref().unwrap_or("document"), bytes))
}
