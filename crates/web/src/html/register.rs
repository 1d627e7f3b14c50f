//! The processing register's pages: the overview with what is missing and the
//! adoption, one activity with its form and the FG's comments, the board's
//! profile, and an adopted version. Forms call the same operations as the API
//! (`aantoonbaar_app::register`), so both refuse alike.

use super::filters;
use super::form::{PagePairs, Refused, read, refused};
use super::{Layout, PageResult, render};
use crate::AppState;
use crate::auth::{Staff, StaffPage};
use crate::error::{FieldError, Problem};
use crate::i18n::t;
use aantoonbaar_app::register::activities::{self, ActivityCommand, Checked, Missing};
use aantoonbaar_app::register::adoption::{self, ActivityChange, Adopt};
use aantoonbaar_app::register::comments::{self, Comment};
use aantoonbaar_app::register::profile::{self, SetProfile};
use aantoonbaar_app::register::template;
use aantoonbaar_app::requests::dutch_date;
use aantoonbaar_rules::Action;
use aantoonbaar_rules::register::{
    Activity, ActivityStatus, Classification, DataCategory, LegalBasis, RecipientKind, Safeguard, SpecialCondition,
    SubjectCategory,
};
use aantoonbaar_store::{RegisterComment, RegisterVersion, Scope};
use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect};
use serde_json::{Map, Value};

/// A code with its Dutch label, for a select or a checkbox.
pub struct Choice {
    pub code: String,
    pub label: String,
    pub checked: bool,
}

fn choices<T: Copy>(all: &[T], code: fn(T) -> &'static str, prefix: &str, chosen: &[String]) -> Vec<Choice> {
    all.iter()
        .map(|v| {
            let code = code(*v);
            Choice {
                code: code.to_owned(),
                label: t(&format!("{prefix}.{code}")).to_owned(),
                checked: chosen.iter().any(|c| c == code),
            }
        })
        .collect()
}

// ---------------------------------------------------------------- the overview

struct ActivityRow {
    id: String,
    name: String,
    school: String,
    status: String,
    missing: usize,
}

#[derive(Template)]
#[template(path = "register.html")]
struct RegisterPage {
    layout: Layout,
    rows: Vec<ActivityRow>,
    open: usize,
    register_findings: Vec<Missing>,
    changes: Vec<ChangeRow>,
    versions: Vec<VersionRow>,
    has_profile: bool,
    can_manage: bool,
    can_adopt: bool,
    /// How many of the template's activities the register lacks, and that said.
    template_missing: usize,
    template_add_hint: String,
    refused: Refused,
}

struct VersionRow {
    version: i64,
    adopted_at: String,
    adopted_by: String,
    decision: String,
    sha256: String,
}

impl From<RegisterVersion> for VersionRow {
    fn from(v: RegisterVersion) -> Self {
        Self {
            version: v.version,
            adopted_at: dutch_date(v.adopted_at.to_zoned(jiff::tz::TimeZone::UTC).date()),
            adopted_by: v.adopted_by_name,
            decision: v.decision,
            sha256: v.sha256,
        }
    }
}

async fn overview(state: &AppState, staff: &Staff, refused: Refused, status: StatusCode) -> PageResult {
    let overview = activities::list(state, staff).await?;
    let board = state.store.board(&staff.principal.board);
    let schools = board.schools(staff.may(Action::RegisterView)?).await?;
    let school_name = |id: &Option<String>| {
        id.as_ref().map_or_else(
            || t("register.all_schools").to_owned(),
            |id| schools.iter().find(|s| &s.id == id).map_or_else(String::new, |s| s.name.clone()),
        )
    };
    let open = overview.open_findings();
    let template_missing = aantoonbaar_rules::register::template::missing_from(
        overview.activities.iter().map(|a| a.stored.activity.name.as_str()),
    )
    .len();
    let rows = overview
        .activities
        .iter()
        .map(|a| ActivityRow {
            id: a.stored.id.clone(),
            name: a.stored.activity.name.clone(),
            school: school_name(&a.stored.school_id),
            status: t(&format!("register.status.{}", a.stored.activity.status.code())).to_owned(),
            missing: a.completeness.missing.len(),
        })
        .collect();
    let page = RegisterPage {
        layout: Layout::for_staff(state, staff, t("register.title"), "/register"),
        rows,
        open,
        register_findings: overview.register_findings,
        changes: change_rows(adoption::changes_since_adoption(state, staff).await?),
        versions: adoption::versions(state, staff).await?.into_iter().map(VersionRow::from).collect(),
        has_profile: board.board_profile().await?.is_some(),
        can_manage: staff.can(Action::RegisterManage),
        can_adopt: staff.can(Action::RegisterAdopt),
        template_missing,
        template_add_hint: crate::i18n::tf("register.template_add_hint", &[("count", &template_missing.to_string())]),
        refused,
    };
    Ok((status, render(&page)).into_response())
}

