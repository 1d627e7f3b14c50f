// Staff users and their credentials: passwords and set-password links, the second step, API tokens;
// compiled for both back-ends (see `queries.rs`).

use super::sessions::load_principal;
use crate::{ApiToken, Credentials, NewUser, Principal, User};
use aantoonbaar_rules::{Role, ScopeKind};

pub(crate) async fn credentials_by_email(pool: &Pool, email: &str) -> Result<Option<Credentials>> {
    let row = sqlx::query("SELECT board_id, id, password_hash, totp_secret, mfa_exempt FROM users WHERE email = $1 AND disabled_at IS NULL")
        .bind(email)
        .fetch_optional(pool)
        .await?;
    row.as_ref().map(credentials_from).transpose()
}

fn credentials_from(row: &DbRow) -> Result<Credentials> {
    Ok(Credentials {
        board: BoardId(row.try_get("board_id")?),
        user_id: row.try_get("id")?,
        password_hash: row.try_get("password_hash")?,
        totp_secret: row.try_get("totp_secret")?,
        mfa_exempt: row.try_get("mfa_exempt")?,
    })
}

pub(crate) async fn password_link_user(pool: &Pool, token_hash: &str, now: Timestamp) -> Result<Option<Principal>> {
    let Some(row) = sqlx::query(
        "SELECT board_id, user_id FROM password_links WHERE token_hash = $1 AND used_at IS NULL AND expires_at > $2",
    )
    .bind(token_hash)
    .bind(now.as_second())
    .fetch_optional(pool)
    .await?
    else {
        return Ok(None);
    };
    let board_id: String = row.try_get("board_id")?;
    let user_id: String = row.try_get("user_id")?;
    load_principal(pool, &board_id, &user_id, None).await
}

pub(crate) async fn use_password_link(pool: &Pool, token_hash: &str, password_hash: &str, actor: &Actor) -> Result<()> {
    let mut tx = begin(pool).await?;
    let row = sqlx::query(
        "UPDATE password_links SET used_at = $1 WHERE token_hash = $2 AND used_at IS NULL AND expires_at > $1 \
         RETURNING board_id, user_id",
    )
    .bind(actor.at.as_second())
    .bind(token_hash)
    .fetch_optional(&mut *tx)
    .await?
    .ok_or(StoreError::NotFound)?;
    let board = BoardId(row.try_get("board_id")?);
    let user_id: String = row.try_get("user_id")?;
    sqlx::query("UPDATE users SET password_hash = $1 WHERE board_id = $2 AND id = $3")
        .bind(password_hash)
        .bind(&board.0)
        .bind(&user_id)
        .execute(&mut *tx)
        .await?;
    // A new password ends every session that the old one opened.
    sqlx::query("DELETE FROM sessions WHERE board_id = $1 AND user_id = $2")
        .bind(&board.0)
        .bind(&user_id)
        .execute(&mut *tx)
        .await?;
    audit(&mut tx, &board, actor, &AuditEvent::new(AuditAction::SetPassword, "user", &user_id)).await?;
    tx.commit().await?;
    Ok(())
}

pub(crate) async fn enrol_totp(
    pool: &Pool,
    board: &BoardId,
    actor: &Actor,
    user_id: &str,
    secret: &str,
    step: i64,
    recovery_hashes: &[String],
) -> Result<()> {
    let mut tx = begin(pool).await?;
    sqlx::query("UPDATE users SET totp_secret = $3, totp_last_step = $4 WHERE board_id = $1 AND id = $2")
        .bind(&board.0)
        .bind(user_id)
        .bind(secret)
        .bind(step)
        .execute(&mut *tx)
        .await?;
    sqlx::query("DELETE FROM recovery_codes WHERE board_id = $1 AND user_id = $2")
        .bind(&board.0)
        .bind(user_id)
        .execute(&mut *tx)
        .await?;
    for hash in recovery_hashes {
        sqlx::query("INSERT INTO recovery_codes (board_id, user_id, code_hash) VALUES ($1, $2, $3)")
            .bind(&board.0)
            .bind(user_id)
            .bind(hash)
            .execute(&mut *tx)
            .await?;
    }
    audit(&mut tx, board, actor, &AuditEvent::new(AuditAction::EnrolTwoStep, "user", user_id)).await?;
    tx.commit().await?;
    Ok(())
}

