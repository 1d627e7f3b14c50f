// The SQL of the activity calendar, compiled for both back-ends (see `queries.rs`).

use crate::calendar::{CalendarItem, ItemData};
use crate::outbox::NewMail;
use aantoonbaar_rules::cycle::Reminder;

const ITEM_FIELDS: &[&str] = &["kind", "title", "owner_role", "owner_user_id", "due_on", "source"];

fn item_from(row: &DbRow) -> Result<CalendarItem> {
    let start: i64 = required(row, "start_year")?;
    Ok(CalendarItem {
        id: row.try_get("id")?,
        start_year: i16::try_from(start).map_err(|_| StoreError::Corrupt(format!("start_year: {start}")))?,
        data: ItemData {
            kind: code_col(row, "kind")?,
            title: row.try_get("title")?,
            owner_role: optional_code_col(row, "owner_role")?,
            owner_user_id: row.try_get("owner_user_id")?,
            due_on: date_col(row, "due_on")?,
            source: row.try_get("source")?,
        },
        evidence: row.try_get("evidence")?,
        done_on: optional_date_col(row, "done_on")?,
        done_by: row.try_get("done_by")?,
        created_at: instant_col(row, "created_at")?,
        updated_at: instant_col(row, "updated_at")?,
    })
}

pub(crate) async fn exists(pool: &Pool, board: &BoardId, start_year: i16) -> Result<bool> {
    let row = sqlx::query("SELECT start_year FROM calendar_years WHERE board_id = $1 AND start_year = $2")
        .bind(&board.0)
        .bind(i64::from(start_year))
        .fetch_optional(pool)
        .await?;
    Ok(row.is_some())
}

pub(crate) async fn items(
    pool: &Pool,
    board: &BoardId,
    start_year: Option<i16>,
    id: Option<&str>,
) -> Result<Vec<CalendarItem>> {
    let rows = sqlx::query(
        "SELECT id, start_year, kind, title, owner_role, owner_user_id, due_on, source, evidence, done_on, done_by, \
         created_at, updated_at FROM calendar_items WHERE board_id = $1 AND ($2 IS NULL OR start_year = $2) \
         AND ($3 IS NULL OR id = $3) ORDER BY due_on, created_at, title",
    )
    .bind(&board.0)
    .bind(start_year.map(i64::from))
    .bind(id)
    .fetch_all(pool)
    .await?;
    rows.iter().map(item_from).collect()
}

async fn insert_item(tx: &mut Tx, board: &BoardId, actor: &Actor, start_year: i16, d: &ItemData) -> Result<String> {
    let id = new_id();
    sqlx::query(
        "INSERT INTO calendar_items (board_id, id, start_year, kind, title, owner_role, owner_user_id, due_on, source, \
         created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10)",
    )
    .bind(&board.0)
    .bind(&id)
    .bind(i64::from(start_year))
    .bind(d.kind.code())
    .bind(&d.title)
    .bind(d.owner_role.map(|r| r.code()))
    .bind(&d.owner_user_id)
    .bind(d.due_on.to_string())
    .bind(&d.source)
    .bind(actor.at.as_second())
    .execute(&mut **tx)
    .await
    .map_err(|e| classify(e, "title", "school_year"))?;
    Ok(id)
}

pub(crate) async fn create(
    pool: &Pool,
    board: &BoardId,
    actor: &Actor,
    start_year: i16,
    items: &[ItemData],
) -> Result<bool> {
    let mut tx = begin(pool).await?;
    let made = sqlx::query(
        "INSERT INTO calendar_years (board_id, start_year, created_at, created_by) VALUES ($1, $2, $3, $4) \
         ON CONFLICT (board_id, start_year) DO NOTHING",
    )
    .bind(&board.0)
    .bind(i64::from(start_year))
    .bind(actor.at.as_second())
    .bind(&actor.label)
    .execute(&mut *tx)
    .await?;
    if made.rows_affected() == 0 {
        tx.rollback().await?;
        return Ok(false);
    }
    let mut events = vec![AuditEvent::new(AuditAction::Create, "calendar", &start_year.to_string())];
    for item in items {
        let id = insert_item(&mut tx, board, actor, start_year, item).await?;
        events.push(AuditEvent::new(AuditAction::Create, "calendar_item", &id).fields(ITEM_FIELDS));
    }
    let entries: Vec<(&Actor, &AuditEvent)> = events.iter().map(|e| (actor, e)).collect();
    audit_many(&mut tx, board, &entries).await?;
    tx.commit().await?;
    Ok(true)
}