pub async fn show(State(state): State<AppState>, StaffPage(staff): StaffPage) -> PageResult {
    overview(&state, &staff, Refused::default(), StatusCode::OK).await
}

fn no_anchor(_: &str, field: &str) -> Option<String> {
    Some(field.to_owned())
}

pub async fn adopt(
    State(state): State<AppState>,
    StaffPage(staff): StaffPage,
    PagePairs(pairs): PagePairs,
) -> PageResult {
    let command: Adopt = read(pairs.clone())?;
    match adoption::adopt(&state, &staff, command).await {
        Ok(adopted) => Ok(Redirect::to(&format!("/register/versies/{}", adopted.version)).into_response()),
        Err(error) => {
            let problem = refused(error)?;
            let refused = Refused::new("adopt", pairs, problem.errors.clone(), no_anchor);
            overview(&state, &staff, with_detail(refused, &problem), problem.status).await
        }
    }
}

/// A refusal without field errors (a conflict) still says why.
fn with_detail(refused: Refused, problem: &Problem) -> Refused {
    if refused.errors.is_empty() {
        let error =
            FieldError { field: String::new(), line: None, code: String::new(), detail: problem.detail.clone() };
        Refused::new("adopt", Vec::new(), vec![error], |_, _| None)
    } else {
        refused
    }
}

pub async fn apply_template(State(state): State<AppState>, StaffPage(staff): StaffPage) -> PageResult {
    match template::apply(&state, &staff).await {
        Ok(_) => Ok(Redirect::to("/register").into_response()),
        Err(error) => {
            let problem = refused(error)?;
            overview(&state, &staff, with_detail(Refused::default(), &problem), problem.status).await
        }
    }
}

// ---------------------------------------------------------------- one activity and its form

/// A row of a list in the form: its index and the values of its fields.
struct FormRow {
    index: usize,
    values: Vec<(String, String)>,
}

impl FormRow {
    fn get(&self, field: &str) -> &str {
        self.values.iter().find(|(k, _)| k == field).map_or("", |(_, v)| v.as_str())
    }
}

/// The lists of the activity form and their fields.
const LISTS: [(&str, &[&str], usize); 4] = [
    ("purposes", &["text", "legal_basis", "legal_source", "consent_purpose", "balancing_test"], 2),
    ("special_categories", &["category", "condition"], 1),
    ("recipients", &["name", "kind", "supplier_id"], 2),
    ("transfers", &["country", "safeguard", "recipient"], 1),
];
const TEXTS: &[&str] =
    &["name", "description", "retention", "security_measures", "owner", "source", "automated_decisions"];
const CODES: &[&str] = &["classification", "review_date", "school_id", "status"];
const CHECKBOXES: &[&str] = &["subject_categories", "data_categories", "system_ids"];

/// The form's pairs as the command's JSON: every text present (empty clears),
/// each checkbox group a list, each list's rows by index (a row left empty goes).
fn command_json(pairs: &[(String, String)]) -> Value {
    let first = |key: &str| pairs.iter().find(|(k, _)| k == key).map(|(_, v)| v.clone());
    let mut object = Map::new();
    for field in TEXTS.iter().chain(CODES) {
        match first(field) {
            Some(value) if !(value.trim().is_empty() && *field == "status") => {
                object.insert((*field).to_owned(), Value::String(value));
            }
            _ => {}
        }
    }
    for field in CHECKBOXES {
        let values = pairs.iter().filter(|(k, v)| k == field && !v.is_empty()).map(|(_, v)| Value::String(v.clone()));
        object.insert((*field).to_owned(), Value::Array(values.collect()));
    }
    for (list, fields, _) in LISTS {
        let rows = rows_of(pairs, list, fields);
        let items = rows.into_iter().filter(|row| row.values.iter().any(|(_, v)| !v.trim().is_empty())).map(|row| {
            let item: Map<String, Value> = row
                .values
                .into_iter()
                .filter(|(_, v)| !v.trim().is_empty())
                .map(|(k, v)| (k, Value::String(v)))
                .collect();
            Value::Object(item)
        });
        object.insert((*list).to_owned(), Value::Array(items.collect()));
    }
    Value::Object(object)
}

