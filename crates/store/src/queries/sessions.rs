// Sessions: staff sign-in (pending and full sessions), the parents' links and sessions, the
// throttle, and purging what expired; compiled for both back-ends (see `queries.rs`).

use crate::{BoardVersions, ParentSession, PendingSession, Principal, SessionStage};
use aantoonbaar_rules::{Role, ScopeKind};

pub(crate) async fn purge_expired(
    pool: &Pool,
    idle_since: Timestamp,
    created_since: Timestamp,
    now: Timestamp,
) -> Result<u64> {
    let (idle, created, now) = (idle_since.as_second(), created_since.as_second(), now.as_second());
    let mut tx = begin(pool).await?;
    let mut purged = 0;
    for table in ["sessions", "parent_sessions"] {
        let sql = format!("DELETE FROM {table} WHERE last_seen_at < $1 OR created_at < $2");
        purged +=
            sqlx::query(sqlx::AssertSqlSafe(sql)).bind(idle).bind(created).execute(&mut *tx).await?.rows_affected();
    }
    for table in ["password_links", "parent_links"] {
        let sql = format!("DELETE FROM {table} WHERE expires_at < $1");
        purged += sqlx::query(sqlx::AssertSqlSafe(sql)).bind(now).execute(&mut *tx).await?.rows_affected();
    }
    purged += sqlx::query("DELETE FROM throttle WHERE blocked_until < $1 AND updated_at < $1")
        .bind(now - 24 * 60 * 60)
        .execute(&mut *tx)
        .await?
        .rows_affected();
    tx.commit().await?;
    Ok(purged)
}

/// The user with their roles and scope, in one query: the joins give one row
/// per (role, scope entry) pair, a handful at most.
pub(super) async fn load_principal(
    pool: &Pool,
    board_id: &str,
    user_id: &str,
    reauthenticated_at: Option<i64>,
) -> Result<Option<Principal>> {
    let rows = sqlx::query(
        "SELECT u.email, u.name, u.scope_kind, b.name AS board_name, r.role, s.school_id, s.group_id FROM users u \
         JOIN boards b ON b.id = u.board_id \
         LEFT JOIN user_roles r ON r.board_id = u.board_id AND r.user_id = u.id \
         LEFT JOIN user_scopes s ON s.board_id = u.board_id AND s.user_id = u.id \
         WHERE u.board_id = $1 AND u.id = $2 AND u.disabled_at IS NULL",
    )
    .bind(board_id)
    .bind(user_id)
    .fetch_all(pool)
    .await?;
    let Some(first) = rows.first() else { return Ok(None) };
    let mut roles = Vec::new();
    let mut entries: Vec<(String, Option<String>)> = Vec::new();
    for row in &rows {
        if let Some(role) = optional_code_col::<Role>(row, "role")?
            && !roles.contains(&role)
        {
            roles.push(role);
        }
        if let Some(school) = row.try_get::<Option<String>, _>("school_id")? {
            let entry = (school, row.try_get("group_id")?);
            if !entries.contains(&entry) {
                entries.push(entry);
            }
        }
    }
    roles.sort_by_key(|role| role.code());
    let scope = match code_col(first, "scope_kind")? {
        ScopeKind::Board => Scope::Board,
        ScopeKind::School => Scope::Schools(entries.into_iter().map(|(school, _)| school).collect()),
        // A group entry without its group would widen nothing: it is left out.
        ScopeKind::Groups => {
            Scope::Groups(entries.into_iter().filter_map(|(school, group)| Some((group?, school))).collect())
        }
    };
    Ok(Some(Principal {
        board: BoardId(board_id.to_owned()),
        board_name: first.try_get("board_name")?,
        user_id: user_id.to_owned(),
        email: first.try_get("email")?,
        name: first.try_get("name")?,
        roles,
        scope,
        reauthenticated_at: reauthenticated_at.map(instant).transpose()?,
    }))
}

/// The moments a session is judged by.
#[derive(Clone, Copy)]
struct SessionWindow {
    idle_since: Timestamp,
    created_since: Timestamp,
    now: Timestamp,
}

