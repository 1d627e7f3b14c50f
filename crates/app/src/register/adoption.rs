//! Adopting the register: the controller (the CvB, or whoever the board
//! decides) adopts it; the snapshot is kept as a version whose SHA-256 goes
//! into the audit trail, and every change since shows as a difference.

use crate::error::{Error, Result};
use crate::input::{Given, TEXT_LIMIT, Unknown, done, given_text};
use crate::{App, Staff};
use aantoonbaar_rules::Action;
use aantoonbaar_rules::register::{Register, RegisteredActivity};
use aantoonbaar_store::{BoardId, NewRegisterVersion, RegisterVersion, StoreError};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use utoipa::ToSchema;

/// An adopted version with its snapshot.
#[derive(Debug, Clone)]
pub struct Adopted {
    pub version: i64,
    pub adopted_at: jiff::Timestamp,
    /// Who adopted it.
    pub adopted_by: String,
    /// The board's decision, in its own words.
    pub decision: String,
    /// Hex SHA-256 of the stored snapshot.
    pub sha256: String,
    pub register: Register,
}

impl TryFrom<RegisterVersion> for Adopted {
    type Error = Error;

    fn try_from(v: RegisterVersion) -> Result<Self> {
        let register = serde_json::from_str(&v.body).map_err(|e| Error::internal(&e))?;
        Ok(Self {
            version: v.version,
            adopted_at: v.adopted_at,
            adopted_by: v.adopted_by_name,
            decision: v.decision,
            sha256: v.sha256,
            register,
        })
    }
}

/// Adopting: `{decision}` — who decided and how ("Besluit CvB 2026-14").
#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
pub struct Adopt {
    #[serde(flatten)]
    #[schema(ignore)]
    pub unknown: Unknown,
    #[schema(value_type = String)]
    pub decision: Option<Given<String>>,
}

/// A snapshot's stored form and its hash (the register's adoption, a DPIA's approval).
pub(crate) fn sealed<T: Serialize>(snapshot: &T) -> Result<(String, String)> {
    let body = serde_json::to_string(snapshot).map_err(|e| Error::internal(&e))?;
    let hash = Sha256::digest(body.as_bytes()).iter().map(|b| format!("{b:02x}")).collect();
    Ok((body, hash))
}

/// Adopts the whole register of the board as it is now: every activity that
/// is not retired becomes adopted. Needs the board's profile (art. 30(1)(a))
/// and at least one activity; open findings stay visible but do not block.
///
/// # Errors
/// Forbidden, `decision` missing, no profile or no activity
/// (`register.adopt_empty`), a change by someone else meanwhile
/// (`register.changed_meanwhile`), or the store.
pub async fn adopt(app: &App, staff: &Staff, command: Adopt) -> Result<Adopted> {
    staff.may(Action::RegisterAdopt)?;
    let mut errors = command.unknown.errors();
    let decision = given_text(&mut errors, "decision", command.decision, true, TEXT_LIMIT);
    let decision = done(errors, decision)?;
    adopt_board(app.store.board(&staff.principal.board), &staff.actor(), &staff.principal.name, &decision).await
}

/// Adopts the whole register of `store`'s board as it is now, by `adopted_by`
/// with `decision`: [`adopt`] after its checks, and the demo seeder.
///
/// # Errors
/// As [`adopt`], without the permission.
pub async fn adopt_board(
    store: aantoonbaar_store::BoardStore<'_>,
    actor: &aantoonbaar_store::Actor,
    adopted_by: &str,
    decision: &str,
) -> Result<Adopted> {
    use aantoonbaar_rules::register::ActivityStatus;
    let stored = store.activities(&aantoonbaar_store::Scope::Board).await?;
    let Some(profile) = store.board_profile().await? else {
        return Err(Error::conflict("profile", "register.adopt_no_profile"));
    };
    if stored.iter().all(|a| a.activity.status == ActivityStatus::Retired) {
        return Err(Error::conflict("activities", "register.adopt_empty"));
    }
    let seen = stored.iter().map(|a| (a.id.clone(), a.updated_at)).collect();
    let activities = stored
        .into_iter()
        .map(|a| {
            let mut activity = a.activity;
            if activity.status != ActivityStatus::Retired {
                activity.status = ActivityStatus::Adopted;
            }
            RegisteredActivity { id: a.id, school_id: a.school_id, activity }
        })
        .collect();
    let systems = crate::parties::registered_systems(store).await?;
    let register = Register { profile, activities, systems };
    let (body, sha256) = sealed(&register)?;
    let version = NewRegisterVersion {
        adopted_by_name: adopted_by.to_owned(),
        decision: decision.to_owned(),
        body,
        sha256: sha256.clone(),
        seen,
    };
    let number = store.adopt_register(actor, &version).await.map_err(|e| match e {
        StoreError::WrongState => Error::conflict("activities", "register.changed_meanwhile"),
        other => other.into(),
    })?;
    Ok(Adopted {
        version: number,
        adopted_at: actor.at,
        adopted_by: adopted_by.to_owned(),
        decision: decision.to_owned(),
        sha256,
        register,
    })
}