/// The rows of `list` in the pairs (`purposes.0.text`), in index order.
fn rows_of(pairs: &[(String, String)], list: &str, fields: &[&str]) -> Vec<FormRow> {
    let mut rows: Vec<FormRow> = Vec::new();
    for (key, value) in pairs {
        let Some(rest) = key.strip_prefix(list).and_then(|r| r.strip_prefix('.')) else { continue };
        let Some((index, field)) = rest.split_once('.') else { continue };
        let (Ok(index), true) = (index.parse::<usize>(), fields.contains(&field)) else { continue };
        match rows.iter_mut().find(|r| r.index == index) {
            Some(row) => row.values.push((field.to_owned(), value.clone())),
            None => rows.push(FormRow { index, values: vec![(field.to_owned(), value.clone())] }),
        }
    }
    rows.sort_by_key(|r| r.index);
    rows
}

/// An activity as the pairs its form would post, to show it in the form.
fn pairs_of(school_id: Option<&str>, a: &Activity) -> Vec<(String, String)> {
    let mut pairs: Vec<(String, String)> = Vec::new();
    let mut push = |k: String, v: &str| pairs.push((k, v.to_owned()));
    let opt = |v: &Option<String>| v.clone().unwrap_or_default();
    push("name".into(), &a.name);
    push("description".into(), &opt(&a.description));
    push("retention".into(), &opt(&a.retention));
    push("security_measures".into(), &opt(&a.security_measures));
    push("owner".into(), &opt(&a.owner));
    push("source".into(), &opt(&a.source));
    push("automated_decisions".into(), &opt(&a.automated_decisions));
    push("classification".into(), a.classification.map_or("", Classification::code));
    push("review_date".into(), &a.review_date.map(|d| d.to_string()).unwrap_or_default());
    push("school_id".into(), school_id.unwrap_or(""));
    push("status".into(), a.status.code());
    for c in &a.subject_categories {
        push("subject_categories".into(), c.code());
    }
    for c in &a.data_categories {
        push("data_categories".into(), c.code());
    }
    for id in &a.system_ids {
        push("system_ids".into(), id);
    }
    for (i, p) in a.purposes.iter().enumerate() {
        push(format!("purposes.{i}.text"), &p.text);
        push(format!("purposes.{i}.legal_basis"), p.legal_basis.code());
        push(format!("purposes.{i}.legal_source"), &opt(&p.legal_source));
        push(format!("purposes.{i}.consent_purpose"), &opt(&p.consent_purpose));
        push(format!("purposes.{i}.balancing_test"), &opt(&p.balancing_test));
    }
    for (i, s) in a.special_categories.iter().enumerate() {
        push(format!("special_categories.{i}.category"), s.category.code());
        push(format!("special_categories.{i}.condition"), s.condition.map_or("", SpecialCondition::code));
    }
    for (i, r) in a.recipients.iter().enumerate() {
        push(format!("recipients.{i}.name"), &r.name);
        push(format!("recipients.{i}.kind"), r.kind.code());
        push(format!("recipients.{i}.supplier_id"), &opt(&r.supplier_id));
    }
    for (i, tr) in a.transfers.iter().enumerate() {
        push(format!("transfers.{i}.country"), &tr.country);
        push(format!("transfers.{i}.safeguard"), tr.safeguard.map_or("", Safeguard::code));
        push(format!("transfers.{i}.recipient"), &opt(&tr.recipient));
    }
    pairs
}

/// The activity form as the page shows it: what is stored or what was typed,
/// with room for one or two more rows per list.
struct ActivityForm {
    action: String,
    values: Vec<(String, String)>,
    purposes: Vec<FormRow>,
    specials: Vec<FormRow>,
    recipients: Vec<FormRow>,
    transfers: Vec<FormRow>,
    subjects: Vec<Choice>,
    data: Vec<Choice>,
    systems: Vec<Choice>,
    bases: Vec<Choice>,
    conditions: Vec<Choice>,
    special_data: Vec<Choice>,
    kinds: Vec<Choice>,
    safeguards: Vec<Choice>,
    classifications: Vec<Choice>,
    statuses: Vec<Choice>,
    schools: Vec<Choice>,
    consent_purposes: Vec<Choice>,
}

