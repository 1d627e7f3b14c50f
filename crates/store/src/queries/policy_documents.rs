// The SQL of policy documents and their signatures, compiled for both back-ends (see `queries.rs`).

use super::outbox::queue_in;
use crate::policy_documents::{
    Adoption, NewSignature, PolicyDocument, PolicyDraft, PolicyFile, Signature, SigningNotices, SigningReminders,
};

fn document_from(row: &DbRow) -> Result<PolicyDocument> {
    let size: Option<i64> = row.try_get("file_size")?;
    Ok(PolicyDocument {
        id: required(row, "id")?,
        kind: code_col(row, "kind")?,
        title: required(row, "title")?,
        version: required(row, "version")?,
        change_note: row.try_get("change_note")?,
        text: row.try_get("body")?,
        file_name: row.try_get("file_name")?,
        media_type: row.try_get("media_type")?,
        file_size: size.map(|n| usize::try_from(n).unwrap_or_default()),
        sha256: row.try_get("sha256")?,
        public: required(row, "public")?,
        adopted_on: optional_date_col(row, "adopted_on")?,
        adopted_by: row.try_get("adopted_by")?,
        gmr_consent_on: optional_date_col(row, "gmr_consent_on")?,
        adopted_at: optional_instant_col(row, "adopted_at")?,
        adoption_number: row.try_get("adoption_number")?,
        adoption_recorded_by: row.try_get("adopted_by_label")?,
        created_at: instant_col(row, "created_at")?,
        created_by: required(row, "created_by_label")?,
        updated_at: instant_col(row, "updated_at")?,
    })
}

async fn read_documents<'e, E>(executor: E, board: &BoardId, id: Option<&str>) -> Result<Vec<PolicyDocument>>
where
    E: sqlx::Executor<'e, Database = Db>,
{
    let mut qb = QueryBuilder::new(
        "SELECT id, kind, title, version, change_note, body, file_name, media_type, \
         CAST(LENGTH(content) AS BIGINT) AS file_size, sha256, public, adopted_on, adopted_by, gmr_consent_on, \
         adopted_at, adoption_number, adopted_by_label, created_at, created_by_label, updated_at FROM policy_documents \
         WHERE board_id = ",
    );
    qb.push_bind(board.0.clone());
    if let Some(id) = id {
        qb.push(" AND id = ").push_bind(id.to_owned());
    }
    qb.push(" ORDER BY kind, adoption_number DESC, created_at DESC, id");
    let rows = qb.build().fetch_all(executor).await?;
    rows.iter().map(document_from).collect()
}

pub(crate) async fn documents(pool: &Pool, board: &BoardId, id: Option<&str>) -> Result<Vec<PolicyDocument>> {
    read_documents(pool, board, id).await
}

async fn read_one(tx: &mut Tx, board: &BoardId, id: &str) -> Result<PolicyDocument> {
    read_documents(&mut **tx, board, Some(id)).await?.pop().ok_or(StoreError::NotFound)
}

pub(crate) async fn file(pool: &Pool, board: &BoardId, id: &str) -> Result<Option<Vec<u8>>> {
    let content: Option<Option<Vec<u8>>> =
        sqlx::query_scalar("SELECT content FROM policy_documents WHERE board_id = $1 AND id = $2")
            .bind(&board.0)
            .bind(id)
            .fetch_optional(pool)
            .await?;
    Ok(content.flatten())
}

