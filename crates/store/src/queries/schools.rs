// Schools and their groups; compiled for both back-ends (see `queries.rs`).

use crate::{Group, NewSchool, School};

fn school_from(row: &DbRow) -> Result<School> {
    Ok(School { id: row.try_get("id")?, name: row.try_get("name")?, brin: row.try_get("brin")? })
}

pub(crate) async fn create_school(pool: &Pool, board: &BoardId, actor: &Actor, school: &NewSchool) -> Result<School> {
    let id = new_id();
    let mut tx = begin(pool).await?;
    let row = sqlx::query(
        "INSERT INTO schools (board_id, id, name, brin, created_at) VALUES ($1, $2, $3, $4, $5) RETURNING id, name, brin",
    )
    .bind(&board.0)
    .bind(&id)
    .bind(school.name.as_str())
    .bind(school.brin.as_str())
    .bind(actor.at.as_second())
    .fetch_one(&mut *tx)
    .await
    .map_err(|e| classify(e, "brin", "board"))?;
    audit(&mut tx, board, actor, &AuditEvent::new(AuditAction::Create, "school", &id).fields(&["name", "brin"]))
        .await?;
    tx.commit().await?;
    school_from(&row)
}

pub(crate) async fn schools(pool: &Pool, board: &BoardId, scope: &Scope) -> Result<Vec<School>> {
    let mut qb = QueryBuilder::new("SELECT id, name, brin FROM schools WHERE board_id = ");
    qb.push_bind(board.0.clone());
    push_scope(&mut qb, scope, "id", None);
    qb.push(" ORDER BY name, id");
    let rows = qb.build().fetch_all(pool).await?;
    rows.iter().map(school_from).collect()
}

pub(crate) async fn school(pool: &Pool, board: &BoardId, scope: &Scope, id: &str) -> Result<Option<School>> {
    let mut qb = QueryBuilder::new("SELECT id, name, brin FROM schools WHERE board_id = ");
    qb.push_bind(board.0.clone()).push(" AND id = ").push_bind(id.to_owned());
    push_scope(&mut qb, scope, "id", None);
    let row = qb.build().fetch_optional(pool).await?;
    row.as_ref().map(school_from).transpose()
}

const GROUP_COLUMNS: &str = "SELECT g.id, g.school_id, g.name, \
    (SELECT COUNT(*) FROM pupils p WHERE p.board_id = g.board_id AND p.group_id = g.id AND p.leave_date IS NULL) AS pupil_count \
    FROM school_groups g WHERE g.board_id = ";

fn group_from(row: &DbRow) -> Result<Group> {
    Ok(Group {
        id: row.try_get("id")?,
        school_id: row.try_get("school_id")?,
        name: row.try_get("name")?,
        pupil_count: row.try_get("pupil_count")?,
    })
}

pub(super) async fn insert_group(
    tx: &mut Tx,
    board: &BoardId,
    actor: &Actor,
    school_id: &str,
    name: &str,
) -> Result<String> {
    let id = new_id();
    sqlx::query("INSERT INTO school_groups (board_id, id, school_id, name, created_at) VALUES ($1, $2, $3, $4, $5)")
        .bind(&board.0)
        .bind(&id)
        .bind(school_id)
        .bind(name)
        .bind(actor.at.as_second())
        .execute(&mut **tx)
        .await
        .map_err(|e| classify(e, "name", "school_id"))?;
    audit(tx, board, actor, &AuditEvent::new(AuditAction::Create, "group", &id).fields(&["school_id", "name"])).await?;
    Ok(id)
}

pub(crate) async fn create_group(
    pool: &Pool,
    board: &BoardId,
    actor: &Actor,
    school_id: &str,
    name: &str,
) -> Result<Group> {
    let mut tx = begin(pool).await?;
    let id = insert_group(&mut tx, board, actor, school_id, name).await?;
    tx.commit().await?;
    Ok(Group { id, school_id: school_id.to_owned(), name: name.to_owned(), pupil_count: 0 })
}

pub(crate) async fn groups(pool: &Pool, board: &BoardId, scope: &Scope, school_id: Option<&str>) -> Result<Vec<Group>> {
    let mut qb = QueryBuilder::new(GROUP_COLUMNS);
    qb.push_bind(board.0.clone());
    if let Some(school_id) = school_id {
        qb.push(" AND g.school_id = ").push_bind(school_id.to_owned());
    }
    push_scope(&mut qb, scope, "g.school_id", Some("g.id"));
    qb.push(" ORDER BY g.school_id, g.name, g.id");
    let rows = qb.build().fetch_all(pool).await?;
    rows.iter().map(group_from).collect()
}

pub(crate) async fn group(pool: &Pool, board: &BoardId, scope: &Scope, id: &str) -> Result<Option<Group>> {
    let mut qb = QueryBuilder::new(GROUP_COLUMNS);
    qb.push_bind(board.0.clone()).push(" AND g.id = ").push_bind(id.to_owned());
    push_scope(&mut qb, scope, "g.school_id", Some("g.id"));
    let row = qb.build().fetch_optional(pool).await?;
    row.as_ref().map(group_from).transpose()
}
