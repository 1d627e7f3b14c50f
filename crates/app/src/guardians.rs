//! Guardians (parents, carers, a voogd) and their link to pupils.

use crate::error::{Error, FieldError, Result};
use crate::input::{Given, TEXT_LIMIT, Unknown, done, given_bool, given_text, rule};
use crate::{App, Staff};
use aantoonbaar_rules::organisation::Relation;
use aantoonbaar_rules::{Action, Email, PersonName, identifiers};
use aantoonbaar_store::{Guardian, Link, LinkedGuardian, NewGuardian};
use serde::Deserialize;
use utoipa::ToSchema;

/// A new guardian: `{given_name, surname_prefix?, surname, email?, phone?}`.
#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
pub struct CreateGuardian {
    /// Fields the command does not know (each one is refused by name).
    #[serde(flatten)]
    #[schema(ignore)]
    pub unknown: Unknown,
    #[schema(value_type = String)]
    pub given_name: Option<Given<String>>,
    #[schema(value_type = Option<String>)]
    pub surname_prefix: Option<Given<String>>,
    #[schema(value_type = String)]
    pub surname: Option<Given<String>>,
    #[schema(value_type = Option<String>)]
    pub email: Option<Given<String>>,
    #[schema(value_type = Option<String>)]
    pub phone: Option<Given<String>>,
}

impl CreateGuardian {
    /// Given name and surname are required; every field follows its rule.
    ///
    /// # Errors
    /// Every wrong field.
    pub fn validate(self) -> Result<NewGuardian, Vec<FieldError>> {
        let mut errors = self.unknown.errors();
        let v = given_text(&mut errors, "given_name", self.given_name, true, TEXT_LIMIT);
        let given_name = rule(&mut errors, "given_name", v, PersonName::parse);
        let v = given_text(&mut errors, "surname_prefix", self.surname_prefix, false, TEXT_LIMIT);
        let surname_prefix = rule(&mut errors, "surname_prefix", v, PersonName::parse);
        let v = given_text(&mut errors, "surname", self.surname, true, TEXT_LIMIT);
        let surname = rule(&mut errors, "surname", v, PersonName::parse);
        let v = given_text(&mut errors, "email", self.email, false, TEXT_LIMIT);
        let email = rule(&mut errors, "email", v, Email::parse);
        let v = given_text(&mut errors, "phone", self.phone, false, TEXT_LIMIT);
        let phone = rule(&mut errors, "phone", v, identifiers::parse_phone).flatten();
        let valid = given_name.zip(surname).map(|(given_name, surname)| NewGuardian {
            given_name,
            surname_prefix,
            surname,
            email,
            phone,
        });
        done(errors, valid)
    }
}

/// Adds a guardian; link them to a pupil next.
///
/// # Errors
/// Forbidden, every wrong field, or the store.
pub async fn create(app: &App, staff: &Staff, command: CreateGuardian) -> Result<Guardian> {
    staff.may(Action::GuardianManage)?;
    let guardian = command.validate()?;
    Ok(app.store.board(&staff.principal.board).create_guardian(&staff.actor(), &guardian).await?)
}

/// The link of a guardian to a pupil: `{guardian_id, relation, holds_custody, recognised}`.
#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
pub struct LinkGuardian {
    /// Fields the command does not know (each one is refused by name).
    #[serde(flatten)]
    #[schema(ignore)]
    pub unknown: Unknown,
    #[schema(value_type = String)]
    pub guardian_id: Option<Given<String>>,
    /// `mother, father, guardian, carer, foster_parent, other`
    #[schema(value_type = String)]
    pub relation: Option<Given<String>>,
    #[schema(value_type = bool)]
    pub holds_custody: Option<Given<bool>>,
    #[schema(value_type = bool)]
    pub recognised: Option<Given<bool>>,
}

/// Links a guardian to the pupil `pupil_id` in the caller's scope (or changes
/// the link), and returns the pupil's guardians. A guardian is linkable when
/// the caller sees them, or when nobody is linked to them yet.
///
/// # Errors
/// Forbidden, not found, every wrong field, or the store.
pub async fn link(app: &App, staff: &Staff, pupil_id: &str, command: LinkGuardian) -> Result<Vec<LinkedGuardian>> {
    let scope = staff.may(Action::GuardianManage)?;
    let board = app.store.board(&staff.principal.board);
    let pupil = board.pupil(scope, pupil_id).await?.ok_or(Error::NotFound)?;
    let mut errors = command.unknown.errors();
    let guardian_id = given_text(&mut errors, "guardian_id", command.guardian_id, true, TEXT_LIMIT);
    let v = given_text(&mut errors, "relation", command.relation, true, TEXT_LIMIT);
    let relation = rule(&mut errors, "relation", v, Relation::from_code);
    let holds_custody = given_bool(&mut errors, "holds_custody", command.holds_custody);
    let recognised = given_bool(&mut errors, "recognised", command.recognised);
    if let Some(id) = &guardian_id {
        let visible = board.guardian(scope, id).await?.is_some() || board.guardian_is_unlinked(id).await?;
        if !visible {
            errors.push(FieldError::new("guardian_id", "reference.unknown"));
        }
    }
    let valid = (|| {
        Some((guardian_id?, Link { relation: relation?, holds_custody: holds_custody?, recognised: recognised? }))
    })();
    let (guardian_id, link) = done(errors, valid)?;
    board.link_guardian(&staff.actor(), &pupil.id, &guardian_id, link).await?;
    Ok(board.guardians_of(&pupil.id).await?)
}
