//! Consent in the parents' portal: per child and purpose the text and a clear
//! choice, changeable at any time, with a confirmation page and e-mail and a
//! receipt per decision (Kantara Consent Receipt Specification v1.1, as JSON and
//! as a page).

use super::filters;
use super::parents::{Parent, Viewer, child_of};
use super::{Layout, PageError, PageResult, render};
use crate::AppState;
use crate::csrf::CsrfToken;
use crate::error::Problem;
use crate::html::consent::Cell;
use crate::i18n::{t, tf};
use crate::mail::Mail;
use aantoonbaar_app::consent::verdicts_per_purpose;
use aantoonbaar_app::requests::{Section, sections_pdf};
use aantoonbaar_rules::age::decides_for_self;
use aantoonbaar_rules::consent::{Choice, Reason};
use aantoonbaar_store::{Actor, Channel, ConsentDecisionRecord, ConsentPurpose, NewConsentDecision, Pupil, Scope};
use askama::Template;
use axum::Form;
use axum::extract::{Path, State};
use axum::http::header;
use axum::response::IntoResponse;
use serde_json::json;
use std::collections::HashMap;

/// One purpose on the parent's page.
pub struct PurposeChoice {
    pub purpose: ConsentPurpose,
    /// This parent's latest choice: "ja", "nee" or "".
    pub mine: &'static str,
    /// The receipt of that choice (its decision id).
    pub receipt: Option<String>,
    pub status: Cell,
}

