// The SQL of systems, suppliers, processor agreements, their documents,
// sub-processors and the other recipients, compiled for both back-ends (see `queries.rs`).

use crate::parties::{
    Agreement, AgreementData, AgreementDocument, DataRecipient, InformationSystem, NewAgreementDocument, RecipientData,
    SubProcessor, SubProcessorData, Supplier, SupplierData, SystemData,
};
use aantoonbaar_rules::register::parties::SubProcessorDecision;

fn day(date: Option<Date>) -> Option<String> {
    date.map(|d| d.to_string())
}

/// Runs an INSERT or an UPDATE of one row with its audit event; the caller
/// reads the row back in the returned transaction and commits.
async fn write(pool: &Pool, board: &BoardId, actor: &Actor, statement: Statement<'_>, event: AuditEvent) -> Result<Tx> {
    let mut tx = begin(pool).await?;
    match statement.execute(&mut *tx).await {
        Ok(done) if done.rows_affected() > 0 => {}
        Ok(_) => {
            tx.rollback().await?;
            return Err(StoreError::NotFound);
        }
        Err(e) => return Err(classify(e, "name", "supplier_id")),
    }
    audit(&mut tx, board, actor, &event).await?;
    Ok(tx)
}

/// Commits `tx` after reading back the row just written.
async fn finish<T>(tx: Tx, row: Option<T>) -> Result<T> {
    let row = row.ok_or(StoreError::NotFound)?;
    tx.commit().await?;
    Ok(row)
}

// ---------------------------------------------------------------- suppliers

const SUPPLIER_FIELDS: &[&str] =
    &["name", "processor", "convenant_status", "convenant_checked_on", "data_location", "contact"];

fn bind_supplier<'q>(query: Statement<'q>, d: &'q SupplierData) -> Statement<'q> {
    query
        .bind(&d.name)
        .bind(d.processor)
        .bind(d.convenant_status.map(|s| s.code()))
        .bind(day(d.convenant_checked_on))
        .bind(&d.data_location)
        .bind(&d.contact)
}

fn supplier_from(row: &DbRow) -> Result<Supplier> {
    Ok(Supplier {
        id: row.try_get("id")?,
        data: SupplierData {
            name: row.try_get("name")?,
            processor: row.try_get("processor")?,
            convenant_status: optional_code_col(row, "convenant_status")?,
            convenant_checked_on: optional_date_col(row, "convenant_checked_on")?,
            data_location: row.try_get("data_location")?,
            contact: row.try_get("contact")?,
        },
        created_at: instant_col(row, "created_at")?,
        updated_at: instant_col(row, "updated_at")?,
    })
}

const SUPPLIER_SELECT: &str = "SELECT id, name, processor, convenant_status, convenant_checked_on, data_location, \
     contact, created_at, updated_at FROM suppliers WHERE board_id = $1 AND ($2 IS NULL OR id = $2) ORDER BY name, id";

async fn read_suppliers<'e, E>(executor: E, board: &BoardId, id: Option<&str>) -> Result<Vec<Supplier>>
where
    E: sqlx::Executor<'e, Database = Db>,
{
    let rows = sqlx::query(SUPPLIER_SELECT).bind(&board.0).bind(id).fetch_all(executor).await?;
    rows.iter().map(supplier_from).collect()
}

pub(crate) async fn suppliers(pool: &Pool, board: &BoardId, id: Option<&str>) -> Result<Vec<Supplier>> {
    read_suppliers(pool, board, id).await
}

pub(crate) async fn create_supplier(pool: &Pool, board: &BoardId, actor: &Actor, d: &SupplierData) -> Result<Supplier> {
    let id = new_id();
    let query = sqlx::query(
        "INSERT INTO suppliers (board_id, id, name, processor, convenant_status, convenant_checked_on, data_location, \
         contact, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9)",
    )
    .bind(&board.0)
    .bind(&id);
    let query = bind_supplier(query, d).bind(actor.at.as_second());
    let event = AuditEvent::new(AuditAction::Create, "supplier", &id).fields(SUPPLIER_FIELDS);
    let mut tx = write(pool, board, actor, query, event).await?;
    let row = read_suppliers(&mut *tx, board, Some(&id)).await?.pop();
    finish(tx, row).await
}

