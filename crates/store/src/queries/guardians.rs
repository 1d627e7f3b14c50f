// Guardians and their links to pupils; compiled for both back-ends (see `queries.rs`).

use crate::{Guardian, Link, LinkedGuardian, NewGuardian};

const GUARDIAN_COLUMNS: &str = "id, given_name, surname_prefix, surname, email, phone";

fn guardian_from(row: &DbRow) -> Result<Guardian> {
    Ok(Guardian {
        id: row.try_get("id")?,
        given_name: row.try_get("given_name")?,
        surname_prefix: row.try_get("surname_prefix")?,
        surname: row.try_get("surname")?,
        email: row.try_get("email")?,
        phone: row.try_get("phone")?,
    })
}

pub(super) async fn insert_guardian(
    tx: &mut Tx,
    board: &BoardId,
    actor: &Actor,
    guardian: &NewGuardian,
) -> Result<String> {
    let id = new_id();
    insert_guardians(tx, board, actor, &[(id.clone(), guardian)]).await?;
    Ok(id)
}

/// Inserts guardians with the ids given, and their audit entries, in a few
/// multi-row statements.
pub(super) async fn insert_guardians(
    tx: &mut Tx,
    board: &BoardId,
    actor: &Actor,
    guardians: &[(String, &NewGuardian)],
) -> Result<()> {
    for chunk in guardians.chunks(500) {
        let mut qb = QueryBuilder::new(
            "INSERT INTO guardians (board_id, id, given_name, surname_prefix, surname, email, phone, created_at, updated_at) ",
        );
        qb.push_values(chunk, |mut row, (id, guardian)| {
            row.push_bind(board.0.clone())
                .push_bind(id.clone())
                .push_bind(guardian.given_name.as_str().to_owned())
                .push_bind(guardian.surname_prefix.as_ref().map(|p| p.as_str().to_owned()))
                .push_bind(guardian.surname.as_str().to_owned())
                .push_bind(guardian.email.as_ref().map(|e| e.as_str().to_owned()))
                .push_bind(guardian.phone.clone())
                .push_bind(actor.at.as_second())
                .push_bind(actor.at.as_second());
        });
        qb.build().execute(&mut **tx).await?;
    }
    let events: Vec<AuditEvent> = guardians
        .iter()
        .map(|(id, _)| {
            AuditEvent::new(AuditAction::Create, "guardian", id).fields(&[
                "given_name",
                "surname_prefix",
                "surname",
                "email",
                "phone",
            ])
        })
        .collect();
    let entries: Vec<(&Actor, &AuditEvent)> = events.iter().map(|event| (actor, event)).collect();
    audit_many(tx, board, &entries).await
}

pub(crate) async fn create_guardian(
    pool: &Pool,
    board: &BoardId,
    actor: &Actor,
    guardian: &NewGuardian,
) -> Result<Guardian> {
    let mut tx = begin(pool).await?;
    let id = insert_guardian(&mut tx, board, actor, guardian).await?;
    tx.commit().await?;
    guardian_in(pool, board, &Scope::Board, &id).await?.ok_or(StoreError::NotFound)
}

/// Guardians in scope: on board scope all, otherwise those of a pupil in scope.
fn guardian_query(board: &BoardId, scope: &Scope) -> QueryBuilder<Db> {
    let mut qb = QueryBuilder::new(format!("SELECT {GUARDIAN_COLUMNS} FROM guardians gu WHERE gu.board_id = "));
    qb.push_bind(board.0.clone());
    if *scope != Scope::Board {
        qb.push(
            " AND EXISTS (SELECT 1 FROM pupil_guardians pg JOIN pupils p ON p.board_id = pg.board_id AND p.id = pg.pupil_id \
             WHERE pg.board_id = gu.board_id AND pg.guardian_id = gu.id",
        );
        push_scope(&mut qb, scope, "p.school_id", Some("p.group_id"));
        qb.push(")");
    }
    qb
}

