//! The consent form (seed 001 §14.5, prefilled) and the parent letter (§14.4) as
//! PDF, for one pupil, a group or a school.

use super::PageResult;
use crate::AppState;
use crate::auth::{Staff, StaffPage};
use crate::error::Problem;
use aantoonbaar_documents::{ConsentForm, ParentLetter, Purpose, consent_forms, parent_letters};
use aantoonbaar_rules::{Action, SchoolYear};
use aantoonbaar_store::{Pupil, PupilQuery, Scope};
use axum::extract::{Path, Query, State};
use axum::http::header;
use axum::response::IntoResponse;
use serde::Deserialize;
use std::collections::HashMap;

fn pdf(bytes: Vec<u8>, file_name: &str) -> axum::response::Response {
    let disposition = format!("inline; filename=\"{file_name}\"");
    ([(header::CONTENT_TYPE, "application/pdf".to_owned()), (header::CONTENT_DISPOSITION, disposition)], bytes)
        .into_response()
}

/// Forms for `pupils`, each with its school and group name; the pupils are recorded as viewed.
async fn forms_for(state: &AppState, staff: &Staff, pupils: &[Pupil], file_name: &str) -> PageResult {
    let board = state.store.board(&staff.principal.board);
    let ids: Vec<String> = pupils.iter().map(|p| p.id.clone()).collect();
    board.record_views(&staff.actor(), "pupil", &ids).await?;
    let schools: HashMap<String, String> =
        board.schools(&Scope::Board).await?.into_iter().map(|s| (s.id, s.name)).collect();
    let groups: HashMap<String, String> =
        board.groups(&Scope::Board, None).await?.into_iter().map(|g| (g.id, g.name)).collect();
    let purposes = board.consent_purposes(staff.now).await?;
    let year = SchoolYear::containing(state.clock.today()).label();
    let forms: Vec<[String; 4]> = pupils
        .iter()
        .map(|p| {
            [
                schools.get(&p.school_id).cloned().unwrap_or_default(),
                p.full_name(),
                aantoonbaar_app::requests::dutch_date(p.birth_date),
                groups.get(&p.group_id).cloned().unwrap_or_default(),
            ]
        })
        .collect();
    // PDF layout is CPU work: off the async workers, with the data it needs.
    let made = aantoonbaar_app::blocking(move || {
        let purposes: Vec<Purpose<'_>> =
            purposes.iter().map(|p| Purpose { name: &p.name, description: &p.description }).collect();
        let forms: Vec<ConsentForm<'_>> = forms
            .iter()
            .map(|[school, pupil, birth_date, group]| ConsentForm {
                school,
                school_year: &year,
                pupil,
                birth_date,
                group,
            })
            .collect();
        consent_forms(&forms, &purposes)
    });
    let bytes = made.await?.map_err(|e| Problem::internal(&e))?;
    Ok(pdf(bytes, file_name))
}

/// One pupil's prefilled consent form.
pub async fn pupil_form(
    State(state): State<AppState>,
    StaffPage(staff): StaffPage,
    Path(id): Path<String>,
) -> PageResult {
    let scope = staff.may(Action::PupilView)?;
    let pupil = state.store.board(&staff.principal.board).pupil(scope, &id).await?.ok_or_else(Problem::not_found)?;
    forms_for(&state, &staff, std::slice::from_ref(&pupil), "toestemmingsformulier.pdf").await
}

#[derive(Deserialize, Default)]
pub struct Which {
    groep: Option<String>,
    school: Option<String>,
}

/// The forms of every current pupil of a group or a school.
pub async fn forms(
    State(state): State<AppState>,
    StaffPage(staff): StaffPage,
    Query(which): Query<Which>,
) -> PageResult {
    let scope = staff.may(Action::PupilView)?;
    let query = PupilQuery {
        group_id: which.groep.clone(),
        school_id: which.school.clone(),
        today: Some(state.clock.today()),
        limit: 1000,
        ..PupilQuery::default()
    };
    if query.group_id.is_none() && query.school_id.is_none() {
        return Err(Problem::not_found().into());
    }
    let (pupils, _) = state.store.board(&staff.principal.board).pupils(scope, &query).await?;
    if pupils.is_empty() {
        return Err(Problem::not_found().into());
    }
    forms_for(&state, &staff, &pupils, "toestemmingsformulieren.pdf").await
}

/// The parent letter of a school, with the board's and the school's name.
pub async fn letter(
    State(state): State<AppState>,
    StaffPage(staff): StaffPage,
    Query(which): Query<Which>,
) -> PageResult {
    let scope = staff.may(Action::SchoolView)?;
    let board = state.store.board(&staff.principal.board);
    let school_id = which.school.ok_or_else(Problem::not_found)?;
    let school = board.school(scope, &school_id).await?.ok_or_else(Problem::not_found)?;
    let purposes = board.consent_purposes(staff.now).await?;
    let year = SchoolYear::containing(state.clock.today()).label();
    let board_name = staff.principal.board_name.clone();
    let made = aantoonbaar_app::blocking(move || {
        let purposes: Vec<Purpose<'_>> =
            purposes.iter().map(|p| Purpose { name: &p.name, description: &p.description }).collect();
        let letter = ParentLetter { board: &board_name, school: &school.name, school_year: &year };
        parent_letters(&[letter], &purposes)
    });
    let bytes = made.await?.map_err(|e| Problem::internal(&e))?;
    Ok(pdf(bytes, "ouderbrief-toestemming.pdf"))
}