pub(crate) async fn update_supplier(
    pool: &Pool,
    board: &BoardId,
    actor: &Actor,
    id: &str,
    d: &SupplierData,
) -> Result<Supplier> {
    let query = sqlx::query(
        "UPDATE suppliers SET name = $3, processor = $4, convenant_status = $5, convenant_checked_on = $6, \
         data_location = $7, contact = $8, updated_at = $9 WHERE board_id = $1 AND id = $2",
    )
    .bind(&board.0)
    .bind(id);
    let query = bind_supplier(query, d).bind(actor.at.as_second());
    let event = AuditEvent::new(AuditAction::Update, "supplier", id).fields(SUPPLIER_FIELDS);
    let mut tx = write(pool, board, actor, query, event).await?;
    let row = read_suppliers(&mut *tx, board, Some(id)).await?.pop();
    finish(tx, row).await
}

// ---------------------------------------------------------------- systems

const SYSTEM_FIELDS: &[&str] =
    &["name", "supplier_id", "product", "holds", "classification", "data_location", "in_use"];

fn bind_system<'q>(query: Statement<'q>, d: &'q SystemData) -> Statement<'q> {
    query
        .bind(&d.name)
        .bind(&d.supplier_id)
        .bind(&d.product)
        .bind(&d.holds)
        .bind(d.classification.map(|c| c.code()))
        .bind(&d.data_location)
        .bind(d.in_use)
}

fn system_from(row: &DbRow) -> Result<InformationSystem> {
    Ok(InformationSystem {
        id: row.try_get("id")?,
        data: SystemData {
            name: row.try_get("name")?,
            supplier_id: row.try_get("supplier_id")?,
            product: row.try_get("product")?,
            holds: row.try_get("holds")?,
            classification: optional_code_col(row, "classification")?,
            data_location: row.try_get("data_location")?,
            in_use: row.try_get("in_use")?,
        },
        supplier_name: row.try_get("supplier_name")?,
        created_at: instant_col(row, "created_at")?,
        updated_at: instant_col(row, "updated_at")?,
    })
}

const SYSTEM_SELECT: &str = "SELECT s.id, s.name, s.supplier_id, s.product, s.holds, s.classification, \
     s.data_location, s.in_use, s.created_at, s.updated_at, p.name AS supplier_name FROM information_systems s \
     LEFT JOIN suppliers p ON p.board_id = s.board_id AND p.id = s.supplier_id \
     WHERE s.board_id = $1 AND ($2 IS NULL OR s.id = $2) ORDER BY s.name, s.id";

async fn read_systems<'e, E>(executor: E, board: &BoardId, id: Option<&str>) -> Result<Vec<InformationSystem>>
where
    E: sqlx::Executor<'e, Database = Db>,
{
    let rows = sqlx::query(SYSTEM_SELECT).bind(&board.0).bind(id).fetch_all(executor).await?;
    rows.iter().map(system_from).collect()
}

pub(crate) async fn systems(pool: &Pool, board: &BoardId, id: Option<&str>) -> Result<Vec<InformationSystem>> {
    read_systems(pool, board, id).await
}

pub(crate) async fn create_system(
    pool: &Pool,
    board: &BoardId,
    actor: &Actor,
    d: &SystemData,
) -> Result<InformationSystem> {
    let id = new_id();
    let query = sqlx::query(
        "INSERT INTO information_systems (board_id, id, name, supplier_id, product, holds, classification, \
         data_location, in_use, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10)",
    )
    .bind(&board.0)
    .bind(&id);
    let query = bind_system(query, d).bind(actor.at.as_second());
    let event = AuditEvent::new(AuditAction::Create, "information_system", &id).fields(SYSTEM_FIELDS);
    let mut tx = write(pool, board, actor, query, event).await?;
    let row = read_systems(&mut *tx, board, Some(&id)).await?.pop();
    finish(tx, row).await
}