/// Ends a session that was idle too long or is too old (`false`), or refreshes
/// its idle timer — at most once a minute, so a page view is rarely a write.
/// `table` is `sessions` or `parent_sessions`.
async fn keep_alive(
    pool: &Pool,
    table: &'static str,
    token_hash: &str,
    row: &DbRow,
    window: SessionWindow,
) -> Result<bool> {
    let created_at: i64 = row.try_get("created_at")?;
    let last_seen_at: i64 = row.try_get("last_seen_at")?;
    if last_seen_at < window.idle_since.as_second() || created_at < window.created_since.as_second() {
        sqlx::query(sqlx::AssertSqlSafe(format!("DELETE FROM {table} WHERE token_hash = $1")))
            .bind(token_hash)
            .execute(pool)
            .await?;
        return Ok(false);
    }
    if window.now.as_second() - last_seen_at >= 60 {
        sqlx::query(sqlx::AssertSqlSafe(format!("UPDATE {table} SET last_seen_at = $1 WHERE token_hash = $2")))
            .bind(window.now.as_second())
            .bind(token_hash)
            .execute(pool)
            .await?;
    }
    Ok(true)
}

pub(crate) async fn session_principal(
    pool: &Pool,
    token_hash: &str,
    idle_since: Timestamp,
    created_since: Timestamp,
    now: Timestamp,
) -> Result<Option<Principal>> {
    let Some(row) = sqlx::query(
        "SELECT board_id, user_id, created_at, last_seen_at, reauth_at FROM sessions WHERE token_hash = $1 AND stage = 'full'",
    )
        .bind(token_hash)
        .fetch_optional(pool)
        .await?
    else {
        return Ok(None);
    };
    let window = SessionWindow { idle_since, created_since, now };
    if !keep_alive(pool, "sessions", token_hash, &row, window).await? {
        return Ok(None);
    }
    let board_id: String = row.try_get("board_id")?;
    let user_id: String = row.try_get("user_id")?;
    load_principal(pool, &board_id, &user_id, row.try_get("reauth_at")?).await
}

/// The principal behind an unrevoked token, with the board's versions read
/// in the same statement as the token (so before the principal: a change in
/// between raises the version past the one returned), the token's id and when
/// its use was last written.
/// Writes `last_used_at` when it is older than [`TOKEN_USE_RESOLUTION`].
pub(crate) async fn token_principal(
    pool: &Pool,
    token_hash: &str,
    now: Timestamp,
) -> Result<Option<(Principal, BoardVersions, String, i64)>> {
    let Some(row) = sqlx::query(
        "SELECT t.board_id, t.id, t.user_id, t.last_used_at, v.consent, v.structure, v.access FROM api_tokens t \
         JOIN board_versions v ON v.board_id = t.board_id WHERE t.token_hash = $1 AND t.revoked_at IS NULL",
    )
    .bind(token_hash)
    .fetch_optional(pool)
    .await?
    else {
        return Ok(None);
    };
    let last_used: Option<i64> = row.try_get("last_used_at")?;
    let board_id: String = row.try_get("board_id")?;
    let id: String = row.try_get("id")?;
    let last_used = match last_used {
        Some(at) if now.as_second() - at < crate::sessions::TOKEN_USE_RESOLUTION => at,
        _ => {
            token_used(pool, &BoardId(board_id.clone()), &id, now).await?;
            now.as_second()
        }
    };
    let versions = BoardVersions {
        consent: row.try_get("consent")?,
        structure: row.try_get("structure")?,
        access: row.try_get("access")?,
    };
    let user_id: String = row.try_get("user_id")?;
    Ok(load_principal(pool, &board_id, &user_id, None).await?.map(|principal| (principal, versions, id, last_used)))
}

/// Records that a token was used at `now`.
pub(crate) async fn token_used(pool: &Pool, board: &BoardId, id: &str, now: Timestamp) -> Result<()> {
    sqlx::query("UPDATE api_tokens SET last_used_at = $1 WHERE board_id = $2 AND id = $3")
        .bind(now.as_second())
        .bind(&board.0)
        .bind(id)
        .execute(pool)
        .await?;
    Ok(())
}

pub(crate) async fn delete_session(pool: &Pool, token_hash: &str) -> Result<()> {
    sqlx::query("DELETE FROM sessions WHERE token_hash = $1").bind(token_hash).execute(pool).await?;
    Ok(())
}

pub(crate) async fn create_session(
    pool: &Pool,
    board: &BoardId,
    actor: &Actor,
    user_id: &str,
    token_hash: &str,
    stage: SessionStage,
) -> Result<()> {
    let mut tx = begin(pool).await?;
    sqlx::query(
        "INSERT INTO sessions (token_hash, board_id, user_id, stage, created_at, last_seen_at) VALUES ($1, $2, $3, $4, $5, $5)",
    )
    .bind(token_hash)
    .bind(&board.0)
    .bind(user_id)
    .bind(stage.code())
    .bind(actor.at.as_second())
    .execute(&mut *tx)
    .await?;
    if stage == SessionStage::Full {
        audit(&mut tx, board, actor, &AuditEvent::new(AuditAction::SignIn, "user", user_id)).await?;
    }
    tx.commit().await?;
    Ok(())
}