impl ActivityForm {
    fn value(&self, field: &str) -> &str {
        self.values.iter().find(|(k, _)| k == field).map_or("", |(_, v)| v.as_str())
    }

    async fn build(
        state: &AppState,
        staff: &Staff,
        action: String,
        pairs: Vec<(String, String)>,
    ) -> Result<Self, Problem> {
        let board = state.store.board(&staff.principal.board);
        let chosen =
            |field: &str| -> Vec<String> { pairs.iter().filter(|(k, _)| k == field).map(|(_, v)| v.clone()).collect() };
        let padded = |list: &str, fields: &[&str], extra: usize| {
            let mut rows = rows_of(&pairs, list, fields);
            let next = rows.last().map_or(0, |r| r.index + 1);
            rows.extend((next..next + extra).map(|index| FormRow { index, values: Vec::new() }));
            rows
        };
        let [(_, pf, pe), (_, sf, se), (_, rf, re), (_, tf, te)] = LISTS;
        let schools = board.schools(&Scope::Board).await?;
        let school = chosen("school_id");
        let mut school_choices = vec![Choice {
            code: String::new(),
            label: t("register.all_schools").to_owned(),
            checked: school.iter().all(String::is_empty),
        }];
        school_choices.extend(schools.into_iter().map(|s| Choice {
            checked: school.contains(&s.id),
            code: s.id,
            label: s.name,
        }));
        let chosen_systems = chosen("system_ids");
        let systems = aantoonbaar_app::parties::systems(state, staff)
            .await?
            .into_iter()
            .filter(|s| s.data.in_use || chosen_systems.contains(&s.id))
            .map(|s| Choice {
                checked: chosen_systems.contains(&s.id),
                label: s.supplier_name.map_or_else(|| s.data.name.clone(), |by| format!("{} ({by})", s.data.name)),
                code: s.id,
            })
            .collect();
        let consent = board.consent_purposes(state.clock.now()).await?;
        let consent_purposes =
            consent.into_iter().map(|p| Choice { code: p.code, label: p.name, checked: false }).collect();
        let specials: Vec<DataCategory> = DataCategory::ALL.iter().copied().filter(|c| c.is_special()).collect();
        let statuses: Vec<ActivityStatus> =
            ActivityStatus::ALL.iter().copied().filter(|s| *s != ActivityStatus::Adopted).collect();
        Ok(Self {
            action,
            purposes: padded("purposes", pf, pe),
            specials: padded("special_categories", sf, se),
            recipients: padded("recipients", rf, re),
            transfers: padded("transfers", tf, te),
            subjects: choices(
                SubjectCategory::ALL,
                SubjectCategory::code,
                "register.subject",
                &chosen("subject_categories"),
            ),
            data: choices(
                &DataCategory::ALL.iter().copied().filter(|c| !c.is_special()).collect::<Vec<_>>(),
                DataCategory::code,
                "register.data",
                &chosen("data_categories"),
            ),
            systems,
            bases: choices(LegalBasis::ALL, LegalBasis::code, "register.basis", &[]),
            conditions: choices(SpecialCondition::ALL, SpecialCondition::code, "register.condition", &[]),
            special_data: choices(&specials, DataCategory::code, "register.data", &[]),
            kinds: choices(RecipientKind::ALL, RecipientKind::code, "register.recipient", &[]),
            safeguards: choices(Safeguard::ALL, Safeguard::code, "register.safeguard", &[]),
            classifications: choices(
                Classification::ALL,
                Classification::code,
                "register.classification",
                &chosen("classification"),
            ),
            statuses: choices(&statuses, ActivityStatus::code, "register.status", &chosen("status")),
            schools: school_choices,
            consent_purposes,
            values: pairs,
        })
    }
}

/// The id of a field's input: `purposes[1].legal_basis` → `purposes-1-legal_basis`;
/// an item of a checkbox group → the group.
fn anchor(_: &str, field: &str) -> Option<String> {
    let group = CHECKBOXES.iter().find(|c| field.starts_with(&format!("{c}[")));
    Some(group.map_or_else(
        || field.replace('[', "-").replace("].", "-").replace(']', "").replace('.', "-"),
        |g| (*g).to_owned(),
    ))
}

