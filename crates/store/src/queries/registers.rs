// The processing register; compiled for both back-ends (see `queries.rs`).

use crate::{ActivityUpdate, NewRegisterVersion, RegisterComment, RegisterVersion, StoredActivity};
use aantoonbaar_rules::register::{Activity, BoardProfile, Dpo};

fn json<T: serde::Serialize>(value: &T) -> Result<String> {
    serde_json::to_string(value).map_err(|e| StoreError::Corrupt(e.to_string()))
}

pub(crate) async fn board_profile(pool: &Pool, board: &BoardId) -> Result<Option<BoardProfile>> {
    let row = sqlx::query(
        "SELECT name, address, kvk, contact_email, dpo_name, dpo_email, dpo_phone FROM board_profiles \
         WHERE board_id = $1",
    )
    .bind(&board.0)
    .fetch_optional(pool)
    .await?;
    let Some(row) = row else { return Ok(None) };
    Ok(Some(BoardProfile {
        name: row.try_get("name")?,
        address: row.try_get("address")?,
        kvk: row.try_get("kvk")?,
        contact_email: row.try_get("contact_email")?,
        dpo: Dpo { name: row.try_get("dpo_name")?, email: row.try_get("dpo_email")?, phone: row.try_get("dpo_phone")? },
    }))
}

pub(crate) async fn set_board_profile(
    pool: &Pool,
    board: &BoardId,
    actor: &Actor,
    profile: &BoardProfile,
) -> Result<()> {
    let mut tx = begin(pool).await?;
    sqlx::query(
        "INSERT INTO board_profiles (board_id, name, address, kvk, contact_email, dpo_name, dpo_email, dpo_phone, \
         updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (board_id) DO UPDATE SET \
         name = excluded.name, address = excluded.address, kvk = excluded.kvk, \
         contact_email = excluded.contact_email, dpo_name = excluded.dpo_name, dpo_email = excluded.dpo_email, \
         dpo_phone = excluded.dpo_phone, updated_at = excluded.updated_at",
    )
    .bind(&board.0)
    .bind(&profile.name)
    .bind(&profile.address)
    .bind(&profile.kvk)
    .bind(&profile.contact_email)
    .bind(&profile.dpo.name)
    .bind(&profile.dpo.email)
    .bind(&profile.dpo.phone)
    .bind(actor.at.as_second())
    .execute(&mut *tx)
    .await?;
    let fields = ["name", "address", "kvk", "contact_email", "dpo_name", "dpo_email", "dpo_phone"];
    audit(&mut tx, board, actor, &AuditEvent::new(AuditAction::Update, "board_profile", &board.0).fields(&fields))
        .await?;
    tx.commit().await?;
    Ok(())
}

const ACTIVITY_COLUMNS: &str =
    "SELECT id, school_id, status, body, created_at, updated_at FROM processing_activities WHERE board_id = ";

fn activity_from(row: &DbRow) -> Result<StoredActivity> {
    let body: String = row.try_get("body")?;
    let mut activity: Activity =
        serde_json::from_str(&body).map_err(|e| StoreError::Corrupt(format!("processing_activities.body: {e}")))?;
    // The status column is the truth; the body's copy is what it was when written.
    activity.status = code_col(row, "status")?;
    Ok(StoredActivity {
        id: row.try_get("id")?,
        school_id: row.try_get("school_id")?,
        activity,
        created_at: instant_col(row, "created_at")?,
        updated_at: instant_col(row, "updated_at")?,
    })
}

pub(crate) async fn create_activity(
    pool: &Pool,
    board: &BoardId,
    actor: &Actor,
    school_id: Option<&str>,
    activity: &Activity,
) -> Result<StoredActivity> {
    let mut tx = begin(pool).await?;
    let created = insert_activity(&mut tx, board, actor, school_id, activity).await?;
    tx.commit().await?;
    Ok(created)
}

/// Adds every activity in one transaction (the template): all or none.
pub(crate) async fn create_activities(
    pool: &Pool,
    board: &BoardId,
    actor: &Actor,
    activities: &[Activity],
) -> Result<Vec<StoredActivity>> {
    let mut tx = begin(pool).await?;
    let mut created = Vec::with_capacity(activities.len());
    for activity in activities {
        created.push(insert_activity(&mut tx, board, actor, None, activity).await?);
    }
    tx.commit().await?;
    Ok(created)
}

