// The incident register's SQL, compiled for both back-ends (see `queries.rs`).

use crate::incidents::{
    Closing, FollowUp, Incident, IncidentAssessment, IncidentFilter, IncidentLetter, IncidentSubject, NewIncident,
    NewLetter, SubjectRef,
};
use aantoonbaar_rules::incidents::{SubjectsDecision, Warning, reference, reported_late};

const COLUMNS: &str = "SELECT i.id, i.reference, i.kind, i.channel, i.school_id, i.reported_by, i.reporter_name, \
     i.reporter_email, i.what_happened, i.discovered_at, i.reported_at, i.data_concerned, i.people_concerned, i.device, \
     i.ongoing, i.reported_late, i.status, i.facts, i.is_breach, i.severity, i.outcome_notify_authority, \
     i.outcome_notify_subjects, i.subjects_alternative, i.reasons, i.aware_at, i.deadline_at, i.notify_authority, \
     i.notify_subjects, i.overrule_reason, i.decided_by, i.decided_at, i.authority_sent_at, i.authority_reference, \
     i.delay_reason, i.subjects_decision, i.subjects_reason, i.announcement, i.measures, i.cause, i.evaluation, \
     i.closed_at, i.closed_by, i.warned_24_at, i.warned_8_at, i.overdue_at FROM incidents i WHERE i.board_id = ";

/// The assessment, when one was recorded (`facts` set): then every column of
/// it but `overrule_reason` (and the moments, which the facts may lack) holds a value.
fn assessment_from(row: &DbRow) -> Result<Option<IncidentAssessment>> {
    let Some(facts) = row.try_get::<Option<String>, _>("facts")? else { return Ok(None) };
    let reasons: String = required(row, "reasons")?;
    Ok(Some(IncidentAssessment {
        facts,
        is_breach: required(row, "is_breach")?,
        severity: required(row, "severity")?,
        outcome_notify_authority: required(row, "outcome_notify_authority")?,
        outcome_notify_subjects: required(row, "outcome_notify_subjects")?,
        subjects_alternative: required(row, "subjects_alternative")?,
        reasons: serde_json::from_str(&reasons).map_err(|e| StoreError::Corrupt(format!("reasons: {e}")))?,
        aware_at: optional_instant_col(row, "aware_at")?,
        deadline_at: optional_instant_col(row, "deadline_at")?,
        notify_authority: required(row, "notify_authority")?,
        notify_subjects: required(row, "notify_subjects")?,
        overrule_reason: row.try_get("overrule_reason")?,
        decided_by: required(row, "decided_by")?,
        decided_at: instant_col(row, "decided_at")?,
    }))
}

fn incident_from(row: &DbRow) -> Result<Incident> {
    Ok(Incident {
        id: row.try_get("id")?,
        reference: row.try_get("reference")?,
        kind: code_col(row, "kind")?,
        channel: code_col(row, "channel")?,
        school_id: row.try_get("school_id")?,
        reported_by: row.try_get("reported_by")?,
        reporter_name: row.try_get("reporter_name")?,
        reporter_email: row.try_get("reporter_email")?,
        what_happened: row.try_get("what_happened")?,
        discovered_at: instant_col(row, "discovered_at")?,
        reported_at: instant_col(row, "reported_at")?,
        data_concerned: row.try_get("data_concerned")?,
        people_concerned: row.try_get("people_concerned")?,
        device: row.try_get("device")?,
        ongoing: row.try_get("ongoing")?,
        reported_late: row.try_get("reported_late")?,
        status: code_col(row, "status")?,
        assessment: assessment_from(row)?,
        authority_sent_at: optional_instant_col(row, "authority_sent_at")?,
        authority_reference: row.try_get("authority_reference")?,
        delay_reason: row.try_get("delay_reason")?,
        subjects_decision: optional_code_col(row, "subjects_decision")?,
        subjects_reason: row.try_get("subjects_reason")?,
        announcement: row.try_get("announcement")?,
        measures: row.try_get("measures")?,
        cause: row.try_get("cause")?,
        evaluation: row.try_get("evaluation")?,
        closed_at: optional_instant_col(row, "closed_at")?,
        closed_by: row.try_get("closed_by")?,
        warned_24_at: optional_instant_col(row, "warned_24_at")?,
        warned_8_at: optional_instant_col(row, "warned_8_at")?,
        overdue_at: optional_instant_col(row, "overdue_at")?,
    })
}