#[derive(Template)]
#[template(path = "register_activity.html")]
struct ActivityPage {
    layout: Layout,
    checked: Option<Checked>,
    view: Option<ActivityView>,
    comments: Vec<RegisterComment>,
    can_comment: bool,
    form: Option<ActivityForm>,
    refused: Refused,
}

/// An activity in words, for reading.
struct ActivityView {
    purposes: Vec<(String, String)>,
    subjects: String,
    data: String,
    specials: Vec<String>,
    recipients: Vec<String>,
    transfers: Vec<String>,
    classification: String,
    status: String,
    review_date: String,
}

fn label(prefix: &str, code: &str) -> String {
    t(&format!("{prefix}.{code}")).to_owned()
}

impl ActivityView {
    fn of(a: &Activity) -> Self {
        let join = |labels: Vec<String>| labels.join(", ");
        Self {
            purposes: a
                .purposes
                .iter()
                .map(|p| {
                    let basis = label("register.basis", p.legal_basis.code());
                    let basis = p.legal_source.as_ref().map_or(basis.clone(), |s| format!("{basis} ({s})"));
                    (p.text.clone(), basis)
                })
                .collect(),
            subjects: join(a.subject_categories.iter().map(|c| label("register.subject", c.code())).collect()),
            data: join(a.data_categories.iter().map(|c| label("register.data", c.code())).collect()),
            specials: a
                .special()
                .iter()
                .map(|s| {
                    let condition = s.condition.map_or_else(
                        || t("register.no_condition").to_owned(),
                        |c| label("register.condition", c.code()),
                    );
                    format!("{}: {condition}", label("register.data", s.category.code()))
                })
                .collect(),
            recipients: a
                .recipients
                .iter()
                .map(|r| format!("{} ({})", r.name, label("register.recipient", r.kind.code())))
                .collect(),
            transfers: a
                .transfers
                .iter()
                .map(|tr| {
                    let safeguard = tr.safeguard.map_or_else(
                        || t("register.no_safeguard").to_owned(),
                        |s| label("register.safeguard", s.code()),
                    );
                    format!("{}: {safeguard}", tr.country)
                })
                .collect(),
            classification: a.classification.map_or_else(String::new, |c| label("register.classification", c.code())),
            status: label("register.status", a.status.code()),
            review_date: a.review_date.map(dutch_date).unwrap_or_default(),
        }
    }
}

async fn activity_page(
    state: &AppState,
    staff: &Staff,
    id: &str,
    typed: Option<(Vec<(String, String)>, Problem)>,
) -> PageResult {
    let checked = activities::get(state, staff, id).await?;
    let comments = comments::list(state, staff, id).await?;
    let (status, refused, pairs) = match typed {
        Some((pairs, problem)) => {
            let refused = Refused::new("activity", pairs.clone(), problem.errors.clone(), anchor);
            (problem.status, refused, pairs)
        }
        None => (
            StatusCode::OK,
            Refused::default(),
            pairs_of(checked.stored.school_id.as_deref(), &checked.stored.activity),
        ),
    };
    let form = if staff.can(Action::RegisterManage) {
        Some(ActivityForm::build(state, staff, format!("/register/{id}"), pairs).await?)
    } else {
        None
    };
    let page = ActivityPage {
        layout: Layout::for_staff(state, staff, &checked.stored.activity.name, "/register"),
        view: Some(ActivityView::of(&checked.stored.activity)),
        checked: Some(checked),
        comments,
        can_comment: staff.can(Action::RegisterComment),
        form,
        refused,
    };
    Ok((status, render(&page)).into_response())
}

pub async fn activity(
    State(state): State<AppState>,
    StaffPage(staff): StaffPage,
    Path(id): Path<String>,
) -> PageResult {
    activity_page(&state, &staff, &id, None).await
}

pub async fn update(
    State(state): State<AppState>,
    StaffPage(staff): StaffPage,
    Path(id): Path<String>,
    PagePairs(pairs): PagePairs,
) -> PageResult {
    let command: ActivityCommand = decode(&pairs)?;
    match activities::update(&state, &staff, &id, command).await {
        Ok(_) => Ok(Redirect::to(&format!("/register/{id}")).into_response()),
        Err(error) => activity_page(&state, &staff, &id, Some((pairs, refused(error)?))).await,
    }
}

