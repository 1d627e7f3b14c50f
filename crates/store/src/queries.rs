// The SQL of the store, written once. `sqlite.rs` and `postgres.rs` each
// `include!` this file after defining `Db` (the sqlx database type),
// `BEGIN_WRITE` and `MIGRATIONS`, so the same statements are compiled and type
// checked for both back-ends. Only SQL both understand is allowed here:
// `$n` placeholders, `RETURNING`, `ON CONFLICT`, no back-end functions.

use crate::model::{
    ApiToken, Board, BoardId, BoardSettings, Channel, ConsentDecisionRecord, ConsentFacts, ConsentPurpose, DecisionFact,
    EquatedDay, Group, NewConsentDecision, ObjectionFact, RoundPupil, OutboxMail, ParentSession, PendingSession, SessionStage, Guardian, ImportReport, ImportedName, ImportedPupil, Link,
    LinkedGuardian, NewGuardian, NewPupil, NewSchool, NewUser, Principal, Pupil, PupilQuery, School, Scope, User,
};
use crate::audit_chain::{Canonical, ChainBreak, ChainProblem};
use crate::{Actor, AuditAction, AuditEntry, AuditEvent, AuditFilter, Credentials, StoreError};
use aantoonbaar_rules::organisation::{FamilySituation, LeaveDestination, Relation};
use aantoonbaar_rules::{Email, Role, ScopeKind};
use jiff::Timestamp;
use jiff::civil::Date;
use sqlx::error::ErrorKind;
use sqlx::{QueryBuilder, Row};
use std::collections::HashMap;

type Pool = sqlx::Pool<Db>;
type Tx = sqlx::Transaction<'static, Db>;
type DbRow = <Db as sqlx::Database>::Row;

pub(crate) async fn migrate(pool: &Pool) -> Result<()> {
    use sqlx::migrate::{Migration, MigrationType, Migrator};
    use sqlx::{AssertSqlSafe, SqlSafeStr};
    let migrations = MIGRATIONS
        .iter()
        .map(|(version, name, sql)| {
            Migration::new(*version, (*name).into(), MigrationType::Simple, AssertSqlSafe(*sql).into_sql_str(), false)
        })
        .collect();
    Migrator::with_migrations(migrations).run(pool).await?;
    Ok(())
}

// ---------------------------------------------------------------- helpers

fn new_id() -> String {
    uuid::Uuid::new_v4().to_string()
}

fn classify(err: sqlx::Error, duplicate: &'static str, reference: &'static str) -> StoreError {
    if let Some(db) = err.as_database_error() {
        match db.kind() {
            ErrorKind::UniqueViolation => return StoreError::Duplicate { field: duplicate },
            ErrorKind::ForeignKeyViolation => return StoreError::BadReference { field: reference },
            _ => {}
        }
    }
    StoreError::Database(err)
}

fn date_col(row: &DbRow, column: &str) -> Result<Date> {
    let text: String = row.try_get(column)?;
    text.parse().map_err(|_| StoreError::Corrupt(format!("{column}: {text}")))
}

fn optional_date_col(row: &DbRow, column: &str) -> Result<Option<Date>> {
    let text: Option<String> = row.try_get(column)?;
    text.map(|t| t.parse().map_err(|_| StoreError::Corrupt(format!("{column}: {t}")))).transpose()
}

fn instant(seconds: i64) -> Result<Timestamp> {
    Timestamp::from_second(seconds).map_err(|_| StoreError::Corrupt(format!("instant {seconds}")))
}

fn code_col<T>(row: &DbRow, column: &str, parse: fn(&str) -> Result<T, aantoonbaar_rules::Invalid>) -> Result<Option<T>> {
    let code: Option<String> = row.try_get(column)?;
    code.map(|c| parse(&c).map_err(|_| StoreError::Corrupt(format!("{column}: {c}")))).transpose()
}

/// Adds the caller's scope as a condition: `school_col` and `group_col` name the
/// columns of the row being filtered (`None` when the row has no group).
fn push_scope(qb: &mut QueryBuilder<Db>, scope: &Scope, school_col: &str, group_col: Option<&str>) {
    match scope {
        Scope::Board => {}
        Scope::Schools(ids) => {
            qb.push(format_args!(" AND {school_col} IN ("));
            push_list(qb, ids.iter().cloned());
            qb.push(")");
        }
        Scope::Groups(groups) => match group_col {
            Some(group_col) => {
                qb.push(format_args!(" AND {group_col} IN ("));
                push_list(qb, groups.iter().map(|(group, _)| group.clone()));
                qb.push(")");
            }
            None => {
                qb.push(format_args!(" AND {school_col} IN ("));
                push_list(qb, groups.iter().map(|(_, school)| school.clone()));
                qb.push(")");
            }
        },
    }
}

/// A comma-separated list of bound values; an empty list matches nothing.
fn push_list(qb: &mut QueryBuilder<Db>, values: impl Iterator<Item = String>) {
    let mut any = false;
    let mut list = qb.separated(", ");
    for value in values {
        list.push_bind(value);
        any = true;
    }
    if !any {
        qb.push("NULL");
    }
}

async fn begin(pool: &Pool) -> Result<Tx> {
    Ok(pool.begin_with(BEGIN_WRITE).await?)
}

/// Takes the board's row lock (PostgreSQL; SQLite already holds the write lock
/// from `BEGIN IMMEDIATE`), so what a write transaction reads before it writes
/// cannot change under it.
async fn lock_board(tx: &mut Tx, board: &BoardId) -> Result<()> {
    sqlx::query("UPDATE boards SET audit_seq = audit_seq WHERE id = $1").bind(&board.0).execute(&mut **tx).await?;
    Ok(())
}

/// Appends an audit entry in the caller's transaction, chained to the board's
/// previous entry.
async fn audit(tx: &mut Tx, board: &BoardId, actor: &Actor, event: &AuditEvent) -> Result<()> {
    audit_many(tx, board, &[(actor, event)]).await
}

/// Appends entries in the caller's transaction, in order, chained to the
/// board's previous entry, in three statements however many there are.
/// Bumping the board's counter first serialises a board's writers, so `seq`
/// has no gaps and the chain no forks.
async fn audit_many(tx: &mut Tx, board: &BoardId, entries: &[(&Actor, &AuditEvent)]) -> Result<()> {
    let Ok(count) = i64::try_from(entries.len()) else { return Err(StoreError::Corrupt("audit batch".to_owned())) };
    if count == 0 {
        return Ok(());
    }
    let head = sqlx::query("UPDATE boards SET audit_seq = audit_seq + $2 WHERE id = $1 RETURNING audit_seq, audit_head")
        .bind(&board.0)
        .bind(count)
        .fetch_one(&mut **tx)
        .await?;
    let last: i64 = head.try_get("audit_seq")?;
    let mut previous: String = head.try_get("audit_head")?;
    let mut rows = Vec::with_capacity(entries.len());
    for (seq, (actor, event)) in (last - count + 1..).zip(entries) {
        let fields = serde_json::to_string(&event.fields).map_err(|e| StoreError::Corrupt(e.to_string()))?;
        let hash = Canonical {
            board_id: &board.0,
            seq,
            at: actor.at.as_second(),
            actor: &actor.label,
            ip: actor.ip.as_deref(),
            action: event.action.code(),
            entity: event.entity,
            entity_id: &event.entity_id,
            fields: &fields,
        }
        .hash(&previous);
        rows.push((seq, *actor, *event, fields, std::mem::replace(&mut previous, hash.clone()), hash));
    }
    // 11 values a row stays far below both back-ends' limit on bound values.
    for chunk in rows.chunks(500) {
        let mut qb = QueryBuilder::new(
            "INSERT INTO audit_events (board_id, seq, at, actor, ip, action, entity, entity_id, fields, prev_hash, hash) ",
        );
        qb.push_values(chunk, |mut row, (seq, actor, event, fields, prev_hash, hash)| {
            row.push_bind(board.0.clone())
                .push_bind(*seq)
                .push_bind(actor.at.as_second())
                .push_bind(actor.label.clone())
                .push_bind(actor.ip.clone())
                .push_bind(event.action.code())
                .push_bind(event.entity)
                .push_bind(event.entity_id.clone())
                .push_bind(fields.clone())
                .push_bind(prev_hash.clone())
                .push_bind(hash.clone());
        });
        qb.build().execute(&mut **tx).await?;
    }
    sqlx::query("UPDATE boards SET audit_head = $2 WHERE id = $1").bind(&board.0).bind(previous).execute(&mut **tx).await?;
    Ok(())
}

// ---------------------------------------------------------------- boards

fn board_from(row: &DbRow) -> Result<Board> {
    Ok(Board { id: BoardId(row.try_get("id")?), name: row.try_get("name")? })
}

pub(crate) async fn board_ids(pool: &Pool) -> Result<Vec<BoardId>> {
    let rows = sqlx::query("SELECT id FROM boards ORDER BY id").fetch_all(pool).await?;
    rows.iter().map(|row| Ok(BoardId(row.try_get("id")?))).collect()
}