async fn insert_activity(
    tx: &mut Tx,
    board: &BoardId,
    actor: &Actor,
    school_id: Option<&str>,
    activity: &Activity,
) -> Result<StoredActivity> {
    let id = new_id();
    let row = sqlx::query(
        "INSERT INTO processing_activities (board_id, id, school_id, name, status, body, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $7) RETURNING id, school_id, status, body, created_at, updated_at",
    )
    .bind(&board.0)
    .bind(&id)
    .bind(school_id)
    .bind(&activity.name)
    .bind(activity.status.code())
    .bind(json(activity)?)
    .bind(actor.at.as_second())
    .fetch_one(&mut **tx)
    .await
    .map_err(|e| classify(e, "name", "school_id"))?;
    audit(tx, board, actor, &AuditEvent::new(AuditAction::Create, "processing_activity", &id).fields(&["name"]))
        .await?;
    activity_from(&row)
}

pub(crate) async fn update_activity(
    pool: &Pool,
    board: &BoardId,
    actor: &Actor,
    id: &str,
    update: &ActivityUpdate<'_>,
) -> Result<StoredActivity> {
    let ActivityUpdate { school_id, activity, fields, reopen } = *update;
    let mut tx = begin(pool).await?;
    let row = sqlx::query(
        "UPDATE processing_activities SET school_id = $3, name = $4, status = $5, body = $6, updated_at = $7 \
         WHERE board_id = $1 AND id = $2 RETURNING id, school_id, status, body, created_at, updated_at",
    )
    .bind(&board.0)
    .bind(id)
    .bind(school_id)
    .bind(&activity.name)
    .bind(activity.status.code())
    .bind(json(activity)?)
    .bind(actor.at.as_second())
    .fetch_optional(&mut *tx)
    .await
    .map_err(|e| classify(e, "name", "school_id"))?
    .ok_or(StoreError::NotFound)?;
    audit(&mut tx, board, actor, &AuditEvent::new(AuditAction::Update, "processing_activity", id).fields(fields))
        .await?;
    if let Some(reopen) = reopen {
        super::dpias::reopen_for_activity(&mut tx, board, actor, id, reopen).await?;
    }
    tx.commit().await?;
    activity_from(&row)
}

pub(crate) async fn activities(
    pool: &Pool,
    board: &BoardId,
    scope: &Scope,
    id: Option<&str>,
) -> Result<Vec<StoredActivity>> {
    let mut qb = QueryBuilder::new(ACTIVITY_COLUMNS);
    qb.push_bind(board.0.clone());
    if let Some(id) = id {
        qb.push(" AND id = ").push_bind(id.to_owned());
    }
    // A school's staff see the board-wide activities and their school's own.
    let schools: Option<Vec<String>> = match scope {
        Scope::Board => None,
        Scope::Schools(ids) => Some(ids.clone()),
        Scope::Groups(groups) => Some(groups.iter().map(|(_, school)| school.clone()).collect()),
    };
    if let Some(schools) = schools {
        qb.push(" AND (school_id IS NULL OR school_id IN (");
        push_list(&mut qb, schools.into_iter());
        qb.push("))");
    }
    qb.push(" ORDER BY name, id");
    let rows = qb.build().fetch_all(pool).await?;
    rows.iter().map(activity_from).collect()
}

