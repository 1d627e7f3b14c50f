// The SQL of the board report, compiled for both back-ends (see `queries.rs`).
// The counts read the other areas' tables; the report's own tables hold the
// written sections and the adopted snapshot.

use crate::board_reports::{
    IncidentCounts, IncidentMoment, LeaverRemoval, ReportSnapshot, ReportText, RequestCounts, ReviewCounts, TextPart,
};

pub(crate) async fn incident_counts(
    pool: &Pool,
    board: &BoardId,
    from: Timestamp,
    to: Timestamp,
) -> Result<IncidentCounts> {
    let row = sqlx::query(
        "SELECT COUNT(*) AS reported, \
         COUNT(CASE WHEN is_breach = $4 THEN 1 END) AS breaches, \
         COUNT(CASE WHEN is_breach = $4 AND authority_sent_at IS NOT NULL THEN 1 END) AS notified, \
         COUNT(CASE WHEN is_breach = $4 AND authority_sent_at IS NOT NULL AND deadline_at IS NOT NULL \
             AND authority_sent_at <= deadline_at THEN 1 END) AS in_time, \
         COUNT(CASE WHEN is_breach = $4 AND authority_sent_at IS NOT NULL AND deadline_at IS NOT NULL \
             AND authority_sent_at > deadline_at THEN 1 END) AS late \
         FROM incidents WHERE board_id = $1 AND reported_at >= $2 AND reported_at < $3",
    )
    .bind(&board.0)
    .bind(from.as_second())
    .bind(to.as_second())
    .bind(true)
    .fetch_one(pool)
    .await?;
    Ok(IncidentCounts {
        reported: count_col(&row, "reported")?,
        breaches: count_col(&row, "breaches")?,
        notified: count_col(&row, "notified")?,
        notified_in_time: count_col(&row, "in_time")?,
        notified_late: count_col(&row, "late")?,
    })
}

pub(crate) async fn incident_moments(
    pool: &Pool,
    board: &BoardId,
    from: Timestamp,
    to: Timestamp,
) -> Result<Vec<IncidentMoment>> {
    let rows = sqlx::query(
        "SELECT reported_at, kind, is_breach FROM incidents \
         WHERE board_id = $1 AND reported_at >= $2 AND reported_at < $3 ORDER BY reported_at",
    )
    .bind(&board.0)
    .bind(from.as_second())
    .bind(to.as_second())
    .fetch_all(pool)
    .await?;
    rows.iter()
        .map(|row| {
            Ok(IncidentMoment {
                reported_at: instant_col(row, "reported_at")?,
                kind: required(row, "kind")?,
                is_breach: row.try_get::<Option<bool>, _>("is_breach")?.unwrap_or(false),
            })
        })
        .collect()
}

pub(crate) async fn request_counts(pool: &Pool, board: &BoardId, first: Date, last: Date) -> Result<RequestCounts> {
    // Dates are stored as YYYY-MM-DD, so text order is date order.
    let row = sqlx::query(
        "SELECT COUNT(*) AS received, \
         COUNT(CASE WHEN decided_on IS NOT NULL AND decided_on <= COALESCE(extended_deadline, deadline) THEN 1 END) \
             AS in_time, \
         COUNT(CASE WHEN decided_on IS NOT NULL AND decided_on > COALESCE(extended_deadline, deadline) THEN 1 END) \
             AS late, \
         COUNT(CASE WHEN decided_on IS NULL THEN 1 END) AS open \
         FROM requests WHERE board_id = $1 AND received_on >= $2 AND received_on <= $3",
    )
    .bind(&board.0)
    .bind(first.to_string())
    .bind(last.to_string())
    .fetch_one(pool)
    .await?;
    Ok(RequestCounts {
        received: count_col(&row, "received")?,
        answered_in_time: count_col(&row, "in_time")?,
        answered_late: count_col(&row, "late")?,
        open: count_col(&row, "open")?,
    })
}

pub(crate) async fn review_counts(pool: &Pool, board: &BoardId, first: Date, last: Date) -> Result<ReviewCounts> {
    let row = sqlx::query(
        "SELECT COUNT(DISTINCT c.id) AS campaigns, COUNT(i.id) AS items, \
         COUNT(CASE WHEN i.outcome IN ('keep', 'revoke', 'reduce') THEN 1 END) AS decided \
         FROM review_campaigns c LEFT JOIN review_items i ON i.board_id = c.board_id AND i.campaign_id = c.id \
         WHERE c.board_id = $1 AND c.started_on >= $2 AND c.started_on <= $3",
    )
    .bind(&board.0)
    .bind(first.to_string())
    .bind(last.to_string())
    .fetch_one(pool)
    .await?;
    Ok(ReviewCounts {
        campaigns: count_col(&row, "campaigns")?,
        items: count_col(&row, "items")?,
        decided: count_col(&row, "decided")?,
    })
}

