//! The register exported: the live register the caller may see or an adopted
//! snapshot, as JSON (with what each activity misses), W3C DPV JSON-LD
//! ([`super::dpv`]), CSV and XLSX ([`super::sheet`]) or the art. 30 PDF for the
//! supervisory authority. Every export is in the audit trail.

use super::activities::{Completeness, Facts};
use super::{dpv, sheet};
use crate::error::{Error, Result};
use crate::i18n::{t, tf};
use crate::requests::dutch_date;
use crate::{App, Staff};
use aantoonbaar_documents::register::{Entry, RegisterDocument};
use aantoonbaar_rules::Action;
use aantoonbaar_rules::register::{BoardProfile, Register, RegisteredActivity, RegisteredSystem};
use aantoonbaar_store::Scope;
use serde::Serialize;
use utoipa::ToSchema;

/// What an export is written as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Json,
    JsonLd,
    Csv,
    Xlsx,
    Pdf,
}

pub const XLSX_TYPE: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

impl Format {
    /// `?format=`: `json`, `jsonld`, `csv`, `xlsx`, `pdf`.
    #[must_use]
    pub fn from_param(text: &str) -> Option<Self> {
        match text.trim().to_ascii_lowercase().as_str() {
            "json" => Some(Self::Json),
            "jsonld" | "json-ld" => Some(Self::JsonLd),
            "csv" => Some(Self::Csv),
            "xlsx" => Some(Self::Xlsx),
            "pdf" => Some(Self::Pdf),
            _ => None,
        }
    }

    /// The format an `Accept` header asks for; JSON when it names none of ours.
    #[must_use]
    pub fn from_accept(accept: &str) -> Self {
        let accept = accept.to_ascii_lowercase();
        [
            ("application/ld+json", Self::JsonLd),
            ("text/csv", Self::Csv),
            (XLSX_TYPE, Self::Xlsx),
            ("application/pdf", Self::Pdf),
        ]
        .into_iter()
        .find(|(media, _)| accept.contains(media))
        .map_or(Self::Json, |(_, format)| format)
    }

    #[must_use]
    pub const fn content_type(self) -> &'static str {
        match self {
            Self::Json => "application/json",
            Self::JsonLd => "application/ld+json",
            Self::Csv => "text/csv; charset=utf-8",
            Self::Xlsx => XLSX_TYPE,
            Self::Pdf => "application/pdf",
        }
    }

    #[must_use]
    pub const fn extension(self) -> &'static str {
        match self {
            Self::Json => "json",
            Self::JsonLd => "jsonld",
            Self::Csv => "csv",
            Self::Xlsx => "xlsx",
            Self::Pdf => "pdf",
        }
    }
}

/// Which register: the live one, the newest adopted version, or version N.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Which {
    Live,
    Adopted,
    Version(i64),
}

impl Which {
    /// `?version=`: absent or `live`, `adopted`, or a version number.
    ///
    /// # Errors
    /// `register_export.version` on the field `version` for anything else.
    pub fn parse(text: Option<&str>) -> Result<Self> {
        match text.map(str::trim) {
            None | Some("" | "live") => Ok(Self::Live),
            Some("adopted") => Ok(Self::Adopted),
            Some(number) => match number.parse::<i64>() {
                Ok(n) if n > 0 => Ok(Self::Version(n)),
                _ => Err(Error::field("version", "register_export.version_wrong")),
            },
        }
    }
}

/// The adoption an exported snapshot comes from.
#[derive(Debug, Clone)]
pub struct Adoption {
    pub version: i64,
    pub adopted_at: jiff::Timestamp,
    pub adopted_by: String,
    pub decision: String,
}

/// The register to export, already narrowed to what the caller may see.
#[derive(Debug, Clone)]
pub struct Source {
    pub register: Register,
    pub adoption: Option<Adoption>,
}

/// Keeps the activities of a snapshot that `scope` may see: a director the
/// board-wide ones and their school's, as [`super::current`] does.
fn in_scope(scope: &Scope, activity: &RegisteredActivity) -> bool {
    match (scope, &activity.school_id) {
        (Scope::Board, _) | (_, None) => true,
        (Scope::Schools(ids), Some(school)) => ids.contains(school),
        (Scope::Groups(groups), Some(school)) => groups.iter().any(|(_, s)| s == school),
    }
}

/// The register `which` names, as the caller may see it.
///
/// # Errors
/// Forbidden, not found (no such version, or none adopted yet), or the store.
pub async fn source(app: &App, staff: &Staff, which: Which) -> Result<Source> {
    let scope = staff.may(Action::RegisterView)?.clone();
    let adopted = match which {
        Which::Live => return Ok(Source { register: super::current(app, staff).await?, adoption: None }),
        Which::Adopted => super::adopted(app, &staff.principal.board).await?.ok_or(Error::NotFound)?,
        Which::Version(n) => super::adoption::version(app, staff, n).await?,
    };
    let mut register = adopted.register;
    register.activities.retain(|a| in_scope(&scope, a));
    let adoption = Adoption {
        version: adopted.version,
        adopted_at: adopted.adopted_at,
        adopted_by: adopted.adopted_by,
        decision: adopted.decision,
    };
    Ok(Source { register, adoption: Some(adoption) })
}

