// The SQL of the risk analysis, compiled for both back-ends (see `queries.rs`).

use crate::risks::{Risk, RiskData};
use aantoonbaar_rules::risks::{Impact, LevelThresholds, Likelihood};

const RISK_FIELDS: &[&str] = &[
    "title",
    "category",
    "scenario",
    "likelihood",
    "impact",
    "owner",
    "treatment",
    "measures",
    "residual_likelihood",
    "residual_impact",
    "review_date",
    "activity_ids",
    "system_ids",
    "incident_ids",
];

fn ids_json(ids: &[String]) -> String {
    serde_json::to_string(ids).unwrap_or_else(|_| "[]".to_owned())
}

fn ids_col(row: &DbRow, column: &str) -> Result<Vec<String>> {
    let text: String = required(row, column)?;
    serde_json::from_str(&text).map_err(|_| StoreError::Corrupt(format!("{column}: {text}")))
}

fn points<T>(column: &str, value: i64, parse: fn(i64) -> Result<T, aantoonbaar_rules::Invalid>) -> Result<T> {
    parse(value).map_err(|_| StoreError::Corrupt(format!("{column}: {value}")))
}

fn optional_points<T>(
    row: &DbRow,
    column: &str,
    parse: fn(i64) -> Result<T, aantoonbaar_rules::Invalid>,
) -> Result<Option<T>> {
    row.try_get::<Option<i64>, _>(column)?.map(|v| points(column, v, parse)).transpose()
}

fn bind_risk<'q>(query: Statement<'q>, d: &'q RiskData) -> Statement<'q> {
    query
        .bind(&d.title)
        .bind(d.category.code())
        .bind(&d.scenario)
        .bind(i64::from(d.likelihood.points()))
        .bind(i64::from(d.impact.points()))
        .bind(&d.owner)
        .bind(d.treatment.map(|t| t.code()))
        .bind(&d.measures)
        .bind(d.residual_likelihood.map(|l| i64::from(l.points())))
        .bind(d.residual_impact.map(|i| i64::from(i.points())))
        .bind(d.review_date.map(|d| d.to_string()))
        .bind(ids_json(&d.activity_ids))
        .bind(ids_json(&d.system_ids))
        .bind(ids_json(&d.incident_ids))
}

fn risk_from(row: &DbRow) -> Result<Risk> {
    Ok(Risk {
        id: row.try_get("id")?,
        data: RiskData {
            title: row.try_get("title")?,
            category: code_col(row, "category")?,
            scenario: row.try_get("scenario")?,
            likelihood: points("likelihood", required(row, "likelihood")?, Likelihood::new)?,
            impact: points("impact", required(row, "impact")?, Impact::new)?,
            owner: row.try_get("owner")?,
            treatment: optional_code_col(row, "treatment")?,
            measures: row.try_get("measures")?,
            residual_likelihood: optional_points(row, "residual_likelihood", Likelihood::new)?,
            residual_impact: optional_points(row, "residual_impact", Impact::new)?,
            review_date: optional_date_col(row, "review_date")?,
            activity_ids: ids_col(row, "activity_ids")?,
            system_ids: ids_col(row, "system_ids")?,
            incident_ids: ids_col(row, "incident_ids")?,
        },
        created_at: instant_col(row, "created_at")?,
        updated_at: instant_col(row, "updated_at")?,
    })
}

const RISK_SELECT: &str = "SELECT id, title, category, scenario, likelihood, impact, owner, treatment, measures, \
     residual_likelihood, residual_impact, review_date, activity_ids, system_ids, incident_ids, created_at, \
     updated_at FROM risks WHERE board_id = $1 AND ($2 IS NULL OR id = $2) ORDER BY title, id";

async fn read_risks<'e, E>(executor: E, board: &BoardId, id: Option<&str>) -> Result<Vec<Risk>>
where
    E: sqlx::Executor<'e, Database = Db>,
{
    let rows = sqlx::query(RISK_SELECT).bind(&board.0).bind(id).fetch_all(executor).await?;
    rows.iter().map(risk_from).collect()
}

pub(crate) async fn risks(pool: &Pool, board: &BoardId, id: Option<&str>) -> Result<Vec<Risk>> {
    read_risks(pool, board, id).await
}

const RISK_INSERT: &str = "INSERT INTO risks (board_id, id, title, category, scenario, likelihood, impact, owner, \
     treatment, measures, residual_likelihood, residual_impact, review_date, activity_ids, system_ids, \
     incident_ids, created_at, updated_at) \
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $17)";

