// The SQL of data-subject requests; included by `queries.rs` for both back-ends.

use crate::requests::{ErasureRecord, NewRequest, Request};
use aantoonbaar_rules::requests::{ErasureItem, ErasureVerdict, ObjectionOutcome, Outcome, Reason};

const REQUEST_COLUMNS: &str = "SELECT id, kind, school_id, subject_pupil_id, subject_guardian_id, subject_description, \
    requester_guardian_id, requester_description, requester_relation, details, received_on, channel, identity_check, \
    assigned_to, deadline, extended_deadline, extension_reason, requester_told_on, outcome, reason, explanation, decided_on, \
    decided_by, objection_balancing, objection_outcome FROM requests WHERE board_id = ";

fn request_from(row: &DbRow) -> Result<Request> {
    Ok(Request {
        id: row.try_get("id")?,
        new: NewRequest {
            kind: code_col(row, "kind")?,
            school_id: row.try_get("school_id")?,
            subject_pupil_id: row.try_get("subject_pupil_id")?,
            subject_guardian_id: row.try_get("subject_guardian_id")?,
            subject_description: row.try_get("subject_description")?,
            requester_guardian_id: row.try_get("requester_guardian_id")?,
            requester_description: row.try_get("requester_description")?,
            requester_relation: row.try_get("requester_relation")?,
            details: row.try_get("details")?,
            received_on: date_col(row, "received_on")?,
            channel: code_col(row, "channel")?,
            identity_check: code_col(row, "identity_check")?,
            assigned_to: row.try_get("assigned_to")?,
            deadline: date_col(row, "deadline")?,
        },
        extended_deadline: optional_date_col(row, "extended_deadline")?,
        extension_reason: row.try_get("extension_reason")?,
        requester_told_on: optional_date_col(row, "requester_told_on")?,
        outcome: optional_code_col(row, "outcome")?,
        reason: optional_code_col(row, "reason")?,
        explanation: row.try_get("explanation")?,
        decided_on: optional_date_col(row, "decided_on")?,
        decided_by: row.try_get("decided_by")?,
        objection_balancing: row.try_get("objection_balancing")?,
        objection_outcome: optional_code_col(row, "objection_outcome")?,
        erasures: Vec::new(),
        recipients_told: Vec::new(),
    })
}

/// Adds each request's erasure items and recipients told.
async fn with_details(pool: &Pool, board: &BoardId, mut requests: Vec<Request>) -> Result<Vec<Request>> {
    if requests.is_empty() {
        return Ok(requests);
    }
    let index: HashMap<String, usize> = requests.iter().enumerate().map(|(i, r)| (r.id.clone(), i)).collect();
    let mut qb = QueryBuilder::new(
        "SELECT request_id, item, erased, keep_reason, keep_until FROM request_erasures WHERE board_id = ",
    );
    qb.push_bind(board.0.clone()).push(" AND request_id IN (");
    push_list(&mut qb, index.keys().cloned());
    qb.push(") ORDER BY item");
    for row in qb.build().fetch_all(pool).await? {
        let request_id: String = row.try_get("request_id")?;
        if let Some(i) = index.get(&request_id) {
            requests[*i].erasures.push(ErasureRecord {
                item: code_col(&row, "item")?,
                erased: row.try_get("erased")?,
                keep_reason: optional_code_col(&row, "keep_reason")?,
                keep_until: optional_date_col(&row, "keep_until")?,
            });
        }
    }
    let mut qb =
        QueryBuilder::new("SELECT request_id, recipient, told_on FROM request_recipients_told WHERE board_id = ");
    qb.push_bind(board.0.clone()).push(" AND request_id IN (");
    push_list(&mut qb, index.keys().cloned());
    qb.push(") ORDER BY recipient");
    for row in qb.build().fetch_all(pool).await? {
        let request_id: String = row.try_get("request_id")?;
        if let Some(i) = index.get(&request_id) {
            requests[*i].recipients_told.push((row.try_get("recipient")?, date_col(&row, "told_on")?));
        }
    }
    Ok(requests)
}

