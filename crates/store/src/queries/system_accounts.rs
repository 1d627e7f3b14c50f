// The SQL of the systems' account lists, compiled for both back-ends (see `queries.rs`).

use crate::system_accounts::{AccountImport, AccountList, FindingCounts, SystemAccount};

fn count(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

fn account_from(row: &DbRow) -> Result<SystemAccount> {
    Ok(SystemAccount {
        system_id: required(row, "system_id")?,
        username: required(row, "username")?,
        name: row.try_get("name")?,
        email: row.try_get("email")?,
        profile: row.try_get("profile")?,
        last_sign_in: row.try_get("last_sign_in")?,
        staff_id: row.try_get("staff_id")?,
    })
}

fn import_from(row: &DbRow) -> Result<AccountImport> {
    Ok(AccountImport {
        id: required(row, "id")?,
        system_id: required(row, "system_id")?,
        accounts: count_col(row, "accounts")?,
        found: FindingCounts {
            orphans: count_col(row, "orphans")?,
            leavers: count_col(row, "leavers")?,
            excess: count_col(row, "excess")?,
        },
        imported_at: instant_col(row, "imported_at")?,
        imported_by: required(row, "imported_by_label")?,
    })
}

pub(crate) async fn replace(
    pool: &Pool,
    board: &BoardId,
    actor: &Actor,
    list: &AccountList<'_>,
) -> Result<AccountImport> {
    let mut tx = begin(pool).await?;
    let id = new_id();
    sqlx::query(
        "INSERT INTO account_imports (board_id, id, system_id, accounts, orphans, leavers, excess, imported_at, \
         imported_by_label) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
    )
    .bind(&board.0)
    .bind(&id)
    .bind(list.system_id)
    .bind(count(list.accounts.len()))
    .bind(count(list.found.orphans))
    .bind(count(list.found.leavers))
    .bind(count(list.found.excess))
    .bind(actor.at.as_second())
    .bind(&actor.label)
    .execute(&mut *tx)
    .await
    .map_err(|e| classify(e, "id", "system_id"))?;
    sqlx::query("DELETE FROM system_accounts WHERE board_id = $1 AND system_id = $2")
        .bind(&board.0)
        .bind(list.system_id)
        .execute(&mut *tx)
        .await?;
    for account in list.accounts {
        sqlx::query(
            "INSERT INTO system_accounts (board_id, system_id, username, name, email, profile, last_sign_in, staff_id, \
             import_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
        )
        .bind(&board.0)
        .bind(list.system_id)
        .bind(&account.username)
        .bind(&account.name)
        .bind(&account.email)
        .bind(&account.profile)
        .bind(&account.last_sign_in)
        .bind(&account.staff_id)
        .bind(&id)
        .execute(&mut *tx)
        .await
        .map_err(|e| classify(e, "username", "staff_id"))?;
    }
    // A leaver still in the list: their removal in this system is to be done.
    sqlx::query(
        "INSERT INTO access_change_steps (board_id, change_id, system_id) SELECT DISTINCT c.board_id, c.id, a.system_id \
         FROM access_changes c JOIN system_accounts a ON a.board_id = c.board_id AND a.staff_id = c.staff_id \
         WHERE c.board_id = $1 AND a.system_id = $2 AND c.kind = 'leave' AND c.status = 'approved' \
         ON CONFLICT DO NOTHING",
    )
    .bind(&board.0)
    .bind(list.system_id)
    .execute(&mut *tx)
    .await?;
    // A leaver no longer in the list: the list is the evidence of removal.
    let gone = sqlx::query(
        "UPDATE access_change_steps SET done_at = $3, done_on = $4, done_by_label = $5, evidence = $6 \
         WHERE board_id = $1 AND system_id = $2 AND done_at IS NULL AND change_id IN (SELECT c.id FROM access_changes c \
         WHERE c.board_id = $1 AND c.kind = 'leave' AND c.status = 'approved' AND NOT EXISTS (SELECT 1 \
         FROM system_accounts a WHERE a.board_id = c.board_id AND a.system_id = $2 AND a.staff_id = c.staff_id)) \
         RETURNING change_id",
    )
    .bind(&board.0)
    .bind(list.system_id)
    .bind(actor.at.as_second())
    .bind(list.today.to_string())
    .bind(&actor.label)
    .bind(list.gone_evidence)
    .fetch_all(&mut *tx)
    .await?;
    for row in &gone {
        let change_id: String = required(row, "change_id")?;
        let finished = sqlx::query(
            "UPDATE access_changes SET status = 'done', done_on = $3 WHERE board_id = $1 AND id = $2 \
             AND status = 'approved' AND NOT EXISTS (SELECT 1 FROM access_change_steps s WHERE s.board_id = $1 \
             AND s.change_id = $2 AND s.done_at IS NULL)",
        )
        .bind(&board.0)
        .bind(&change_id)
        .bind(list.today.to_string())
        .execute(&mut *tx)
        .await?;
        let fields: &[&str] = if finished.rows_affected() > 0 { &["steps", "status"] } else { &["steps"] };
        let event = AuditEvent::new(AuditAction::Update, "access_change", &change_id).fields(fields);
        audit(&mut tx, board, actor, &event).await?;
    }
    let event = AuditEvent::new(AuditAction::Import, "system_accounts", list.system_id);
    audit(&mut tx, board, actor, &event).await?;
    let stored = sqlx::query(
        "SELECT id, system_id, accounts, orphans, leavers, excess, imported_at, imported_by_label FROM account_imports \
         WHERE board_id = $1 AND id = $2",
    )
    .bind(&board.0)
    .bind(&id)
    .fetch_one(&mut *tx)
    .await?;
    let stored = import_from(&stored)?;
    tx.commit().await?;
    Ok(stored)
}

pub(crate) async fn accounts(pool: &Pool, board: &BoardId, system_id: Option<&str>) -> Result<Vec<SystemAccount>> {
    let mut qb = QueryBuilder::new(
        "SELECT system_id, username, name, email, profile, last_sign_in, staff_id FROM system_accounts WHERE board_id = ",
    );
    qb.push_bind(board.0.clone());
    if let Some(system_id) = system_id {
        qb.push(" AND system_id = ").push_bind(system_id.to_owned());
    }
    qb.push(" ORDER BY system_id, username");
    let rows = qb.build().fetch_all(pool).await?;
    rows.iter().map(account_from).collect()
}

pub(crate) async fn imports(pool: &Pool, board: &BoardId, system_id: Option<&str>) -> Result<Vec<AccountImport>> {
    let mut qb = QueryBuilder::new(
        "SELECT id, system_id, accounts, orphans, leavers, excess, imported_at, imported_by_label FROM account_imports \
         WHERE board_id = ",
    );
    qb.push_bind(board.0.clone());
    if let Some(system_id) = system_id {
        qb.push(" AND system_id = ").push_bind(system_id.to_owned());
    }
    qb.push(" ORDER BY imported_at DESC, id");
    let rows = qb.build().fetch_all(pool).await?;
    rows.iter().map(import_from).collect()
}
