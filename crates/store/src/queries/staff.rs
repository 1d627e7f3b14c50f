// The SQL of the staff list and of joiners, movers and leavers, compiled for both back-ends (see `queries.rs`).

use super::outbox::queue_in;
use crate::outbox::NewMail;
use crate::staff::{
    AccessChange, ChangeFilter, ChangeStep, DisabledAccount, LateLeaver, LeaveSync, Leaver, NewChange, StaffData,
    StaffImportRow, StaffMember,
};
use aantoonbaar_rules::Role;
use aantoonbaar_rules::access::{ChangeKind, ChangeStatus};

/// Every field of a person, as the audit entry of a new one names them.
const STAFF_FIELDS: &[&str] =
    &["given_name", "surname", "email", "school_id", "roles", "employment_start", "employment_end"];

fn roles_text(roles: &[Role]) -> String {
    serde_json::to_string(roles).unwrap_or_else(|_| "[]".to_owned())
}

fn roles_from(column: &str, text: &str) -> Result<Vec<Role>> {
    serde_json::from_str(text).map_err(|_| StoreError::Corrupt(format!("{column}: {text}")))
}

fn optional_roles(row: &DbRow, column: &str) -> Result<Option<Vec<Role>>> {
    let text: Option<String> = row.try_get(column)?;
    text.map(|t| roles_from(column, &t)).transpose()
}

fn member_from(row: &DbRow) -> Result<StaffMember> {
    let roles: String = required(row, "roles")?;
    Ok(StaffMember {
        id: required(row, "id")?,
        data: StaffData {
            given_name: required(row, "given_name")?,
            surname: required(row, "surname")?,
            email: required(row, "email")?,
            school_id: row.try_get("school_id")?,
            roles: roles_from("roles", &roles)?,
            employment_start: date_col(row, "employment_start")?,
            employment_end: optional_date_col(row, "employment_end")?,
        },
        created_at: instant_col(row, "created_at")?,
        updated_at: instant_col(row, "updated_at")?,
    })
}

async fn read_members<'e, E>(executor: E, board: &BoardId, scope: &Scope, id: Option<&str>) -> Result<Vec<StaffMember>>
where
    E: sqlx::Executor<'e, Database = Db>,
{
    let mut qb = QueryBuilder::new(
        "SELECT id, given_name, surname, email, school_id, roles, employment_start, employment_end, created_at, \
         updated_at FROM staff_members WHERE board_id = ",
    );
    qb.push_bind(board.0.clone());
    if let Some(id) = id {
        qb.push(" AND id = ").push_bind(id.to_owned());
    }
    push_scope(&mut qb, scope, "school_id", None);
    qb.push(" ORDER BY surname, given_name, id");
    let rows = qb.build().fetch_all(executor).await?;
    rows.iter().map(member_from).collect()
}

pub(crate) async fn members(pool: &Pool, board: &BoardId, scope: &Scope, id: Option<&str>) -> Result<Vec<StaffMember>> {
    read_members(pool, board, scope, id).await
}

async fn insert_member(tx: &mut Tx, board: &BoardId, actor: &Actor, data: &StaffData) -> Result<String> {
    let id = new_id();
    sqlx::query(
        "INSERT INTO staff_members (board_id, id, given_name, surname, email, school_id, roles, employment_start, \
         employment_end, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10)",
    )
    .bind(&board.0)
    .bind(&id)
    .bind(&data.given_name)
    .bind(&data.surname)
    .bind(&data.email)
    .bind(&data.school_id)
    .bind(roles_text(&data.roles))
    .bind(data.employment_start.to_string())
    .bind(data.employment_end.map(|d| d.to_string()))
    .bind(actor.at.as_second())
    .execute(&mut **tx)
    .await
    .map_err(|e| classify(e, "email", "school_id"))?;
    Ok(id)
}