pub(crate) async fn create(pool: &Pool, board: &BoardId, actor: &Actor, draft: &PolicyDraft) -> Result<PolicyDocument> {
    let mut tx = begin(pool).await?;
    let id = new_id();
    let (body, sha256) = draft.text.clone().unzip();
    sqlx::query(
        "INSERT INTO policy_documents (board_id, id, kind, title, version, change_note, body, sha256, public, \
         created_at, created_by_label, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $10)",
    )
    .bind(&board.0)
    .bind(&id)
    .bind(draft.kind.code())
    .bind(&draft.title)
    .bind(&draft.version)
    .bind(&draft.change_note)
    .bind(body)
    .bind(sha256)
    .bind(draft.kind.public_by_default())
    .bind(actor.at.as_second())
    .bind(&actor.label)
    .execute(&mut *tx)
    .await
    .map_err(|e| classify(e, "version", "kind"))?;
    let event = AuditEvent::new(AuditAction::Create, "policy_document", &id).fields(&[
        "kind",
        "title",
        "version",
        "change_note",
        "text",
    ]);
    audit(&mut tx, board, actor, &event).await?;
    let stored = read_one(&mut tx, board, &id).await?;
    tx.commit().await?;
    Ok(stored)
}

pub(crate) async fn update(
    pool: &Pool,
    board: &BoardId,
    actor: &Actor,
    id: &str,
    draft: &PolicyDraft,
) -> Result<PolicyDocument> {
    let tx = begin(pool).await?;
    let (body, sha256) = draft.text.clone().unzip();
    let has_text = body.is_some();
    // A new text replaces an uploaded file; without one, the draft keeps what it has.
    let update = sqlx::query(
        "UPDATE policy_documents SET title = $3, version = $4, change_note = $5, \
         body = CASE WHEN $6 THEN $7 ELSE body END, sha256 = CASE WHEN $6 THEN $8 ELSE sha256 END, \
         file_name = CASE WHEN $6 THEN NULL ELSE file_name END, \
         media_type = CASE WHEN $6 THEN NULL ELSE media_type END, \
         content = CASE WHEN $6 THEN NULL ELSE content END, updated_at = $9 \
         WHERE board_id = $1 AND id = $2 AND adopted_on IS NULL",
    )
    .bind(&board.0)
    .bind(id)
    .bind(&draft.title)
    .bind(&draft.version)
    .bind(&draft.change_note)
    .bind(has_text)
    .bind(body)
    .bind(sha256)
    .bind(actor.at.as_second());
    let mut tx = match guarded(tx, "policy_documents", board, id, update).await {
        Ok(tx) => tx,
        Err(StoreError::Database(e)) => return Err(classify(e, "version", "kind")),
        Err(e) => return Err(e),
    };
    let mut fields = vec!["title", "version", "change_note"];
    if has_text {
        fields.push("text");
    }
    audit(&mut tx, board, actor, &AuditEvent::new(AuditAction::Update, "policy_document", id).fields(&fields)).await?;
    let stored = read_one(&mut tx, board, id).await?;
    tx.commit().await?;
    Ok(stored)
}

pub(crate) async fn attach(
    pool: &Pool,
    board: &BoardId,
    actor: &Actor,
    id: &str,
    file: &PolicyFile,
) -> Result<PolicyDocument> {
    let tx = begin(pool).await?;
    let update = sqlx::query(
        "UPDATE policy_documents SET body = NULL, file_name = $3, media_type = $4, content = $5, sha256 = $6, \
         updated_at = $7 WHERE board_id = $1 AND id = $2 AND adopted_on IS NULL",
    )
    .bind(&board.0)
    .bind(id)
    .bind(&file.file_name)
    .bind(&file.media_type)
    .bind(&file.content)
    .bind(&file.sha256)
    .bind(actor.at.as_second());
    let mut tx = guarded(tx, "policy_documents", board, id, update).await?;
    let event = AuditEvent::new(AuditAction::Update, "policy_document", id).fields(&["file"]);
    audit(&mut tx, board, actor, &event).await?;
    let stored = read_one(&mut tx, board, id).await?;
    tx.commit().await?;
    Ok(stored)
}