pub(crate) async fn pending_session(
    pool: &Pool,
    token_hash: &str,
    created_since: Timestamp,
) -> Result<Option<PendingSession>> {
    let Some(row) = sqlx::query(
        "SELECT s.board_id, s.user_id, s.stage, s.pending_secret, u.email, u.name, u.totp_secret, b.name AS board_name \
         FROM sessions s JOIN users u ON u.board_id = s.board_id AND u.id = s.user_id JOIN boards b ON b.id = s.board_id \
         WHERE s.token_hash = $1 AND s.stage <> 'full' AND s.created_at >= $2",
    )
    .bind(token_hash)
    .bind(created_since.as_second())
    .fetch_optional(pool)
    .await?
    else {
        return Ok(None);
    };
    pending_from(&row).map(Some)
}

/// A session the query found short of `full`.
fn pending_from(row: &DbRow) -> Result<PendingSession> {
    let stage = match code_col(row, "stage")? {
        SessionStage::Full => return Err(StoreError::Corrupt("stage: full".to_owned())),
        stage => stage,
    };
    Ok(PendingSession {
        board: BoardId(row.try_get("board_id")?),
        board_name: row.try_get("board_name")?,
        user_id: row.try_get("user_id")?,
        email: row.try_get("email")?,
        name: row.try_get("name")?,
        stage,
        pending_secret: row.try_get("pending_secret")?,
        totp_secret: row.try_get("totp_secret")?,
    })
}

pub(crate) async fn set_pending_secret(pool: &Pool, token_hash: &str, secret: &str) -> Result<()> {
    sqlx::query("UPDATE sessions SET pending_secret = $2 WHERE token_hash = $1 AND stage = 'enrol'")
        .bind(token_hash)
        .bind(secret)
        .execute(pool)
        .await?;
    Ok(())
}

pub(crate) async fn complete_session(pool: &Pool, pending_hash: &str, full_hash: &str, actor: &Actor) -> Result<()> {
    let mut tx = begin(pool).await?;
    let row = sqlx::query("DELETE FROM sessions WHERE token_hash = $1 AND stage <> 'full' RETURNING board_id, user_id")
        .bind(pending_hash)
        .fetch_optional(&mut *tx)
        .await?
        .ok_or(StoreError::NotFound)?;
    let board = BoardId(row.try_get("board_id")?);
    let user_id: String = row.try_get("user_id")?;
    sqlx::query(
        "INSERT INTO sessions (token_hash, board_id, user_id, stage, reauth_at, created_at, last_seen_at) \
         VALUES ($1, $2, $3, 'full', $4, $4, $4)",
    )
    .bind(full_hash)
    .bind(&board.0)
    .bind(&user_id)
    .bind(actor.at.as_second())
    .execute(&mut *tx)
    .await?;
    audit(&mut tx, &board, actor, &AuditEvent::new(AuditAction::SignIn, "user", &user_id)).await?;
    tx.commit().await?;
    Ok(())
}

pub(crate) async fn set_reauthenticated(pool: &Pool, token_hash: &str, at: Timestamp) -> Result<()> {
    sqlx::query("UPDATE sessions SET reauth_at = $2 WHERE token_hash = $1 AND stage = 'full'")
        .bind(token_hash)
        .bind(at.as_second())
        .execute(pool)
        .await?;
    Ok(())
}

pub(crate) async fn boards_with_guardian(pool: &Pool, email: &str) -> Result<Vec<BoardId>> {
    let ids: Vec<String> = sqlx::query_scalar(
        "SELECT board_id FROM guardians WHERE email = $1 UNION SELECT board_id FROM pupils WHERE email = $1 ORDER BY 1",
    )
    .bind(email)
    .fetch_all(pool)
    .await?;
    Ok(ids.into_iter().map(BoardId).collect())
}

