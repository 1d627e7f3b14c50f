// Reading and verifying the audit trail (writing it is `audit()` in `queries.rs`); compiled for
// both back-ends (see `queries.rs`).

use crate::audit_chain::{Canonical, ChainBreak, ChainProblem};
use crate::{AuditEntry, AuditFilter};

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
        actor_name: row.try_get("actor_name")?,
        pupil_name: row.try_get("pupil_name")?,
        pupil_group: row.try_get("pupil_group")?,
        subject_name: row.try_get("subject_name")?,
    })
}

/// A person's full name from the columns of `t` (`given_name`, `surname_prefix`, `surname`).
macro_rules! full_name_sql {
    ($t:literal) => {
        concat!(
            $t,
            ".given_name || ' ' || COALESCE(NULLIF(",
            $t,
            ".surname_prefix, '') || ' ', '') || ",
            $t,
            ".surname"
        )
    };
}

/// The pupil an entry `a` is about: the pupil's own record and guardians, a
/// consent decision or objection, a request about them, their link to an
/// incident or a letter about them, their retention items and holds. `NULL`
/// for anything else.
const ABOUT_PUPIL: &str = "CASE a.entity \
     WHEN 'pupil' THEN a.entity_id \
     WHEN 'pupil_guardians' THEN a.entity_id \
     WHEN 'consent_decision' THEN (SELECT c.pupil_id FROM consent_decisions c \
       WHERE c.board_id = a.board_id AND c.id = a.entity_id) \
     WHEN 'consent_objection' THEN (SELECT o.pupil_id FROM consent_objections o \
       WHERE o.board_id = a.board_id AND o.id = a.entity_id) \
     WHEN 'request' THEN (SELECT r.subject_pupil_id FROM requests r \
       WHERE r.board_id = a.board_id AND r.id = a.entity_id) \
     WHEN 'incident_subject' THEN (SELECT s.pupil_id FROM incident_subjects s \
       WHERE s.board_id = a.board_id AND s.id = a.entity_id) \
     WHEN 'incident_letter' THEN (SELECT l.pupil_id FROM incident_letters l \
       WHERE l.board_id = a.board_id AND l.id = a.entity_id) \
     WHEN 'pupil_retention' THEN a.entity_id \
     WHEN 'retention_hold' THEN (SELECT h.pupil_id FROM retention_holds h \
       WHERE h.board_id = a.board_id AND h.id = a.entity_id) \
     END";

/// The name of what an entry `a` is about when that is not a pupil.
const SUBJECT_NAME: &str = concat!(
    "CASE a.entity \
     WHEN 'guardian' THEN (SELECT ",
    full_name_sql!("g"),
    " FROM guardians g WHERE g.board_id = a.board_id AND g.id = a.entity_id) \
     WHEN 'parent' THEN COALESCE((SELECT MIN(",
    full_name_sql!("g"),
    ") FROM guardians g WHERE g.board_id = a.board_id AND lower(g.email) = lower(a.entity_id)), a.entity_id) \
     WHEN 'user' THEN (SELECT u.name FROM users u WHERE u.board_id = a.board_id AND u.id = a.entity_id) \
     WHEN 'api_token' THEN (SELECT t.name FROM api_tokens t WHERE t.board_id = a.board_id AND t.id = a.entity_id) \
     WHEN 'school' THEN (SELECT s.name FROM schools s WHERE s.board_id = a.board_id AND s.id = a.entity_id) \
     WHEN 'group' THEN (SELECT sg.name FROM school_groups sg WHERE sg.board_id = a.board_id AND sg.id = a.entity_id) \
     WHEN 'import_run' THEN (SELECT ir.file_name FROM import_runs ir \
       WHERE ir.board_id = a.board_id AND ir.id = a.entity_id) \
     WHEN 'risk' THEN (SELECT k.title FROM risks k WHERE k.board_id = a.board_id AND k.id = a.entity_id) \
     WHEN 'dpia' THEN (SELECT d.title FROM dpias d WHERE d.board_id = a.board_id AND d.id = a.entity_id) \
     WHEN 'pre_dpia' THEN (SELECT p.app_name FROM pre_dpias p WHERE p.board_id = a.board_id AND p.id = a.entity_id) \
     WHEN 'processing_activity' THEN (SELECT pa.name FROM processing_activities pa \
       WHERE pa.board_id = a.board_id AND pa.id = a.entity_id) \
     WHEN 'incident' THEN (SELECT i.reference FROM incidents i WHERE i.board_id = a.board_id AND i.id = a.entity_id) \
     WHEN 'camera' THEN (SELECT c.name FROM cameras c WHERE c.board_id = a.board_id AND c.id = a.entity_id) \
     WHEN 'camera_log' THEN (SELECT c.name FROM camera_log l JOIN cameras c \
       ON c.board_id = l.board_id AND c.id = l.camera_id WHERE l.board_id = a.board_id AND l.id = a.entity_id) \
     WHEN 'footage_hold' THEN (SELECT c.name FROM footage_holds h JOIN cameras c \
       ON c.board_id = h.board_id AND c.id = h.camera_id WHERE h.board_id = a.board_id AND h.id = a.entity_id) \
     WHEN 'incident_follow_up' THEN (SELECT i.reference FROM incident_follow_ups f JOIN incidents i \
       ON i.board_id = f.board_id AND i.id = f.incident_id WHERE f.board_id = a.board_id AND f.id = a.entity_id) \
     WHEN 'incident_letter' THEN (SELECT l.recipient_name FROM incident_letters l \
       WHERE l.board_id = a.board_id AND l.id = a.entity_id) \
     WHEN 'incident_subject' THEN (SELECT COALESCE(",
    full_name_sql!("g"),
    ", u.name) FROM incident_subjects s \
       LEFT JOIN guardians g ON g.board_id = s.board_id AND g.id = s.guardian_id \
       LEFT JOIN users u ON u.board_id = s.board_id AND u.id = s.user_id \
       WHERE s.board_id = a.board_id AND s.id = a.entity_id) \
     WHEN 'request' THEN (SELECT COALESCE(",
    full_name_sql!("g"),
    ", r.subject_description) FROM requests r \
       LEFT JOIN guardians g ON g.board_id = r.board_id AND g.id = r.subject_guardian_id \
       WHERE r.board_id = a.board_id AND r.id = a.entity_id) \
     END"
);

