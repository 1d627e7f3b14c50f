//! Awareness (issue 17; seed 001 §6.1: "regelmatig terugkerende
//! bewustwordingscampagnes", §5.4.2: the director keeps it alive at the
//! school; seed 004: the yearly privacy refresher for teachers): activities
//! with their audience, material and attendance from the staff list, per
//! person the last activity attended, who was not reached in twelve months,
//! and the share reached in a period ([`reached`], for the board report).

use crate::error::{Error, FieldError, Result};
use crate::input::{Given, TEXT_LIMIT, Unknown, done, given_text, one_or_many, rule};
use crate::{App, Staff};
use aantoonbaar_rules::cycle::{ActivityKind, Audience, a_year_before};
use aantoonbaar_rules::organisation::parse_iso_date;
use aantoonbaar_rules::{Action, Role};
use aantoonbaar_store::awareness::{Activity, ActivityData};
use aantoonbaar_store::staff::StaffMember;
use aantoonbaar_store::{BoardStore, Scope};
use jiff::civil::Date;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// The longest title of an activity.
pub const TITLE_LIMIT: usize = 200;

const LABELS: &[(&str, &str)] = &[
    ("kind", "awareness.field.kind"),
    ("title", "awareness.field.title"),
    ("held_on", "awareness.field.held_on"),
    ("audience", "awareness.field.audience"),
    ("school_id", "awareness.field.school_id"),
    ("roles", "awareness.field.roles"),
    ("material", "awareness.field.material"),
    ("staff_ids", "awareness.field.staff_ids"),
];

fn invalid(errors: Vec<FieldError>) -> Error {
    Error::Invalid(crate::input::labelled(errors, LABELS))
}

fn store<'a>(app: &'a App, staff: &'a Staff) -> BoardStore<'a> {
    app.store.board(&staff.principal.board)
}

/// An activity: `{kind, title, held_on, audience: "board"|"school"|"roles",
/// school_id?, roles?, material?}`.
#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
pub struct ActivityCommand {
    #[serde(flatten)]
    #[schema(ignore)]
    pub unknown: Unknown,
    /// `training`, `campaign`, `team_meeting`, `phishing` or `refresher`.
    #[schema(value_type = String)]
    pub kind: Option<Given<String>>,
    #[schema(value_type = String)]
    pub title: Option<Given<String>>,
    /// `YYYY-MM-DD`.
    #[schema(value_type = String)]
    pub held_on: Option<Given<String>>,
    /// `board` (everyone), `school` (with `school_id`) or `roles` (with `roles`).
    #[schema(value_type = String)]
    pub audience: Option<Given<String>>,
    #[schema(value_type = Option<String>)]
    pub school_id: Option<Given<String>>,
    /// Role codes (`OP`, `D`, …) for the audience `roles`.
    #[serde(default, deserialize_with = "one_or_many")]
    pub roles: Vec<String>,
    /// A text or a link.
    #[schema(value_type = Option<String>)]
    pub material: Option<Given<String>>,
}

impl ActivityCommand {
    fn validate(self) -> Result<ActivityData, Vec<FieldError>> {
        let mut errors = self.unknown.errors();
        let kind = given_text(&mut errors, "kind", self.kind, true, TEXT_LIMIT);
        let kind = rule(&mut errors, "kind", kind, ActivityKind::from_code);
        let title = given_text(&mut errors, "title", self.title, true, TITLE_LIMIT);
        let held_on = given_text(&mut errors, "held_on", self.held_on, true, TEXT_LIMIT);
        let held_on = rule(&mut errors, "held_on", held_on, parse_iso_date);
        let audience = given_text(&mut errors, "audience", self.audience, true, TEXT_LIMIT);
        let audience = rule(&mut errors, "audience", audience, Audience::from_code);
        let school_id = given_text(&mut errors, "school_id", self.school_id, audience == Some(Audience::School), 100);
        let roles: Vec<Role> = self
            .roles
            .iter()
            .filter(|r| !r.trim().is_empty())
            .filter_map(|r| Role::from_code(r).map_err(|e| errors.push(FieldError::new("roles", e.code))).ok())
            .collect();
        if audience == Some(Audience::Roles) && roles.is_empty() && !errors.iter().any(|e| e.field == "roles") {
            errors.push(FieldError::new("roles", "awareness.roles_required"));
        }
        let material = given_text(&mut errors, "material", self.material, false, TEXT_LIMIT);
        let data = match (kind, title, held_on, audience) {
            (Some(kind), Some(title), Some(held_on), Some(audience)) => Some(ActivityData {
                kind,
                title,
                held_on,
                audience,
                school_id: school_id.filter(|_| audience == Audience::School),
                roles: if audience == Audience::Roles { roles } else { Vec::new() },
                material,
            }),
            _ => None,
        };
        done(errors, data)
    }
}

