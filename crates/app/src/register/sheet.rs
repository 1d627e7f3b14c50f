//! The register as a spreadsheet, in one documented layout that the export
//! writes and the import reads (so an export re-imports): the main sheet
//! "Verwerkingen" with one row per activity × purpose, and the child sheets
//! "Categorieën" (subjects, data, special categories with their art. 9(2)
//! condition), "Ontvangers" and "Doorgiften", each row naming its activity.
//!
//! Values are the Dutch labels of the register's codes (`register.basis.*`,
//! `register.data.*`, …); the import also takes the codes themselves. Every
//! cell goes through [`crate::export::cell`], so nothing typed into the
//! register runs as a formula in a spreadsheet.

use crate::i18n::t;
use aantoonbaar_rules::register::{
    ActivityStatus, Classification, DataCategory, LegalBasis, RecipientKind, Register, Safeguard, SpecialCondition,
    SubjectCategory,
};

/// A sheet of the layout: its catalogue key and its columns (catalogue keys
/// under `register_export.column.`), the first naming the activity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sheet {
    pub key: &'static str,
    pub columns: &'static [&'static str],
    /// Columns that must be in the file.
    pub required: &'static [&'static str],
}

impl Sheet {
    /// The sheet's name as the file shows it.
    #[must_use]
    pub fn name(&self) -> &'static str {
        t(&format!("register_export.sheet.{}", self.key))
    }

    /// The column headers as the file shows them.
    #[must_use]
    pub fn headers(&self) -> Vec<String> {
        self.columns.iter().map(|c| header(c).to_owned()).collect()
    }
}

/// A column's header.
#[must_use]
pub fn header(column: &str) -> &'static str {
    t(&format!("register_export.column.{column}"))
}

/// One row per activity × purpose; an activity without purposes has one row.
pub const MAIN: Sheet = Sheet {
    key: "main",
    columns: &[
        "name",
        "description",
        "purpose",
        "legal_basis",
        "legal_source",
        "consent_purpose",
        "balancing_test",
        "retention",
        "security_measures",
        "systems",
        "classification",
        "owner",
        "source",
        "automated_decisions",
        "status",
        "review_date",
    ],
    required: &["name", "purpose", "legal_basis"],
};

/// Subjects, data categories and special categories, one per row.
pub const CATEGORIES: Sheet = Sheet {
    key: "categories",
    columns: &["name", "kind", "category", "condition"],
    required: &["name", "kind", "category"],
};

pub const RECIPIENTS: Sheet = Sheet {
    key: "recipients",
    columns: &["name", "recipient", "recipient_kind"],
    required: &["name", "recipient", "recipient_kind"],
};

pub const TRANSFERS: Sheet =
    Sheet { key: "transfers", columns: &["name", "country", "safeguard", "recipient"], required: &["name", "country"] };

/// Every sheet, the main one first.
pub const SHEETS: [Sheet; 4] = [MAIN, CATEGORIES, RECIPIENTS, TRANSFERS];

/// The kinds of the categories sheet.
pub const KIND_SUBJECT: &str = "subject";
pub const KIND_DATA: &str = "data";
pub const KIND_SPECIAL: &str = "special";
pub const KINDS: [&str; 3] = [KIND_SUBJECT, KIND_DATA, KIND_SPECIAL];

/// The label of a code: `register.<list>.<code>`.
#[must_use]
pub fn label(list: &str, code: &str) -> &'static str {
    t(&format!("register.{list}.{code}"))
}

/// The label of a kind of the categories sheet.
#[must_use]
pub fn kind_label(kind: &str) -> &'static str {
    t(&format!("register_export.kind.{kind}"))
}

fn opt(value: Option<&String>) -> String {
    value.cloned().unwrap_or_default()
}

