// The outbox: every e-mail, queued in the transaction of its change, claimed by
// the sender and marked; compiled for both back-ends (see `queries.rs`).

use crate::OutboxMail;
use crate::outbox::{Delivery, DueMail, NewMail};

/// Writes `mails` into the outbox inside the caller's transaction, due at `at`.
pub(crate) async fn queue_in(tx: &mut Tx, board: &BoardId, mails: &[NewMail], at: Timestamp) -> Result<()> {
    for mail in mails {
        sqlx::query(
            "INSERT INTO outbox (board_id, id, recipient, subject, body, sensitive, created_at, next_attempt_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $7)",
        )
        .bind(&board.0)
        .bind(new_id())
        .bind(&mail.to)
        .bind(&mail.subject)
        .bind(&mail.body)
        .bind(mail.sensitive)
        .bind(at.as_second())
        .execute(&mut **tx)
        .await?;
    }
    Ok(())
}

/// A notice that goes out once: `marker` records it (an `INSERT … ON
/// CONFLICT DO NOTHING`), and only when it inserted a row are `mails` queued,
/// in the same transaction. `false` (nothing written) when it was recorded already.
pub(super) async fn once(
    pool: &Pool,
    board: &BoardId,
    marker: Statement<'_>,
    mails: &[NewMail],
    at: Timestamp,
) -> Result<bool> {
    let mut tx = begin(pool).await?;
    if marker.execute(&mut *tx).await?.rows_affected() != 1 {
        tx.rollback().await?;
        return Ok(false);
    }
    queue_in(&mut tx, board, mails, at).await?;
    tx.commit().await?;
    Ok(true)
}

pub(crate) async fn send_notices(
    pool: &Pool,
    board: &BoardId,
    actor: &Actor,
    event: &AuditEvent,
    mails: &[NewMail],
) -> Result<()> {
    let mut tx = begin(pool).await?;
    audit(&mut tx, board, actor, event).await?;
    queue_in(&mut tx, board, mails, actor.at).await?;
    tx.commit().await?;
    Ok(())
}

pub(crate) async fn queue_mail(pool: &Pool, board: &BoardId, mail: &NewMail, at: Timestamp) -> Result<String> {
    let id = new_id();
    sqlx::query(
        "INSERT INTO outbox (board_id, id, recipient, subject, body, sensitive, created_at, next_attempt_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $7)",
    )
    .bind(&board.0)
    .bind(&id)
    .bind(&mail.to)
    .bind(&mail.subject)
    .bind(&mail.body)
    .bind(mail.sensitive)
    .bind(at.as_second())
    .execute(pool)
    .await?;
    Ok(id)
}

pub(crate) async fn claim_due(
    pool: &Pool,
    now: Timestamp,
    lease_until: Timestamp,
    not_before: Timestamp,
    limit: i64,
) -> Result<Vec<DueMail>> {
    sqlx::query(
        "UPDATE outbox SET next_attempt_at = NULL, error = 'niet op tijd verstuurd' \
         WHERE next_attempt_at IS NOT NULL AND next_attempt_at <= $1 AND created_at < $2",
    )
    .bind(now.as_second())
    .bind(not_before.as_second())
    .execute(pool)
    .await?;
    let rows = sqlx::query(
        "SELECT board_id, id, recipient, subject, body, attempts, next_attempt_at FROM outbox \
         WHERE next_attempt_at IS NOT NULL AND next_attempt_at <= $1 ORDER BY next_attempt_at, id LIMIT $2",
    )
    .bind(now.as_second())
    .bind(limit)
    .fetch_all(pool)
    .await?;
    let mut claimed = Vec::new();
    for row in &rows {
        let (board, id, due): (String, String, i64) =
            (row.try_get("board_id")?, row.try_get("id")?, row.try_get("next_attempt_at")?);
        // Claimed only if no other sender moved it on in the meantime.
        let taken = sqlx::query(
            "UPDATE outbox SET next_attempt_at = $4 WHERE board_id = $1 AND id = $2 AND next_attempt_at = $3",
        )
        .bind(&board)
        .bind(&id)
        .bind(due)
        .bind(lease_until.as_second())
        .execute(pool)
        .await?;
        if taken.rows_affected() == 1 {
            claimed.push(DueMail {
                board: BoardId(board),
                id,
                recipient: row.try_get("recipient")?,
                subject: row.try_get("subject")?,
                body: row.try_get("body")?,
                attempts: row.try_get("attempts")?,
            });
        }
    }
    Ok(claimed)
}

pub(crate) async fn record_delivery(pool: &Pool, board: &BoardId, id: &str, delivery: &Delivery) -> Result<()> {
    let query = match delivery {
        Delivery::Delivered { at } => sqlx::query(
            "UPDATE outbox SET sent_at = $3, error = NULL, next_attempt_at = NULL, attempts = attempts + 1, \
             body = CASE WHEN sensitive THEN '' ELSE body END WHERE board_id = $1 AND id = $2",
        )
        .bind(&board.0)
        .bind(id)
        .bind(at.as_second()),
        Delivery::Failed { error, retry_at } => sqlx::query(
            "UPDATE outbox SET error = $3, next_attempt_at = $4, attempts = attempts + 1 \
             WHERE board_id = $1 AND id = $2",
        )
        .bind(&board.0)
        .bind(id)
        .bind(error.clone())
        .bind(retry_at.map(|t| t.as_second())),
    };
    query.execute(pool).await?;
    Ok(())
}

pub(crate) async fn claim_job(pool: &Pool, name: &str, holder: &str, now: Timestamp, until: Timestamp) -> Result<bool> {
    let taken = sqlx::query(
        "INSERT INTO job_leases (name, holder, until) VALUES ($1, $2, $3) \
         ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, until = excluded.until \
         WHERE job_leases.until <= $4 OR job_leases.holder = excluded.holder",
    )
    .bind(name)
    .bind(holder)
    .bind(until.as_second())
    .bind(now.as_second())
    .execute(pool)
    .await?;
    Ok(taken.rows_affected() == 1)
}

pub(crate) async fn outbox(pool: &Pool, board: &BoardId, limit: i64, offset: i64) -> Result<Vec<OutboxMail>> {
    let rows = sqlx::query(
        "SELECT id, recipient, subject, body, created_at, sent_at, error, attempts, next_attempt_at FROM outbox \
         WHERE board_id = $1 ORDER BY created_at DESC, id LIMIT $2 OFFSET $3",
    )
    .bind(&board.0)
    .bind(limit)
    .bind(offset.max(0))
    .fetch_all(pool)
    .await?;
    rows.iter().map(mail_from).collect()
}

pub(crate) async fn outbox_count(pool: &Pool, board: &BoardId) -> Result<i64> {
    Ok(sqlx::query_scalar("SELECT COUNT(*) FROM outbox WHERE board_id = $1").bind(&board.0).fetch_one(pool).await?)
}

fn mail_from(row: &DbRow) -> Result<OutboxMail> {
    Ok(OutboxMail {
        id: row.try_get("id")?,
        recipient: row.try_get("recipient")?,
        subject: row.try_get("subject")?,
        body: row.try_get("body")?,
        created_at: instant_col(row, "created_at")?,
        sent_at: optional_instant_col(row, "sent_at")?,
        error: row.try_get("error")?,
        attempts: row.try_get("attempts")?,
        next_attempt_at: optional_instant_col(row, "next_attempt_at")?,
    })
}