pub(crate) async fn create_parent_link(
    pool: &Pool,
    board: &BoardId,
    email: &str,
    token_hash: &str,
    expires_at: Timestamp,
) -> Result<()> {
    sqlx::query("INSERT INTO parent_links (token_hash, board_id, email, expires_at) VALUES ($1, $2, $3, $4)")
        .bind(token_hash)
        .bind(&board.0)
        .bind(email)
        .bind(expires_at.as_second())
        .execute(pool)
        .await?;
    Ok(())
}

pub(crate) async fn use_parent_link(
    pool: &Pool,
    token_hash: &str,
    now: Timestamp,
) -> Result<Option<(BoardId, String)>> {
    let row = sqlx::query(
        "UPDATE parent_links SET used_at = $2 WHERE token_hash = $1 AND used_at IS NULL AND expires_at > $2 RETURNING board_id, email",
    )
    .bind(token_hash)
    .bind(now.as_second())
    .fetch_optional(pool)
    .await?;
    row.map(|row| Ok((BoardId(row.try_get("board_id")?), row.try_get("email")?))).transpose()
}

pub(crate) async fn create_parent_session(
    pool: &Pool,
    board: &BoardId,
    actor: &Actor,
    email: &str,
    token_hash: &str,
) -> Result<()> {
    let mut tx = begin(pool).await?;
    sqlx::query("INSERT INTO parent_sessions (token_hash, board_id, email, created_at, last_seen_at) VALUES ($1, $2, $3, $4, $4)")
        .bind(token_hash)
        .bind(&board.0)
        .bind(email)
        .bind(actor.at.as_second())
        .execute(&mut *tx)
        .await?;
    audit(&mut tx, board, actor, &AuditEvent::new(AuditAction::SignIn, "parent", email)).await?;
    tx.commit().await?;
    Ok(())
}

pub(crate) async fn parent_session(
    pool: &Pool,
    token_hash: &str,
    idle_since: Timestamp,
    created_since: Timestamp,
    now: Timestamp,
) -> Result<Option<ParentSession>> {
    let Some(row) = sqlx::query(
        "SELECT s.board_id, s.email, s.created_at, s.last_seen_at, b.name AS board_name FROM parent_sessions s \
         JOIN boards b ON b.id = s.board_id WHERE s.token_hash = $1",
    )
    .bind(token_hash)
    .fetch_optional(pool)
    .await?
    else {
        return Ok(None);
    };
    let window = SessionWindow { idle_since, created_since, now };
    if !keep_alive(pool, "parent_sessions", token_hash, &row, window).await? {
        return Ok(None);
    }
    Ok(Some(ParentSession {
        board: BoardId(row.try_get("board_id")?),
        board_name: row.try_get("board_name")?,
        email: row.try_get("email")?,
    }))
}

pub(crate) async fn delete_parent_session(pool: &Pool, token_hash: &str) -> Result<()> {
    sqlx::query("DELETE FROM parent_sessions WHERE token_hash = $1").bind(token_hash).execute(pool).await?;
    Ok(())
}

pub(crate) async fn throttle_wait(pool: &Pool, keys: &[String], now: Timestamp) -> Result<Option<i64>> {
    let mut qb = QueryBuilder::new("SELECT MAX(blocked_until) FROM throttle WHERE key IN (");
    push_list(&mut qb, keys.iter().cloned());
    qb.push(")");
    let until: Option<i64> = qb.build_query_scalar().fetch_one(pool).await?;
    Ok(until.map(|until| until - now.as_second()).filter(|wait| *wait > 0))
}

pub(crate) async fn throttle_failure(pool: &Pool, key: &str, now: Timestamp, delay: fn(i64) -> i64) -> Result<()> {
    let mut tx = begin(pool).await?;
    let failures: i64 = sqlx::query_scalar(
        "INSERT INTO throttle (key, failures, blocked_until, updated_at) VALUES ($1, 1, 0, $2) \
         ON CONFLICT (key) DO UPDATE SET failures = throttle.failures + 1, updated_at = excluded.updated_at RETURNING failures",
    )
    .bind(key)
    .bind(now.as_second())
    .fetch_one(&mut *tx)
    .await?;
    sqlx::query("UPDATE throttle SET blocked_until = $2 WHERE key = $1")
        .bind(key)
        .bind(now.as_second() + delay(failures))
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(())
}

pub(crate) async fn throttle_reset(pool: &Pool, keys: &[String]) -> Result<()> {
    let mut qb = QueryBuilder::new("DELETE FROM throttle WHERE key IN (");
    push_list(&mut qb, keys.iter().cloned());
    qb.push(")");
    qb.build().execute(pool).await?;
    Ok(())
}
