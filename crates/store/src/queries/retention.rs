// The SQL of retention, compiled for both back-ends (see `queries.rs`).

use crate::retention::{DueItem, NewHold, RuleSelection, StoredHold, StoredRule};
use aantoonbaar_rules::retention::{Period, Rule, SboReading, Source};

fn rule_from(row: &DbRow) -> Result<StoredRule> {
    let period: String = required(row, "period")?;
    let period: Period = period.parse().map_err(|_| StoreError::Corrupt(format!("period: {period}")))?;
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

const RULE_COLUMNS: &str = "SELECT code, version, category, subject, trigger_event, period, end_action, source_kind, \
     source_text, source_url, changed_by_label, changed_at FROM retention_rules r";

async fn read_rules<'e, E>(executor: E, board: &BoardId) -> Result<Vec<StoredRule>>
where
    E: sqlx::Executor<'e, Database = Db>,
{
    let sql = format!(
        "{RULE_COLUMNS} WHERE board_id = $1 AND version = (SELECT MAX(version) FROM retention_rules l \
         WHERE l.board_id = r.board_id AND l.code = r.code) ORDER BY code"
    );
    let rows = sqlx::query(sqlx::AssertSqlSafe(sql)).bind(&board.0).fetch_all(executor).await?;
    rows.iter().map(rule_from).collect()
}

pub(crate) async fn rules(pool: &Pool, board: &BoardId) -> Result<Vec<StoredRule>> {
    read_rules(pool, board).await
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
    let stored = read_rules(&mut *tx, board).await?.into_iter().find(|r| r.rule.code == rule.code);
    tx.commit().await?;
    stored.ok_or(StoreError::NotFound)
}

pub(crate) async fn reading(pool: &Pool, board: &BoardId) -> Result<SboReading> {
    let row = sqlx::query("SELECT sbo_reading FROM retention_settings WHERE board_id = $1")
        .bind(&board.0)
        .fetch_optional(pool)
        .await?;
    row.map_or_else(|| Ok(SboReading::default()), |row| code_col(&row, "sbo_reading"))
}

pub(crate) async fn set_reading(pool: &Pool, board: &BoardId, actor: &Actor, reading: SboReading) -> Result<()> {
    let mut tx = begin(pool).await?;
    sqlx::query(
        "INSERT INTO retention_settings (board_id, sbo_reading, updated_at) VALUES ($1, $2, $3) \
         ON CONFLICT (board_id) DO UPDATE SET sbo_reading = $2, updated_at = $3",
    )
    .bind(&board.0)
    .bind(reading.code())
    .bind(actor.at.as_second())
    .execute(&mut *tx)
    .await?;
    let event = AuditEvent::new(AuditAction::Update, "retention_settings", &board.0).fields(&["sbo_reading"]);
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
    })
}

const HOLD_SELECT: &str = "SELECT id, pupil_id, category, kind, reason, placed_by_label, placed_at, placed_on, \
     released_by_label, released_at, released_on FROM retention_holds \
     WHERE board_id = $1 AND ($2 IS NULL OR id = $2) AND ($3 IS NULL OR pupil_id = $3) ORDER BY placed_at DESC, id";

async fn read_holds<'e, E>(
    executor: E,
    board: &BoardId,
    id: Option<&str>,
    pupil: Option<&str>,
) -> Result<Vec<StoredHold>>
where
    E: sqlx::Executor<'e, Database = Db>,
{
    let rows = sqlx::query(HOLD_SELECT).bind(&board.0).bind(id).bind(pupil).fetch_all(executor).await?;
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

/// The conditions that pick the pupils of `selection` with a trigger date
/// (on or before `until`), after `WHERE p.board_id = `.
fn push_selection(qb: &mut QueryBuilder<Db>, board: &BoardId, selection: &RuleSelection, until: Option<Date>) {
    let column = format!("p.{}", selection.trigger.column());
    qb.push_bind(board.0.clone());
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
    push_selection(&mut qb, board, selection, Some(cutoff));
    push_scope(&mut qb, scope, "p.school_id", Some("p.group_id"));
    qb.push(
        " AND NOT EXISTS (SELECT 1 FROM retention_holds h WHERE h.board_id = p.board_id AND h.pupil_id = p.id \
         AND (h.category IS NULL OR h.category = ",
    );
    qb.push_bind(selection.category.code().to_owned());
    qb.push(") AND h.placed_on <= ").push_bind(on.to_string());
    qb.push(" AND (h.released_on IS NULL OR h.released_on > ").push_bind(on.to_string());
    // An item a completed batch destroyed is off the worklist.
    qb.push(
        ")) AND NOT EXISTS (SELECT 1 FROM retention_batch_items d WHERE d.board_id = p.board_id AND d.pupil_id = p.id \
         AND d.outcome = 'destroyed' AND d.category = ",
    );
    qb.push_bind(selection.category.code().to_owned());
    qb.push(" AND d.destroyed_on <= ").push_bind(on.to_string());
    qb.push(format_args!(") ORDER BY {column}, p.surname, p.given_name, p.id"));
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
    push_selection(&mut qb, board, selection, until);
    Ok(qb.build_query_scalar().fetch_one(pool).await?)
}
