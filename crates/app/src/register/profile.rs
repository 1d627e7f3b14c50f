//! The board as controller: name, address, KvK number, contact and the FG
//! (AVG art. 30(1)(a), 13(1)(a)–(b), 37(7)).

use crate::error::{FieldError, Result};
use crate::input::{Given, TEXT_LIMIT, Unknown, done, given_text, rule};
use crate::{App, Staff};
use aantoonbaar_rules::register::{BoardProfile, Dpo};
use aantoonbaar_rules::{Action, Email};
use aantoonbaar_store::BoardId;
use serde::Deserialize;
use utoipa::ToSchema;

/// The FG as sent: `{name, email, phone?}`.
#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
pub struct DpoInput {
    #[serde(flatten)]
    #[schema(ignore)]
    pub unknown: Unknown,
    #[schema(value_type = String)]
    pub name: Option<Given<String>>,
    #[schema(value_type = String)]
    pub email: Option<Given<String>>,
    #[schema(value_type = Option<String>)]
    pub phone: Option<Given<String>>,
}

/// The board's profile: `{name, address, kvk?, contact_email, dpo: {name, email, phone?}}`.
#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
pub struct SetProfile {
    #[serde(flatten)]
    #[schema(ignore)]
    pub unknown: Unknown,
    #[schema(value_type = String)]
    pub name: Option<Given<String>>,
    /// Postal address of the board's office.
    #[schema(value_type = String)]
    pub address: Option<Given<String>>,
    /// Chamber of Commerce number: eight digits.
    #[schema(value_type = Option<String>)]
    pub kvk: Option<Given<String>>,
    #[schema(value_type = String)]
    pub contact_email: Option<Given<String>>,
    pub dpo: Option<DpoInput>,
}

fn email(errors: &mut Vec<FieldError>, field: &str, value: Option<Given<String>>) -> Option<String> {
    let text = given_text(errors, field, value, true, TEXT_LIMIT);
    rule(errors, field, text, Email::parse).map(|e| e.as_str().to_owned())
}

/// A KvK number is eight digits (Handelsregisterwet; the KvK's own format).
fn kvk(text: &str) -> Result<String, aantoonbaar_rules::Invalid> {
    let digits: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    if digits.len() == 8 && digits.bytes().all(|b| b.is_ascii_digit()) {
        Ok(digits)
    } else {
        Err(aantoonbaar_rules::Invalid::new("register.kvk_format"))
    }
}

impl SetProfile {
    /// Every field is required except the KvK number and the FG's phone.
    ///
    /// # Errors
    /// Every wrong field, the FG's as `dpo.name`, `dpo.email`, `dpo.phone`.
    pub fn validate(self) -> Result<BoardProfile, Vec<FieldError>> {
        let mut errors = self.unknown.errors();
        let name = given_text(&mut errors, "name", self.name, true, TEXT_LIMIT);
        let address = given_text(&mut errors, "address", self.address, true, TEXT_LIMIT);
        let kvk_text = given_text(&mut errors, "kvk", self.kvk, false, TEXT_LIMIT);
        let kvk = rule(&mut errors, "kvk", kvk_text, kvk);
        let contact_email = email(&mut errors, "contact_email", self.contact_email);
        let dpo = self.dpo.unwrap_or_default();
        errors.extend(dpo.unknown.errors().into_iter().map(|mut e| {
            e.field = format!("dpo.{}", e.field);
            e
        }));
        let dpo_name = given_text(&mut errors, "dpo.name", dpo.name, true, TEXT_LIMIT);
        let dpo_email = email(&mut errors, "dpo.email", dpo.email);
        let phone = given_text(&mut errors, "dpo.phone", dpo.phone, false, 40);
        let value = match (name, address, contact_email, dpo_name, dpo_email) {
            (Some(name), Some(address), Some(contact_email), Some(dpo_name), Some(dpo_email)) => Some(BoardProfile {
                name,
                address,
                kvk,
                contact_email,
                dpo: Dpo { name: dpo_name, email: dpo_email, phone },
            }),
            _ => None,
        };
        done(errors, value)
    }
}

/// Sets the board's profile (IBP manager).
///
/// # Errors
/// Forbidden, every wrong field, or the store.
pub async fn set(app: &App, staff: &Staff, command: SetProfile) -> Result<BoardProfile> {
    staff.may(Action::RegisterManage)?;
    let profile = command.validate()?;
    app.store.board(&staff.principal.board).set_board_profile(&staff.actor(), &profile).await?;
    Ok(profile)
}

/// The board's profile as the caller may read it.
///
/// # Errors
/// Forbidden without `RegisterView`, or the store.
pub async fn get(app: &App, staff: &Staff) -> Result<Option<BoardProfile>> {
    staff.may(Action::RegisterView)?;
    profile(app, &staff.principal.board).await
}

/// The board's profile, `None` until it is set. No permission check: the
/// public privacy statement and the documents read it.
///
/// # Errors
/// The store.
pub async fn profile(app: &App, board: &BoardId) -> Result<Option<BoardProfile>> {
    Ok(app.store.board(board).board_profile().await?)
}
