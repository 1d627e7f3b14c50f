//! Systems, suppliers, processor agreements with their documents,
//! sub-processors and the recipients that are not processors (AVG art. 28;
//! seed 002 §5.4.2, §9.2.3).

use crate::{Actor, Backend, BoardStore, NewMail, Result, postgres, sqlite};
use aantoonbaar_rules::register::parties::{
    AgreementModel, ConvenantStatus, DocumentKind, RecipientKind, SubProcessorDecision,
};
use aantoonbaar_rules::register::{Classification, Safeguard};
use jiff::Timestamp;
use jiff::civil::Date;
use serde::Serialize;

/// A supplier as entered.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct SupplierData {
    pub name: String,
    /// Processes personal data on the board's behalf (needs an agreement, art. 28(3)).
    pub processor: bool,
    pub convenant_status: Option<ConvenantStatus>,
    pub convenant_checked_on: Option<Date>,
    /// ISO 3166-1 alpha-2 of where the supplier stores the data.
    pub data_location: Option<String>,
    pub contact: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Supplier {
    pub id: String,
    #[serde(flatten)]
    pub data: SupplierData,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
}

/// An information system as entered.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct SystemData {
    pub name: String,
    pub supplier_id: Option<String>,
    pub product: Option<String>,
    /// What the system holds, in the board's words.
    pub holds: Option<String>,
    pub classification: Option<Classification>,
    pub data_location: Option<String>,
    pub in_use: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct InformationSystem {
    pub id: String,
    #[serde(flatten)]
    pub data: SystemData,
    pub supplier_name: Option<String>,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
}

/// A processor agreement as entered.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AgreementData {
    pub supplier_id: String,
    pub model: AgreementModel,
    pub deviations: Option<String>,
    pub signed_at: Option<Date>,
    pub signed_by: Option<String>,
    pub effective_from: Option<Date>,
    pub ends_at: Option<Date>,
    pub review_date: Option<Date>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Agreement {
    pub id: String,
    #[serde(flatten)]
    pub data: AgreementData,
    pub supplier_name: String,
    /// When the reminder that it ends within 60 days went out.
    pub ending_warned_at: Option<Timestamp>,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
}

/// A document to store with an agreement; the store computes its SHA-256 from
/// `content` (never taken from the uploader).
#[derive(Debug, Clone)]
pub struct NewAgreementDocument {
    pub agreement_id: String,
    pub kind: DocumentKind,
    pub product: Option<String>,
    pub file_name: String,
    pub media_type: String,
    pub content: Vec<u8>,
}

/// The SHA-256 of `bytes` as lower-case hex, as shown beside a document.
#[must_use]
pub fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::{Digest, Sha256};
    use std::fmt::Write;
    Sha256::digest(bytes).iter().fold(String::with_capacity(64), |mut hex, byte| {
        let _ = write!(hex, "{byte:02x}");
        hex
    })
}

/// A stored document, without its bytes.
#[derive(Debug, Clone, Serialize)]
pub struct AgreementDocument {
    pub id: String,
    pub agreement_id: String,
    pub kind: DocumentKind,
    pub product: Option<String>,
    pub file_name: String,
    pub media_type: String,
    pub size: i64,
    pub sha256: String,
    pub uploaded_by: String,
    pub uploaded_at: Timestamp,
}

/// A sub-processor notice as entered.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SubProcessorData {
    pub supplier_id: String,
    pub name: String,
    pub location: Option<String>,
    pub safeguard: Option<Safeguard>,
    pub notified_on: Date,
}

#[derive(Debug, Clone, Serialize)]
pub struct SubProcessor {
    pub id: String,
    #[serde(flatten)]
    pub data: SubProcessorData,
    pub supplier_name: String,
    pub objection_deadline: Date,
    pub decision: Option<SubProcessorDecision>,
    pub decided_on: Option<Date>,
    pub decision_note: Option<String>,
    pub warned_at: Option<Timestamp>,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
}

/// A recipient that is no processor, as entered.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RecipientData {
    pub name: String,
    pub kind: RecipientKind,
    /// The legal ground of the disclosure ("art. 8 WPO", "Leerplichtwet art. 21").
    pub legal_ground: String,
    /// What is shared.
    pub shared: String,
    /// When or on what occasion.
    pub occasion: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct DataRecipient {
    pub id: String,
    #[serde(flatten)]
    pub data: RecipientData,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
}

