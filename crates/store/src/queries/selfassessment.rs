// The SQL of the self-assessment, compiled for both back-ends (see `queries.rs`).

use crate::selfassessment::{Answer, AnswerData, StoredFramework};
use aantoonbaar_rules::frameworks::Level;

const FRAMEWORK_FIELDS: &[&str] = &["title", "version", "source", "norms"];
const ANSWER_FIELDS: &[&str] = &["level", "target", "evidence", "measures", "owner", "due_date"];

pub(crate) async fn import_framework(pool: &Pool, board: &BoardId, actor: &Actor, f: &StoredFramework) -> Result<()> {
    let mut tx = begin(pool).await?;
    sqlx::query(
        "INSERT INTO frameworks (board_id, code, title, version, source, body, imported_by, imported_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(&board.0)
    .bind(&f.code)
    .bind(&f.title)
    .bind(&f.version)
    .bind(&f.source)
    .bind(&f.body)
    .bind(&actor.user_id)
    .bind(actor.at.as_second())
    .execute(&mut *tx)
    .await
    .map_err(|e| classify(e, "code", "board_id"))?;
    let event = AuditEvent::new(AuditAction::Import, "framework", &f.code).fields(FRAMEWORK_FIELDS);
    audit(&mut tx, board, actor, &event).await?;
    tx.commit().await?;
    Ok(())
}

pub(crate) async fn frameworks(pool: &Pool, board: &BoardId) -> Result<Vec<StoredFramework>> {
    let rows = sqlx::query(
        "SELECT code, title, version, source, body, imported_by, imported_at FROM frameworks \
         WHERE board_id = $1 ORDER BY title, code",
    )
    .bind(&board.0)
    .fetch_all(pool)
    .await?;
    rows.iter()
        .map(|row| {
            Ok(StoredFramework {
                code: row.try_get("code")?,
                title: row.try_get("title")?,
                version: row.try_get("version")?,
                source: row.try_get("source")?,
                body: row.try_get("body")?,
                imported_by: row.try_get("imported_by")?,
                imported_at: instant_col(row, "imported_at")?,
            })
        })
        .collect()
}

fn level(column: &str, value: i64) -> Result<Level> {
    Level::new(value).map_err(|_| StoreError::Corrupt(format!("{column}: {value}")))
}

pub(crate) async fn answers(pool: &Pool, board: &BoardId, framework: Option<&str>) -> Result<Vec<Answer>> {
    let rows = sqlx::query(
        "SELECT framework_code, norm_reference, level, target, evidence, measures, owner, due_date, updated_by, \
         updated_at FROM assessments WHERE board_id = $1 AND ($2 IS NULL OR framework_code = $2) \
         ORDER BY framework_code, norm_reference",
    )
    .bind(&board.0)
    .bind(framework)
    .fetch_all(pool)
    .await?;
    rows.iter()
        .map(|row| {
            Ok(Answer {
                framework_code: row.try_get("framework_code")?,
                norm_reference: row.try_get("norm_reference")?,
                data: AnswerData {
                    level: level("level", required(row, "level")?)?,
                    target: level("target", required(row, "target")?)?,
                    evidence: row.try_get("evidence")?,
                    measures: row.try_get("measures")?,
                    owner: row.try_get("owner")?,
                    due_date: optional_date_col(row, "due_date")?,
                },
                updated_by: row.try_get("updated_by")?,
                updated_at: instant_col(row, "updated_at")?,
            })
        })
        .collect()
}

pub(crate) async fn record_answer(
    pool: &Pool,
    board: &BoardId,
    actor: &Actor,
    framework: &str,
    reference: &str,
    d: &AnswerData,
) -> Result<()> {
    let mut tx = begin(pool).await?;
    let before = sqlx::query(
        "SELECT 1 AS one FROM assessments WHERE board_id = $1 AND framework_code = $2 AND norm_reference = $3",
    )
    .bind(&board.0)
    .bind(framework)
    .bind(reference)
    .fetch_optional(&mut *tx)
    .await?;
    sqlx::query(
        "INSERT INTO assessments (board_id, framework_code, norm_reference, level, target, evidence, measures, \
         owner, due_date, updated_by, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) \
         ON CONFLICT (board_id, framework_code, norm_reference) DO UPDATE SET level = $4, target = $5, \
         evidence = $6, measures = $7, owner = $8, due_date = $9, updated_by = $10, updated_at = $11",
    )
    .bind(&board.0)
    .bind(framework)
    .bind(reference)
    .bind(i64::from(d.level.value()))
    .bind(i64::from(d.target.value()))
    .bind(&d.evidence)
    .bind(&d.measures)
    .bind(&d.owner)
    .bind(d.due_date.map(|d| d.to_string()))
    .bind(&actor.user_id)
    .bind(actor.at.as_second())
    .execute(&mut *tx)
    .await?;
    let action = if before.is_some() { AuditAction::Update } else { AuditAction::Create };
    let event = AuditEvent::new(action, "assessment", &format!("{framework}/{reference}")).fields(ANSWER_FIELDS);
    audit(&mut tx, board, actor, &event).await?;
    tx.commit().await?;
    Ok(())
}