pub(crate) async fn create_request(pool: &Pool, board: &BoardId, actor: &Actor, new: &NewRequest) -> Result<Request> {
    let id = new_id();
    let mut tx = begin(pool).await?;
    sqlx::query(
        "INSERT INTO requests (board_id, id, kind, school_id, subject_pupil_id, subject_guardian_id, subject_description, \
         requester_guardian_id, requester_description, requester_relation, details, received_on, channel, identity_check, \
         assigned_to, deadline, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)",
    )
    .bind(&board.0)
    .bind(&id)
    .bind(new.kind.code())
    .bind(&new.school_id)
    .bind(&new.subject_pupil_id)
    .bind(&new.subject_guardian_id)
    .bind(&new.subject_description)
    .bind(&new.requester_guardian_id)
    .bind(&new.requester_description)
    .bind(&new.requester_relation)
    .bind(&new.details)
    .bind(new.received_on.to_string())
    .bind(new.channel.code())
    .bind(new.identity_check.code())
    .bind(&new.assigned_to)
    .bind(new.deadline.to_string())
    .bind(actor.at.as_second())
    .execute(&mut *tx)
    .await
    .map_err(|e| classify(e, "id", "subject_pupil_id"))?;
    let event = AuditEvent::new(AuditAction::Create, "request", &id).fields(&[
        "kind",
        "subject",
        "requester",
        "received_on",
        "channel",
        "identity_check",
        "assigned_to",
        "deadline",
    ]);
    audit(&mut tx, board, actor, &event).await?;
    tx.commit().await?;
    self::request(pool, board, &Scope::Board, &id).await?.ok_or(StoreError::NotFound)
}

pub(crate) async fn requests(pool: &Pool, board: &BoardId, scope: &Scope, open_only: bool) -> Result<Vec<Request>> {
    let mut qb = QueryBuilder::new(REQUEST_COLUMNS);
    qb.push_bind(board.0.clone());
    push_scope(&mut qb, scope, "school_id", None);
    if open_only {
        qb.push(" AND outcome IS NULL");
    }
    // Most urgent first: open requests by the deadline that applies (overdue
    // ones first), then the decided ones, the latest decision first.
    qb.push(
        " ORDER BY CASE WHEN outcome IS NULL THEN 0 ELSE 1 END, \
         CASE WHEN outcome IS NULL THEN COALESCE(extended_deadline, deadline) END, \
         decided_on DESC, received_on DESC, created_at DESC, id",
    );
    let rows = qb.build().fetch_all(pool).await?;
    let list = rows.iter().map(request_from).collect::<Result<Vec<_>>>()?;
    with_details(pool, board, list).await
}

pub(crate) async fn request(pool: &Pool, board: &BoardId, scope: &Scope, id: &str) -> Result<Option<Request>> {
    let mut qb = QueryBuilder::new(REQUEST_COLUMNS);
    qb.push_bind(board.0.clone()).push(" AND id = ").push_bind(id.to_owned());
    push_scope(&mut qb, scope, "school_id", None);
    let Some(row) = qb.build().fetch_optional(pool).await? else { return Ok(None) };
    Ok(with_details(pool, board, vec![request_from(&row)?]).await?.pop())
}

pub(crate) async fn requests_about_pupil(pool: &Pool, board: &BoardId, pupil_id: &str) -> Result<Vec<Request>> {
    let mut qb = QueryBuilder::new(REQUEST_COLUMNS);
    qb.push_bind(board.0.clone()).push(" AND subject_pupil_id = ").push_bind(pupil_id.to_owned());
    qb.push(" ORDER BY received_on, created_at, id");
    let rows = qb.build().fetch_all(pool).await?;
    let list = rows.iter().map(request_from).collect::<Result<Vec<_>>>()?;
    with_details(pool, board, list).await
}

/// Guards a write that records what was done for the request `id`: takes its
/// row lock when `condition` holds (see `guarded`). With a `pupil_id`, the
/// condition names it as `$3`.
async fn require(tx: Tx, board: &BoardId, id: &str, condition: &'static str, pupil_id: Option<&str>) -> Result<Tx> {
    let sql = format!("UPDATE requests SET kind = kind WHERE board_id = $1 AND id = $2 AND {condition}");
    let mut query = sqlx::query(sqlx::AssertSqlSafe(sql)).bind(&board.0).bind(id.to_owned());
    if let Some(pupil_id) = pupil_id {
        query = query.bind(pupil_id.to_owned());
    }
    guarded(tx, "requests", board, id, query).await
}

