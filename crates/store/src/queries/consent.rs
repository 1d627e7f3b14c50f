// Consent: purposes, decisions (group commit), objections, rounds and the facts the check needs;
// compiled for both back-ends (see `queries.rs`).

use super::boards::settings_from;

use crate::codes::choice_code;
use crate::consent_model::{BoardFacts, HeldDecision, PupilFacts, decision_window};
use crate::model::full_name;
use crate::{
    ConsentDecisionRecord, ConsentFacts, ConsentPurpose, ConsentSubject, DecisionFact, NewConsentDecision,
    NewRoundMail, ObjectionFact, RoundGuardian, RoundPupil, SentRoundMail,
};
use aantoonbaar_rules::SchoolYear;

async fn ensure_default_purposes(pool: &Pool, board: &BoardId, at: Timestamp) -> Result<()> {
    let mut tx = begin(pool).await?;
    for (position, purpose) in aantoonbaar_rules::consent::DEFAULT_PURPOSES.iter().enumerate() {
        let inserted = sqlx::query(
            "INSERT INTO consent_purposes (board_id, code, name, position) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING",
        )
        .bind(&board.0)
        .bind(purpose.code)
        .bind(purpose.name)
        .bind(i64::try_from(position).unwrap_or(i64::MAX))
        .execute(&mut *tx)
        .await?;
        if inserted.rows_affected() == 1 {
            sqlx::query(
                "INSERT INTO consent_purpose_texts (board_id, purpose_code, version, description, created_at) VALUES ($1, $2, 1, $3, $4)",
            )
            .bind(&board.0)
            .bind(purpose.code)
            .bind(purpose.description)
            .bind(at.as_second())
            .execute(&mut *tx)
            .await?;
        }
    }
    tx.commit().await?;
    Ok(())
}

pub(crate) async fn consent_purposes(pool: &Pool, board: &BoardId, at: Timestamp) -> Result<Vec<ConsentPurpose>> {
    let query = "SELECT p.code, p.name, t.version, t.description FROM consent_purposes p \
         JOIN consent_purpose_texts t ON t.board_id = p.board_id AND t.purpose_code = p.code \
         WHERE p.board_id = $1 AND t.version = (SELECT MAX(version) FROM consent_purpose_texts x \
           WHERE x.board_id = p.board_id AND x.purpose_code = p.code) ORDER BY p.position, p.code";
    let mut rows = sqlx::query(query).bind(&board.0).fetch_all(pool).await?;
    if rows.is_empty() {
        ensure_default_purposes(pool, board, at).await?;
        rows = sqlx::query(query).bind(&board.0).fetch_all(pool).await?;
    }
    rows.iter().map(purpose_from).collect()
}

fn purpose_from(row: &DbRow) -> Result<ConsentPurpose> {
    Ok(ConsentPurpose {
        code: row.try_get("code")?,
        name: row.try_get("name")?,
        description: row.try_get("description")?,
        version: row.try_get("version")?,
    })
}