/// Who attended: `{staff_ids: [...]}`, the whole list of the people who
/// attended among those the caller manages (whoever is left out did not).
#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
pub struct AttendanceCommand {
    #[serde(flatten)]
    #[schema(ignore)]
    pub unknown: Unknown,
    /// Ids of people of the staff list.
    #[serde(default, deserialize_with = "one_or_many")]
    pub staff_ids: Vec<String>,
}

// ---------------------------------------------------------------- views

/// An activity as shown.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ActivityOut {
    pub id: String,
    #[schema(value_type = String)]
    pub kind: ActivityKind,
    pub title: String,
    #[schema(value_type = String)]
    pub held_on: Date,
    #[schema(value_type = String)]
    pub audience: Audience,
    pub school_id: Option<String>,
    #[schema(value_type = Vec<String>)]
    pub roles: Vec<Role>,
    pub material: Option<String>,
    /// Ids of the people who attended (those the caller may see).
    pub attendees: Vec<String>,
    /// Whether the caller may record its attendance.
    pub manageable: bool,
}

/// A person of the staff list with the last activity they attended.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct PersonOut {
    pub staff_id: String,
    pub name: String,
    pub school_id: Option<String>,
    pub last_activity_id: Option<String>,
    pub last_activity_title: Option<String>,
    #[schema(value_type = Option<String>)]
    pub last_activity_on: Option<Date>,
    /// Attended an activity in the last twelve months.
    pub reached: bool,
}

/// Of the current staff, how many attended an activity in a period.
#[derive(Debug, Clone, Copy, Serialize, ToSchema)]
pub struct Reached {
    #[schema(value_type = String)]
    pub from: Date,
    #[schema(value_type = String)]
    pub to: Date,
    pub attended: usize,
    pub total: usize,
}

/// The awareness page: the activities, the people, the figure of the last twelve months.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Overview {
    pub activities: Vec<ActivityOut>,
    /// The current staff in the caller's part, by name, with their last activity.
    pub people: Vec<PersonOut>,
    pub reached: Reached,
}

fn visible(scope: &Scope, activity: &Activity) -> bool {
    match scope {
        Scope::Board => true,
        Scope::Schools(ids) => {
            activity.data.audience != Audience::School
                || activity.data.school_id.as_ref().is_some_and(|s| ids.contains(s))
        }
        Scope::Groups(_) => false,
    }
}

/// Whether the caller may record attendance of `activity`: the IBP manager
/// any, a director her school's.
fn manageable(staff: &Staff, activity: &Activity) -> bool {
    match staff.may(Action::AwarenessManage) {
        Ok(Scope::Board) => true,
        Ok(Scope::Schools(ids)) => activity.data.school_id.as_ref().is_some_and(|s| ids.contains(s)),
        _ => false,
    }
}

fn out(staff: &Staff, activity: Activity, people: &[StaffMember]) -> ActivityOut {
    let manageable = manageable(staff, &activity);
    let d = activity.data;
    ActivityOut {
        id: activity.id,
        kind: d.kind,
        title: d.title,
        held_on: d.held_on,
        audience: d.audience,
        school_id: d.school_id,
        roles: d.roles,
        material: d.material,
        attendees: activity.attendees.into_iter().filter(|id| people.iter().any(|p| &p.id == id)).collect(),
        manageable,
    }
}

/// Whether a person works for the board on `day`.
/// The current staff of the caller's part on `day`.
async fn current_staff(board: BoardStore<'_>, scope: &Scope, day: Date) -> Result<Vec<StaffMember>> {
    Ok(board.staff_members(scope).await?.into_iter().filter(|p| p.employed_on(day)).collect())
}

/// "Awareness reached" for the board report: of the staff members in the
/// caller's part employed on `to`, how many attended at least one activity
/// held from `from` to `to` (both included), as `(attended, total)`. For a
/// calendar year: `reached(app, staff, date(2026, 1, 1), date(2026, 12, 31))`.
///
/// # Errors
/// Forbidden (no [`Action::AwarenessView`]), or the store.
pub async fn reached(app: &App, staff: &Staff, from: Date, to: Date) -> Result<(usize, usize)> {
    let scope = staff.may(Action::AwarenessView)?;
    let board = store(app, staff);
    let people = current_staff(board, scope, to).await?;
    let attended = board.attended_between(from, to).await?;
    Ok((people.iter().filter(|p| attended.contains(&p.id)).count(), people.len()))
}