/// A file to download.
#[derive(Debug, Clone)]
pub struct Download {
    pub bytes: Vec<u8>,
    pub content_type: &'static str,
    pub file_name: String,
}

/// One activity with what it misses today.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct CheckedActivity {
    #[serde(flatten)]
    #[schema(value_type = Object)]
    pub activity: RegisteredActivity,
    pub completeness: Completeness,
}

/// The JSON export.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct RegisterExport {
    /// The adopted version, absent for the live register.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub version: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub adopted_at: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub adopted_by: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub decision: Option<String>,
    /// The day the export was made.
    pub made_on: String,
    #[schema(value_type = Object)]
    pub profile: BoardProfile,
    /// Each with what it misses, checked against the board's facts today.
    pub activities: Vec<CheckedActivity>,
    #[schema(value_type = Vec<Object>)]
    pub systems: Vec<RegisteredSystem>,
}

/// The JSON export of `source`.
///
/// # Errors
/// The store.
pub async fn json(app: &App, staff: &Staff, source: Source) -> Result<RegisterExport> {
    let facts = Facts::of(app, &staff.principal.board).await?;
    let activities = source
        .register
        .activities
        .into_iter()
        .map(|activity| {
            let completeness = Completeness::of(&facts.findings(&activity.activity));
            CheckedActivity { activity, completeness }
        })
        .collect();
    let adoption = source.adoption;
    Ok(RegisterExport {
        version: adoption.as_ref().map(|a| a.version),
        adopted_at: adoption.as_ref().map(|a| a.adopted_at.to_string()),
        adopted_by: adoption.as_ref().map(|a| a.adopted_by.clone()),
        decision: adoption.map(|a| a.decision),
        made_on: app.clock.today().to_string(),
        profile: source.register.profile,
        activities,
        systems: source.register.systems,
    })
}

/// The name a version has in file names and the audit trail.
fn version_name(adoption: Option<&Adoption>) -> String {
    adoption.map_or_else(|| "actueel".to_owned(), |a| format!("versie-{}", a.version))
}

/// Exports the register `which` names as `format`, and records the export in
/// the audit trail (entity `processing_register_export`, id `<version>.<format>`).
///
/// # Errors
/// Forbidden, not found, the store, or (only when writing in memory fails) internal.
pub async fn export(app: &App, staff: &Staff, which: Which, format: Format) -> Result<Download> {
    let source = source(app, staff, which).await?;
    let name = version_name(source.adoption.as_ref());
    let bytes = match format {
        Format::Json => serde_json::to_vec_pretty(&json(app, staff, source).await?).map_err(|e| Error::internal(&e))?,
        Format::JsonLd => {
            let base = format!("urn:aantoonbaar:board:{}:register:{name}", staff.principal.board.as_str());
            serde_json::to_vec_pretty(&dpv::document(&source.register, &base)).map_err(|e| Error::internal(&e))?
        }
        Format::Csv => crate::export::csv(sheet::main_sheet(&source.register)).map_err(|e| Error::internal(&e))?,
        Format::Xlsx => {
            let register = source.register;
            crate::blocking(move || sheet::workbook(&register)).await?.map_err(|e| Error::internal(&e))?
        }
        Format::Pdf => {
            let document = pdf_document(&source, app.clock.today());
            crate::blocking(move || aantoonbaar_documents::register::register(&document))
                .await?
                .map_err(|e| Error::internal(&e))?
        }
    };
    let id = format!("{name}.{}", format.extension());
    app.store.board(&staff.principal.board).record_view(&staff.actor(), "processing_register_export", &id).await?;
    Ok(Download {
        bytes,
        content_type: format.content_type(),
        file_name: format!("verwerkingsregister-{name}.{}", format.extension()),
    })
}

fn joined<I: IntoIterator<Item = String>>(items: I, separator: &str) -> String {
    let items: Vec<String> = items.into_iter().collect();
    if items.is_empty() { t("register_export.pdf.none").to_owned() } else { items.join(separator) }
}

fn field(name: &str) -> String {
    t(&format!("register.field.{name}")).to_owned()
}

/// One fact of an activity as the register's documents show it: the field it
/// comes from, its Dutch label and its value in words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fact {
    pub field: &'static str,
    pub label: String,
    pub value: String,
}

fn fact(field_code: &'static str, value: String) -> Fact {
    Fact { field: field_code, label: field(field_code), value }
}