pub(crate) async fn extend_request(
    pool: &Pool,
    board: &BoardId,
    actor: &Actor,
    id: &str,
    extended_deadline: Date,
    reason: &str,
    told_on: Date,
) -> Result<()> {
    let query = sqlx::query(
        "UPDATE requests SET extended_deadline = $3, extension_reason = $4, requester_told_on = $5 \
         WHERE board_id = $1 AND id = $2 AND outcome IS NULL AND extended_deadline IS NULL",
    )
    .bind(&board.0)
    .bind(id)
    .bind(extended_deadline.to_string())
    .bind(reason)
    .bind(told_on.to_string());
    let mut tx = guarded(begin(pool).await?, "requests", board, id, query).await?;
    let event = AuditEvent::new(AuditAction::Update, "request", id).fields(&[
        "extended_deadline",
        "extension_reason",
        "requester_told_on",
    ]);
    audit(&mut tx, board, actor, &event).await?;
    tx.commit().await?;
    Ok(())
}

pub(crate) async fn decide_request(
    pool: &Pool,
    board: &BoardId,
    actor: &Actor,
    id: &str,
    outcome: Outcome,
    reason: Option<Reason>,
    explanation: Option<&str>,
) -> Result<()> {
    let decided_on = aantoonbaar_rules::calendar::dutch_date(actor.at);
    let query = sqlx::query(
        "UPDATE requests SET outcome = $3, reason = $4, explanation = $5, decided_on = $6, decided_by = $7 \
         WHERE board_id = $1 AND id = $2 AND outcome IS NULL",
    )
    .bind(&board.0)
    .bind(id)
    .bind(outcome.code())
    .bind(reason.map(Reason::code))
    .bind(explanation)
    .bind(decided_on.to_string())
    .bind(&actor.user_id);
    let mut tx = guarded(begin(pool).await?, "requests", board, id, query).await?;
    let event = AuditEvent::new(AuditAction::Update, "request", id).fields(&[
        "outcome",
        "reason",
        "explanation",
        "decided_on",
        "decided_by",
    ]);
    audit(&mut tx, board, actor, &event).await?;
    tx.commit().await?;
    Ok(())
}

pub(crate) async fn record_balancing(
    pool: &Pool,
    board: &BoardId,
    actor: &Actor,
    id: &str,
    balancing: &str,
    outcome: ObjectionOutcome,
) -> Result<()> {
    let query = sqlx::query(
        "UPDATE requests SET objection_balancing = $3, objection_outcome = $4 \
         WHERE board_id = $1 AND id = $2 AND outcome IS NULL AND kind = 'objection'",
    )
    .bind(&board.0)
    .bind(id)
    .bind(balancing)
    .bind(outcome.code());
    let mut tx = guarded(begin(pool).await?, "requests", board, id, query).await?;
    let event =
        AuditEvent::new(AuditAction::Update, "request", id).fields(&["objection_balancing", "objection_outcome"]);
    audit(&mut tx, board, actor, &event).await?;
    tx.commit().await?;
    Ok(())
}

pub(crate) async fn restrict_pupil(
    pool: &Pool,
    board: &BoardId,
    actor: &Actor,
    request_id: &str,
    pupil_id: &str,
    purpose: Option<&str>,
) -> Result<()> {
    let condition =
        "outcome IS NULL AND kind IN ('restriction', 'rectification', 'objection') AND subject_pupil_id = $3";
    let mut tx = require(begin(pool).await?, board, request_id, condition, Some(pupil_id)).await?;
    sqlx::query(
        "INSERT INTO pupil_restrictions (board_id, pupil_id, purpose_code, request_id, created_at) VALUES ($1, $2, $3, $4, $5) \
         ON CONFLICT (board_id, pupil_id, purpose_code) DO NOTHING",
    )
    .bind(&board.0)
    .bind(pupil_id)
    .bind(purpose.unwrap_or(""))
    .bind(request_id)
    .bind(actor.at.as_second())
    .execute(&mut *tx)
    .await
    .map_err(|e| classify(e, "purpose", "pupil_id"))?;
    let event = AuditEvent::new(AuditAction::Update, "pupil", pupil_id).fields(&["restriction"]);
    audit(&mut tx, board, actor, &event).await?;
    tx.commit().await?;
    Ok(())
}

