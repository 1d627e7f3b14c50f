// The SQL of access review campaigns, compiled for both back-ends (see `queries.rs`).

use super::outbox::queue_in;
use crate::access_reviews::{Campaign, CampaignNotice, NewCampaign, ReviewItem, Verdict};

fn campaign_from(row: &DbRow) -> Result<Campaign> {
    Ok(Campaign {
        id: required(row, "id")?,
        name: required(row, "name")?,
        started_on: date_col(row, "started_on")?,
        deadline: date_col(row, "deadline")?,
        started_by: required(row, "started_by_label")?,
        started_at: instant_col(row, "started_at")?,
        closed_at: optional_instant_col(row, "closed_at")?,
        closed_by: row.try_get("closed_by_label")?,
        items: count_col(row, "items")?,
        decided: count_col(row, "decided")?,
        to_remediate: count_col(row, "to_remediate")?,
        remediated: count_col(row, "remediated")?,
    })
}

const CAMPAIGN_SELECT: &str = "SELECT c.id, c.name, c.started_on, c.deadline, c.started_by_label, c.started_at, \
     c.closed_at, c.closed_by_label, \
     (SELECT COUNT(*) FROM review_items i WHERE i.board_id = c.board_id AND i.campaign_id = c.id) AS items, \
     (SELECT COUNT(*) FROM review_items i WHERE i.board_id = c.board_id AND i.campaign_id = c.id \
      AND i.outcome IN ('keep','revoke','reduce')) AS decided, \
     (SELECT COUNT(*) FROM review_items i WHERE i.board_id = c.board_id AND i.campaign_id = c.id \
      AND i.outcome IN ('revoke','reduce')) AS to_remediate, \
     (SELECT COUNT(*) FROM review_items i WHERE i.board_id = c.board_id AND i.campaign_id = c.id \
      AND i.remediated_at IS NOT NULL) AS remediated \
     FROM review_campaigns c WHERE c.board_id = ";

async fn read_campaigns(
    conn: &mut <Db as sqlx::Database>::Connection,
    board: &BoardId,
    id: Option<&str>,
) -> Result<Vec<Campaign>> {
    let mut qb = QueryBuilder::new(CAMPAIGN_SELECT);
    qb.push_bind(board.0.clone());
    if let Some(id) = id {
        qb.push(" AND c.id = ").push_bind(id.to_owned());
    }
    qb.push(" ORDER BY c.started_at DESC, c.id");
    let rows = qb.build().fetch_all(&mut *conn).await?;
    rows.iter().map(campaign_from).collect()
}

pub(crate) async fn campaigns(pool: &Pool, board: &BoardId, id: Option<&str>) -> Result<Vec<Campaign>> {
    let mut conn = pool.acquire().await?;
    read_campaigns(&mut conn, board, id).await
}