/// Every item of art. 30(1) and what the board adds, for activity `a` of `register`.
#[must_use]
pub fn activity_facts(register: &Register, a: &aantoonbaar_rules::register::Activity) -> Vec<Fact> {
    let pdf = |key: &str| t(&format!("register_export.pdf.{key}")).to_owned();
    let mut rows = vec![fact("description", a.description.clone().unwrap_or_default())];
    for (n, purpose) in (1..).zip(&a.purposes) {
        let mut value = tf(
            "register_export.pdf.purpose_value",
            &[("text", &purpose.text), ("basis", sheet::label("basis", purpose.legal_basis.code()))],
        );
        if let Some(source) = &purpose.legal_source {
            value = format!("{value}; {}", tf("register_export.pdf.source_value", &[("source", source)]));
        }
        rows.push(Fact {
            field: "purposes",
            label: tf("register_export.pdf.purpose", &[("n", &n.to_string())]),
            value,
        });
    }
    if a.purposes.is_empty() {
        rows.push(fact("purposes", pdf("none")));
    }
    rows.push(fact(
        "subject_categories",
        joined(a.subject_categories.iter().map(|s| sheet::label("subject", s.code()).to_owned()), ", "),
    ));
    rows.push(fact(
        "data_categories",
        joined(a.data_categories.iter().map(|d| sheet::label("data", d.code()).to_owned()), ", "),
    ));
    let special = a.special();
    if !special.is_empty() {
        let values = special.iter().map(|s| {
            let condition =
                s.condition.map_or_else(|| pdf("no_condition"), |c| sheet::label("condition", c.code()).to_owned());
            tf(
                "register_export.pdf.special_value",
                &[("category", sheet::label("data", s.category.code())), ("condition", &condition)],
            )
        });
        rows.push(fact("special_categories", joined(values, "; ")));
    }
    rows.push(fact(
        "recipients",
        joined(a.recipients.iter().map(|r| format!("{} ({})", r.name, sheet::label("recipient", r.kind.code()))), "; "),
    ));
    rows.push(fact(
        "transfers",
        joined(
            a.transfers.iter().map(|tr| {
                let safeguard = tr
                    .safeguard
                    .map_or_else(|| pdf("no_safeguard"), |s| sheet::label("safeguard", s.code()).to_owned());
                let mut value = tf(
                    "register_export.pdf.transfer_value",
                    &[("country", &crate::parties::country_name(&tr.country)), ("safeguard", &safeguard)],
                );
                if let Some(recipient) = &tr.recipient {
                    value = format!("{value} ({recipient})");
                }
                value
            }),
            "; ",
        ),
    ));
    rows.push(fact("retention", a.retention.clone().unwrap_or_else(|| pdf("none"))));
    rows.push(fact("security_measures", a.security_measures.clone().unwrap_or_else(|| pdf("none"))));
    rows.push(fact(
        "system_ids",
        joined(a.system_ids.iter().map(|id| register.system_name(id).unwrap_or(id).to_owned()), ", "),
    ));
    rows.push(fact(
        "classification",
        a.classification.map(|c| sheet::label("classification", c.code()).to_owned()).unwrap_or_default(),
    ));
    rows.push(fact("owner", a.owner.clone().unwrap_or_default()));
    rows.push(fact("source", a.source.clone().unwrap_or_default()));
    rows.push(fact("automated_decisions", a.automated_decisions.clone().unwrap_or_default()));
    rows.push(fact("status", sheet::label("status", a.status.code()).to_owned()));
    rows.push(fact("review_date", a.review_date.map(dutch_date).unwrap_or_default()));
    rows
}

/// The art. 30 document of `source`: the controller and the FG, then every
/// activity still done, with every item of art. 30(1) and what the board adds.
#[must_use]
pub fn pdf_document(source: &Source, today: jiff::civil::Date) -> RegisterDocument {
    let register = &source.register;
    let today = dutch_date(today);
    let version_line = source.adoption.as_ref().map_or_else(
        || tf("register_export.pdf.live", &[("today", &today)]),
        |a| {
            let date = dutch_date(a.adopted_at.to_zoned(jiff::tz::TimeZone::UTC).date());
            tf(
                "register_export.pdf.adopted",
                &[
                    ("version", &a.version.to_string()),
                    ("date", &date),
                    ("by", &a.adopted_by),
                    ("decision", &a.decision),
                    ("today", &today),
                ],
            )
        },
    );
    let p = &register.profile;
    let pdf = |key: &str| t(&format!("register_export.pdf.{key}")).to_owned();
    let mut dpo_contact = p.dpo.email.clone();
    if let Some(phone) = &p.dpo.phone {
        dpo_contact = format!("{dpo_contact}, {phone}");
    }
    let controller = Entry {
        name: pdf("controller"),
        rows: vec![
            (pdf("controller_name"), p.name.clone()),
            (pdf("address"), p.address.clone()),
            (pdf("kvk"), p.kvk.clone().unwrap_or_default()),
            (pdf("contact"), p.contact_email.clone()),
            (pdf("dpo"), p.dpo.name.clone()),
            (pdf("dpo_contact"), dpo_contact),
        ],
    };
    let activities = register
        .current()
        .map(|registered| {
            let a = &registered.activity;
            let rows = activity_facts(register, a).into_iter().map(|f| (f.label, f.value)).collect();
            Entry { name: a.name.clone(), rows }
        })
        .collect();
    RegisterDocument { title: pdf("title"), version_line, controller, activities, empty: pdf("empty") }
}
