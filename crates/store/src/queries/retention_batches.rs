// The SQL of destruction batches, compiled for both back-ends (see `queries.rs`).

use crate::retention_batches::{
    BatchItem, Completion, Confirmation, GivenApproval, NewBatch, NewBatchItem, NewConfirmation, Outcome, Slot,
    StoredBatch,
};
use aantoonbaar_rules::retention::Category;

const BATCH_SELECT: &str = "SELECT id, school_id, worklist_date, status, created_by_label, created_at, director_by, \
     director_by_label, director_name, director_at, manager_by, manager_by_label, manager_name, manager_at, \
     completed_on, certificate_sha256 FROM retention_batches WHERE board_id = $1 AND ($2 IS NULL OR id = $2) \
     ORDER BY created_at DESC, id";

fn approval_from(row: &DbRow, prefix: &str) -> Result<Option<GivenApproval>> {
    let Some(at) = optional_instant_col(row, &format!("{prefix}_at"))? else { return Ok(None) };
    Ok(Some(GivenApproval {
        user_id: row.try_get(format!("{prefix}_by").as_str())?,
        label: required(row, &format!("{prefix}_by_label"))?,
        name: row.try_get::<Option<String>, _>(format!("{prefix}_name").as_str())?.unwrap_or_default(),
        at,
    }))
}

fn batch_from(row: &DbRow) -> Result<StoredBatch> {
    Ok(StoredBatch {
        id: required(row, "id")?,
        school_id: row.try_get("school_id")?,
        worklist_date: date_col(row, "worklist_date")?,
        status: required(row, "status")?,
        created_by: required(row, "created_by_label")?,
        created_at: instant_col(row, "created_at")?,
        director: approval_from(row, "director")?,
        manager: approval_from(row, "manager")?,
        completed_on: optional_date_col(row, "completed_on")?,
        certificate_sha256: row.try_get("certificate_sha256")?,
        items: Vec::new(),
        confirmations: Vec::new(),
    })
}

fn item_from(row: &DbRow) -> Result<(String, BatchItem)> {
    let systems: String = required(row, "systems")?;
    let systems: Vec<String> =
        serde_json::from_str(&systems).map_err(|_| StoreError::Corrupt(format!("systems: {systems}")))?;
    let outcome: Option<String> = row.try_get("outcome")?;
    let outcome = match outcome.as_deref() {
        None => None,
        Some("destroyed") => Some(Outcome::Destroyed),
        Some("held") => Some(Outcome::Held),
        Some(other) => return Err(StoreError::Corrupt(format!("outcome: {other}"))),
    };
    Ok((
        required(row, "batch_id")?,
        BatchItem {
            item: NewBatchItem {
                pupil_id: required(row, "pupil_id")?,
                category: code_col(row, "category")?,
                rule: code_col(row, "rule")?,
                school_id: required(row, "school_id")?,
                due_date: date_col(row, "due_date")?,
                action: code_col(row, "end_action")?,
                systems,
            },
            outcome,
            destroyed_on: optional_date_col(row, "destroyed_on")?,
        },
    ))
}

pub(crate) async fn read(pool: &Pool, board: &BoardId, id: Option<&str>) -> Result<Vec<StoredBatch>> {
    let rows = sqlx::query(BATCH_SELECT).bind(&board.0).bind(id).fetch_all(pool).await?;
    let mut batches = rows.iter().map(batch_from).collect::<Result<Vec<_>>>()?;
    let items = sqlx::query(
        "SELECT batch_id, pupil_id, category, rule, school_id, due_date, end_action, systems, outcome, destroyed_on \
         FROM retention_batch_items WHERE board_id = $1 AND ($2 IS NULL OR batch_id = $2) \
         ORDER BY category, due_date, pupil_id",
    )
    .bind(&board.0)
    .bind(id)
    .fetch_all(pool)
    .await?;
    for row in &items {
        let (batch_id, item) = item_from(row)?;
        if let Some(batch) = batches.iter_mut().find(|b| b.id == batch_id) {
            batch.items.push(item);
        }
    }
    let confirmations = sqlx::query(
        "SELECT batch_id, system, destroyed_on, method, confirmed_by_label, confirmed_at \
         FROM retention_batch_confirmations WHERE board_id = $1 AND ($2 IS NULL OR batch_id = $2) ORDER BY system",
    )
    .bind(&board.0)
    .bind(id)
    .fetch_all(pool)
    .await?;
    for row in &confirmations {
        let batch_id: String = required(row, "batch_id")?;
        let confirmation = Confirmation {
            system: required(row, "system")?,
            destroyed_on: date_col(row, "destroyed_on")?,
            method: required(row, "method")?,
            confirmed_by: required(row, "confirmed_by_label")?,
            confirmed_at: instant_col(row, "confirmed_at")?,
        };
        if let Some(batch) = batches.iter_mut().find(|b| b.id == batch_id) {
            batch.confirmations.push(confirmation);
        }
    }
    Ok(batches)
}