fn decode(pairs: &[(String, String)]) -> Result<ActivityCommand, Problem> {
    serde_json::from_value(command_json(pairs)).map_err(|e| Problem::bad_request(e.to_string()))
}

pub async fn new_form(State(state): State<AppState>, StaffPage(staff): StaffPage) -> PageResult {
    new_page(&state, &staff, Vec::new(), None).await
}

async fn new_page(
    state: &AppState,
    staff: &Staff,
    pairs: Vec<(String, String)>,
    problem: Option<Problem>,
) -> PageResult {
    staff.may(Action::RegisterManage)?;
    let (status, refused) = match problem {
        Some(problem) => (problem.status, Refused::new("activity", pairs.clone(), problem.errors, anchor)),
        None => (StatusCode::OK, Refused::default()),
    };
    let form = ActivityForm::build(state, staff, "/register/nieuw".to_owned(), pairs).await?;
    let page = ActivityPage {
        layout: Layout::for_staff(state, staff, t("register.new"), "/register"),
        checked: None,
        view: None,
        comments: Vec::new(),
        can_comment: false,
        form: Some(form),
        refused,
    };
    Ok((status, render(&page)).into_response())
}

pub async fn create(
    State(state): State<AppState>,
    StaffPage(staff): StaffPage,
    PagePairs(pairs): PagePairs,
) -> PageResult {
    let command: ActivityCommand = decode(&pairs)?;
    match activities::create(&state, &staff, command).await {
        Ok(checked) => Ok(Redirect::to(&format!("/register/{}", checked.stored.id)).into_response()),
        Err(error) => new_page(&state, &staff, pairs, Some(refused(error)?)).await,
    }
}

pub async fn comment(
    State(state): State<AppState>,
    StaffPage(staff): StaffPage,
    Path(id): Path<String>,
    PagePairs(pairs): PagePairs,
) -> PageResult {
    let command: Comment = read(pairs.clone())?;
    match comments::add(&state, &staff, &id, command).await {
        Ok(_) => Ok(Redirect::to(&format!("/register/{id}#opmerkingen")).into_response()),
        Err(error) => {
            let problem = refused(error)?;
            let refused = Refused::new("comment", pairs, problem.errors.clone(), |_, _| Some("text".to_owned()));
            let checked = activities::get(&state, &staff, &id).await?;
            let page = ActivityPage {
                layout: Layout::for_staff(&state, &staff, &checked.stored.activity.name, "/register"),
                view: Some(ActivityView::of(&checked.stored.activity)),
                checked: Some(checked),
                comments: comments::list(&state, &staff, &id).await?,
                can_comment: true,
                form: None,
                refused,
            };
            Ok((problem.status, render(&page)).into_response())
        }
    }
}

// ---------------------------------------------------------------- the board's profile

#[derive(Template)]
#[template(path = "register_profile.html")]
struct ProfilePage {
    layout: Layout,
    values: Vec<(String, String)>,
    can_manage: bool,
    refused: Refused,
}

impl ProfilePage {
    fn value(&self, field: &str) -> &str {
        self.values.iter().find(|(k, _)| k == field).map_or("", |(_, v)| v.as_str())
    }
}

async fn profile_page(state: &AppState, staff: &Staff, typed: Option<(Vec<(String, String)>, Problem)>) -> PageResult {
    let stored = profile::get(state, staff).await?.unwrap_or_default();
    let (status, refused, values) = match typed {
        Some((pairs, problem)) => (
            problem.status,
            Refused::new("profile", pairs.clone(), problem.errors, |_, f| Some(f.replace('.', "-"))),
            pairs,
        ),
        None => {
            let v = |k: &str, value: &str| (k.to_owned(), value.to_owned());
            let values = vec![
                v("name", &stored.name),
                v("address", &stored.address),
                v("kvk", stored.kvk.as_deref().unwrap_or("")),
                v("contact_email", &stored.contact_email),
                v("dpo.name", &stored.dpo.name),
                v("dpo.email", &stored.dpo.email),
                v("dpo.phone", stored.dpo.phone.as_deref().unwrap_or("")),
            ];
            (StatusCode::OK, Refused::default(), values)
        }
    };
    let page = ProfilePage {
        layout: Layout::for_staff(state, staff, t("register.profile"), "/register"),
        values,
        can_manage: staff.can(Action::RegisterManage),
        refused,
    };
    Ok((status, render(&page)).into_response())
}

