// Reading and verifying the audit trail (writing it is `audit()` in `queries.rs`); compiled for
// both back-ends (see `queries.rs`).

use crate::audit_chain::{Canonical, ChainBreak, ChainProblem};
use crate::{AuditEntry, AuditFilter};

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

fn audit_entry_from(row: &DbRow) -> Result<AuditEntry> {
    let fields: String = row.try_get("fields")?;
    Ok(AuditEntry {
        seq: row.try_get("seq")?,
        at: instant_col(row, "at")?,
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
    let boards =
        sqlx::query("SELECT id, name, audit_seq, audit_head FROM boards ORDER BY name").fetch_all(pool).await?;
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
