// The SQL of retention, compiled for both back-ends (see `queries.rs`).

use crate::retention::{
    DueCount, DueItem, NewHold, OpenHold, RetentionSettings, RuleSelection, StoredHold, StoredRule, WeeklyCheck,
};
use aantoonbaar_rules::retention::{Period, Rule, Source};

fn period_col(row: &DbRow, column: &str) -> Result<Period> {
    let period: String = required(row, column)?;
    period.parse().map_err(|_| StoreError::Corrupt(format!("{column}: {period}")))
}

fn rule_from(row: &DbRow) -> Result<StoredRule> {
    let period = period_col(row, "period")?;
    Ok(StoredRule {
        rule: Rule {
            code: code_col(row, "code")?,
            category: code_col(row, "category")?,
            subject: code_col(row, "subject")?,
            trigger: code_col(row, "trigger_event")?,
            period,
            action: code_col(row, "end_action")?,
            source: Source {
                kind: code_col(row, "source_kind")?,
                text: required(row, "source_text")?,
                url: row.try_get("source_url")?,
            },
        },
        version: required(row, "version")?,
        changed_by: required(row, "changed_by_label")?,
        changed_at: instant_col(row, "changed_at")?,
    })
}

const RULE_COLUMNS: &str = "SELECT board_id, code, version, category, subject, trigger_event, period, end_action, source_kind, \
     source_text, source_url, changed_by_label, changed_at FROM retention_rules r";

/// The rules in force of `board` (`None`: of every board), with their board.
async fn read_rules<'e, E>(executor: E, board: Option<&BoardId>) -> Result<Vec<(BoardId, StoredRule)>>
where
    E: sqlx::Executor<'e, Database = Db>,
{
    let sql = format!(
        "{RULE_COLUMNS} WHERE ($1 IS NULL OR board_id = $1) AND version = (SELECT MAX(version) \
         FROM retention_rules l WHERE l.board_id = r.board_id AND l.code = r.code) ORDER BY board_id, code"
    );
    let rows = sqlx::query(sqlx::AssertSqlSafe(sql)).bind(board.map(|b| &b.0)).fetch_all(executor).await?;
    rows.iter().map(|row| Ok((BoardId(required(row, "board_id")?), rule_from(row)?))).collect()
}

pub(crate) async fn rules(pool: &Pool, board: &BoardId) -> Result<Vec<StoredRule>> {
    Ok(read_rules(pool, Some(board)).await?.into_iter().map(|(_, rule)| rule).collect())
}

pub(crate) async fn rules_of_every_board(pool: &Pool) -> Result<Vec<(BoardId, StoredRule)>> {
    read_rules(pool, None).await
}

