//! Camera surveillance (seed 002 §7; issue 15): the cameras of each school,
//! the append-only log of viewings and disclosures, and the footage holds.

use crate::{Actor, Backend, BoardStore, Result, Scope, postgres, sqlite};
use aantoonbaar_rules::camera::{HoldKind, LogKind, LogReason, Recipient, Status};
use aantoonbaar_rules::retention::Period;
use jiff::Timestamp;
use serde::Serialize;

/// What the board records about a camera.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CameraData {
    pub school_id: String,
    pub name: String,
    /// Where it hangs.
    pub location: String,
    /// What it films (its field of view).
    pub coverage: String,
    pub purpose: String,
    /// The balancing test of the legitimate interest (AVG art. 6(1)(f)).
    pub balancing: String,
    pub dpia_id: Option<String>,
    pub signs: bool,
    pub signs_where: Option<String>,
    /// Who may view the footage: roles or named people.
    pub viewers: String,
    pub retention: Period,
    pub live_view: bool,
    pub status: Status,
}

/// A camera as stored.
#[derive(Debug, Clone, Serialize)]
pub struct Camera {
    pub id: String,
    #[serde(flatten)]
    pub data: CameraData,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
}

/// A viewing or a disclosure to log.
#[derive(Debug, Clone)]
pub struct NewLogEntry {
    pub camera_id: String,
    pub kind: LogKind,
    pub from: Timestamp,
    pub to: Timestamp,
    pub reason: LogReason,
    pub explanation: String,
    /// For a disclosure: to whom.
    pub recipient: Option<Recipient>,
    pub recipient_name: Option<String>,
    /// The reference of the official request (required for a disclosure).
    pub request_reference: Option<String>,
    pub incident_id: Option<String>,
    pub request_id: Option<String>,
}

/// A line of the log as stored.
#[derive(Debug, Clone, Serialize)]
pub struct LogEntry {
    pub id: String,
    pub camera_id: String,
    pub kind: LogKind,
    pub from: Timestamp,
    pub to: Timestamp,
    pub reason: LogReason,
    pub explanation: String,
    pub recipient: Option<Recipient>,
    pub recipient_name: Option<String>,
    pub request_reference: Option<String>,
    pub incident_id: Option<String>,
    pub request_id: Option<String>,
    pub recorded_by: String,
    pub recorded_at: Timestamp,
}

/// A footage hold to place.
#[derive(Debug, Clone)]
pub struct NewFootageHold {
    pub camera_id: String,
    pub kind: HoldKind,
    pub from: Timestamp,
    pub to: Timestamp,
    pub incident_id: Option<String>,
    pub reason: String,
}

/// A footage hold as stored.
#[derive(Debug, Clone, Serialize)]
pub struct FootageHold {
    pub id: String,
    pub camera_id: String,
    pub kind: HoldKind,
    pub from: Timestamp,
    pub to: Timestamp,
    pub incident_id: Option<String>,
    pub reason: String,
    pub placed_by: String,
    pub placed_at: Timestamp,
    pub released_by: Option<String>,
    pub released_at: Option<Timestamp>,
    pub release_reason: Option<String>,
}

impl FootageHold {
    /// The hold as the camera rules read it.
    #[must_use]
    pub const fn range(&self) -> aantoonbaar_rules::camera::HeldRange {
        aantoonbaar_rules::camera::HeldRange { from: self.from, to: self.to, released: self.released_at.is_some() }
    }
}

/// Which holds to read: every one, one camera's or one incident's.
#[derive(Debug, Clone, Copy, Default)]
pub struct HoldFilter<'a> {
    pub id: Option<&'a str>,
    pub camera_id: Option<&'a str>,
    pub incident_id: Option<&'a str>,
}

impl BoardStore<'_> {
    /// The cameras of the schools in `scope`, by school and name.
    pub async fn cameras(&self, scope: &Scope) -> Result<Vec<Camera>> {
        dispatch!(self.store, cameras::cameras(self.board, scope, None))
    }

    /// One camera, `None` outside `scope` or on another board.
    pub async fn camera(&self, scope: &Scope, id: &str) -> Result<Option<Camera>> {
        Ok(dispatch!(self.store, cameras::cameras(self.board, scope, Some(id)))?.pop())
    }

    /// Adds a camera with an audit entry naming its fields; `BadReference`
    /// for a school or DPIA the board does not have.
    pub async fn create_camera(&self, actor: &Actor, data: &CameraData) -> Result<Camera> {
        dispatch!(self.store, cameras::create(self.board, actor, data))
    }

    /// Changes a camera, with an audit entry naming `fields` (never their values).
    pub async fn update_camera(
        &self,
        actor: &Actor,
        id: &str,
        data: &CameraData,
        fields: &[&'static str],
    ) -> Result<Camera> {
        dispatch!(self.store, cameras::update(self.board, actor, id, data, fields))
    }

    /// A camera's log, newest first.
    pub async fn camera_log(&self, camera_id: &str) -> Result<Vec<LogEntry>> {
        dispatch!(self.store, cameras::log(self.board, camera_id))
    }

    /// Appends a line to the log, audited.
    pub async fn add_camera_log(&self, actor: &Actor, entry: &NewLogEntry) -> Result<LogEntry> {
        dispatch!(self.store, cameras::add_log(self.board, actor, entry))
    }

    /// The footage holds `filter` picks, newest first.
    pub async fn footage_holds(&self, filter: HoldFilter<'_>) -> Result<Vec<FootageHold>> {
        dispatch!(self.store, cameras::holds(self.board, filter))
    }

    /// Places a footage hold, audited.
    pub async fn place_footage_hold(&self, actor: &Actor, hold: &NewFootageHold) -> Result<FootageHold> {
        dispatch!(self.store, cameras::place_hold(self.board, actor, hold))
    }

    /// Releases a footage hold with the reason, audited; `WrongState` when released already.
    pub async fn release_footage_hold(&self, actor: &Actor, id: &str, reason: &str) -> Result<FootageHold> {
        dispatch!(self.store, cameras::release_hold(self.board, actor, id, reason))
    }
}
