// The SQL of camera surveillance, compiled for both back-ends (see `queries.rs`).

use crate::cameras::{Camera, CameraData, FootageHold, HoldFilter, LogEntry, NewFootageHold, NewLogEntry};
use aantoonbaar_rules::retention::Period;

/// Every field of a camera, as the audit entry of a new one names them.
const CAMERA_FIELDS: &[&str] = &[
    "school_id",
    "name",
    "location",
    "coverage",
    "purpose",
    "balancing",
    "dpia_id",
    "signs",
    "signs_where",
    "viewers",
    "retention",
    "live_view",
    "status",
];

fn camera_from(row: &DbRow) -> Result<Camera> {
    let retention: String = required(row, "retention")?;
    let retention: Period = retention.parse().map_err(|_| StoreError::Corrupt(format!("retention: {retention}")))?;
    Ok(Camera {
        id: required(row, "id")?,
        data: CameraData {
            school_id: required(row, "school_id")?,
            name: required(row, "name")?,
            location: required(row, "location")?,
            coverage: required(row, "coverage")?,
            purpose: required(row, "purpose")?,
            balancing: required(row, "balancing")?,
            dpia_id: row.try_get("dpia_id")?,
            signs: required(row, "signs")?,
            signs_where: row.try_get("signs_where")?,
            viewers: required(row, "viewers")?,
            retention,
            live_view: required(row, "live_view")?,
            status: code_col(row, "status")?,
        },
        created_at: instant_col(row, "created_at")?,
        updated_at: instant_col(row, "updated_at")?,
    })
}

async fn read_cameras<'e, E>(executor: E, board: &BoardId, scope: &Scope, id: Option<&str>) -> Result<Vec<Camera>>
where
    E: sqlx::Executor<'e, Database = Db>,
{
    let mut qb = QueryBuilder::new(
        "SELECT c.id, c.school_id, c.name, c.location, c.coverage, c.purpose, c.balancing, c.dpia_id, c.signs, \
         c.signs_where, c.viewers, c.retention, c.live_view, c.status, c.created_at, c.updated_at \
         FROM cameras c JOIN schools s ON s.board_id = c.board_id AND s.id = c.school_id WHERE c.board_id = ",
    );
    qb.push_bind(board.0.clone());
    if let Some(id) = id {
        qb.push(" AND c.id = ").push_bind(id.to_owned());
    }
    push_scope(&mut qb, scope, "c.school_id", None);
    qb.push(" ORDER BY s.name, c.name, c.id");
    let rows = qb.build().fetch_all(executor).await?;
    rows.iter().map(camera_from).collect()
}

pub(crate) async fn cameras(pool: &Pool, board: &BoardId, scope: &Scope, id: Option<&str>) -> Result<Vec<Camera>> {
    read_cameras(pool, board, scope, id).await
}

pub(crate) async fn create(pool: &Pool, board: &BoardId, actor: &Actor, data: &CameraData) -> Result<Camera> {
    let mut tx = begin(pool).await?;
    let id = new_id();
    sqlx::query(
        "INSERT INTO cameras (board_id, id, school_id, name, location, coverage, purpose, balancing, dpia_id, signs, \
         signs_where, viewers, retention, live_view, status, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $16)",
    )
    .bind(&board.0)
    .bind(&id)
    .bind(&data.school_id)
    .bind(&data.name)
    .bind(&data.location)
    .bind(&data.coverage)
    .bind(&data.purpose)
    .bind(&data.balancing)
    .bind(&data.dpia_id)
    .bind(data.signs)
    .bind(&data.signs_where)
    .bind(&data.viewers)
    .bind(data.retention.to_string())
    .bind(data.live_view)
    .bind(data.status.code())
    .bind(actor.at.as_second())
    .execute(&mut *tx)
    .await
    .map_err(|e| classify(e, "name", "school_id"))?;
    let event = AuditEvent::new(AuditAction::Create, "camera", &id).fields(CAMERA_FIELDS);
    audit(&mut tx, board, actor, &event).await?;
    let stored = read_cameras(&mut *tx, board, &Scope::Board, Some(&id)).await?.pop().ok_or(StoreError::NotFound)?;
    tx.commit().await?;
    Ok(stored)
}

