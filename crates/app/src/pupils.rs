//! Adding and changing pupils: one command for the API's POST and PATCH, the
//! pupil page and the correction after a rectification request.

use crate::error::{Error, FieldError, Result};
use crate::input::{Unknown, done, present, rule};
use crate::{App, Staff};
use aantoonbaar_rules::organisation::{Enrolment, FamilySituation, LeaveDestination, parse_iso_date};
use aantoonbaar_rules::{Action, Email, PersonName, PupilNumber};
use aantoonbaar_store::{BoardStore, NewPupil, Pupil, Scope};
use jiff::civil::Date;
use serde::Deserialize;
use utoipa::ToSchema;

/// The fields of a pupil; on a change any subset, `null` clearing an optional one.
#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
pub struct PupilFields {
    /// Fields the command does not know (each one is refused by name).
    #[serde(flatten)]
    #[schema(ignore)]
    pub unknown: Unknown,
    #[serde(default, deserialize_with = "present")]
    #[schema(value_type = String)]
    pub school_id: Option<Option<String>>,
    #[serde(default, deserialize_with = "present")]
    #[schema(value_type = String)]
    pub group_id: Option<Option<String>>,
    #[serde(default, deserialize_with = "present")]
    #[schema(value_type = String)]
    pub given_name: Option<Option<String>>,
    #[serde(default, deserialize_with = "present")]
    #[schema(value_type = Option<String>)]
    pub surname_prefix: Option<Option<String>>,
    #[serde(default, deserialize_with = "present")]
    #[schema(value_type = String)]
    pub surname: Option<Option<String>>,
    /// `YYYY-MM-DD`
    #[serde(default, deserialize_with = "present")]
    #[schema(value_type = String)]
    pub birth_date: Option<Option<String>>,
    #[serde(default, deserialize_with = "present")]
    #[schema(value_type = String)]
    pub external_number: Option<Option<String>>,
    /// `YYYY-MM-DD`
    #[serde(default, deserialize_with = "present")]
    #[schema(value_type = String)]
    pub enrolment_date: Option<Option<String>>,
    #[serde(default, deserialize_with = "present")]
    #[schema(value_type = Option<String>)]
    pub leave_date: Option<Option<String>>,
    #[serde(default, deserialize_with = "present")]
    #[schema(value_type = Option<String>)]
    pub leave_destination: Option<Option<String>>,
    #[serde(default, deserialize_with = "present")]
    #[schema(value_type = Option<String>)]
    pub family_situation: Option<Option<String>>,
    /// The pupil's own e-mail address (for pupils of 16 and over); `null` clears it.
    #[serde(default, deserialize_with = "present")]
    #[schema(value_type = Option<String>)]
    pub email: Option<Option<String>>,
}

/// A field of the command over the current value: absent keeps it, `null` or
/// empty clears it; required fields must end up with a value.
fn value(
    errors: &mut Vec<FieldError>,
    name: &str,
    given: Option<Option<String>>,
    current: Option<String>,
    required: bool,
) -> Option<String> {
    let v = given.unwrap_or(current).map(|v| v.trim().to_owned()).filter(|v| !v.is_empty());
    if required && v.is_none() {
        errors.push(FieldError::new(name, "field.required"));
    }
    v
}

