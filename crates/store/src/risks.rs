//! The risk analysis (seed 001 §6.2, §14.15): the board's risks and its
//! classification of scores.

use crate::{Actor, Backend, BoardStore, Result, postgres, sqlite};
use aantoonbaar_rules::risks::{Category, Impact, LevelThresholds, Likelihood, Treatment};
use jiff::Timestamp;
use jiff::civil::Date;
use serde::Serialize;

/// A risk as entered.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RiskData {
    pub title: String,
    pub category: Category,
    /// What could happen, by what cause, with what effect.
    pub scenario: Option<String>,
    pub likelihood: Likelihood,
    pub impact: Impact,
    /// Who answers for the risk and its measures.
    pub owner: Option<String>,
    pub treatment: Option<Treatment>,
    pub measures: Option<String>,
    /// The likelihood once the measures are in place.
    pub residual_likelihood: Option<Likelihood>,
    pub residual_impact: Option<Impact>,
    pub review_date: Option<Date>,
    /// Processing activities, information systems and incidents it touches.
    pub activity_ids: Vec<String>,
    pub system_ids: Vec<String>,
    pub incident_ids: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Risk {
    pub id: String,
    #[serde(flatten)]
    pub data: RiskData,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
}

impl BoardStore<'_> {
    /// Adds a risk. `Duplicate { field: "title" }` for a title in use.
    pub async fn create_risk(&self, actor: &Actor, data: &RiskData) -> Result<Risk> {
        dispatch!(self.store, risks::create_risk(self.board, actor, data))
    }

    /// Adds several risks in one transaction, an audit entry each.
    pub async fn create_risks(&self, actor: &Actor, data: &[RiskData]) -> Result<Vec<Risk>> {
        dispatch!(self.store, risks::create_risks(self.board, actor, data))
    }

    /// Replaces a risk's fields.
    pub async fn update_risk(&self, actor: &Actor, id: &str, data: &RiskData) -> Result<Risk> {
        dispatch!(self.store, risks::update_risk(self.board, actor, id, data))
    }

    /// The board's risks by title.
    pub async fn risks(&self) -> Result<Vec<Risk>> {
        dispatch!(self.store, risks::risks(self.board, None))
    }

    pub async fn risk(&self, id: &str) -> Result<Option<Risk>> {
        Ok(dispatch!(self.store, risks::risks(self.board, Some(id)))?.pop())
    }

    /// The board's classification of scores, or the default when it set none.
    pub async fn risk_thresholds(&self) -> Result<LevelThresholds> {
        dispatch!(self.store, risks::thresholds(self.board))
    }

    /// Sets the board's classification of scores.
    pub async fn set_risk_thresholds(&self, actor: &Actor, thresholds: LevelThresholds) -> Result<()> {
        dispatch!(self.store, risks::set_thresholds(self.board, actor, thresholds))
    }
}