pub(crate) async fn update_system(
    pool: &Pool,
    board: &BoardId,
    actor: &Actor,
    id: &str,
    d: &SystemData,
) -> Result<InformationSystem> {
    let query = sqlx::query(
        "UPDATE information_systems SET name = $3, supplier_id = $4, product = $5, holds = $6, classification = $7, \
         data_location = $8, in_use = $9, updated_at = $10 WHERE board_id = $1 AND id = $2",
    )
    .bind(&board.0)
    .bind(id);
    let query = bind_system(query, d).bind(actor.at.as_second());
    let event = AuditEvent::new(AuditAction::Update, "information_system", id).fields(SYSTEM_FIELDS);
    let mut tx = write(pool, board, actor, query, event).await?;
    let row = read_systems(&mut *tx, board, Some(id)).await?.pop();
    finish(tx, row).await
}

// ---------------------------------------------------------------- agreements

const AGREEMENT_FIELDS: &[&str] =
    &["supplier_id", "model", "deviations", "signed_at", "signed_by", "effective_from", "ends_at", "review_date"];

fn bind_agreement<'q>(query: Statement<'q>, d: &'q AgreementData) -> Statement<'q> {
    query
        .bind(&d.supplier_id)
        .bind(d.model.code())
        .bind(&d.deviations)
        .bind(day(d.signed_at))
        .bind(&d.signed_by)
        .bind(day(d.effective_from))
        .bind(day(d.ends_at))
        .bind(day(d.review_date))
}

fn agreement_from(row: &DbRow) -> Result<Agreement> {
    Ok(Agreement {
        id: row.try_get("id")?,
        data: AgreementData {
            supplier_id: row.try_get("supplier_id")?,
            model: code_col(row, "model")?,
            deviations: row.try_get("deviations")?,
            signed_at: optional_date_col(row, "signed_at")?,
            signed_by: row.try_get("signed_by")?,
            effective_from: optional_date_col(row, "effective_from")?,
            ends_at: optional_date_col(row, "ends_at")?,
            review_date: optional_date_col(row, "review_date")?,
        },
        supplier_name: required(row, "supplier_name")?,
        ending_warned_at: optional_instant_col(row, "ending_warned_at")?,
        created_at: instant_col(row, "created_at")?,
        updated_at: instant_col(row, "updated_at")?,
    })
}

const AGREEMENT_SELECT: &str = "SELECT a.id, a.supplier_id, a.model, a.deviations, a.signed_at, a.signed_by, \
     a.effective_from, a.ends_at, a.review_date, a.ending_warned_at, a.created_at, a.updated_at, \
     p.name AS supplier_name FROM processor_agreements a \
     JOIN suppliers p ON p.board_id = a.board_id AND p.id = a.supplier_id \
     WHERE a.board_id = $1 AND ($2 IS NULL OR a.id = $2) ORDER BY p.name, a.ends_at, a.id";

async fn read_agreements<'e, E>(executor: E, board: &BoardId, id: Option<&str>) -> Result<Vec<Agreement>>
where
    E: sqlx::Executor<'e, Database = Db>,
{
    let rows = sqlx::query(AGREEMENT_SELECT).bind(&board.0).bind(id).fetch_all(executor).await?;
    rows.iter().map(agreement_from).collect()
}

pub(crate) async fn agreements(pool: &Pool, board: &BoardId, id: Option<&str>) -> Result<Vec<Agreement>> {
    read_agreements(pool, board, id).await
}