pub(crate) async fn purge_expired(pool: &Pool, idle_since: Timestamp, created_since: Timestamp, now: Timestamp) -> Result<u64> {
    let (idle, created, now) = (idle_since.as_second(), created_since.as_second(), now.as_second());
    let mut tx = begin(pool).await?;
    let mut purged = 0;
    for table in ["sessions", "parent_sessions"] {
        let sql = format!("DELETE FROM {table} WHERE last_seen_at < $1 OR created_at < $2");
        purged += sqlx::query(sqlx::AssertSqlSafe(sql)).bind(idle).bind(created).execute(&mut *tx).await?.rows_affected();
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

pub(crate) async fn board_by_name(pool: &Pool, name: &str) -> Result<Option<Board>> {
    let row = sqlx::query("SELECT id, name FROM boards WHERE name = $1").bind(name).fetch_optional(pool).await?;
    row.as_ref().map(board_from).transpose()
}

pub(crate) async fn ensure_board(pool: &Pool, name: &str, at: Timestamp) -> Result<Board> {
    sqlx::query("INSERT INTO boards (id, name, created_at) VALUES ($1, $2, $3) ON CONFLICT (name) DO NOTHING")
        .bind(new_id())
        .bind(name)
        .bind(at.as_second())
        .execute(pool)
        .await?;
    board_by_name(pool, name).await?.ok_or(StoreError::NotFound)
}

// ---------------------------------------------------------------- sign-in

pub(crate) async fn credentials_by_email(pool: &Pool, email: &str) -> Result<Option<Credentials>> {
    let row = sqlx::query("SELECT board_id, id, password_hash, totp_secret, mfa_exempt FROM users WHERE email = $1")
        .bind(email)
        .fetch_optional(pool)
        .await?;
    row.map(|row| {
        Ok(Credentials {
            board: BoardId(row.try_get("board_id")?),
            user_id: row.try_get("id")?,
            password_hash: row.try_get("password_hash")?,
            totp_secret: row.try_get("totp_secret")?,
            mfa_exempt: row.try_get("mfa_exempt")?,
        })
    })
    .transpose()
}

/// The user with their roles and scope, in one query: the joins give one row
/// per (role, scope entry) pair, a handful at most.
async fn load_principal(pool: &Pool, board_id: &str, user_id: &str, reauthenticated_at: Option<i64>) -> Result<Option<Principal>> {
    let rows = sqlx::query(
        "SELECT u.email, u.name, u.scope_kind, b.name AS board_name, r.role, s.school_id, s.group_id FROM users u \
         JOIN boards b ON b.id = u.board_id \
         LEFT JOIN user_roles r ON r.board_id = u.board_id AND r.user_id = u.id \
         LEFT JOIN user_scopes s ON s.board_id = u.board_id AND s.user_id = u.id \
         WHERE u.board_id = $1 AND u.id = $2",
    )
    .bind(board_id)
    .bind(user_id)
    .fetch_all(pool)
    .await?;
    let Some(first) = rows.first() else { return Ok(None) };
    let mut roles = Vec::new();
    let mut entries: Vec<(String, Option<String>)> = Vec::new();
    for row in &rows {
        if let Some(code) = row.try_get::<Option<String>, _>("role")? {
            let role = Role::from_code(&code).map_err(|_| StoreError::Corrupt(format!("role {code}")))?;
            if !roles.contains(&role) {
                roles.push(role);
            }
        }
        if let Some(school) = row.try_get::<Option<String>, _>("school_id")? {
            let entry = (school, row.try_get("group_id")?);
            if !entries.contains(&entry) {
                entries.push(entry);
            }
        }
    }
    roles.sort_by_key(|role| role.code());
    let scope_kind: String = first.try_get("scope_kind")?;
    let scope = match scope_kind.as_str() {
        "board" => Scope::Board,
        "school" => Scope::Schools(entries.into_iter().map(|(school, _)| school).collect()),
        "groups" => Scope::Groups(entries.into_iter().filter_map(|(school, group)| Some((group?, school))).collect()),
        other => return Err(StoreError::Corrupt(format!("scope_kind {other}"))),
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
async fn keep_alive(pool: &Pool, table: &'static str, token_hash: &str, row: &DbRow, window: SessionWindow) -> Result<bool> {
    let created_at: i64 = row.try_get("created_at")?;
    let last_seen_at: i64 = row.try_get("last_seen_at")?;
    if last_seen_at < window.idle_since.as_second() || created_at < window.created_since.as_second() {
        sqlx::query(sqlx::AssertSqlSafe(format!("DELETE FROM {table} WHERE token_hash = $1"))).bind(token_hash).execute(pool).await?;
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

pub(crate) async fn token_principal(pool: &Pool, token_hash: &str, now: Timestamp) -> Result<Option<Principal>> {
    let Some(row) = sqlx::query(
        "SELECT board_id, id, user_id, last_used_at FROM api_tokens WHERE token_hash = $1 AND revoked_at IS NULL",
    )
    .bind(token_hash)
    .fetch_optional(pool)
    .await?
    else {
        return Ok(None);
    };
    let last_used: Option<i64> = row.try_get("last_used_at")?;
    let board_id: String = row.try_get("board_id")?;
    if last_used.is_none_or(|t| now.as_second() - t >= 60) {
        let id: String = row.try_get("id")?;
        sqlx::query("UPDATE api_tokens SET last_used_at = $1 WHERE board_id = $2 AND id = $3")
            .bind(now.as_second())
            .bind(&board_id)
            .bind(id)
            .execute(pool)
            .await?;
    }
    let user_id: String = row.try_get("user_id")?;
    load_principal(pool, &board_id, &user_id, None).await
}

pub(crate) async fn password_link_user(pool: &Pool, token_hash: &str, now: Timestamp) -> Result<Option<Principal>> {
    let Some(row) = sqlx::query(
        "SELECT board_id, user_id FROM password_links WHERE token_hash = $1 AND used_at IS NULL AND expires_at > $2",
    )
    .bind(token_hash)
    .bind(now.as_second())
    .fetch_optional(pool)
    .await?
    else {
        return Ok(None);
    };
    let board_id: String = row.try_get("board_id")?;
    let user_id: String = row.try_get("user_id")?;
    load_principal(pool, &board_id, &user_id, None).await
}

pub(crate) async fn use_password_link(pool: &Pool, token_hash: &str, password_hash: &str, actor: &Actor) -> Result<()> {
    let mut tx = begin(pool).await?;
    let row = sqlx::query(
        "UPDATE password_links SET used_at = $1 WHERE token_hash = $2 AND used_at IS NULL AND expires_at > $1 \
         RETURNING board_id, user_id",
    )
    .bind(actor.at.as_second())
    .bind(token_hash)
    .fetch_optional(&mut *tx)
    .await?
    .ok_or(StoreError::NotFound)?;
    let board = BoardId(row.try_get("board_id")?);
    let user_id: String = row.try_get("user_id")?;
    sqlx::query("UPDATE users SET password_hash = $1 WHERE board_id = $2 AND id = $3")
        .bind(password_hash)
        .bind(&board.0)
        .bind(&user_id)
        .execute(&mut *tx)
        .await?;
    // A new password ends every session that the old one opened.
    sqlx::query("DELETE FROM sessions WHERE board_id = $1 AND user_id = $2")
        .bind(&board.0)
        .bind(&user_id)
        .execute(&mut *tx)
        .await?;
    audit(&mut tx, &board, actor, &AuditEvent::new(AuditAction::SetPassword, "user", &user_id)).await?;
    tx.commit().await?;
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

pub(crate) async fn pending_session(pool: &Pool, token_hash: &str, created_since: Timestamp) -> Result<Option<PendingSession>> {
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
    let stage: String = row.try_get("stage")?;
    Ok(Some(PendingSession {
        board: BoardId(row.try_get("board_id")?),
        board_name: row.try_get("board_name")?,
        user_id: row.try_get("user_id")?,
        email: row.try_get("email")?,
        name: row.try_get("name")?,
        stage: if stage == "enrol" { SessionStage::Enrol } else { SessionStage::SecondFactor },
        pending_secret: row.try_get("pending_secret")?,
        totp_secret: row.try_get("totp_secret")?,
    }))
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

pub(crate) async fn enrol_totp(
    pool: &Pool,
    board: &BoardId,
    actor: &Actor,
    user_id: &str,
    secret: &str,
    step: i64,
    recovery_hashes: &[String],
) -> Result<()> {
    let mut tx = begin(pool).await?;
    sqlx::query("UPDATE users SET totp_secret = $3, totp_last_step = $4 WHERE board_id = $1 AND id = $2")
        .bind(&board.0)
        .bind(user_id)
        .bind(secret)
        .bind(step)
        .execute(&mut *tx)
        .await?;
    sqlx::query("DELETE FROM recovery_codes WHERE board_id = $1 AND user_id = $2").bind(&board.0).bind(user_id).execute(&mut *tx).await?;
    for hash in recovery_hashes {
        sqlx::query("INSERT INTO recovery_codes (board_id, user_id, code_hash) VALUES ($1, $2, $3)")
            .bind(&board.0)
            .bind(user_id)
            .bind(hash)
            .execute(&mut *tx)
            .await?;
    }
    audit(&mut tx, board, actor, &AuditEvent::new(AuditAction::EnrolTwoStep, "user", user_id)).await?;
    tx.commit().await?;
    Ok(())
}

pub(crate) async fn accept_totp_step(pool: &Pool, board: &BoardId, user_id: &str, step: i64) -> Result<bool> {
    let done = sqlx::query(
        "UPDATE users SET totp_last_step = $3 WHERE board_id = $1 AND id = $2 AND (totp_last_step IS NULL OR totp_last_step < $3)",
    )
    .bind(&board.0)
    .bind(user_id)
    .bind(step)
    .execute(pool)
    .await?;
    Ok(done.rows_affected() == 1)
}

pub(crate) async fn use_recovery_code(pool: &Pool, board: &BoardId, actor: &Actor, user_id: &str, code_hash: &str) -> Result<bool> {
    let mut tx = begin(pool).await?;
    let done = sqlx::query(
        "UPDATE recovery_codes SET used_at = $4 WHERE board_id = $1 AND user_id = $2 AND code_hash = $3 AND used_at IS NULL",
    )
    .bind(&board.0)
    .bind(user_id)
    .bind(code_hash)
    .bind(actor.at.as_second())
    .execute(&mut *tx)
    .await?;
    if done.rows_affected() == 0 {
        return Ok(false);
    }
    audit(&mut tx, board, actor, &AuditEvent::new(AuditAction::UseRecoveryCode, "user", user_id)).await?;
    tx.commit().await?;
    Ok(true)
}

// ---------------------------------------------------------------- parents and mail

pub(crate) async fn boards_with_guardian(pool: &Pool, email: &str) -> Result<Vec<BoardId>> {
    let ids: Vec<String> = sqlx::query_scalar(
        "SELECT board_id FROM guardians WHERE email = $1 UNION SELECT board_id FROM pupils WHERE email = $1 ORDER BY 1",
    )
    .bind(email)
    .fetch_all(pool)
    .await?;
    Ok(ids.into_iter().map(BoardId).collect())
}

pub(crate) async fn create_parent_link(pool: &Pool, board: &BoardId, email: &str, token_hash: &str, expires_at: Timestamp) -> Result<()> {
    sqlx::query("INSERT INTO parent_links (token_hash, board_id, email, expires_at) VALUES ($1, $2, $3, $4)")
        .bind(token_hash)
        .bind(&board.0)
        .bind(email)
        .bind(expires_at.as_second())
        .execute(pool)
        .await?;
    Ok(())
}

pub(crate) async fn use_parent_link(pool: &Pool, token_hash: &str, now: Timestamp) -> Result<Option<(BoardId, String)>> {
    let row = sqlx::query(
        "UPDATE parent_links SET used_at = $2 WHERE token_hash = $1 AND used_at IS NULL AND expires_at > $2 RETURNING board_id, email",
    )
    .bind(token_hash)
    .bind(now.as_second())
    .fetch_optional(pool)
    .await?;
    row.map(|row| Ok((BoardId(row.try_get("board_id")?), row.try_get("email")?))).transpose()
}

pub(crate) async fn create_parent_session(pool: &Pool, board: &BoardId, actor: &Actor, email: &str, token_hash: &str) -> Result<()> {
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
    Ok(Some(ParentSession { board: BoardId(row.try_get("board_id")?), board_name: row.try_get("board_name")?, email: row.try_get("email")? }))
}

pub(crate) async fn delete_parent_session(pool: &Pool, token_hash: &str) -> Result<()> {
    sqlx::query("DELETE FROM parent_sessions WHERE token_hash = $1").bind(token_hash).execute(pool).await?;
    Ok(())
}

pub(crate) async fn children_of(pool: &Pool, board: &BoardId, email: &str, today: Date) -> Result<Vec<Pupil>> {
    // A pupil with this address of their own sees themself from the day they decide for themselves.
    let born_by = aantoonbaar_rules::age::sixteenth_birthday_cutoff(today);
    let mut qb = QueryBuilder::new(PUPIL_COLUMNS);
    qb.push_bind(board.0.clone());
    qb.push(
        " AND (id IN (SELECT pg.pupil_id FROM pupil_guardians pg JOIN guardians gu ON gu.board_id = pg.board_id \
         AND gu.id = pg.guardian_id WHERE pg.board_id = ",
    );
    qb.push_bind(board.0.clone()).push(" AND gu.email = ").push_bind(email.to_owned()).push(")");
    qb.push(" OR (email = ").push_bind(email.to_owned()).push(" AND birth_date <= ").push_bind(born_by.to_string()).push("))");
    qb.push(" AND (leave_date IS NULL OR leave_date > ").push_bind(today.to_string()).push(") ORDER BY birth_date, given_name");
    let rows = qb.build().fetch_all(pool).await?;
    rows.iter().map(pupil_from).collect()
}

pub(crate) async fn queue_mail(
    pool: &Pool,
    board: &BoardId,
    recipient: &str,
    subject: &str,
    body: &str,
    sensitive: bool,
    at: Timestamp,
) -> Result<String> {
    let id = new_id();
    sqlx::query(
        "INSERT INTO outbox (board_id, id, recipient, subject, body, sensitive, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(&board.0)
    .bind(&id)
    .bind(recipient)
    .bind(subject)
    .bind(body)
    .bind(sensitive)
    .bind(at.as_second())
    .execute(pool)
    .await?;
    Ok(id)
}

pub(crate) async fn mark_mail(pool: &Pool, board: &BoardId, id: &str, sent_at: Option<Timestamp>, error: Option<&str>) -> Result<()> {
    sqlx::query(
        "UPDATE outbox SET sent_at = $3, error = $4, \
         body = CASE WHEN sensitive AND $3 IS NOT NULL THEN '' ELSE body END WHERE board_id = $1 AND id = $2",
    )
    .bind(&board.0)
    .bind(id)
    .bind(sent_at.map(|t| t.as_second()))
    .bind(error)
    .execute(pool)
    .await?;
    Ok(())
}

pub(crate) async fn outbox(pool: &Pool, board: &BoardId, limit: i64) -> Result<Vec<OutboxMail>> {
    let rows = sqlx::query(
        "SELECT id, recipient, subject, body, created_at, sent_at, error FROM outbox WHERE board_id = $1 \
         ORDER BY created_at DESC, id LIMIT $2",
    )
    .bind(&board.0)
    .bind(limit)
    .fetch_all(pool)
    .await?;
    rows.iter()
        .map(|row| {
            Ok(OutboxMail {
                id: row.try_get("id")?,
                recipient: row.try_get("recipient")?,
                subject: row.try_get("subject")?,
                body: row.try_get("body")?,
                created_at: instant(row.try_get("created_at")?)?,
                sent_at: row.try_get::<Option<i64>, _>("sent_at")?.map(instant).transpose()?,
                error: row.try_get("error")?,
            })
        })
        .collect()
}

// ---------------------------------------------------------------- consent

async fn ensure_default_purposes(pool: &Pool, board: &BoardId, at: Timestamp) -> Result<()> {
    let mut tx = begin(pool).await?;
    for (position, purpose) in aantoonbaar_rules::consent::DEFAULT_PURPOSES.iter().enumerate() {
        let inserted = sqlx::query(
            "INSERT INTO consent_purposes (board_id, code, name, position) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING",
        )
        .bind(&board.0)
        .bind(purpose.code)
        .bind(purpose.name)
        .bind(i64::try_from(position).unwrap_or(i64::MAX))
        .execute(&mut *tx)
        .await?;
        if inserted.rows_affected() == 1 {
            sqlx::query(
                "INSERT INTO consent_purpose_texts (board_id, purpose_code, version, description, created_at) VALUES ($1, $2, 1, $3, $4)",
            )
            .bind(&board.0)
            .bind(purpose.code)
            .bind(purpose.description)
            .bind(at.as_second())
            .execute(&mut *tx)
            .await?;
        }
    }
    tx.commit().await?;
    Ok(())
}

pub(crate) async fn consent_purposes(pool: &Pool, board: &BoardId, at: Timestamp) -> Result<Vec<ConsentPurpose>> {
    let query = "SELECT p.code, p.name, t.version, t.description FROM consent_purposes p \
         JOIN consent_purpose_texts t ON t.board_id = p.board_id AND t.purpose_code = p.code \
         WHERE p.board_id = $1 AND t.version = (SELECT MAX(version) FROM consent_purpose_texts x \
           WHERE x.board_id = p.board_id AND x.purpose_code = p.code) ORDER BY p.position, p.code";
    let mut rows = sqlx::query(query).bind(&board.0).fetch_all(pool).await?;
    if rows.is_empty() {
        ensure_default_purposes(pool, board, at).await?;
        rows = sqlx::query(query).bind(&board.0).fetch_all(pool).await?;
    }
    rows.iter()
        .map(|row| {
            Ok(ConsentPurpose {
                code: row.try_get("code")?,
                name: row.try_get("name")?,
                description: row.try_get("description")?,
                version: row.try_get("version")?,
            })
        })
        .collect()
}

pub(crate) async fn board_settings(pool: &Pool, board: &BoardId) -> Result<BoardSettings> {
    let row = sqlx::query("SELECT consent_renewal, both_parents_when_separated FROM board_settings WHERE board_id = $1")
        .bind(&board.0)
        .fetch_optional(pool)
        .await?;
    row.map_or_else(|| Ok(BoardSettings::default()), |row| settings_from(&row))
}

/// The settings from a row whose columns are NULL when the board chose nothing yet.
fn settings_from(row: &DbRow) -> Result<BoardSettings> {
    let renewal: Option<String> = row.try_get("consent_renewal")?;
    let Some(renewal) = renewal else { return Ok(BoardSettings::default()) };
    Ok(BoardSettings {
        consent_renewal: aantoonbaar_rules::consent::Renewal::from_code(&renewal)
            .map_err(|_| StoreError::Corrupt(format!("consent_renewal {renewal}")))?,
        both_parents_when_separated: row.try_get("both_parents_when_separated")?,
    })
}

pub(crate) async fn set_board_settings(pool: &Pool, board: &BoardId, actor: &Actor, settings: BoardSettings) -> Result<()> {
    let mut tx = begin(pool).await?;
    sqlx::query(
        "INSERT INTO board_settings (board_id, consent_renewal, both_parents_when_separated) VALUES ($1, $2, $3) \
         ON CONFLICT (board_id) DO UPDATE SET consent_renewal = excluded.consent_renewal, \
         both_parents_when_separated = excluded.both_parents_when_separated",
    )
    .bind(&board.0)
    .bind(settings.consent_renewal.code())
    .bind(settings.both_parents_when_separated)
    .execute(&mut *tx)
    .await?;
    let event = AuditEvent::new(AuditAction::Update, "board_settings", &board.0)
        .fields(&["consent_renewal", "both_parents_when_separated"]);
    audit(&mut tx, board, actor, &event).await?;
    tx.commit().await?;
    Ok(())
}

/// Records a batch of decisions (of any boards) in one transaction, so one
/// `fsync` makes them all durable (group commit, see `group_commit.rs`). The
/// batch is written with a few multi-row statements; when that fails (one
/// decision names a pupil that does not exist), each decision is written in a
/// savepoint of its own, so the bad one fails alone and the others commit.
pub(crate) async fn record_consent_decisions(
    pool: &Pool,
    batch: &[(&BoardId, &Actor, &NewConsentDecision)],
) -> Result<Vec<Result<ConsentDecisionRecord>>> {
    let mut boards: Vec<&BoardId> = batch.iter().map(|(board, _, _)| *board).collect();
    boards.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    boards.dedup();
    for board in boards {
        consent_purposes(pool, board, batch[0].1.at).await?;
    }
    let mut tx = begin(pool).await?;
    sqlx::query("SAVEPOINT batch").execute(&mut *tx).await?;
    let results = match insert_consent_decisions(&mut tx, batch).await {
        Ok(records) => {
            sqlx::query("RELEASE SAVEPOINT batch").execute(&mut *tx).await?;
            records.into_iter().map(Ok).collect()
        }
        Err(_) => {
            sqlx::query("ROLLBACK TO SAVEPOINT batch").execute(&mut *tx).await?;
            let mut results = Vec::with_capacity(batch.len());
            for item in batch {
                sqlx::query("SAVEPOINT decision").execute(&mut *tx).await?;
                let result = insert_consent_decisions(&mut tx, std::slice::from_ref(item)).await.map(|mut r| r.remove(0));
                let end = if result.is_ok() { "RELEASE SAVEPOINT decision" } else { "ROLLBACK TO SAVEPOINT decision" };
                sqlx::query(end).execute(&mut *tx).await?;
                results.push(result);
            }
            results
        }
    };
    tx.commit().await?;
    Ok(results)
}

/// Inserts decisions against each purpose's current text version, with their
/// audit entries; the records in the order given.
async fn insert_consent_decisions(
    tx: &mut Tx,
    batch: &[(&BoardId, &Actor, &NewConsentDecision)],
) -> Result<Vec<ConsentDecisionRecord>> {
    let mut versions: HashMap<(&str, &str), i64> = HashMap::new();
    for (board, _, decision) in batch {
        if versions.contains_key(&(board.0.as_str(), decision.purpose.as_str())) {
            continue;
        }
        let version: Option<i64> =
            sqlx::query_scalar("SELECT MAX(version) FROM consent_purpose_texts WHERE board_id = $1 AND purpose_code = $2")
                .bind(&board.0)
                .bind(&decision.purpose)
                .fetch_one(&mut **tx)
                .await?;
        versions.insert((&board.0, &decision.purpose), version.ok_or(StoreError::BadReference { field: "purpose" })?);
    }
    let records: Vec<ConsentDecisionRecord> = batch
        .iter()
        .map(|(board, actor, decision)| ConsentDecisionRecord {
            id: new_id(),
            pupil_id: decision.pupil_id.clone(),
            purpose: decision.purpose.clone(),
            purpose_version: versions.get(&(board.0.as_str(), decision.purpose.as_str())).copied().unwrap_or_default(),
            decision: decision.choice,
            guardian_id: decision.guardian_id.clone(),
            by_pupil: decision.by_pupil,
            decided_at: decision.decided_at,
            channel: decision.channel,
            signed: decision.signed,
            recorded_by: actor.label.clone(),
        })
        .collect();
    let rows: Vec<_> = batch.iter().zip(&records).collect();
    // 14 values a row stays far below both back-ends' limit on bound values.
    for chunk in rows.chunks(500) {
        let mut qb = QueryBuilder::new(
            "INSERT INTO consent_decisions (board_id, id, pupil_id, purpose_code, purpose_version, decision, guardian_id, \
             by_pupil, decided_at, decided_on, channel, signed, recorded_by, created_at) ",
        );
        qb.push_values(chunk, |mut row, ((board, actor, _), record)| {
            row.push_bind(board.0.clone())
                .push_bind(record.id.clone())
                .push_bind(record.pupil_id.clone())
                .push_bind(record.purpose.clone())
                .push_bind(record.purpose_version)
                .push_bind(match record.decision {
                    aantoonbaar_rules::consent::Choice::Granted => "granted",
                    aantoonbaar_rules::consent::Choice::Refused => "refused",
                })
                .push_bind(record.guardian_id.clone())
                .push_bind(record.by_pupil)
                .push_bind(record.decided_at.as_second())
                .push_bind(aantoonbaar_rules::calendar::dutch_date(record.decided_at).to_string())
                .push_bind(record.channel.code())
                .push_bind(record.signed)
                .push_bind(actor.label.clone())
                .push_bind(actor.at.as_second());
        });
        qb.build().execute(&mut **tx).await.map_err(|e| classify(e, "id", "pupil_id"))?;
    }
    let events: Vec<AuditEvent> = records
        .iter()
        .map(|record| {
            AuditEvent::new(AuditAction::Create, "consent_decision", &record.id)
                .fields(&["pupil_id", "purpose", "decision", "decider", "decided_at", "channel"])
        })
        .collect();
    let mut boards: Vec<&BoardId> = batch.iter().map(|(board, _, _)| *board).collect();
    boards.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    boards.dedup();
    for board in boards {
        let entries: Vec<(&Actor, &AuditEvent)> = batch
            .iter()
            .zip(&events)
            .filter(|((b, _, _), _)| b.0 == board.0)
            .map(|((_, actor, _), event)| (*actor, event))
            .collect();
        audit_many(tx, board, &entries).await?;
    }
    Ok(records)
}

pub(crate) async fn consent_round(pool: &Pool, board: &BoardId, scope: &Scope, since: Date, today: Date) -> Result<Vec<RoundPupil>> {
    let mut qb = QueryBuilder::new("SELECT id, school_id, group_id, birth_date, email FROM pupils WHERE board_id = ");
    qb.push_bind(board.0.clone());
    push_scope(&mut qb, scope, "school_id", Some("group_id"));
    qb.push(" AND (leave_date IS NULL OR leave_date > ").push_bind(today.to_string()).push(") ORDER BY school_id, group_id, surname, id");
    let mut pupils: Vec<RoundPupil> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    for row in qb.build().fetch_all(pool).await? {
        let pupil_id: String = row.try_get("id")?;
        index.insert(pupil_id.clone(), pupils.len());
        pupils.push(RoundPupil {
            pupil_id,
            school_id: row.try_get("school_id")?,
            group_id: row.try_get("group_id")?,
            birth_date: date_col(&row, "birth_date")?,
            own_email: row.try_get("email")?,
            answered: false,
            custodial_emails: Vec::new(),
        });
    }
    let custodial = sqlx::query(
        "SELECT pg.pupil_id, gu.email FROM pupil_guardians pg JOIN guardians gu ON gu.board_id = pg.board_id AND gu.id = pg.guardian_id \
         WHERE pg.board_id = $1 AND pg.holds_custody AND gu.email IS NOT NULL",
    )
    .bind(&board.0)
    .fetch_all(pool)
    .await?;
    for row in &custodial {
        let pupil_id: String = row.try_get("pupil_id")?;
        if let Some(i) = index.get(&pupil_id) {
            pupils[*i].custodial_emails.push(row.try_get("email")?);
        }
    }
    let answered: Vec<String> = sqlx::query_scalar(
        "SELECT DISTINCT d.pupil_id FROM consent_decisions d WHERE d.board_id = $1 AND d.decided_on >= $2 AND (d.by_pupil OR EXISTS \
         (SELECT 1 FROM pupil_guardians pg WHERE pg.board_id = d.board_id AND pg.pupil_id = d.pupil_id \
          AND pg.guardian_id = d.guardian_id AND pg.holds_custody))",
    )
    .bind(&board.0)
    .bind(since.to_string())
    .fetch_all(pool)
    .await?;
    for pupil_id in answered {
        if let Some(i) = index.get(&pupil_id) {
            pupils[*i].answered = true;
        }
    }
    Ok(pupils)
}

pub(crate) async fn consent_history(pool: &Pool, board: &BoardId, pupil_id: &str) -> Result<Vec<ConsentDecisionRecord>> {
    let rows = sqlx::query(
        "SELECT id, pupil_id, purpose_code, purpose_version, decision, guardian_id, by_pupil, decided_at, channel, signed, \
         recorded_by FROM consent_decisions WHERE board_id = $1 AND pupil_id = $2 ORDER BY decided_at DESC, created_at DESC, id",
    )
    .bind(&board.0)
    .bind(pupil_id)
    .fetch_all(pool)
    .await?;
    rows.iter()
        .map(|row| {
            let decision: String = row.try_get("decision")?;
            let channel: String = row.try_get("channel")?;
            Ok(ConsentDecisionRecord {
                id: row.try_get("id")?,
                pupil_id: row.try_get("pupil_id")?,
                purpose: row.try_get("purpose_code")?,
                purpose_version: row.try_get("purpose_version")?,
                decision: if decision == "granted" {
                    aantoonbaar_rules::consent::Choice::Granted
                } else {
                    aantoonbaar_rules::consent::Choice::Refused
                },
                guardian_id: row.try_get("guardian_id")?,
                by_pupil: row.try_get("by_pupil")?,
                decided_at: instant(row.try_get("decided_at")?)?,
                channel: match channel.as_str() {
                    "paper" => Channel::Paper,
                    "portal" => Channel::Portal,
                    _ => Channel::Staff,
                },
                signed: row.try_get("signed")?,
                recorded_by: row.try_get("recorded_by")?,
            })
        })
        .collect()
}

pub(crate) async fn record_consent_objection(
    pool: &Pool,
    board: &BoardId,
    actor: &Actor,
    pupil_id: &str,
    guardian_id: &str,
    purpose: Option<&str>,
    noted_on: Date,
) -> Result<String> {
    let id = new_id();
    let mut tx = begin(pool).await?;
    sqlx::query(
        "INSERT INTO consent_objections (board_id, id, pupil_id, guardian_id, purpose_code, noted_on, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(&board.0)
    .bind(&id)
    .bind(pupil_id)
    .bind(guardian_id)
    .bind(purpose)
    .bind(noted_on.to_string())
    .bind(actor.at.as_second())
    .execute(&mut *tx)
    .await
    .map_err(|e| classify(e, "id", "guardian_id"))?;
    let event = AuditEvent::new(AuditAction::Create, "consent_objection", &id).fields(&["pupil_id", "guardian_id", "purpose"]);
    audit(&mut tx, board, actor, &event).await?;
    tx.commit().await?;
    Ok(id)
}

pub(crate) async fn consent_facts(
    pool: &Pool,
    board: &BoardId,
    scope: &Scope,
    pupil_ids: &[String],
    purpose: Option<&str>,
    day: Date,
) -> Result<ConsentFacts> {
    // One connection for the three reads.
    let mut conn = pool.acquire().await?;
    let row = sqlx::query(
        "SELECT s.consent_renewal, s.both_parents_when_separated, \
         EXISTS (SELECT 1 FROM consent_purposes p WHERE p.board_id = b.id AND p.code = $2) AS purpose_known \
         FROM boards b LEFT JOIN board_settings s ON s.board_id = b.id WHERE b.id = $1",
    )
    .bind(&board.0)
    .bind(purpose.unwrap_or_default())
    .fetch_one(&mut *conn)
    .await?;
    let settings = settings_from(&row)?;
    let purpose_known = purpose.is_none() || row.try_get("purpose_known")?;
    let mut facts = ConsentFacts { settings, purpose_known, ..ConsentFacts::default() };
    let mut qb = QueryBuilder::new(PUPIL_COLUMNS);
    qb.push_bind(board.0.clone()).push(" AND id IN (");
    push_list(&mut qb, pupil_ids.iter().cloned());
    qb.push(")");
    push_scope(&mut qb, scope, "school_id", Some("group_id"));
    facts.pupils = qb.build().fetch_all(&mut *conn).await?.iter().map(pupil_from).collect::<Result<_>>()?;
    if facts.pupils.is_empty() {
        return Ok(facts);
    }

    // Custodians, the decisions that can still count on `day`, the objections
    // and the restrictions, in one round trip; `kind` tells them apart.
    // The decisions' Dutch dates from the first covering day through `day`, as
    // a range of `decided_at` instants so the index on it does the filtering.
    let start_of = |d: Date| -> Result<i64> {
        d.to_zoned(aantoonbaar_rules::calendar::dutch_time_zone())
            .map(|z| z.timestamp().as_second())
            .map_err(|e| StoreError::Corrupt(e.to_string()))
    };
    let from = settings.consent_renewal.earliest_covering(day).map_or(Ok(i64::MIN), start_of)?;
    let until = day.tomorrow().map_or(Ok(i64::MAX), start_of)?;
    let mut qb = QueryBuilder::new(
        "SELECT 'c' AS kind, pupil_id, guardian_id, CASE WHEN holds_custody THEN 'y' ELSE 'n' END AS value, \
         NULL AS on_day, NULL AS purpose_code, 0 AS at, 0 AS created, '' AS id FROM pupil_guardians WHERE board_id = ",
    );
    let in_pupils = |qb: &mut QueryBuilder<Db>| {
        qb.push(" AND pupil_id IN (");
        push_list(qb, facts.pupils.iter().map(|p| p.id.clone()));
        qb.push(")");
    };
    qb.push_bind(board.0.clone());
    in_pupils(&mut qb);
    qb.push(
        " UNION ALL SELECT 'd', pupil_id, guardian_id, decision, decided_on, purpose_code, decided_at, created_at, id \
         FROM consent_decisions WHERE board_id = ",
    )
    .push_bind(board.0.clone());
    in_pupils(&mut qb);
    if let Some(purpose) = purpose {
        qb.push(" AND purpose_code = ").push_bind(purpose.to_owned());
    }
    qb.push(" AND decided_at >= ").push_bind(from).push(" AND decided_at < ").push_bind(until);
    qb.push(" UNION ALL SELECT 'o', pupil_id, guardian_id, '', noted_on, purpose_code, created_at, created_at, id \
         FROM consent_objections WHERE board_id = ")
        .push_bind(board.0.clone());
    in_pupils(&mut qb);
    if let Some(purpose) = purpose {
        qb.push(" AND (purpose_code IS NULL OR purpose_code = ").push_bind(purpose.to_owned()).push(")");
    }
    // Restrictions of processing: `purpose_code` '' restricts every purpose.
    qb.push(
        " UNION ALL SELECT 'r', pupil_id, NULL, '', NULL, purpose_code, created_at, created_at, request_id \
         FROM pupil_restrictions WHERE board_id = ",
    )
    .push_bind(board.0.clone());
    in_pupils(&mut qb);
    if let Some(purpose) = purpose {
        qb.push(" AND (purpose_code = '' OR purpose_code = ").push_bind(purpose.to_owned()).push(")");
    }
    qb.push(" ORDER BY 1, 7, 8, 9");
    for row in qb.build().fetch_all(&mut *conn).await? {
        let kind: String = row.try_get("kind")?;
        let pupil_id: String = row.try_get("pupil_id")?;
        let guardian_id: Option<String> = row.try_get("guardian_id")?;
        let value: String = row.try_get("value")?;
        match (kind.as_str(), guardian_id) {
            ("c", Some(guardian_id)) => facts.custodians.entry(pupil_id).or_default().push((guardian_id, value == "y")),
            ("d", guardian_id) => facts.decisions.push(DecisionFact {
                pupil_id,
                guardian_id,
                purpose: row.try_get("purpose_code")?,
                choice: if value == "granted" {
                    aantoonbaar_rules::consent::Choice::Granted
                } else {
                    aantoonbaar_rules::consent::Choice::Refused
                },
                decided_on: date_col(&row, "on_day")?,
            }),
            ("o", Some(guardian_id)) => facts.objections.push(ObjectionFact {
                pupil_id,
                guardian_id,
                purpose: row.try_get("purpose_code")?,
                noted_on: date_col(&row, "on_day")?,
            }),
            ("r", _) => {
                let purpose: String = row.try_get("purpose_code")?;
                facts.restricted.push((pupil_id, Some(purpose).filter(|p| !p.is_empty())));
            }
            _ => return Err(StoreError::Corrupt(format!("consent fact of kind {kind} without guardian"))),
        }
    }

    Ok(facts)
}

// ---------------------------------------------------------------- equated days

pub(crate) async fn equated_days(pool: &Pool, board: &BoardId) -> Result<Vec<EquatedDay>> {
    let rows = sqlx::query("SELECT day, description FROM equated_days WHERE board_id = $1 ORDER BY day")
        .bind(&board.0)
        .fetch_all(pool)
        .await?;
    rows.iter().map(|row| Ok(EquatedDay { day: date_col(row, "day")?, description: row.try_get("description")? })).collect()
}

pub(crate) async fn add_equated_day(pool: &Pool, board: &BoardId, actor: &Actor, day: Date, description: &str) -> Result<()> {
    let mut tx = begin(pool).await?;
    sqlx::query("INSERT INTO equated_days (board_id, day, description, created_at) VALUES ($1, $2, $3, $4)")
        .bind(&board.0)
        .bind(day.to_string())
        .bind(description)
        .bind(actor.at.as_second())
        .execute(&mut *tx)
        .await
        .map_err(|e| classify(e, "date", "board"))?;
    let event = AuditEvent::new(AuditAction::Create, "equated_day", &day.to_string()).fields(&["date", "description"]);
    audit(&mut tx, board, actor, &event).await?;
    tx.commit().await?;
    Ok(())
}

pub(crate) async fn remove_equated_day(pool: &Pool, board: &BoardId, actor: &Actor, day: Date) -> Result<()> {
    let mut tx = begin(pool).await?;
    let done = sqlx::query("DELETE FROM equated_days WHERE board_id = $1 AND day = $2")
        .bind(&board.0)
        .bind(day.to_string())
        .execute(&mut *tx)
        .await?;
    if done.rows_affected() == 0 {
        return Err(StoreError::NotFound);
    }
    audit(&mut tx, board, actor, &AuditEvent::new(AuditAction::Delete, "equated_day", &day.to_string())).await?;
    tx.commit().await?;
    Ok(())
}

// ---------------------------------------------------------------- throttle

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

pub(crate) async fn create_password_link(
    pool: &Pool,
    board: &BoardId,
    user_id: &str,
    token_hash: &str,
    expires_at: Timestamp,
) -> Result<()> {
    sqlx::query("INSERT INTO password_links (token_hash, board_id, user_id, expires_at) VALUES ($1, $2, $3, $4)")
        .bind(token_hash)
        .bind(&board.0)
        .bind(user_id)
        .bind(expires_at.as_second())
        .execute(pool)
        .await
        .map_err(|e| classify(e, "token", "user_id"))?;
    Ok(())
}

// ---------------------------------------------------------------- tokens

fn token_from(row: &DbRow) -> Result<ApiToken> {
    Ok(ApiToken {
        id: row.try_get("id")?,
        name: row.try_get("name")?,
        created_at: instant(row.try_get("created_at")?)?,
        last_used_at: row.try_get::<Option<i64>, _>("last_used_at")?.map(instant).transpose()?,
        revoked_at: row.try_get::<Option<i64>, _>("revoked_at")?.map(instant).transpose()?,
    })
}

pub(crate) async fn create_token(
    pool: &Pool,
    board: &BoardId,
    actor: &Actor,
    user_id: &str,
    name: &str,
    token_hash: &str,
) -> Result<ApiToken> {
    let id = new_id();
    let mut tx = begin(pool).await?;
    let row = sqlx::query(
        "INSERT INTO api_tokens (board_id, id, user_id, name, token_hash, created_at) VALUES ($1, $2, $3, $4, $5, $6) \
         RETURNING id, name, created_at, last_used_at, revoked_at",
    )
    .bind(&board.0)
    .bind(&id)
    .bind(user_id)
    .bind(name)
    .bind(token_hash)
    .bind(actor.at.as_second())
    .fetch_one(&mut *tx)
    .await
    .map_err(|e| classify(e, "token", "user_id"))?;
    audit(&mut tx, board, actor, &AuditEvent::new(AuditAction::CreateToken, "api_token", &id).fields(&["name"])).await?;
    tx.commit().await?;
    token_from(&row)
}

pub(crate) async fn tokens(pool: &Pool, board: &BoardId, user_id: &str) -> Result<Vec<ApiToken>> {
    let rows = sqlx::query(
        "SELECT id, name, created_at, last_used_at, revoked_at FROM api_tokens \
         WHERE board_id = $1 AND user_id = $2 ORDER BY created_at DESC, id",
    )
    .bind(&board.0)
    .bind(user_id)
    .fetch_all(pool)
    .await?;
    rows.iter().map(token_from).collect()
}

pub(crate) async fn revoke_token(pool: &Pool, board: &BoardId, actor: &Actor, user_id: &str, token_id: &str) -> Result<()> {
    let mut tx = begin(pool).await?;
    let done = sqlx::query(
        "UPDATE api_tokens SET revoked_at = $1 WHERE board_id = $2 AND user_id = $3 AND id = $4 AND revoked_at IS NULL",
    )
    .bind(actor.at.as_second())
    .bind(&board.0)
    .bind(user_id)
    .bind(token_id)
    .execute(&mut *tx)
    .await?;
    if done.rows_affected() == 0 {
        return Err(StoreError::NotFound);
    }
    audit(&mut tx, board, actor, &AuditEvent::new(AuditAction::RevokeToken, "api_token", token_id)).await?;
    tx.commit().await?;
    Ok(())
}

// ---------------------------------------------------------------- schools

fn school_from(row: &DbRow) -> Result<School> {
    Ok(School { id: row.try_get("id")?, name: row.try_get("name")?, brin: row.try_get("brin")? })
}

pub(crate) async fn create_school(pool: &Pool, board: &BoardId, actor: &Actor, school: &NewSchool) -> Result<School> {
    let id = new_id();
    let mut tx = begin(pool).await?;
    let row = sqlx::query(
        "INSERT INTO schools (board_id, id, name, brin, created_at) VALUES ($1, $2, $3, $4, $5) RETURNING id, name, brin",
    )
    .bind(&board.0)
    .bind(&id)
    .bind(school.name.as_str())
    .bind(school.brin.as_str())
    .bind(actor.at.as_second())
    .fetch_one(&mut *tx)
    .await
    .map_err(|e| classify(e, "brin", "board"))?;
    audit(&mut tx, board, actor, &AuditEvent::new(AuditAction::Create, "school", &id).fields(&["name", "brin"])).await?;
    tx.commit().await?;
    school_from(&row)
}

pub(crate) async fn schools(pool: &Pool, board: &BoardId, scope: &Scope) -> Result<Vec<School>> {
    let mut qb = QueryBuilder::new("SELECT id, name, brin FROM schools WHERE board_id = ");
    qb.push_bind(board.0.clone());
    push_scope(&mut qb, scope, "id", None);
    qb.push(" ORDER BY name, id");
    let rows = qb.build().fetch_all(pool).await?;
    rows.iter().map(school_from).collect()
}

pub(crate) async fn school(pool: &Pool, board: &BoardId, scope: &Scope, id: &str) -> Result<Option<School>> {
    let mut qb = QueryBuilder::new("SELECT id, name, brin FROM schools WHERE board_id = ");
    qb.push_bind(board.0.clone()).push(" AND id = ").push_bind(id.to_owned());
    push_scope(&mut qb, scope, "id", None);
    let row = qb.build().fetch_optional(pool).await?;
    row.as_ref().map(school_from).transpose()
}

// ---------------------------------------------------------------- groups

const GROUP_COLUMNS: &str = "SELECT g.id, g.school_id, g.name, \
    (SELECT COUNT(*) FROM pupils p WHERE p.board_id = g.board_id AND p.group_id = g.id AND p.leave_date IS NULL) AS pupil_count \
    FROM school_groups g WHERE g.board_id = ";

fn group_from(row: &DbRow) -> Result<Group> {
    Ok(Group {
        id: row.try_get("id")?,
        school_id: row.try_get("school_id")?,
        name: row.try_get("name")?,
        pupil_count: row.try_get("pupil_count")?,
    })
}

async fn insert_group(tx: &mut Tx, board: &BoardId, actor: &Actor, school_id: &str, name: &str) -> Result<String> {
    let id = new_id();
    sqlx::query("INSERT INTO school_groups (board_id, id, school_id, name, created_at) VALUES ($1, $2, $3, $4, $5)")
        .bind(&board.0)
        .bind(&id)
        .bind(school_id)
        .bind(name)
        .bind(actor.at.as_second())
        .execute(&mut **tx)
        .await
        .map_err(|e| classify(e, "name", "school_id"))?;
    audit(tx, board, actor, &AuditEvent::new(AuditAction::Create, "group", &id).fields(&["school_id", "name"])).await?;
    Ok(id)
}

pub(crate) async fn create_group(pool: &Pool, board: &BoardId, actor: &Actor, school_id: &str, name: &str) -> Result<Group> {
    let mut tx = begin(pool).await?;
    let id = insert_group(&mut tx, board, actor, school_id, name).await?;
    tx.commit().await?;
    Ok(Group { id, school_id: school_id.to_owned(), name: name.to_owned(), pupil_count: 0 })
}

pub(crate) async fn groups(pool: &Pool, board: &BoardId, scope: &Scope, school_id: Option<&str>) -> Result<Vec<Group>> {
    let mut qb = QueryBuilder::new(GROUP_COLUMNS);
    qb.push_bind(board.0.clone());
    if let Some(school_id) = school_id {
        qb.push(" AND g.school_id = ").push_bind(school_id.to_owned());
    }
    push_scope(&mut qb, scope, "g.school_id", Some("g.id"));
    qb.push(" ORDER BY g.school_id, g.name, g.id");
    let rows = qb.build().fetch_all(pool).await?;
    rows.iter().map(group_from).collect()
}

pub(crate) async fn group(pool: &Pool, board: &BoardId, scope: &Scope, id: &str) -> Result<Option<Group>> {
    let mut qb = QueryBuilder::new(GROUP_COLUMNS);
    qb.push_bind(board.0.clone()).push(" AND g.id = ").push_bind(id.to_owned());
    push_scope(&mut qb, scope, "g.school_id", Some("g.id"));
    let row = qb.build().fetch_optional(pool).await?;
    row.as_ref().map(group_from).transpose()
}

// ---------------------------------------------------------------- pupils

const PUPIL_COLUMNS: &str = "SELECT id, school_id, group_id, external_number, given_name, surname_prefix, surname, \
    birth_date, enrolment_date, leave_date, leave_destination, family_situation, email FROM pupils WHERE board_id = ";

fn pupil_from(row: &DbRow) -> Result<Pupil> {
    Ok(Pupil {
        id: row.try_get("id")?,
        school_id: row.try_get("school_id")?,
        group_id: row.try_get("group_id")?,
        external_number: row.try_get("external_number")?,
        given_name: row.try_get("given_name")?,
        surname_prefix: row.try_get("surname_prefix")?,
        surname: row.try_get("surname")?,
        birth_date: date_col(row, "birth_date")?,
        enrolment_date: date_col(row, "enrolment_date")?,
        leave_date: optional_date_col(row, "leave_date")?,
        leave_destination: code_col(row, "leave_destination", LeaveDestination::from_code)?,
        family_situation: code_col(row, "family_situation", FamilySituation::from_code)?,
        email: row.try_get("email")?,
    })
}

/// The names of the fields in which `new` differs from `old`.
fn changed_fields(old: &Pupil, new: &NewPupil) -> Vec<&'static str> {
    let mut fields = Vec::new();
    let mut check = |name, differs: bool| {
        if differs {
            fields.push(name);
        }
    };
    check("school_id", old.school_id != new.school_id);
    check("group_id", old.group_id != new.group_id);
    check("external_number", old.external_number != new.external_number.as_str());
    check("given_name", old.given_name != new.given_name.as_str());
    check("surname_prefix", old.surname_prefix.as_deref() != new.surname_prefix.as_ref().map(|p| p.as_str()));
    check("surname", old.surname != new.surname.as_str());
    check("birth_date", old.birth_date != new.birth_date);
    check("enrolment_date", old.enrolment_date != new.enrolment_date);
    check("leave_date", old.leave_date != new.leave_date);
    check("leave_destination", old.leave_destination != new.leave_destination);
    check("family_situation", old.family_situation != new.family_situation);
    check("email", old.email.as_deref() != new.email.as_ref().map(Email::as_str));
    fields
}

async fn insert_pupil(tx: &mut Tx, board: &BoardId, actor: &Actor, pupil: &NewPupil) -> Result<String> {
    let id = new_id();
    sqlx::query(
        "INSERT INTO pupils (board_id, id, school_id, group_id, external_number, given_name, surname_prefix, surname, \
         birth_date, enrolment_date, leave_date, leave_destination, family_situation, created_at, updated_at, email) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $14, $15)",
    )
    .bind(&board.0)
    .bind(&id)
    .bind(&pupil.school_id)
    .bind(&pupil.group_id)
    .bind(pupil.external_number.as_str())
    .bind(pupil.given_name.as_str())
    .bind(pupil.surname_prefix.as_ref().map(|p| p.as_str().to_owned()))
    .bind(pupil.surname.as_str())
    .bind(pupil.birth_date.to_string())
    .bind(pupil.enrolment_date.to_string())
    .bind(pupil.leave_date.map(|d| d.to_string()))
    .bind(pupil.leave_destination.map(LeaveDestination::code))
    .bind(pupil.family_situation.map(FamilySituation::code))
    .bind(actor.at.as_second())
    .bind(pupil.email.as_ref().map(Email::as_str))
    .execute(&mut **tx)
    .await
    .map_err(|e| classify(e, "external_number", "group_id"))?;
    let event = AuditEvent::new(AuditAction::Create, "pupil", &id).fields(&[
        "school_id",
        "group_id",
        "external_number",
        "given_name",
        "surname_prefix",
        "surname",
        "birth_date",
        "enrolment_date",
        "leave_date",
        "leave_destination",
        "family_situation",
        "email",
    ]);
    audit(tx, board, actor, &event).await?;
    Ok(id)
}

async fn write_pupil(tx: &mut Tx, board: &BoardId, actor: &Actor, id: &str, pupil: &NewPupil, fields: Vec<&'static str>) -> Result<()> {
    sqlx::query(
        "UPDATE pupils SET school_id = $3, group_id = $4, external_number = $5, given_name = $6, surname_prefix = $7, \
         surname = $8, birth_date = $9, enrolment_date = $10, leave_date = $11, leave_destination = $12, \
         family_situation = $13, updated_at = $14, email = $15 WHERE board_id = $1 AND id = $2",
    )
    .bind(&board.0)
    .bind(id)
    .bind(&pupil.school_id)
    .bind(&pupil.group_id)
    .bind(pupil.external_number.as_str())
    .bind(pupil.given_name.as_str())
    .bind(pupil.surname_prefix.as_ref().map(|p| p.as_str().to_owned()))
    .bind(pupil.surname.as_str())
    .bind(pupil.birth_date.to_string())
    .bind(pupil.enrolment_date.to_string())
    .bind(pupil.leave_date.map(|d| d.to_string()))
    .bind(pupil.leave_destination.map(LeaveDestination::code))
    .bind(pupil.family_situation.map(FamilySituation::code))
    .bind(actor.at.as_second())
    .bind(pupil.email.as_ref().map(Email::as_str))
    .execute(&mut **tx)
    .await
    .map_err(|e| classify(e, "external_number", "group_id"))?;
    let mut event = AuditEvent::new(AuditAction::Update, "pupil", id);
    event.fields = fields;
    audit(tx, board, actor, &event).await
}

pub(crate) async fn create_pupil(pool: &Pool, board: &BoardId, actor: &Actor, pupil: &NewPupil) -> Result<Pupil> {
    let mut tx = begin(pool).await?;
    let id = insert_pupil(&mut tx, board, actor, pupil).await?;
    tx.commit().await?;
    pupil_by_id(pool, board, &id).await
}

async fn pupil_by_id(pool: &Pool, board: &BoardId, id: &str) -> Result<Pupil> {
    pupil(pool, board, &Scope::Board, id).await?.ok_or(StoreError::NotFound)
}

pub(crate) async fn update_pupil(pool: &Pool, board: &BoardId, actor: &Actor, id: &str, pupil: &NewPupil) -> Result<Pupil> {
    let mut tx = begin(pool).await?;
    lock_board(&mut tx, board).await?;
    let mut qb = QueryBuilder::new(PUPIL_COLUMNS);
    qb.push_bind(board.0.clone()).push(" AND id = ").push_bind(id.to_owned());
    let old = qb.build().fetch_optional(&mut *tx).await?.as_ref().map(pupil_from).transpose()?.ok_or(StoreError::NotFound)?;
    let fields = changed_fields(&old, pupil);
    if fields.is_empty() {
        return Ok(old);
    }
    write_pupil(&mut tx, board, actor, id, pupil, fields).await?;
    tx.commit().await?;
    pupil_by_id(pool, board, id).await
}

pub(crate) async fn pupils(pool: &Pool, board: &BoardId, scope: &Scope, query: &PupilQuery) -> Result<(Vec<Pupil>, i64)> {
    let filter = |qb: &mut QueryBuilder<Db>| {
        qb.push_bind(board.0.clone());
        push_scope(qb, scope, "school_id", Some("group_id"));
        if let Some(school_id) = &query.school_id {
            qb.push(" AND school_id = ").push_bind(school_id.clone());
        }
        if let Some(group_id) = &query.group_id {
            qb.push(" AND group_id = ").push_bind(group_id.clone());
        }
        if let Some(text) = query.text.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
            let pattern = format!("%{}%", text.to_lowercase().replace(['%', '_'], ""));
            qb.push(" AND (lower(given_name) LIKE ").push_bind(pattern.clone());
            qb.push(" OR lower(surname) LIKE ").push_bind(pattern.clone());
            qb.push(" OR lower(external_number) LIKE ").push_bind(pattern);
            qb.push(")");
        }
        if !query.include_left {
            qb.push(" AND (leave_date IS NULL");
            if let Some(today) = query.today {
                qb.push(" OR leave_date > ").push_bind(today.to_string());
            }
            qb.push(")");
        }
    };
    let mut count = QueryBuilder::new("SELECT COUNT(*) FROM pupils WHERE board_id = ");
    filter(&mut count);
    let total: i64 = count.build_query_scalar().fetch_one(pool).await?;
    let mut qb = QueryBuilder::new(PUPIL_COLUMNS);
    filter(&mut qb);
    qb.push(" ORDER BY surname, given_name, id LIMIT ").push_bind(query.limit.clamp(1, 1000));
    qb.push(" OFFSET ").push_bind(query.offset.max(0));
    let rows = qb.build().fetch_all(pool).await?;
    Ok((rows.iter().map(pupil_from).collect::<Result<_>>()?, total))
}

pub(crate) async fn pupil(pool: &Pool, board: &BoardId, scope: &Scope, id: &str) -> Result<Option<Pupil>> {
    let mut qb = QueryBuilder::new(PUPIL_COLUMNS);
    qb.push_bind(board.0.clone()).push(" AND id = ").push_bind(id.to_owned());
    push_scope(&mut qb, scope, "school_id", Some("group_id"));
    let row = qb.build().fetch_optional(pool).await?;
    row.as_ref().map(pupil_from).transpose()
}

// ---------------------------------------------------------------- guardians

const GUARDIAN_COLUMNS: &str = "id, given_name, surname_prefix, surname, email, phone";

fn guardian_from(row: &DbRow) -> Result<Guardian> {
    Ok(Guardian {
        id: row.try_get("id")?,
        given_name: row.try_get("given_name")?,
        surname_prefix: row.try_get("surname_prefix")?,
        surname: row.try_get("surname")?,
        email: row.try_get("email")?,
        phone: row.try_get("phone")?,
    })
}

async fn insert_guardian(tx: &mut Tx, board: &BoardId, actor: &Actor, guardian: &NewGuardian) -> Result<String> {
    let id = new_id();
    sqlx::query(
        "INSERT INTO guardians (board_id, id, given_name, surname_prefix, surname, email, phone, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8)",
    )
    .bind(&board.0)
    .bind(&id)
    .bind(guardian.given_name.as_str())
    .bind(guardian.surname_prefix.as_ref().map(|p| p.as_str().to_owned()))
    .bind(guardian.surname.as_str())
    .bind(guardian.email.as_ref().map(|e| e.as_str().to_owned()))
    .bind(&guardian.phone)
    .bind(actor.at.as_second())
    .execute(&mut **tx)
    .await?;
    let event = AuditEvent::new(AuditAction::Create, "guardian", &id)
        .fields(&["given_name", "surname_prefix", "surname", "email", "phone"]);
    audit(tx, board, actor, &event).await?;
    Ok(id)
}

pub(crate) async fn create_guardian(pool: &Pool, board: &BoardId, actor: &Actor, guardian: &NewGuardian) -> Result<Guardian> {
    let mut tx = begin(pool).await?;
    let id = insert_guardian(&mut tx, board, actor, guardian).await?;
    tx.commit().await?;
    guardian_in(pool, board, &Scope::Board, &id).await?.ok_or(StoreError::NotFound)
}

/// Guardians in scope: on board scope all, otherwise those of a pupil in scope.
fn guardian_query(board: &BoardId, scope: &Scope) -> QueryBuilder<Db> {
    let mut qb = QueryBuilder::new(format!("SELECT {GUARDIAN_COLUMNS} FROM guardians gu WHERE gu.board_id = "));
    qb.push_bind(board.0.clone());
    if *scope != Scope::Board {
        qb.push(
            " AND EXISTS (SELECT 1 FROM pupil_guardians pg JOIN pupils p ON p.board_id = pg.board_id AND p.id = pg.pupil_id \
             WHERE pg.board_id = gu.board_id AND pg.guardian_id = gu.id",
        );
        push_scope(&mut qb, scope, "p.school_id", Some("p.group_id"));
        qb.push(")");
    }
    qb
}

pub(crate) async fn guardians(pool: &Pool, board: &BoardId, scope: &Scope) -> Result<Vec<Guardian>> {
    let mut qb = guardian_query(board, scope);
    qb.push(" ORDER BY surname, given_name, id");
    let rows = qb.build().fetch_all(pool).await?;
    rows.iter().map(guardian_from).collect()
}

async fn guardian_in(pool: &Pool, board: &BoardId, scope: &Scope, id: &str) -> Result<Option<Guardian>> {
    let mut qb = guardian_query(board, scope);
    qb.push(" AND gu.id = ").push_bind(id.to_owned());
    let row = qb.build().fetch_optional(pool).await?;
    row.as_ref().map(guardian_from).transpose()
}

pub(crate) async fn guardian(pool: &Pool, board: &BoardId, scope: &Scope, id: &str) -> Result<Option<Guardian>> {
    guardian_in(pool, board, scope, id).await
}

async fn upsert_link(tx: &mut Tx, board: &BoardId, actor: &Actor, pupil_id: &str, guardian_id: &str, link: Link) -> Result<()> {
    sqlx::query(
        "INSERT INTO pupil_guardians (board_id, pupil_id, guardian_id, relation, holds_custody, recognised) \
         VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (board_id, pupil_id, guardian_id) \
         DO UPDATE SET relation = excluded.relation, holds_custody = excluded.holds_custody, recognised = excluded.recognised",
    )
    .bind(&board.0)
    .bind(pupil_id)
    .bind(guardian_id)
    .bind(link.relation.code())
    .bind(link.holds_custody)
    .bind(link.recognised)
    .execute(&mut **tx)
    .await
    .map_err(|e| classify(e, "guardian_id", "guardian_id"))?;
    let event = AuditEvent::new(AuditAction::Update, "pupil", pupil_id).fields(&["guardians"]);
    audit(tx, board, actor, &event).await
}

pub(crate) async fn link_guardian(
    pool: &Pool,
    board: &BoardId,
    actor: &Actor,
    pupil_id: &str,
    guardian_id: &str,
    link: Link,
) -> Result<()> {
    let mut tx = begin(pool).await?;
    upsert_link(&mut tx, board, actor, pupil_id, guardian_id, link).await?;
    tx.commit().await?;
    Ok(())
}

fn linked_from(row: &DbRow) -> Result<LinkedGuardian> {
    let relation: String = row.try_get("relation")?;
    Ok(LinkedGuardian {
        guardian: guardian_from(row)?,
        link: Link {
            relation: Relation::from_code(&relation).map_err(|_| StoreError::Corrupt(format!("relation {relation}")))?,
            holds_custody: row.try_get("holds_custody")?,
            recognised: row.try_get("recognised")?,
        },
        information_granted_on: optional_date_col(row, "granted_on")?,
    })
}

/// A pupil's guardians with their link and any information grant.
const LINKED_GUARDIANS: &str = "SELECT gu.id, gu.given_name, gu.surname_prefix, gu.surname, gu.email, gu.phone, \
    pg.relation, pg.holds_custody, pg.recognised, ig.granted_on \
    FROM pupil_guardians pg JOIN guardians gu ON gu.board_id = pg.board_id AND gu.id = pg.guardian_id \
    LEFT JOIN information_grants ig ON ig.board_id = pg.board_id AND ig.pupil_id = pg.pupil_id AND ig.guardian_id = pg.guardian_id \
    WHERE pg.board_id = $1 AND pg.pupil_id = $2";

pub(crate) async fn grant_information(
    pool: &Pool,
    board: &BoardId,
    actor: &Actor,
    pupil_id: &str,
    guardian_id: &str,
    granted_on: Date,
) -> Result<()> {
    let mut tx = begin(pool).await?;
    sqlx::query(
        "INSERT INTO information_grants (board_id, pupil_id, guardian_id, granted_on, created_at) VALUES ($1, $2, $3, $4, $5) \
         ON CONFLICT (board_id, pupil_id, guardian_id) DO UPDATE SET granted_on = excluded.granted_on",
    )
    .bind(&board.0)
    .bind(pupil_id)
    .bind(guardian_id)
    .bind(granted_on.to_string())
    .bind(actor.at.as_second())
    .execute(&mut *tx)
    .await
    .map_err(|e| classify(e, "guardian_id", "guardian_id"))?;
    let event = AuditEvent::new(AuditAction::Update, "pupil", pupil_id).fields(&["information_grants"]);
    audit(&mut tx, board, actor, &event).await?;
    tx.commit().await?;
    Ok(())
}

pub(crate) async fn guardians_of(pool: &Pool, board: &BoardId, pupil_id: &str) -> Result<Vec<LinkedGuardian>> {
    let rows = sqlx::query(sqlx::AssertSqlSafe(format!(
        "{LINKED_GUARDIANS} ORDER BY pg.holds_custody DESC, gu.surname, gu.given_name, gu.id"
    )))
    .bind(&board.0)
    .bind(pupil_id)
    .fetch_all(pool)
    .await?;
    rows.iter().map(linked_from).collect()
}

// ---------------------------------------------------------------- users

pub(crate) async fn create_user(
    pool: &Pool,
    board: &BoardId,
    actor: &Actor,
    user: &NewUser,
    password_hash: Option<&str>,
) -> Result<User> {
    let id = new_id();
    let mut tx = begin(pool).await?;
    sqlx::query(
        "INSERT INTO users (board_id, id, email, name, password_hash, scope_kind, mfa_exempt, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(&board.0)
    .bind(&id)
    .bind(user.email.as_str())
    .bind(user.name.as_str())
    .bind(password_hash)
    .bind(user.scope_kind.code())
    .bind(user.mfa_exempt)
    .bind(actor.at.as_second())
    .execute(&mut *tx)
    .await
    .map_err(|e| classify(e, "email", "board"))?;
    for role in &user.roles {
        sqlx::query("INSERT INTO user_roles (board_id, user_id, role) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING")
            .bind(&board.0)
            .bind(&id)
            .bind(role.code())
            .execute(&mut *tx)
            .await?;
    }
    for scope_id in &user.scope_ids {
        let statement = match user.scope_kind {
            ScopeKind::Board => break,
            ScopeKind::School => sqlx::query(
                "INSERT INTO user_scopes (board_id, user_id, school_id) SELECT board_id, $2, id FROM schools \
                 WHERE board_id = $1 AND id = $3",
            ),
            ScopeKind::Groups => sqlx::query(
                "INSERT INTO user_scopes (board_id, user_id, school_id, group_id) SELECT board_id, $2, school_id, id \
                 FROM school_groups WHERE board_id = $1 AND id = $3",
            ),
        };
        let inserted = statement
        .bind(&board.0)
        .bind(&id)
        .bind(scope_id)
        .execute(&mut *tx)
        .await
        .map_err(|e| classify(e, "scope_ids", "scope_ids"))?
        .rows_affected();
        if inserted == 0 {
            return Err(StoreError::BadReference { field: "scope_ids" });
        }
    }
    let event = AuditEvent::new(AuditAction::Create, "user", &id).fields(&["email", "name", "roles", "scope"]);
    audit(&mut tx, board, actor, &event).await?;
    tx.commit().await?;
    Ok(User {
        id,
        email: user.email.to_string(),
        name: user.name.to_string(),
        roles: user.roles.clone(),
        scope_kind: user.scope_kind,
        scope_ids: user.scope_ids.clone(),
        has_password: password_hash.is_some(),
    })
}

pub(crate) async fn users(pool: &Pool, board: &BoardId, scope: &Scope) -> Result<Vec<User>> {
    let mut qb = QueryBuilder::new(
        "SELECT u.id, u.email, u.name, u.scope_kind, u.password_hash IS NOT NULL AS has_password FROM users u WHERE u.board_id = ",
    );
    qb.push_bind(board.0.clone());
    if *scope != Scope::Board {
        qb.push(" AND EXISTS (SELECT 1 FROM user_scopes us WHERE us.board_id = u.board_id AND us.user_id = u.id");
        push_scope(&mut qb, scope, "us.school_id", Some("us.group_id"));
        qb.push(")");
    }
    qb.push(" ORDER BY u.name, u.id");
    let rows = qb.build().fetch_all(pool).await?;
    let scope_rows =
        sqlx::query("SELECT user_id, COALESCE(group_id, school_id) AS scope_id FROM user_scopes WHERE board_id = $1")
            .bind(&board.0)
            .fetch_all(pool)
            .await?;
    let mut scope_ids: HashMap<String, Vec<String>> = HashMap::new();
    for row in &scope_rows {
        scope_ids.entry(row.try_get("user_id")?).or_default().push(row.try_get("scope_id")?);
    }
    let role_rows = sqlx::query("SELECT user_id, role FROM user_roles WHERE board_id = $1 ORDER BY role")
        .bind(&board.0)
        .fetch_all(pool)
        .await?;
    let mut roles: HashMap<String, Vec<Role>> = HashMap::new();
    for row in &role_rows {
        let code: String = row.try_get("role")?;
        let role = Role::from_code(&code).map_err(|_| StoreError::Corrupt(format!("role {code}")))?;
        roles.entry(row.try_get("user_id")?).or_default().push(role);
    }
    let mut users = Vec::with_capacity(rows.len());
    for row in &rows {
        let id: String = row.try_get("id")?;
        let kind: String = row.try_get("scope_kind")?;
        users.push(User {
            roles: roles.remove(&id).unwrap_or_default(),
            scope_kind: match kind.as_str() {
                "board" => ScopeKind::Board,
                "school" => ScopeKind::School,
                _ => ScopeKind::Groups,
            },
            scope_ids: scope_ids.remove(&id).unwrap_or_default(),
            email: row.try_get("email")?,
            name: row.try_get("name")?,
            has_password: row.try_get("has_password")?,
            id,
        });
    }
    Ok(users)
}

// ---------------------------------------------------------------- import

pub(crate) async fn import_pupils(
    pool: &Pool,
    board: &BoardId,
    actor: &Actor,
    school_id: &str,
    file_name: &str,
    pupils: &[ImportedPupil],
    dry_run: bool,
) -> Result<ImportReport> {
    let today = aantoonbaar_rules::calendar::dutch_date(actor.at);
    let mut report = ImportReport { dry_run, ..ImportReport::default() };
    let mut tx = begin(pool).await?;
    lock_board(&mut tx, board).await?;
    let school_exists: Option<String> = sqlx::query_scalar("SELECT id FROM schools WHERE board_id = $1 AND id = $2")
        .bind(&board.0)
        .bind(school_id)
        .fetch_optional(&mut *tx)
        .await?;
    if school_exists.is_none() {
        return Err(StoreError::NotFound);
    }

    let mut group_ids: HashMap<String, String> = HashMap::new();
    for row in sqlx::query("SELECT id, name FROM school_groups WHERE board_id = $1 AND school_id = $2")
        .bind(&board.0)
        .bind(school_id)
        .fetch_all(&mut *tx)
        .await?
    {
        group_ids.insert(row.try_get::<String, _>("name")?.to_lowercase(), row.try_get("id")?);
    }

    let mut existing: HashMap<String, Pupil> = HashMap::new();
    let mut qb = QueryBuilder::new(PUPIL_COLUMNS);
    qb.push_bind(board.0.clone()).push(" AND school_id = ").push_bind(school_id.to_owned());
    for row in qb.build().fetch_all(&mut *tx).await? {
        let pupil = pupil_from(&row)?;
        existing.insert(pupil.external_number.clone(), pupil);
    }

    for imported in pupils {
        let group_key = imported.group_name.as_str().to_lowercase();
        let group_id = if let Some(id) = group_ids.get(&group_key) {
            id.clone()
        } else {
            let id = insert_group(&mut tx, board, actor, school_id, imported.group_name.as_str()).await?;
            report.groups_created.push(imported.group_name.to_string());
            group_ids.insert(group_key, id.clone());
            id
        };
        let mut new = NewPupil {
            school_id: school_id.to_owned(),
            group_id,
            external_number: imported.external_number.clone(),
            given_name: imported.given_name.clone(),
            surname_prefix: imported.surname_prefix.clone(),
            surname: imported.surname.clone(),
            birth_date: imported.birth_date,
            enrolment_date: imported.enrolment_date,
            leave_date: imported.leave_date,
            leave_destination: imported.leave_destination,
            family_situation: imported.family_situation,
            // The export has no pupil addresses: an existing one is kept.
            email: None,
        };
        let name = ImportedName {
            external_number: imported.external_number.to_string(),
            name: crate::model::full_name(
                imported.given_name.as_str(),
                imported.surname_prefix.as_ref().map(|p| p.as_str()),
                imported.surname.as_str(),
            ),
        };
        match existing.remove(imported.external_number.as_str()) {
            None => {
                let id = insert_pupil(&mut tx, board, actor, &new).await?;
                import_guardians(&mut tx, board, actor, &id, imported).await?;
                report.created.push(name);
            }
            Some(old) => {
                new.email = old.email.as_deref().and_then(|e| Email::parse(e).ok());
                let fields = changed_fields(&old, &new);
                let pupil_changed = !fields.is_empty();
                if pupil_changed {
                    write_pupil(&mut tx, board, actor, &old.id, &new, fields).await?;
                }
                let guardians_changed = import_guardians(&mut tx, board, actor, &old.id, imported).await?;
                if pupil_changed || guardians_changed {
                    report.updated.push(name);
                } else {
                    report.unchanged += 1;
                }
            }
        }
    }

    // Pupils of this school that the export no longer has have left the school.
    let mut gone: Vec<Pupil> = existing.into_values().filter(|p| p.leave_date.is_none_or(|d| d > today)).collect();
    gone.sort_by(|a, b| a.surname.cmp(&b.surname).then(a.given_name.cmp(&b.given_name)));
    for pupil in gone {
        sqlx::query(
            "UPDATE pupils SET leave_date = $3, leave_destination = COALESCE(leave_destination, 'other'), updated_at = $4 \
             WHERE board_id = $1 AND id = $2",
        )
        .bind(&board.0)
        .bind(&pupil.id)
        .bind(today.to_string())
        .bind(actor.at.as_second())
        .execute(&mut *tx)
        .await?;
        let event = AuditEvent::new(AuditAction::Update, "pupil", &pupil.id).fields(&["leave_date", "leave_destination"]);
        audit(&mut tx, board, actor, &event).await?;
        report.left_school.push(ImportedName { name: pupil.full_name(), external_number: pupil.external_number });
    }

    let run_id = new_id();
    sqlx::query(
        "INSERT INTO import_runs (board_id, id, school_id, at, actor, file_name, created, updated, unchanged, left_school) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
    )
    .bind(&board.0)
    .bind(&run_id)
    .bind(school_id)
    .bind(actor.at.as_second())
    .bind(&actor.label)
    .bind(file_name)
    .bind(i64::try_from(report.created.len()).unwrap_or(i64::MAX))
    .bind(i64::try_from(report.updated.len()).unwrap_or(i64::MAX))
    .bind(i64::try_from(report.unchanged).unwrap_or(i64::MAX))
    .bind(i64::try_from(report.left_school.len()).unwrap_or(i64::MAX))
    .execute(&mut *tx)
    .await?;
    audit(&mut tx, board, actor, &AuditEvent::new(AuditAction::Import, "import_run", &run_id).fields(&["school_id"])).await?;

    if dry_run {
        tx.rollback().await?;
    } else {
        tx.commit().await?;
    }
    Ok(report)
}

/// Brings the pupil's guardians in line with the file; `true` when anything changed.
/// A guardian is recognised by e-mail address, or else by name, first among the
/// pupil's own guardians and then (for siblings) among the board's.
async fn import_guardians(tx: &mut Tx, board: &BoardId, actor: &Actor, pupil_id: &str, imported: &ImportedPupil) -> Result<bool> {
    let mut changed = false;
    let rows = sqlx::query(LINKED_GUARDIANS).bind(&board.0).bind(pupil_id).fetch_all(&mut **tx).await?;
    let current: Vec<LinkedGuardian> = rows.iter().map(linked_from).collect::<Result<_>>()?;
    for wanted in &imported.guardians {
        let g = &wanted.guardian;
        let email = g.email.as_ref().map(|e| e.as_str().to_owned());
        let same_person = |existing: &Guardian| match (&email, &existing.email) {
            (Some(a), Some(b)) => a == b,
            _ => {
                existing.given_name.eq_ignore_ascii_case(g.given_name.as_str())
                    && existing.surname.eq_ignore_ascii_case(g.surname.as_str())
            }
        };
        let found = current.iter().find(|c| same_person(&c.guardian));
        let guardian_id = if let Some(found) = found {
            let differs = found.guardian.given_name != g.given_name.as_str()
                || found.guardian.surname_prefix.as_deref() != g.surname_prefix.as_ref().map(|p| p.as_str())
                || found.guardian.surname != g.surname.as_str()
                || found.guardian.email != email
                || found.guardian.phone != g.phone;
            if differs {
                update_guardian(tx, board, actor, &found.guardian.id, g).await?;
                changed = true;
            }
            if found.link != wanted.link {
                upsert_link(tx, board, actor, pupil_id, &found.guardian.id, wanted.link).await?;
                changed = true;
            }
            continue;
        } else if let Some(email) = &email {
            let sibling_parent: Option<String> = sqlx::query_scalar(
                "SELECT id FROM guardians WHERE board_id = $1 AND email = $2 AND lower(surname) = $3 ORDER BY created_at, id LIMIT 1",
            )
            .bind(&board.0)
            .bind(email)
            .bind(g.surname.as_str().to_lowercase())
            .fetch_optional(&mut **tx)
            .await?;
            match sibling_parent {
                Some(id) => id,
                None => insert_guardian(tx, board, actor, g).await?,
            }
        } else {
            insert_guardian(tx, board, actor, g).await?
        };
        upsert_link(tx, board, actor, pupil_id, &guardian_id, wanted.link).await?;
        changed = true;
    }
    Ok(changed)
}

async fn update_guardian(tx: &mut Tx, board: &BoardId, actor: &Actor, id: &str, g: &NewGuardian) -> Result<()> {
    sqlx::query(
        "UPDATE guardians SET given_name = $3, surname_prefix = $4, surname = $5, email = $6, phone = $7, updated_at = $8 \
         WHERE board_id = $1 AND id = $2",
    )
    .bind(&board.0)
    .bind(id)
    .bind(g.given_name.as_str())
    .bind(g.surname_prefix.as_ref().map(|p| p.as_str().to_owned()))
    .bind(g.surname.as_str())
    .bind(g.email.as_ref().map(|e| e.as_str().to_owned()))
    .bind(&g.phone)
    .bind(actor.at.as_second())
    .execute(&mut **tx)
    .await?;
    let event = AuditEvent::new(AuditAction::Update, "guardian", id)
        .fields(&["given_name", "surname_prefix", "surname", "email", "phone"]);
    audit(tx, board, actor, &event).await
}

// ---------------------------------------------------------------- audit

pub(crate) async fn record_views(
    pool: &Pool,
    board: &BoardId,
    actor: &Actor,
    entity: &'static str,
    ids: &[String],
) -> Result<()> {
    if ids.is_empty() {
        return Ok(());
    }
    let events: Vec<AuditEvent> = ids.iter().map(|id| AuditEvent::new(AuditAction::View, entity, id)).collect();
    let entries: Vec<(&Actor, &AuditEvent)> = events.iter().map(|event| (actor, event)).collect();
    let mut tx = begin(pool).await?;
    audit_many(&mut tx, board, &entries).await?;
    tx.commit().await?;
    Ok(())
}

pub(crate) async fn guardian_is_unlinked(pool: &Pool, board: &BoardId, id: &str) -> Result<bool> {
    let found: Option<String> = sqlx::query_scalar(
        "SELECT gu.id FROM guardians gu WHERE gu.board_id = $1 AND gu.id = $2 AND NOT EXISTS \
         (SELECT 1 FROM pupil_guardians pg WHERE pg.board_id = gu.board_id AND pg.guardian_id = gu.id)",
    )
    .bind(&board.0)
    .bind(id)
    .fetch_optional(pool)
    .await?;
    Ok(found.is_some())
}

fn audit_entry_from(row: &DbRow) -> Result<AuditEntry> {
    let fields: String = row.try_get("fields")?;
    Ok(AuditEntry {
        seq: row.try_get("seq")?,
        at: instant(row.try_get("at")?)?,
        actor: row.try_get("actor")?,
        ip: row.try_get("ip")?,
        action: row.try_get("action")?,
        entity: row.try_get("entity")?,
        entity_id: row.try_get("entity_id")?,
        fields: serde_json::from_str(&fields).map_err(|e| StoreError::Corrupt(e.to_string()))?,
    })
}

pub(crate) async fn audit_search(pool: &Pool, board: &BoardId, filter: &AuditFilter) -> Result<Vec<AuditEntry>> {
    let mut qb = QueryBuilder::new(
        "SELECT seq, at, actor, ip, action, entity, entity_id, fields FROM audit_events WHERE board_id = ",
    );
    qb.push_bind(board.0.clone());
    if let Some(actor) = filter.actor.as_deref().map(str::trim).filter(|a| !a.is_empty()) {
        qb.push(" AND lower(actor) LIKE ").push_bind(format!("%{}%", actor.to_lowercase().replace(['%', '_'], "")));
    }
    if let Some(ids) = &filter.entity_ids {
        qb.push(" AND entity_id IN (");
        push_list(&mut qb, ids.iter().cloned());
        qb.push(")");
    }
    if let Some(from) = filter.from {
        qb.push(" AND at >= ").push_bind(from);
    }
    if let Some(until) = filter.until {
        qb.push(" AND at < ").push_bind(until);
    }
    qb.push(" ORDER BY seq DESC LIMIT ").push_bind(filter.limit.clamp(1, 100_000));
    let rows = qb.build().fetch_all(pool).await?;
    rows.iter().map(audit_entry_from).collect()
}

/// Walks every board's chain in pages of 5,000 entries.
pub(crate) async fn verify_audit(pool: &Pool) -> Result<Vec<ChainBreak>> {
    let boards = sqlx::query("SELECT id, name, audit_seq, audit_head FROM boards ORDER BY name").fetch_all(pool).await?;
    let mut breaks = Vec::new();
    for board in &boards {
        let board_id: String = board.try_get("id")?;
        let name: String = board.try_get("name")?;
        let counter: i64 = board.try_get("audit_seq")?;
        let head: String = board.try_get("audit_head")?;
        let found = |seq, problem| ChainBreak { board: name.clone(), seq, problem };
        let mut previous = crate::audit_chain::GENESIS.to_owned();
        let mut expected_seq = 1;
        let mut broken = None;
        'pages: loop {
            let rows = sqlx::query(
                "SELECT seq, at, actor, ip, action, entity, entity_id, fields, prev_hash, hash FROM audit_events \
                 WHERE board_id = $1 AND seq >= $2 ORDER BY seq LIMIT 5000",
            )
            .bind(&board_id)
            .bind(expected_seq)
            .fetch_all(pool)
            .await?;
            if rows.is_empty() {
                break;
            }
            for row in &rows {
                let seq: i64 = row.try_get("seq")?;
                let fields: String = row.try_get("fields")?;
                let actor: String = row.try_get("actor")?;
                let ip: Option<String> = row.try_get("ip")?;
                let action: String = row.try_get("action")?;
                let entity: String = row.try_get("entity")?;
                let entity_id: String = row.try_get("entity_id")?;
                let prev_hash: String = row.try_get("prev_hash")?;
                let hash: String = row.try_get("hash")?;
                let canonical = Canonical {
                    board_id: &board_id,
                    seq,
                    at: row.try_get("at")?,
                    actor: &actor,
                    ip: ip.as_deref(),
                    action: &action,
                    entity: &entity,
                    entity_id: &entity_id,
                    fields: &fields,
                };
                let problem = if canonical.hash(&prev_hash) != hash {
                    Some(ChainProblem::Changed)
                } else if seq != expected_seq {
                    Some(ChainProblem::Missing)
                } else if prev_hash != previous {
                    Some(ChainProblem::Inserted)
                } else {
                    None
                };
                if let Some(problem) = problem {
                    broken = Some(found(if problem == ChainProblem::Missing { expected_seq } else { seq }, problem));
                    break 'pages;
                }
                previous = hash;
                expected_seq = seq + 1;
            }
        }
        if broken.is_none() && (expected_seq - 1 != counter || previous != head) {
            let problem = if expected_seq - 1 > counter { ChainProblem::Inserted } else { ChainProblem::Truncated };
            let seq = if problem == ChainProblem::Inserted { counter + 1 } else { expected_seq };
            broken = Some(found(seq, problem));
        }
        breaks.extend(broken);
    }
    Ok(breaks)
}

pub(crate) mod incidents {
    use super::*;
    include!("queries/incidents.rs");
}

pub(crate) mod requests {
    use super::*;
    include!("queries/requests.rs");
}