pub(crate) async fn restrictions_of(pool: &Pool, board: &BoardId, pupil_id: &str) -> Result<Vec<Option<String>>> {
    let codes: Vec<String> = sqlx::query_scalar(
        "SELECT purpose_code FROM pupil_restrictions WHERE board_id = $1 AND pupil_id = $2 ORDER BY purpose_code",
    )
    .bind(&board.0)
    .bind(pupil_id)
    .fetch_all(pool)
    .await?;
    Ok(codes.into_iter().map(|c| Some(c).filter(|c| !c.is_empty())).collect())
}

/// The text an anonymised name or number is replaced with.
const ANONYMISED: &str = "geanonimiseerd";

async fn erase_item(tx: &mut Tx, board: &BoardId, actor: &Actor, pupil_id: &str, item: ErasureItem) -> Result<()> {
    match item {
        ErasureItem::ConsentHistory => {
            for table in ["consent_decisions", "consent_objections", "consent_reminders", "consent_invitations"] {
                sqlx::query(sqlx::AssertSqlSafe(format!("DELETE FROM {table} WHERE board_id = $1 AND pupil_id = $2")))
                    .bind(&board.0)
                    .bind(pupil_id)
                    .execute(&mut **tx)
                    .await?;
            }
            let event = AuditEvent::new(AuditAction::Delete, "pupil", pupil_id).fields(&["consent_history"]);
            audit(tx, board, actor, &event).await
        }
        ErasureItem::Guardians => {
            let guardians: Vec<String> =
                sqlx::query_scalar("SELECT guardian_id FROM pupil_guardians WHERE board_id = $1 AND pupil_id = $2")
                    .bind(&board.0)
                    .bind(pupil_id)
                    .fetch_all(&mut **tx)
                    .await?;
            sqlx::query("DELETE FROM pupil_guardians WHERE board_id = $1 AND pupil_id = $2")
                .bind(&board.0)
                .bind(pupil_id)
                .execute(&mut **tx)
                .await?;
            // A guardian no other pupil is linked to keeps no details; the row
            // stays (requests refer to it) but holds nothing that identifies.
            for guardian in guardians {
                let done = sqlx::query(
                    "UPDATE guardians SET given_name = $3, surname_prefix = NULL, surname = $3, email = NULL, phone = NULL, \
                     updated_at = $4 WHERE board_id = $1 AND id = $2 AND NOT EXISTS \
                     (SELECT 1 FROM pupil_guardians pg WHERE pg.board_id = $1 AND pg.guardian_id = $2)",
                )
                .bind(&board.0)
                .bind(&guardian)
                .bind(ANONYMISED)
                .bind(actor.at.as_second())
                .execute(&mut **tx)
                .await?;
                if done.rows_affected() == 1 {
                    let event = AuditEvent::new(AuditAction::Delete, "guardian", &guardian).fields(&[
                        "given_name",
                        "surname_prefix",
                        "surname",
                        "email",
                        "phone",
                    ]);
                    audit(tx, board, actor, &event).await?;
                }
            }
            let event = AuditEvent::new(AuditAction::Delete, "pupil", pupil_id).fields(&["guardians"]);
            audit(tx, board, actor, &event).await
        }
        ErasureItem::Enrolment => {
            // Irreversible: the names and the number are replaced, the birth
            // date keeps only its year.
            let birth: String = sqlx::query_scalar("SELECT birth_date FROM pupils WHERE board_id = $1 AND id = $2")
                .bind(&board.0)
                .bind(pupil_id)
                .fetch_one(&mut **tx)
                .await?;
            let year = parse_date("birth_date", &birth)?.year();
            sqlx::query(
                "UPDATE pupils SET given_name = $3, surname_prefix = NULL, surname = $3, external_number = $4, \
                 birth_date = $5, family_situation = NULL, updated_at = $6 WHERE board_id = $1 AND id = $2",
            )
            .bind(&board.0)
            .bind(pupil_id)
            .bind(ANONYMISED)
            .bind(format!("x-{}", new_id()))
            .bind(format!("{year:04}-01-01"))
            .bind(actor.at.as_second())
            .execute(&mut **tx)
            .await?;
            let event = AuditEvent::new(AuditAction::Delete, "pupil", pupil_id).fields(&[
                "given_name",
                "surname_prefix",
                "surname",
                "external_number",
                "birth_date",
                "family_situation",
            ]);
            audit(tx, board, actor, &event).await
        }
    }
}

