// The SQL of the access policy and the authorisation matrix, compiled for both back-ends (see `queries.rs`).

use aantoonbaar_rules::access::{MatrixRow, Right};

fn matrix_row_from(row: &DbRow) -> Result<MatrixRow> {
    let flags = [("can_view", Right::View), ("can_change", Right::Change), ("can_delete", Right::Delete)];
    let mut rights = Vec::new();
    for (column, right) in flags {
        if required::<bool>(row, column)? {
            rights.push(right);
        }
    }
    Ok(MatrixRow {
        role: code_col(row, "role")?,
        profile: required(row, "profile")?,
        rights,
        scope: code_col(row, "scope")?,
    })
}

pub(crate) async fn matrix_in_force(pool: &Pool, board: &BoardId, system_id: &str) -> Result<Vec<MatrixRow>> {
    let rows = sqlx::query(
        "SELECT role, profile, can_view, can_change, can_delete, scope FROM matrix_rows \
         WHERE board_id = $1 AND system_id = $2 AND version = (SELECT MAX(version) FROM matrix_versions \
         WHERE board_id = $1 AND system_id = $2) ORDER BY role, profile",
    )
    .bind(&board.0)
    .bind(system_id)
    .fetch_all(pool)
    .await?;
    rows.iter().map(matrix_row_from).collect()
}