impl BoardStore<'_> {
    /// Adds a supplier. `Duplicate { field: "name" }` for a name in use.
    pub async fn create_supplier(&self, actor: &Actor, data: &SupplierData) -> Result<Supplier> {
        dispatch!(self.store, parties::create_supplier(self.board, actor, data))
    }

    /// Replaces a supplier's fields.
    pub async fn update_supplier(&self, actor: &Actor, id: &str, data: &SupplierData) -> Result<Supplier> {
        dispatch!(self.store, parties::update_supplier(self.board, actor, id, data))
    }

    /// The board's suppliers by name.
    pub async fn suppliers(&self) -> Result<Vec<Supplier>> {
        dispatch!(self.store, parties::suppliers(self.board, None))
    }

    pub async fn supplier(&self, id: &str) -> Result<Option<Supplier>> {
        Ok(dispatch!(self.store, parties::suppliers(self.board, Some(id)))?.pop())
    }

    /// Adds an information system. `BadReference { field: "supplier_id" }` for
    /// a supplier the board does not have.
    pub async fn create_system(&self, actor: &Actor, data: &SystemData) -> Result<InformationSystem> {
        dispatch!(self.store, parties::create_system(self.board, actor, data))
    }

    pub async fn update_system(&self, actor: &Actor, id: &str, data: &SystemData) -> Result<InformationSystem> {
        dispatch!(self.store, parties::update_system(self.board, actor, id, data))
    }

    /// The board's information systems by name.
    pub async fn systems(&self) -> Result<Vec<InformationSystem>> {
        dispatch!(self.store, parties::systems(self.board, None))
    }

    pub async fn system(&self, id: &str) -> Result<Option<InformationSystem>> {
        Ok(dispatch!(self.store, parties::systems(self.board, Some(id)))?.pop())
    }

    /// Adds a processor agreement.
    pub async fn create_agreement(&self, actor: &Actor, data: &AgreementData) -> Result<Agreement> {
        dispatch!(self.store, parties::create_agreement(self.board, actor, data))
    }

    /// Replaces an agreement's fields; a new end date clears the ending reminder.
    pub async fn update_agreement(&self, actor: &Actor, id: &str, data: &AgreementData) -> Result<Agreement> {
        dispatch!(self.store, parties::update_agreement(self.board, actor, id, data))
    }

    /// The board's agreements, by supplier name and then end date.
    pub async fn agreements(&self) -> Result<Vec<Agreement>> {
        dispatch!(self.store, parties::agreements(self.board, None))
    }

    pub async fn agreement(&self, id: &str) -> Result<Option<Agreement>> {
        Ok(dispatch!(self.store, parties::agreements(self.board, Some(id)))?.pop())
    }

    /// Stores a document with its agreement.
    pub async fn add_agreement_document(
        &self,
        actor: &Actor,
        document: &NewAgreementDocument,
    ) -> Result<AgreementDocument> {
        dispatch!(self.store, parties::add_document(self.board, actor, document))
    }

    /// The documents of an agreement, oldest first, without their bytes.
    pub async fn agreement_documents(&self, agreement_id: &str) -> Result<Vec<AgreementDocument>> {
        dispatch!(self.store, parties::documents(self.board, agreement_id))
    }

    /// One document with its bytes.
    pub async fn agreement_document(&self, id: &str) -> Result<Option<(AgreementDocument, Vec<u8>)>> {
        dispatch!(self.store, parties::document(self.board, id))
    }

    /// Records a sub-processor notice; its deadline is given by the caller (the rule).
    pub async fn create_sub_processor(
        &self,
        actor: &Actor,
        data: &SubProcessorData,
        deadline: Date,
    ) -> Result<SubProcessor> {
        dispatch!(self.store, parties::create_sub_processor(self.board, actor, data, deadline))
    }

    pub async fn update_sub_processor(
        &self,
        actor: &Actor,
        id: &str,
        data: &SubProcessorData,
        deadline: Date,
    ) -> Result<SubProcessor> {
        dispatch!(self.store, parties::update_sub_processor(self.board, actor, id, data, deadline))
    }

    /// Records the board's decision on a notice.
    ///
    /// # Errors
    /// [`crate::StoreError::WrongState`] when it was decided already.
    pub async fn decide_sub_processor(
        &self,
        actor: &Actor,
        id: &str,
        decision: SubProcessorDecision,
        decided_on: Date,
        note: Option<&str>,
    ) -> Result<SubProcessor> {
        dispatch!(self.store, parties::decide_sub_processor(self.board, actor, id, decision, decided_on, note))
    }

    /// The sub-processors, by supplier and notice date.
    pub async fn sub_processors(&self) -> Result<Vec<SubProcessor>> {
        dispatch!(self.store, parties::sub_processors(self.board, None))
    }

    pub async fn sub_processor(&self, id: &str) -> Result<Option<SubProcessor>> {
        Ok(dispatch!(self.store, parties::sub_processors(self.board, Some(id)))?.pop())
    }

    pub async fn create_recipient(&self, actor: &Actor, data: &RecipientData) -> Result<DataRecipient> {
        dispatch!(self.store, parties::create_recipient(self.board, actor, data))
    }

    pub async fn update_recipient(&self, actor: &Actor, id: &str, data: &RecipientData) -> Result<DataRecipient> {
        dispatch!(self.store, parties::update_recipient(self.board, actor, id, data))
    }

    /// The recipients that are not processors, by name.
    pub async fn recipients(&self) -> Result<Vec<DataRecipient>> {
        dispatch!(self.store, parties::recipients(self.board, None))
    }

    pub async fn recipient(&self, id: &str) -> Result<Option<DataRecipient>> {
        Ok(dispatch!(self.store, parties::recipients(self.board, Some(id)))?.pop())
    }

    /// Records that the reminder of an agreement ending soon goes out, with its
    /// mails, once: `false` when it went out already.
    pub async fn mark_agreement_ending_warned(&self, actor: &Actor, id: &str, mails: &[NewMail]) -> Result<bool> {
        dispatch!(
            self.store,
            parties::mark_warned(self.board, actor, "processor_agreements", "ending_warned_at", id, mails)
        )
    }

    /// Records that the objection-deadline reminder of a notice goes out, with
    /// its mails, once: `false` when it went out already or it was decided.
    pub async fn mark_sub_processor_warned(&self, actor: &Actor, id: &str, mails: &[NewMail]) -> Result<bool> {
        dispatch!(self.store, parties::mark_warned(self.board, actor, "sub_processors", "warned_at", id, mails))
    }
}
