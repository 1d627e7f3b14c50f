//! Parents' information rights (seed 001 §14.13; BW 1:377b/c): who may be
//! told what, for the API, the pupil page and the answer to a request.

use crate::error::{Error, FieldError, Result};
use crate::input::{Given, TEXT_LIMIT, Unknown, done, given_text, rule};
use crate::{App, Staff};
use aantoonbaar_rules::Action;
use aantoonbaar_rules::information_rights::{Person, Right, right_of};
use aantoonbaar_rules::organisation::parse_iso_date;
use aantoonbaar_store::{LinkedGuardian, Pupil};
use serde::Deserialize;
use utoipa::ToSchema;

/// Each guardian's right, from the pupil's family situation and the link.
#[must_use]
pub fn rights_of(pupil: &Pupil, guardians: &[LinkedGuardian]) -> Vec<(LinkedGuardian, Right)> {
    guardians
        .iter()
        .map(|g| {
            let person = Person {
                relation: g.link.relation,
                holds_custody: g.link.holds_custody,
                recognised: g.link.recognised,
                granted_full_by_custodian: g.information_granted_on.is_some(),
            };
            (g.clone(), right_of(pupil.family_situation, &person))
        })
        .collect()
}

/// What each guardian of the pupil `pupil_id` (in the caller's scope) may be
/// told; the view of the guardians is recorded in the audit trail.
///
/// # Errors
/// Forbidden, not found, or the store.
pub async fn of_pupil(app: &App, staff: &Staff, pupil_id: &str) -> Result<Vec<(LinkedGuardian, Right)>> {
    let scope = staff.may(Action::GuardianView)?;
    let board = app.store.board(&staff.principal.board);
    let pupil = board.pupil(scope, pupil_id).await?.ok_or(Error::NotFound)?;
    board.record_view(&staff.actor(), "pupil_guardians", &pupil.id).await?;
    let guardians = board.guardians_of(&pupil.id).await?;
    Ok(rights_of(&pupil, &guardians))
}

/// A custodial parent's grant of full information: `{guardian_id, granted_on: YYYY-MM-DD}`.
#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
pub struct GrantInformation {
    /// Fields the command does not know (each one is refused by name).
    #[serde(flatten)]
    #[schema(ignore)]
    pub unknown: Unknown,
    /// A person linked to the pupil.
    #[schema(value_type = String)]
    pub guardian_id: Option<Given<String>>,
    /// `YYYY-MM-DD`, not in the future.
    #[schema(value_type = String)]
    pub granted_on: Option<Given<String>>,
}

/// Records that a custodial parent (or the voogd) gave another person linked
/// to the pupil full information, with the date; returns every right anew.
///
/// # Errors
/// Forbidden, not found, every wrong field, or the store.
pub async fn grant(
    app: &App,
    staff: &Staff,
    pupil_id: &str,
    command: GrantInformation,
) -> Result<Vec<(LinkedGuardian, Right)>> {
    let scope = staff.may(Action::GuardianManage)?;
    let board = app.store.board(&staff.principal.board);
    let pupil = board.pupil(scope, pupil_id).await?.ok_or(Error::NotFound)?;
    let mut errors = command.unknown.errors();
    let guardian_id = given_text(&mut errors, "guardian_id", command.guardian_id, true, TEXT_LIMIT);
    let v = given_text(&mut errors, "granted_on", command.granted_on, true, TEXT_LIMIT);
    let granted_on = rule(&mut errors, "granted_on", v, parse_iso_date);
    let guardians = board.guardians_of(&pupil.id).await?;
    if let Some(id) = &guardian_id
        && !guardians.iter().any(|g| &g.guardian.id == id)
    {
        errors.push(FieldError::new("guardian_id", "information_rights.not_linked"));
    }
    if granted_on.is_some_and(|d| d > app.clock.today()) {
        errors.push(FieldError::new("granted_on", "information_rights.future"));
    }
    let (guardian_id, granted_on) = done(errors, guardian_id.zip(granted_on))?;
    board.grant_information(&staff.actor(), &pupil.id, &guardian_id, granted_on).await?;
    let guardians = board.guardians_of(&pupil.id).await?;
    Ok(rights_of(&pupil, &guardians))
}