pub(crate) async fn create(pool: &Pool, board: &BoardId, actor: &Actor, batch: &NewBatch) -> Result<StoredBatch> {
    let mut tx = begin(pool).await?;
    let id = new_id();
    sqlx::query(
        "INSERT INTO retention_batches (board_id, id, school_id, worklist_date, status, created_by, created_by_label, \
         created_at) VALUES ($1, $2, $3, $4, 'awaiting_approval', $5, $6, $7)",
    )
    .bind(&board.0)
    .bind(&id)
    .bind(&batch.school_id)
    .bind(batch.worklist_date.to_string())
    .bind(&actor.user_id)
    .bind(&actor.label)
    .bind(actor.at.as_second())
    .execute(&mut *tx)
    .await
    .map_err(|e| classify(e, "id", "school_id"))?;
    for item in &batch.items {
        let systems = serde_json::to_string(&item.systems).map_err(|e| StoreError::Corrupt(e.to_string()))?;
        sqlx::query(
            "INSERT INTO retention_batch_items (board_id, batch_id, pupil_id, category, rule, school_id, due_date, \
             end_action, systems) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
        )
        .bind(&board.0)
        .bind(&id)
        .bind(&item.pupil_id)
        .bind(item.category.code())
        .bind(item.rule.code())
        .bind(&item.school_id)
        .bind(item.due_date.to_string())
        .bind(item.action.code())
        .bind(systems)
        .execute(&mut *tx)
        .await
        .map_err(|e| classify(e, "pupil_id", "pupil_id"))?;
    }
    let event = AuditEvent::new(AuditAction::Create, "retention_batch", &id).fields(&["worklist_date", "school_id"]);
    audit(&mut tx, board, actor, &event).await?;
    tx.commit().await?;
    read(pool, board, Some(&id)).await?.pop().ok_or(StoreError::NotFound)
}

pub(crate) async fn approve(
    pool: &Pool,
    board: &BoardId,
    actor: &Actor,
    id: &str,
    slot: Slot,
    name: &str,
) -> Result<StoredBatch> {
    let tx = begin(pool).await?;
    let prefix = match slot {
        Slot::Director => "director",
        Slot::Manager => "manager",
    };
    let sql = format!(
        "UPDATE retention_batches SET {prefix}_by = $3, {prefix}_by_label = $4, {prefix}_name = $5, {prefix}_at = $6 \
         WHERE board_id = $1 AND id = $2 AND status = 'awaiting_approval' AND {prefix}_at IS NULL"
    );
    let update = sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(&board.0)
        .bind(id)
        .bind(&actor.user_id)
        .bind(&actor.label)
        .bind(name)
        .bind(actor.at.as_second());
    let mut tx = guarded(tx, "retention_batches", board, id, update).await?;
    sqlx::query(
        "UPDATE retention_batches SET status = 'approved' WHERE board_id = $1 AND id = $2 \
         AND director_at IS NOT NULL AND manager_at IS NOT NULL",
    )
    .bind(&board.0)
    .bind(id)
    .execute(&mut *tx)
    .await?;
    let field = match slot {
        Slot::Director => "director_approval",
        Slot::Manager => "ibp_manager_approval",
    };
    let event = AuditEvent::new(AuditAction::Update, "retention_batch", id).fields(&[field]);
    audit(&mut tx, board, actor, &event).await?;
    tx.commit().await?;
    read(pool, board, Some(id)).await?.pop().ok_or(StoreError::NotFound)
}