pub(crate) async fn guardians(pool: &Pool, board: &BoardId, scope: &Scope) -> Result<Vec<Guardian>> {
    let mut qb = guardian_query(board, scope);
    qb.push(" ORDER BY surname, given_name, id");
    let rows = qb.build().fetch_all(pool).await?;
    rows.iter().map(guardian_from).collect()
}

async fn guardian_in(pool: &Pool, board: &BoardId, scope: &Scope, id: &str) -> Result<Option<Guardian>> {
    let mut qb = guardian_query(board, scope);
    qb.push(" AND gu.id = ").push_bind(id.to_owned());
    let row = qb.build().fetch_optional(pool).await?;
    row.as_ref().map(guardian_from).transpose()
}

pub(crate) async fn guardian(pool: &Pool, board: &BoardId, scope: &Scope, id: &str) -> Result<Option<Guardian>> {
    guardian_in(pool, board, scope, id).await
}

pub(super) async fn upsert_link(
    tx: &mut Tx,
    board: &BoardId,
    actor: &Actor,
    pupil_id: &str,
    guardian_id: &str,
    link: Link,
) -> Result<()> {
    upsert_links(tx, board, actor, &[(pupil_id, guardian_id, link)]).await
}

/// Links guardians to pupils (or changes the link), with an audit entry per
/// link, in a few multi-row statements. A pair may occur only once.
pub(super) async fn upsert_links(
    tx: &mut Tx,
    board: &BoardId,
    actor: &Actor,
    links: &[(&str, &str, Link)],
) -> Result<()> {
    for chunk in links.chunks(500) {
        let mut qb = QueryBuilder::new(
            "INSERT INTO pupil_guardians (board_id, pupil_id, guardian_id, relation, holds_custody, recognised) ",
        );
        qb.push_values(chunk, |mut row, (pupil_id, guardian_id, link)| {
            row.push_bind(board.0.clone())
                .push_bind((*pupil_id).to_owned())
                .push_bind((*guardian_id).to_owned())
                .push_bind(link.relation.code())
                .push_bind(link.holds_custody)
                .push_bind(link.recognised);
        });
        qb.push(
            " ON CONFLICT (board_id, pupil_id, guardian_id) DO UPDATE SET relation = excluded.relation, \
             holds_custody = excluded.holds_custody, recognised = excluded.recognised",
        );
        qb.build().execute(&mut **tx).await.map_err(|e| classify(e, "guardian_id", "guardian_id"))?;
    }
    let events: Vec<AuditEvent> = links
        .iter()
        .map(|(pupil_id, _, _)| AuditEvent::new(AuditAction::Update, "pupil", pupil_id).fields(&["guardians"]))
        .collect();
    let entries: Vec<(&Actor, &AuditEvent)> = events.iter().map(|event| (actor, event)).collect();
    audit_many(tx, board, &entries).await
}

pub(crate) async fn link_guardian(
    pool: &Pool,
    board: &BoardId,
    actor: &Actor,
    pupil_id: &str,
    guardian_id: &str,
    link: Link,
) -> Result<()> {
    let mut tx = begin(pool).await?;
    upsert_link(&mut tx, board, actor, pupil_id, guardian_id, link).await?;
    tx.commit().await?;
    Ok(())
}

pub(super) fn linked_from(row: &DbRow) -> Result<LinkedGuardian> {
    Ok(LinkedGuardian {
        guardian: guardian_from(row)?,
        link: Link {
            relation: code_col(row, "relation")?,
            holds_custody: row.try_get("holds_custody")?,
            recognised: row.try_get("recognised")?,
        },
        information_granted_on: optional_date_col(row, "granted_on")?,
    })
}

/// Linked guardians (`linked_from`) with their pupil, before the `WHERE`.
macro_rules! linked_select {
    () => {
        "SELECT pg.pupil_id, gu.id, gu.given_name, gu.surname_prefix, gu.surname, gu.email, gu.phone, \
         pg.relation, pg.holds_custody, pg.recognised, ig.granted_on \
         FROM pupil_guardians pg JOIN guardians gu ON gu.board_id = pg.board_id AND gu.id = pg.guardian_id \
         LEFT JOIN information_grants ig ON ig.board_id = pg.board_id AND ig.pupil_id = pg.pupil_id \
         AND ig.guardian_id = pg.guardian_id "
    };
}