/// The rows of every sheet (without headers), in [`SHEETS`] order.
#[must_use]
pub fn rows(register: &Register) -> [Vec<Vec<String>>; 4] {
    let mut main = Vec::new();
    let mut categories = Vec::new();
    let mut recipients = Vec::new();
    let mut transfers = Vec::new();
    for registered in &register.activities {
        let a = &registered.activity;
        let systems: Vec<&str> =
            a.system_ids.iter().map(|id| register.system_name(id).unwrap_or(id.as_str())).collect();
        let common = |purpose: [String; 5]| -> Vec<String> {
            let [text, basis, source, consent, balancing] = purpose;
            vec![
                a.name.clone(),
                opt(a.description.as_ref()),
                text,
                basis,
                source,
                consent,
                balancing,
                opt(a.retention.as_ref()),
                opt(a.security_measures.as_ref()),
                systems.join("; "),
                a.classification.map(|c| label("classification", c.code()).to_owned()).unwrap_or_default(),
                opt(a.owner.as_ref()),
                opt(a.source.as_ref()),
                opt(a.automated_decisions.as_ref()),
                label("status", a.status.code()).to_owned(),
                a.review_date.map(|d| d.to_string()).unwrap_or_default(),
            ]
        };
        if a.purposes.is_empty() {
            main.push(common(Default::default()));
        }
        for p in &a.purposes {
            main.push(common([
                p.text.clone(),
                label("basis", p.legal_basis.code()).to_owned(),
                opt(p.legal_source.as_ref()),
                opt(p.consent_purpose.as_ref()),
                opt(p.balancing_test.as_ref()),
            ]));
        }
        for s in &a.subject_categories {
            categories.push(vec![
                a.name.clone(),
                kind_label(KIND_SUBJECT).to_owned(),
                label("subject", s.code()).to_owned(),
                String::new(),
            ]);
        }
        // The data categories as listed (a special one without its condition
        // too), then the special categories with their condition: re-imported as they were.
        for d in &a.data_categories {
            categories.push(vec![
                a.name.clone(),
                kind_label(KIND_DATA).to_owned(),
                label("data", d.code()).to_owned(),
                String::new(),
            ]);
        }
        for s in &a.special_categories {
            categories.push(vec![
                a.name.clone(),
                kind_label(KIND_SPECIAL).to_owned(),
                label("data", s.category.code()).to_owned(),
                s.condition.map(|c| label("condition", c.code()).to_owned()).unwrap_or_default(),
            ]);
        }
        for r in &a.recipients {
            recipients.push(vec![a.name.clone(), r.name.clone(), label("recipient", r.kind.code()).to_owned()]);
        }
        for tr in &a.transfers {
            transfers.push(vec![
                a.name.clone(),
                tr.country.clone(),
                tr.safeguard.map(|s| label("safeguard", s.code()).to_owned()).unwrap_or_default(),
                opt(tr.recipient.as_ref()),
            ]);
        }
    }
    [main, categories, recipients, transfers]
}

/// The main sheet with its header, for the CSV export.
#[must_use]
pub fn main_sheet(register: &Register) -> Vec<Vec<String>> {
    let [main, ..] = rows(register);
    std::iter::once(MAIN.headers()).chain(main).collect()
}

/// The workbook: every sheet with a bold, frozen header; every cell written as
/// text through [`crate::export::cell`] (CPU work: call it off the async workers).
///
/// # Errors
/// Only when writing in memory fails.
pub fn workbook(register: &Register) -> Result<Vec<u8>, rust_xlsxwriter::XlsxError> {
    let mut workbook = rust_xlsxwriter::Workbook::new();
    let bold = rust_xlsxwriter::Format::new().set_bold();
    for (sheet, rows) in SHEETS.iter().zip(rows(register)) {
        let worksheet = workbook.add_worksheet();
        worksheet.set_name(sheet.name())?;
        for (column, title) in (0_u16..).zip(sheet.headers()) {
            worksheet.write_string_with_format(0, column, crate::export::cell(&title), &bold)?;
            worksheet.set_column_width(column, 28)?;
        }
        worksheet.set_freeze_panes(1, 0)?;
        for (line, row) in (1_u32..).zip(&rows) {
            for (column, value) in (0_u16..).zip(row) {
                worksheet.write_string(line, column, crate::export::cell(value))?;
            }
        }
    }
    workbook.save_to_buffer()
}

/// A code of `all` named by its label (`register.<list>.<code>`) or by the
/// code itself, case and surrounding spaces ignored.
pub fn coded<T: Copy>(all: &[T], code: fn(T) -> &'static str, list: &str, text: &str) -> Option<T> {
    let wanted = text.trim().to_lowercase();
    all.iter().copied().find(|v| {
        let c = code(*v);
        c == wanted || label(list, c).to_lowercase() == wanted
    })
}

/// The labels of `all`, for an error that says what to choose from.
#[must_use]
pub fn labels<T: Copy>(all: &[T], code: fn(T) -> &'static str, list: &str) -> Vec<&'static str> {
    all.iter().map(|v| label(list, code(*v))).collect()
}

/// The code lists of the layout, for its documentation page: the column and
/// the labels it takes.
#[must_use]
pub fn value_lists() -> Vec<(&'static str, Vec<&'static str>)> {
    vec![
        ("legal_basis", labels(LegalBasis::ALL, LegalBasis::code, "basis")),
        ("classification", labels(Classification::ALL, Classification::code, "classification")),
        ("status", labels(ActivityStatus::ALL, ActivityStatus::code, "status")),
        ("kind", KINDS.iter().map(|k| kind_label(k)).collect()),
        (
            "category",
            labels(SubjectCategory::ALL, SubjectCategory::code, "subject")
                .into_iter()
                .chain(labels(DataCategory::ALL, DataCategory::code, "data"))
                .collect(),
        ),
        ("condition", labels(SpecialCondition::ALL, SpecialCondition::code, "condition")),
        ("recipient_kind", labels(RecipientKind::ALL, RecipientKind::code, "recipient")),
        ("safeguard", labels(Safeguard::ALL, Safeguard::code, "safeguard")),
    ]
}