pub(crate) async fn start(pool: &Pool, board: &BoardId, actor: &Actor, campaign: &NewCampaign) -> Result<Campaign> {
    let mut tx = begin(pool).await?;
    let id = new_id();
    sqlx::query(
        "INSERT INTO review_campaigns (board_id, id, name, started_on, deadline, started_by_label, started_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(&board.0)
    .bind(&id)
    .bind(&campaign.name)
    .bind(campaign.started_on.to_string())
    .bind(campaign.deadline.to_string())
    .bind(&actor.label)
    .bind(actor.at.as_second())
    .execute(&mut *tx)
    .await?;
    for system_id in &campaign.system_ids {
        sqlx::query("INSERT INTO review_campaign_systems (board_id, campaign_id, system_id) VALUES ($1, $2, $3)")
            .bind(&board.0)
            .bind(&id)
            .bind(system_id)
            .execute(&mut *tx)
            .await
            .map_err(|e| classify(e, "system_ids", "system_ids"))?;
        // Each account as it stands, reviewed by the director of its person's school.
        let accounts = sqlx::query(
            "SELECT a.username, a.name, a.profile, a.staff_id, m.school_id FROM system_accounts a \
             LEFT JOIN staff_members m ON m.board_id = a.board_id AND m.id = a.staff_id \
             WHERE a.board_id = $1 AND a.system_id = $2 ORDER BY a.username",
        )
        .bind(&board.0)
        .bind(system_id)
        .fetch_all(&mut *tx)
        .await?;
        for account in &accounts {
            sqlx::query(
                "INSERT INTO review_items (board_id, campaign_id, id, system_id, username, account_name, profile, \
                 staff_id, school_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
            )
            .bind(&board.0)
            .bind(&id)
            .bind(new_id())
            .bind(system_id)
            .bind(required::<String>(account, "username")?)
            .bind(account.try_get::<Option<String>, _>("name")?)
            .bind(account.try_get::<Option<String>, _>("profile")?)
            .bind(account.try_get::<Option<String>, _>("staff_id")?)
            .bind(account.try_get::<Option<String>, _>("school_id")?)
            .execute(&mut *tx)
            .await?;
        }
    }
    let event = AuditEvent::new(AuditAction::Create, "review_campaign", &id).fields(&[
        "name",
        "started_on",
        "deadline",
        "system_ids",
    ]);
    audit(&mut tx, board, actor, &event).await?;
    queue_in(&mut tx, board, &campaign.mails, actor.at).await?;
    let stored = read_campaigns(&mut tx, board, Some(&id)).await?.pop().ok_or(StoreError::NotFound)?;
    tx.commit().await?;
    Ok(stored)
}

fn item_from(row: &DbRow) -> Result<ReviewItem> {
    let given: Option<String> = row.try_get("given_name")?;
    let surname: Option<String> = row.try_get("surname")?;
    Ok(ReviewItem {
        id: required(row, "id")?,
        campaign_id: required(row, "campaign_id")?,
        system_id: required(row, "system_id")?,
        system_name: required(row, "system_name")?,
        username: required(row, "username")?,
        account_name: row.try_get("account_name")?,
        profile: row.try_get("profile")?,
        staff_id: row.try_get("staff_id")?,
        staff_name: given.zip(surname).map(|(g, s)| format!("{g} {s}")),
        school_id: row.try_get("school_id")?,
        outcome: optional_code_col(row, "outcome")?,
        note: row.try_get("note")?,
        decided_by: row.try_get("decided_by_label")?,
        decided_at: optional_instant_col(row, "decided_at")?,
        remediated_at: optional_instant_col(row, "remediated_at")?,
        remediated_by: row.try_get("remediated_by_label")?,
        evidence: row.try_get("evidence")?,
    })
}

async fn read_items(
    conn: &mut <Db as sqlx::Database>::Connection,
    board: &BoardId,
    campaign_id: &str,
    scope: &Scope,
    id: Option<&str>,
) -> Result<Vec<ReviewItem>> {
    let mut qb = QueryBuilder::new(
        "SELECT i.id, i.campaign_id, i.system_id, s.name AS system_name, i.username, i.account_name, i.profile, \
         i.staff_id, m.given_name, m.surname, i.school_id, i.outcome, i.note, i.decided_by_label, i.decided_at, \
         i.remediated_at, i.remediated_by_label, i.evidence FROM review_items i \
         JOIN information_systems s ON s.board_id = i.board_id AND s.id = i.system_id \
         LEFT JOIN staff_members m ON m.board_id = i.board_id AND m.id = i.staff_id WHERE i.board_id = ",
    );
    qb.push_bind(board.0.clone()).push(" AND i.campaign_id = ").push_bind(campaign_id.to_owned());
    if let Some(id) = id {
        qb.push(" AND i.id = ").push_bind(id.to_owned());
    }
    push_scope(&mut qb, scope, "i.school_id", None);
    qb.push(" ORDER BY i.school_id, m.surname, m.given_name, i.username, s.name, i.id");
    let rows = qb.build().fetch_all(&mut *conn).await?;
    rows.iter().map(item_from).collect()
}

pub(crate) async fn items(pool: &Pool, board: &BoardId, campaign_id: &str, scope: &Scope) -> Result<Vec<ReviewItem>> {
    let mut conn = pool.acquire().await?;
    read_items(&mut conn, board, campaign_id, scope, None).await
}

async fn open_campaign(tx: &mut Tx, board: &BoardId, campaign_id: &str) -> Result<()> {
    let closed: Option<Option<i64>> =
        sqlx::query_scalar("SELECT closed_at FROM review_campaigns WHERE board_id = $1 AND id = $2")
            .bind(&board.0)
            .bind(campaign_id)
            .fetch_optional(&mut **tx)
            .await?;
    match closed {
        None => Err(StoreError::NotFound),
        Some(Some(_)) => Err(StoreError::WrongState),
        Some(None) => Ok(()),
    }
}

pub(crate) async fn decide(
    pool: &Pool,
    board: &BoardId,
    actor: &Actor,
    campaign_id: &str,
    scope: &Scope,
    verdicts: &[Verdict],
) -> Result<()> {
    let mut tx = begin(pool).await?;
    if let Err(err) = open_campaign(&mut tx, board, campaign_id).await {
        tx.rollback().await?;
        return Err(err);
    }
    for verdict in verdicts {
        if read_items(&mut tx, board, campaign_id, scope, Some(&verdict.item_id)).await?.is_empty() {
            tx.rollback().await?;
            return Err(StoreError::NotFound);
        }
        sqlx::query(
            "UPDATE review_items SET outcome = $4, note = $5, decided_by_label = $6, decided_at = $7 \
             WHERE board_id = $1 AND campaign_id = $2 AND id = $3 AND remediated_at IS NULL",
        )
        .bind(&board.0)
        .bind(campaign_id)
        .bind(&verdict.item_id)
        .bind(verdict.outcome.code())
        .bind(&verdict.note)
        .bind(&actor.label)
        .bind(actor.at.as_second())
        .execute(&mut *tx)
        .await?;
        let event = AuditEvent::new(AuditAction::Update, "review_item", &verdict.item_id).fields(&["outcome", "note"]);
        audit(&mut tx, board, actor, &event).await?;
    }
    tx.commit().await?;
    Ok(())
}

pub(crate) async fn remediate(
    pool: &Pool,
    board: &BoardId,
    actor: &Actor,
    campaign_id: &str,
    item_id: &str,
    evidence: &str,
) -> Result<ReviewItem> {
    let tx = begin(pool).await?;
    let update = sqlx::query(
        "UPDATE review_items SET remediated_at = $4, remediated_by_label = $5, evidence = $6 \
         WHERE board_id = $1 AND campaign_id = $2 AND id = $3 AND outcome IN ('revoke','reduce') \
         AND remediated_at IS NULL",
    )
    .bind(&board.0)
    .bind(campaign_id)
    .bind(item_id)
    .bind(actor.at.as_second())
    .bind(&actor.label)
    .bind(evidence);
    let mut tx = guarded(tx, "review_items", board, item_id, update).await?;
    let event = AuditEvent::new(AuditAction::Update, "review_item", item_id).fields(&["evidence"]);
    audit(&mut tx, board, actor, &event).await?;
    let stored = read_items(&mut tx, board, campaign_id, &Scope::Board, Some(item_id))
        .await?
        .pop()
        .ok_or(StoreError::NotFound)?;
    tx.commit().await?;
    Ok(stored)
}

pub(crate) async fn close(pool: &Pool, board: &BoardId, actor: &Actor, id: &str) -> Result<Campaign> {
    let tx = begin(pool).await?;
    let update = sqlx::query(
        "UPDATE review_campaigns SET closed_at = $3, closed_by_label = $4 WHERE board_id = $1 AND id = $2 \
         AND closed_at IS NULL",
    )
    .bind(&board.0)
    .bind(id)
    .bind(actor.at.as_second())
    .bind(&actor.label);
    let mut tx = guarded(tx, "review_campaigns", board, id, update).await?;
    let event = AuditEvent::new(AuditAction::Update, "review_campaign", id).fields(&["closed_at"]);
    audit(&mut tx, board, actor, &event).await?;
    let stored = read_campaigns(&mut tx, board, Some(id)).await?.pop().ok_or(StoreError::NotFound)?;
    tx.commit().await?;
    Ok(stored)
}

pub(crate) async fn notice(pool: &Pool, board: &BoardId, notice: &CampaignNotice<'_>, at: Timestamp) -> Result<bool> {
    let marker = sqlx::query(
        "INSERT INTO review_notices (board_id, campaign_id, school_id, kind, open_items, sent_at) \
         VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING",
    )
    .bind(&board.0)
    .bind(notice.campaign_id)
    .bind(notice.school_key)
    .bind(notice.kind)
    .bind(i64::try_from(notice.open_items).unwrap_or(i64::MAX))
    .bind(at.as_second());
    super::outbox::once(pool, board, marker, notice.mails, at).await
}

pub(crate) async fn last_reviews(pool: &Pool, board: &BoardId) -> Result<Vec<(String, Date)>> {
    let rows = sqlx::query(
        "SELECT s.system_id, MAX(c.closed_at) AS closed_at FROM review_campaign_systems s JOIN review_campaigns c \
         ON c.board_id = s.board_id AND c.id = s.campaign_id WHERE s.board_id = $1 AND c.closed_at IS NOT NULL \
         GROUP BY s.system_id",
    )
    .bind(&board.0)
    .fetch_all(pool)
    .await?;
    rows.iter()
        .map(|row| {
            let at = instant_col(row, "closed_at")?;
            Ok((required(row, "system_id")?, aantoonbaar_rules::calendar::dutch_date(at)))
        })
        .collect()
}

pub(crate) async fn boards_with_open_campaigns(pool: &Pool) -> Result<Vec<BoardId>> {
    let ids: Vec<String> =
        sqlx::query_scalar("SELECT DISTINCT board_id FROM review_campaigns WHERE closed_at IS NULL ORDER BY board_id")
            .fetch_all(pool)
            .await?;
    Ok(ids.into_iter().map(BoardId).collect())
}

pub(crate) async fn parts_to_tell(
    pool: &Pool,
    board: &BoardId,
    campaign_id: &str,
    kind: &str,
) -> Result<Vec<(String, usize)>> {
    let rows = sqlx::query(
        "SELECT COALESCE(i.school_id, '') AS part, COUNT(*) AS open FROM review_items i WHERE i.board_id = $1 \
         AND i.campaign_id = $2 AND (i.outcome IS NULL OR i.outcome = 'unsure') AND NOT EXISTS (SELECT 1 \
         FROM review_notices n WHERE n.board_id = i.board_id AND n.campaign_id = i.campaign_id \
         AND n.school_id = COALESCE(i.school_id, '') AND n.kind = $3) GROUP BY COALESCE(i.school_id, '') \
         ORDER BY part",
    )
    .bind(&board.0)
    .bind(campaign_id)
    .bind(kind)
    .fetch_all(pool)
    .await?;
    rows.iter().map(|row| Ok((required(row, "part")?, count_col(row, "open")?))).collect()
}