async fn update_member(tx: &mut Tx, board: &BoardId, actor: &Actor, id: &str, data: &StaffData) -> Result<()> {
    let done = sqlx::query(
        "UPDATE staff_members SET given_name = $3, surname = $4, email = $5, school_id = $6, roles = $7, \
         employment_start = $8, employment_end = $9, updated_at = $10 WHERE board_id = $1 AND id = $2",
    )
    .bind(&board.0)
    .bind(id)
    .bind(&data.given_name)
    .bind(&data.surname)
    .bind(&data.email)
    .bind(&data.school_id)
    .bind(roles_text(&data.roles))
    .bind(data.employment_start.to_string())
    .bind(data.employment_end.map(|d| d.to_string()))
    .bind(actor.at.as_second())
    .execute(&mut **tx)
    .await
    .map_err(|e| classify(e, "email", "school_id"))?;
    if done.rows_affected() == 0 { Err(StoreError::NotFound) } else { Ok(()) }
}

/// Gives the person's open leave change the end date of `leave`, creates
/// one (listing every system the person has an account in) or cancels it.
async fn sync_leave(tx: &mut Tx, board: &BoardId, actor: &Actor, staff_id: &str, leave: &LeaveSync) -> Result<()> {
    let open: Option<String> = sqlx::query_scalar(
        "SELECT id FROM access_changes WHERE board_id = $1 AND staff_id = $2 AND kind = 'leave' \
         AND status IN ('requested','approved')",
    )
    .bind(&board.0)
    .bind(staff_id)
    .fetch_optional(&mut **tx)
    .await?;
    match (open, leave.leaving) {
        (Some(id), Some((ended, remove_by))) => {
            let moved = sqlx::query(
                "UPDATE access_changes SET effective_on = $3, due_on = $4 WHERE board_id = $1 AND id = $2 \
                 AND (effective_on <> $3 OR due_on <> $4)",
            )
            .bind(&board.0)
            .bind(&id)
            .bind(ended.to_string())
            .bind(remove_by.to_string())
            .execute(&mut **tx)
            .await?;
            if moved.rows_affected() > 0 {
                let event =
                    AuditEvent::new(AuditAction::Update, "access_change", &id).fields(&["effective_on", "due_on"]);
                audit(tx, board, actor, &event).await?;
            }
        }
        (Some(id), None) => {
            sqlx::query("UPDATE access_changes SET status = 'cancelled' WHERE board_id = $1 AND id = $2")
                .bind(&board.0)
                .bind(&id)
                .execute(&mut **tx)
                .await?;
            let event = AuditEvent::new(AuditAction::Update, "access_change", &id).fields(&["status"]);
            audit(tx, board, actor, &event).await?;
        }
        (None, Some((ended, remove_by))) => {
            let done: Option<String> = sqlx::query_scalar(
                "SELECT id FROM access_changes WHERE board_id = $1 AND staff_id = $2 AND kind = 'leave' \
                 AND status = 'done' AND effective_on = $3",
            )
            .bind(&board.0)
            .bind(staff_id)
            .bind(ended.to_string())
            .fetch_optional(&mut **tx)
            .await?;
            if done.is_none() {
                let change = NewChange {
                    staff_id: staff_id.to_owned(),
                    kind: ChangeKind::Leave,
                    effective_on: ended,
                    due_on: remove_by,
                    to_school_id: None,
                    roles_after: None,
                    note: None,
                    systems: Vec::new(),
                    approved: true,
                    mails: leave.mails.clone(),
                };
                insert_change(tx, board, actor, &change, true).await?;
            }
        }
        (None, None) => {}
    }
    Ok(())
}

pub(crate) async fn create(
    pool: &Pool,
    board: &BoardId,
    actor: &Actor,
    data: &StaffData,
    leave: &LeaveSync,
) -> Result<StaffMember> {
    let mut tx = begin(pool).await?;
    let id = insert_member(&mut tx, board, actor, data).await?;
    let event = AuditEvent::new(AuditAction::Create, "staff_member", &id).fields(STAFF_FIELDS);
    audit(&mut tx, board, actor, &event).await?;
    sync_leave(&mut tx, board, actor, &id, leave).await?;
    let stored = read_members(&mut *tx, board, &Scope::Board, Some(&id)).await?.pop().ok_or(StoreError::NotFound)?;
    tx.commit().await?;
    Ok(stored)
}