pub(crate) async fn create_agreement(
    pool: &Pool,
    board: &BoardId,
    actor: &Actor,
    d: &AgreementData,
) -> Result<Agreement> {
    let id = new_id();
    let query = sqlx::query(
        "INSERT INTO processor_agreements (board_id, id, supplier_id, model, deviations, signed_at, signed_by, \
         effective_from, ends_at, review_date, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11)",
    )
    .bind(&board.0)
    .bind(&id);
    let query = bind_agreement(query, d).bind(actor.at.as_second());
    let event = AuditEvent::new(AuditAction::Create, "processor_agreement", &id).fields(AGREEMENT_FIELDS);
    let mut tx = write(pool, board, actor, query, event).await?;
    let row = read_agreements(&mut *tx, board, Some(&id)).await?.pop();
    finish(tx, row).await
}

pub(crate) async fn update_agreement(
    pool: &Pool,
    board: &BoardId,
    actor: &Actor,
    id: &str,
    d: &AgreementData,
) -> Result<Agreement> {
    // A new end date is a new reason to remind: the mark is cleared when the end changes.
    let query = sqlx::query(
        "UPDATE processor_agreements SET supplier_id = $3, model = $4, deviations = $5, signed_at = $6, \
         signed_by = $7, effective_from = $8, \
         ending_warned_at = CASE WHEN ends_at = $9 THEN ending_warned_at ELSE NULL END, ends_at = $9, \
         review_date = $10, updated_at = $11 WHERE board_id = $1 AND id = $2",
    )
    .bind(&board.0)
    .bind(id);
    let query = bind_agreement(query, d).bind(actor.at.as_second());
    let event = AuditEvent::new(AuditAction::Update, "processor_agreement", id).fields(AGREEMENT_FIELDS);
    let mut tx = write(pool, board, actor, query, event).await?;
    let row = read_agreements(&mut *tx, board, Some(id)).await?.pop();
    finish(tx, row).await
}

// ---------------------------------------------------------------- documents

const DOCUMENT_COLUMNS: &str =
    "SELECT id, agreement_id, kind, product, file_name, media_type, size, sha256, uploaded_by, uploaded_at";

fn document_from(row: &DbRow) -> Result<AgreementDocument> {
    Ok(AgreementDocument {
        id: row.try_get("id")?,
        agreement_id: row.try_get("agreement_id")?,
        kind: code_col(row, "kind")?,
        product: row.try_get("product")?,
        file_name: row.try_get("file_name")?,
        media_type: row.try_get("media_type")?,
        size: row.try_get("size")?,
        sha256: row.try_get("sha256")?,
        uploaded_by: row.try_get("uploaded_by")?,
        uploaded_at: instant_col(row, "uploaded_at")?,
    })
}

pub(crate) async fn add_document(
    pool: &Pool,
    board: &BoardId,
    actor: &Actor,
    d: &NewAgreementDocument,
) -> Result<AgreementDocument> {
    let id = new_id();
    let size = i64::try_from(d.content.len()).map_err(|_| StoreError::Corrupt("document size".to_owned()))?;
    let sha256 = crate::parties::sha256_hex(&d.content);
    let mut tx = begin(pool).await?;
    sqlx::query(
        "INSERT INTO agreement_documents (board_id, id, agreement_id, kind, product, file_name, media_type, size, \
         sha256, content, uploaded_by, uploaded_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)",
    )
    .bind(&board.0)
    .bind(&id)
    .bind(&d.agreement_id)
    .bind(d.kind.code())
    .bind(&d.product)
    .bind(&d.file_name)
    .bind(&d.media_type)
    .bind(size)
    .bind(&sha256)
    .bind(&d.content)
    .bind(&actor.label)
    .bind(actor.at.as_second())
    .execute(&mut *tx)
    .await
    .map_err(|e| classify(e, "id", "agreement_id"))?;
    let event = AuditEvent::new(AuditAction::Create, "agreement_document", &id).fields(&[
        "agreement_id",
        "kind",
        "product",
        "file_name",
        "sha256",
    ]);
    audit(&mut tx, board, actor, &event).await?;
    tx.commit().await?;
    Ok(AgreementDocument {
        id,
        agreement_id: d.agreement_id.clone(),
        kind: d.kind,
        product: d.product.clone(),
        file_name: d.file_name.clone(),
        media_type: d.media_type.clone(),
        size,
        sha256,
        uploaded_by: actor.label.clone(),
        uploaded_at: actor.at,
    })
}