pub(crate) async fn set_rule(
    pool: &Pool,
    board: &BoardId,
    actor: &Actor,
    rule: &Rule,
    fields: &[&'static str],
) -> Result<StoredRule> {
    let mut tx = begin(pool).await?;
    lock_board(&mut tx, board).await?;
    let code = rule.code.code();
    let version: i64 = sqlx::query_scalar(
        "SELECT COALESCE(MAX(version), 0) + 1 FROM retention_rules WHERE board_id = $1 AND code = $2",
    )
    .bind(&board.0)
    .bind(code)
    .fetch_one(&mut *tx)
    .await?;
    sqlx::query(
        "INSERT INTO retention_rules (board_id, code, version, category, subject, trigger_event, period, end_action, \
         source_kind, source_text, source_url, changed_by, changed_by_label, changed_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)",
    )
    .bind(&board.0)
    .bind(code)
    .bind(version)
    .bind(rule.category.code())
    .bind(rule.subject.code())
    .bind(rule.trigger.code())
    .bind(rule.period.to_string())
    .bind(rule.action.code())
    .bind(rule.source.kind.code())
    .bind(&rule.source.text)
    .bind(&rule.source.url)
    .bind(&actor.user_id)
    .bind(&actor.label)
    .bind(actor.at.as_second())
    .execute(&mut *tx)
    .await
    .map_err(|e| classify(e, "version", "board_id"))?;
    let event = AuditEvent::new(AuditAction::Update, "retention_rule", code).fields(fields);
    audit(&mut tx, board, actor, &event).await?;
    let stored =
        read_rules(&mut *tx, Some(board)).await?.into_iter().map(|(_, r)| r).find(|r| r.rule.code == rule.code);
    tx.commit().await?;
    stored.ok_or(StoreError::NotFound)
}

fn settings_from(row: &DbRow) -> Result<RetentionSettings> {
    Ok(RetentionSettings { sbo_reading: code_col(row, "sbo_reading")?, hold_review: period_col(row, "hold_review")? })
}

pub(crate) async fn settings(pool: &Pool, board: &BoardId) -> Result<RetentionSettings> {
    let row = sqlx::query("SELECT sbo_reading, hold_review FROM retention_settings WHERE board_id = $1")
        .bind(&board.0)
        .fetch_optional(pool)
        .await?;
    row.map_or_else(|| Ok(RetentionSettings::default()), |row| settings_from(&row))
}

pub(crate) async fn settings_of_every_board(pool: &Pool) -> Result<Vec<(BoardId, RetentionSettings)>> {
    let rows = sqlx::query("SELECT board_id, sbo_reading, hold_review FROM retention_settings ORDER BY board_id")
        .fetch_all(pool)
        .await?;
    rows.iter().map(|row| Ok((BoardId(required(row, "board_id")?), settings_from(row)?))).collect()
}

pub(crate) async fn set_settings(
    pool: &Pool,
    board: &BoardId,
    actor: &Actor,
    settings: &RetentionSettings,
    fields: &[&'static str],
) -> Result<()> {
    let mut tx = begin(pool).await?;
    sqlx::query(
        "INSERT INTO retention_settings (board_id, sbo_reading, hold_review, updated_at) VALUES ($1, $2, $3, $4) \
         ON CONFLICT (board_id) DO UPDATE SET sbo_reading = $2, hold_review = $3, updated_at = $4",
    )
    .bind(&board.0)
    .bind(settings.sbo_reading.code())
    .bind(settings.hold_review.to_string())
    .bind(actor.at.as_second())
    .execute(&mut *tx)
    .await?;
    let event = AuditEvent::new(AuditAction::Update, "retention_settings", &board.0).fields(fields);
    audit(&mut tx, board, actor, &event).await?;
    tx.commit().await?;
    Ok(())
}

fn hold_from(row: &DbRow) -> Result<StoredHold> {
    Ok(StoredHold {
        id: required(row, "id")?,
        pupil_id: required(row, "pupil_id")?,
        category: optional_code_col(row, "category")?,
        kind: code_col(row, "kind")?,
        reason: required(row, "reason")?,
        placed_by: required(row, "placed_by_label")?,
        placed_at: instant_col(row, "placed_at")?,
        placed_on: date_col(row, "placed_on")?,
        released_by: row.try_get("released_by_label")?,
        released_at: optional_instant_col(row, "released_at")?,
        released_on: optional_date_col(row, "released_on")?,
        reviewed_on: optional_date_col(row, "reviewed_on")?,
        reviewed_by: row.try_get("reviewed_by_label")?,
    })
}

const HOLD_COLUMNS: &str = "id, pupil_id, category, kind, reason, placed_by_label, placed_at, placed_on, \
     released_by_label, released_at, released_on, reviewed_on, reviewed_by_label";

async fn read_holds<'e, E>(
    executor: E,
    board: &BoardId,
    id: Option<&str>,
    pupil: Option<&str>,
) -> Result<Vec<StoredHold>>
where
    E: sqlx::Executor<'e, Database = Db>,
{
    let sql = format!(
        "SELECT {HOLD_COLUMNS} FROM retention_holds WHERE board_id = $1 AND ($2 IS NULL OR id = $2) \
         AND ($3 IS NULL OR pupil_id = $3) ORDER BY placed_at DESC, id"
    );
    let rows = sqlx::query(sqlx::AssertSqlSafe(sql)).bind(&board.0).bind(id).bind(pupil).fetch_all(executor).await?;
    rows.iter().map(hold_from).collect()
}

pub(crate) async fn holds(
    pool: &Pool,
    board: &BoardId,
    id: Option<&str>,
    pupil: Option<&str>,
) -> Result<Vec<StoredHold>> {
    read_holds(pool, board, id, pupil).await
}

pub(crate) async fn place_hold(pool: &Pool, board: &BoardId, actor: &Actor, hold: &NewHold) -> Result<StoredHold> {
    let mut tx = begin(pool).await?;
    let id = new_id();
    sqlx::query(
        "INSERT INTO retention_holds (board_id, id, pupil_id, category, kind, reason, placed_by, placed_by_label, \
         placed_at, placed_on) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
    )
    .bind(&board.0)
    .bind(&id)
    .bind(&hold.pupil_id)
    .bind(hold.category.map(|c| c.code()))
    .bind(hold.kind.code())
    .bind(&hold.reason)
    .bind(&actor.user_id)
    .bind(&actor.label)
    .bind(actor.at.as_second())
    .bind(hold.placed_on.to_string())
    .execute(&mut *tx)
    .await
    .map_err(|e| classify(e, "id", "pupil_id"))?;
    let event =
        AuditEvent::new(AuditAction::Create, "retention_hold", &id).fields(&["pupil_id", "category", "kind", "reason"]);
    audit(&mut tx, board, actor, &event).await?;
    let stored = read_holds(&mut *tx, board, Some(&id), None).await?.pop().ok_or(StoreError::NotFound)?;
    tx.commit().await?;
    Ok(stored)
}

pub(crate) async fn release_hold(
    pool: &Pool,
    board: &BoardId,
    actor: &Actor,
    id: &str,
    on: Date,
) -> Result<StoredHold> {
    let tx = begin(pool).await?;
    let update = sqlx::query(
        "UPDATE retention_holds SET released_by = $3, released_by_label = $4, released_at = $5, released_on = $6 \
         WHERE board_id = $1 AND id = $2 AND released_at IS NULL",
    )
    .bind(&board.0)
    .bind(id)
    .bind(&actor.user_id)
    .bind(&actor.label)
    .bind(actor.at.as_second())
    .bind(on.to_string());
    let mut tx = guarded(tx, "retention_holds", board, id, update).await?;
    let event = AuditEvent::new(AuditAction::Update, "retention_hold", id).fields(&["released_at"]);
    audit(&mut tx, board, actor, &event).await?;
    let stored = read_holds(&mut *tx, board, Some(id), None).await?.pop().ok_or(StoreError::NotFound)?;
    tx.commit().await?;
    Ok(stored)
}

/// The conditions (each after ` AND `) that pick the pupils of `selection`
/// with a trigger date (on or before `until`).
fn push_selection(qb: &mut QueryBuilder<Db>, selection: &RuleSelection, until: Option<Date>) {
    let column = format!("p.{}", selection.trigger.column());
    qb.push(format_args!(" AND {column} IS NOT NULL"));
    if let Some(until) = until {
        qb.push(format_args!(" AND {column} <= ")).push_bind(until.to_string());
    }
    let named: Vec<String> = selection.destinations.iter().flatten().map(|d| d.code().to_owned()).collect();
    let unnamed = selection.destinations.contains(&None);
    match (named.is_empty(), unnamed) {
        (true, false) => {
            qb.push(" AND 1 = 0");
        }
        (true, true) => {
            qb.push(" AND p.leave_destination IS NULL");
        }
        (false, _) => {
            qb.push(" AND (p.leave_destination IN (");
            push_list(qb, named.into_iter());
            qb.push(")");
            if unnamed {
                qb.push(" OR p.leave_destination IS NULL");
            }
            qb.push(")");
        }
    }
}

/// The conditions that leave out an item of `selection`'s category held on
/// `on` (a hold placed by then and not released) or destroyed by a completed
/// batch by then.
fn push_not_held_or_destroyed(qb: &mut QueryBuilder<Db>, selection: &RuleSelection, on: Date) {
    qb.push(
        " AND NOT EXISTS (SELECT 1 FROM retention_holds h WHERE h.board_id = p.board_id AND h.pupil_id = p.id \
         AND (h.category IS NULL OR h.category = ",
    );
    qb.push_bind(selection.category.code().to_owned());
    qb.push(") AND h.placed_on <= ").push_bind(on.to_string());
    qb.push(" AND (h.released_on IS NULL OR h.released_on > ").push_bind(on.to_string());
    qb.push(
        ")) AND NOT EXISTS (SELECT 1 FROM retention_batch_items d WHERE d.board_id = p.board_id AND d.pupil_id = p.id \
         AND d.outcome = 'destroyed' AND d.category = ",
    );
    qb.push_bind(selection.category.code().to_owned());
    qb.push(" AND d.destroyed_on <= ").push_bind(on.to_string());
    qb.push(")");
}

pub(crate) async fn due(
    pool: &Pool,
    board: &BoardId,
    scope: &Scope,
    selection: &RuleSelection,
    cutoff: Date,
    on: Date,
) -> Result<Vec<DueItem>> {
    let column = format!("p.{}", selection.trigger.column());
    let mut qb = QueryBuilder::new(format!(
        "SELECT p.id, p.school_id, p.external_number, p.given_name, p.surname_prefix, p.surname, \
         {column} AS trigger_date FROM pupils p WHERE p.board_id = "
    ));
    qb.push_bind(board.0.clone());
    push_selection(&mut qb, selection, Some(cutoff));
    push_scope(&mut qb, scope, "p.school_id", Some("p.group_id"));
    push_not_held_or_destroyed(&mut qb, selection, on);
    qb.push(format_args!(" ORDER BY {column}, p.surname, p.given_name, p.id"));
    let rows = qb.build().fetch_all(pool).await?;
    rows.iter()
        .map(|row| {
            Ok(DueItem {
                pupil_id: required(row, "id")?,
                school_id: required(row, "school_id")?,
                external_number: required(row, "external_number")?,
                given_name: required(row, "given_name")?,
                surname_prefix: row.try_get("surname_prefix")?,
                surname: required(row, "surname")?,
                trigger_date: date_col(row, "trigger_date")?,
            })
        })
        .collect()
}

pub(crate) async fn count(pool: &Pool, board: &BoardId, selection: &RuleSelection, until: Option<Date>) -> Result<i64> {
    let mut qb = QueryBuilder::new("SELECT COUNT(*) FROM pupils p WHERE p.board_id = ");
    qb.push_bind(board.0.clone());
    push_selection(&mut qb, selection, until);
    Ok(qb.build_query_scalar().fetch_one(pool).await?)
}

pub(crate) async fn due_counts(
    pool: &Pool,
    boards: Option<&[BoardId]>,
    selection: &RuleSelection,
    cutoff: Date,
    on: Date,
) -> Result<Vec<DueCount>> {
    let mut qb = QueryBuilder::new("SELECT p.board_id, p.school_id, COUNT(*) AS items FROM pupils p WHERE 1 = 1");
    if let Some(boards) = boards {
        if boards.is_empty() {
            return Ok(Vec::new());
        }
        qb.push(" AND p.board_id IN (");
        push_list(&mut qb, boards.iter().map(|b| b.0.clone()));
        qb.push(")");
    }
    push_selection(&mut qb, selection, Some(cutoff));
    push_not_held_or_destroyed(&mut qb, selection, on);
    qb.push(" GROUP BY p.board_id, p.school_id ORDER BY p.board_id, p.school_id");
    let rows = qb.build().fetch_all(pool).await?;
    rows.iter()
        .map(|row| {
            Ok(DueCount {
                board_id: BoardId(required(row, "board_id")?),
                school_id: required(row, "school_id")?,
                items: required(row, "items")?,
            })
        })
        .collect()
}

pub(crate) async fn review_hold(pool: &Pool, board: &BoardId, actor: &Actor, id: &str, on: Date) -> Result<StoredHold> {
    let tx = begin(pool).await?;
    let update = sqlx::query(
        "UPDATE retention_holds SET reviewed_on = $3, reviewed_by_label = $4 \
         WHERE board_id = $1 AND id = $2 AND released_at IS NULL",
    )
    .bind(&board.0)
    .bind(id)
    .bind(on.to_string())
    .bind(&actor.label);
    let mut tx = guarded(tx, "retention_holds", board, id, update).await?;
    let event = AuditEvent::new(AuditAction::Update, "retention_hold", id).fields(&["reviewed_on"]);
    audit(&mut tx, board, actor, &event).await?;
    let stored = read_holds(&mut *tx, board, Some(id), None).await?.pop().ok_or(StoreError::NotFound)?;
    tx.commit().await?;
    Ok(stored)
}

pub(crate) async fn open_holds(pool: &Pool, board: Option<&BoardId>) -> Result<Vec<OpenHold>> {
    let columns: String = HOLD_COLUMNS.split(", ").map(|c| format!("h.{c}")).collect::<Vec<_>>().join(", ");
    let sql = format!(
        "SELECT h.board_id, p.school_id, {columns} FROM retention_holds h \
         JOIN pupils p ON p.board_id = h.board_id AND p.id = h.pupil_id \
         WHERE h.released_at IS NULL AND ($1 IS NULL OR h.board_id = $1) ORDER BY h.board_id, h.placed_at DESC, h.id"
    );
    let rows = sqlx::query(sqlx::AssertSqlSafe(sql)).bind(board.map(|b| &b.0)).fetch_all(pool).await?;
    rows.iter()
        .map(|row| {
            Ok(OpenHold {
                board_id: BoardId(required(row, "board_id")?),
                school_id: required(row, "school_id")?,
                hold: hold_from(row)?,
            })
        })
        .collect()
}

pub(crate) async fn unchecked_in(pool: &Pool, week: &str) -> Result<Vec<BoardId>> {
    let ids: Vec<String> = sqlx::query_scalar(
        "SELECT b.id FROM boards b WHERE NOT EXISTS \
         (SELECT 1 FROM retention_notices n WHERE n.board_id = b.id AND n.week = $1) ORDER BY b.id",
    )
    .bind(week)
    .fetch_all(pool)
    .await?;
    Ok(ids.into_iter().map(BoardId).collect())
}

pub(crate) async fn record_weekly_check(
    pool: &Pool,
    board: &BoardId,
    week: &str,
    check: WeeklyCheck,
    at: Timestamp,
    mails: &[crate::NewMail],
) -> Result<bool> {
    let marker = sqlx::query(
        "INSERT INTO retention_notices (board_id, week, due_items, holds_to_review, checked_at) \
         VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING",
    )
    .bind(&board.0)
    .bind(week)
    .bind(check.due_items)
    .bind(check.holds_to_review)
    .bind(at.as_second());
    super::outbox::once(pool, board, marker, mails, at).await
}
