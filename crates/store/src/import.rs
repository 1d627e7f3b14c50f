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

/// What an import did, or would do in a dry run.
#[derive(Debug, Clone, Default, Serialize)]
pub struct ImportReport {
    pub dry_run: bool,
    pub created: Vec<ImportedName>,
    pub updated: Vec<ImportedName>,
    pub unchanged: usize,
    /// Pupils of the school missing from the file, now recorded as left.
    pub left_school: Vec<ImportedName>,
    pub groups_created: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ImportedName {
    pub external_number: String,
    pub name: String,
}

impl BoardStore<'_> {
    /// Imports a school's pupils in one transaction; with `dry_run` the
    /// transaction is rolled back and the report tells what would happen.
    pub async fn import_pupils(
        &self,
        actor: &Actor,
        school_id: &str,
        file_name: &str,
        pupils: &[ImportedPupil],
        dry_run: bool,
    ) -> Result<ImportReport> {
        dispatch!(self.store, import::import_pupils(self.board, actor, school_id, file_name, pupils, dry_run))
    }
}