pub(crate) async fn documents(pool: &Pool, board: &BoardId, agreement_id: &str) -> Result<Vec<AgreementDocument>> {
    let sql = format!(
        "{DOCUMENT_COLUMNS} FROM agreement_documents WHERE board_id = $1 AND agreement_id = $2 \
         ORDER BY uploaded_at, id"
    );
    let rows = sqlx::query(sqlx::AssertSqlSafe(sql)).bind(&board.0).bind(agreement_id).fetch_all(pool).await?;
    rows.iter().map(document_from).collect()
}

pub(crate) async fn document(pool: &Pool, board: &BoardId, id: &str) -> Result<Option<(AgreementDocument, Vec<u8>)>> {
    let sql = format!("{DOCUMENT_COLUMNS}, content FROM agreement_documents WHERE board_id = $1 AND id = $2");
    let row = sqlx::query(sqlx::AssertSqlSafe(sql)).bind(&board.0).bind(id).fetch_optional(pool).await?;
    row.map(|row| Ok((document_from(&row)?, row.try_get("content")?))).transpose()
}

// ---------------------------------------------------------------- sub-processors

const SUB_PROCESSOR_FIELDS: &[&str] =
    &["supplier_id", "name", "location", "safeguard", "notified_on", "objection_deadline"];

fn bind_sub_processor<'q>(query: Statement<'q>, d: &'q SubProcessorData, deadline: Date) -> Statement<'q> {
    query
        .bind(&d.supplier_id)
        .bind(&d.name)
        .bind(&d.location)
        .bind(d.safeguard.map(|s| s.code()))
        .bind(d.notified_on.to_string())
        .bind(deadline.to_string())
}

fn sub_processor_from(row: &DbRow) -> Result<SubProcessor> {
    Ok(SubProcessor {
        id: row.try_get("id")?,
        data: SubProcessorData {
            supplier_id: row.try_get("supplier_id")?,
            name: row.try_get("name")?,
            location: row.try_get("location")?,
            safeguard: optional_code_col(row, "safeguard")?,
            notified_on: date_col(row, "notified_on")?,
        },
        supplier_name: required(row, "supplier_name")?,
        objection_deadline: date_col(row, "objection_deadline")?,
        decision: optional_code_col(row, "decision")?,
        decided_on: optional_date_col(row, "decided_on")?,
        decision_note: row.try_get("decision_note")?,
        warned_at: optional_instant_col(row, "warned_at")?,
        created_at: instant_col(row, "created_at")?,
        updated_at: instant_col(row, "updated_at")?,
    })
}

const SUB_PROCESSOR_SELECT: &str = "SELECT s.id, s.supplier_id, s.name, s.location, s.safeguard, s.notified_on, \
     s.objection_deadline, s.decision, s.decided_on, s.decision_note, s.warned_at, s.created_at, s.updated_at, \
     p.name AS supplier_name FROM sub_processors s JOIN suppliers p ON p.board_id = s.board_id AND p.id = s.supplier_id \
     WHERE s.board_id = $1 AND ($2 IS NULL OR s.id = $2) ORDER BY p.name, s.notified_on, s.id";

async fn read_sub_processors<'e, E>(executor: E, board: &BoardId, id: Option<&str>) -> Result<Vec<SubProcessor>>
where
    E: sqlx::Executor<'e, Database = Db>,
{
    let rows = sqlx::query(SUB_PROCESSOR_SELECT).bind(&board.0).bind(id).fetch_all(executor).await?;
    rows.iter().map(sub_processor_from).collect()
}

pub(crate) async fn sub_processors(pool: &Pool, board: &BoardId, id: Option<&str>) -> Result<Vec<SubProcessor>> {
    read_sub_processors(pool, board, id).await
}

