//! The authorisation matrix of one information system: what a saved matrix
//! must satisfy, what changed between two versions, and when a system's
//! policy needs two-step verification.
//!
//! Sources: seed 001 §13 ("welke gegevens door wie mogen worden ingezien,
//! geregistreerd/gewijzigd of verwijderd"), §13.2 (the authorisation matrix:
//! rights per role per system), seed 000 (two-step verification enforced),
//! and the classification of seed 001 §14.15 (the register's
//! classification of the data a system holds).

use super::{MatrixRow, Right, same_profile};
use crate::Invalid;
use crate::policy::Role;
use crate::register::Classification;

/// The longest profile name a row takes.
pub const PROFILE_LIMIT: usize = 200;

/// What is wrong with one row of a matrix: its position (from 0), the field,
/// and the reason.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RowError {
    pub row: usize,
    /// `profile` or `rights`.
    pub field: &'static str,
    pub invalid: Invalid,
}

/// Checks a whole matrix before it is saved: every row names the profile
/// (the role as the system calls it, at most [`PROFILE_LIMIT`] characters),
/// gives at least one right, and no role gets the same profile twice
/// (profiles compare as [`same_profile`]). An empty matrix is allowed: the
/// board then says no role has access.
///
/// Source: seed 001 §13.2 (one row per role and profile: rights view,
/// register/change, delete).
///
/// # Errors
/// Every wrong row: `access.matrix.profile_empty`,
/// `access.matrix.profile_too_long`, `access.matrix.no_rights`,
/// `access.matrix.duplicate` (on the second of two rows).
pub fn check_matrix(rows: &[MatrixRow]) -> Result<(), Vec<RowError>> {
    let mut errors = Vec::new();
    for (index, row) in rows.iter().enumerate() {
        let profile = row.profile.trim();
        if profile.is_empty() {
            errors.push(RowError {
                row: index,
                field: "profile",
                invalid: Invalid::new("access.matrix.profile_empty"),
            });
        } else if profile.chars().count() > PROFILE_LIMIT {
            errors.push(RowError {
                row: index,
                field: "profile",
                invalid: Invalid::new("access.matrix.profile_too_long"),
            });
        } else if rows[..index]
            .iter()
            .any(|earlier| earlier.role == row.role && same_profile(&earlier.profile, profile))
        {
            errors.push(RowError { row: index, field: "profile", invalid: Invalid::new("access.matrix.duplicate") });
        }
        if row.rights.is_empty() {
            errors.push(RowError { row: index, field: "rights", invalid: Invalid::new("access.matrix.no_rights") });
        }
    }
    if errors.is_empty() { Ok(()) } else { Err(errors) }
}

/// The rights in their fixed order (view, change, delete), each once.
#[must_use]
pub fn ordered_rights(rights: &[Right]) -> Vec<Right> {
    Right::ALL.iter().copied().filter(|right| rights.contains(right)).collect()
}

/// How one role and profile differ between two versions of a matrix.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RowChange {
    /// In the newer version only.
    Added(MatrixRow),
    /// In the older version only.
    Removed(MatrixRow),
    /// In both, with other rights or another scope.
    Changed { before: MatrixRow, after: MatrixRow },
}

impl RowChange {
    /// The stable code for the API and the pages.
    #[must_use]
    pub const fn code(&self) -> &'static str {
        match self {
            Self::Added(_) => "added",
            Self::Removed(_) => "removed",
            Self::Changed { .. } => "changed",
        }
    }
}

fn same_grant(a: &MatrixRow, b: &MatrixRow) -> bool {
    ordered_rights(&a.rights) == ordered_rights(&b.rights) && a.scope == b.scope
}

fn key(row: &MatrixRow) -> (Role, String) {
    (row.role, row.profile.trim().to_lowercase())
}

/// What changed from `before` to `after`, row by row (a row is its role and
/// profile): rows removed, added, or given other rights or another scope.
/// Rows that stayed the same are not listed.
///
/// Source: seed 001 §13.3 (the duty to document: the board shows how access
/// was arranged at any moment and what changed).
#[must_use]
pub fn changes(before: &[MatrixRow], after: &[MatrixRow]) -> Vec<RowChange> {
    let mut out = Vec::new();
    for old in before {
        match after.iter().find(|new| key(new) == key(old)) {
            None => out.push(RowChange::Removed(old.clone())),
            Some(new) if !same_grant(old, new) => {
                out.push(RowChange::Changed { before: old.clone(), after: new.clone() });
            }
            Some(_) => {}
        }
    }
    for new in after {
        if !before.iter().any(|old| key(old) == key(new)) {
            out.push(RowChange::Added(new.clone()));
        }
    }
    out
}

