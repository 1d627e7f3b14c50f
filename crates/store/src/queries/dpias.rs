// The SQL of the DPIAs, compiled for both back-ends (see `queries.rs`).

use crate::NewMail;
use crate::dpias::{Dpia, DpiaData, DpiaVersion, NewDpiaVersion, NewScreening, Reopen, ReviewReason, Screening};

const DPIA_FIELDS: &[&str] = &["title", "activity_id", "product", "kind", "screening_id", "content"];

fn reasons_col(row: &DbRow) -> Result<Vec<ReviewReason>> {
    let text: String = required(row, "review_reasons")?;
    serde_json::from_str(&text).map_err(|_| StoreError::Corrupt(format!("review_reasons: {text}")))
}

fn reasons_json(reasons: &[ReviewReason]) -> Result<String> {
    serde_json::to_string(reasons).map_err(|e| StoreError::Corrupt(format!("review_reasons: {e}")))
}

fn screening_from(row: &DbRow) -> Result<Screening> {
    Ok(Screening {
        id: row.try_get("id")?,
        data: NewScreening {
            activity_id: row.try_get("activity_id")?,
            product: row.try_get("product")?,
            facts: json_col(row, "facts")?,
            outcome: row.try_get("outcome")?,
            reasons: json_col(row, "reasons")?,
        },
        screened_by: row.try_get("screened_by")?,
        screened_by_name: row.try_get("screened_by_name")?,
        screened_at: instant_col(row, "screened_at")?,
    })
}

pub(crate) async fn create_screening(
    pool: &Pool,
    board: &BoardId,
    actor: &Actor,
    name: &str,
    d: &NewScreening,
) -> Result<Screening> {
    let mut tx = begin(pool).await?;
    let id = new_id();
    sqlx::query(
        "INSERT INTO dpia_screenings (board_id, id, activity_id, product, facts, outcome, reasons, screened_by, \
         screened_by_name, screened_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
    )
    .bind(&board.0)
    .bind(&id)
    .bind(&d.activity_id)
    .bind(&d.product)
    .bind(d.facts.to_string())
    .bind(&d.outcome)
    .bind(d.reasons.to_string())
    .bind(&actor.user_id)
    .bind(name)
    .bind(actor.at.as_second())
    .execute(&mut *tx)
    .await?;
    let event = AuditEvent::new(AuditAction::Create, "dpia_screening", &id).fields(&["facts", "outcome"]);
    audit(&mut tx, board, actor, &event).await?;
    let created = read_screenings(&mut *tx, board, Some(&id)).await?.pop().ok_or(StoreError::NotFound)?;
    tx.commit().await?;
    Ok(created)
}

async fn read_screenings<'e, E>(executor: E, board: &BoardId, id: Option<&str>) -> Result<Vec<Screening>>
where
    E: sqlx::Executor<'e, Database = Db>,
{
    let rows = sqlx::query(
        "SELECT id, activity_id, product, facts, outcome, reasons, screened_by, screened_by_name, screened_at \
         FROM dpia_screenings WHERE board_id = $1 AND ($2 IS NULL OR id = $2) ORDER BY screened_at DESC, id",
    )
    .bind(&board.0)
    .bind(id)
    .fetch_all(executor)
    .await?;
    rows.iter().map(screening_from).collect()
}

pub(crate) async fn screenings(pool: &Pool, board: &BoardId, id: Option<&str>) -> Result<Vec<Screening>> {
    read_screenings(pool, board, id).await
}

fn dpia_from(row: &DbRow) -> Result<Dpia> {
    let kind: String = required(row, "kind")?;
    let status: String = required(row, "status")?;
    Ok(Dpia {
        id: row.try_get("id")?,
        data: DpiaData {
            title: row.try_get("title")?,
            activity_id: row.try_get("activity_id")?,
            product: row.try_get("product")?,
            kind: Code::stored("kind", &kind)?,
            screening_id: row.try_get("screening_id")?,
            content: json_col(row, "content")?,
        },
        status: Code::stored("status", &status)?,
        fg_advice: row.try_get("fg_advice")?,
        fg_advice_by: row.try_get("fg_advice_by")?,
        fg_advice_at: optional_instant_col(row, "fg_advice_at")?,
        approved_version: row.try_get("approved_version")?,
        approved_on: optional_date_col(row, "approved_on")?,
        review_due: optional_date_col(row, "review_due")?,
        review_reasons: reasons_col(row)?,
        created_at: instant_col(row, "created_at")?,
        updated_at: instant_col(row, "updated_at")?,
    })
}

async fn read<'e, E>(executor: E, board: &BoardId, id: Option<&str>) -> Result<Vec<Dpia>>
where
    E: sqlx::Executor<'e, Database = Db>,
{
    let rows = sqlx::query(
        "SELECT id, title, activity_id, product, kind, screening_id, content, status, fg_advice, fg_advice_by, \
         fg_advice_at, approved_version, approved_on, review_due, review_reasons, created_at, updated_at \
         FROM dpias WHERE board_id = $1 AND ($2 IS NULL OR id = $2) ORDER BY title, id",
    )
    .bind(&board.0)
    .bind(id)
    .fetch_all(executor)
    .await?;
    rows.iter().map(dpia_from).collect()
}