pub async fn profile_form(State(state): State<AppState>, StaffPage(staff): StaffPage) -> PageResult {
    profile_page(&state, &staff, None).await
}

pub async fn profile_save(
    State(state): State<AppState>,
    StaffPage(staff): StaffPage,
    PagePairs(pairs): PagePairs,
) -> PageResult {
    let mut object = Map::new();
    let mut dpo = Map::new();
    for (key, value) in pairs.iter().filter(|(_, v)| !v.trim().is_empty()) {
        match key.strip_prefix("dpo.") {
            Some(field) => dpo.insert(field.to_owned(), Value::String(value.clone())),
            None if key != crate::csrf::CSRF_FIELD => object.insert(key.clone(), Value::String(value.clone())),
            None => None,
        };
    }
    object.insert("dpo".to_owned(), Value::Object(dpo));
    let command: SetProfile =
        serde_json::from_value(Value::Object(object)).map_err(|e| Problem::bad_request(e.to_string()))?;
    match profile::set(&state, &staff, command).await {
        Ok(_) => Ok(Redirect::to("/register").into_response()),
        Err(error) => profile_page(&state, &staff, Some((pairs, refused(error)?))).await,
    }
}

// ---------------------------------------------------------------- an adopted version

#[derive(Template)]
#[template(path = "register_version.html")]
struct VersionPage {
    layout: Layout,
    version: VersionRow,
    activities: Vec<(String, String)>,
    changes: Vec<ChangeRow>,
}

pub async fn version(
    State(state): State<AppState>,
    StaffPage(staff): StaffPage,
    Path(number): Path<i64>,
) -> PageResult {
    let adopted = adoption::version(&state, &staff, number).await?;
    let previous = match number {
        1 => None,
        n => Some(adoption::version(&state, &staff, n - 1).await?.register),
    };
    let changes = change_rows(adoption::difference(&previous.unwrap_or_default(), &adopted.register));
    let activities = adopted.register.current().map(|a| (a.id.clone(), a.activity.name.clone())).collect();
    let version = VersionRow {
        version: adopted.version,
        adopted_at: dutch_date(adopted.adopted_at.to_zoned(jiff::tz::TimeZone::UTC).date()),
        adopted_by: adopted.adopted_by,
        decision: adopted.decision,
        sha256: adopted.sha256,
    };
    let title = crate::i18n::tf("register.version_title", &[("version", &number.to_string())]);
    let page =
        VersionPage { layout: Layout::for_staff(&state, &staff, &title, "/register"), version, activities, changes };
    Ok(render(&page))
}

/// A difference in words: the activity, what happened to it, the fields changed.
struct ChangeRow {
    id: String,
    name: String,
    change: String,
    fields: String,
}

fn change_rows(changes: Vec<ActivityChange>) -> Vec<ChangeRow> {
    changes
        .into_iter()
        .map(|c| ChangeRow {
            change: label("register.change", c.change),
            fields: c.fields.iter().map(|f| label("register.field", f)).collect::<Vec<_>>().join(", "),
            id: c.id,
            name: c.name,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
        list.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())).collect()
    }

    #[test]
    fn the_form_becomes_the_command_with_its_rows_and_cleared_texts() {
        let json = command_json(&pairs(&[
            ("csrf", "x"),
            ("name", "Camera"),
            ("retention", ""),
            ("status", ""),
            ("data_categories", "images"),
            ("purposes.0.text", "Veiligheid"),
            ("purposes.0.legal_basis", "legitimate_interests"),
            ("purposes.1.text", ""),
            ("purposes.1.legal_basis", ""),
        ]));
        assert_eq!(json["name"], "Camera");
        assert_eq!(json["retention"], "");
        assert!(json.get("status").is_none());
        assert!(json.get("csrf").is_none());
        assert_eq!(json["data_categories"], serde_json::json!(["images"]));
        assert_eq!(json["subject_categories"], serde_json::json!([]));
        assert_eq!(
            json["purposes"],
            serde_json::json!([{"text": "Veiligheid", "legal_basis": "legitimate_interests"}])
        );
        assert_eq!(anchor("activity", "purposes[1].legal_basis").as_deref(), Some("purposes-1-legal_basis"));
        assert_eq!(anchor("activity", "data_categories[0]").as_deref(), Some("data_categories"));
    }
}
