// Pupils, and the pupils a parent's address leads to; compiled for both back-ends (see
// `queries.rs`).

use crate::{NewPupil, Pupil, PupilQuery};
use aantoonbaar_rules::Email;
use aantoonbaar_rules::organisation::{FamilySituation, LeaveDestination};

pub(crate) async fn children_of(pool: &Pool, board: &BoardId, email: &str, today: Date) -> Result<Vec<Pupil>> {
    // A pupil with this address of their own sees themself from the day they decide for themselves.
    let born_by = aantoonbaar_rules::age::sixteenth_birthday_cutoff(today);
    let mut qb = QueryBuilder::new(PUPIL_COLUMNS);
    qb.push_bind(board.0.clone());
    qb.push(
        " AND (id IN (SELECT pg.pupil_id FROM pupil_guardians pg JOIN guardians gu ON gu.board_id = pg.board_id \
         AND gu.id = pg.guardian_id WHERE pg.board_id = ",
    );
    qb.push_bind(board.0.clone()).push(" AND gu.email = ").push_bind(email.to_owned()).push(")");
    qb.push(" OR (email = ")
        .push_bind(email.to_owned())
        .push(" AND birth_date <= ")
        .push_bind(born_by.to_string())
        .push("))");
    qb.push(" AND (leave_date IS NULL OR leave_date > ")
        .push_bind(today.to_string())
        .push(") ORDER BY birth_date, given_name");
    let rows = qb.build().fetch_all(pool).await?;
    rows.iter().map(pupil_from).collect()
}

pub(super) const PUPIL_COLUMNS: &str = "SELECT id, school_id, group_id, external_number, given_name, surname_prefix, surname, \
    birth_date, enrolment_date, leave_date, leave_destination, family_situation, email FROM pupils WHERE board_id = ";

pub(super) fn pupil_from(row: &DbRow) -> Result<Pupil> {
    Ok(Pupil {
        id: row.try_get("id")?,
        school_id: row.try_get("school_id")?,
        group_id: row.try_get("group_id")?,
        external_number: row.try_get("external_number")?,
        given_name: row.try_get("given_name")?,
        surname_prefix: row.try_get("surname_prefix")?,
        surname: row.try_get("surname")?,
        birth_date: date_col(row, "birth_date")?,
        enrolment_date: date_col(row, "enrolment_date")?,
        leave_date: optional_date_col(row, "leave_date")?,
        leave_destination: optional_code_col(row, "leave_destination")?,
        family_situation: optional_code_col(row, "family_situation")?,
        email: row.try_get("email")?,
    })
}

/// The names of the fields in which `new` differs from `old`.
pub(super) fn changed_fields(old: &Pupil, new: &NewPupil) -> Vec<&'static str> {
    let mut fields = Vec::new();
    let mut check = |name, differs: bool| {
        if differs {
            fields.push(name);
        }
    };
    check("school_id", old.school_id != new.school_id);
    check("group_id", old.group_id != new.group_id);
    check("external_number", old.external_number != new.external_number.as_str());
    check("given_name", old.given_name != new.given_name.as_str());
    check("surname_prefix", old.surname_prefix.as_deref() != new.surname_prefix.as_ref().map(|p| p.as_str()));
    check("surname", old.surname != new.surname.as_str());
    check("birth_date", old.birth_date != new.birth_date);
    check("enrolment_date", old.enrolment_date != new.enrolment_date);
    check("leave_date", old.leave_date != new.leave_date);
    check("leave_destination", old.leave_destination != new.leave_destination);
    check("family_situation", old.family_situation != new.family_situation);
    check("email", old.email.as_deref() != new.email.as_ref().map(Email::as_str));
    fields
}

pub(super) async fn insert_pupil(tx: &mut Tx, board: &BoardId, actor: &Actor, pupil: &NewPupil) -> Result<String> {
    let id = new_id();
    insert_pupils(tx, board, actor, &[(id.clone(), pupil)]).await?;
    Ok(id)
}