pub(crate) async fn adopt_register(
    pool: &Pool,
    board: &BoardId,
    actor: &Actor,
    version: &NewRegisterVersion,
) -> Result<i64> {
    let mut tx = begin(pool).await?;
    lock_board(&mut tx, board).await?;
    let rows = sqlx::query("SELECT id, updated_at FROM processing_activities WHERE board_id = $1")
        .bind(&board.0)
        .fetch_all(&mut *tx)
        .await?;
    let mut now = rows
        .iter()
        .map(|row| Ok((row.try_get::<String, _>("id")?, instant_col(row, "updated_at")?)))
        .collect::<Result<Vec<_>>>()?;
    let mut seen = version.seen.clone();
    now.sort();
    seen.sort();
    if now != seen {
        tx.rollback().await?;
        return Err(StoreError::WrongState);
    }
    let next: i64 =
        sqlx::query("SELECT COALESCE(MAX(version), 0) + 1 AS next FROM register_versions WHERE board_id = $1")
            .bind(&board.0)
            .fetch_one(&mut *tx)
            .await?
            .try_get("next")?;
    sqlx::query(
        "INSERT INTO register_versions (board_id, version, adopted_at, adopted_by, adopted_by_name, decision, body, \
         sha256) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(&board.0)
    .bind(next)
    .bind(actor.at.as_second())
    .bind(&actor.user_id)
    .bind(&version.adopted_by_name)
    .bind(&version.decision)
    .bind(&version.body)
    .bind(&version.sha256)
    .execute(&mut *tx)
    .await?;
    sqlx::query(
        "UPDATE processing_activities SET status = 'adopted' WHERE board_id = $1 AND status IN ('draft', 'in_review')",
    )
    .bind(&board.0)
    .execute(&mut *tx)
    .await?;
    // The snapshot's hash is the audit entry's subject, so the trail proves which register was adopted.
    let event = AuditEvent::new(AuditAction::Create, "register_version", &version.sha256).fields(&["decision"]);
    audit(&mut tx, board, actor, &event).await?;
    tx.commit().await?;
    Ok(next)
}

pub(crate) async fn register_versions(
    pool: &Pool,
    board: &BoardId,
    version: Option<Option<i64>>,
) -> Result<Vec<RegisterVersion>> {
    let body = if version.is_some() { "body" } else { "'' AS body" };
    let mut qb = QueryBuilder::new(format!(
        "SELECT version, adopted_at, adopted_by_name, decision, sha256, {body} FROM register_versions WHERE board_id = "
    ));
    qb.push_bind(board.0.clone());
    match version {
        Some(Some(number)) => {
            qb.push(" AND version = ").push_bind(number);
        }
        Some(None) => {
            qb.push(" ORDER BY version DESC LIMIT 1");
        }
        None => {
            qb.push(" ORDER BY version DESC");
        }
    }
    let rows = qb.build().fetch_all(pool).await?;
    rows.iter()
        .map(|row| {
            Ok(RegisterVersion {
                version: row.try_get("version")?,
                adopted_at: instant_col(row, "adopted_at")?,
                adopted_by_name: row.try_get("adopted_by_name")?,
                decision: row.try_get("decision")?,
                sha256: row.try_get("sha256")?,
                body: row.try_get("body")?,
            })
        })
        .collect()
}

pub(crate) async fn add_register_comment(
    pool: &Pool,
    board: &BoardId,
    actor: &Actor,
    activity_id: &str,
    author_name: &str,
    body: &str,
) -> Result<RegisterComment> {
    let id = new_id();
    let mut tx = begin(pool).await?;
    sqlx::query(
        "INSERT INTO register_comments (board_id, id, activity_id, author_id, author_name, body, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(&board.0)
    .bind(&id)
    .bind(activity_id)
    .bind(&actor.user_id)
    .bind(author_name)
    .bind(body)
    .bind(actor.at.as_second())
    .execute(&mut *tx)
    .await
    .map_err(|e| classify(e, "id", "activity_id"))?;
    audit(&mut tx, board, actor, &AuditEvent::new(AuditAction::Create, "register_comment", &id).fields(&["body"]))
        .await?;
    tx.commit().await?;
    Ok(RegisterComment {
        id,
        activity_id: activity_id.to_owned(),
        author_name: author_name.to_owned(),
        body: body.to_owned(),
        created_at: actor.at,
    })
}

pub(crate) async fn register_comments(pool: &Pool, board: &BoardId, activity_id: &str) -> Result<Vec<RegisterComment>> {
    let rows = sqlx::query(
        "SELECT id, activity_id, author_name, body, created_at FROM register_comments \
         WHERE board_id = $1 AND activity_id = $2 ORDER BY created_at, id",
    )
    .bind(&board.0)
    .bind(activity_id)
    .fetch_all(pool)
    .await?;
    rows.iter()
        .map(|row| {
            Ok(RegisterComment {
                id: row.try_get("id")?,
                activity_id: row.try_get("activity_id")?,
                author_name: row.try_get("author_name")?,
                body: row.try_get("body")?,
                created_at: instant_col(row, "created_at")?,
            })
        })
        .collect()
}
