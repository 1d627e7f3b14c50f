//! Consent: the purposes with their texts, decisions, objections, rounds, and the facts
//! the consent check needs (seed 001 §14.5).

use crate::consent_model::Answer;
use crate::{Actor, Backend, BoardSettings, BoardStore, BoardVersions, Result, Scope, postgres, sqlite};
use aantoonbaar_rules::SchoolYear;
use jiff::Timestamp;
use jiff::civil::Date;
use serde::Serialize;
use std::collections::HashMap;

/// A consent purpose with its current text.
#[derive(Debug, Clone, Serialize)]
pub struct ConsentPurpose {
    pub code: String,
    pub name: String,
    pub description: String,
    pub version: i64,
}

/// How a decision reached the school.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    /// A signed paper form, entered by the administration.
    Paper,
    /// The parent (or pupil of 16+) in the portal.
    Portal,
    /// Told to a staff member, who recorded it.
    Staff,
}

impl Channel {
    #[must_use]
    pub const fn code(self) -> &'static str {
        match self {
            Self::Paper => "paper",
            Self::Portal => "portal",
            Self::Staff => "staff",
        }
    }
}

/// A decision to record. Exactly one of `guardian_id` and `by_pupil`.
#[derive(Debug, Clone)]
pub struct NewConsentDecision {
    pub pupil_id: String,
    pub purpose: String,
    pub choice: aantoonbaar_rules::consent::Choice,
    pub guardian_id: Option<String>,
    pub by_pupil: bool,
    pub decided_at: Timestamp,
    pub channel: Channel,
    /// For paper forms: whether the form is signed.
    pub signed: Option<bool>,
}

/// A recorded decision.
#[derive(Debug, Clone, Serialize)]
pub struct ConsentDecisionRecord {
    pub id: String,
    pub pupil_id: String,
    pub purpose: String,
    pub purpose_version: i64,
    pub decision: aantoonbaar_rules::consent::Choice,
    pub guardian_id: Option<String>,
    pub by_pupil: bool,
    pub decided_at: Timestamp,
    pub channel: Channel,
    pub signed: Option<bool>,
    pub recorded_by: String,
}

/// One decision as the consent check needs it.
#[derive(Debug, Clone)]
pub struct DecisionFact {
    pub pupil_id: String,
    pub guardian_id: Option<String>,
    pub purpose: String,
    pub choice: aantoonbaar_rules::consent::Choice,
    /// The Dutch date of the decision.
    pub decided_on: Date,
}

/// One objection as the consent check needs it.
#[derive(Debug, Clone)]
pub struct ObjectionFact {
    pub pupil_id: String,
    pub guardian_id: String,
    /// `None`: the objection concerns every purpose.
    pub purpose: Option<String>,
    pub noted_on: Date,
}

/// What the consent check needs to know of a pupil (and nothing more: no name).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConsentSubject {
    pub id: String,
    pub school_id: String,
    pub group_id: String,
    pub birth_date: Date,
    pub leave_date: Option<Date>,
    pub family_situation: Option<aantoonbaar_rules::organisation::FamilySituation>,
}

/// Everything the consent check needs about some pupils and one purpose: from
/// the board's copy in memory (`consent_model.rs`) or read in three queries.
#[derive(Debug, Clone, Default)]
pub struct ConsentFacts {
    pub pupils: Vec<ConsentSubject>,
    /// Per pupil: (guardian id, holds custody).
    pub custodians: HashMap<String, Vec<(String, bool)>>,
    /// Oldest first; only those that can count on the day asked about.
    pub decisions: Vec<DecisionFact>,
    pub objections: Vec<ObjectionFact>,
    pub settings: BoardSettings,
    /// Whether the board has the purpose asked about (always with every purpose).
    pub purpose_known: bool,
    /// Restrictions of processing (AVG art. 18): the pupil, and the purpose or
    /// `None` when all processing is restricted.
    pub restricted: Vec<(String, Option<String>)>,
}

/// A custodial guardian of a pupil in a consent round.
#[derive(Debug, Clone)]
pub struct RoundGuardian {
    pub id: String,
    pub name: String,
    pub email: Option<String>,
}

/// A pupil in a consent round: who to invite and whether anyone answered.
#[derive(Debug, Clone)]
pub struct RoundPupil {
    pub pupil_id: String,
    pub school_id: String,
    pub group_id: String,
    pub name: String,
    pub external_number: String,
    pub birth_date: Date,
    /// The pupil's own address, for pupils who decide for themselves.
    pub own_email: Option<String>,
    /// A custodial guardian (or the pupil) decided on some purpose since the round's start.
    pub answered: bool,
    /// The guardians who hold custody, by surname.
    pub custodians: Vec<RoundGuardian>,
}

/// A consent-round invitation or reminder to write: about `pupil_id`, to the
/// person `asked` (a guardian's id, or the pupil's own id when the pupil
/// decides), with its mail.
#[derive(Debug, Clone)]
pub struct NewRoundMail {
    pub pupil_id: String,
    pub asked: String,
    pub mail: crate::NewMail,
}

/// The last invitation or reminder about a pupil to one person.
#[derive(Debug, Clone)]
pub struct SentRoundMail {
    pub pupil_id: String,
    pub asked: String,
    pub at: Timestamp,
}