/// Inserts pupils with the ids given, and their audit entries, in a few
/// multi-row statements.
pub(super) async fn insert_pupils(
    tx: &mut Tx,
    board: &BoardId,
    actor: &Actor,
    pupils: &[(String, &NewPupil)],
) -> Result<()> {
    // 16 values a row stays far below both back-ends' limit on bound values.
    for chunk in pupils.chunks(500) {
        let mut qb = QueryBuilder::new(
            "INSERT INTO pupils (board_id, id, school_id, group_id, external_number, given_name, surname_prefix, surname, \
             birth_date, enrolment_date, leave_date, leave_destination, family_situation, created_at, updated_at, email) ",
        );
        qb.push_values(chunk, |mut row, (id, pupil)| {
            row.push_bind(board.0.clone())
                .push_bind(id.clone())
                .push_bind(pupil.school_id.clone())
                .push_bind(pupil.group_id.clone())
                .push_bind(pupil.external_number.as_str().to_owned())
                .push_bind(pupil.given_name.as_str().to_owned())
                .push_bind(pupil.surname_prefix.as_ref().map(|p| p.as_str().to_owned()))
                .push_bind(pupil.surname.as_str().to_owned())
                .push_bind(pupil.birth_date.to_string())
                .push_bind(pupil.enrolment_date.to_string())
                .push_bind(pupil.leave_date.map(|d| d.to_string()))
                .push_bind(pupil.leave_destination.map(LeaveDestination::code))
                .push_bind(pupil.family_situation.map(FamilySituation::code))
                .push_bind(actor.at.as_second())
                .push_bind(actor.at.as_second())
                .push_bind(pupil.email.as_ref().map(|e| e.as_str().to_owned()));
        });
        qb.build().execute(&mut **tx).await.map_err(|e| classify(e, "external_number", "group_id"))?;
    }
    let events: Vec<AuditEvent> = pupils
        .iter()
        .map(|(id, _)| {
            AuditEvent::new(AuditAction::Create, "pupil", id).fields(&[
                "school_id",
                "group_id",
                "external_number",
                "given_name",
                "surname_prefix",
                "surname",
                "birth_date",
                "enrolment_date",
                "leave_date",
                "leave_destination",
                "family_situation",
                "email",
            ])
        })
        .collect();
    let entries: Vec<(&Actor, &AuditEvent)> = events.iter().map(|event| (actor, event)).collect();
    audit_many(tx, board, &entries).await
}

pub(super) async fn write_pupil(
    tx: &mut Tx,
    board: &BoardId,
    actor: &Actor,
    id: &str,
    pupil: &NewPupil,
    fields: Vec<&'static str>,
) -> Result<()> {
    sqlx::query(
        "UPDATE pupils SET school_id = $3, group_id = $4, external_number = $5, given_name = $6, surname_prefix = $7, \
         surname = $8, birth_date = $9, enrolment_date = $10, leave_date = $11, leave_destination = $12, \
         family_situation = $13, updated_at = $14, email = $15 WHERE board_id = $1 AND id = $2",
    )
    .bind(&board.0)
    .bind(id)
    .bind(&pupil.school_id)
    .bind(&pupil.group_id)
    .bind(pupil.external_number.as_str())
    .bind(pupil.given_name.as_str())
    .bind(pupil.surname_prefix.as_ref().map(|p| p.as_str().to_owned()))
    .bind(pupil.surname.as_str())
    .bind(pupil.birth_date.to_string())
    .bind(pupil.enrolment_date.to_string())
    .bind(pupil.leave_date.map(|d| d.to_string()))
    .bind(pupil.leave_destination.map(LeaveDestination::code))
    .bind(pupil.family_situation.map(FamilySituation::code))
    .bind(actor.at.as_second())
    .bind(pupil.email.as_ref().map(Email::as_str))
    .execute(&mut **tx)
    .await
    .map_err(|e| classify(e, "external_number", "group_id"))?;
    let mut event = AuditEvent::new(AuditAction::Update, "pupil", id);
    event.fields = fields;
    audit(tx, board, actor, &event).await
}

pub(crate) async fn create_pupil(pool: &Pool, board: &BoardId, actor: &Actor, pupil: &NewPupil) -> Result<Pupil> {
    let mut tx = begin(pool).await?;
    let id = insert_pupil(&mut tx, board, actor, pupil).await?;
    tx.commit().await?;
    pupil_by_id(pool, board, &id).await
}