pub(crate) async fn erase_for_request(
    pool: &Pool,
    board: &BoardId,
    actor: &Actor,
    request_id: &str,
    pupil_id: &str,
    verdicts: &[(ErasureItem, ErasureVerdict)],
) -> Result<()> {
    let mut tx = begin(pool).await?;
    lock_board(&mut tx, board).await?;
    let condition = "outcome IS NULL AND kind = 'erasure' AND subject_pupil_id = $3 AND NOT EXISTS \
        (SELECT 1 FROM request_erasures e WHERE e.board_id = requests.board_id AND e.request_id = requests.id)";
    let mut tx = require(tx, board, request_id, condition, Some(pupil_id)).await?;
    for (item, verdict) in verdicts {
        let (erased, keep_reason, keep_until) = match verdict {
            ErasureVerdict::Erase => {
                erase_item(&mut tx, board, actor, pupil_id, *item).await?;
                (true, None, None)
            }
            ErasureVerdict::Keep { reason, until } => (false, Some(reason.code()), until.map(|d| d.to_string())),
        };
        sqlx::query(
            "INSERT INTO request_erasures (board_id, request_id, item, erased, keep_reason, keep_until) \
             VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(&board.0)
        .bind(request_id)
        .bind(item.code())
        .bind(erased)
        .bind(keep_reason)
        .bind(keep_until)
        .execute(&mut *tx)
        .await
        .map_err(|e| classify(e, "item", "request_id"))?;
    }
    let event = AuditEvent::new(AuditAction::Update, "request", request_id).fields(&["erasures"]);
    audit(&mut tx, board, actor, &event).await?;
    tx.commit().await?;
    Ok(())
}

pub(crate) async fn board_recipients(pool: &Pool, board: &BoardId) -> Result<Vec<String>> {
    Ok(sqlx::query_scalar("SELECT name FROM board_recipients WHERE board_id = $1 ORDER BY name")
        .bind(&board.0)
        .fetch_all(pool)
        .await?)
}

pub(crate) async fn set_board_recipients(pool: &Pool, board: &BoardId, actor: &Actor, names: &[String]) -> Result<()> {
    let mut tx = begin(pool).await?;
    sqlx::query("DELETE FROM board_recipients WHERE board_id = $1").bind(&board.0).execute(&mut *tx).await?;
    for name in names {
        sqlx::query("INSERT INTO board_recipients (board_id, name) VALUES ($1, $2) ON CONFLICT DO NOTHING")
            .bind(&board.0)
            .bind(name)
            .execute(&mut *tx)
            .await?;
    }
    let event = AuditEvent::new(AuditAction::Update, "board_settings", &board.0).fields(&["recipients"]);
    audit(&mut tx, board, actor, &event).await?;
    tx.commit().await?;
    Ok(())
}

pub(crate) async fn record_recipients_told(
    pool: &Pool,
    board: &BoardId,
    actor: &Actor,
    request_id: &str,
    recipients: &[String],
    told_on: Date,
) -> Result<()> {
    let condition = "outcome IS NULL AND kind IN ('rectification', 'erasure', 'restriction')";
    let mut tx = require(begin(pool).await?, board, request_id, condition, None).await?;
    for recipient in recipients {
        sqlx::query(
            "INSERT INTO request_recipients_told (board_id, request_id, recipient, told_on) VALUES ($1, $2, $3, $4) \
             ON CONFLICT (board_id, request_id, recipient) DO UPDATE SET told_on = excluded.told_on",
        )
        .bind(&board.0)
        .bind(request_id)
        .bind(recipient)
        .bind(told_on.to_string())
        .execute(&mut *tx)
        .await
        .map_err(|e| classify(e, "recipients", "request_id"))?;
    }
    let event = AuditEvent::new(AuditAction::Update, "request", request_id).fields(&["recipients_told"]);
    audit(&mut tx, board, actor, &event).await?;
    tx.commit().await?;
    Ok(())
}

pub(crate) async fn record_reminder(
    pool: &Pool,
    board: &BoardId,
    request_id: &str,
    days_left: i64,
    at: Timestamp,
    mails: &[crate::NewMail],
) -> Result<bool> {
    let marker = sqlx::query(
        "INSERT INTO request_reminders (board_id, request_id, days_left, sent_at) VALUES ($1, $2, $3, $4) \
         ON CONFLICT DO NOTHING",
    )
    .bind(&board.0)
    .bind(request_id)
    .bind(days_left)
    .bind(at.as_second());
    super::outbox::once(pool, board, marker, mails, at).await
}
