//! The account list of each system, imported from its CSV export (username,
//! name, e-mail, profile, last sign-in), and what it says against the
//! authorisation matrix and the staff list: orphans (nobody on the staff
//! list), leavers still active, excess rights (a profile the matrix gives
//! none of the person's roles). An import replaces the system's previous
//! list; a leaver no longer in it has their removal there recorded, with the
//! import as the evidence.

use super::{equated, store};
use crate::error::{Error, Result};
use crate::i18n::tf;
use crate::imports::cell_errors;
use crate::{App, Staff};
use aantoonbaar_import::lists::AccountRow;
use aantoonbaar_rules::Action;
use aantoonbaar_rules::access::{Finding, Holder, MatrixRow, account_findings};
use aantoonbaar_rules::holidays::HolidayCalendar;
use aantoonbaar_store::Scope;
use aantoonbaar_store::staff::StaffMember;
use aantoonbaar_store::system_accounts::{AccountImport, AccountList, FindingCounts, SystemAccount};
use aantoonbaar_store::{Actor, BoardStore};
use jiff::civil::Date;
use serde::Serialize;
use std::collections::HashMap;
use utoipa::ToSchema;

/// One account with what was found about it.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct AccountOut {
    pub username: String,
    pub name: Option<String>,
    pub email: Option<String>,
    pub profile: Option<String>,
    pub last_sign_in: Option<String>,
    /// The person on the staff list, when matched (by e-mail address, or a
    /// username that is their address).
    pub staff_id: Option<String>,
    pub staff_name: Option<String>,
    /// `orphan`, `leaver`, `excess`.
    pub findings: Vec<String>,
    /// For a leaver's account: the removal deadline, and whether it passed.
    pub remove_by: Option<String>,
    pub late: bool,
}

/// A system's accounts and their differences with the matrix and the staff list.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Differences {
    pub system_id: String,
    pub system_name: String,
    /// Whether the system has an authorisation matrix in force (without one
    /// no right can be judged excess).
    pub has_matrix: bool,
    pub accounts: Vec<AccountOut>,
    pub orphans: Vec<AccountOut>,
    pub leavers: Vec<AccountOut>,
    pub excess: Vec<AccountOut>,
    /// When the list was imported (RFC 3339), absent before the first import.
    pub imported_at: Option<String>,
}

/// The person an account belongs to: by e-mail address, else by a username
/// that is their address.
fn holder_of<'a>(
    by_email: &HashMap<&str, &'a StaffMember>,
    email: Option<&str>,
    username: &str,
) -> Option<&'a StaffMember> {
    email.and_then(|e| by_email.get(e)).or_else(|| by_email.get(username.to_lowercase().as_str())).copied()
}

/// What the staff list and each system's matrix in force say about
/// accounts on one day: the one place an account is judged, for the
/// account lists and for the reviewers of a campaign.
pub(super) struct Judge<'a> {
    board: BoardStore<'a>,
    members: HashMap<String, StaffMember>,
    equated: Vec<Date>,
    matrices: HashMap<String, Vec<MatrixRow>>,
    today: Date,
}

impl<'a> Judge<'a> {
    /// Reads the staff list and the board's equated days once.
    pub(super) async fn new(board: BoardStore<'a>, today: Date) -> Result<Self> {
        let members = board.staff_members(&Scope::Board).await?.into_iter().map(|m| (m.id.clone(), m)).collect();
        let equated = equated(board).await?;
        Ok(Self { board, members, equated, matrices: HashMap::new(), today })
    }

    /// Whether `system_id` has a matrix in force (read once per system).
    async fn has_matrix(&mut self, system_id: &str) -> Result<bool> {
        if !self.matrices.contains_key(system_id) {
            let matrix = self.board.matrix_in_force(system_id).await?;
            self.matrices.insert(system_id.to_owned(), matrix);
        }
        Ok(self.matrices.get(system_id).is_some_and(|m| !m.is_empty()))
    }

    /// The person of the staff list with `id`.
    fn member(&self, id: Option<&str>) -> Option<&StaffMember> {
        id.and_then(|id| self.members.get(id))
    }

    /// The findings for an account with `profile` in `system_id`, held by the person `staff_id`.
    pub(super) async fn findings(
        &mut self,
        system_id: &str,
        profile: Option<&str>,
        staff_id: Option<&str>,
    ) -> Result<Vec<Finding>> {
        self.has_matrix(system_id).await?;
        let matrix = self.matrices.get(system_id).map_or(&[][..], Vec::as_slice);
        let holder = self.member(staff_id).map(|m| Holder { roles: &m.data.roles, ended: m.data.employment_end });
        let calendar = HolidayCalendar::new(&self.equated);
        Ok(account_findings(profile, holder.as_ref(), matrix, self.today, &calendar))
    }
}