async fn pupil_by_id(pool: &Pool, board: &BoardId, id: &str) -> Result<Pupil> {
    pupil(pool, board, &Scope::Board, id).await?.ok_or(StoreError::NotFound)
}

pub(crate) async fn update_pupil(
    pool: &Pool,
    board: &BoardId,
    actor: &Actor,
    id: &str,
    pupil: &NewPupil,
) -> Result<Pupil> {
    let mut tx = begin(pool).await?;
    lock_board(&mut tx, board).await?;
    let mut qb = QueryBuilder::new(PUPIL_COLUMNS);
    qb.push_bind(board.0.clone()).push(" AND id = ").push_bind(id.to_owned());
    let old =
        qb.build().fetch_optional(&mut *tx).await?.as_ref().map(pupil_from).transpose()?.ok_or(StoreError::NotFound)?;
    let fields = changed_fields(&old, pupil);
    if fields.is_empty() {
        return Ok(old);
    }
    write_pupil(&mut tx, board, actor, id, pupil, fields).await?;
    tx.commit().await?;
    pupil_by_id(pool, board, id).await
}

/// `(…)`: the pupil (columns prefixed with `prefix`, e.g. `p.`) whose full name
/// ("Sanne van der Berg", so also "van der Berg") or pupil number contains `text`.
pub(super) fn push_pupil_text(qb: &mut QueryBuilder<Db>, prefix: &str, text: &str) {
    let pattern = format!("%{}%", text.trim().to_lowercase().replace(['%', '_'], ""));
    qb.push(format_args!(
        "(lower({prefix}given_name || ' ' || COALESCE(NULLIF({prefix}surname_prefix, '') || ' ', '') || {prefix}surname) \
         LIKE "
    ));
    qb.push_bind(pattern.clone());
    qb.push(format_args!(" OR lower({prefix}external_number) LIKE ")).push_bind(pattern).push(")");
}

pub(crate) async fn pupils(
    pool: &Pool,
    board: &BoardId,
    scope: &Scope,
    query: &PupilQuery,
) -> Result<(Vec<Pupil>, i64)> {
    let filter = |qb: &mut QueryBuilder<Db>| {
        qb.push_bind(board.0.clone());
        push_scope(qb, scope, "school_id", Some("group_id"));
        if let Some(school_id) = &query.school_id {
            qb.push(" AND school_id = ").push_bind(school_id.clone());
        }
        if let Some(group_id) = &query.group_id {
            qb.push(" AND group_id = ").push_bind(group_id.clone());
        }
        if let Some(text) = query.text.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
            qb.push(" AND ");
            push_pupil_text(qb, "", text);
        }
        if !query.include_left {
            qb.push(" AND (leave_date IS NULL");
            if let Some(today) = query.today {
                qb.push(" OR leave_date > ").push_bind(today.to_string());
            }
            qb.push(")");
        }
    };
    let mut count = QueryBuilder::new("SELECT COUNT(*) FROM pupils WHERE board_id = ");
    filter(&mut count);
    let total: i64 = count.build_query_scalar().fetch_one(pool).await?;
    let mut qb = QueryBuilder::new(PUPIL_COLUMNS);
    filter(&mut qb);
    qb.push(" ORDER BY surname, given_name, id LIMIT ").push_bind(query.limit.clamp(1, 1000));
    qb.push(" OFFSET ").push_bind(query.offset.max(0));
    let rows = qb.build().fetch_all(pool).await?;
    Ok((rows.iter().map(pupil_from).collect::<Result<_>>()?, total))
}

pub(crate) async fn pupil(pool: &Pool, board: &BoardId, scope: &Scope, id: &str) -> Result<Option<Pupil>> {
    let mut qb = QueryBuilder::new(PUPIL_COLUMNS);
    qb.push_bind(board.0.clone()).push(" AND id = ").push_bind(id.to_owned());
    push_scope(&mut qb, scope, "school_id", Some("group_id"));
    let row = qb.build().fetch_optional(pool).await?;
    row.as_ref().map(pupil_from).transpose()
}
