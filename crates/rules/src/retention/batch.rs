//! Destruction batches (issue 15): who gives which of the two approvals, and
//! which items a batch destroys when it completes.
//!
//! The practice comes from the archive systems the issue names as anchors:
//! a destruction list is approved twice before anything is destroyed (the
//! Dutch OpenRegister's "vernietigingslijst" with two approvals), and a
//! legal hold stops the destruction of what it covers (RODA's disposal holds;
//! seed 002 §8.5: longer when a law requires it or for a legal claim).

use super::Hold;
use crate::policy::Role;
use jiff::civil::Date;

/// The two approvals a batch needs: the director, who answers for the school
/// that destroys, and the IBP manager, who runs IBP for the board (seed 001 §5).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Approval {
    Director,
    IbpManager,
}

impl Approval {
    #[must_use]
    pub const fn code(self) -> &'static str {
        match self {
            Self::Director => "director",
            Self::IbpManager => "ibp_manager",
        }
    }
}

/// The approval a person with `roles` gives: the IBP manager's when they are
/// one (ST), otherwise the director's (D); `None` for every other role.
#[must_use]
pub fn approval_for(roles: &[Role]) -> Option<Approval> {
    if roles.contains(&Role::St) {
        Some(Approval::IbpManager)
    } else if roles.contains(&Role::D) {
        Some(Approval::Director)
    } else {
        None
    }
}

/// Why an approval is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// The same person gave the other approval: two approvals mean two people.
    SamePerson,
    /// This role's approval was given already (by someone else of the same role).
    AlreadyGiven,
    /// The batch is approved or completed already.
    Closed,
}

impl Refusal {
    /// The catalogue key of the refusal.
    #[must_use]
    pub const fn code(self) -> &'static str {
        match self {
            Self::SamePerson => "retention.batch.same_person",
            Self::AlreadyGiven => "retention.batch.already_approved",
            Self::Closed => "retention.batch.closed",
        }
    }
}

/// Whether `by` may give `approval` on a batch awaiting approval (`open`)
/// whose director approval was given by `director` and whose IBP manager
/// approval by `manager` (user ids). The order is free.
///
/// # Errors
/// The [`Refusal`].
pub fn may_approve(
    approval: Approval,
    by: &str,
    open: bool,
    director: Option<&str>,
    manager: Option<&str>,
) -> Result<(), Refusal> {
    if !open {
        return Err(Refusal::Closed);
    }
    let (mine, other) = match approval {
        Approval::Director => (director, manager),
        Approval::IbpManager => (manager, director),
    };
    if mine == Some(by) || other == Some(by) {
        return Err(Refusal::SamePerson);
    }
    if mine.is_some() {
        return Err(Refusal::AlreadyGiven);
    }
    Ok(())
}

/// Whether an item is destroyed when its batch completes on `on`: not when a
/// hold covering it is in force that day (seed 002 §8.5: a legal claim, a
/// law); the item then stays, and a new batch takes it once the hold is released.
#[must_use]
pub fn destroyed_at_completion(holds: &[Hold], on: Date) -> bool {
    !holds.iter().any(|h| h.holds_on(on))
}

/// Whether every system of a batch has confirmed: `systems` named by the
/// items, `confirmed` the systems with a confirmation.
#[must_use]
pub fn complete(systems: &[String], confirmed: &[String]) -> bool {
    systems.iter().all(|s| confirmed.contains(s))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::retention::HoldKind;
    use jiff::civil::date;

    #[test]
    fn the_ibp_manager_and_the_director_each_give_their_own_approval() {
        assert_eq!(approval_for(&[Role::St]), Some(Approval::IbpManager));
        assert_eq!(approval_for(&[Role::D]), Some(Approval::Director));
        assert_eq!(approval_for(&[Role::Op]), None);
    }

    #[test]
    fn two_approvals_need_two_people_and_two_roles_in_any_order() {
        assert_eq!(may_approve(Approval::Director, "d", true, None, None), Ok(()));
        assert_eq!(may_approve(Approval::Director, "d", true, None, Some("s")), Ok(()));
        assert_eq!(may_approve(Approval::IbpManager, "s", true, Some("d"), None), Ok(()));
        assert_eq!(may_approve(Approval::IbpManager, "d", true, Some("d"), None), Err(Refusal::SamePerson));
        assert_eq!(may_approve(Approval::Director, "d", true, Some("d"), None), Err(Refusal::SamePerson));
        assert_eq!(may_approve(Approval::Director, "e", true, Some("d"), None), Err(Refusal::AlreadyGiven));
        assert_eq!(may_approve(Approval::Director, "e", false, None, None), Err(Refusal::Closed));
    }

    #[test]
    fn a_hold_in_force_on_the_day_of_completion_keeps_the_item() {
        let hold = Hold { kind: HoldKind::LegalClaim, placed_on: date(2026, 11, 1), released_on: None };
        assert!(!destroyed_at_completion(&[hold], date(2026, 11, 22)));
        let released = Hold { released_on: Some(date(2026, 11, 10)), ..hold };
        assert!(destroyed_at_completion(&[released], date(2026, 11, 22)));
        assert!(destroyed_at_completion(&[], date(2026, 11, 22)));
    }

    #[test]
    fn a_batch_completes_when_every_system_confirmed() {
        let systems = vec!["ParnasSys".to_owned(), "Aantoonbaar".to_owned()];
        assert!(!complete(&systems, &["ParnasSys".to_owned()]));
        assert!(complete(&systems, &["Aantoonbaar".to_owned(), "ParnasSys".to_owned()]));
    }
}