/// ` AND …`: the conditions of `filter` on the entries `a` of `board`.
fn push_audit_filter(qb: &mut QueryBuilder<Db>, board: &BoardId, filter: &AuditFilter) {
    qb.push(" WHERE a.board_id = ").push_bind(board.0.clone());
    if let Some(actor) = filter.actor.as_deref().map(str::trim).filter(|a| !a.is_empty()) {
        let pattern = format!("%{}%", actor.to_lowercase().replace(['%', '_'], ""));
        qb.push(" AND (lower(a.actor) LIKE ").push_bind(pattern.clone());
        qb.push(" OR a.actor IN (SELECT u.email FROM users u WHERE u.board_id = ").push_bind(board.0.clone());
        qb.push(" AND lower(u.name) LIKE ").push_bind(pattern).push("))");
    }
    if let Some(text) = filter.pupil.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
        // Every record about the pupils found; ids are UUIDs, unique across tables.
        let matched = |qb: &mut QueryBuilder<Db>| {
            qb.push("SELECT p.id FROM pupils p WHERE p.board_id = ").push_bind(board.0.clone()).push(" AND ");
            super::pupils::push_pupil_text(qb, "p.", text);
        };
        let linked = |qb: &mut QueryBuilder<Db>, select: &str, table: &str, column: &str| {
            qb.push(format_args!(" UNION SELECT {select} FROM {table} WHERE board_id = ")).push_bind(board.0.clone());
            qb.push(format_args!(" AND {column} IN ("));
            matched(qb);
            qb.push(")");
        };
        qb.push(" AND a.entity_id IN (");
        matched(qb);
        linked(qb, "id", "consent_decisions", "pupil_id");
        linked(qb, "id", "consent_objections", "pupil_id");
        linked(qb, "id", "requests", "subject_pupil_id");
        linked(qb, "id", "incident_subjects", "pupil_id");
        linked(qb, "incident_id", "incident_subjects", "pupil_id");
        linked(qb, "id", "incident_letters", "pupil_id");
        qb.push(
            " UNION SELECT f.id FROM incident_follow_ups f JOIN incident_subjects s ON s.board_id = f.board_id \
                 AND s.incident_id = f.incident_id WHERE f.board_id = ",
        )
        .push_bind(board.0.clone())
        .push(" AND s.pupil_id IN (");
        matched(qb);
        qb.push("))");
    }
    if let Some(from) = filter.from {
        qb.push(" AND a.at >= ").push_bind(from);
    }
    if let Some(until) = filter.until {
        qb.push(" AND a.at < ").push_bind(until);
    }
}

pub(crate) async fn audit_search(pool: &Pool, board: &BoardId, filter: &AuditFilter) -> Result<Vec<AuditEntry>> {
    let mut qb = QueryBuilder::new(format!(
        "SELECT x.*, COALESCE(u.name, (SELECT MIN({guardian}) FROM guardians g WHERE g.board_id = x.board_id \
         AND lower(g.email) = lower(x.actor))) AS actor_name, {pupil} AS pupil_name, sg.name AS pupil_group \
         FROM (SELECT a.board_id, a.seq, a.at, a.actor, a.ip, a.action, a.entity, a.entity_id, a.fields, \
         {ABOUT_PUPIL} AS pupil_id, {SUBJECT_NAME} AS subject_name FROM audit_events a",
        guardian = full_name_sql!("g"),
        pupil = full_name_sql!("p"),
    ));
    push_audit_filter(&mut qb, board, filter);
    qb.push(" ORDER BY a.seq DESC LIMIT ").push_bind(filter.limit.clamp(1, 100_000));
    qb.push(" OFFSET ").push_bind(filter.offset.max(0));
    qb.push(
        ") x LEFT JOIN users u ON u.email = x.actor \
         LEFT JOIN pupils p ON p.board_id = x.board_id AND p.id = x.pupil_id \
         LEFT JOIN school_groups sg ON sg.board_id = p.board_id AND sg.id = p.group_id \
         ORDER BY x.seq DESC",
    );
    let rows = qb.build().fetch_all(pool).await?;
    rows.iter().map(audit_entry_from).collect()
}

pub(crate) async fn audit_count(pool: &Pool, board: &BoardId, filter: &AuditFilter) -> Result<i64> {
    let mut qb = QueryBuilder::new("SELECT COUNT(*) FROM audit_events a");
    push_audit_filter(&mut qb, board, filter);
    Ok(qb.build_query_scalar().fetch_one(pool).await?)
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
