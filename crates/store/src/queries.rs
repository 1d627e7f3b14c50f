// The SQL of the store, written once. `sqlite.rs` and `postgres.rs` each
// `include!` this file after defining `Db` (the sqlx database type),
// `BEGIN_WRITE` and `MIGRATIONS`, so the same statements are compiled and type
// checked for both back-ends. Only SQL both understand is allowed here:
// `$n` placeholders, `RETURNING`, `ON CONFLICT`, no back-end functions.
//
// This file holds what every area shares: the migrations, ids, error
// classification, column readers, scope filters, transactions and the audit
// trail. Each area's statements live in `queries/<area>.rs`, compiled as the
// module `<area>` of the back-end (`areas!` at the end), which sees everything
// here through `use super::*`: the imports below are also the areas' prelude.
// A helper one area lends another is `pub(super)` there.

use crate::audit_chain::Canonical;
use crate::codes::Code;
use crate::{Actor, AuditAction, AuditEvent, BoardId, Scope, StoreError};
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

/// How many of this binary's migrations the database has applied, and how
/// many there are.
pub(crate) async fn migrations_applied(pool: &Pool) -> Result<(usize, usize)> {
    let applied: Vec<i64> =
        sqlx::query_scalar("SELECT version FROM _sqlx_migrations WHERE success").fetch_all(pool).await?;
    let ours = MIGRATIONS.iter().filter(|(version, _, _)| applied.contains(version)).count();
    Ok((ours, MIGRATIONS.len()))
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

// Column readers: a NULL where the schema or the row's state promises a value,
// or a value the program cannot read, is `Corrupt`, never a default.

/// A column that holds a value for this row (NOT NULL, or set in the row's
/// state); `Corrupt` naming the column when it is NULL.
fn required<'r, T>(row: &'r DbRow, column: &str) -> Result<T>
where
    T: sqlx::Decode<'r, Db> + sqlx::Type<Db>,
{
    row.try_get::<Option<T>, _>(column)?.ok_or_else(|| StoreError::Corrupt(format!("{column} is empty")))
}

/// A JSON document stored as text; `Corrupt` naming the column when it is no JSON.
fn json_col(row: &DbRow, column: &str) -> Result<serde_json::Value> {
    let text: String = required(row, column)?;
    serde_json::from_str(&text).map_err(|_| StoreError::Corrupt(format!("{column}: {text}")))
}

fn parse_date(column: &str, text: &str) -> Result<Date> {
    text.parse().map_err(|_| StoreError::Corrupt(format!("{column}: {text}")))
}

/// A date, stored as `YYYY-MM-DD`.
fn date_col(row: &DbRow, column: &str) -> Result<Date> {
    parse_date(column, &required::<String>(row, column)?)
}

fn optional_date_col(row: &DbRow, column: &str) -> Result<Option<Date>> {
    row.try_get::<Option<String>, _>(column)?.map(|text| parse_date(column, &text)).transpose()
}

/// A moment, stored as Unix seconds.
fn instant(seconds: i64) -> Result<Timestamp> {
    Timestamp::from_second(seconds).map_err(|_| StoreError::Corrupt(format!("instant {seconds}")))
}

fn instant_col(row: &DbRow, column: &str) -> Result<Timestamp> {
    instant(required(row, column)?)
}

fn optional_instant_col(row: &DbRow, column: &str) -> Result<Option<Timestamp>> {
    row.try_get::<Option<i64>, _>(column)?.map(instant).transpose()
}

/// A stored code, read as its value (`codes.rs`).
/// A count (a number of rows), never negative.
fn count_col(row: &DbRow, column: &str) -> Result<usize> {
    let n: i64 = required(row, column)?;
    usize::try_from(n).map_err(|_| StoreError::Corrupt(format!("{column}: {n}")))
}

fn code_col<T: Code>(row: &DbRow, column: &str) -> Result<T> {
    T::stored(column, &required::<String>(row, column)?)
}

fn optional_code_col<T: Code>(row: &DbRow, column: &str) -> Result<Option<T>> {
    row.try_get::<Option<String>, _>(column)?.map(|code| T::stored(column, &code)).transpose()
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

/// The statement type of a guarded change.
type Statement<'q> = sqlx::query::Query<'q, Db, <Db as sqlx::Database>::Arguments>;

/// Runs a state transition: an UPDATE of the one row `id` of `table` that
/// carries its precondition in the WHERE clause. When it changed no row, the
/// transaction is rolled back and the error tells why: [`StoreError::NotFound`]
/// when the board has no such row, [`StoreError::WrongState`] when the row's
/// state does not allow the change. Because the condition is part of the
/// UPDATE (which also takes the row lock on PostgreSQL), a change someone else
/// committed in between is caught as well.
///
/// A write that adds rows under a record (a follow-up, a letter) guards with a
/// no-op UPDATE of the record (`SET status = status WHERE … AND <condition>`).
async fn guarded(mut tx: Tx, table: &'static str, board: &BoardId, id: &str, update: Statement<'_>) -> Result<Tx> {
    if update.execute(&mut *tx).await?.rows_affected() > 0 {
        return Ok(tx);
    }
    let sql = format!("SELECT id FROM {table} WHERE board_id = $1 AND id = $2");
    let exists = sqlx::query(sqlx::AssertSqlSafe(sql)).bind(&board.0).bind(id).fetch_optional(&mut *tx).await?;
    tx.rollback().await?;
    Err(if exists.is_some() { StoreError::WrongState } else { StoreError::NotFound })
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
    let head =
        sqlx::query("UPDATE boards SET audit_seq = audit_seq + $2 WHERE id = $1 RETURNING audit_seq, audit_head")
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
    sqlx::query("UPDATE boards SET audit_head = $2 WHERE id = $1")
        .bind(&board.0)
        .bind(previous)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// One module per area of the store, each compiled for this back-end from
/// `queries/<area>.rs`.
macro_rules! areas {
    ($($area:ident),* $(,)?) => {
        $(
            pub(crate) mod $area {
                use super::*;
                include!(concat!("queries/", stringify!($area), ".rs"));
            }
        )*
    };
}

areas!(
    access_policies,
    access_reviews,
    audit,
    awareness,
    board_reports,
    boards,
    calendar,
    cameras,
    consent,
    dpias,
    guardians,
    import,
    incidents,
    outbox,
    parties,
    policy_documents,
    privacy_statements,
    pre_dpias,
    pupils,
    registers,
    requests,
    retention,
    retention_batches,
    risks,
    schools,
    selfassessment,
    sessions,
    staff,
    system_accounts,
    users,
    versions,
);
