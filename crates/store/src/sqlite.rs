//! SQLite: the embedded default. WAL so readers never wait for the writer,
//! foreign keys on, a busy timeout instead of "database is locked" errors, and
//! write transactions that take the write lock up front (`BEGIN IMMEDIATE`).

use crate::Result;
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use std::path::Path;
use std::time::Duration;

type Db = sqlx::Sqlite;

const BEGIN_WRITE: &str = "BEGIN IMMEDIATE";

const MIGRATIONS: &[(i64, &str, &str)] = &[
    (1, "foundation", include_str!("../migrations/sqlite/0001_foundation.sql")),
    (2, "incidents", include_str!("../migrations/sqlite/0002_incidents.sql")),
    (3, "requests", include_str!("../migrations/sqlite/0003_requests.sql")),
    (4, "pupil_email", include_str!("../migrations/sqlite/0004_pupil_email.sql")),
    (5, "delivery", include_str!("../migrations/sqlite/0005_delivery.sql")),
    (6, "consent_reminders", include_str!("../migrations/sqlite/0006_consent_reminders.sql")),
    (7, "decided_by", include_str!("../migrations/sqlite/0007_decided_by.sql")),
    (8, "consent_invitations", include_str!("../migrations/sqlite/0008_consent_invitations.sql")),
    (9, "registers", include_str!("../migrations/sqlite/0009_registers.sql")),
    (10, "parties", include_str!("../migrations/sqlite/0010_parties.sql")),
    (11, "privacy_statements", include_str!("../migrations/sqlite/0011_privacy_statements.sql")),
    (12, "risks", include_str!("../migrations/sqlite/0012_risks.sql")),
    (13, "pre_dpias", include_str!("../migrations/sqlite/0013_pre_dpias.sql")),
    (14, "self_assessment", include_str!("../migrations/sqlite/0014_self_assessment.sql")),
    (15, "dpias", include_str!("../migrations/sqlite/0015_dpias.sql")),
    (16, "retention", include_str!("../migrations/sqlite/0016_retention.sql")),
    (17, "retention_batches", include_str!("../migrations/sqlite/0017_retention_batches.sql")),
    (18, "retention_notices", include_str!("../migrations/sqlite/0018_retention_notices.sql")),
    (19, "cameras", include_str!("../migrations/sqlite/0019_cameras.sql")),
    (20, "access", include_str!("../migrations/sqlite/0020_access.sql")),
    (21, "leavers_late", include_str!("../migrations/sqlite/0021_leavers_late.sql")),
    (22, "policies", include_str!("../migrations/sqlite/0022_policies.sql")),
    (23, "cycle", include_str!("../migrations/sqlite/0023_cycle.sql")),
    (24, "board_reports", include_str!("../migrations/sqlite/0024_board_reports.sql")),
    (25, "versions", include_str!("../migrations/sqlite/0025_versions.sql")),
];

pub(crate) async fn connect(path: &Path) -> Result<sqlx::SqlitePool> {
    let options = SqliteConnectOptions::new()
        .filename(path)
        .create_if_missing(true)
        .journal_mode(SqliteJournalMode::Wal)
        // FULL: an acknowledged write survives a power cut, not just a crash.
        .synchronous(SqliteSynchronous::Full)
        .foreign_keys(true)
        .busy_timeout(Duration::from_secs(10));
    let pool = SqlitePoolOptions::new()
        // A local file does not go stale the way a network connection can; a
        // ping before every query would double its round trips to the worker.
        .test_before_acquire(false)
        .max_connections(8)
        .min_connections(1)
        .idle_timeout(None)
        .max_lifetime(None)
        .connect_with(options)
        .await?;
    Ok(pool)
}

pub(crate) async fn backup_to(pool: &sqlx::SqlitePool, target: &Path) -> Result<()> {
    let target = target.to_string_lossy().into_owned();
    sqlx::query("VACUUM INTO $1").bind(target).execute(pool).await?;
    Ok(())
}

include!("queries.rs");
