//! Review campaigns of access rights (BIO2 5.18.02; CIS Control 6.8; issue
//! 16): the accounts of the chosen systems as they stood at the start, each
//! reviewed by the director of its person's school (or the IBP manager),
//! with reminders, escalation and the remediation of what was revoked.

use crate::outbox::NewMail;
use crate::{Actor, Backend, BoardId, BoardStore, Result, Scope, Store, postgres, sqlite};
use aantoonbaar_rules::access::ReviewOutcome;
use jiff::Timestamp;
use jiff::civil::Date;
use serde::Serialize;

/// A campaign to start.
#[derive(Debug, Clone)]
pub struct NewCampaign {
    pub name: String,
    pub started_on: Date,
    pub deadline: Date,
    pub system_ids: Vec<String>,
    pub mails: Vec<NewMail>,
}

/// A campaign with its progress.
#[derive(Debug, Clone, Serialize)]
pub struct Campaign {
    pub id: String,
    pub name: String,
    pub started_on: Date,
    pub deadline: Date,
    pub started_by: String,
    pub started_at: Timestamp,
    pub closed_at: Option<Timestamp>,
    pub closed_by: Option<String>,
    pub items: usize,
    /// Items with a settling outcome (keep, revoke, reduce).
    pub decided: usize,
    /// Revoke or reduce outcomes, and how many of those are carried out.
    pub to_remediate: usize,
    pub remediated: usize,
}

/// One account to review.
#[derive(Debug, Clone, Serialize)]
pub struct ReviewItem {
    pub id: String,
    pub campaign_id: String,
    pub system_id: String,
    pub system_name: String,
    pub username: String,
    pub account_name: Option<String>,
    pub profile: Option<String>,
    pub staff_id: Option<String>,
    /// The person's name on the staff list, when matched.
    pub staff_name: Option<String>,
    /// The school whose director reviews it; `None`: the IBP manager.
    pub school_id: Option<String>,
    pub outcome: Option<ReviewOutcome>,
    pub note: Option<String>,
    pub decided_by: Option<String>,
    pub decided_at: Option<Timestamp>,
    pub remediated_at: Option<Timestamp>,
    pub remediated_by: Option<String>,
    pub evidence: Option<String>,
}

/// A reviewer's verdict on one item.
#[derive(Debug, Clone)]
pub struct Verdict {
    pub item_id: String,
    pub outcome: ReviewOutcome,
    pub note: Option<String>,
}

/// A campaign's notice, once per reviewer's part and kind.
#[derive(Debug, Clone)]
pub struct CampaignNotice<'a> {
    pub campaign_id: &'a str,
    /// The school whose director is told, `""` for the IBP manager's own part.
    pub school_key: &'a str,
    /// `reminder` or `escalation`.
    pub kind: &'static str,
    pub open_items: usize,
    pub mails: &'a [NewMail],
}

impl BoardStore<'_> {
    /// Starts a campaign over the accounts of `system_ids`, audited, with its mails.
    pub async fn start_campaign(&self, actor: &Actor, campaign: &NewCampaign) -> Result<Campaign> {
        dispatch!(self.store, access_reviews::start(self.board, actor, campaign))
    }

    /// The board's campaigns with their progress, newest first.
    pub async fn campaigns(&self) -> Result<Vec<Campaign>> {
        dispatch!(self.store, access_reviews::campaigns(self.board, None))
    }

    /// One campaign.
    pub async fn campaign(&self, id: &str) -> Result<Option<Campaign>> {
        Ok(dispatch!(self.store, access_reviews::campaigns(self.board, Some(id)))?.pop())
    }

    /// The campaign's items in `scope` (a director: their schools' items), by
    /// school, person and system.
    pub async fn review_items(&self, campaign_id: &str, scope: &Scope) -> Result<Vec<ReviewItem>> {
        dispatch!(self.store, access_reviews::items(self.board, campaign_id, scope))
    }

    /// Records the verdicts on items in `scope`, audited, in one transaction;
    /// `WrongState` when the campaign is closed, `NotFound` for an item
    /// outside `scope`.
    pub async fn decide_review_items(
        &self,
        actor: &Actor,
        campaign_id: &str,
        scope: &Scope,
        verdicts: &[Verdict],
    ) -> Result<()> {
        dispatch!(self.store, access_reviews::decide(self.board, actor, campaign_id, scope, verdicts))
    }

    /// Records that a revoke or reduce was carried out, with evidence;
    /// `WrongState` when the item's outcome asks for nothing or it is done.
    pub async fn remediate_review_item(
        &self,
        actor: &Actor,
        campaign_id: &str,
        item_id: &str,
        evidence: &str,
    ) -> Result<ReviewItem> {
        dispatch!(self.store, access_reviews::remediate(self.board, actor, campaign_id, item_id, evidence))
    }

    /// Closes a campaign, audited, and records each system's review as done
    /// on `today` (the next review is due from then); `WrongState` when closed.
    pub async fn close_campaign(&self, actor: &Actor, id: &str) -> Result<Campaign> {
        dispatch!(self.store, access_reviews::close(self.board, actor, id))
    }

    /// Writes a campaign's notice with its mails, once; `false` when it went out already.
    pub async fn campaign_notice(&self, notice: &CampaignNotice<'_>, at: Timestamp) -> Result<bool> {
        dispatch!(self.store, access_reviews::notice(self.board, notice, at))
    }

    /// The parts of a campaign (school id, `""` for the IBP manager's) with
    /// accounts still undecided that have not had notice `kind` yet, with
    /// how many are open: what the daily job still has to tell.
    pub async fn review_parts_to_tell(&self, campaign_id: &str, kind: &str) -> Result<Vec<(String, usize)>> {
        dispatch!(self.store, access_reviews::parts_to_tell(self.board, campaign_id, kind))
    }

    /// The day each system's last closed campaign closed, by system id.
    pub async fn last_reviews(&self) -> Result<Vec<(String, Date)>> {
        dispatch!(self.store, access_reviews::last_reviews(self.board))
    }
}

impl Store {
    /// Every board with an open campaign.
    pub async fn boards_with_open_campaigns(&self) -> Result<Vec<BoardId>> {
        dispatch!(self, access_reviews::boards_with_open_campaigns())
    }
}