async fn differences_of(
    board: BoardStore<'_>,
    system_id: &str,
    system_name: String,
    accounts: &[SystemAccount],
    today: Date,
    imported_at: Option<String>,
) -> Result<Differences> {
    let mut judge = Judge::new(board, today).await?;
    let mut out = Differences {
        system_id: system_id.to_owned(),
        system_name,
        has_matrix: judge.has_matrix(system_id).await?,
        accounts: Vec::new(),
        orphans: Vec::new(),
        leavers: Vec::new(),
        excess: Vec::new(),
        imported_at,
    };
    for account in accounts {
        let findings = judge.findings(system_id, account.profile.as_deref(), account.staff_id.as_deref()).await?;
        let leaver = findings.iter().find_map(|f| match f {
            Finding::Leaver { remove_by, late } => Some((*remove_by, *late)),
            _ => None,
        });
        let row = AccountOut {
            username: account.username.clone(),
            name: account.name.clone(),
            email: account.email.clone(),
            profile: account.profile.clone(),
            last_sign_in: account.last_sign_in.clone(),
            staff_id: account.staff_id.clone(),
            staff_name: judge.member(account.staff_id.as_deref()).map(StaffMember::name),
            findings: findings.iter().map(|f| f.code().to_owned()).collect(),
            remove_by: leaver.map(|(by, _)| by.to_string()),
            late: leaver.is_some_and(|(_, late)| late),
        };
        for finding in &findings {
            match finding {
                Finding::Orphan => out.orphans.push(row.clone()),
                Finding::Leaver { .. } => out.leavers.push(row.clone()),
                Finding::Excess => out.excess.push(row.clone()),
            }
        }
        out.accounts.push(row);
    }
    Ok(out)
}

fn counts(differences: &Differences) -> FindingCounts {
    FindingCounts {
        orphans: differences.orphans.len(),
        leavers: differences.leavers.len(),
        excess: differences.excess.len(),
    }
}

/// The system's current account list and its differences.
///
/// # Errors
/// Forbidden, not found, or the store.
pub async fn differences(app: &App, staff: &Staff, system_id: &str) -> Result<Differences> {
    staff.may(Action::AccountsImport)?;
    let board = store(app, staff);
    let system = board.system(system_id).await?.ok_or(Error::NotFound)?;
    let accounts = board.system_accounts(Some(system_id)).await?;
    let last = board.account_imports(Some(system_id)).await?.into_iter().next().map(|i| i.imported_at.to_string());
    differences_of(board, system_id, system.data.name, &accounts, app.clock.today(), last).await
}

/// Imports a system's account list (CSV) in place of its previous one and
/// answers with the differences. Nothing is written when a cell is wrong.
///
/// # Errors
/// Forbidden, not found, every wrong cell with its line and column, or the store.
pub async fn import(app: &App, staff: &Staff, system_id: &str, content: &[u8]) -> Result<Differences> {
    staff.may(Action::AccountsImport)?;
    let rows = aantoonbaar_import::lists::accounts(content).map_err(|e| Error::Invalid(cell_errors(e)))?;
    replace_list(store(app, staff), &staff.actor(), system_id, rows, app.clock.today()).await
}

/// Writes `rows` as the system's account list, each matched to the staff
/// list by e-mail address (or a username that is one), and answers with the
/// differences (also the demo's way in).
///
/// # Errors
/// Not found, or the store.
pub async fn replace_list(
    board: BoardStore<'_>,
    actor: &Actor,
    system_id: &str,
    rows: Vec<AccountRow>,
    today: Date,
) -> Result<Differences> {
    let system = board.system(system_id).await?.ok_or(Error::NotFound)?;
    let members = board.staff_members(&Scope::Board).await?;
    let by_email: HashMap<&str, &StaffMember> = members.iter().map(|m| (m.data.email.as_str(), m)).collect();
    let accounts: Vec<SystemAccount> = rows
        .into_iter()
        .map(|row| {
            let email = row.email.map(|e| e.to_string().to_lowercase());
            let staff_id = holder_of(&by_email, email.as_deref(), &row.username).map(|m| m.id.clone());
            SystemAccount {
                system_id: system_id.to_owned(),
                username: row.username,
                name: row.name,
                email,
                profile: row.profile,
                last_sign_in: row.last_sign_in,
                staff_id,
            }
        })
        .collect();
    let mut out = differences_of(board, system_id, system.data.name.clone(), &accounts, today, None).await?;
    let evidence = tf(
        "access.evidence.not_in_list",
        &[("system", &system.data.name), ("date", &crate::requests::dutch_date(today))],
    );
    let list = AccountList { system_id, accounts: &accounts, found: counts(&out), today, gone_evidence: &evidence };
    let stored: AccountImport = board.replace_accounts(actor, &list).await?;
    out.imported_at = Some(stored.imported_at.to_string());
    Ok(out)
}

/// The latest import of every system, for the overview and the dashboard.
///
/// # Errors
/// Forbidden, or the store.
pub async fn latest_imports(app: &App, staff: &Staff) -> Result<Vec<AccountImport>> {
    staff.may(Action::AccountsImport)?;
    let mut latest: Vec<AccountImport> = Vec::new();
    for import in store(app, staff).account_imports(None).await? {
        if !latest.iter().any(|l| l.system_id == import.system_id) {
            latest.push(import);
        }
    }
    Ok(latest)
}
