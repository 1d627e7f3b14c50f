//! The processing register (AVG art. 30): the board's profile, the
//! activities with their completeness, adoption with its versions, and the
//! documents derived from them. Every document reads a [`Register`]: the live
//! one the caller may see ([`current`]) or an adopted snapshot ([`adopted`]).

pub mod activities;
pub mod adoption;
pub mod comments;
pub mod dpv;
pub mod export;
pub mod import;
pub mod profile;
pub mod sheet;
pub mod template;

use crate::error::Result;
use crate::{App, Staff};
use aantoonbaar_rules::Action;
use aantoonbaar_rules::register::{Register, RegisteredActivity};

pub use adoption::{Adopted, adopted};
pub use profile::profile;

/// The live register the caller may see: the board's profile, the activities
/// in their scope (a director: the board-wide ones and their school's) and
/// the systems.
///
/// # Errors
/// Forbidden without `RegisterView`, or the store.
pub async fn current(app: &App, staff: &Staff) -> Result<Register> {
    let scope = staff.may(Action::RegisterView)?;
    of_board(app.store.board(&staff.principal.board), scope).await
}

/// The live register of `board` as seen in `scope` (no permission check: the
/// caller has made it, or it is the demo board).
///
/// # Errors
/// The store.
pub async fn of_board(board: aantoonbaar_store::BoardStore<'_>, scope: &aantoonbaar_store::Scope) -> Result<Register> {
    let activities = board.activities(scope).await?;
    Ok(Register {
        profile: board.board_profile().await?.unwrap_or_default(),
        activities: activities
            .into_iter()
            .map(|a| RegisteredActivity { id: a.id, school_id: a.school_id, activity: a.activity })
            .collect(),
        systems: crate::parties::registered_systems(board).await?,
    })
}

#[cfg(test)]
mod tests {
    use crate::i18n::has;
    use aantoonbaar_rules::register::{
        ActivityStatus, Classification, DataCategory, LegalBasis, RecipientKind, Safeguard, SpecialCondition,
        SubjectCategory, checks,
    };

    /// Every code the register shows has its Dutch label, and every finding its text.
    #[test]
    fn every_register_code_has_a_label() {
        let keys = LegalBasis::ALL
            .iter()
            .map(|c| format!("register.basis.{}", c.code()))
            .chain(SubjectCategory::ALL.iter().map(|c| format!("register.subject.{}", c.code())))
            .chain(DataCategory::ALL.iter().map(|c| format!("register.data.{}", c.code())))
            .chain(SpecialCondition::ALL.iter().map(|c| format!("register.condition.{}", c.code())))
            .chain(RecipientKind::ALL.iter().map(|c| format!("register.recipient.{}", c.code())))
            .chain(Safeguard::ALL.iter().map(|c| format!("register.safeguard.{}", c.code())))
            .chain(Classification::ALL.iter().map(|c| format!("register.classification.{}", c.code())))
            .chain(ActivityStatus::ALL.iter().map(|c| format!("register.status.{}", c.code())))
            .chain(checks::ALL.iter().map(|c| format!("register.finding.{c}")));
        let missing: Vec<String> = keys.filter(|k| !has(k)).collect();
        assert!(missing.is_empty(), "no text for {missing:?}");
    }
}
