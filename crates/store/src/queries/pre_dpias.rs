// The SQL of the pre-DPIAs, compiled for both back-ends (see `queries.rs`).

use crate::NewMail;
use crate::pre_dpias::{NewPreDpia, PreDpia, PreDpiaStatus};

const FIELDS: &[&str] = &["app_name", "answers", "outcome", "reasons", "supplier_id", "agreement_in_force"];

fn pre_dpia_from(row: &DbRow) -> Result<PreDpia> {
    let status: String = required(row, "status")?;
    Ok(PreDpia {
        id: row.try_get("id")?,
        data: NewPreDpia {
            requester_id: row.try_get("requester_id")?,
            requester_name: row.try_get("requester_name")?,
            school_id: row.try_get("school_id")?,
            app_name: row.try_get("app_name")?,
            answers: json_col(row, "answers")?,
            outcome: row.try_get("outcome")?,
            reasons: json_col(row, "reasons")?,
            supplier_id: row.try_get("supplier_id")?,
            agreement_in_force: row.try_get("agreement_in_force")?,
        },
        status: PreDpiaStatus::from_code(&status).ok_or_else(|| StoreError::Corrupt(format!("status: {status}")))?,
        answer_text: row.try_get("answer_text")?,
        answered_by: row.try_get("answered_by")?,
        answered_at: optional_instant_col(row, "answered_at")?,
        reminded_at: optional_instant_col(row, "reminded_at")?,
        created_at: instant_col(row, "created_at")?,
    })
}

const SELECT: &str = "SELECT id, requester_id, requester_name, school_id, app_name, answers, outcome, reasons, \
     supplier_id, agreement_in_force, status, answer_text, answered_by, answered_at, reminded_at, created_at \
     FROM pre_dpias WHERE board_id = $1 AND ($2 IS NULL OR requester_id = $2) AND ($3 IS NULL OR id = $3) \
     ORDER BY created_at DESC, id";

async fn read<'e, E>(executor: E, board: &BoardId, requester: Option<&str>, id: Option<&str>) -> Result<Vec<PreDpia>>
where
    E: sqlx::Executor<'e, Database = Db>,
{
    let rows = sqlx::query(SELECT).bind(&board.0).bind(requester).bind(id).fetch_all(executor).await?;
    rows.iter().map(pre_dpia_from).collect()
}

pub(crate) async fn list(
    pool: &Pool,
    board: &BoardId,
    requester: Option<&str>,
    id: Option<&str>,
) -> Result<Vec<PreDpia>> {
    read(pool, board, requester, id).await
}

pub(crate) async fn create(
    pool: &Pool,
    board: &BoardId,
    actor: &Actor,
    id: &str,
    d: &NewPreDpia,
    mails: &[NewMail],
) -> Result<PreDpia> {
    let mut tx = begin(pool).await?;
    sqlx::query(
        "INSERT INTO pre_dpias (board_id, id, requester_id, requester_name, school_id, app_name, answers, outcome, \
         reasons, supplier_id, agreement_in_force, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)",
    )
    .bind(&board.0)
    .bind(id)
    .bind(&d.requester_id)
    .bind(&d.requester_name)
    .bind(&d.school_id)
    .bind(&d.app_name)
    .bind(d.answers.to_string())
    .bind(&d.outcome)
    .bind(d.reasons.to_string())
    .bind(&d.supplier_id)
    .bind(d.agreement_in_force)
    .bind(actor.at.as_second())
    .execute(&mut *tx)
    .await
    .map_err(|e| classify(e, "id", "board_id"))?;
    audit(&mut tx, board, actor, &AuditEvent::new(AuditAction::Create, "pre_dpia", id).fields(FIELDS)).await?;
    super::outbox::queue_in(&mut tx, board, mails, actor.at).await?;
    let created = read(&mut *tx, board, None, Some(id)).await?.pop().ok_or(StoreError::NotFound)?;
    tx.commit().await?;
    Ok(created)
}

pub(crate) async fn answer(
    pool: &Pool,
    board: &BoardId,
    actor: &Actor,
    id: &str,
    status: PreDpiaStatus,
    text: Option<&str>,
    mails: &[NewMail],
) -> Result<PreDpia> {
    let tx = begin(pool).await?;
    let update = sqlx::query(
        "UPDATE pre_dpias SET status = $3, answer_text = $4, answered_by = $5, answered_at = $6 \
         WHERE board_id = $1 AND id = $2 AND status = 'waiting'",
    )
    .bind(&board.0)
    .bind(id)
    .bind(status.code())
    .bind(text)
    .bind(&actor.label)
    .bind(actor.at.as_second());
    let mut tx = guarded(tx, "pre_dpias", board, id, update).await?;
    let event = AuditEvent::new(AuditAction::Update, "pre_dpia", id).fields(&["status", "answer_text"]);
    audit(&mut tx, board, actor, &event).await?;
    super::outbox::queue_in(&mut tx, board, mails, actor.at).await?;
    let answered = read(&mut *tx, board, None, Some(id)).await?.pop().ok_or(StoreError::NotFound)?;
    tx.commit().await?;
    Ok(answered)
}

pub(crate) async fn mark_reminded(
    pool: &Pool,
    board: &BoardId,
    actor: &Actor,
    id: &str,
    mails: &[NewMail],
) -> Result<bool> {
    let mut tx = begin(pool).await?;
    let done = sqlx::query(
        "UPDATE pre_dpias SET reminded_at = $3 WHERE board_id = $1 AND id = $2 AND status = 'waiting' \
         AND reminded_at IS NULL",
    )
    .bind(&board.0)
    .bind(id)
    .bind(actor.at.as_second())
    .execute(&mut *tx)
    .await?;
    if done.rows_affected() == 0 {
        tx.rollback().await?;
        return Ok(false);
    }
    let event = AuditEvent::new(AuditAction::Update, "pre_dpia", id).fields(&["reminded_at"]);
    audit(&mut tx, board, actor, &event).await?;
    super::outbox::queue_in(&mut tx, board, mails, actor.at).await?;
    tx.commit().await?;
    Ok(true)
}