/// Records a batch of decisions (of any boards) in one transaction, so one
/// `fsync` makes them all durable (group commit, see `group_commit.rs`). The
/// batch is written with a few multi-row statements; when that fails (one
/// decision names a pupil that does not exist), each decision is written in a
/// savepoint of its own, so the bad one fails alone and the others commit.
///
/// Each board's consent version is raised once for the batch, in ascending
/// board order (so two servers' batches never wait on each other in a circle),
/// and its decisions carry the new value.
///
/// The "viewed" audit entries of the pages read meanwhile (`views`: board,
/// actor, entity, ids) share the transaction and its flush; when they cannot
/// be written, each page's entries are tried alone, and a failure fails only
/// that page. Returns the decisions' results, the stamps and the views' results.
pub(crate) async fn record_consent_decisions(
    pool: &Pool,
    batch: &[(&BoardId, &Actor, &NewConsentDecision)],
    views: &[(&BoardId, &Actor, &'static str, &[String])],
) -> Result<Committed> {
    let mut boards: Vec<&BoardId> = batch.iter().map(|(board, _, _)| *board).collect();
    boards.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    boards.dedup();
    for board in &boards {
        consent_purposes(pool, board, batch[0].1.at).await?;
    }
    let mut tx = begin(pool).await?;
    let mut stamps = Vec::with_capacity(boards.len());
    for board in boards {
        stamps.push((board.clone(), super::versions::stamp_decisions(&mut tx, board).await?));
    }
    let decisions =
        if batch.is_empty() { Vec::new() } else { decisions_in_savepoints(&mut tx, batch, &stamps).await? };
    let viewed = views_in_savepoints(&mut tx, views).await?;
    tx.commit().await?;
    Ok((decisions, stamps, viewed))
}

/// What a group commit wrote: the decisions' results, each board's stamp and
/// the views' results.
pub(crate) type Committed = (Vec<Result<ConsentDecisionRecord>>, Vec<(BoardId, i64)>, Vec<Result<()>>);

async fn decisions_in_savepoints(
    tx: &mut Tx,
    batch: &[(&BoardId, &Actor, &NewConsentDecision)],
    stamps: &[(BoardId, i64)],
) -> Result<Vec<Result<ConsentDecisionRecord>>> {
    sqlx::query("SAVEPOINT batch").execute(&mut **tx).await?;
    if let Ok(records) = insert_consent_decisions(tx, batch, stamps).await {
        sqlx::query("RELEASE SAVEPOINT batch").execute(&mut **tx).await?;
        return Ok(records.into_iter().map(Ok).collect());
    }
    sqlx::query("ROLLBACK TO SAVEPOINT batch").execute(&mut **tx).await?;
    let mut results = Vec::with_capacity(batch.len());
    for item in batch {
        sqlx::query("SAVEPOINT decision").execute(&mut **tx).await?;
        let result = insert_consent_decisions(tx, std::slice::from_ref(item), stamps).await.map(|mut r| r.remove(0));
        let end = if result.is_ok() { "RELEASE SAVEPOINT decision" } else { "ROLLBACK TO SAVEPOINT decision" };
        sqlx::query(end).execute(&mut **tx).await?;
        results.push(result);
    }
    Ok(results)
}

/// The views' audit entries, all at once, or page by page when that fails.
async fn views_in_savepoints(
    tx: &mut Tx,
    views: &[(&BoardId, &Actor, &'static str, &[String])],
) -> Result<Vec<Result<()>>> {
    async fn write(tx: &mut Tx, views: &[(&BoardId, &Actor, &'static str, &[String])]) -> Result<()> {
        let mut boards: Vec<&BoardId> = views.iter().map(|(board, _, _, _)| *board).collect();
        boards.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        boards.dedup();
        for board in boards {
            let events: Vec<(&Actor, AuditEvent)> = views
                .iter()
                .filter(|(b, _, _, _)| *b == board)
                .flat_map(|(_, actor, entity, ids)| {
                    ids.iter().map(|id| (*actor, AuditEvent::new(AuditAction::View, entity, id)))
                })
                .collect();
            let entries: Vec<(&Actor, &AuditEvent)> = events.iter().map(|(actor, event)| (*actor, event)).collect();
            audit_many(tx, board, &entries).await?;
        }
        Ok(())
    }
    if views.is_empty() {
        return Ok(Vec::new());
    }
    sqlx::query("SAVEPOINT views").execute(&mut **tx).await?;
    if write(tx, views).await.is_ok() {
        sqlx::query("RELEASE SAVEPOINT views").execute(&mut **tx).await?;
        return Ok(views.iter().map(|_| Ok(())).collect());
    }
    sqlx::query("ROLLBACK TO SAVEPOINT views").execute(&mut **tx).await?;
    let mut results = Vec::with_capacity(views.len());
    for view in views {
        sqlx::query("SAVEPOINT view").execute(&mut **tx).await?;
        let result = write(tx, std::slice::from_ref(view)).await;
        let end = if result.is_ok() { "RELEASE SAVEPOINT view" } else { "ROLLBACK TO SAVEPOINT view" };
        sqlx::query(end).execute(&mut **tx).await?;
        results.push(result);
    }
    Ok(results)
}

/// Inserts decisions against each purpose's current text version, stamped with
/// their board's version from `stamps`, with their audit entries; the records
/// in the order given.
async fn insert_consent_decisions(
    tx: &mut Tx,
    batch: &[(&BoardId, &Actor, &NewConsentDecision)],
    stamps: &[(BoardId, i64)],
) -> Result<Vec<ConsentDecisionRecord>> {
    let stamp = |board: &BoardId| stamps.iter().find(|(b, _)| b == board).map(|(_, stamp)| *stamp);
    let mut versions: HashMap<(&str, &str), i64> = HashMap::new();
    for (board, _, decision) in batch {
        if versions.contains_key(&(board.0.as_str(), decision.purpose.as_str())) {
            continue;
        }
        let version: Option<i64> = sqlx::query_scalar(
            "SELECT MAX(version) FROM consent_purpose_texts WHERE board_id = $1 AND purpose_code = $2",
        )
        .bind(&board.0)
        .bind(&decision.purpose)
        .fetch_one(&mut **tx)
        .await?;
        versions.insert((&board.0, &decision.purpose), version.ok_or(StoreError::BadReference { field: "purpose" })?);
    }
    let records: Vec<ConsentDecisionRecord> = batch
        .iter()
        .map(|(board, actor, decision)| {
            let version = versions.get(&(board.0.as_str(), decision.purpose.as_str()));
            Ok(ConsentDecisionRecord {
                id: new_id(),
                pupil_id: decision.pupil_id.clone(),
                purpose: decision.purpose.clone(),
                purpose_version: *version.ok_or(StoreError::BadReference { field: "purpose" })?,
                decision: decision.choice,
                guardian_id: decision.guardian_id.clone(),
                by_pupil: decision.by_pupil,
                decided_at: decision.decided_at,
                channel: decision.channel,
                signed: decision.signed,
                recorded_by: actor.label.clone(),
            })
        })
        .collect::<Result<_>>()?;
    let rows: Vec<_> = batch.iter().zip(&records).collect();
    // 15 values a row stays far below both back-ends' limit on bound values.
    for chunk in rows.chunks(500) {
        let mut qb = QueryBuilder::new(
            "INSERT INTO consent_decisions (board_id, id, pupil_id, purpose_code, purpose_version, decision, guardian_id, \
             by_pupil, decided_at, decided_on, channel, signed, recorded_by, created_at, version) ",
        );
        qb.push_values(chunk, |mut row, ((board, actor, _), record)| {
            row.push_bind(board.0.clone())
                .push_bind(record.id.clone())
                .push_bind(record.pupil_id.clone())
                .push_bind(record.purpose.clone())
                .push_bind(record.purpose_version)
                .push_bind(choice_code(record.decision))
                .push_bind(record.guardian_id.clone())
                .push_bind(record.by_pupil)
                .push_bind(record.decided_at.as_second())
                .push_bind(aantoonbaar_rules::calendar::dutch_date(record.decided_at).to_string())
                .push_bind(record.channel.code())
                .push_bind(record.signed)
                .push_bind(actor.label.clone())
                .push_bind(actor.at.as_second())
                .push_bind(stamp(board).unwrap_or_default());
        });
        qb.build().execute(&mut **tx).await.map_err(|e| classify(e, "id", "pupil_id"))?;
    }
    let events: Vec<AuditEvent> = records
        .iter()
        .map(|record| {
            AuditEvent::new(AuditAction::Create, "consent_decision", &record.id).fields(&[
                "pupil_id",
                "purpose",
                "decision",
                "decider",
                "decided_at",
                "channel",
            ])
        })
        .collect();
    let mut boards: Vec<&BoardId> = batch.iter().map(|(board, _, _)| *board).collect();
    boards.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    boards.dedup();
    for board in boards {
        let entries: Vec<(&Actor, &AuditEvent)> = batch
            .iter()
            .zip(&events)
            .filter(|((b, _, _), _)| b.0 == board.0)
            .map(|((_, actor, _), event)| (*actor, event))
            .collect();
        audit_many(tx, board, &entries).await?;
    }
    Ok(records)
}

pub(crate) async fn consent_round(
    pool: &Pool,
    board: &BoardId,
    scope: &Scope,
    since: Date,
    today: Date,
) -> Result<Vec<RoundPupil>> {
    let mut qb = QueryBuilder::new(
        "SELECT id, school_id, group_id, given_name, surname_prefix, surname, external_number, birth_date, email \
         FROM pupils WHERE board_id = ",
    );
    qb.push_bind(board.0.clone());
    push_scope(&mut qb, scope, "school_id", Some("group_id"));
    qb.push(" AND (leave_date IS NULL OR leave_date > ")
        .push_bind(today.to_string())
        .push(") ORDER BY school_id, group_id, surname, given_name, id");
    let mut pupils: Vec<RoundPupil> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    for row in qb.build().fetch_all(pool).await? {
        let pupil_id: String = row.try_get("id")?;
        index.insert(pupil_id.clone(), pupils.len());
        let prefix: Option<String> = row.try_get("surname_prefix")?;
        let given: String = row.try_get("given_name")?;
        let surname: String = row.try_get("surname")?;
        pupils.push(RoundPupil {
            pupil_id,
            school_id: row.try_get("school_id")?,
            group_id: row.try_get("group_id")?,
            name: full_name(&given, prefix.as_deref(), &surname),
            external_number: row.try_get("external_number")?,
            birth_date: date_col(&row, "birth_date")?,
            own_email: row.try_get("email")?,
            answered: false,
            custodians: Vec::new(),
        });
    }
    let custodial = sqlx::query(
        "SELECT pg.pupil_id, gu.id, gu.given_name, gu.surname_prefix, gu.surname, gu.email FROM pupil_guardians pg \
         JOIN guardians gu ON gu.board_id = pg.board_id AND gu.id = pg.guardian_id \
         WHERE pg.board_id = $1 AND pg.holds_custody ORDER BY gu.surname, gu.given_name, gu.id",
    )
    .bind(&board.0)
    .fetch_all(pool)
    .await?;
    for row in &custodial {
        let pupil_id: String = row.try_get("pupil_id")?;
        if let Some(i) = index.get(&pupil_id) {
            let prefix: Option<String> = row.try_get("surname_prefix")?;
            let given: String = row.try_get("given_name")?;
            let surname: String = row.try_get("surname")?;
            pupils[*i].custodians.push(RoundGuardian {
                id: row.try_get("id")?,
                name: full_name(&given, prefix.as_deref(), &surname),
                email: row.try_get("email")?,
            });
        }
    }
    let answered: Vec<String> = sqlx::query_scalar(
        "SELECT DISTINCT d.pupil_id FROM consent_decisions d WHERE d.board_id = $1 AND d.decided_on >= $2 AND (d.by_pupil OR EXISTS \
         (SELECT 1 FROM pupil_guardians pg WHERE pg.board_id = d.board_id AND pg.pupil_id = d.pupil_id \
          AND pg.guardian_id = d.guardian_id AND pg.holds_custody))",
    )
    .bind(&board.0)
    .bind(since.to_string())
    .fetch_all(pool)
    .await?;
    for pupil_id in answered {
        if let Some(i) = index.get(&pupil_id) {
            pupils[*i].answered = true;
        }
    }
    Ok(pupils)
}

/// The round's mails about pupils to each person (columns `pupil_id`, `asked`, `sent_at`).
fn sent_round_mails(rows: &[DbRow]) -> Result<Vec<SentRoundMail>> {
    rows.iter()
        .map(|row| {
            Ok(SentRoundMail {
                pupil_id: row.try_get("pupil_id")?,
                asked: row.try_get("asked")?,
                at: instant_col(row, "sent_at")?,
            })
        })
        .collect()
}

pub(crate) async fn consent_invitations(pool: &Pool, board: &BoardId, year: SchoolYear) -> Result<Vec<SentRoundMail>> {
    let rows = sqlx::query(
        "SELECT pupil_id, asked, sent_at FROM consent_invitations WHERE board_id = $1 AND school_year = $2",
    )
    .bind(&board.0)
    .bind(i64::from(year.start_year()))
    .fetch_all(pool)
    .await?;
    sent_round_mails(&rows)
}

pub(crate) async fn consent_reminders_since(
    pool: &Pool,
    board: &BoardId,
    since: Timestamp,
) -> Result<Vec<SentRoundMail>> {
    let rows = sqlx::query(
        "SELECT pupil_id, asked, last_sent_at AS sent_at FROM consent_reminders WHERE board_id = $1 AND last_sent_at > $2",
    )
    .bind(&board.0)
    .bind(since.as_second())
    .fetch_all(pool)
    .await?;
    sent_round_mails(&rows)
}

/// The invitations not sent in `year` yet are recorded and queued; the
/// insert's conflict is the check (see [`send_once`]).
pub(crate) async fn send_consent_invitations(
    pool: &Pool,
    board: &BoardId,
    actor: &Actor,
    event: &AuditEvent,
    invitations: &[NewRoundMail],
    year: SchoolYear,
) -> Result<Vec<usize>> {
    let record = "INSERT INTO consent_invitations (board_id, pupil_id, asked, sent_at, school_year) \
                  VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING";
    send_once(pool, board, actor, event, invitations, record, i64::from(year.start_year())).await
}

/// The reminders that may go (last sent at or before `resend_after`, or
/// never) are recorded and queued; the upsert's condition is the check (see
/// [`send_once`]).
pub(crate) async fn send_consent_reminders(
    pool: &Pool,
    board: &BoardId,
    actor: &Actor,
    event: &AuditEvent,
    reminders: &[NewRoundMail],
    resend_after: Timestamp,
) -> Result<Vec<usize>> {
    let record = "INSERT INTO consent_reminders (board_id, pupil_id, asked, last_sent_at) VALUES ($1, $2, $3, $4) \
                  ON CONFLICT (board_id, pupil_id, asked) DO UPDATE SET last_sent_at = excluded.last_sent_at \
                  WHERE consent_reminders.last_sent_at <= $5";
    send_once(pool, board, actor, event, reminders, record, resend_after.as_second()).await
}

/// Writes each round mail whose `record` statement (bound to the board, the
/// pupil, the person asked, the moment and `condition`) writes a row, with its
/// mail in the outbox and (when any was written) `event`, in one transaction.
/// The board's lock taken first makes a second confirmation wait for the first
/// and then find every mail already sent. Returns the indexes written.
async fn send_once(
    pool: &Pool,
    board: &BoardId,
    actor: &Actor,
    event: &AuditEvent,
    round_mails: &[NewRoundMail],
    record: &'static str,
    condition: i64,
) -> Result<Vec<usize>> {
    let mut tx = begin(pool).await?;
    lock_board(&mut tx, board).await?;
    let mut sent = Vec::new();
    let mut mails = Vec::new();
    for (i, round_mail) in round_mails.iter().enumerate() {
        let written = sqlx::query(record)
            .bind(&board.0)
            .bind(&round_mail.pupil_id)
            .bind(&round_mail.asked)
            .bind(actor.at.as_second())
            .bind(condition)
            .execute(&mut *tx)
            .await
            .map_err(|e| classify(e, "asked", "pupil_id"))?;
        if written.rows_affected() == 1 {
            sent.push(i);
            mails.push(round_mail.mail.clone());
        }
    }
    if !sent.is_empty() {
        audit(&mut tx, board, actor, event).await?;
        super::outbox::queue_in(&mut tx, board, &mails, actor.at).await?;
    }
    tx.commit().await?;
    Ok(sent)
}

pub(crate) async fn consent_history(
    pool: &Pool,
    board: &BoardId,
    pupil_id: &str,
) -> Result<Vec<ConsentDecisionRecord>> {
    let rows = sqlx::query(
        "SELECT id, pupil_id, purpose_code, purpose_version, decision, guardian_id, by_pupil, decided_at, channel, signed, \
         recorded_by FROM consent_decisions WHERE board_id = $1 AND pupil_id = $2 ORDER BY decided_at DESC, created_at DESC, id",
    )
    .bind(&board.0)
    .bind(pupil_id)
    .fetch_all(pool)
    .await?;
    rows.iter().map(decision_from).collect()
}

fn decision_from(row: &DbRow) -> Result<ConsentDecisionRecord> {
    Ok(ConsentDecisionRecord {
        id: row.try_get("id")?,
        pupil_id: row.try_get("pupil_id")?,
        purpose: row.try_get("purpose_code")?,
        purpose_version: row.try_get("purpose_version")?,
        decision: code_col(row, "decision")?,
        guardian_id: row.try_get("guardian_id")?,
        by_pupil: row.try_get("by_pupil")?,
        decided_at: instant_col(row, "decided_at")?,
        channel: code_col(row, "channel")?,
        signed: row.try_get("signed")?,
        recorded_by: row.try_get("recorded_by")?,
    })
}

pub(crate) async fn record_consent_objection(
    pool: &Pool,
    board: &BoardId,
    actor: &Actor,
    pupil_id: &str,
    guardian_id: &str,
    purpose: Option<&str>,
    noted_on: Date,
) -> Result<String> {
    let id = new_id();
    let mut tx = begin(pool).await?;
    sqlx::query(
        "INSERT INTO consent_objections (board_id, id, pupil_id, guardian_id, purpose_code, noted_on, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(&board.0)
    .bind(&id)
    .bind(pupil_id)
    .bind(guardian_id)
    .bind(purpose)
    .bind(noted_on.to_string())
    .bind(actor.at.as_second())
    .execute(&mut *tx)
    .await
    .map_err(|e| classify(e, "id", "guardian_id"))?;
    let event =
        AuditEvent::new(AuditAction::Create, "consent_objection", &id).fields(&["pupil_id", "guardian_id", "purpose"]);
    audit(&mut tx, board, actor, &event).await?;
    tx.commit().await?;
    Ok(id)
}

pub(crate) async fn consent_facts(
    pool: &Pool,
    board: &BoardId,
    scope: &Scope,
    pupil_ids: &[String],
    purpose: Option<&str>,
    day: Date,
) -> Result<ConsentFacts> {
    // One connection for the three reads.
    let mut conn = pool.acquire().await?;
    let row = sqlx::query(
        "SELECT s.consent_renewal, s.both_parents_when_separated, \
         EXISTS (SELECT 1 FROM consent_purposes p WHERE p.board_id = b.id AND p.code = $2) AS purpose_known \
         FROM boards b LEFT JOIN board_settings s ON s.board_id = b.id WHERE b.id = $1",
    )
    .bind(&board.0)
    .bind(purpose.unwrap_or_default())
    .fetch_one(&mut *conn)
    .await?;
    let settings = settings_from(&row)?;
    let purpose_known = purpose.is_none() || row.try_get("purpose_known")?;
    let mut facts = ConsentFacts { settings, purpose_known, ..ConsentFacts::default() };
    let mut qb = QueryBuilder::new(SUBJECT_COLUMNS);
    qb.push_bind(board.0.clone()).push(" AND id IN (");
    push_list(&mut qb, pupil_ids.iter().cloned());
    qb.push(")");
    push_scope(&mut qb, scope, "school_id", Some("group_id"));
    facts.pupils = qb.build().fetch_all(&mut *conn).await?.iter().map(subject_from).collect::<Result<_>>()?;
    if facts.pupils.is_empty() {
        return Ok(facts);
    }
    let ids: Vec<String> = facts.pupils.iter().map(|p| p.id.clone()).collect();
    let (from, until) = decision_window(&settings, day);
    for row in fact_rows(&mut conn, board, Some(&ids), purpose, from, until).await? {
        match row {
            FactRow::Custodian { pupil_id, guardian_id, holds_custody } => {
                facts.custodians.entry(pupil_id).or_default().push((guardian_id, holds_custody));
            }
            FactRow::Decision(decision) => facts.decisions.push(decision.fact),
            FactRow::Objection(objection) => facts.objections.push(objection),
            FactRow::Restricted { pupil_id, purpose } => facts.restricted.push((pupil_id, purpose)),
        }
    }
    Ok(facts)
}

/// The board's copy for the read model (`consent_model.rs`) at version
/// `consent` (read before this, so the copy is never older than it says):
/// every pupil, and the decisions that can count from the first day covering
/// `day` on.
pub(crate) async fn consent_copy(pool: &Pool, board: &BoardId, consent: i64, day: Date) -> Result<BoardFacts> {
    let mut conn = pool.acquire().await?;
    let row = sqlx::query(
        "SELECT s.consent_renewal, s.both_parents_when_separated FROM boards b \
         LEFT JOIN board_settings s ON s.board_id = b.id WHERE b.id = $1",
    )
    .bind(&board.0)
    .fetch_one(&mut *conn)
    .await?;
    let settings = settings_from(&row)?;
    let purposes = sqlx::query_scalar("SELECT code FROM consent_purposes WHERE board_id = $1")
        .bind(&board.0)
        .fetch_all(&mut *conn)
        .await?
        .into_iter()
        .collect();
    let (from, _) = decision_window(&settings, day);
    let mut copy = BoardFacts {
        consent,
        from: Some(from).filter(|from| *from != i64::MIN),
        settings,
        purposes,
        pupils: HashMap::new(),
    };
    let mut qb = QueryBuilder::new(SUBJECT_COLUMNS);
    qb.push_bind(board.0.clone());
    for row in qb.build().fetch_all(&mut *conn).await? {
        let subject = subject_from(&row)?;
        let pupil = PupilFacts {
            subject,
            custodians: Vec::new(),
            decisions: Vec::new(),
            objections: Vec::new(),
            restricted: Vec::new(),
        };
        copy.pupils.insert(pupil.subject.id.clone(), pupil);
    }
    for row in fact_rows(&mut conn, board, None, None, from, i64::MAX).await? {
        let pupil_id = match &row {
            FactRow::Custodian { pupil_id, .. } | FactRow::Restricted { pupil_id, .. } => pupil_id,
            FactRow::Decision(decision) => &decision.fact.pupil_id,
            FactRow::Objection(objection) => &objection.pupil_id,
        };
        let Some(pupil) = copy.pupils.get_mut(pupil_id) else { continue };
        match row {
            FactRow::Custodian { guardian_id, holds_custody, .. } => {
                pupil.custodians.push((guardian_id, holds_custody))
            }
            FactRow::Decision(decision) => pupil.decisions.push(decision),
            FactRow::Objection(objection) => pupil.objections.push(objection),
            FactRow::Restricted { purpose, .. } => pupil.restricted.push(purpose),
        }
    }
    Ok(copy)
}

/// The decisions stamped after version `after` up to `upto`.
pub(crate) async fn decisions_stamped(
    pool: &Pool,
    board: &BoardId,
    after: i64,
    upto: i64,
) -> Result<Vec<HeldDecision>> {
    let rows = sqlx::query(
        "SELECT pupil_id, guardian_id, decision AS value, decided_on AS on_day, purpose_code, decided_at AS at, \
         created_at AS created, id FROM consent_decisions WHERE board_id = $1 AND version > $2 AND version <= $3",
    )
    .bind(&board.0)
    .bind(after)
    .bind(upto)
    .fetch_all(pool)
    .await?;
    rows.iter().map(held_decision).collect()
}

const SUBJECT_COLUMNS: &str =
    "SELECT id, school_id, group_id, birth_date, leave_date, family_situation FROM pupils WHERE board_id = ";

fn subject_from(row: &DbRow) -> Result<ConsentSubject> {
    Ok(ConsentSubject {
        id: row.try_get("id")?,
        school_id: row.try_get("school_id")?,
        group_id: row.try_get("group_id")?,
        birth_date: date_col(row, "birth_date")?,
        leave_date: optional_date_col(row, "leave_date")?,
        family_situation: optional_code_col(row, "family_situation")?,
    })
}

fn held_decision(row: &DbRow) -> Result<HeldDecision> {
    let value: String = row.try_get("value")?;
    Ok(HeldDecision {
        fact: DecisionFact {
            pupil_id: row.try_get("pupil_id")?,
            guardian_id: row.try_get("guardian_id")?,
            purpose: row.try_get("purpose_code")?,
            choice: Code::stored("decision", &value)?,
            decided_on: date_col(row, "on_day")?,
        },
        at: row.try_get("at")?,
        created: row.try_get("created")?,
        id: row.try_get("id")?,
    })
}

/// One row of [`fact_rows`].
enum FactRow {
    Custodian {
        pupil_id: String,
        guardian_id: String,
        holds_custody: bool,
    },
    Decision(HeldDecision),
    Objection(ObjectionFact),
    /// `purpose` `None`: every purpose.
    Restricted {
        pupil_id: String,
        purpose: Option<String>,
    },
}

/// Custodians, the decisions in `[from, until)`, the objections and the
/// restrictions of these pupils (`None`: every pupil of the board), for one
/// purpose or all, in one round trip; `kind` tells them apart. Decisions come
/// oldest first (`decided_at`, `created_at`, `id`), the order the check reads.
async fn fact_rows(
    conn: &mut sqlx::pool::PoolConnection<Db>,
    board: &BoardId,
    pupils: Option<&[String]>,
    purpose: Option<&str>,
    from: i64,
    until: i64,
) -> Result<Vec<FactRow>> {
    let mut qb = QueryBuilder::new(
        "SELECT 'c' AS kind, pupil_id, guardian_id, CASE WHEN holds_custody THEN 'y' ELSE 'n' END AS value, \
         NULL AS on_day, NULL AS purpose_code, 0 AS at, 0 AS created, '' AS id FROM pupil_guardians WHERE board_id = ",
    );
    let in_pupils = |qb: &mut QueryBuilder<Db>| {
        if let Some(pupils) = pupils {
            qb.push(" AND pupil_id IN (");
            push_list(qb, pupils.iter().cloned());
            qb.push(")");
        }
    };
    qb.push_bind(board.0.clone());
    in_pupils(&mut qb);
    qb.push(
        " UNION ALL SELECT 'd', pupil_id, guardian_id, decision, decided_on, purpose_code, decided_at, created_at, id \
         FROM consent_decisions WHERE board_id = ",
    )
    .push_bind(board.0.clone());
    in_pupils(&mut qb);
    if let Some(purpose) = purpose {
        qb.push(" AND purpose_code = ").push_bind(purpose.to_owned());
    }
    // The decisions' Dutch dates as a range of `decided_at` instants, so the
    // index on it does the filtering.
    qb.push(" AND decided_at >= ").push_bind(from).push(" AND decided_at < ").push_bind(until);
    qb.push(
        " UNION ALL SELECT 'o', pupil_id, guardian_id, '', noted_on, purpose_code, created_at, created_at, id \
         FROM consent_objections WHERE board_id = ",
    )
    .push_bind(board.0.clone());
    in_pupils(&mut qb);
    if let Some(purpose) = purpose {
        qb.push(" AND (purpose_code IS NULL OR purpose_code = ").push_bind(purpose.to_owned()).push(")");
    }
    // Restrictions of processing: `purpose_code` '' restricts every purpose.
    qb.push(
        " UNION ALL SELECT 'r', pupil_id, NULL, '', NULL, purpose_code, created_at, created_at, request_id \
         FROM pupil_restrictions WHERE board_id = ",
    )
    .push_bind(board.0.clone());
    in_pupils(&mut qb);
    if let Some(purpose) = purpose {
        qb.push(" AND (purpose_code = '' OR purpose_code = ").push_bind(purpose.to_owned()).push(")");
    }
    qb.push(" ORDER BY 1, 7, 8, 9");
    let mut rows = Vec::new();
    for row in qb.build().fetch_all(&mut **conn).await? {
        let kind: String = row.try_get("kind")?;
        let pupil_id: String = row.try_get("pupil_id")?;
        let guardian_id: Option<String> = row.try_get("guardian_id")?;
        rows.push(match (kind.as_str(), guardian_id) {
            ("c", Some(guardian_id)) => {
                let value: String = row.try_get("value")?;
                let holds_custody = match value.as_str() {
                    "y" => true,
                    "n" => false,
                    other => return Err(StoreError::Corrupt(format!("holds_custody: {other}"))),
                };
                FactRow::Custodian { pupil_id, guardian_id, holds_custody }
            }
            ("d", _) => FactRow::Decision(held_decision(&row)?),
            ("o", Some(guardian_id)) => FactRow::Objection(ObjectionFact {
                pupil_id,
                guardian_id,
                purpose: row.try_get("purpose_code")?,
                noted_on: date_col(&row, "on_day")?,
            }),
            ("r", _) => {
                let purpose: String = row.try_get("purpose_code")?;
                FactRow::Restricted { pupil_id, purpose: Some(purpose).filter(|p| !p.is_empty()) }
            }
            _ => return Err(StoreError::Corrupt(format!("consent fact of kind {kind} without guardian"))),
        });
    }
    Ok(rows)
}