impl BoardStore<'_> {
    /// The board's consent purposes with their current texts, in form order; the
    /// default set of seed 001 §14.5 is added the first time.
    pub async fn consent_purposes(&self, at: Timestamp) -> Result<Vec<ConsentPurpose>> {
        dispatch!(self.store, consent::consent_purposes(self.board, at))
    }

    /// Records a decision against the purpose's current text version; returns
    /// once it is committed (together with the decisions recorded at the same
    /// moment: group commit).
    pub async fn record_consent_decision(
        &self,
        actor: &Actor,
        decision: &NewConsentDecision,
    ) -> Result<ConsentDecisionRecord> {
        self.store.group_commit.record(self.board, actor, decision).await
    }

    /// Records that a guardian objects, to one purpose or (`None`) to all; returns its id.
    pub async fn record_consent_objection(
        &self,
        actor: &Actor,
        pupil_id: &str,
        guardian_id: &str,
        purpose: Option<&str>,
        noted_on: jiff::civil::Date,
    ) -> Result<String> {
        dispatch!(
            self.store,
            consent::record_consent_objection(self.board, actor, pupil_id, guardian_id, purpose, noted_on)
        )
    }

    /// The current pupils in scope for a consent round that started on `since`.
    pub async fn consent_round(
        &self,
        scope: &Scope,
        since: jiff::civil::Date,
        today: jiff::civil::Date,
    ) -> Result<Vec<RoundPupil>> {
        dispatch!(self.store, consent::consent_round(self.board, scope, since, today))
    }

    /// The invitation to each person about each pupil in `year`.
    pub async fn consent_invitations(&self, year: SchoolYear) -> Result<Vec<SentRoundMail>> {
        dispatch!(self.store, consent::consent_invitations(self.board, year))
    }

    /// Writes, in one transaction, each of `invitations` whose person was not
    /// invited about the pupil in `year` yet: the record, its mail in the outbox,
    /// and (when any was written) `event`. The insert is the check, so a repeat
    /// (double click, back button, API resend) invites nobody twice. Returns
    /// the indexes of the invitations written.
    pub async fn send_consent_invitations(
        &self,
        actor: &Actor,
        event: &crate::AuditEvent,
        invitations: &[NewRoundMail],
        year: SchoolYear,
    ) -> Result<Vec<usize>> {
        dispatch!(self.store, consent::send_consent_invitations(self.board, actor, event, invitations, year))
    }

    /// The last reminder to each person about each pupil, where it was sent after `since`.
    pub async fn consent_reminders_since(&self, since: Timestamp) -> Result<Vec<SentRoundMail>> {
        dispatch!(self.store, consent::consent_reminders_since(self.board, since))
    }

    /// Writes, in one transaction, each of `reminders` whose person was last
    /// reminded about the pupil at or before `resend_after` (or never): the
    /// record, its mail in the outbox, and (when any was written) `event`. The
    /// conditional write is the check, so two confirmations at once send each
    /// reminder once. Returns the indexes of the reminders written.
    pub async fn send_consent_reminders(
        &self,
        actor: &Actor,
        event: &crate::AuditEvent,
        reminders: &[NewRoundMail],
        resend_after: Timestamp,
    ) -> Result<Vec<usize>> {
        dispatch!(self.store, consent::send_consent_reminders(self.board, actor, event, reminders, resend_after))
    }

    /// Every decision about a pupil, newest first, with who recorded it and how.
    pub async fn consent_history(&self, pupil_id: &str) -> Result<Vec<ConsentDecisionRecord>> {
        dispatch!(self.store, consent::consent_history(self.board, pupil_id))
    }

    /// What the consent check needs on `day` for these pupils (those in the
    /// caller's scope), for one purpose or (`None`) every purpose: from the
    /// board's copy in memory when it is current at the board's versions
    /// (`seen`, when the caller read them for this request already; else they
    /// are read now), otherwise in three queries while a copy is built.
    pub async fn consent_facts(
        &self,
        scope: &Scope,
        pupil_ids: &[String],
        purpose: Option<&str>,
        day: jiff::civil::Date,
        seen: Option<BoardVersions>,
    ) -> Result<ConsentFacts> {
        let seen = match seen {
            Some(seen) => seen,
            None => self.store.board_versions(self.board).await?,
        };
        let model = &self.store.consent_model;
        let mut answer = model.answer(self.board, seen, scope, pupil_ids, purpose, day);
        if let Answer::Behind { after, upto } = answer {
            let decisions = dispatch!(self.store, consent::decisions_stamped(self.board, after, upto))?;
            model.catch_up(self.board, after, upto, decisions);
            answer = model.answer(self.board, seen, scope, pupil_ids, purpose, day);
        }
        match answer {
            Answer::Facts(facts) => return Ok(facts),
            Answer::Database { rebuild: true } => self.rebuild_copy(day),
            Answer::Database { rebuild: false } | Answer::Behind { .. } => {}
        }
        dispatch!(self.store, consent::consent_facts(self.board, scope, pupil_ids, purpose, day))
    }

    /// Builds the board's copy in the background (once at a time per board).
    fn rebuild_copy(&self, day: jiff::civil::Date) {
        let model = &self.store.consent_model;
        if !model.start_rebuild(self.board) {
            return;
        }
        let (store, board) = (self.store.clone(), self.board.clone());
        tokio::spawn(async move {
            let built = async {
                let versions = store.board_versions(&board).await?;
                dispatch!(store, consent::consent_copy(&board, versions.consent, day))
            };
            match built.await {
                Ok(facts) => store.consent_model.install(&board, Some(facts)),
                Err(err) => {
                    tracing::warn!(%err, "the consent copy of a board could not be built");
                    store.consent_model.install(&board, None);
                }
            }
        });
    }
}