pub(crate) async fn confirm(
    pool: &Pool,
    board: &BoardId,
    actor: &Actor,
    id: &str,
    confirmation: &NewConfirmation,
    completion: Option<&Completion>,
) -> Result<StoredBatch> {
    let mut tx = begin(pool).await?;
    let status: Option<String> =
        sqlx::query_scalar("SELECT status FROM retention_batches WHERE board_id = $1 AND id = $2")
            .bind(&board.0)
            .bind(id)
            .fetch_optional(&mut *tx)
            .await?;
    match status.as_deref() {
        None => return Err(StoreError::NotFound),
        Some("approved") => {}
        Some(_) => return Err(StoreError::WrongState),
    }
    sqlx::query(
        "INSERT INTO retention_batch_confirmations (board_id, batch_id, system, destroyed_on, method, confirmed_by, \
         confirmed_by_label, confirmed_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(&board.0)
    .bind(id)
    .bind(&confirmation.system)
    .bind(confirmation.destroyed_on.to_string())
    .bind(&confirmation.method)
    .bind(&actor.user_id)
    .bind(&actor.label)
    .bind(actor.at.as_second())
    .execute(&mut *tx)
    .await
    .map_err(|e| classify(e, "system", "id"))?;
    let event = AuditEvent::new(AuditAction::Create, "retention_batch_confirmation", id).fields(&[
        "system",
        "destroyed_on",
        "method",
    ]);
    audit(&mut tx, board, actor, &event).await?;
    if let Some(completion) = completion {
        for (pupil, category) in &completion.held {
            sqlx::query(
                "UPDATE retention_batch_items SET outcome = 'held' WHERE board_id = $1 AND batch_id = $2 \
                 AND pupil_id = $3 AND category = $4",
            )
            .bind(&board.0)
            .bind(id)
            .bind(pupil)
            .bind(category.code())
            .execute(&mut *tx)
            .await?;
        }
        let last: String = sqlx::query_scalar(
            "SELECT MAX(destroyed_on) FROM retention_batch_confirmations WHERE board_id = $1 AND batch_id = $2",
        )
        .bind(&board.0)
        .bind(id)
        .fetch_one(&mut *tx)
        .await?;
        sqlx::query(
            "UPDATE retention_batch_items SET outcome = 'destroyed', destroyed_on = $3 WHERE board_id = $1 \
             AND batch_id = $2 AND outcome IS NULL",
        )
        .bind(&board.0)
        .bind(id)
        .bind(&last)
        .execute(&mut *tx)
        .await?;
        sqlx::query(
            "UPDATE retention_batches SET status = 'completed', completed_at = $3, completed_on = $4, \
             certificate = $5, certificate_sha256 = $6 WHERE board_id = $1 AND id = $2",
        )
        .bind(&board.0)
        .bind(id)
        .bind(actor.at.as_second())
        .bind(completion.completed_on.to_string())
        .bind(&completion.certificate)
        .bind(&completion.sha256)
        .execute(&mut *tx)
        .await?;
        let completed = AuditEvent::new(AuditAction::Update, "retention_batch", id).fields(&["status"]);
        audit(&mut tx, board, actor, &completed).await?;
        let certificate =
            AuditEvent::new(AuditAction::Create, "destruction_certificate", &completion.sha256).fields(&["batch_id"]);
        audit(&mut tx, board, actor, &certificate).await?;
    }
    tx.commit().await?;
    read(pool, board, Some(id)).await?.pop().ok_or(StoreError::NotFound)
}

pub(crate) async fn certificate(pool: &Pool, board: &BoardId, id: &str) -> Result<Option<(Vec<u8>, String)>> {
    let row = sqlx::query(
        "SELECT certificate, certificate_sha256 FROM retention_batches WHERE board_id = $1 AND id = $2 \
         AND status = 'completed'",
    )
    .bind(&board.0)
    .bind(id)
    .fetch_optional(pool)
    .await?;
    row.map(|row| Ok((required(&row, "certificate")?, required(&row, "certificate_sha256")?))).transpose()
}

pub(crate) async fn destroyed_of(pool: &Pool, board: &BoardId, pupil: &str) -> Result<Vec<(Category, Date)>> {
    let rows = sqlx::query(
        "SELECT category, destroyed_on FROM retention_batch_items WHERE board_id = $1 AND pupil_id = $2 \
         AND outcome = 'destroyed' ORDER BY destroyed_on",
    )
    .bind(&board.0)
    .bind(pupil)
    .fetch_all(pool)
    .await?;
    rows.iter().map(|row| Ok((code_col(row, "category")?, date_col(row, "destroyed_on")?))).collect()
}

pub(crate) async fn open_items(pool: &Pool, board: &BoardId) -> Result<Vec<(String, Category)>> {
    let rows = sqlx::query(
        "SELECT i.pupil_id, i.category FROM retention_batch_items i JOIN retention_batches b \
         ON b.board_id = i.board_id AND b.id = i.batch_id WHERE i.board_id = $1 AND b.status <> 'completed'",
    )
    .bind(&board.0)
    .fetch_all(pool)
    .await?;
    rows.iter().map(|row| Ok((required(row, "pupil_id")?, code_col(row, "category")?))).collect()
}
