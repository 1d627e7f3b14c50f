// The SQL of the access policy and the authorisation matrix, compiled for both back-ends (see `queries.rs`).

use crate::access_policies::{AccessPolicy, MatrixHead, MatrixVersion, PolicyData};
use aantoonbaar_rules::access::{MatrixRow, Right};
use aantoonbaar_rules::retention::Period;

fn matrix_row_from(row: &DbRow) -> Result<MatrixRow> {
    let flags = [("can_view", Right::View), ("can_change", Right::Change), ("can_delete", Right::Delete)];
    let mut rights = Vec::new();
    for (column, right) in flags {
        if required::<bool>(row, column)? {
            rights.push(right);
        }
    }
    Ok(MatrixRow {
        role: code_col(row, "role")?,
        profile: required(row, "profile")?,
        rights,
        scope: code_col(row, "scope")?,
    })
}

pub(crate) async fn matrix_in_force(pool: &Pool, board: &BoardId, system_id: &str) -> Result<Vec<MatrixRow>> {
    let rows = sqlx::query(
        "SELECT role, profile, can_view, can_change, can_delete, scope FROM matrix_rows \
         WHERE board_id = $1 AND system_id = $2 AND version = (SELECT MAX(version) FROM matrix_versions \
         WHERE board_id = $1 AND system_id = $2) ORDER BY role, profile",
    )
    .bind(&board.0)
    .bind(system_id)
    .fetch_all(pool)
    .await?;
    rows.iter().map(matrix_row_from).collect()
}

fn policy_from(row: &DbRow) -> Result<AccessPolicy> {
    let interval: String = required(row, "review_interval")?;
    let review_interval: Period =
        interval.parse().map_err(|_| StoreError::Corrupt(format!("review_interval: {interval}")))?;
    Ok(AccessPolicy {
        system_id: required(row, "system_id")?,
        data: PolicyData {
            issued_by: required(row, "issued_by")?,
            provisioning: code_col(row, "provisioning")?,
            two_step: required(row, "two_step")?,
            password_rule: required(row, "password_rule")?,
            review_interval,
            owner: required(row, "owner")?,
        },
        updated_at: instant_col(row, "updated_at")?,
        updated_by: required(row, "updated_by_label")?,
    })
}

const POLICY_SELECT: &str = "SELECT system_id, issued_by, provisioning, two_step, password_rule, review_interval, \
     owner, updated_at, updated_by_label FROM access_policies WHERE board_id = $1 AND ($2 IS NULL OR system_id = $2) \
     ORDER BY system_id";

async fn read_policies<'e, E>(executor: E, board: &BoardId, system_id: Option<&str>) -> Result<Vec<AccessPolicy>>
where
    E: sqlx::Executor<'e, Database = Db>,
{
    let rows = sqlx::query(POLICY_SELECT).bind(&board.0).bind(system_id).fetch_all(executor).await?;
    rows.iter().map(policy_from).collect()
}

pub(crate) async fn policies(pool: &Pool, board: &BoardId, system_id: Option<&str>) -> Result<Vec<AccessPolicy>> {
    read_policies(pool, board, system_id).await
}