/// The activities the caller may see, the current staff of their part with
/// the last activity each attended, and the share reached in the last twelve months.
///
/// # Errors
/// Forbidden, or the store.
pub async fn overview(app: &App, staff: &Staff) -> Result<Overview> {
    let scope = staff.may(Action::AwarenessView)?;
    let board = store(app, staff);
    let today = app.clock.today();
    let people = current_staff(board, scope, today).await?;
    let activities =
        board.awareness_activities().await?.into_iter().filter(|a| visible(scope, a)).map(|a| out(staff, a, &people));
    let last = board.last_attended().await?;
    let since = a_year_before(today);
    let persons: Vec<PersonOut> = people
        .iter()
        .map(|p| {
            let last = last.iter().find(|l| l.staff_id == p.id);
            PersonOut {
                staff_id: p.id.clone(),
                name: p.name(),
                school_id: p.data.school_id.clone(),
                last_activity_id: last.map(|l| l.activity_id.clone()),
                last_activity_title: last.map(|l| l.title.clone()),
                last_activity_on: last.map(|l| l.held_on),
                reached: last.is_some_and(|l| l.held_on >= since && l.held_on <= today),
            }
        })
        .collect();
    let (attended, total) = reached(app, staff, since, today).await?;
    Ok(Overview {
        activities: activities.collect(),
        people: persons,
        reached: Reached { from: since, to: today, attended, total },
    })
}

/// One activity with the people who could attend it (the caller's part of
/// the staff list) and whether each did.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ActivityDetail {
    pub activity: ActivityOut,
    pub candidates: Vec<Candidate>,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Candidate {
    pub staff_id: String,
    pub name: String,
    pub school_id: Option<String>,
    pub attended: bool,
}

/// One activity.
///
/// # Errors
/// Forbidden, not found (another school's, another board's), or the store.
pub async fn activity(app: &App, staff: &Staff, id: &str) -> Result<ActivityDetail> {
    let scope = staff.may(Action::AwarenessView)?;
    let board = store(app, staff);
    let activity = board.awareness_activity(id).await?.filter(|a| visible(scope, a)).ok_or(Error::NotFound)?;
    let people: Vec<StaffMember> = board.staff_members(scope).await?;
    let candidates = people
        .iter()
        .filter(|p| p.employed_on(activity.data.held_on) || activity.attendees.contains(&p.id))
        .filter(|p| in_audience(&activity.data, p))
        .map(|p| Candidate {
            staff_id: p.id.clone(),
            name: p.name(),
            school_id: p.data.school_id.clone(),
            attended: activity.attendees.contains(&p.id),
        })
        .collect();
    Ok(ActivityDetail { activity: out(staff, activity, &people), candidates })
}

/// Whether a person belongs to an activity's audience.
fn in_audience(data: &ActivityData, person: &StaffMember) -> bool {
    match data.audience {
        Audience::Board => true,
        Audience::School => data.school_id.is_some() && person.data.school_id == data.school_id,
        Audience::Roles => person.data.roles.iter().any(|r| data.roles.contains(r)),
    }
}

/// Adds an activity: the IBP manager for anyone, a director for her school.
///
/// # Errors
/// Forbidden, every wrong field (a school not in the caller's part; a
/// director's activity for more than her school), or the store.
pub async fn create(app: &App, staff: &Staff, command: ActivityCommand) -> Result<ActivityOut> {
    let scope = staff.may(Action::AwarenessManage)?;
    let board = store(app, staff);
    let data = command.validate().map_err(invalid)?;
    if let Some(school) = &data.school_id
        && board.school(scope, school).await?.is_none()
    {
        return Err(invalid(vec![FieldError::new("school_id", "reference.unknown")]));
    }
    if matches!(scope, Scope::Schools(_)) && data.audience != Audience::School {
        return Err(invalid(vec![FieldError::new("audience", "awareness.director_own_school")]));
    }
    let created = board.create_awareness_activity(&staff.actor(), &data).await?;
    let people = board.staff_members(scope).await?;
    Ok(out(staff, created, &people))
}

/// Records who attended: `staff_ids` is everyone who attended among the
/// people of the caller's part (the others did not), in one transaction with
/// its audit entry.
///
/// # Errors
/// Forbidden, not found, an id that is not of the caller's part of the staff
/// list, or the store.
pub async fn record_attendance(app: &App, staff: &Staff, id: &str, command: AttendanceCommand) -> Result<ActivityOut> {
    let scope = staff.may(Action::AwarenessManage)?;
    let board = store(app, staff);
    let activity = board.awareness_activity(id).await?.filter(|a| visible(scope, a)).ok_or(Error::NotFound)?;
    if !manageable(staff, &activity) {
        return Err(Error::Forbidden);
    }
    let mut errors = command.unknown.errors();
    let people: Vec<String> = board.staff_members(scope).await?.into_iter().map(|p| p.id).collect();
    let mut attended: Vec<String> =
        command.staff_ids.iter().map(|s| s.trim().to_owned()).filter(|s| !s.is_empty()).collect();
    attended.sort();
    attended.dedup();
    if attended.iter().any(|s| !people.contains(s)) {
        errors.push(FieldError::new("staff_ids", "reference.unknown"));
    }
    if !errors.is_empty() {
        return Err(invalid(errors));
    }
    let saved = board.set_awareness_attendance(&staff.actor(), id, &people, &attended).await?;
    let people = board.staff_members(scope).await?;
    Ok(out(staff, saved, &people))
}
