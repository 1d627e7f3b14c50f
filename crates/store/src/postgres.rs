//! PostgreSQL: for a provider hosting many boards in one database.

use crate::Result;
use sqlx::postgres::PgPoolOptions;

type Db = sqlx::Postgres;

const BEGIN_WRITE: &str = "BEGIN";

const MIGRATIONS: &[(i64, &str, &str)] = &[
    (1, "foundation", include_str!("../migrations/postgres/0001_foundation.sql")),
    (2, "incidents", include_str!("../migrations/postgres/0002_incidents.sql")),
    (3, "requests", include_str!("../migrations/postgres/0003_requests.sql")),
    (4, "pupil_email", include_str!("../migrations/postgres/0004_pupil_email.sql")),
    (5, "delivery", include_str!("../migrations/postgres/0005_delivery.sql")),
    (6, "consent_reminders", include_str!("../migrations/postgres/0006_consent_reminders.sql")),
    (7, "decided_by", include_str!("../migrations/postgres/0007_decided_by.sql")),
    (8, "consent_invitations", include_str!("../migrations/postgres/0008_consent_invitations.sql")),
    (9, "registers", include_str!("../migrations/postgres/0009_registers.sql")),
    (10, "parties", include_str!("../migrations/postgres/0010_parties.sql")),
    (11, "privacy_statements", include_str!("../migrations/postgres/0011_privacy_statements.sql")),
    (12, "risks", include_str!("../migrations/postgres/0012_risks.sql")),
    (13, "pre_dpias", include_str!("../migrations/postgres/0013_pre_dpias.sql")),
    (14, "self_assessment", include_str!("../migrations/postgres/0014_self_assessment.sql")),
    (15, "dpias", include_str!("../migrations/postgres/0015_dpias.sql")),
    (16, "retention", include_str!("../migrations/postgres/0016_retention.sql")),
    (17, "retention_batches", include_str!("../migrations/postgres/0017_retention_batches.sql")),
    (18, "retention_notices", include_str!("../migrations/postgres/0018_retention_notices.sql")),
    (19, "cameras", include_str!("../migrations/postgres/0019_cameras.sql")),
    (20, "access", include_str!("../migrations/postgres/0020_access.sql")),
    (21, "leavers_late", include_str!("../migrations/postgres/0021_leavers_late.sql")),
    (22, "policies", include_str!("../migrations/postgres/0022_policies.sql")),
    (23, "cycle", include_str!("../migrations/postgres/0023_cycle.sql")),
    (24, "board_reports", include_str!("../migrations/postgres/0024_board_reports.sql")),
    (25, "versions", include_str!("../migrations/postgres/0025_versions.sql")),
];

pub(crate) async fn connect(url: &str) -> Result<sqlx::PgPool> {
    let pool = PgPoolOptions::new().max_connections(16).connect(url).await?;
    Ok(pool)
}

include!("queries.rs");