pub(crate) async fn update(
    pool: &Pool,
    board: &BoardId,
    actor: &Actor,
    id: &str,
    data: &CameraData,
    fields: &[&'static str],
) -> Result<Camera> {
    let tx = begin(pool).await?;
    let update = sqlx::query(
        "UPDATE cameras SET school_id = $3, name = $4, location = $5, coverage = $6, purpose = $7, balancing = $8, \
         dpia_id = $9, signs = $10, signs_where = $11, viewers = $12, retention = $13, live_view = $14, status = $15, \
         updated_at = $16 WHERE board_id = $1 AND id = $2",
    )
    .bind(&board.0)
    .bind(id)
    .bind(&data.school_id)
    .bind(&data.name)
    .bind(&data.location)
    .bind(&data.coverage)
    .bind(&data.purpose)
    .bind(&data.balancing)
    .bind(&data.dpia_id)
    .bind(data.signs)
    .bind(&data.signs_where)
    .bind(&data.viewers)
    .bind(data.retention.to_string())
    .bind(data.live_view)
    .bind(data.status.code())
    .bind(actor.at.as_second());
    let mut tx = guarded(tx, "cameras", board, id, update).await.map_err(|e| match e {
        StoreError::Database(db) => classify(db, "name", "school_id"),
        other => other,
    })?;
    let event = AuditEvent::new(AuditAction::Update, "camera", id).fields(fields);
    audit(&mut tx, board, actor, &event).await?;
    let stored = read_cameras(&mut *tx, board, &Scope::Board, Some(id)).await?.pop().ok_or(StoreError::NotFound)?;
    tx.commit().await?;
    Ok(stored)
}

fn log_from(row: &DbRow) -> Result<LogEntry> {
    Ok(LogEntry {
        id: required(row, "id")?,
        camera_id: required(row, "camera_id")?,
        kind: code_col(row, "kind")?,
        from: instant_col(row, "footage_from")?,
        to: instant_col(row, "footage_to")?,
        reason: code_col(row, "reason")?,
        explanation: required(row, "explanation")?,
        recipient: optional_code_col(row, "recipient")?,
        recipient_name: row.try_get("recipient_name")?,
        request_reference: row.try_get("request_reference")?,
        incident_id: row.try_get("incident_id")?,
        request_id: row.try_get("request_id")?,
        recorded_by: required(row, "recorded_by_label")?,
        recorded_at: instant_col(row, "recorded_at")?,
    })
}

const LOG_SELECT: &str = "SELECT id, camera_id, kind, footage_from, footage_to, reason, explanation, recipient, \
     recipient_name, request_reference, incident_id, request_id, recorded_by_label, recorded_at FROM camera_log \
     WHERE board_id = $1 AND ($2 IS NULL OR camera_id = $2) AND ($3 IS NULL OR id = $3) \
     ORDER BY recorded_at DESC, id";

pub(crate) async fn log(pool: &Pool, board: &BoardId, camera_id: &str) -> Result<Vec<LogEntry>> {
    let rows = sqlx::query(LOG_SELECT).bind(&board.0).bind(camera_id).bind(None::<String>).fetch_all(pool).await?;
    rows.iter().map(log_from).collect()
}

pub(crate) async fn add_log(pool: &Pool, board: &BoardId, actor: &Actor, entry: &NewLogEntry) -> Result<LogEntry> {
    let mut tx = begin(pool).await?;
    let id = new_id();
    sqlx::query(
        "INSERT INTO camera_log (board_id, id, camera_id, kind, footage_from, footage_to, reason, explanation, \
         recipient, recipient_name, request_reference, incident_id, request_id, recorded_by, recorded_by_label, \
         recorded_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)",
    )
    .bind(&board.0)
    .bind(&id)
    .bind(&entry.camera_id)
    .bind(entry.kind.code())
    .bind(entry.from.as_second())
    .bind(entry.to.as_second())
    .bind(entry.reason.code())
    .bind(&entry.explanation)
    .bind(entry.recipient.map(|r| r.code()))
    .bind(&entry.recipient_name)
    .bind(&entry.request_reference)
    .bind(&entry.incident_id)
    .bind(&entry.request_id)
    .bind(&actor.user_id)
    .bind(&actor.label)
    .bind(actor.at.as_second())
    .execute(&mut *tx)
    .await
    .map_err(|e| classify(e, "id", "camera_id"))?;
    let event = AuditEvent::new(AuditAction::Create, "camera_log", &id).fields(&[
        "camera_id",
        "kind",
        "from",
        "to",
        "reason",
        "explanation",
        "recipient",
        "request_reference",
        "incident_id",
        "request_id",
    ]);
    audit(&mut tx, board, actor, &event).await?;
    let row = sqlx::query(LOG_SELECT).bind(&board.0).bind(None::<String>).bind(&id).fetch_one(&mut *tx).await?;
    let stored = log_from(&row)?;
    tx.commit().await?;
    Ok(stored)
}

fn hold_from(row: &DbRow) -> Result<FootageHold> {
    Ok(FootageHold {
        id: required(row, "id")?,
        camera_id: required(row, "camera_id")?,
        kind: code_col(row, "kind")?,
        from: instant_col(row, "footage_from")?,
        to: instant_col(row, "footage_to")?,
        incident_id: row.try_get("incident_id")?,
        reason: required(row, "reason")?,
        placed_by: required(row, "placed_by_label")?,
        placed_at: instant_col(row, "placed_at")?,
        released_by: row.try_get("released_by_label")?,
        released_at: optional_instant_col(row, "released_at")?,
        release_reason: row.try_get("release_reason")?,
    })
}

const HOLD_SELECT: &str = "SELECT id, camera_id, kind, footage_from, footage_to, incident_id, reason, \
     placed_by_label, placed_at, released_by_label, released_at, release_reason FROM footage_holds \
     WHERE board_id = $1 AND ($2 IS NULL OR id = $2) AND ($3 IS NULL OR camera_id = $3) \
     AND ($4 IS NULL OR incident_id = $4) ORDER BY placed_at DESC, id";

async fn read_holds<'e, E>(executor: E, board: &BoardId, filter: HoldFilter<'_>) -> Result<Vec<FootageHold>>
where
    E: sqlx::Executor<'e, Database = Db>,
{
    let rows = sqlx::query(HOLD_SELECT)
        .bind(&board.0)
        .bind(filter.id)
        .bind(filter.camera_id)
        .bind(filter.incident_id)
        .fetch_all(executor)
        .await?;
    rows.iter().map(hold_from).collect()
}