pub(crate) async fn add(
    pool: &Pool,
    board: &BoardId,
    actor: &Actor,
    start_year: i16,
    d: &ItemData,
) -> Result<CalendarItem> {
    let mut tx = begin(pool).await?;
    let id = insert_item(&mut tx, board, actor, start_year, d).await?;
    audit(&mut tx, board, actor, &AuditEvent::new(AuditAction::Create, "calendar_item", &id).fields(ITEM_FIELDS))
        .await?;
    tx.commit().await?;
    items(pool, board, None, Some(&id)).await?.pop().ok_or(StoreError::NotFound)
}

pub(crate) async fn update(
    pool: &Pool,
    board: &BoardId,
    actor: &Actor,
    id: &str,
    d: &ItemData,
) -> Result<CalendarItem> {
    let mut tx = begin(pool).await?;
    let done = sqlx::query(
        "UPDATE calendar_items SET title = $3, owner_role = $4, owner_user_id = $5, due_on = $6, updated_at = $7 \
         WHERE board_id = $1 AND id = $2",
    )
    .bind(&board.0)
    .bind(id)
    .bind(&d.title)
    .bind(d.owner_role.map(|r| r.code()))
    .bind(&d.owner_user_id)
    .bind(d.due_on.to_string())
    .bind(actor.at.as_second())
    .execute(&mut *tx)
    .await?;
    if done.rows_affected() == 0 {
        tx.rollback().await?;
        return Err(StoreError::NotFound);
    }
    let event = AuditEvent::new(AuditAction::Update, "calendar_item", id).fields(&[
        "title",
        "owner_role",
        "owner_user_id",
        "due_on",
    ]);
    audit(&mut tx, board, actor, &event).await?;
    tx.commit().await?;
    items(pool, board, None, Some(id)).await?.pop().ok_or(StoreError::NotFound)
}

pub(crate) async fn remove(pool: &Pool, board: &BoardId, actor: &Actor, id: &str) -> Result<()> {
    let mut tx = begin(pool).await?;
    sqlx::query("DELETE FROM calendar_reminders WHERE board_id = $1 AND item_id = $2")
        .bind(&board.0)
        .bind(id)
        .execute(&mut *tx)
        .await?;
    let done = sqlx::query("DELETE FROM calendar_items WHERE board_id = $1 AND id = $2")
        .bind(&board.0)
        .bind(id)
        .execute(&mut *tx)
        .await?;
    if done.rows_affected() == 0 {
        tx.rollback().await?;
        return Err(StoreError::NotFound);
    }
    audit(&mut tx, board, actor, &AuditEvent::new(AuditAction::Delete, "calendar_item", id)).await?;
    tx.commit().await?;
    Ok(())
}

pub(crate) async fn tick(
    pool: &Pool,
    board: &BoardId,
    actor: &Actor,
    id: &str,
    evidence: &str,
    on: Date,
) -> Result<CalendarItem> {
    let tx = begin(pool).await?;
    let update = sqlx::query(
        "UPDATE calendar_items SET evidence = $3, done_on = $4, done_by = $5, updated_at = $6 \
         WHERE board_id = $1 AND id = $2 AND done_on IS NULL",
    )
    .bind(&board.0)
    .bind(id)
    .bind(evidence)
    .bind(on.to_string())
    .bind(&actor.label)
    .bind(actor.at.as_second());
    let mut tx = guarded(tx, "calendar_items", board, id, update).await?;
    let event = AuditEvent::new(AuditAction::Update, "calendar_item", id).fields(&["evidence", "done_on"]);
    audit(&mut tx, board, actor, &event).await?;
    tx.commit().await?;
    items(pool, board, None, Some(id)).await?.pop().ok_or(StoreError::NotFound)
}

pub(crate) async fn remind(
    pool: &Pool,
    board: &BoardId,
    id: &str,
    reminder: Reminder,
    mails: &[NewMail],
    at: Timestamp,
) -> Result<bool> {
    let marker = sqlx::query(
        "INSERT INTO calendar_reminders (board_id, item_id, reminder, sent_at) VALUES ($1, $2, $3, $4) \
         ON CONFLICT (board_id, item_id, reminder) DO NOTHING",
    )
    .bind(&board.0)
    .bind(id)
    .bind(reminder.code())
    .bind(at.as_second());
    super::outbox::once(pool, board, marker, mails, at).await
}

pub(crate) async fn boards_due(pool: &Pool, until: Date) -> Result<Vec<BoardId>> {
    let rows = sqlx::query(
        "SELECT DISTINCT board_id FROM calendar_items WHERE done_on IS NULL AND due_on <= $1 ORDER BY board_id",
    )
    .bind(until.to_string())
    .fetch_all(pool)
    .await?;
    rows.iter().map(|r| Ok(BoardId(r.try_get("board_id")?))).collect()
}
