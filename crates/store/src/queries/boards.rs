// Boards, their settings and the days equated with public holidays; compiled for both back-ends
// (see `queries.rs`).

use crate::{Board, BoardSettings, EquatedDay};

fn board_from(row: &DbRow) -> Result<Board> {
    Ok(Board { id: BoardId(row.try_get("id")?), name: row.try_get("name")? })
}

pub(crate) async fn board_ids(pool: &Pool) -> Result<Vec<BoardId>> {
    let rows = sqlx::query("SELECT id FROM boards ORDER BY id").fetch_all(pool).await?;
    rows.iter().map(|row| Ok(BoardId(row.try_get("id")?))).collect()
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

pub(crate) async fn board_settings(pool: &Pool, board: &BoardId) -> Result<BoardSettings> {
    let row =
        sqlx::query("SELECT consent_renewal, both_parents_when_separated FROM board_settings WHERE board_id = $1")
            .bind(&board.0)
            .fetch_optional(pool)
            .await?;
    row.map_or_else(|| Ok(BoardSettings::default()), |row| settings_from(&row))
}

/// The settings from a row whose columns are NULL when the board chose nothing yet.
pub(super) fn settings_from(row: &DbRow) -> Result<BoardSettings> {
    let Some(consent_renewal) = optional_code_col(row, "consent_renewal")? else {
        return Ok(BoardSettings::default());
    };
    Ok(BoardSettings { consent_renewal, both_parents_when_separated: required(row, "both_parents_when_separated")? })
}

pub(crate) async fn set_board_settings(
    pool: &Pool,
    board: &BoardId,
    actor: &Actor,
    settings: BoardSettings,
) -> Result<()> {
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

pub(crate) async fn equated_days(pool: &Pool, board: &BoardId) -> Result<Vec<EquatedDay>> {
    let rows = sqlx::query("SELECT day, description FROM equated_days WHERE board_id = $1 ORDER BY day")
        .bind(&board.0)
        .fetch_all(pool)
        .await?;
    rows.iter().map(equated_day_from).collect()
}

fn equated_day_from(row: &DbRow) -> Result<EquatedDay> {
    Ok(EquatedDay { day: date_col(row, "day")?, description: row.try_get("description")? })
}

pub(crate) async fn add_equated_day(
    pool: &Pool,
    board: &BoardId,
    actor: &Actor,
    day: Date,
    description: &str,
) -> Result<()> {
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