/// A pupil's guardians with their link and any information grant.
pub(super) const LINKED_GUARDIANS: &str = concat!(linked_select!(), "WHERE pg.board_id = $1 AND pg.pupil_id = $2");

/// The same for every pupil of a school (`$2`), with `pupil_id`.
pub(super) const SCHOOL_GUARDIANS: &str = concat!(
    linked_select!(),
    "WHERE pg.board_id = $1 AND pg.pupil_id IN (SELECT id FROM pupils WHERE board_id = $1 AND school_id = $2)"
);

pub(crate) async fn grant_information(
    pool: &Pool,
    board: &BoardId,
    actor: &Actor,
    pupil_id: &str,
    guardian_id: &str,
    granted_on: Date,
) -> Result<()> {
    let mut tx = begin(pool).await?;
    sqlx::query(
        "INSERT INTO information_grants (board_id, pupil_id, guardian_id, granted_on, created_at) VALUES ($1, $2, $3, $4, $5) \
         ON CONFLICT (board_id, pupil_id, guardian_id) DO UPDATE SET granted_on = excluded.granted_on",
    )
    .bind(&board.0)
    .bind(pupil_id)
    .bind(guardian_id)
    .bind(granted_on.to_string())
    .bind(actor.at.as_second())
    .execute(&mut *tx)
    .await
    .map_err(|e| classify(e, "guardian_id", "guardian_id"))?;
    let event = AuditEvent::new(AuditAction::Update, "pupil", pupil_id).fields(&["information_grants"]);
    audit(&mut tx, board, actor, &event).await?;
    tx.commit().await?;
    Ok(())
}

pub(crate) async fn guardians_of(pool: &Pool, board: &BoardId, pupil_id: &str) -> Result<Vec<LinkedGuardian>> {
    let rows = sqlx::query(sqlx::AssertSqlSafe(format!(
        "{LINKED_GUARDIANS} ORDER BY pg.holds_custody DESC, gu.surname, gu.given_name, gu.id"
    )))
    .bind(&board.0)
    .bind(pupil_id)
    .fetch_all(pool)
    .await?;
    rows.iter().map(linked_from).collect()
}

pub(super) async fn update_guardian(
    tx: &mut Tx,
    board: &BoardId,
    actor: &Actor,
    id: &str,
    g: &NewGuardian,
) -> Result<()> {
    sqlx::query(
        "UPDATE guardians SET given_name = $3, surname_prefix = $4, surname = $5, email = $6, phone = $7, updated_at = $8 \
         WHERE board_id = $1 AND id = $2",
    )
    .bind(&board.0)
    .bind(id)
    .bind(g.given_name.as_str())
    .bind(g.surname_prefix.as_ref().map(|p| p.as_str().to_owned()))
    .bind(g.surname.as_str())
    .bind(g.email.as_ref().map(|e| e.as_str().to_owned()))
    .bind(&g.phone)
    .bind(actor.at.as_second())
    .execute(&mut **tx)
    .await?;
    let event = AuditEvent::new(AuditAction::Update, "guardian", id).fields(&[
        "given_name",
        "surname_prefix",
        "surname",
        "email",
        "phone",
    ]);
    audit(tx, board, actor, &event).await
}

pub(crate) async fn guardian_is_unlinked(pool: &Pool, board: &BoardId, id: &str) -> Result<bool> {
    let found: Option<String> = sqlx::query_scalar(
        "SELECT gu.id FROM guardians gu WHERE gu.board_id = $1 AND gu.id = $2 AND NOT EXISTS \
         (SELECT 1 FROM pupil_guardians pg WHERE pg.board_id = gu.board_id AND pg.guardian_id = gu.id)",
    )
    .bind(&board.0)
    .bind(id)
    .fetch_optional(pool)
    .await?;
    Ok(found.is_some())
}