pub(crate) async fn create_risk(pool: &Pool, board: &BoardId, actor: &Actor, d: &RiskData) -> Result<Risk> {
    create_risks(pool, board, actor, std::slice::from_ref(d)).await?.pop().ok_or(StoreError::NotFound)
}

pub(crate) async fn create_risks(pool: &Pool, board: &BoardId, actor: &Actor, data: &[RiskData]) -> Result<Vec<Risk>> {
    let mut tx = begin(pool).await?;
    let mut ids = Vec::with_capacity(data.len());
    for d in data {
        let id = new_id();
        let query = sqlx::query(RISK_INSERT).bind(&board.0).bind(&id);
        bind_risk(query, d)
            .bind(actor.at.as_second())
            .execute(&mut *tx)
            .await
            .map_err(|e| classify(e, "title", "board_id"))?;
        ids.push(id);
    }
    let events: Vec<AuditEvent> =
        ids.iter().map(|id| AuditEvent::new(AuditAction::Create, "risk", id).fields(RISK_FIELDS)).collect();
    let entries: Vec<(&Actor, &AuditEvent)> = events.iter().map(|e| (actor, e)).collect();
    audit_many(&mut tx, board, &entries).await?;
    let mut created = Vec::with_capacity(ids.len());
    for id in &ids {
        created.push(read_risks(&mut *tx, board, Some(id)).await?.pop().ok_or(StoreError::NotFound)?);
    }
    tx.commit().await?;
    Ok(created)
}

pub(crate) async fn update_risk(pool: &Pool, board: &BoardId, actor: &Actor, id: &str, d: &RiskData) -> Result<Risk> {
    let mut tx = begin(pool).await?;
    let query = sqlx::query(
        "UPDATE risks SET title = $3, category = $4, scenario = $5, likelihood = $6, impact = $7, owner = $8, \
         treatment = $9, measures = $10, residual_likelihood = $11, residual_impact = $12, review_date = $13, \
         activity_ids = $14, system_ids = $15, incident_ids = $16, updated_at = $17 WHERE board_id = $1 AND id = $2",
    )
    .bind(&board.0)
    .bind(id);
    let done = bind_risk(query, d)
        .bind(actor.at.as_second())
        .execute(&mut *tx)
        .await
        .map_err(|e| classify(e, "title", "board_id"))?;
    if done.rows_affected() == 0 {
        tx.rollback().await?;
        return Err(StoreError::NotFound);
    }
    audit(&mut tx, board, actor, &AuditEvent::new(AuditAction::Update, "risk", id).fields(RISK_FIELDS)).await?;
    let risk = read_risks(&mut *tx, board, Some(id)).await?.pop().ok_or(StoreError::NotFound)?;
    tx.commit().await?;
    Ok(risk)
}

pub(crate) async fn thresholds(pool: &Pool, board: &BoardId) -> Result<LevelThresholds> {
    let row = sqlx::query("SELECT medium_from, high_from FROM risk_settings WHERE board_id = $1")
        .bind(&board.0)
        .fetch_optional(pool)
        .await?;
    let Some(row) = row else { return Ok(LevelThresholds::default()) };
    let (medium, high): (i64, i64) = (required(&row, "medium_from")?, required(&row, "high_from")?);
    LevelThresholds::new(medium, high).map_err(|_| StoreError::Corrupt(format!("risk_settings: {medium}, {high}")))
}

pub(crate) async fn set_thresholds(
    pool: &Pool,
    board: &BoardId,
    actor: &Actor,
    thresholds: LevelThresholds,
) -> Result<()> {
    let mut tx = begin(pool).await?;
    sqlx::query(
        "INSERT INTO risk_settings (board_id, medium_from, high_from, updated_at) VALUES ($1, $2, $3, $4) \
         ON CONFLICT (board_id) DO UPDATE SET medium_from = $2, high_from = $3, updated_at = $4",
    )
    .bind(&board.0)
    .bind(i64::from(thresholds.medium_from))
    .bind(i64::from(thresholds.high_from))
    .bind(actor.at.as_second())
    .execute(&mut *tx)
    .await?;
    let event = AuditEvent::new(AuditAction::Update, "risk_settings", &board.0).fields(&["medium_from", "high_from"]);
    audit(&mut tx, board, actor, &event).await?;
    tx.commit().await?;
    Ok(())
}
