//! Pupils. Reading one pupil is written to the audit trail.

use super::{ApiJson, Fields};
use crate::AppState;
use crate::auth::Staff;
use crate::error::{ApiResult, FieldError, Problem};
use aantoonbaar_rules::organisation::{Enrolment, FamilySituation, LeaveDestination, parse_iso_date};
use aantoonbaar_rules::{Action, Email, PersonName, PupilNumber};
use aantoonbaar_store::{BoardStore, NewPupil, Pupil, PupilQuery, Scope};
use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use std::collections::HashMap;
use utoipa::{IntoParams, ToSchema};

#[derive(Serialize, ToSchema)]
pub struct PupilOut {
    id: String,
    school_id: String,
    group_id: String,
    external_number: String,
    given_name: String,
    surname_prefix: Option<String>,
    surname: String,
    /// `YYYY-MM-DD`
    birth_date: String,
    enrolment_date: String,
    leave_date: Option<String>,
    /// `primary_school, secondary_school, special_education, not_admitted, abroad, other`
    leave_destination: Option<String>,
    /// `together, separated, guardianship`
    family_situation: Option<String>,
    /// The pupil's own address, for the consent portal from the 16th birthday.
    email: Option<String>,
    full_name: String,
}

impl From<Pupil> for PupilOut {
    fn from(p: Pupil) -> Self {
        Self {
            full_name: p.full_name(),
            id: p.id,
            school_id: p.school_id,
            group_id: p.group_id,
            external_number: p.external_number,
            given_name: p.given_name,
            surname_prefix: p.surname_prefix,
            surname: p.surname,
            birth_date: p.birth_date.to_string(),
            enrolment_date: p.enrolment_date.to_string(),
            leave_date: p.leave_date.map(|d| d.to_string()),
            leave_destination: p.leave_destination.map(|d| d.code().to_owned()),
            family_situation: p.family_situation.map(|f| f.code().to_owned()),
            email: p.email,
        }
    }
}

/// The fields of a pupil; on PATCH any subset, `null` clearing an optional one.
#[derive(Deserialize, ToSchema)]
#[expect(dead_code, reason = "documents the request body; the handler reads it field by field")]
pub struct PupilIn {
    school_id: String,
    group_id: String,
    given_name: String,
    surname_prefix: Option<String>,
    surname: String,
    birth_date: String,
    external_number: String,
    enrolment_date: String,
    leave_date: Option<String>,
    leave_destination: Option<String>,
    family_situation: Option<String>,
    /// The pupil's own e-mail address (for pupils of 16 and over); `null` clears it.
    email: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct PupilPage {
    pupils: Vec<PupilOut>,
    /// How many pupils match in all.
    total: i64,
}

#[derive(Deserialize, IntoParams)]
pub struct PupilFilter {
    /// Part of a name or pupil number.
    q: Option<String>,
    school_id: Option<String>,
    group_id: Option<String>,
    /// Also pupils who have left.
    #[serde(default)]
    include_left: bool,
    limit: Option<i64>,
    offset: Option<i64>,
}

const FIELDS: &[&str] = &[
    "school_id",
    "group_id",
    "given_name",
    "surname_prefix",
    "surname",
    "birth_date",
    "external_number",
    "enrolment_date",
    "leave_date",
    "leave_destination",
    "family_situation",
    "email",
];

/// The pupil as text fields, the starting point of a PATCH.
fn as_fields(p: &Pupil) -> HashMap<&'static str, Option<String>> {
    HashMap::from([
        ("school_id", Some(p.school_id.clone())),
        ("group_id", Some(p.group_id.clone())),
        ("given_name", Some(p.given_name.clone())),
        ("surname_prefix", p.surname_prefix.clone()),
        ("surname", Some(p.surname.clone())),
        ("birth_date", Some(p.birth_date.to_string())),
        ("external_number", Some(p.external_number.clone())),
        ("enrolment_date", Some(p.enrolment_date.to_string())),
        ("leave_date", p.leave_date.map(|d| d.to_string())),
        ("leave_destination", p.leave_destination.map(|d| d.code().to_owned())),
        ("family_situation", p.family_situation.map(|f| f.code().to_owned())),
        ("email", p.email.clone()),
    ])
}

