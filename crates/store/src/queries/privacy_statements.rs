// The published privacy statements; compiled for both back-ends (see `queries.rs`).

use crate::{Board, NewStatement, PublishedStatement, StatementAt};

pub(crate) async fn board_by_id(pool: &Pool, id: &str) -> Result<Option<Board>> {
    let row = sqlx::query("SELECT id, name FROM boards WHERE id = $1").bind(id).fetch_optional(pool).await?;
    row.map(|row| Ok(Board { id: BoardId(row.try_get("id")?), name: row.try_get("name")? })).transpose()
}

pub(crate) async fn publish(pool: &Pool, board: &BoardId, actor: &Actor, statement: &NewStatement) -> Result<i64> {
    let mut tx = begin(pool).await?;
    lock_board(&mut tx, board).await?;
    let next: i64 = sqlx::query(
        "SELECT COALESCE(MAX(version), 0) + 1 AS next FROM privacy_statements WHERE board_id = $1 AND audience = $2",
    )
    .bind(&board.0)
    .bind(&statement.audience)
    .fetch_one(&mut *tx)
    .await?
    .try_get("next")?;
    sqlx::query(
        "INSERT INTO privacy_statements (board_id, audience, version, published_at, published_by, \
         published_by_name, register_version, body, sha256) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
    )
    .bind(&board.0)
    .bind(&statement.audience)
    .bind(next)
    .bind(actor.at.as_second())
    .bind(&actor.user_id)
    .bind(&statement.published_by_name)
    .bind(statement.register_version)
    .bind(&statement.body)
    .bind(&statement.sha256)
    .execute(&mut *tx)
    .await
    .map_err(|e| classify(e, "version", "register_version"))?;
    // The text's hash is the entry's subject, so the trail proves what was published.
    let event = AuditEvent::new(AuditAction::Create, "privacy_statement", &statement.sha256).fields(&[
        "audience",
        "version",
        "register_version",
    ]);
    audit(&mut tx, board, actor, &event).await?;
    tx.commit().await?;
    Ok(next)
}

pub(crate) async fn statements(
    pool: &Pool,
    board: &BoardId,
    audience: &str,
    at: Option<StatementAt>,
) -> Result<Vec<PublishedStatement>> {
    let body = if at.is_some() { "body" } else { "'' AS body" };
    let mut qb = QueryBuilder::new(format!(
        "SELECT audience, version, published_at, published_by_name, register_version, sha256, {body} \
         FROM privacy_statements WHERE board_id = "
    ));
    qb.push_bind(board.0.clone()).push(" AND audience = ").push_bind(audience.to_owned());
    match at {
        None => {
            qb.push(" ORDER BY version DESC");
        }
        Some(StatementAt::Latest) => {
            qb.push(" ORDER BY version DESC LIMIT 1");
        }
        Some(StatementAt::Version(number)) => {
            qb.push(" AND version = ").push_bind(number);
        }
        Some(StatementAt::Before(moment)) => {
            qb.push(" AND published_at < ").push_bind(moment.as_second()).push(" ORDER BY version DESC LIMIT 1");
        }
    }
    let rows = qb.build().fetch_all(pool).await?;
    rows.iter()
        .map(|row| {
            Ok(PublishedStatement {
                audience: row.try_get("audience")?,
                version: row.try_get("version")?,
                published_at: instant_col(row, "published_at")?,
                published_by_name: row.try_get("published_by_name")?,
                register_version: row.try_get("register_version")?,
                body: row.try_get("body")?,
                sha256: row.try_get("sha256")?,
            })
        })
        .collect()
}