pub(crate) async fn adopt(
    pool: &Pool,
    board: &BoardId,
    actor: &Actor,
    id: &str,
    adoption: &Adoption,
) -> Result<PolicyDocument> {
    let mut tx = begin(pool).await?;
    // One adoption at a time per board, so the numbers follow the order of adoption.
    lock_board(&mut tx, board).await?;
    let update = sqlx::query(
        "UPDATE policy_documents SET adopted_on = $3, adopted_by = 'CvB', gmr_consent_on = $4, public = $5, \
         adopted_at = $6, adopted_by_label = $7, updated_at = $6, adoption_number = (SELECT \
         COALESCE(MAX(p.adoption_number), 0) + 1 FROM policy_documents p WHERE p.board_id = $1 \
         AND p.kind = policy_documents.kind) \
         WHERE board_id = $1 AND id = $2 AND adopted_on IS NULL AND sha256 IS NOT NULL",
    )
    .bind(&board.0)
    .bind(id)
    .bind(adoption.adopted_on.to_string())
    .bind(adoption.gmr_consent_on.map(|d| d.to_string()))
    .bind(adoption.public)
    .bind(actor.at.as_second())
    .bind(&actor.label);
    let mut tx = guarded(tx, "policy_documents", board, id, update).await?;
    let event = AuditEvent::new(AuditAction::Update, "policy_document", id).fields(&[
        "adopted_on",
        "adopted_by",
        "gmr_consent_on",
        "public",
    ]);
    audit(&mut tx, board, actor, &event).await?;
    queue_in(&mut tx, board, &adoption.mails, actor.at).await?;
    let stored = read_one(&mut tx, board, id).await?;
    tx.commit().await?;
    Ok(stored)
}

pub(crate) async fn publish(
    pool: &Pool,
    board: &BoardId,
    actor: &Actor,
    id: &str,
    public: bool,
) -> Result<PolicyDocument> {
    let tx = begin(pool).await?;
    let update = sqlx::query(
        "UPDATE policy_documents SET public = $3, updated_at = $4 \
         WHERE board_id = $1 AND id = $2 AND adopted_on IS NOT NULL",
    )
    .bind(&board.0)
    .bind(id)
    .bind(public)
    .bind(actor.at.as_second());
    let mut tx = guarded(tx, "policy_documents", board, id, update).await?;
    audit(&mut tx, board, actor, &AuditEvent::new(AuditAction::Update, "policy_document", id).fields(&["public"]))
        .await?;
    let stored = read_one(&mut tx, board, id).await?;
    tx.commit().await?;
    Ok(stored)
}

fn signature_from(row: &DbRow) -> Result<Signature> {
    Ok(Signature {
        policy_id: required(row, "policy_id")?,
        staff_id: required(row, "staff_id")?,
        signer_name: required(row, "signer_name")?,
        signed_on: date_col(row, "signed_on")?,
        channel: code_col(row, "channel")?,
        recorded_at: instant_col(row, "recorded_at")?,
        recorded_by: required(row, "recorded_by_label")?,
    })
}

const SIGNATURE_SELECT: &str = "SELECT policy_id, staff_id, signer_name, signed_on, channel, recorded_at, \
     recorded_by_label FROM policy_signatures WHERE board_id = $1";

pub(crate) async fn signatures(pool: &Pool, board: &BoardId, policy_id: &str) -> Result<Vec<Signature>> {
    let sql = format!("{SIGNATURE_SELECT} AND policy_id = $2 ORDER BY signer_name, staff_id");
    let rows = sqlx::query(sqlx::AssertSqlSafe(sql)).bind(&board.0).bind(policy_id).fetch_all(pool).await?;
    rows.iter().map(signature_from).collect()
}

pub(crate) async fn signatures_of(pool: &Pool, board: &BoardId, staff_id: &str) -> Result<Vec<Signature>> {
    let sql = format!("{SIGNATURE_SELECT} AND staff_id = $2 ORDER BY signed_on DESC, policy_id");
    let rows = sqlx::query(sqlx::AssertSqlSafe(sql)).bind(&board.0).bind(staff_id).fetch_all(pool).await?;
    rows.iter().map(signature_from).collect()
}