pub(crate) async fn accept_totp_step(pool: &Pool, board: &BoardId, user_id: &str, step: i64) -> Result<bool> {
    let done = sqlx::query(
        "UPDATE users SET totp_last_step = $3 WHERE board_id = $1 AND id = $2 AND (totp_last_step IS NULL OR totp_last_step < $3)",
    )
    .bind(&board.0)
    .bind(user_id)
    .bind(step)
    .execute(pool)
    .await?;
    Ok(done.rows_affected() == 1)
}

pub(crate) async fn use_recovery_code(
    pool: &Pool,
    board: &BoardId,
    actor: &Actor,
    user_id: &str,
    code_hash: &str,
) -> Result<bool> {
    let mut tx = begin(pool).await?;
    let done = sqlx::query(
        "UPDATE recovery_codes SET used_at = $4 WHERE board_id = $1 AND user_id = $2 AND code_hash = $3 AND used_at IS NULL",
    )
    .bind(&board.0)
    .bind(user_id)
    .bind(code_hash)
    .bind(actor.at.as_second())
    .execute(&mut *tx)
    .await?;
    if done.rows_affected() == 0 {
        return Ok(false);
    }
    audit(&mut tx, board, actor, &AuditEvent::new(AuditAction::UseRecoveryCode, "user", user_id)).await?;
    tx.commit().await?;
    Ok(true)
}

pub(crate) async fn create_password_link(
    pool: &Pool,
    board: &BoardId,
    user_id: &str,
    token_hash: &str,
    expires_at: Timestamp,
) -> Result<()> {
    sqlx::query("INSERT INTO password_links (token_hash, board_id, user_id, expires_at) VALUES ($1, $2, $3, $4)")
        .bind(token_hash)
        .bind(&board.0)
        .bind(user_id)
        .bind(expires_at.as_second())
        .execute(pool)
        .await
        .map_err(|e| classify(e, "token", "user_id"))?;
    Ok(())
}

fn token_from(row: &DbRow) -> Result<ApiToken> {
    Ok(ApiToken {
        id: row.try_get("id")?,
        name: row.try_get("name")?,
        created_at: instant_col(row, "created_at")?,
        last_used_at: optional_instant_col(row, "last_used_at")?,
        revoked_at: optional_instant_col(row, "revoked_at")?,
    })
}

pub(crate) async fn create_token(
    pool: &Pool,
    board: &BoardId,
    actor: &Actor,
    user_id: &str,
    name: &str,
    token_hash: &str,
) -> Result<ApiToken> {
    let id = new_id();
    let mut tx = begin(pool).await?;
    let row = sqlx::query(
        "INSERT INTO api_tokens (board_id, id, user_id, name, token_hash, created_at) VALUES ($1, $2, $3, $4, $5, $6) \
         RETURNING id, name, created_at, last_used_at, revoked_at",
    )
    .bind(&board.0)
    .bind(&id)
    .bind(user_id)
    .bind(name)
    .bind(token_hash)
    .bind(actor.at.as_second())
    .fetch_one(&mut *tx)
    .await
    .map_err(|e| classify(e, "token", "user_id"))?;
    audit(&mut tx, board, actor, &AuditEvent::new(AuditAction::CreateToken, "api_token", &id).fields(&["name"]))
        .await?;
    tx.commit().await?;
    token_from(&row)
}

pub(crate) async fn tokens(pool: &Pool, board: &BoardId, user_id: &str) -> Result<Vec<ApiToken>> {
    let rows = sqlx::query(
        "SELECT id, name, created_at, last_used_at, revoked_at FROM api_tokens \
         WHERE board_id = $1 AND user_id = $2 ORDER BY created_at DESC, id",
    )
    .bind(&board.0)
    .bind(user_id)
    .fetch_all(pool)
    .await?;
    rows.iter().map(token_from).collect()
}

pub(crate) async fn revoke_token(
    pool: &Pool,
    board: &BoardId,
    actor: &Actor,
    user_id: &str,
    token_id: &str,
) -> Result<()> {
    let mut tx = begin(pool).await?;
    let done = sqlx::query(
        "UPDATE api_tokens SET revoked_at = $1 WHERE board_id = $2 AND user_id = $3 AND id = $4 AND revoked_at IS NULL",
    )
    .bind(actor.at.as_second())
    .bind(&board.0)
    .bind(user_id)
    .bind(token_id)
    .execute(&mut *tx)
    .await?;
    if done.rows_affected() == 0 {
        return Err(StoreError::NotFound);
    }
    audit(&mut tx, board, actor, &AuditEvent::new(AuditAction::RevokeToken, "api_token", token_id)).await?;
    tx.commit().await?;
    Ok(())
}