pub(crate) async fn save_policy(
    pool: &Pool,
    board: &BoardId,
    actor: &Actor,
    system_id: &str,
    data: &PolicyData,
    fields: &[&'static str],
) -> Result<AccessPolicy> {
    let mut tx = begin(pool).await?;
    let existing = read_policies(&mut *tx, board, Some(system_id)).await?;
    sqlx::query(
        "INSERT INTO access_policies (board_id, system_id, issued_by, provisioning, two_step, password_rule, \
         review_interval, owner, updated_at, updated_by_label) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) \
         ON CONFLICT (board_id, system_id) DO UPDATE SET issued_by = $3, provisioning = $4, two_step = $5, \
         password_rule = $6, review_interval = $7, owner = $8, updated_at = $9, updated_by_label = $10",
    )
    .bind(&board.0)
    .bind(system_id)
    .bind(&data.issued_by)
    .bind(data.provisioning.code())
    .bind(data.two_step)
    .bind(&data.password_rule)
    .bind(data.review_interval.to_string())
    .bind(&data.owner)
    .bind(actor.at.as_second())
    .bind(&actor.label)
    .execute(&mut *tx)
    .await
    .map_err(|e| classify(e, "system_id", "system_id"))?;
    let action = if existing.is_empty() { AuditAction::Create } else { AuditAction::Update };
    let event = AuditEvent::new(action, "access_policy", system_id).fields(fields);
    audit(&mut tx, board, actor, &event).await?;
    let stored = read_policies(&mut *tx, board, Some(system_id)).await?.pop().ok_or(StoreError::NotFound)?;
    tx.commit().await?;
    Ok(stored)
}

fn head_from(row: &DbRow) -> Result<MatrixHead> {
    Ok(MatrixHead {
        system_id: required(row, "system_id")?,
        version: required(row, "version")?,
        note: row.try_get("note")?,
        saved_at: instant_col(row, "saved_at")?,
        saved_by: required(row, "saved_by_label")?,
    })
}

const HEAD_SELECT: &str = "SELECT system_id, version, note, saved_at, saved_by_label FROM matrix_versions \
     WHERE board_id = $1 AND ($2 IS NULL OR system_id = $2) AND ($3 IS NULL OR version = $3) \
     ORDER BY system_id, version DESC";

pub(crate) async fn heads(pool: &Pool, board: &BoardId, system_id: Option<&str>) -> Result<Vec<MatrixHead>> {
    let rows = sqlx::query(HEAD_SELECT).bind(&board.0).bind(system_id).bind(None::<i64>).fetch_all(pool).await?;
    rows.iter().map(head_from).collect()
}

pub(crate) async fn heads_in_force(pool: &Pool, board: &BoardId) -> Result<Vec<MatrixHead>> {
    let rows = sqlx::query(
        "SELECT v.system_id, v.version, v.note, v.saved_at, v.saved_by_label FROM matrix_versions v \
         WHERE v.board_id = $1 AND v.version = (SELECT MAX(m.version) FROM matrix_versions m \
         WHERE m.board_id = v.board_id AND m.system_id = v.system_id) ORDER BY v.system_id",
    )
    .bind(&board.0)
    .fetch_all(pool)
    .await?;
    rows.iter().map(head_from).collect()
}

async fn read_version(
    tx: &mut <Db as sqlx::Database>::Connection,
    board: &BoardId,
    system_id: &str,
    version: Option<i64>,
) -> Result<Option<MatrixVersion>> {
    let version = match version {
        Some(version) => Some(version),
        None => {
            sqlx::query_scalar::<_, Option<i64>>(
                "SELECT MAX(version) FROM matrix_versions WHERE board_id = $1 AND system_id = $2",
            )
            .bind(&board.0)
            .bind(system_id)
            .fetch_one(&mut *tx)
            .await?
        }
    };
    let Some(version) = version else { return Ok(None) };
    let head = sqlx::query(HEAD_SELECT)
        .bind(&board.0)
        .bind(system_id)
        .bind(version)
        .fetch_optional(&mut *tx)
        .await?
        .map(|row| head_from(&row))
        .transpose()?;
    let Some(head) = head else { return Ok(None) };
    let rows = sqlx::query(
        "SELECT role, profile, can_view, can_change, can_delete, scope FROM matrix_rows \
         WHERE board_id = $1 AND system_id = $2 AND version = $3 ORDER BY role, profile",
    )
    .bind(&board.0)
    .bind(system_id)
    .bind(version)
    .fetch_all(&mut *tx)
    .await?;
    Ok(Some(MatrixVersion { head, rows: rows.iter().map(matrix_row_from).collect::<Result<_>>()? }))
}

pub(crate) async fn version(
    pool: &Pool,
    board: &BoardId,
    system_id: &str,
    version: Option<i64>,
) -> Result<Option<MatrixVersion>> {
    let mut connection = pool.acquire().await?;
    read_version(&mut connection, board, system_id, version).await
}

pub(crate) async fn save_matrix(
    pool: &Pool,
    board: &BoardId,
    actor: &Actor,
    system_id: &str,
    note: Option<&str>,
    rows: &[MatrixRow],
) -> Result<MatrixVersion> {
    let mut tx = begin(pool).await?;
    lock_board(&mut tx, board).await?;
    let last: Option<i64> =
        sqlx::query_scalar("SELECT MAX(version) FROM matrix_versions WHERE board_id = $1 AND system_id = $2")
            .bind(&board.0)
            .bind(system_id)
            .fetch_one(&mut *tx)
            .await?;
    let version = last.unwrap_or(0) + 1;
    sqlx::query(
        "INSERT INTO matrix_versions (board_id, system_id, version, note, saved_at, saved_by_label) \
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(&board.0)
    .bind(system_id)
    .bind(version)
    .bind(note)
    .bind(actor.at.as_second())
    .bind(&actor.label)
    .execute(&mut *tx)
    .await
    .map_err(|e| classify(e, "version", "system_id"))?;
    for row in rows {
        sqlx::query(
            "INSERT INTO matrix_rows (board_id, system_id, version, role, profile, can_view, can_change, can_delete, \
             scope) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
        )
        .bind(&board.0)
        .bind(system_id)
        .bind(version)
        .bind(row.role.code())
        .bind(row.profile.trim())
        .bind(row.rights.contains(&Right::View))
        .bind(row.rights.contains(&Right::Change))
        .bind(row.rights.contains(&Right::Delete))
        .bind(row.scope.code())
        .execute(&mut *tx)
        .await
        .map_err(|e| classify(e, "rows", "system_id"))?;
    }
    let event = AuditEvent::new(AuditAction::Create, "access_matrix", system_id).fields(&["version", "note", "rows"]);
    audit(&mut tx, board, actor, &event).await?;
    let stored = read_version(&mut tx, board, system_id, Some(version)).await?.ok_or(StoreError::NotFound)?;
    tx.commit().await?;
    Ok(stored)
}