#[derive(Template)]
#[template(path = "parents_consent.html")]
struct ConsentPage {
    layout: Layout,
    pupil_id: String,
    child: String,
    choices: Vec<PurposeChoice>,
    notice: Option<&'static str>,
    /// After saving: what changed, with receipt links (decision id, purpose name, word).
    saved: Option<Vec<(String, String, &'static str)>>,
}

async fn page(
    state: &AppState,
    parent: &Parent,
    pupil_id: &str,
    saved: Option<Vec<(String, String, &'static str)>>,
) -> PageResult {
    let (pupil, viewer) = child_of(state, parent, pupil_id).await?;
    let board = state.store.board(&parent.session.board);
    let history = board.consent_history(&pupil.id).await?;
    let today = state.clock.today();
    let purposes = board.consent_purposes(state.clock.now()).await?;
    let codes: Vec<&str> = purposes.iter().map(|p| p.code.as_str()).collect();
    let verdicts = verdicts_per_purpose(board, &Scope::Board, std::slice::from_ref(&pupil.id), &codes, today).await?;
    let mut choices = Vec::new();
    for (purpose, verdict) in purposes.into_iter().zip(verdicts) {
        let latest = history.iter().find(|d| d.purpose == purpose.code && viewer.made(d));
        choices.push(PurposeChoice {
            mine: match latest.map(|d| d.decision) {
                Some(Choice::Granted) => "ja",
                Some(Choice::Refused) => "nee",
                None => "",
            },
            receipt: latest.map(|d| d.id.clone()),
            status: Cell::of(verdict.get(&pupil.id).copied().unwrap_or(Reason::NoDecision)),
            purpose,
        });
    }
    let notice = match &viewer {
        Viewer::Pupil => Some(t("parents.consent_own")),
        Viewer::Guardian(_) if decides_for_self(pupil.birth_date, today) => Some(t("parents.consent_sixteen")),
        Viewer::Guardian(mine) if !mine.iter().any(|(_, custody)| *custody) => Some(t("parents.consent_no_custody")),
        Viewer::Guardian(_) => None,
    };
    let layout = Layout::public(state, &CsrfToken(parent.csrf().to_owned()), t("parents.consent_title"));
    Ok(render(&ConsentPage { layout, pupil_id: pupil.id.clone(), child: pupil.full_name(), choices, notice, saved }))
}

pub async fn show(State(state): State<AppState>, parent: Parent, Path(pupil_id): Path<String>) -> PageResult {
    page(&state, &parent, &pupil_id, None).await
}

/// Records every purpose whose choice changed, confirms on the page and by e-mail.
pub async fn save(
    State(state): State<AppState>,
    parent: Parent,
    Path(pupil_id): Path<String>,
    Form(form): Form<HashMap<String, String>>,
) -> PageResult {
    let (pupil, viewer) = child_of(&state, &parent, &pupil_id).await?;
    let guardian_id = match &viewer {
        Viewer::Pupil => None,
        Viewer::Guardian(mine) => Some(mine.first().ok_or_else(Problem::not_found)?.0.clone()),
    };
    let board = state.store.board(&parent.session.board);
    let history = board.consent_history(&pupil.id).await?;
    let now = state.clock.now();
    let actor = Actor { user_id: None, label: parent.session.email.clone(), ip: None, at: now };
    let mut saved = Vec::new();
    for purpose in board.consent_purposes(now).await? {
        let choice = match form.get(&format!("keuze_{}", purpose.code)).map(String::as_str) {
            Some("ja") => Choice::Granted,
            Some("nee") => Choice::Refused,
            _ => continue,
        };
        let latest = history.iter().find(|d| {
            d.purpose == purpose.code
                && match &guardian_id {
                    Some(id) => d.guardian_id.as_ref() == Some(id),
                    None => d.by_pupil,
                }
        });
        if latest.is_some_and(|d| d.decision == choice) {
            continue;
        }
        let decision = NewConsentDecision {
            pupil_id: pupil.id.clone(),
            purpose: purpose.code.clone(),
            choice,
            guardian_id: guardian_id.clone(),
            by_pupil: guardian_id.is_none(),
            decided_at: now,
            channel: Channel::Portal,
            signed: None,
        };
        let record = board.record_consent_decision(&actor, &decision).await?;
        let word = if choice == Choice::Granted { t("consent.cell.yes") } else { t("consent.cell.no") };
        saved.push((record.id, purpose.name.clone(), word));
    }
    if !saved.is_empty() {
        let lines: Vec<String> = saved.iter().map(|(_, name, word)| format!("- {name}: {word}")).collect();
        let body = tf(
            "parents.consent_mail_body",
            &[("child", &pupil.full_name()), ("choices", &lines.join("\n")), ("link", &state.link("/ouders"))],
        );
        let mail = Mail {
            to: &parent.session.email,
            subject: t("parents.consent_mail_subject"),
            body: &body,
            sensitive: false,
        };
        state.mailer.send(&parent.session.board, mail).await?;
    }
    page(&state, &parent, &pupil_id, Some(saved)).await
}

/// The decision, if it is one of this parent's.
async fn own_decision(
    state: &AppState,
    parent: &Parent,
    pupil_id: &str,
    id: &str,
) -> Result<(Pupil, ConsentDecisionRecord, ConsentPurpose), PageError> {
    let (pupil, viewer) = child_of(state, parent, pupil_id).await?;
    let board = state.store.board(&parent.session.board);
    let decision = board
        .consent_history(&pupil.id)
        .await?
        .into_iter()
        .find(|d| d.id == id && viewer.made(d))
        .ok_or_else(Problem::not_found)?;
    let purpose = board
        .consent_purposes(state.clock.now())
        .await?
        .into_iter()
        .find(|p| p.code == decision.purpose)
        .ok_or_else(Problem::not_found)?;
    Ok((pupil, decision, purpose))
}

/// The Kantara Consent Receipt (v1.1) of one decision.
fn kantara(
    state: &AppState,
    parent: &Parent,
    pupil: &Pupil,
    d: &ConsentDecisionRecord,
    p: &ConsentPurpose,
) -> serde_json::Value {
    json!({
        "version": "KI-CR-v1.1.0",
        "jurisdiction": "NL",
        "consentTimestamp": d.decided_at.as_second(),
        "collectionMethod": t(&format!("consent.channel.{}", d.channel.code())),
        "consentReceiptID": d.id,
        "language": "nl",
        "piiPrincipalId": parent.session.email,
        "piiControllers": [{
            "piiController": parent.session.board_name,
            "contact": parent.session.board_name,
            "piiControllerUrl": state.config.base_url,
        }],
        "policyUrl": format!("{}/ouders", state.config.base_url),
        "services": [{
            "service": p.name,
            "purposes": [{
                "purpose": p.description,
                "purposeCategory": [p.code],
                "consentType": "EXPLICIT",
                "piiCategory": [t("parents.receipt_pii"), pupil.full_name()],
                "primaryPurpose": true,
                "termination": t("parents.receipt_termination"),
                "thirdPartyDisclosure": false,
            }],
        }],
        "sensitive": p.code == "medical_data",
        "spiCat": if p.code == "medical_data" { json!(["health"]) } else { json!([]) },
        "decision": if d.decision == Choice::Granted { "granted" } else { "refused" },
        "purposeTextVersion": d.purpose_version,
    })
}

pub async fn receipt_json(
    State(state): State<AppState>,
    parent: Parent,
    Path((pupil_id, id)): Path<(String, String)>,
) -> PageResult {
    let (pupil, decision, purpose) = own_decision(&state, &parent, &pupil_id, &id).await?;
    let body = kantara(&state, &parent, &pupil, &decision, &purpose).to_string();
    let disposition = format!("attachment; filename=\"toestemmingsbewijs-{id}.json\"");
    Ok(([(header::CONTENT_TYPE, "application/json".to_owned()), (header::CONTENT_DISPOSITION, disposition)], body)
        .into_response())
}

/// The receipt as a person reads it (page and PDF alike): label–value rows.
fn receipt_rows(
    parent: &Parent,
    pupil: &Pupil,
    d: &ConsentDecisionRecord,
    p: &ConsentPurpose,
) -> Vec<(String, String)> {
    let label = |key: &str| t(key).to_owned();
    let decision = if d.decision == Choice::Granted { t("consent.cell.yes") } else { t("consent.cell.no") };
    let when = d.decided_at.to_zoned(aantoonbaar_rules::calendar::dutch_time_zone()).strftime("%d-%m-%Y %H:%M");
    vec![
        (label("parents.receipt_child"), pupil.full_name()),
        (label("parents.receipt_controller"), parent.session.board_name.clone()),
        (label("consent.purpose"), p.name.clone()),
        (label("parents.receipt_text"), format!("{} ({} {})", p.description, t("consent.version"), d.purpose_version)),
        (label("consent.choice"), decision.to_owned()),
        (label("audit.when"), when.to_string()),
        (label("consent.how"), t(&format!("consent.channel.{}", d.channel.code())).to_owned()),
    ]
}

#[derive(Template)]
#[template(path = "parents_receipt.html")]
struct ReceiptPage {
    layout: Layout,
    rows: Vec<(String, String)>,
    pdf_link: String,
    json_link: String,
}

/// The receipt of one of this parent's decisions as a page: what was chosen,
/// when and how, with the PDF first and the Kantara JSON for who wants it.
pub async fn receipt_page(
    State(state): State<AppState>,
    parent: Parent,
    Path((pupil_id, id)): Path<(String, String)>,
) -> PageResult {
    let (pupil, decision, purpose) = own_decision(&state, &parent, &pupil_id, &id).await?;
    let layout = Layout::public(&state, &CsrfToken(parent.csrf().to_owned()), t("parents.receipt_title"));
    let base = format!("/ouders/kinderen/{}/bewijs/{}", pupil.id, decision.id);
    Ok(render(&ReceiptPage {
        layout,
        rows: receipt_rows(&parent, &pupil, &decision, &purpose),
        pdf_link: format!("{base}/pdf"),
        json_link: format!("{base}/json"),
    }))
}

/// The receipt as a PDF to keep or print.
pub async fn receipt_pdf(
    State(state): State<AppState>,
    parent: Parent,
    Path((pupil_id, id)): Path<(String, String)>,
) -> PageResult {
    let (pupil, decision, purpose) = own_decision(&state, &parent, &pupil_id, &id).await?;
    let sections = vec![
        Section {
            title: t("parents.receipt_section").to_owned(),
            rows: receipt_rows(&parent, &pupil, &decision, &purpose),
        },
        Section {
            title: t("parents.receipt_change").to_owned(),
            rows: vec![(t("parents.receipt_termination").to_owned(), String::new())],
        },
    ];
    let bytes = sections_pdf(t("parents.receipt_title").to_owned(), sections).await?;
    Ok(super::requests::pdf(bytes, "bewijs-toestemming.pdf"))
}