impl PupilFields {
    /// The pupil over `current` (none for a new pupil): every field checked by
    /// its rule, school and group in the caller's scope and belonging
    /// together, and dates that tell a possible story.
    async fn validate(
        self,
        board: BoardStore<'_>,
        scope: &Scope,
        current: Option<&Pupil>,
        today: Date,
    ) -> Result<NewPupil> {
        let mut e = self.unknown.errors();
        let now = |f: fn(&Pupil) -> Option<String>| current.and_then(f);
        let school_id = value(&mut e, "school_id", self.school_id, now(|p| Some(p.school_id.clone())), true);
        let group_id = value(&mut e, "group_id", self.group_id, now(|p| Some(p.group_id.clone())), true);
        let v = value(&mut e, "given_name", self.given_name, now(|p| Some(p.given_name.clone())), true);
        let given_name = rule(&mut e, "given_name", v, PersonName::parse);
        let v = value(&mut e, "surname_prefix", self.surname_prefix, now(|p| p.surname_prefix.clone()), false);
        let surname_prefix = rule(&mut e, "surname_prefix", v, PersonName::parse);
        let v = value(&mut e, "surname", self.surname, now(|p| Some(p.surname.clone())), true);
        let surname = rule(&mut e, "surname", v, PersonName::parse);
        let v = value(&mut e, "external_number", self.external_number, now(|p| Some(p.external_number.clone())), true);
        let external_number = rule(&mut e, "external_number", v, PupilNumber::parse);
        let v = value(&mut e, "birth_date", self.birth_date, now(|p| Some(p.birth_date.to_string())), true);
        let birth_date = rule(&mut e, "birth_date", v, parse_iso_date);
        let v = value(&mut e, "enrolment_date", self.enrolment_date, now(|p| Some(p.enrolment_date.to_string())), true);
        let enrolment_date = rule(&mut e, "enrolment_date", v, parse_iso_date);
        let v = value(&mut e, "leave_date", self.leave_date, now(|p| p.leave_date.map(|d| d.to_string())), false);
        let leave_date = rule(&mut e, "leave_date", v, parse_iso_date);
        let current_destination = now(|p| p.leave_destination.map(|d| d.code().to_owned()));
        let v = value(&mut e, "leave_destination", self.leave_destination, current_destination, false);
        let leave_destination = rule(&mut e, "leave_destination", v, LeaveDestination::from_code);
        let current_family = now(|p| p.family_situation.map(|f| f.code().to_owned()));
        let v = value(&mut e, "family_situation", self.family_situation, current_family, false);
        let family_situation = rule(&mut e, "family_situation", v, FamilySituation::from_code);
        let v = value(&mut e, "email", self.email, now(|p| p.email.clone()), false);
        let email = rule(&mut e, "email", v, Email::parse);
        if let (Some(school_id), Some(group_id)) = (&school_id, &group_id) {
            match board.group(scope, group_id).await? {
                Some(group) if &group.school_id == school_id => {}
                Some(_) => e.push(FieldError::new("group_id", "group.other_school")),
                None => e.push(FieldError::new("group_id", "reference.unknown")),
            }
        }
        if let (Some(birth_date), Some(enrolment_date)) = (birth_date, enrolment_date) {
            let enrolment = Enrolment { birth_date, enrolment_date, leave_date, leave_destination };
            if let Err(err) = enrolment.check(today)
                && !e.iter().any(|x| x.field == err.field)
            {
                e.push(FieldError::new(err.field, err.invalid.code));
            }
        }
        let required =
            (|| Some((school_id?, group_id?, given_name?, surname?, external_number?, birth_date?, enrolment_date?)))();
        let (school_id, group_id, given_name, surname, external_number, birth_date, enrolment_date) =
            done(e, required)?;
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
}

/// Adds a pupil.
///
/// # Errors
/// Forbidden, every wrong field, a pupil number already in use, or the store.
pub async fn create(app: &App, staff: &Staff, fields: PupilFields) -> Result<Pupil> {
    let scope = staff.may(Action::PupilManage)?;
    let board = app.store.board(&staff.principal.board);
    let pupil = fields.validate(board, scope, None, app.clock.today()).await?;
    Ok(board.create_pupil(&staff.actor(), &pupil).await?)
}

/// Applies the fields given to the pupil `id` (in the caller's scope),
/// validated as a whole; the change is audited field by field.
///
/// # Errors
/// Forbidden, not found, every wrong field, or the store.
pub async fn update(app: &App, staff: &Staff, id: &str, fields: PupilFields) -> Result<Pupil> {
    let scope = staff.may(Action::PupilManage)?;
    let board = app.store.board(&staff.principal.board);
    let current = board.pupil(scope, id).await?.ok_or(Error::NotFound)?;
    let pupil = fields.validate(board, scope, Some(&current), app.clock.today()).await?;
    Ok(board.update_pupil(&staff.actor(), id, &pupil).await?)
}