pub(crate) async fn create_sub_processor(
    pool: &Pool,
    board: &BoardId,
    actor: &Actor,
    d: &SubProcessorData,
    deadline: Date,
) -> Result<SubProcessor> {
    let id = new_id();
    let query = sqlx::query(
        "INSERT INTO sub_processors (board_id, id, supplier_id, name, location, safeguard, notified_on, \
         objection_deadline, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9)",
    )
    .bind(&board.0)
    .bind(&id);
    let query = bind_sub_processor(query, d, deadline).bind(actor.at.as_second());
    let event = AuditEvent::new(AuditAction::Create, "sub_processor", &id).fields(SUB_PROCESSOR_FIELDS);
    let mut tx = write(pool, board, actor, query, event).await?;
    let row = read_sub_processors(&mut *tx, board, Some(&id)).await?.pop();
    finish(tx, row).await
}

pub(crate) async fn update_sub_processor(
    pool: &Pool,
    board: &BoardId,
    actor: &Actor,
    id: &str,
    d: &SubProcessorData,
    deadline: Date,
) -> Result<SubProcessor> {
    let query = sqlx::query(
        "UPDATE sub_processors SET supplier_id = $3, name = $4, location = $5, safeguard = $6, notified_on = $7, \
         warned_at = CASE WHEN objection_deadline = $8 THEN warned_at ELSE NULL END, objection_deadline = $8, \
         updated_at = $9 WHERE board_id = $1 AND id = $2",
    )
    .bind(&board.0)
    .bind(id);
    let query = bind_sub_processor(query, d, deadline).bind(actor.at.as_second());
    let event = AuditEvent::new(AuditAction::Update, "sub_processor", id).fields(SUB_PROCESSOR_FIELDS);
    let mut tx = write(pool, board, actor, query, event).await?;
    let row = read_sub_processors(&mut *tx, board, Some(id)).await?.pop();
    finish(tx, row).await
}

pub(crate) async fn decide_sub_processor(
    pool: &Pool,
    board: &BoardId,
    actor: &Actor,
    id: &str,
    decision: SubProcessorDecision,
    decided_on: Date,
    note: Option<&str>,
) -> Result<SubProcessor> {
    let query = sqlx::query(
        "UPDATE sub_processors SET decision = $3, decided_on = $4, decision_note = $5, updated_at = $6 \
         WHERE board_id = $1 AND id = $2 AND decision IS NULL",
    )
    .bind(&board.0)
    .bind(id)
    .bind(decision.code())
    .bind(decided_on.to_string())
    .bind(note)
    .bind(actor.at.as_second());
    let mut tx = guarded(begin(pool).await?, "sub_processors", board, id, query).await?;
    let event =
        AuditEvent::new(AuditAction::Update, "sub_processor", id).fields(&["decision", "decided_on", "decision_note"]);
    audit(&mut tx, board, actor, &event).await?;
    let row = read_sub_processors(&mut *tx, board, Some(id)).await?.pop().ok_or(StoreError::NotFound)?;
    tx.commit().await?;
    Ok(row)
}

// ---------------------------------------------------------------- recipients

const RECIPIENT_FIELDS: &[&str] = &["name", "kind", "legal_ground", "shared", "occasion"];

fn bind_recipient<'q>(query: Statement<'q>, d: &'q RecipientData) -> Statement<'q> {
    query.bind(&d.name).bind(d.kind.code()).bind(&d.legal_ground).bind(&d.shared).bind(&d.occasion)
}

fn recipient_from(row: &DbRow) -> Result<DataRecipient> {
    Ok(DataRecipient {
        id: row.try_get("id")?,
        data: RecipientData {
            name: row.try_get("name")?,
            kind: code_col(row, "kind")?,
            legal_ground: row.try_get("legal_ground")?,
            shared: row.try_get("shared")?,
            occasion: row.try_get("occasion")?,
        },
        created_at: instant_col(row, "created_at")?,
        updated_at: instant_col(row, "updated_at")?,
    })
}