pub(crate) async fn update(
    pool: &Pool,
    board: &BoardId,
    actor: &Actor,
    id: &str,
    data: &StaffData,
    fields: &[&'static str],
    leave: &LeaveSync,
) -> Result<StaffMember> {
    let mut tx = begin(pool).await?;
    update_member(&mut tx, board, actor, id, data).await?;
    if !fields.is_empty() {
        let event = AuditEvent::new(AuditAction::Update, "staff_member", id).fields(fields);
        audit(&mut tx, board, actor, &event).await?;
    }
    sync_leave(&mut tx, board, actor, id, leave).await?;
    let stored = read_members(&mut *tx, board, &Scope::Board, Some(id)).await?.pop().ok_or(StoreError::NotFound)?;
    tx.commit().await?;
    Ok(stored)
}

pub(crate) async fn import(pool: &Pool, board: &BoardId, actor: &Actor, rows: &[StaffImportRow]) -> Result<()> {
    let mut tx = begin(pool).await?;
    for row in rows {
        let id = match &row.existing {
            Some(id) => {
                update_member(&mut tx, board, actor, id, &row.data).await?;
                id.clone()
            }
            None => insert_member(&mut tx, board, actor, &row.data).await?,
        };
        if row.existing.is_none() || !row.fields.is_empty() {
            let action = if row.existing.is_some() { AuditAction::Update } else { AuditAction::Create };
            let fields = if row.existing.is_some() { row.fields.as_slice() } else { STAFF_FIELDS };
            let event = AuditEvent::new(action, "staff_member", &id).fields(fields);
            audit(&mut tx, board, actor, &event).await?;
        }
        sync_leave(&mut tx, board, actor, &id, &row.leave).await?;
    }
    let event = AuditEvent::new(AuditAction::Import, "staff_list", &board.0);
    audit(&mut tx, board, actor, &event).await?;
    tx.commit().await?;
    Ok(())
}

// ---------------------------------------------------------------- changes

async fn insert_change(
    tx: &mut Tx,
    board: &BoardId,
    actor: &Actor,
    change: &NewChange,
    automatic: bool,
) -> Result<String> {
    let id = new_id();
    let before = sqlx::query("SELECT school_id, roles FROM staff_members WHERE board_id = $1 AND id = $2")
        .bind(&board.0)
        .bind(&change.staff_id)
        .fetch_optional(&mut **tx)
        .await?
        .ok_or(StoreError::BadReference { field: "staff_id" })?;
    let from_school: Option<String> = before.try_get("school_id")?;
    let roles_before: String = required(&before, "roles")?;
    let status = if change.approved { ChangeStatus::Approved } else { ChangeStatus::Requested };
    sqlx::query(
        "INSERT INTO access_changes (board_id, id, staff_id, kind, effective_on, due_on, from_school_id, to_school_id, \
         roles_before, roles_after, note, automatic, requested_by, requested_by_label, requested_at, status, \
         approved_by_label, approved_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, \
         $16, $17, $18)",
    )
    .bind(&board.0)
    .bind(&id)
    .bind(&change.staff_id)
    .bind(change.kind.code())
    .bind(change.effective_on.to_string())
    .bind(change.due_on.to_string())
    .bind(&from_school)
    .bind(&change.to_school_id)
    .bind(roles_before)
    .bind(change.roles_after.as_deref().map(roles_text))
    .bind(&change.note)
    .bind(automatic)
    .bind(&actor.user_id)
    .bind(&actor.label)
    .bind(actor.at.as_second())
    .bind(status.code())
    .bind(change.approved.then_some(&actor.label))
    .bind(change.approved.then_some(actor.at.as_second()))
    .execute(&mut **tx)
    .await
    .map_err(|e| classify(e, "id", "to_school_id"))?;
    // The systems the person has accounts in, and those the request names.
    sqlx::query(
        "INSERT INTO access_change_steps (board_id, change_id, system_id) SELECT DISTINCT board_id, $2, system_id \
         FROM system_accounts WHERE board_id = $1 AND staff_id = $3",
    )
    .bind(&board.0)
    .bind(&id)
    .bind(&change.staff_id)
    .execute(&mut **tx)
    .await?;
    for system in &change.systems {
        sqlx::query(
            "INSERT INTO access_change_steps (board_id, change_id, system_id) VALUES ($1, $2, $3) \
             ON CONFLICT DO NOTHING",
        )
        .bind(&board.0)
        .bind(&id)
        .bind(system)
        .execute(&mut **tx)
        .await
        .map_err(|e| classify(e, "systems", "systems"))?;
    }
    let event = AuditEvent::new(AuditAction::Create, "access_change", &id).fields(&[
        "staff_id",
        "kind",
        "effective_on",
        "due_on",
        "to_school_id",
        "roles_after",
        "note",
        "systems",
        "status",
    ]);
    audit(tx, board, actor, &event).await?;
    queue_in(tx, board, &change.mails, actor.at).await?;
    Ok(id)
}

fn step_from(row: &DbRow) -> Result<ChangeStep> {
    Ok(ChangeStep {
        system_id: required(row, "system_id")?,
        system_name: required(row, "system_name")?,
        done_at: optional_instant_col(row, "done_at")?,
        done_on: optional_date_col(row, "done_on")?,
        done_by: row.try_get("done_by_label")?,
        evidence: row.try_get("evidence")?,
    })
}

fn change_from(row: &DbRow) -> Result<AccessChange> {
    let given: String = required(row, "given_name")?;
    let surname: String = required(row, "surname")?;
    Ok(AccessChange {
        id: required(row, "id")?,
        staff_id: required(row, "staff_id")?,
        staff_name: format!("{given} {surname}"),
        school_id: row.try_get("school_id")?,
        kind: code_col(row, "kind")?,
        effective_on: date_col(row, "effective_on")?,
        due_on: date_col(row, "due_on")?,
        from_school_id: row.try_get("from_school_id")?,
        to_school_id: row.try_get("to_school_id")?,
        roles_before: optional_roles(row, "roles_before")?,
        roles_after: optional_roles(row, "roles_after")?,
        note: row.try_get("note")?,
        automatic: required(row, "automatic")?,
        requested_by: required(row, "requested_by_label")?,
        requested_by_id: row.try_get("requested_by")?,
        requested_at: instant_col(row, "requested_at")?,
        status: code_col(row, "status")?,
        approved_by: row.try_get("approved_by_label")?,
        approved_at: optional_instant_col(row, "approved_at")?,
        done_on: optional_date_col(row, "done_on")?,
        own_account_disabled_at: optional_instant_col(row, "own_account_disabled_at")?,
        steps: Vec::new(),
    })
}

async fn read_changes(
    conn: &mut <Db as sqlx::Database>::Connection,
    board: &BoardId,
    filter: ChangeFilter<'_>,
) -> Result<Vec<AccessChange>> {
    let mut qb = QueryBuilder::new(
        "SELECT c.id, c.staff_id, m.given_name, m.surname, m.school_id, c.kind, c.effective_on, c.due_on, \
         c.from_school_id, c.to_school_id, c.roles_before, c.roles_after, c.note, c.automatic, c.requested_by, \
         c.requested_by_label, c.requested_at, c.status, c.approved_by_label, c.approved_at, c.done_on, \
         c.own_account_disabled_at FROM access_changes c JOIN staff_members m ON m.board_id = c.board_id \
         AND m.id = c.staff_id WHERE c.board_id = ",
    );
    qb.push_bind(board.0.clone());
    if let Some(id) = filter.id {
        qb.push(" AND c.id = ").push_bind(id.to_owned());
    }
    if let Some(staff_id) = filter.staff_id {
        qb.push(" AND c.staff_id = ").push_bind(staff_id.to_owned());
    }
    if let Some(kind) = filter.kind {
        qb.push(" AND c.kind = ").push_bind(kind.code());
    }
    if filter.open {
        qb.push(" AND c.status IN ('requested','approved')");
    }
    qb.push(" ORDER BY c.due_on DESC, c.requested_at DESC, c.id");
    let rows = qb.build().fetch_all(&mut *conn).await?;
    let mut changes: Vec<AccessChange> = rows.iter().map(change_from).collect::<Result<_>>()?;
    if changes.is_empty() {
        return Ok(changes);
    }
    let mut qb = QueryBuilder::new(
        "SELECT s.change_id, s.system_id, i.name AS system_name, s.done_at, s.done_on, s.done_by_label, s.evidence \
         FROM access_change_steps s JOIN information_systems i ON i.board_id = s.board_id AND i.id = s.system_id \
         WHERE s.board_id = ",
    );
    qb.push_bind(board.0.clone()).push(" AND s.change_id IN (");
    push_list(&mut qb, changes.iter().map(|c| c.id.clone()));
    qb.push(") ORDER BY i.name, s.system_id");
    for row in qb.build().fetch_all(&mut *conn).await? {
        let change_id: String = required(&row, "change_id")?;
        if let Some(change) = changes.iter_mut().find(|c| c.id == change_id) {
            change.steps.push(step_from(&row)?);
        }
    }
    Ok(changes)
}

pub(crate) async fn changes(pool: &Pool, board: &BoardId, filter: ChangeFilter<'_>) -> Result<Vec<AccessChange>> {
    let mut conn = pool.acquire().await?;
    read_changes(&mut conn, board, filter).await
}

async fn one_change(tx: &mut Tx, board: &BoardId, id: &str) -> Result<AccessChange> {
    read_changes(tx, board, ChangeFilter { id: Some(id), ..ChangeFilter::default() })
        .await?
        .pop()
        .ok_or(StoreError::NotFound)
}

pub(crate) async fn request(pool: &Pool, board: &BoardId, actor: &Actor, change: &NewChange) -> Result<AccessChange> {
    let mut tx = begin(pool).await?;
    let id = insert_change(&mut tx, board, actor, change, false).await?;
    let stored = one_change(&mut tx, board, &id).await?;
    tx.commit().await?;
    Ok(stored)
}

pub(crate) async fn approve(
    pool: &Pool,
    board: &BoardId,
    actor: &Actor,
    id: &str,
    mails: &[NewMail],
) -> Result<AccessChange> {
    let tx = begin(pool).await?;
    let update = sqlx::query(
        "UPDATE access_changes SET status = 'approved', approved_by_label = $3, approved_at = $4 \
         WHERE board_id = $1 AND id = $2 AND status = 'requested'",
    )
    .bind(&board.0)
    .bind(id)
    .bind(&actor.label)
    .bind(actor.at.as_second());
    let mut tx = guarded(tx, "access_changes", board, id, update).await?;
    let event = AuditEvent::new(AuditAction::Update, "access_change", id).fields(&["status"]);
    audit(&mut tx, board, actor, &event).await?;
    queue_in(&mut tx, board, mails, actor.at).await?;
    let stored = one_change(&mut tx, board, id).await?;
    tx.commit().await?;
    Ok(stored)
}

pub(crate) async fn record_step(
    pool: &Pool,
    board: &BoardId,
    actor: &Actor,
    id: &str,
    system_id: &str,
    evidence: &str,
    today: Date,
) -> Result<AccessChange> {
    let mut tx = begin(pool).await?;
    let change = one_change(&mut tx, board, id).await?;
    if change.status != ChangeStatus::Approved {
        tx.rollback().await?;
        return Err(StoreError::WrongState);
    }
    sqlx::query(
        "INSERT INTO access_change_steps (board_id, change_id, system_id, done_at, done_on, done_by_label, evidence) \
         VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (board_id, change_id, system_id) DO UPDATE SET \
         done_at = excluded.done_at, done_on = excluded.done_on, done_by_label = excluded.done_by_label, \
         evidence = excluded.evidence",
    )
    .bind(&board.0)
    .bind(id)
    .bind(system_id)
    .bind(actor.at.as_second())
    .bind(today.to_string())
    .bind(&actor.label)
    .bind(evidence)
    .execute(&mut *tx)
    .await
    .map_err(|e| classify(e, "system_id", "system_id"))?;
    let open: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM access_change_steps WHERE board_id = $1 AND change_id = $2 AND done_at IS NULL",
    )
    .bind(&board.0)
    .bind(id)
    .fetch_one(&mut *tx)
    .await?;
    let mut fields = vec!["steps"];
    if open == 0 {
        sqlx::query("UPDATE access_changes SET status = 'done', done_on = $3 WHERE board_id = $1 AND id = $2")
            .bind(&board.0)
            .bind(id)
            .bind(today.to_string())
            .execute(&mut *tx)
            .await?;
        fields.push("status");
    }
    let event = AuditEvent::new(AuditAction::Update, "access_change", id).fields(&fields);
    audit(&mut tx, board, actor, &event).await?;
    let stored = one_change(&mut tx, board, id).await?;
    tx.commit().await?;
    Ok(stored)
}

