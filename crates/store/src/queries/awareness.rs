// The SQL of awareness, compiled for both back-ends (see `queries.rs`).

use crate::awareness::{Activity, ActivityData, LastAttended};
use aantoonbaar_rules::Role;

const ACTIVITY_FIELDS: &[&str] = &["kind", "title", "held_on", "audience", "school_id", "roles", "material"];

fn roles_json(roles: &[Role]) -> String {
    serde_json::to_string(&roles.iter().map(|r| r.code()).collect::<Vec<_>>()).unwrap_or_else(|_| "[]".to_owned())
}

fn roles_col(row: &DbRow) -> Result<Vec<Role>> {
    let text: String = required(row, "roles")?;
    let codes: Vec<String> = serde_json::from_str(&text).map_err(|_| StoreError::Corrupt(format!("roles: {text}")))?;
    codes.iter().map(|c| Role::stored("roles", c)).collect()
}

fn activity_from(row: &DbRow) -> Result<Activity> {
    Ok(Activity {
        id: row.try_get("id")?,
        data: ActivityData {
            kind: code_col(row, "kind")?,
            title: row.try_get("title")?,
            held_on: date_col(row, "held_on")?,
            audience: code_col(row, "audience")?,
            school_id: row.try_get("school_id")?,
            roles: roles_col(row)?,
            material: row.try_get("material")?,
        },
        attendees: Vec::new(),
        created_at: instant_col(row, "created_at")?,
        updated_at: instant_col(row, "updated_at")?,
    })
}

async fn read_activities<'e, E>(executor: E, board: &BoardId, id: Option<&str>) -> Result<Vec<Activity>>
where
    E: sqlx::Executor<'e, Database = Db> + Copy,
{
    let rows = sqlx::query(
        "SELECT id, kind, title, held_on, audience, school_id, roles, material, created_at, updated_at \
         FROM awareness_activities WHERE board_id = $1 AND ($2 IS NULL OR id = $2) ORDER BY held_on DESC, title, id",
    )
    .bind(&board.0)
    .bind(id)
    .fetch_all(executor)
    .await?;
    let mut activities: Vec<Activity> = rows.iter().map(activity_from).collect::<Result<_>>()?;
    let attendance = sqlx::query(
        "SELECT activity_id, staff_id FROM awareness_attendance WHERE board_id = $1 AND ($2 IS NULL OR activity_id = $2) \
         ORDER BY staff_id",
    )
    .bind(&board.0)
    .bind(id)
    .fetch_all(executor)
    .await?;
    let mut by_activity: HashMap<String, Vec<String>> = HashMap::new();
    for row in &attendance {
        by_activity.entry(row.try_get("activity_id")?).or_default().push(row.try_get("staff_id")?);
    }
    for activity in &mut activities {
        activity.attendees = by_activity.remove(&activity.id).unwrap_or_default();
    }
    Ok(activities)
}

pub(crate) async fn activities(pool: &Pool, board: &BoardId, id: Option<&str>) -> Result<Vec<Activity>> {
    read_activities(pool, board, id).await
}

pub(crate) async fn create(pool: &Pool, board: &BoardId, actor: &Actor, d: &ActivityData) -> Result<Activity> {
    let mut tx = begin(pool).await?;
    let id = new_id();
    sqlx::query(
        "INSERT INTO awareness_activities (board_id, id, kind, title, held_on, audience, school_id, roles, material, \
         created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10)",
    )
    .bind(&board.0)
    .bind(&id)
    .bind(d.kind.code())
    .bind(&d.title)
    .bind(d.held_on.to_string())
    .bind(d.audience.code())
    .bind(&d.school_id)
    .bind(roles_json(&d.roles))
    .bind(&d.material)
    .bind(actor.at.as_second())
    .execute(&mut *tx)
    .await?;
    let event = AuditEvent::new(AuditAction::Create, "awareness_activity", &id).fields(ACTIVITY_FIELDS);
    audit(&mut tx, board, actor, &event).await?;
    tx.commit().await?;
    read_activities(pool, board, Some(&id)).await?.pop().ok_or(StoreError::NotFound)
}

pub(crate) async fn set_attendance(
    pool: &Pool,
    board: &BoardId,
    actor: &Actor,
    id: &str,
    among: &[String],
    attended: &[String],
) -> Result<Activity> {
    let mut tx = begin(pool).await?;
    let touched = sqlx::query("UPDATE awareness_activities SET updated_at = $3 WHERE board_id = $1 AND id = $2")
        .bind(&board.0)
        .bind(id)
        .bind(actor.at.as_second())
        .execute(&mut *tx)
        .await?;
    if touched.rows_affected() == 0 {
        tx.rollback().await?;
        return Err(StoreError::NotFound);
    }
    for staff_id in among.iter().filter(|s| !attended.contains(s)) {
        sqlx::query("DELETE FROM awareness_attendance WHERE board_id = $1 AND activity_id = $2 AND staff_id = $3")
            .bind(&board.0)
            .bind(id)
            .bind(staff_id)
            .execute(&mut *tx)
            .await?;
    }
    for staff_id in attended {
        sqlx::query(
            "INSERT INTO awareness_attendance (board_id, activity_id, staff_id, recorded_at, recorded_by) \
             VALUES ($1, $2, $3, $4, $5) ON CONFLICT (board_id, activity_id, staff_id) DO NOTHING",
        )
        .bind(&board.0)
        .bind(id)
        .bind(staff_id)
        .bind(actor.at.as_second())
        .bind(&actor.label)
        .execute(&mut *tx)
        .await
        .map_err(|e| classify(e, "staff_ids", "staff_ids"))?;
    }
    let event = AuditEvent::new(AuditAction::Update, "awareness_activity", id).fields(&["attendance"]);
    audit(&mut tx, board, actor, &event).await?;
    tx.commit().await?;
    read_activities(pool, board, Some(id)).await?.pop().ok_or(StoreError::NotFound)
}

pub(crate) async fn last_attended(pool: &Pool, board: &BoardId) -> Result<Vec<LastAttended>> {
    let rows = sqlx::query(
        "SELECT a.staff_id, v.id, v.title, v.held_on FROM awareness_attendance a \
         JOIN awareness_activities v ON v.board_id = a.board_id AND v.id = a.activity_id \
         WHERE a.board_id = $1 ORDER BY a.staff_id, v.held_on DESC, v.title",
    )
    .bind(&board.0)
    .fetch_all(pool)
    .await?;
    let mut last: Vec<LastAttended> = Vec::new();
    for row in &rows {
        let staff_id: String = row.try_get("staff_id")?;
        if last.last().is_some_and(|l| l.staff_id == staff_id) {
            continue;
        }
        last.push(LastAttended {
            staff_id,
            activity_id: row.try_get("id")?,
            title: row.try_get("title")?,
            held_on: date_col(row, "held_on")?,
        });
    }
    Ok(last)
}

pub(crate) async fn attended_between(pool: &Pool, board: &BoardId, from: Date, to: Date) -> Result<Vec<String>> {
    let rows = sqlx::query(
        "SELECT DISTINCT a.staff_id FROM awareness_attendance a \
         JOIN awareness_activities v ON v.board_id = a.board_id AND v.id = a.activity_id \
         WHERE a.board_id = $1 AND v.held_on >= $2 AND v.held_on <= $3 ORDER BY a.staff_id",
    )
    .bind(&board.0)
    .bind(from.to_string())
    .bind(to.to_string())
    .fetch_all(pool)
    .await?;
    rows.iter().map(|r| Ok(r.try_get("staff_id")?)).collect()
}