pub(crate) async fn report(
    pool: &Pool,
    board: &BoardId,
    actor: &Actor,
    new: &NewIncident,
    notices: &(dyn Fn(&Incident) -> Vec<crate::NewMail> + Sync),
) -> Result<Incident> {
    let id = new_id();
    let year = aantoonbaar_rules::calendar::dutch_date(actor.at).year();
    let mut tx = begin(pool).await?;
    lock_board(&mut tx, board).await?;
    let last: Option<i64> = sqlx::query_scalar("SELECT MAX(number) FROM incidents WHERE board_id = $1 AND year = $2")
        .bind(&board.0)
        .bind(i64::from(year))
        .fetch_one(&mut *tx)
        .await?;
    let number = last.unwrap_or(0) + 1;
    sqlx::query(
        "INSERT INTO incidents (board_id, id, reference, year, number, kind, channel, school_id, reported_by, reporter_name, \
         reporter_email, what_happened, discovered_at, reported_at, data_concerned, people_concerned, device, ongoing, \
         reported_late, status, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, 'reported', $14)",
    )
    .bind(&board.0)
    .bind(&id)
    .bind(reference(year, number))
    .bind(i64::from(year))
    .bind(number)
    .bind(new.kind.code())
    .bind(new.channel.code())
    .bind(&new.school_id)
    .bind(&new.reported_by)
    .bind(&new.reporter_name)
    .bind(&new.reporter_email)
    .bind(&new.what_happened)
    .bind(new.discovered_at.as_second())
    .bind(actor.at.as_second())
    .bind(&new.data_concerned)
    .bind(&new.people_concerned)
    .bind(&new.device)
    .bind(new.ongoing)
    .bind(reported_late(new.discovered_at, actor.at))
    .execute(&mut *tx)
    .await
    .map_err(|e| classify(e, "reference", "school_id"))?;
    let event = AuditEvent::new(AuditAction::Create, "incident", &id).fields(&[
        "kind",
        "school_id",
        "what_happened",
        "discovered_at",
        "data_concerned",
        "people_concerned",
        "device",
        "ongoing",
    ]);
    audit(&mut tx, board, actor, &event).await?;
    let mut qb = QueryBuilder::new(COLUMNS);
    qb.push_bind(board.0.clone()).push(" AND i.id = ").push_bind(id);
    let incident = incident_from(&qb.build().fetch_one(&mut *tx).await?)?;
    super::outbox::queue_in(&mut tx, board, &notices(&incident), actor.at).await?;
    tx.commit().await?;
    Ok(incident)
}

fn filtered(board: &BoardId, scope: &Scope, filter: &IncidentFilter) -> QueryBuilder<Db> {
    let mut qb = QueryBuilder::new(COLUMNS);
    qb.push_bind(board.0.clone());
    match scope {
        Scope::Board => {}
        Scope::Schools(ids) => {
            qb.push(" AND i.school_id IN (");
            push_list(&mut qb, ids.iter().cloned());
            qb.push(")");
        }
        // Staff who work in groups see only their own reports.
        Scope::Groups(_) => {
            qb.push(" AND 1 = 0");
        }
    }
    if let Some(user) = &filter.reported_by {
        qb.push(" AND i.reported_by = ").push_bind(user.clone());
    }
    if let Some(status) = filter.status {
        qb.push(" AND i.status = ").push_bind(status.code());
    }
    if let Some(kind) = filter.kind {
        qb.push(" AND i.kind = ").push_bind(kind.code());
    }
    if let Some(school) = &filter.school_id {
        qb.push(" AND i.school_id = ").push_bind(school.clone());
    }
    if let Some(breach) = filter.breach {
        qb.push(" AND i.is_breach = ").push_bind(breach);
    }
    if let Some(pupil) = &filter.pupil_id {
        qb.push(
            " AND EXISTS (SELECT 1 FROM incident_subjects s WHERE s.board_id = i.board_id AND s.incident_id = i.id \
             AND s.pupil_id = ",
        )
        .push_bind(pupil.clone())
        .push(")");
    }
    qb
}