pub(crate) async fn leaver_removals(
    pool: &Pool,
    board: &BoardId,
    first: Date,
    last: Date,
) -> Result<Vec<LeaverRemoval>> {
    let rows = sqlx::query(
        "SELECT due_on, done_on FROM access_changes WHERE board_id = $1 AND kind = 'leave' \
         AND status <> 'cancelled' AND due_on >= $2 AND due_on <= $3 ORDER BY due_on, id",
    )
    .bind(&board.0)
    .bind(first.to_string())
    .bind(last.to_string())
    .fetch_all(pool)
    .await?;
    rows.iter()
        .map(|row| Ok(LeaverRemoval { due_on: date_col(row, "due_on")?, done_on: optional_date_col(row, "done_on")? }))
        .collect()
}

pub(crate) async fn texts(pool: &Pool, board: &BoardId, year: i64) -> Result<(Option<ReportText>, Option<ReportText>)> {
    let rows = sqlx::query(
        "SELECT part, body, written_by_label, written_at FROM board_report_texts WHERE board_id = $1 AND year = $2",
    )
    .bind(&board.0)
    .bind(year)
    .fetch_all(pool)
    .await?;
    let (mut text, mut opinion) = (None, None);
    for row in &rows {
        let written = ReportText {
            body: required(row, "body")?,
            written_by: required(row, "written_by_label")?,
            written_at: instant_col(row, "written_at")?,
        };
        match required::<String>(row, "part")?.as_str() {
            "text" => text = Some(written),
            "opinion" => opinion = Some(written),
            other => return Err(StoreError::Corrupt(format!("part: {other}"))),
        }
    }
    Ok((text, opinion))
}

pub(crate) async fn write_text(
    pool: &Pool,
    board: &BoardId,
    actor: &Actor,
    year: i64,
    part: TextPart,
    body: &str,
) -> Result<()> {
    let mut tx = begin(pool).await?;
    lock_board(&mut tx, board).await?;
    let adopted = sqlx::query("SELECT year FROM board_report_snapshots WHERE board_id = $1 AND year = $2")
        .bind(&board.0)
        .bind(year)
        .fetch_optional(&mut *tx)
        .await?;
    if adopted.is_some() {
        tx.rollback().await?;
        return Err(StoreError::WrongState);
    }
    sqlx::query(
        "INSERT INTO board_report_texts (board_id, year, part, body, written_by_label, written_at) \
         VALUES ($1, $2, $3, $4, $5, $6) \
         ON CONFLICT (board_id, year, part) DO UPDATE SET body = $4, written_by_label = $5, written_at = $6",
    )
    .bind(&board.0)
    .bind(year)
    .bind(part.code())
    .bind(body)
    .bind(&actor.label)
    .bind(actor.at.as_second())
    .execute(&mut *tx)
    .await?;
    let field = match part {
        TextPart::Text => {
            AuditEvent::new(AuditAction::Update, "board_report", &year.to_string()).fields(&["board_report_text"])
        }
        TextPart::Opinion => {
            AuditEvent::new(AuditAction::Update, "board_report", &year.to_string()).fields(&["board_report_opinion"])
        }
    };
    audit(&mut tx, board, actor, &field).await?;
    tx.commit().await?;
    Ok(())
}

pub(crate) async fn snapshot(pool: &Pool, board: &BoardId, year: i64) -> Result<Option<ReportSnapshot>> {
    let row = sqlx::query(
        "SELECT year, adopted_on, adopted_by_label, adopted_at, body, sha256 FROM board_report_snapshots \
         WHERE board_id = $1 AND year = $2",
    )
    .bind(&board.0)
    .bind(year)
    .fetch_optional(pool)
    .await?;
    row.map(|row| {
        Ok(ReportSnapshot {
            year: required(&row, "year")?,
            adopted_on: date_col(&row, "adopted_on")?,
            adopted_by: required(&row, "adopted_by_label")?,
            adopted_at: instant_col(&row, "adopted_at")?,
            body: required(&row, "body")?,
            sha256: required(&row, "sha256")?,
        })
    })
    .transpose()
}

pub(crate) async fn adopt(pool: &Pool, board: &BoardId, actor: &Actor, snapshot: &ReportSnapshot) -> Result<()> {
    let mut tx = begin(pool).await?;
    sqlx::query(
        "INSERT INTO board_report_snapshots (board_id, year, adopted_on, adopted_by_label, adopted_at, body, sha256) \
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(&board.0)
    .bind(snapshot.year)
    .bind(snapshot.adopted_on.to_string())
    .bind(&snapshot.adopted_by)
    .bind(snapshot.adopted_at.as_second())
    .bind(&snapshot.body)
    .bind(&snapshot.sha256)
    .execute(&mut *tx)
    .await
    .map_err(|e| classify(e, "year", "board_id"))?;
    // The snapshot's hash is the audit entry's subject, so the trail proves which report the board adopted.
    let event = AuditEvent::new(AuditAction::Create, "board_report_snapshot", &snapshot.sha256)
        .fields(&["board_report_adopted_on"]);
    audit(&mut tx, board, actor, &event).await?;
    tx.commit().await?;
    Ok(())
}

pub(crate) async fn adoption_audited(pool: &Pool, board: &BoardId, sha256: &str) -> Result<bool> {
    let row = sqlx::query(
        "SELECT seq FROM audit_events WHERE board_id = $1 AND entity = 'board_report_snapshot' AND entity_id = $2",
    )
    .bind(&board.0)
    .bind(sha256)
    .fetch_optional(pool)
    .await?;
    Ok(row.is_some())
}