pub(crate) async fn sign(
    pool: &Pool,
    board: &BoardId,
    actor: &Actor,
    policy_id: &str,
    signature: &NewSignature,
) -> Result<Signature> {
    let tx = begin(pool).await?;
    // Only a version in force can be signed: the guard holds while the signature is written.
    let guard = sqlx::query(
        "UPDATE policy_documents SET updated_at = updated_at WHERE board_id = $1 AND id = $2 AND adopted_on IS NOT NULL",
    )
    .bind(&board.0)
    .bind(policy_id);
    let mut tx = guarded(tx, "policy_documents", board, policy_id, guard).await?;
    sqlx::query(
        "INSERT INTO policy_signatures (board_id, policy_id, staff_id, signer_name, signed_on, channel, \
         recorded_at, recorded_by_label) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(&board.0)
    .bind(policy_id)
    .bind(&signature.staff_id)
    .bind(&signature.signer_name)
    .bind(signature.signed_on.to_string())
    .bind(signature.channel.code())
    .bind(actor.at.as_second())
    .bind(&actor.label)
    .execute(&mut *tx)
    .await
    .map_err(|e| classify(e, "staff_id", "staff_id"))?;
    let event = AuditEvent::new(AuditAction::Create, "policy_signature", policy_id).fields(&[
        "staff_id",
        "signed_on",
        "channel",
    ]);
    audit(&mut tx, board, actor, &event).await?;
    let sql = format!("{SIGNATURE_SELECT} AND policy_id = $2 AND staff_id = $3");
    let row = sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(&board.0)
        .bind(policy_id)
        .bind(&signature.staff_id)
        .fetch_one(&mut *tx)
        .await?;
    let stored = signature_from(&row)?;
    tx.commit().await?;
    Ok(stored)
}

pub(crate) async fn reminders(pool: &Pool, board: &BoardId, policy_id: &str) -> Result<Vec<SigningReminders>> {
    let rows = sqlx::query(
        "SELECT staff_id, sent, last_on, escalated_on FROM policy_signature_reminders \
         WHERE board_id = $1 AND policy_id = $2 ORDER BY staff_id",
    )
    .bind(&board.0)
    .bind(policy_id)
    .fetch_all(pool)
    .await?;
    rows.iter()
        .map(|row| {
            let sent: i64 = required(row, "sent")?;
            Ok(SigningReminders {
                staff_id: required(row, "staff_id")?,
                sent: u32::try_from(sent).map_err(|_| StoreError::Corrupt(format!("sent: {sent}")))?,
                last_on: date_col(row, "last_on")?,
                escalated_on: optional_date_col(row, "escalated_on")?,
            })
        })
        .collect()
}

pub(crate) async fn record_notices(
    pool: &Pool,
    board: &BoardId,
    policy_id: &str,
    today: Date,
    notices: &SigningNotices,
    at: Timestamp,
) -> Result<()> {
    let mut tx = begin(pool).await?;
    for staff_id in &notices.reminded {
        sqlx::query(
            "INSERT INTO policy_signature_reminders (board_id, policy_id, staff_id, sent, last_on) \
             VALUES ($1, $2, $3, 1, $4) \
             ON CONFLICT (board_id, policy_id, staff_id) DO UPDATE SET sent = policy_signature_reminders.sent + 1, \
             last_on = $4",
        )
        .bind(&board.0)
        .bind(policy_id)
        .bind(staff_id)
        .bind(today.to_string())
        .execute(&mut *tx)
        .await?;
    }
    for staff_id in &notices.escalated {
        sqlx::query(
            "UPDATE policy_signature_reminders SET escalated_on = $4 \
             WHERE board_id = $1 AND policy_id = $2 AND staff_id = $3",
        )
        .bind(&board.0)
        .bind(policy_id)
        .bind(staff_id)
        .bind(today.to_string())
        .execute(&mut *tx)
        .await?;
    }
    queue_in(&mut tx, board, &notices.mails, at).await?;
    tx.commit().await?;
    Ok(())
}