pub(crate) async fn list(
    pool: &Pool,
    board: &BoardId,
    scope: &Scope,
    filter: &IncidentFilter,
) -> Result<Vec<Incident>> {
    let mut qb = filtered(board, scope, filter);
    qb.push(" ORDER BY i.reported_at DESC, i.number DESC");
    let rows = qb.build().fetch_all(pool).await?;
    rows.iter().map(incident_from).collect()
}

pub(crate) async fn get(
    pool: &Pool,
    board: &BoardId,
    scope: &Scope,
    reported_by: Option<&str>,
    id: &str,
) -> Result<Option<Incident>> {
    let filter = IncidentFilter { reported_by: reported_by.map(str::to_owned), ..IncidentFilter::default() };
    let mut qb = filtered(board, scope, &filter);
    qb.push(" AND i.id = ").push_bind(id.to_owned());
    let row = qb.build().fetch_optional(pool).await?;
    row.as_ref().map(incident_from).transpose()
}

/// Runs one guarded UPDATE of the incident `id` (see `guarded`) with its audit
/// event: `NotFound` when the incident is not on this board, `WrongState` when
/// its state does not allow the change.
async fn update(
    pool: &Pool,
    board: &BoardId,
    actor: &Actor,
    id: &str,
    query: Statement<'_>,
    event: AuditEvent,
) -> Result<()> {
    let mut tx = guarded(begin(pool).await?, "incidents", board, id, query).await?;
    audit(&mut tx, board, actor, &event).await?;
    tx.commit().await?;
    Ok(())
}

/// Guards a write that adds rows under the incident `id`: takes its row lock
/// when `condition` holds (see `guarded`).
async fn require(tx: Tx, board: &BoardId, id: &str, condition: &'static str) -> Result<Tx> {
    let sql = format!("UPDATE incidents SET status = status WHERE board_id = $1 AND id = $2 AND {condition}");
    let query = sqlx::query(sqlx::AssertSqlSafe(sql)).bind(&board.0).bind(id.to_owned());
    guarded(tx, "incidents", board, id, query).await
}

pub(crate) async fn record_assessment(
    pool: &Pool,
    board: &BoardId,
    actor: &Actor,
    id: &str,
    a: &IncidentAssessment,
) -> Result<()> {
    let reasons = serde_json::to_string(&a.reasons).map_err(|e| StoreError::Corrupt(e.to_string()))?;
    let query = sqlx::query(
        "UPDATE incidents SET facts = $3, is_breach = $4, severity = $5, outcome_notify_authority = $6, \
         outcome_notify_subjects = $7, subjects_alternative = $8, reasons = $9, aware_at = $10, deadline_at = $11, \
         notify_authority = $12, notify_subjects = $13, overrule_reason = $14, decided_by = $15, decided_at = $16, \
         status = 'assessed', warned_24_at = NULL, warned_8_at = NULL \
         WHERE board_id = $1 AND id = $2 AND status <> 'closed'",
    )
    .bind(&board.0)
    .bind(id)
    .bind(&a.facts)
    .bind(a.is_breach)
    .bind(&a.severity)
    .bind(a.outcome_notify_authority)
    .bind(a.outcome_notify_subjects)
    .bind(&a.subjects_alternative)
    .bind(reasons)
    .bind(a.aware_at.map(|t| t.as_second()))
    .bind(a.deadline_at.map(|t| t.as_second()))
    .bind(a.notify_authority)
    .bind(a.notify_subjects)
    .bind(&a.overrule_reason)
    .bind(&a.decided_by)
    .bind(a.decided_at.as_second());
    let mut fields = vec!["facts", "outcome", "decision"];
    if a.overrule_reason.is_some() {
        fields.push("overrule_reason");
    }
    let event = AuditEvent::new(AuditAction::Update, "incident", id).fields(&fields);
    update(pool, board, actor, id, query, event).await
}

pub(crate) async fn record_notification(
    pool: &Pool,
    board: &BoardId,
    actor: &Actor,
    id: &str,
    sent_at: Timestamp,
    reference: &str,
    delay_reason: Option<&str>,
) -> Result<()> {
    let query = sqlx::query(
        "UPDATE incidents SET authority_sent_at = $3, authority_reference = $4, delay_reason = $5 \
         WHERE board_id = $1 AND id = $2 AND status = 'assessed'",
    )
    .bind(&board.0)
    .bind(id)
    .bind(sent_at.as_second())
    .bind(reference)
    .bind(delay_reason);
    let event = AuditEvent::new(AuditAction::Update, "incident", id).fields(&[
        "authority_sent_at",
        "authority_reference",
        "delay_reason",
    ]);
    update(pool, board, actor, id, query, event).await
}

