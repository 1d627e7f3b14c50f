//! The FG's advice on an activity (AVG art. 39(1)(a)): kept with the
//! activity, read by everyone who reads the register.

use crate::error::{Error, Result};
use crate::input::{Given, Unknown, done, given_text};
use crate::{App, Staff};
use aantoonbaar_rules::Action;
use aantoonbaar_store::RegisterComment;
use serde::Deserialize;
use utoipa::ToSchema;

/// A comment: `{text}`.
#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
pub struct Comment {
    #[serde(flatten)]
    #[schema(ignore)]
    pub unknown: Unknown,
    #[schema(value_type = String)]
    pub text: Option<Given<String>>,
}

/// Adds the FG's comment to an activity.
///
/// # Errors
/// Forbidden, not found, the text missing, or the store.
pub async fn add(app: &App, staff: &Staff, activity_id: &str, command: Comment) -> Result<RegisterComment> {
    let scope = staff.may(Action::RegisterComment)?;
    let mut errors = command.unknown.errors();
    let text = given_text(&mut errors, "text", command.text, true, 20_000);
    let text = done(errors, text)?;
    let board = app.store.board(&staff.principal.board);
    board.activity(scope, activity_id).await?.ok_or(Error::NotFound)?;
    Ok(board.add_register_comment(&staff.actor(), activity_id, &staff.principal.name, &text).await?)
}

/// The comments on an activity the caller may see, oldest first.
///
/// # Errors
/// Forbidden, not found, or the store.
pub async fn list(app: &App, staff: &Staff, activity_id: &str) -> Result<Vec<RegisterComment>> {
    let scope = staff.may(Action::RegisterView)?;
    let board = app.store.board(&staff.principal.board);
    board.activity(scope, activity_id).await?.ok_or(Error::NotFound)?;
    Ok(board.register_comments(activity_id).await?)
}