pub(crate) async fn holds(pool: &Pool, board: &BoardId, filter: HoldFilter<'_>) -> Result<Vec<FootageHold>> {
    read_holds(pool, board, filter).await
}

pub(crate) async fn place_hold(
    pool: &Pool,
    board: &BoardId,
    actor: &Actor,
    hold: &NewFootageHold,
) -> Result<FootageHold> {
    let mut tx = begin(pool).await?;
    let id = new_id();
    sqlx::query(
        "INSERT INTO footage_holds (board_id, id, camera_id, kind, footage_from, footage_to, incident_id, reason, \
         placed_by, placed_by_label, placed_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
    )
    .bind(&board.0)
    .bind(&id)
    .bind(&hold.camera_id)
    .bind(hold.kind.code())
    .bind(hold.from.as_second())
    .bind(hold.to.as_second())
    .bind(&hold.incident_id)
    .bind(&hold.reason)
    .bind(&actor.user_id)
    .bind(&actor.label)
    .bind(actor.at.as_second())
    .execute(&mut *tx)
    .await
    .map_err(|e| classify(e, "id", "camera_id"))?;
    let event = AuditEvent::new(AuditAction::Create, "footage_hold", &id).fields(&[
        "camera_id",
        "kind",
        "from",
        "to",
        "incident_id",
        "reason",
    ]);
    audit(&mut tx, board, actor, &event).await?;
    let filter = HoldFilter { id: Some(&id), ..HoldFilter::default() };
    let stored = read_holds(&mut *tx, board, filter).await?.pop().ok_or(StoreError::NotFound)?;
    tx.commit().await?;
    Ok(stored)
}

pub(crate) async fn release_hold(
    pool: &Pool,
    board: &BoardId,
    actor: &Actor,
    id: &str,
    reason: &str,
) -> Result<FootageHold> {
    let tx = begin(pool).await?;
    let update = sqlx::query(
        "UPDATE footage_holds SET released_by = $3, released_by_label = $4, released_at = $5, release_reason = $6 \
         WHERE board_id = $1 AND id = $2 AND released_at IS NULL",
    )
    .bind(&board.0)
    .bind(id)
    .bind(&actor.user_id)
    .bind(&actor.label)
    .bind(actor.at.as_second())
    .bind(reason);
    let mut tx = guarded(tx, "footage_holds", board, id, update).await?;
    let event = AuditEvent::new(AuditAction::Update, "footage_hold", id).fields(&["released_at", "release_reason"]);
    audit(&mut tx, board, actor, &event).await?;
    let filter = HoldFilter { id: Some(id), ..HoldFilter::default() };
    let stored = read_holds(&mut *tx, board, filter).await?.pop().ok_or(StoreError::NotFound)?;
    tx.commit().await?;
    Ok(stored)
}