/// Whether a system holding data of `classification` must have two-step
/// verification: confidential or secret data do. A system whose data are not
/// classified yet is not judged.
///
/// Source: seed 000 ("tweestapsverificatie afgedwongen"); seed 001 §13
/// (the means of access follows the classification of the data).
#[must_use]
pub fn needs_two_step(classification: Option<Classification>) -> bool {
    classification.is_some_and(|c| c.level() >= Classification::Confidential.level())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::access::GrantScope;

    fn row(role: Role, profile: &str, rights: &[Right], scope: GrantScope) -> MatrixRow {
        MatrixRow { role, profile: profile.to_owned(), rights: rights.to_vec(), scope }
    }

    fn parnassys() -> Vec<MatrixRow> {
        vec![
            row(Role::Op, "Leerkracht", &[Right::View, Right::Change], GrantScope::Group),
            row(Role::D, "Directie", &[Right::View, Right::Change, Right::Delete], GrantScope::School),
            row(Role::St, "Beheerder", Right::ALL, GrantScope::Board),
        ]
    }

    #[test]
    fn a_sound_matrix_and_an_empty_one_pass() {
        assert_eq!(check_matrix(&parnassys()), Ok(()));
        assert_eq!(check_matrix(&[]), Ok(()));
    }

    #[test]
    fn every_wrong_row_is_named_with_its_field() {
        let mut rows = parnassys();
        rows.push(row(Role::Ap, "  ", &[Right::View], GrantScope::School));
        rows.push(row(Role::Op, "leerkracht ", &[Right::View], GrantScope::Own));
        rows.push(row(Role::Tl, "Teamleider", &[], GrantScope::School));
        rows.push(row(Role::Bs, &"x".repeat(PROFILE_LIMIT + 1), &[Right::View], GrantScope::School));
        let errors = check_matrix(&rows).unwrap_err();
        let found: Vec<(usize, &str, &str)> = errors.iter().map(|e| (e.row, e.field, e.invalid.code)).collect();
        assert_eq!(
            found,
            [
                (3, "profile", "access.matrix.profile_empty"),
                (4, "profile", "access.matrix.duplicate"),
                (5, "rights", "access.matrix.no_rights"),
                (6, "profile", "access.matrix.profile_too_long"),
            ]
        );
    }

    #[test]
    fn the_same_profile_for_two_roles_is_no_duplicate() {
        let rows = [
            row(Role::Op, "Leerkracht", &[Right::View], GrantScope::Group),
            row(Role::Opt, "Leerkracht", &[Right::View], GrantScope::Group),
        ];
        assert_eq!(check_matrix(&rows), Ok(()));
    }

    #[test]
    fn changes_list_what_was_added_removed_and_changed_but_not_what_stayed() {
        let before = parnassys();
        let mut after = parnassys();
        after.remove(1);
        after[0].rights = vec![Right::View];
        after.push(row(Role::Ap, "Administratie", &[Right::View, Right::Change], GrantScope::School));
        let found = changes(&before, &after);
        assert_eq!(found.iter().map(RowChange::code).collect::<Vec<_>>(), ["changed", "removed", "added"]);
        assert!(matches!(&found[1], RowChange::Removed(r) if r.profile == "Directie"));
        assert!(changes(&before, &before).is_empty());
    }

    #[test]
    fn rights_in_another_order_are_no_change() {
        let before = [row(Role::D, "Directie", &[Right::Delete, Right::View], GrantScope::School)];
        let after = [row(Role::D, "directie", &[Right::View, Right::Delete], GrantScope::School)];
        assert!(changes(&before, &after).is_empty());
        assert_eq!(ordered_rights(&[Right::Delete, Right::View, Right::View]), [Right::View, Right::Delete]);
    }

    #[test]
    fn confidential_and_secret_data_need_two_step_verification() {
        assert!(needs_two_step(Some(Classification::Confidential)));
        assert!(needs_two_step(Some(Classification::Secret)));
        assert!(!needs_two_step(Some(Classification::Internal)));
        assert!(!needs_two_step(Some(Classification::Public)));
        assert!(!needs_two_step(None));
    }
}