pub(crate) async fn cancel(pool: &Pool, board: &BoardId, actor: &Actor, id: &str) -> Result<AccessChange> {
    let tx = begin(pool).await?;
    let update = sqlx::query(
        "UPDATE access_changes SET status = 'cancelled' WHERE board_id = $1 AND id = $2 \
         AND status IN ('requested','approved')",
    )
    .bind(&board.0)
    .bind(id);
    let mut tx = guarded(tx, "access_changes", board, id, update).await?;
    let event = AuditEvent::new(AuditAction::Update, "access_change", id).fields(&["status"]);
    audit(&mut tx, board, actor, &event).await?;
    let stored = one_change(&mut tx, board, id).await?;
    tx.commit().await?;
    Ok(stored)
}

pub(crate) async fn leavers(pool: &Pool, board: &BoardId, scope: &Scope) -> Result<Vec<Leaver>> {
    let mut qb = QueryBuilder::new(
        "SELECT m.id, m.given_name, m.surname, m.email, m.school_id, m.employment_end, c.id AS change_id, \
         c.done_on, c.own_account_disabled_at FROM staff_members m LEFT JOIN access_changes c \
         ON c.board_id = m.board_id AND c.staff_id = m.id AND c.kind = 'leave' AND c.status <> 'cancelled' \
         AND c.effective_on = m.employment_end WHERE m.employment_end IS NOT NULL AND m.board_id = ",
    );
    qb.push_bind(board.0.clone());
    push_scope(&mut qb, scope, "m.school_id", None);
    qb.push(" ORDER BY m.employment_end DESC, m.surname, m.id");
    let rows = qb.build().fetch_all(pool).await?;
    let mut leavers: Vec<Leaver> = Vec::with_capacity(rows.len());
    for row in &rows {
        let staff_id: String = required(row, "id")?;
        // A person's latest leave change only (a done and an open one share no end date).
        if leavers.last().is_some_and(|l| l.staff_id == staff_id) {
            continue;
        }
        let given: String = required(row, "given_name")?;
        let surname: String = required(row, "surname")?;
        leavers.push(Leaver {
            staff_id,
            name: format!("{given} {surname}"),
            email: required(row, "email")?,
            school_id: row.try_get("school_id")?,
            ended: date_col(row, "employment_end")?,
            change_id: row.try_get("change_id")?,
            removed_on: optional_date_col(row, "done_on")?,
            own_account_disabled_at: optional_instant_col(row, "own_account_disabled_at")?,
        });
    }
    Ok(leavers)
}

