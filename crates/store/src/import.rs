//! The import of a school's pupil-administration export.

use crate::{Actor, Backend, BoardStore, Link, NewGuardian, Result, postgres, sqlite};
use aantoonbaar_rules::organisation::{FamilySituation, LeaveDestination};
use aantoonbaar_rules::{PersonName, PupilNumber};
use jiff::civil::Date;
use serde::Serialize;

/// A pupil as a pupil-administration export describes it.
#[derive(Debug, Clone)]
pub struct ImportedPupil {
    /// The file's line number, for messages.
    pub line: u64,
    pub external_number: PupilNumber,
    pub given_name: PersonName,
    pub surname_prefix: Option<PersonName>,
    pub surname: PersonName,
    pub birth_date: Date,
    pub group_name: PersonName,
    pub enrolment_date: Date,
    pub leave_date: Option<Date>,
    pub leave_destination: Option<LeaveDestination>,
    pub family_situation: Option<FamilySituation>,
    pub guardians: Vec<ImportedGuardian>,
}

#[derive(Debug, Clone)]
pub struct ImportedGuardian {
    pub guardian: NewGuardian,
    pub link: Link,
}

/// What an import may write.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImportMode {
    /// Report what would change; write nothing.
    DryRun,
    /// Write, unless the departures need a confirmation
    /// (`rules::organisation::departures_need_confirmation`).
    Write,
    /// Write, the departures too: the caller confirmed them explicitly.
    WriteConfirmed,
}

impl ImportMode {
    #[must_use]
    pub const fn new(dry_run: bool, confirm_departures: bool) -> Self {
        match (dry_run, confirm_departures) {
            (true, _) => Self::DryRun,
            (false, false) => Self::Write,
            (false, true) => Self::WriteConfirmed,
        }
    }
}

/// What an import did, or would do in a dry run.
#[derive(Debug, Clone, Default, Serialize)]
pub struct ImportReport {
    /// Nothing was written: a dry run, or departures that needed a
    /// confirmation that was not given.
    pub dry_run: bool,
    pub created: Vec<ImportedName>,
    pub updated: Vec<ImportedName>,
    pub unchanged: usize,
    /// Pupils of the school missing from the file, now recorded as left.
    pub left_school: Vec<ImportedName>,
    pub groups_created: Vec<String>,
    /// The school's pupils who had not left before the import.
    pub current_pupils: usize,
    /// `left_school` is more than a small share of `current_pupils`
    /// (`rules::organisation::departures_need_confirmation`): the import is
    /// written only with an explicit confirmation.
    pub departures_need_confirmation: bool,
}

/// A pupil of the report, with what tells two pupils of the same name apart.
#[derive(Debug, Clone, Serialize)]
pub struct ImportedName {
    pub external_number: String,
    pub name: String,
    /// The group's name.
    pub group: String,
    pub birth_date: Date,
}

impl BoardStore<'_> {
    /// Imports a school's pupils in one transaction; in a dry run the
    /// transaction is rolled back and the report tells what would happen. So
    /// it is too when the departures need a confirmation and the mode is not
    /// [`ImportMode::WriteConfirmed`] (the report's `dry_run` says so).
    pub async fn import_pupils(
        &self,
        actor: &Actor,
        school_id: &str,
        file_name: &str,
        pupils: &[ImportedPupil],
        mode: ImportMode,
    ) -> Result<ImportReport> {
        dispatch!(self.store, import::import_pupils(self.board, actor, school_id, file_name, pupils, mode))
    }
}
