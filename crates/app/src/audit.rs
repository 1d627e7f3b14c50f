//! The audit trail (Logboek) as the FG, the IBP manager and the board read it:
//! each entry in Dutch words (what was done, about whom, by whom), filtered on
//! a person, a pupil and a period, a page at a time or all of it as CSV.

use crate::error::{FieldError, Result};
use crate::i18n::{t, tf};
use crate::incidents::moment;
use crate::requests::dutch_date;
use crate::{App, Staff};
use aantoonbaar_rules::Action;
use aantoonbaar_rules::calendar::dutch_time_zone;
use aantoonbaar_rules::organisation::parse_iso_date;
use aantoonbaar_store::{AuditEntry, AuditFilter};

/// The most entries one CSV export holds.
const EXPORT_LIMIT: i64 = 100_000;

/// The Logboek's filters as typed: every one may be empty.
#[derive(Debug, Clone, Default)]
pub struct AuditSearch {
    /// Part of the name or e-mail address of who did it.
    pub person: String,
    /// Part of a pupil's name or pupil number.
    pub pupil: String,
    /// `YYYY-MM-DD`, the first day shown.
    pub from: String,
    /// `YYYY-MM-DD`, the last day shown.
    pub until: String,
}

impl AuditSearch {
    /// The store's filter; a wrong date is named by its field (`van`, `tot`).
    fn filter(&self, limit: i64, offset: i64) -> Result<AuditFilter> {
        let mut errors = Vec::new();
        let mut day_start = |field: &str, text: &str| -> Option<i64> {
            if text.trim().is_empty() {
                return None;
            }
            let start = parse_iso_date(text).ok().and_then(|date| date.to_zoned(dutch_time_zone()).ok());
            if start.is_none() {
                errors.push(FieldError::new(field, "date.format"));
            }
            start.map(|zoned| zoned.timestamp().as_second())
        };
        let from = day_start("van", &self.from);
        let until = day_start("tot", &self.until).map(|start| start + 24 * 3600);
        if !errors.is_empty() {
            return Err(errors.into());
        }
        Ok(AuditFilter {
            actor: Some(self.person.clone()),
            pupil: Some(self.pupil.clone()),
            from,
            until,
            limit,
            offset,
        })
    }
}

/// One entry as the Logboek shows it.
#[derive(Debug, Clone)]
pub struct AuditLine {
    pub seq: i64,
    /// `22-11-2026 10:00`
    pub at: String,
    /// Who did it: a name, or what did it (the command line, a job).
    pub actor: String,
    /// The e-mail address the entry records, when it is a person's.
    pub actor_email: Option<String>,
    pub ip: String,
    /// `Bekeken`, `Gewijzigd`, `Aangemeld`…
    pub action: &'static str,
    /// `Leerling Sanne van der Berg (Groep 3)`
    pub subject: String,
    /// The fields concerned, in words: `uitkomst, reden`.
    pub fields: String,
}

/// A page of the Logboek and how many entries match in all.
#[derive(Debug, Clone)]
pub struct AuditPage {
    pub lines: Vec<AuditLine>,
    pub total: i64,
}

fn line(entry: &AuditEntry) -> AuditLine {
    let system = ["cli", "jobs", "demo", "public"].contains(&entry.actor.as_str());
    let actor = if system {
        t(&format!("audit.actor.{}", entry.actor)).to_owned()
    } else {
        entry.actor_name.clone().unwrap_or_else(|| entry.actor.clone())
    };
    AuditLine {
        seq: entry.seq,
        at: moment(entry.at),
        actor,
        actor_email: (!system).then(|| entry.actor.clone()),
        ip: entry.ip.clone().unwrap_or_default(),
        action: t(&format!("audit.action.{}", entry.action)),
        subject: subject(entry),
        fields: entry.fields.iter().map(|f| t(&format!("audit.field.{f}"))).collect::<Vec<_>>().join(", "),
    }
}

/// What the entry is about, in words: the kind of record and whose it is.
fn subject(entry: &AuditEntry) -> String {
    let kind = t(&format!("audit.entity.{}", entry.entity));
    let name = match (&entry.pupil_name, &entry.pupil_group) {
        (Some(name), Some(group)) => Some(format!("{name} ({group})")),
        (Some(name), None) => Some(name.clone()),
        (None, _) => match entry.entity.as_str() {
            "equated_day" => jiff::civil::Date::strptime("%Y-%m-%d", &entry.entity_id).ok().map(dutch_date),
            "consent_invitations" | "consent_reminders" => Some(tf("audit.school_year", &[("year", &entry.entity_id)])),
            "board_settings"
            | "risk_settings"
            | "retention_settings"
            | "board_profile"
            | "retention_batch"
            | "retention_batch_confirmation"
            | "destruction_certificate"
            | "dpia_screening"
            | "dpia_version"
            | "register_version"
            | "register_comment" => return kind.to_owned(),
            "retention_rule" => Some(t(&format!("retention.code.{}", entry.entity_id)).to_owned()),
            "retention_worklist" | "retention_holds" => {
                jiff::civil::Date::strptime("%Y-%m-%d", &entry.entity_id).ok().map(dutch_date)
            }
            // The version and the format: `versie-2.pdf`, `actueel.csv`.
            "processing_register_export" => Some(entry.entity_id.clone()),
            // The framework's code, and `code/reference` for a norm.
            "framework" | "assessment" => Some(entry.entity_id.clone()),
            _ => entry.subject_name.clone(),
        },
    };
    match name {
        Some(name) => format!("{kind} {name}"),
        None => tf("audit.subject_gone", &[("kind", kind)]),
    }
}

/// The entries matching `search`, newest first, `limit` from `offset` on, and
/// how many match in all.
///
/// # Errors
/// Forbidden, a wrong date, or the store.
pub async fn trail(app: &App, staff: &Staff, search: &AuditSearch, offset: i64, limit: i64) -> Result<AuditPage> {
    staff.may(Action::AuditView)?;
    let filter = search.filter(limit, offset)?;
    let board = app.store.board(&staff.principal.board);
    let entries = board.audit_search(&filter).await?;
    let total = board.audit_count(&filter).await?;
    Ok(AuditPage { lines: entries.iter().map(line).collect(), total })
}

/// Every entry matching `search` as CSV, with Dutch column names and values
/// (formula-safe, see [`crate::export::csv`]).
///
/// # Errors
/// Forbidden, a wrong date, or the store.
pub async fn csv(app: &App, staff: &Staff, search: &AuditSearch) -> Result<Vec<u8>> {
    let page = trail(app, staff, search, 0, EXPORT_LIMIT).await?;
    let header = [
        "audit.number",
        "audit.when",
        "audit.person",
        "audit.email",
        "audit.ip",
        "audit.what",
        "audit.subject",
        "audit.fields",
    ]
    .map(|key| t(key).to_owned());
    let rows = page.lines.into_iter().map(|l| {
        [
            l.seq.to_string(),
            l.at,
            l.actor,
            l.actor_email.unwrap_or_default(),
            l.ip,
            l.action.to_owned(),
            l.subject,
            l.fields,
        ]
    });
    crate::export::csv(std::iter::once(header).chain(rows)).map_err(|e| crate::Error::internal(&e))
}