pub(crate) async fn create_user(
    pool: &Pool,
    board: &BoardId,
    actor: &Actor,
    user: &NewUser,
    password_hash: Option<&str>,
) -> Result<User> {
    let id = new_id();
    let mut tx = begin(pool).await?;
    sqlx::query(
        "INSERT INTO users (board_id, id, email, name, password_hash, scope_kind, mfa_exempt, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(&board.0)
    .bind(&id)
    .bind(user.email.as_str())
    .bind(user.name.as_str())
    .bind(password_hash)
    .bind(user.scope_kind.code())
    .bind(user.mfa_exempt)
    .bind(actor.at.as_second())
    .execute(&mut *tx)
    .await
    .map_err(|e| classify(e, "email", "board"))?;
    for role in &user.roles {
        sqlx::query("INSERT INTO user_roles (board_id, user_id, role) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING")
            .bind(&board.0)
            .bind(&id)
            .bind(role.code())
            .execute(&mut *tx)
            .await?;
    }
    for scope_id in &user.scope_ids {
        let statement = match user.scope_kind {
            ScopeKind::Board => break,
            ScopeKind::School => sqlx::query(
                "INSERT INTO user_scopes (board_id, user_id, school_id) SELECT board_id, $2, id FROM schools \
                 WHERE board_id = $1 AND id = $3",
            ),
            ScopeKind::Groups => sqlx::query(
                "INSERT INTO user_scopes (board_id, user_id, school_id, group_id) SELECT board_id, $2, school_id, id \
                 FROM school_groups WHERE board_id = $1 AND id = $3",
            ),
        };
        let inserted = statement
            .bind(&board.0)
            .bind(&id)
            .bind(scope_id)
            .execute(&mut *tx)
            .await
            .map_err(|e| classify(e, "scope_ids", "scope_ids"))?
            .rows_affected();
        if inserted == 0 {
            return Err(StoreError::BadReference { field: "scope_ids" });
        }
    }
    let event = AuditEvent::new(AuditAction::Create, "user", &id).fields(&["email", "name", "roles", "scope"]);
    audit(&mut tx, board, actor, &event).await?;
    tx.commit().await?;
    Ok(User {
        id,
        email: user.email.to_string(),
        name: user.name.to_string(),
        roles: user.roles.clone(),
        scope_kind: user.scope_kind,
        scope_ids: user.scope_ids.clone(),
        has_password: password_hash.is_some(),
    })
}

pub(crate) async fn users(pool: &Pool, board: &BoardId, scope: &Scope) -> Result<Vec<User>> {
    let mut qb = QueryBuilder::new(
        "SELECT u.id, u.email, u.name, u.scope_kind, u.password_hash IS NOT NULL AS has_password FROM users u WHERE u.disabled_at IS NULL AND u.board_id = ",
    );
    qb.push_bind(board.0.clone());
    if *scope != Scope::Board {
        qb.push(" AND EXISTS (SELECT 1 FROM user_scopes us WHERE us.board_id = u.board_id AND us.user_id = u.id");
        push_scope(&mut qb, scope, "us.school_id", Some("us.group_id"));
        qb.push(")");
    }
    qb.push(" ORDER BY u.name, u.id");
    let rows = qb.build().fetch_all(pool).await?;
    let scope_rows =
        sqlx::query("SELECT user_id, COALESCE(group_id, school_id) AS scope_id FROM user_scopes WHERE board_id = $1")
            .bind(&board.0)
            .fetch_all(pool)
            .await?;
    let mut scope_ids: HashMap<String, Vec<String>> = HashMap::new();
    for row in &scope_rows {
        scope_ids.entry(row.try_get("user_id")?).or_default().push(row.try_get("scope_id")?);
    }
    let role_rows = sqlx::query("SELECT user_id, role FROM user_roles WHERE board_id = $1 ORDER BY role")
        .bind(&board.0)
        .fetch_all(pool)
        .await?;
    let mut roles: HashMap<String, Vec<Role>> = HashMap::new();
    for row in &role_rows {
        let role = code_col::<Role>(row, "role")?;
        roles.entry(row.try_get("user_id")?).or_default().push(role);
    }
    let mut users = Vec::with_capacity(rows.len());
    for row in &rows {
        let id: String = row.try_get("id")?;
        users.push(User {
            roles: roles.remove(&id).unwrap_or_default(),
            scope_kind: code_col(row, "scope_kind")?,
            scope_ids: scope_ids.remove(&id).unwrap_or_default(),
            email: row.try_get("email")?,
            name: row.try_get("name")?,
            has_password: row.try_get("has_password")?,
            id,
        });
    }
    Ok(users)
}