/// Validates a pupil from the body over `base` (empty for a new pupil), checks
/// that school and group exist in the caller's scope and belong together, and
/// that the dates tell a possible story.
async fn read_pupil(
    board: BoardStore<'_>,
    scope: &Scope,
    body: Map<String, Value>,
    base: &HashMap<&'static str, Option<String>>,
    today: Date,
) -> ApiResult<NewPupil> {
    let mut f = Fields::new(body, FIELDS);
    let value = |f: &mut Fields, name: &str, required: bool| {
        let v = if f.has(name) { f.text(name) } else { base.get(name).cloned().flatten() };
        let v = v.filter(|v| !v.trim().is_empty());
        if required && v.is_none() && !f.errors.iter().any(|e| e.field == name) {
            f.errors.push(FieldError::new(name, "field.required"));
        }
        v
    };
    let school_id = value(&mut f, "school_id", true);
    let group_id = value(&mut f, "group_id", true);
    let v = value(&mut f, "given_name", true);
    let given_name = f.parse("given_name", v, PersonName::parse);
    let v = value(&mut f, "surname_prefix", false);
    let surname_prefix = f.parse("surname_prefix", v, PersonName::parse);
    let v = value(&mut f, "surname", true);
    let surname = f.parse("surname", v, PersonName::parse);
    let v = value(&mut f, "external_number", true);
    let external_number = f.parse("external_number", v, PupilNumber::parse);
    let v = value(&mut f, "birth_date", true);
    let birth_date = f.parse("birth_date", v, parse_iso_date);
    let v = value(&mut f, "enrolment_date", true);
    let enrolment_date = f.parse("enrolment_date", v, parse_iso_date);
    let v = value(&mut f, "leave_date", false);
    let leave_date = f.parse("leave_date", v, parse_iso_date);
    let v = value(&mut f, "leave_destination", false);
    let leave_destination = f.parse("leave_destination", v, LeaveDestination::from_code);
    let v = value(&mut f, "family_situation", false);
    let family_situation = f.parse("family_situation", v, FamilySituation::from_code);
    let v = value(&mut f, "email", false);
    let email = f.parse("email", v, Email::parse);

    if let (Some(school_id), Some(group_id)) = (&school_id, &group_id) {
        match board.group(scope, group_id).await? {
            Some(group) if &group.school_id == school_id => {}
            Some(_) => f.errors.push(FieldError::new("group_id", "group.other_school")),
            None => f.errors.push(FieldError::new("group_id", "reference.unknown")),
        }
    }
    if let (Some(birth_date), Some(enrolment_date)) = (birth_date, enrolment_date) {
        let enrolment = Enrolment { birth_date, enrolment_date, leave_date, leave_destination };
        if let Err(err) = enrolment.check(today)
            && !f.errors.iter().any(|e| e.field == err.field)
        {
            f.errors.push(FieldError::new(err.field, err.invalid.code));
        }
    }
    let required =
        (|| Some((school_id?, group_id?, given_name?, surname?, external_number?, birth_date?, enrolment_date?)))();
    let (school_id, group_id, given_name, surname, external_number, birth_date, enrolment_date) = f.done(required)?;
    Ok(NewPupil {
        school_id,
        group_id,
        external_number,
        given_name,
        surname_prefix,
        surname,
        birth_date,
        enrolment_date,
        leave_date,
        leave_destination,
        family_situation,
        email,
    })
}

/// Pupils the caller may see, by name or number.
#[utoipa::path(get, path = "/pupils", tag = "pupils", params(PupilFilter), responses((status = 200, body = PupilPage)))]
pub async fn list(
    State(state): State<AppState>,
    staff: Staff,
    Query(filter): Query<PupilFilter>,
) -> ApiResult<Json<PupilPage>> {
    let scope = staff.may(Action::PupilView)?;
    let query = PupilQuery {
        text: filter.q,
        school_id: filter.school_id,
        group_id: filter.group_id,
        include_left: filter.include_left,
        today: Some(state.clock.today()),
        limit: filter.limit.unwrap_or(100),
        offset: filter.offset.unwrap_or(0),
    };
    let board = state.store.board(&staff.principal.board);
    let (pupils, total) = board.pupils(scope, &query).await?;
    let shown: Vec<String> = pupils.iter().map(|p| p.id.clone()).collect();
    board.record_views(&staff.actor(), "pupil", &shown).await?;
    Ok(Json(PupilPage { pupils: pupils.into_iter().map(PupilOut::from).collect(), total }))
}

/// Adds a pupil.
#[utoipa::path(post, path = "/pupils", tag = "pupils", request_body = PupilIn,
    responses((status = 201, body = PupilOut), (status = 409, body = Problem), (status = 422, body = Problem)))]
pub async fn create(
    State(state): State<AppState>,
    staff: Staff,
    ApiJson(body): ApiJson<Map<String, Value>>,
) -> ApiResult<(StatusCode, Json<PupilOut>)> {
    let scope = staff.may(Action::PupilManage)?;
    let board = state.store.board(&staff.principal.board);
    let pupil = read_pupil(board, scope, body, &HashMap::new(), state.clock.today()).await?;
    let pupil = board.create_pupil(&staff.actor(), &pupil).await?;
    Ok((StatusCode::CREATED, Json(pupil.into())))
}

/// One pupil. The view is recorded in the audit trail.
#[utoipa::path(get, path = "/pupils/{id}", tag = "pupils", params(("id" = String, Path)),
    responses((status = 200, body = PupilOut), (status = 404, body = Problem)))]
pub async fn get(State(state): State<AppState>, staff: Staff, Path(id): Path<String>) -> ApiResult<Json<PupilOut>> {
    let scope = staff.may(Action::PupilView)?;
    let board = state.store.board(&staff.principal.board);
    let pupil = board.pupil(scope, &id).await?.ok_or_else(Problem::not_found)?;
    board.record_view(&staff.actor(), "pupil", &pupil.id).await?;
    Ok(Json(pupil.into()))
}

/// Changes any of a pupil's fields.
#[utoipa::path(patch, path = "/pupils/{id}", tag = "pupils", params(("id" = String, Path)), request_body = PupilIn,
    responses((status = 200, body = PupilOut), (status = 404, body = Problem), (status = 422, body = Problem)))]
pub async fn update(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<Map<String, Value>>,
) -> ApiResult<Json<PupilOut>> {
    Ok(Json(change(&state, &staff, &id, body).await?.into()))
}

/// Applies the fields in `body` to the pupil `id` (in the caller's scope),
/// validated as a whole; the API's PATCH and the pupil page both use it.
pub(crate) async fn change(state: &AppState, staff: &Staff, id: &str, body: Map<String, Value>) -> ApiResult<Pupil> {
    let scope = staff.may(Action::PupilManage)?;
    let board = state.store.board(&staff.principal.board);
    let current = board.pupil(scope, id).await?.ok_or_else(Problem::not_found)?;
    let pupil = read_pupil(board, scope, body, &as_fields(&current), state.clock.today()).await?;
    Ok(board.update_pupil(&staff.actor(), id, &pupil).await?)
}