pub(crate) async fn add_follow_up(
    pool: &Pool,
    board: &BoardId,
    actor: &Actor,
    incident_id: &str,
    sent_at: Timestamp,
    content: &str,
) -> Result<FollowUp> {
    let id = new_id();
    let condition = "status <> 'closed' AND authority_sent_at IS NOT NULL";
    let mut tx = require(begin(pool).await?, board, incident_id, condition).await?;
    sqlx::query(
        "INSERT INTO incident_follow_ups (board_id, incident_id, id, sent_at, content, recorded_by, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(&board.0)
    .bind(incident_id)
    .bind(&id)
    .bind(sent_at.as_second())
    .bind(content)
    .bind(&actor.label)
    .bind(actor.at.as_second())
    .execute(&mut *tx)
    .await
    .map_err(|e| classify(e, "id", "incident_id"))?;
    let event =
        AuditEvent::new(AuditAction::Create, "incident_follow_up", &id).fields(&["incident_id", "sent_at", "content"]);
    audit(&mut tx, board, actor, &event).await?;
    tx.commit().await?;
    Ok(FollowUp { id, sent_at, content: content.to_owned(), recorded_by: actor.label.clone() })
}

pub(crate) async fn follow_ups(pool: &Pool, board: &BoardId, incident_id: &str) -> Result<Vec<FollowUp>> {
    let rows = sqlx::query(
        "SELECT id, sent_at, content, recorded_by FROM incident_follow_ups WHERE board_id = $1 AND incident_id = $2 \
         ORDER BY sent_at, created_at, id",
    )
    .bind(&board.0)
    .bind(incident_id)
    .fetch_all(pool)
    .await?;
    rows.iter().map(follow_up_from).collect()
}

fn follow_up_from(row: &DbRow) -> Result<FollowUp> {
    Ok(FollowUp {
        id: row.try_get("id")?,
        sent_at: instant_col(row, "sent_at")?,
        content: row.try_get("content")?,
        recorded_by: row.try_get("recorded_by")?,
    })
}

pub(crate) async fn link_subjects(
    pool: &Pool,
    board: &BoardId,
    actor: &Actor,
    incident_id: &str,
    subjects: &[SubjectRef],
) -> Result<()> {
    let mut tx = require(begin(pool).await?, board, incident_id, "status <> 'closed'").await?;
    for subject in subjects {
        let (pupil, guardian, user, field) = match subject {
            SubjectRef::Pupil(id) => (Some(id), None, None, "pupil_ids"),
            SubjectRef::Guardian(id) => (None, Some(id), None, "guardian_ids"),
            SubjectRef::User(id) => (None, None, Some(id), "user_ids"),
        };
        let link_id = new_id();
        let inserted = sqlx::query(
            "INSERT INTO incident_subjects (board_id, incident_id, id, pupil_id, guardian_id, user_id, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING",
        )
        .bind(&board.0)
        .bind(incident_id)
        .bind(&link_id)
        .bind(pupil)
        .bind(guardian)
        .bind(user)
        .bind(actor.at.as_second())
        .execute(&mut *tx)
        .await
        .map_err(|e| classify(e, "id", field))?;
        if inserted.rows_affected() == 1 {
            let event =
                AuditEvent::new(AuditAction::Create, "incident_subject", &link_id).fields(&["incident_id", field]);
            audit(&mut tx, board, actor, &event).await?;
        }
    }
    tx.commit().await?;
    Ok(())
}

pub(crate) async fn subjects(pool: &Pool, board: &BoardId, incident_id: &str) -> Result<Vec<IncidentSubject>> {
    let rows = sqlx::query(
        "SELECT s.pupil_id, s.guardian_id, s.user_id, p.given_name AS p_given, p.surname_prefix AS p_prefix, \
         p.surname AS p_surname, g.given_name AS g_given, g.surname_prefix AS g_prefix, g.surname AS g_surname, \
         u.name AS u_name FROM incident_subjects s \
         LEFT JOIN pupils p ON p.board_id = s.board_id AND p.id = s.pupil_id \
         LEFT JOIN guardians g ON g.board_id = s.board_id AND g.id = s.guardian_id \
         LEFT JOIN users u ON u.board_id = s.board_id AND u.id = s.user_id \
         WHERE s.board_id = $1 AND s.incident_id = $2 ORDER BY s.created_at, s.id",
    )
    .bind(&board.0)
    .bind(incident_id)
    .fetch_all(pool)
    .await?;
    rows.iter().map(subject_from).collect()
}

/// One person linked to an incident: exactly one of the three ids is set (a
/// CHECK), and the foreign keys promise the joined row, so a NULL name is `Corrupt`.
fn subject_from(row: &DbRow) -> Result<IncidentSubject> {
    let name = |prefix: &str| -> Result<String> {
        let given: String = required(row, &format!("{prefix}_given"))?;
        let middle: Option<String> = row.try_get(format!("{prefix}_prefix").as_str())?;
        let surname: String = required(row, &format!("{prefix}_surname"))?;
        Ok(crate::model::full_name(&given, middle.as_deref(), &surname))
    };
    if let Some(id) = row.try_get::<Option<String>, _>("pupil_id")? {
        Ok(IncidentSubject { kind: "pupil", id, name: name("p")? })
    } else if let Some(id) = row.try_get::<Option<String>, _>("guardian_id")? {
        Ok(IncidentSubject { kind: "guardian", id, name: name("g")? })
    } else {
        Ok(IncidentSubject { kind: "staff", id: required(row, "user_id")?, name: required(row, "u_name")? })
    }
}

#[expect(clippy::too_many_arguments, reason = "one statement's values")]
pub(crate) async fn record_communication(
    pool: &Pool,
    board: &BoardId,
    actor: &Actor,
    incident_id: &str,
    decision: SubjectsDecision,
    reason: Option<&str>,
    announcement: Option<&str>,
    letters: &[NewLetter],
    mails: &[crate::NewMail],
) -> Result<Vec<IncidentLetter>> {
    let query = sqlx::query(
        "UPDATE incidents SET subjects_decision = $3, subjects_reason = $4, announcement = $5 \
         WHERE board_id = $1 AND id = $2 AND status <> 'closed'",
    )
    .bind(&board.0)
    .bind(incident_id)
    .bind(decision.code())
    .bind(reason)
    .bind(announcement);
    let mut tx = guarded(begin(pool).await?, "incidents", board, incident_id, query).await?;
    let event = AuditEvent::new(AuditAction::Update, "incident", incident_id).fields(&[
        "subjects_decision",
        "subjects_reason",
        "announcement",
    ]);
    audit(&mut tx, board, actor, &event).await?;
    let mut recorded = Vec::with_capacity(letters.len());
    for letter in letters {
        let letter = IncidentLetter {
            id: new_id(),
            guardian_id: letter.guardian_id.clone(),
            pupil_id: letter.pupil_id.clone(),
            recipient_name: letter.recipient_name.clone(),
            recipient_email: letter.recipient_email.clone(),
            body: letter.body.clone(),
            sent_at: actor.at,
        };
        sqlx::query(
            "INSERT INTO incident_letters (board_id, incident_id, id, guardian_id, pupil_id, recipient_name, recipient_email, \
             body, sent_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
        )
        .bind(&board.0)
        .bind(incident_id)
        .bind(&letter.id)
        .bind(&letter.guardian_id)
        .bind(&letter.pupil_id)
        .bind(&letter.recipient_name)
        .bind(&letter.recipient_email)
        .bind(&letter.body)
        .bind(letter.sent_at.as_second())
        .execute(&mut *tx)
        .await
        .map_err(|e| classify(e, "id", "guardian_id"))?;
        let event = AuditEvent::new(AuditAction::Create, "incident_letter", &letter.id).fields(&[
            "incident_id",
            "guardian_id",
            "pupil_id",
        ]);
        audit(&mut tx, board, actor, &event).await?;
        recorded.push(letter);
    }
    super::outbox::queue_in(&mut tx, board, mails, actor.at).await?;
    tx.commit().await?;
    Ok(recorded)
}

pub(crate) async fn letters(pool: &Pool, board: &BoardId, incident_id: &str) -> Result<Vec<IncidentLetter>> {
    let rows = sqlx::query(
        "SELECT id, guardian_id, pupil_id, recipient_name, recipient_email, body, sent_at FROM incident_letters \
         WHERE board_id = $1 AND incident_id = $2 ORDER BY sent_at, recipient_name, id",
    )
    .bind(&board.0)
    .bind(incident_id)
    .fetch_all(pool)
    .await?;
    rows.iter().map(letter_from).collect()
}

fn letter_from(row: &DbRow) -> Result<IncidentLetter> {
    Ok(IncidentLetter {
        id: row.try_get("id")?,
        guardian_id: row.try_get("guardian_id")?,
        pupil_id: row.try_get("pupil_id")?,
        recipient_name: row.try_get("recipient_name")?,
        recipient_email: row.try_get("recipient_email")?,
        body: row.try_get("body")?,
        sent_at: instant_col(row, "sent_at")?,
    })
}

pub(crate) async fn record_measures(
    pool: &Pool,
    board: &BoardId,
    actor: &Actor,
    id: &str,
    measures: &str,
) -> Result<()> {
    let query =
        sqlx::query("UPDATE incidents SET measures = $3 WHERE board_id = $1 AND id = $2 AND status <> 'closed'")
            .bind(&board.0)
            .bind(id)
            .bind(measures);
    let event = AuditEvent::new(AuditAction::Update, "incident", id).fields(&["measures"]);
    update(pool, board, actor, id, query, event).await
}

pub(crate) async fn close(pool: &Pool, board: &BoardId, actor: &Actor, id: &str, closing: &Closing) -> Result<()> {
    let query = sqlx::query(
        "UPDATE incidents SET measures = $3, cause = $4, evaluation = $5, closed_at = $6, closed_by = $7, status = 'closed' \
         WHERE board_id = $1 AND id = $2 AND status = 'assessed' AND (NOT notify_authority OR authority_sent_at IS NOT NULL)",
    )
    .bind(&board.0)
    .bind(id)
    .bind(&closing.measures)
    .bind(&closing.cause)
    .bind(&closing.evaluation)
    .bind(actor.at.as_second())
    .bind(&actor.label);
    let event =
        AuditEvent::new(AuditAction::Update, "incident", id).fields(&["measures", "cause", "evaluation", "status"]);
    update(pool, board, actor, id, query, event).await
}

pub(crate) async fn mark_warning(
    pool: &Pool,
    board: &BoardId,
    actor: &Actor,
    id: &str,
    warning: Warning,
    mails: &[crate::NewMail],
) -> Result<bool> {
    // The 8-hour warning also settles the 24-hour one: a stale warning is never sent after it.
    let (sql, fields): (&str, &[&'static str]) = match warning {
        Warning::Hours24 => (
            "UPDATE incidents SET warned_24_at = $3 WHERE board_id = $1 AND id = $2 AND warned_24_at IS NULL \
             AND status = 'assessed' AND notify_authority AND authority_sent_at IS NULL",
            &["warned_24_at"],
        ),
        Warning::Hours8 => (
            "UPDATE incidents SET warned_8_at = $3, warned_24_at = COALESCE(warned_24_at, $3) \
             WHERE board_id = $1 AND id = $2 AND warned_8_at IS NULL \
             AND status = 'assessed' AND notify_authority AND authority_sent_at IS NULL",
            &["warned_8_at"],
        ),
    };
    let query = sqlx::query(sql).bind(&board.0).bind(id).bind(actor.at.as_second());
    let mut tx = match guarded(begin(pool).await?, "incidents", board, id, query).await {
        Ok(tx) => tx,
        Err(StoreError::WrongState) => return Ok(false),
        Err(err) => return Err(err),
    };
    let event = AuditEvent::new(AuditAction::Update, "incident", id).fields(fields);
    audit(&mut tx, board, actor, &event).await?;
    super::outbox::queue_in(&mut tx, board, mails, actor.at).await?;
    tx.commit().await?;
    Ok(true)
}

pub(crate) async fn mark_overdue(pool: &Pool, board: &BoardId, actor: &Actor, id: &str) -> Result<()> {
    let query = sqlx::query(
        "UPDATE incidents SET overdue_at = $3 WHERE board_id = $1 AND id = $2 AND overdue_at IS NULL \
         AND status = 'assessed' AND notify_authority AND authority_sent_at IS NULL",
    )
    .bind(&board.0)
    .bind(id)
    .bind(actor.at.as_second());
    let event = AuditEvent::new(AuditAction::Update, "incident", id).fields(&["overdue_at"]);
    update(pool, board, actor, id, query, event).await
}