pub(crate) async fn dpias(pool: &Pool, board: &BoardId, id: Option<&str>) -> Result<Vec<Dpia>> {
    read(pool, board, id).await
}

async fn read_one(tx: &mut Tx, board: &BoardId, id: &str) -> Result<Dpia> {
    read(&mut **tx, board, Some(id)).await?.pop().ok_or(StoreError::NotFound)
}

pub(crate) async fn create(pool: &Pool, board: &BoardId, actor: &Actor, d: &DpiaData) -> Result<Dpia> {
    let mut tx = begin(pool).await?;
    let id = new_id();
    sqlx::query(
        "INSERT INTO dpias (board_id, id, title, activity_id, product, kind, screening_id, content, created_at, \
         updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9)",
    )
    .bind(&board.0)
    .bind(&id)
    .bind(&d.title)
    .bind(&d.activity_id)
    .bind(&d.product)
    .bind(d.kind.code())
    .bind(&d.screening_id)
    .bind(d.content.to_string())
    .bind(actor.at.as_second())
    .execute(&mut *tx)
    .await
    .map_err(|e| classify(e, "title", "board_id"))?;
    audit(&mut tx, board, actor, &AuditEvent::new(AuditAction::Create, "dpia", &id).fields(DPIA_FIELDS)).await?;
    let created = read_one(&mut tx, board, &id).await?;
    tx.commit().await?;
    Ok(created)
}