/// The newest adopted snapshot of a board, `None` before the first adoption.
/// No permission check: the public privacy statement reads it.
///
/// # Errors
/// The store, or a snapshot that cannot be read.
pub async fn adopted(app: &App, board: &BoardId) -> Result<Option<Adopted>> {
    app.store.board(board).register_version(None).await?.map(Adopted::try_from).transpose()
}

/// One adopted version (RegisterView).
///
/// # Errors
/// Forbidden, not found, or the store.
pub async fn version(app: &App, staff: &Staff, number: i64) -> Result<Adopted> {
    staff.may(Action::RegisterView)?;
    let found = app.store.board(&staff.principal.board).register_version(Some(number)).await?;
    found.map(Adopted::try_from).transpose()?.ok_or(Error::NotFound)
}

/// Every adopted version, newest first, without the snapshots.
///
/// # Errors
/// Forbidden, or the store.
pub async fn versions(app: &App, staff: &Staff) -> Result<Vec<RegisterVersion>> {
    staff.may(Action::RegisterView)?;
    Ok(app.store.board(&staff.principal.board).register_versions().await?)
}

/// How one activity differs between two registers.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ActivityChange {
    pub id: String,
    pub name: String,
    /// `added`, `removed` or `changed`.
    pub change: &'static str,
    /// For a change: the fields that differ (`purposes`, `retention`, …).
    pub fields: Vec<String>,
}

/// The activities that differ between `from` and `to`, in `to`'s order, then
/// the removed ones. The status is left out: adoption itself changes it.
#[must_use]
pub fn difference(from: &Register, to: &Register) -> Vec<ActivityChange> {
    let fields_of = |a: &RegisteredActivity| -> serde_json::Map<String, serde_json::Value> {
        match serde_json::to_value(a) {
            Ok(serde_json::Value::Object(mut map)) => {
                map.remove("status");
                map
            }
            _ => serde_json::Map::new(),
        }
    };
    let mut out = Vec::new();
    for now in &to.activities {
        match from.activities.iter().find(|a| a.id == now.id) {
            None => out.push(ActivityChange {
                id: now.id.clone(),
                name: now.activity.name.clone(),
                change: "added",
                fields: Vec::new(),
            }),
            Some(before) => {
                let (old, new) = (fields_of(before), fields_of(now));
                let mut keys: Vec<&String> = old.keys().chain(new.keys()).collect();
                keys.sort();
                keys.dedup();
                let fields: Vec<String> =
                    keys.into_iter().filter(|k| old.get(*k) != new.get(*k)).map(|k| (*k).clone()).collect();
                if !fields.is_empty() {
                    out.push(ActivityChange {
                        id: now.id.clone(),
                        name: now.activity.name.clone(),
                        change: "changed",
                        fields,
                    });
                }
            }
        }
    }
    for before in from.activities.iter().filter(|a| !to.activities.iter().any(|n| n.id == a.id)) {
        out.push(ActivityChange {
            id: before.id.clone(),
            name: before.activity.name.clone(),
            change: "removed",
            fields: Vec::new(),
        });
    }
    out
}

/// What changed in the caller's register since the newest adoption (every
/// activity is new before the first).
///
/// # Errors
/// Forbidden, or the store.
pub async fn changes_since_adoption(app: &App, staff: &Staff) -> Result<Vec<ActivityChange>> {
    let now = super::current(app, staff).await?;
    let before = adopted(app, &staff.principal.board).await?.map(|a| a.register).unwrap_or_default();
    Ok(difference(&before, &now))
}
