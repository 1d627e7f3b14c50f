// A board's versions (see `versions.rs` and migration 0025); compiled for both back-ends (see `queries.rs`).

use crate::BoardVersions;

pub(crate) async fn board_versions(pool: &Pool, board: &BoardId) -> Result<BoardVersions> {
    let row = sqlx::query("SELECT consent, structure, access FROM board_versions WHERE board_id = $1")
        .bind(&board.0)
        .fetch_optional(pool)
        .await?;
    row.map_or(Ok(BoardVersions::default()), |row| {
        Ok(BoardVersions {
            consent: row.try_get("consent")?,
            structure: row.try_get("structure")?,
            access: row.try_get("access")?,
        })
    })
}

/// Raises the board's consent version for a batch of decisions and returns
/// the new value, which the batch's decisions carry. Holds the board's
/// version row until the transaction ends, so the decisions of two batches
/// are stamped in the order they commit.
pub(super) async fn stamp_decisions(tx: &mut Tx, board: &BoardId) -> Result<i64> {
    let version: Option<i64> =
        sqlx::query_scalar("UPDATE board_versions SET consent = consent + 1 WHERE board_id = $1 RETURNING consent")
            .bind(&board.0)
            .fetch_optional(&mut **tx)
            .await?;
    version.ok_or(StoreError::NotFound)
}