pub(crate) async fn update(
    pool: &Pool,
    board: &BoardId,
    actor: &Actor,
    id: &str,
    d: &DpiaData,
    fields: &[&'static str],
) -> Result<Dpia> {
    let tx = begin(pool).await?;
    let update = sqlx::query(
        "UPDATE dpias SET title = $3, product = $4, kind = $5, screening_id = $6, content = $7, updated_at = $8 \
         WHERE board_id = $1 AND id = $2 AND status <> 'approved'",
    )
    .bind(&board.0)
    .bind(id)
    .bind(&d.title)
    .bind(&d.product)
    .bind(d.kind.code())
    .bind(&d.screening_id)
    .bind(d.content.to_string())
    .bind(actor.at.as_second());
    let mut tx = match guarded(tx, "dpias", board, id, update).await {
        Err(StoreError::Database(e)) => return Err(classify(e, "title", "board_id")),
        other => other?,
    };
    audit(&mut tx, board, actor, &AuditEvent::new(AuditAction::Update, "dpia", id).fields(fields)).await?;
    let updated = read_one(&mut tx, board, id).await?;
    tx.commit().await?;
    Ok(updated)
}

pub(crate) async fn advise(
    pool: &Pool,
    board: &BoardId,
    actor: &Actor,
    id: &str,
    advice: &str,
    mails: &[NewMail],
) -> Result<Dpia> {
    let tx = begin(pool).await?;
    let update = sqlx::query(
        "UPDATE dpias SET fg_advice = $3, fg_advice_by = $4, fg_advice_at = $5, updated_at = $5 \
         WHERE board_id = $1 AND id = $2 AND status <> 'approved'",
    )
    .bind(&board.0)
    .bind(id)
    .bind(advice)
    .bind(&actor.label)
    .bind(actor.at.as_second());
    let mut tx = guarded(tx, "dpias", board, id, update).await?;
    audit(&mut tx, board, actor, &AuditEvent::new(AuditAction::Update, "dpia", id).fields(&["fg_advice"])).await?;
    super::outbox::queue_in(&mut tx, board, mails, actor.at).await?;
    let advised = read_one(&mut tx, board, id).await?;
    tx.commit().await?;
    Ok(advised)
}

pub(crate) async fn approve(
    pool: &Pool,
    board: &BoardId,
    actor: &Actor,
    id: &str,
    v: &NewDpiaVersion,
    mails: &[NewMail],
) -> Result<Dpia> {
    let tx = begin(pool).await?;
    let next = "(SELECT COALESCE(MAX(version), 0) + 1 FROM dpia_versions WHERE board_id = $1 AND dpia_id = $2)";
    let update = sqlx::query(sqlx::AssertSqlSafe(format!(
        "UPDATE dpias SET status = 'approved', approved_version = {next}, approved_on = $3, review_due = $4, \
         review_reasons = '[]' WHERE board_id = $1 AND id = $2 AND status <> 'approved' AND updated_at = $5"
    )))
    .bind(&board.0)
    .bind(id)
    .bind(v.approved_on.to_string())
    .bind(v.review_due.to_string())
    .bind(v.seen.as_second());
    let mut tx = guarded(tx, "dpias", board, id, update).await?;
    sqlx::query(sqlx::AssertSqlSafe(format!(
        "INSERT INTO dpia_versions (board_id, dpia_id, version, approved_on, approved_by, approved_by_name, \
         decision, body, sha256, created_at) VALUES ($1, $2, {next}, $3, $4, $5, $6, $7, $8, $9)"
    )))
    .bind(&board.0)
    .bind(id)
    .bind(v.approved_on.to_string())
    .bind(&actor.user_id)
    .bind(&v.approved_by_name)
    .bind(&v.decision)
    .bind(&v.body)
    .bind(&v.sha256)
    .bind(actor.at.as_second())
    .execute(&mut *tx)
    .await?;
    // The snapshot's hash is the version's subject, so the trail proves which DPIA was approved.
    let approved = AuditEvent::new(AuditAction::Update, "dpia", id).fields(&["status", "approved_version"]);
    let version = AuditEvent::new(AuditAction::Create, "dpia_version", &v.sha256).fields(&["decision"]);
    audit_many(&mut tx, board, &[(actor, &approved), (actor, &version)]).await?;
    super::outbox::queue_in(&mut tx, board, mails, actor.at).await?;
    let done = read_one(&mut tx, board, id).await?;
    tx.commit().await?;
    Ok(done)
}

/// Marks one DPIA for review in the caller's transaction; whether it was
/// approved or awaiting review (otherwise nothing is written).
async fn mark_for_review(tx: &mut Tx, board: &BoardId, actor: &Actor, id: &str, reason: &ReviewReason) -> Result<bool> {
    let row = sqlx::query(
        "SELECT review_reasons FROM dpias WHERE board_id = $1 AND id = $2 AND status IN ('approved', 'review_required')",
    )
    .bind(&board.0)
    .bind(id)
    .fetch_optional(&mut **tx)
    .await?;
    let Some(row) = row else { return Ok(false) };
    let mut reasons = reasons_col(&row)?;
    reasons.push(reason.clone());
    sqlx::query(
        "UPDATE dpias SET status = 'review_required', review_reasons = $3, updated_at = $4 \
         WHERE board_id = $1 AND id = $2",
    )
    .bind(&board.0)
    .bind(id)
    .bind(reasons_json(&reasons)?)
    .bind(actor.at.as_second())
    .execute(&mut **tx)
    .await?;
    let event = AuditEvent::new(AuditAction::Update, "dpia", id).fields(&["status", "review_reasons"]);
    audit(tx, board, actor, &event).await?;
    Ok(true)
}

pub(crate) async fn reopen(
    pool: &Pool,
    board: &BoardId,
    actor: &Actor,
    id: &str,
    reason: &ReviewReason,
    mails: &[NewMail],
) -> Result<Dpia> {
    let mut tx = begin(pool).await?;
    let approved = sqlx::query("SELECT id FROM dpias WHERE board_id = $1 AND id = $2 AND status = 'approved'")
        .bind(&board.0)
        .bind(id)
        .fetch_optional(&mut *tx)
        .await?;
    if approved.is_none() || !mark_for_review(&mut tx, board, actor, id, reason).await? {
        let exists = read(&mut *tx, board, Some(id)).await?.pop();
        tx.rollback().await?;
        return Err(if exists.is_some() { StoreError::WrongState } else { StoreError::NotFound });
    }
    super::outbox::queue_in(&mut tx, board, mails, actor.at).await?;
    let reopened = read_one(&mut tx, board, id).await?;
    tx.commit().await?;
    Ok(reopened)
}

/// Reopens every approved DPIA about `activity_id` in the caller's
/// transaction (the activity's change), with the notices when any was.
pub(super) async fn reopen_for_activity(
    tx: &mut Tx,
    board: &BoardId,
    actor: &Actor,
    activity_id: &str,
    reopen: &Reopen,
) -> Result<()> {
    let rows = sqlx::query("SELECT id FROM dpias WHERE board_id = $1 AND activity_id = $2 ORDER BY id")
        .bind(&board.0)
        .bind(activity_id)
        .fetch_all(&mut **tx)
        .await?;
    let reason = ReviewReason {
        at: actor.at,
        reason: "register_changed".to_owned(),
        fields: reopen.fields.clone(),
        by: actor.label.clone(),
        note: None,
    };
    let mut any = false;
    for row in &rows {
        let id: String = row.try_get("id")?;
        any |= mark_for_review(tx, board, actor, &id, &reason).await?;
    }
    if any {
        super::outbox::queue_in(tx, board, &reopen.mails, actor.at).await?;
    }
    Ok(())
}

pub(crate) async fn versions(pool: &Pool, board: &BoardId, id: &str) -> Result<Vec<DpiaVersion>> {
    let rows = sqlx::query(
        "SELECT dpia_id, version, approved_on, approved_by, approved_by_name, decision, body, sha256, created_at \
         FROM dpia_versions WHERE board_id = $1 AND dpia_id = $2 ORDER BY version",
    )
    .bind(&board.0)
    .bind(id)
    .fetch_all(pool)
    .await?;
    rows.iter()
        .map(|row| {
            Ok(DpiaVersion {
                dpia_id: row.try_get("dpia_id")?,
                version: row.try_get("version")?,
                approved_on: date_col(row, "approved_on")?,
                approved_by: row.try_get("approved_by")?,
                approved_by_name: row.try_get("approved_by_name")?,
                decision: row.try_get("decision")?,
                body: row.try_get("body")?,
                sha256: row.try_get("sha256")?,
                created_at: instant_col(row, "created_at")?,
            })
        })
        .collect()
}
