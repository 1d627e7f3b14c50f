//! A screening kept as evidence (WP248 §III.B.a: write down why a DPIA is or
//! is not carried out): for a registered activity or for a product someone
//! wants to use, dated, with who answered. The newest screening of an
//! activity is what the DPIA list and the dashboard read.

use super::{ScreenDpia, ScreeningOutcome, ScreeningReason, assess};
use crate::error::{Error, FieldError, Result};
use crate::i18n::t;
use crate::{App, Staff};
use aantoonbaar_rules::Action;
use aantoonbaar_rules::dpia::Technique;
use aantoonbaar_rules::register::{DataCategory, SubjectCategory};
use aantoonbaar_store::dpias::{NewScreening, Screening};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

const PRODUCT_LIMIT: usize = 200;

/// The screening's answers about one activity or one product: the fields of
/// [`ScreenDpia`] plus what they are about, spelled out because serde cannot
/// refuse unknown fields through a flattened struct.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RecordScreening {
    /// The processing activity of the register it is about; or `product`.
    #[serde(default)]
    pub activity_id: Option<String>,
    /// The product or app it is about, when it is not (yet) in the register.
    #[serde(default)]
    pub product: Option<String>,
    #[serde(default)]
    #[schema(value_type = Vec<String>)]
    pub subjects: Vec<SubjectCategory>,
    #[serde(default)]
    pub subject_count: Option<u32>,
    #[serde(default)]
    pub large_scale: Option<bool>,
    #[serde(default)]
    #[schema(value_type = Vec<String>)]
    pub data_categories: Vec<DataCategory>,
    #[serde(default)]
    #[schema(value_type = Vec<String>)]
    pub techniques: Vec<Technique>,
}

/// A stored screening with its outcome as it was given.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ScreeningView {
    pub id: String,
    pub activity_id: Option<String>,
    /// The activity's name as the register has it now.
    pub activity_name: Option<String>,
    pub product: Option<String>,
    /// The answers, as sent.
    #[schema(value_type = Object)]
    pub facts: serde_json::Value,
    /// `required, not_required`
    pub outcome: String,
    pub summary: String,
    #[schema(value_type = Vec<Object>)]
    pub reasons: serde_json::Value,
    pub screened_by: String,
    #[schema(value_type = String)]
    pub screened_at: jiff::Timestamp,
}

pub(crate) fn view(s: Screening, activity_name: Option<String>) -> ScreeningView {
    ScreeningView {
        summary: t(&format!("dpia.outcome.{}", s.data.outcome)).to_owned(),
        id: s.id,
        activity_id: s.data.activity_id,
        activity_name,
        product: s.data.product,
        facts: s.data.facts,
        outcome: s.data.outcome,
        reasons: s.data.reasons,
        screened_by: s.screened_by_name,
        screened_at: s.screened_at,
    }
}

/// The subject of a DPIA or a screening: one registered activity in the
/// caller's scope, or a product name; exactly one of them.
pub(crate) async fn subject(
    app: &App,
    staff: &Staff,
    activity_id: Option<&str>,
    product: Option<&str>,
    errors: &mut Vec<FieldError>,
) -> Result<(Option<String>, Option<String>, Option<String>)> {
    let activity_id = activity_id.map(str::trim).filter(|a| !a.is_empty());
    let product = product.map(str::trim).filter(|p| !p.is_empty());
    match (activity_id, product) {
        (Some(_), Some(_)) => errors.push(FieldError::new("product", "dpia.record.one_subject")),
        (None, None) => errors.push(FieldError::new("activity_id", "dpia.record.subject_required")),
        (None, Some(p)) if p.chars().count() > PRODUCT_LIMIT => {
            errors.push(FieldError::new("product", "dpia.record.too_long"));
        }
        _ => {}
    }
    let Some(id) = activity_id else { return Ok((None, product.map(str::to_owned), None)) };
    let scope = staff.may(Action::RegisterView)?;
    match app.store.board(&staff.principal.board).activity(scope, id).await? {
        Some(found) => Ok((Some(found.id), None, Some(found.activity.name))),
        None => {
            errors.push(FieldError::new("activity_id", "dpia.record.activity_unknown"));
            Ok((None, None, None))
        }
    }
}

/// Screens and stores the outcome with its audit entry.
///
/// # Errors
/// Forbidden, every wrong field, or the store.
pub async fn record(app: &App, staff: &Staff, command: RecordScreening) -> Result<ScreeningView> {
    staff.may(Action::DpiaScreen)?;
    let mut errors = Vec::new();
    let (activity_id, product, activity_name) =
        subject(app, staff, command.activity_id.as_deref(), command.product.as_deref(), &mut errors).await?;
    let facts = ScreenDpia {
        subjects: command.subjects,
        subject_count: command.subject_count,
        large_scale: command.large_scale,
        data_categories: command.data_categories,
        techniques: command.techniques,
    };
    let outcome: Option<ScreeningOutcome> = match assess(facts.clone()) {
        Ok(outcome) => Some(outcome),
        Err(Error::Invalid(mut wrong)) => {
            errors.append(&mut wrong);
            None
        }
        Err(other) => return Err(other),
    };
    let Some(outcome) = outcome.filter(|_| errors.is_empty()) else {
        return Err(Error::Invalid(errors));
    };
    let reasons: &[ScreeningReason] = &outcome.reasons;
    let data = NewScreening {
        activity_id,
        product,
        facts: serde_json::to_value(&facts).map_err(|e| Error::internal(&e))?,
        outcome: outcome.outcome.to_owned(),
        reasons: serde_json::to_value(reasons).map_err(|e| Error::internal(&e))?,
    };
    let board = app.store.board(&staff.principal.board);
    let stored = board.create_screening(&staff.actor(), &staff.principal.name, &data).await?;
    Ok(view(stored, activity_name))
}

/// The board's screenings the caller may see, newest first.
///
/// # Errors
/// Forbidden, or the store.
pub async fn list(app: &App, staff: &Staff) -> Result<Vec<ScreeningView>> {
    staff.may(Action::DpiaView)?;
    let register = crate::register::current(app, staff).await?;
    let name = |id: &str| register.activities.iter().find(|a| a.id == id).map(|a| a.activity.name.clone());
    let all = app.store.board(&staff.principal.board).screenings().await?;
    Ok(all
        .into_iter()
        .filter_map(|s| match s.data.activity_id.as_deref() {
            // An activity outside the caller's scope: its screening is not theirs to see.
            Some(id) => name(id).map(|n| view(s, Some(n))),
            None => Some(view(s, None)),
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_unknown_field_is_refused_by_name() {
        let unknown = serde_json::from_str::<RecordScreening>(r#"{"product": "Rekenapp", "colour": "rood"}"#);
        assert!(unknown.is_err_and(|e| e.to_string().contains("colour")));
        let read = serde_json::from_str::<RecordScreening>(r#"{"product": "Rekenapp", "subject_count": 30}"#);
        assert!(read.is_ok_and(|r| r.subject_count == Some(30)));
    }
}
