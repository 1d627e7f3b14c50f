//! Schools and their groups: adding them, for the API and the school pages.

use crate::error::{FieldError, Result};
use crate::input::{Given, TEXT_LIMIT, Unknown, done, given_text, rule};
use crate::{App, Staff};
use aantoonbaar_rules::{Action, Brin, PersonName};
use aantoonbaar_store::{Group, NewSchool, School};
use serde::Deserialize;
use utoipa::ToSchema;

/// A new school: `{name, brin}`.
#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
pub struct CreateSchool {
    /// Fields the command does not know (each one is refused by name).
    #[serde(flatten)]
    #[schema(ignore)]
    pub unknown: Unknown,
    #[schema(value_type = String)]
    pub name: Option<Given<String>>,
    /// Two digits and two letters, e.g. `12AB`.
    #[schema(value_type = String)]
    pub brin: Option<Given<String>>,
}

impl CreateSchool {
    /// Name and BRIN code are required and follow their rules.
    ///
    /// # Errors
    /// Every wrong field.
    pub fn validate(self) -> Result<NewSchool, Vec<FieldError>> {
        let mut errors = self.unknown.errors();
        let name = given_text(&mut errors, "name", self.name, true, TEXT_LIMIT);
        let name = rule(&mut errors, "name", name, PersonName::parse);
        let brin = given_text(&mut errors, "brin", self.brin, true, TEXT_LIMIT);
        let brin = rule(&mut errors, "brin", brin, Brin::parse);
        done(errors, name.zip(brin).map(|(name, brin)| NewSchool { name, brin }))
    }
}

/// Adds a school to the caller's board (IBP manager).
///
/// # Errors
/// Forbidden, every wrong field, a BRIN code already in use, or the store.
pub async fn create(app: &App, staff: &Staff, command: CreateSchool) -> Result<School> {
    staff.may(Action::SchoolManage)?;
    let school = command.validate()?;
    Ok(app.store.board(&staff.principal.board).create_school(&staff.actor(), &school).await?)
}

/// A new group of a school: `{school_id, name}`.
#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
pub struct CreateGroup {
    /// Fields the command does not know (each one is refused by name).
    #[serde(flatten)]
    #[schema(ignore)]
    pub unknown: Unknown,
    #[schema(value_type = String)]
    pub school_id: Option<Given<String>>,
    #[schema(value_type = String)]
    pub name: Option<Given<String>>,
}

/// Adds a group to a school in the caller's scope.
///
/// # Errors
/// Forbidden, every wrong field (a school the caller may not manage is
/// `school_id`), a name already used in the school, or the store.
pub async fn create_group(app: &App, staff: &Staff, command: CreateGroup) -> Result<Group> {
    let scope = staff.may(Action::GroupManage)?;
    let board = app.store.board(&staff.principal.board);
    let mut errors = command.unknown.errors();
    let school_id = given_text(&mut errors, "school_id", command.school_id, true, TEXT_LIMIT);
    let name = given_text(&mut errors, "name", command.name, true, TEXT_LIMIT);
    let name = rule(&mut errors, "name", name, PersonName::parse);
    if let Some(id) = &school_id
        && board.school(scope, id).await?.is_none()
    {
        errors.push(FieldError::new("school_id", "reference.unknown"));
    }
    let (school_id, name) = done(errors, school_id.zip(name))?;
    Ok(board.create_group(&staff.actor(), &school_id, name.as_str()).await?)
}