pub(crate) async fn disable_leaver_accounts(
    pool: &Pool,
    board: &BoardId,
    actor: &Actor,
    today: Date,
) -> Result<Vec<DisabledAccount>> {
    let mut tx = begin(pool).await?;
    let rows = sqlx::query(
        "SELECT u.id AS user_id, u.email, m.id AS staff_id FROM users u JOIN staff_members m \
         ON m.board_id = u.board_id AND m.email = LOWER(u.email) WHERE u.board_id = $1 AND u.disabled_at IS NULL \
         AND m.employment_end IS NOT NULL AND m.employment_end < $2",
    )
    .bind(&board.0)
    .bind(today.to_string())
    .fetch_all(&mut *tx)
    .await?;
    let mut disabled = Vec::with_capacity(rows.len());
    for row in &rows {
        let account = DisabledAccount {
            user_id: required(row, "user_id")?,
            email: required(row, "email")?,
            staff_id: required(row, "staff_id")?,
        };
        sqlx::query("UPDATE users SET disabled_at = $3 WHERE board_id = $1 AND id = $2")
            .bind(&board.0)
            .bind(&account.user_id)
            .bind(actor.at.as_second())
            .execute(&mut *tx)
            .await?;
        sqlx::query("DELETE FROM sessions WHERE board_id = $1 AND user_id = $2")
            .bind(&board.0)
            .bind(&account.user_id)
            .execute(&mut *tx)
            .await?;
        sqlx::query(
            "UPDATE api_tokens SET revoked_at = $3 WHERE board_id = $1 AND user_id = $2 AND revoked_at IS NULL",
        )
        .bind(&board.0)
        .bind(&account.user_id)
        .bind(actor.at.as_second())
        .execute(&mut *tx)
        .await?;
        sqlx::query(
            "UPDATE access_changes SET own_account_disabled_at = $3 WHERE board_id = $1 AND staff_id = $2 \
             AND kind = 'leave' AND status <> 'cancelled' AND own_account_disabled_at IS NULL",
        )
        .bind(&board.0)
        .bind(&account.staff_id)
        .bind(actor.at.as_second())
        .execute(&mut *tx)
        .await?;
        let event = AuditEvent::new(AuditAction::Update, "user", &account.user_id).fields(&["disabled_at"]);
        audit(&mut tx, board, actor, &event).await?;
        disabled.push(account);
    }
    tx.commit().await?;
    Ok(disabled)
}