const RECIPIENT_SELECT: &str = "SELECT id, name, kind, legal_ground, shared, occasion, created_at, updated_at \
     FROM data_recipients WHERE board_id = $1 AND ($2 IS NULL OR id = $2) ORDER BY name, id";

async fn read_recipients<'e, E>(executor: E, board: &BoardId, id: Option<&str>) -> Result<Vec<DataRecipient>>
where
    E: sqlx::Executor<'e, Database = Db>,
{
    let rows = sqlx::query(RECIPIENT_SELECT).bind(&board.0).bind(id).fetch_all(executor).await?;
    rows.iter().map(recipient_from).collect()
}

pub(crate) async fn recipients(pool: &Pool, board: &BoardId, id: Option<&str>) -> Result<Vec<DataRecipient>> {
    read_recipients(pool, board, id).await
}

pub(crate) async fn create_recipient(
    pool: &Pool,
    board: &BoardId,
    actor: &Actor,
    d: &RecipientData,
) -> Result<DataRecipient> {
    let id = new_id();
    let query = sqlx::query(
        "INSERT INTO data_recipients (board_id, id, name, kind, legal_ground, shared, occasion, created_at, \
         updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8)",
    )
    .bind(&board.0)
    .bind(&id);
    let query = bind_recipient(query, d).bind(actor.at.as_second());
    let event = AuditEvent::new(AuditAction::Create, "data_recipient", &id).fields(RECIPIENT_FIELDS);
    let mut tx = write(pool, board, actor, query, event).await?;
    let row = read_recipients(&mut *tx, board, Some(&id)).await?.pop();
    finish(tx, row).await
}

pub(crate) async fn update_recipient(
    pool: &Pool,
    board: &BoardId,
    actor: &Actor,
    id: &str,
    d: &RecipientData,
) -> Result<DataRecipient> {
    let query = sqlx::query(
        "UPDATE data_recipients SET name = $3, kind = $4, legal_ground = $5, shared = $6, occasion = $7, \
         updated_at = $8 WHERE board_id = $1 AND id = $2",
    )
    .bind(&board.0)
    .bind(id);
    let query = bind_recipient(query, d).bind(actor.at.as_second());
    let event = AuditEvent::new(AuditAction::Update, "data_recipient", id).fields(RECIPIENT_FIELDS);
    let mut tx = write(pool, board, actor, query, event).await?;
    let row = read_recipients(&mut *tx, board, Some(id)).await?.pop();
    finish(tx, row).await
}

// ---------------------------------------------------------------- reminders

/// Sets the reminder mark `column` of row `id` of `table` when it is not set
/// (and, for a notice, while it is undecided), with its audit entry and mails.
pub(crate) async fn mark_warned(
    pool: &Pool,
    board: &BoardId,
    actor: &Actor,
    table: &'static str,
    column: &'static str,
    id: &str,
    mails: &[crate::NewMail],
) -> Result<bool> {
    let open = if table == "sub_processors" { " AND decision IS NULL" } else { "" };
    let sql = format!("UPDATE {table} SET {column} = $3 WHERE board_id = $1 AND id = $2 AND {column} IS NULL{open}");
    let query = sqlx::query(sqlx::AssertSqlSafe(sql)).bind(&board.0).bind(id.to_owned()).bind(actor.at.as_second());
    let mut tx = match guarded(begin(pool).await?, table, board, id, query).await {
        Ok(tx) => tx,
        Err(StoreError::WrongState) => return Ok(false),
        Err(err) => return Err(err),
    };
    let entity = if table == "sub_processors" { "sub_processor" } else { "processor_agreement" };
    let event = AuditEvent::new(AuditAction::Update, entity, id).fields(&[column]);
    audit(&mut tx, board, actor, &event).await?;
    super::outbox::queue_in(&mut tx, board, mails, actor.at).await?;
    tx.commit().await?;
    Ok(true)
}