pub(crate) async fn boards_with_leaver_accounts(pool: &Pool, today: Date) -> Result<Vec<BoardId>> {
    let ids: Vec<String> = sqlx::query_scalar(
        "SELECT DISTINCT u.board_id FROM users u JOIN staff_members m ON m.board_id = u.board_id \
         AND m.email = LOWER(u.email) WHERE u.disabled_at IS NULL AND m.employment_end IS NOT NULL \
         AND m.employment_end < $1 ORDER BY u.board_id",
    )
    .bind(today.to_string())
    .fetch_all(pool)
    .await?;
    Ok(ids.into_iter().map(BoardId).collect())
}

pub(crate) async fn late_leavers(pool: &Pool, today: Date) -> Result<Vec<LateLeaver>> {
    let rows = sqlx::query(
        "SELECT c.board_id, c.id, m.given_name, m.surname, m.school_id, c.due_on FROM access_changes c \
         JOIN staff_members m ON m.board_id = c.board_id AND m.id = c.staff_id WHERE c.kind = 'leave' \
         AND c.status = 'approved' AND c.due_on < $1 AND c.late_warned_at IS NULL ORDER BY c.board_id, c.due_on",
    )
    .bind(today.to_string())
    .fetch_all(pool)
    .await?;
    rows.iter()
        .map(|row| {
            let given: String = required(row, "given_name")?;
            let surname: String = required(row, "surname")?;
            Ok(LateLeaver {
                board_id: BoardId(required(row, "board_id")?),
                change_id: required(row, "id")?,
                staff_name: format!("{given} {surname}"),
                school_id: row.try_get("school_id")?,
                remove_by: date_col(row, "due_on")?,
            })
        })
        .collect()
}

pub(crate) async fn tell_late(
    pool: &Pool,
    board: &BoardId,
    change_id: &str,
    mails: &[NewMail],
    at: Timestamp,
) -> Result<bool> {
    let marker = sqlx::query(
        "UPDATE access_changes SET late_warned_at = $3 WHERE board_id = $1 AND id = $2 AND late_warned_at IS NULL",
    )
    .bind(&board.0)
    .bind(change_id)
    .bind(at.as_second());
    super::outbox::once(pool, board, marker, mails, at).await
}
