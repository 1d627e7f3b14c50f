//! The consent round at the start of the school year (seed 001 §14.4–14.6):
//! the progress per school and group, the pupils nobody answered for yet, and
//! the invitations and reminders — for one school or group (or, said
//! explicitly, the whole board), counted before they go; an invitation never
//! twice to the same person about the same child in a school year, a reminder
//! not within the configured interval.

use crate::error::{Error, FieldError, Result};
use crate::i18n::tf;
use crate::input::{TEXT_LIMIT, Unknown, done, flexible_bool, text};
use crate::mail::Mail;
use crate::{App, Staff};
use aantoonbaar_rules::age::decides_for_self;
use aantoonbaar_rules::calendar::{dutch_date, dutch_time_zone};
use aantoonbaar_rules::consent::remind_again_after;
use aantoonbaar_rules::organisation::group_order;
use aantoonbaar_rules::{Action, SchoolYear};
use aantoonbaar_store::{AuditAction, AuditEvent, NewRoundMail, RoundPupil, Scope};
use jiff::SignedDuration;
use jiff::civil::Date;
use serde::Deserialize;
use std::collections::{HashMap, HashSet};
use utoipa::ToSchema;

/// The consent round of this school year in the caller's scope: every pupil,
/// whether anyone answered, and who is asked.
///
/// # Errors
/// Forbidden, or the store.
pub async fn round(app: &App, staff: &Staff) -> Result<(SchoolYear, Vec<RoundPupil>)> {
    let scope = staff.may(Action::ConsentRound)?;
    round_in(app, staff, scope).await
}

async fn round_in(app: &App, staff: &Staff, scope: &Scope) -> Result<(SchoolYear, Vec<RoundPupil>)> {
    let today = app.clock.today();
    let year = SchoolYear::containing(today);
    let pupils = app.store.board(&staff.principal.board).consent_round(scope, year.first_day(), today).await?;
    Ok((year, pupils))
}

/// Who is asked about a pupil: from the 16th birthday the pupil at their own
/// address (seed 001 §14.4), before it every custodial guardian with an
/// address. Each as (the id the reminder is recorded under, the address).
fn asked(pupil: &RoundPupil, today: Date) -> (bool, Vec<(&str, &str)>) {
    if decides_for_self(pupil.birth_date, today) {
        (true, pupil.own_email.iter().map(|email| (pupil.pupil_id.as_str(), email.as_str())).collect())
    } else {
        let custodians = pupil.custodians.iter().filter_map(|g| Some((g.id.as_str(), g.email.as_deref()?)));
        (false, custodians.collect())
    }
}

/// One row of the round's progress: a group of a school.
#[derive(Debug, Clone)]
pub struct ProgressRow {
    pub group_id: String,
    pub school: String,
    pub group: String,
    pub pupils: usize,
    pub answered: usize,
}

/// The round's progress: the pupils, and per group how many have an answer,
/// sorted by school name and then by group (Groep 1 to 8, then the others).
#[derive(Debug, Clone)]
pub struct Progress {
    pub year: SchoolYear,
    pub pupils: Vec<RoundPupil>,
    pub rows: Vec<ProgressRow>,
}

/// The progress of this school year's round in the caller's scope.
///
/// # Errors
/// Forbidden, or the store.
pub async fn progress(app: &App, staff: &Staff) -> Result<Progress> {
    let scope = staff.may(Action::ConsentRound)?;
    let (year, pupils) = round_in(app, staff, scope).await?;
    let board = app.store.board(&staff.principal.board);
    let schools: HashMap<String, String> = board.schools(scope).await?.into_iter().map(|s| (s.id, s.name)).collect();
    let groups: HashMap<String, String> =
        board.groups(scope, None).await?.into_iter().map(|g| (g.id, g.name)).collect();
    let mut rows: HashMap<&str, ProgressRow> = HashMap::new();
    for pupil in &pupils {
        let row = rows.entry(pupil.group_id.as_str()).or_insert_with(|| ProgressRow {
            group_id: pupil.group_id.clone(),
            school: schools.get(&pupil.school_id).cloned().unwrap_or_default(),
            group: groups.get(&pupil.group_id).cloned().unwrap_or_default(),
            pupils: 0,
            answered: 0,
        });
        row.pupils += 1;
        row.answered += usize::from(pupil.answered);
    }
    let mut rows: Vec<ProgressRow> = rows.into_values().collect();
    rows.sort_by_cached_key(|r| (r.school.to_lowercase(), group_order(&r.group), r.group_id.clone()));
    Ok(Progress { year, pupils, rows })
}

/// A person asked about a pupil who has not answered.
#[derive(Debug, Clone)]
pub struct Unanswered {
    pub name: String,
    /// Whether they have an e-mail address (else only paper or a conversation reaches them).
    pub reachable: bool,
    /// The day they were last reminded this school year.
    pub reminded_on: Option<Date>,
}

/// A pupil nobody answered for yet.
#[derive(Debug, Clone)]
pub struct OpenPupil {
    pub id: String,
    pub name: String,
    pub number: String,
    pub birth_date: Date,
    /// 16 or over: the pupil decides (and is the one asked).
    pub self_deciding: bool,
    /// Who is asked and has not answered: the custodial guardians, or the pupil.
    pub asked: Vec<Unanswered>,
}

/// The pupils of one group nobody answered for yet.
#[derive(Debug, Clone)]
pub struct OpenGroup {
    pub year: SchoolYear,
    pub school: String,
    pub group: String,
    pub pupils: Vec<OpenPupil>,
}

/// The pupils of a group in the caller's scope that nobody answered for this
/// school year, with who was asked. Listing them is a view of each pupil's
/// data, written to the audit trail.
///
/// # Errors
/// Forbidden, a group not in scope (not found), or the store.
pub async fn unanswered(app: &App, staff: &Staff, group_id: &str) -> Result<OpenGroup> {
    let scope = staff.may(Action::ConsentRound)?;
    let board = app.store.board(&staff.principal.board);
    let group = board.group(scope, group_id).await?.ok_or(Error::NotFound)?;
    let school = board.school(scope, &group.school_id).await?.ok_or(Error::NotFound)?;
    let only_group = Scope::Groups(vec![(group.id.clone(), group.school_id.clone())]);
    let (year, pupils) = round_in(app, staff, &only_group).await?;
    let since = year.first_day().to_zoned(dutch_time_zone()).map_err(|e| Error::internal(&e))?.timestamp();
    let reminded: HashMap<(String, String), Date> = board
        .consent_reminders_since(since)
        .await?
        .into_iter()
        .map(|r| ((r.pupil_id, r.asked), dutch_date(r.at)))
        .collect();
    let today = app.clock.today();
    let pupils: Vec<OpenPupil> = pupils
        .into_iter()
        .filter(|p| !p.answered)
        .map(|p| {
            let self_deciding = decides_for_self(p.birth_date, today);
            let reminded_on = |asked: &str| reminded.get(&(p.pupil_id.clone(), asked.to_owned())).copied();
            let asked = if self_deciding {
                vec![Unanswered {
                    name: p.name.clone(),
                    reachable: p.own_email.is_some(),
                    reminded_on: reminded_on(&p.pupil_id),
                }]
            } else {
                p.custodians
                    .iter()
                    .map(|g| Unanswered {
                        name: g.name.clone(),
                        reachable: g.email.is_some(),
                        reminded_on: reminded_on(&g.id),
                    })
                    .collect()
            };
            OpenPupil {
                id: p.pupil_id,
                name: p.name,
                number: p.external_number,
                birth_date: p.birth_date,
                self_deciding,
                asked,
            }
        })
        .collect();
    let ids: Vec<String> = pupils.iter().map(|p| p.id.clone()).collect();
    board.record_views(&staff.actor(), "pupil", &ids).await?;
    Ok(OpenGroup { year, school: school.name, group: group.name, pupils })
}

/// Which part of the round to mail, invitations or reminders: `{school_id?,
/// group_id?, whole_board?, confirm?}`. A school, a group (of that school), or
/// `whole_board: true` for every school in the caller's scope; without
/// `confirm: true` nothing is sent and the answer is what would go.
#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
pub struct RoundChoice {
    /// Fields the command does not know (each one is refused by name).
    #[serde(flatten)]
    #[schema(ignore)]
    pub unknown: Unknown,
    /// The school whose parents are mailed; required unless `whole_board`.
    pub school_id: Option<String>,
    /// One group (of that school); absent: every group of the school.
    pub group_id: Option<String>,
    /// Every school in the caller's scope, instead of one.
    #[serde(default, deserialize_with = "flexible_bool")]
    pub whole_board: Option<bool>,
    /// `true` sends; otherwise the mails are only counted.
    #[serde(default, deserialize_with = "flexible_bool")]
    pub confirm: Option<bool>,
}

/// The invitations or reminders of a [`RoundChoice`]: counted (a preview) or sent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoundMails {
    /// Whether they were sent, or only counted.
    pub sent: bool,
    /// The school chosen (`None`: every school in scope).
    pub school: Option<String>,
    /// The group chosen (`None`: every group).
    pub group: Option<String>,
    /// One per child per person asked.
    pub mails: usize,
    /// The distinct addresses of parents among them.
    pub parents: usize,
    /// Of them, the mails to pupils of 16 and over (each about themself).
    pub pupils: usize,
    /// Left out: the person was invited about that child this school year
    /// already, or reminded about that child within the interval.
    pub skipped: usize,
}

/// What a round sends: its texts (`consent.invite_parent_body`, ...) and audit entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Sending {
    Invitations,
    Reminders,
}

/// The round's invitations for the pupils in the chosen school or group: one
/// per child to each custodial guardian with an address (or to the pupil of 16
/// and over), naming the child and the school. A person invited about that
/// child this school year already is left out, so a pupil enrolled or a
/// guardian added later is invited on the next sending and nobody twice. With
/// `confirm` they are sent: each invitation is recorded with its mail and an
/// audit entry in one transaction, and the store's conditional write makes a
/// repeat (double click, back button, API resend) send nothing new.
///
/// # Errors
/// Forbidden, every wrong field (no school chosen, a school or group not in
/// scope, a group of another school), or the store.
pub async fn send_invitations(app: &App, staff: &Staff, command: RoundChoice) -> Result<RoundMails> {
    send(app, staff, command, Sending::Invitations).await
}

/// The reminders of the round for the pupils in the chosen school or group
/// that nobody answered for, as [`send_invitations`] but only to whom was not
/// reminded about that child within the interval (which may pass: then they
/// are reminded again).
///
/// # Errors
/// Forbidden, every wrong field (no school chosen, a school or group not in
/// scope, a group of another school), or the store.
pub async fn remind(app: &App, staff: &Staff, command: RoundChoice) -> Result<RoundMails> {
    send(app, staff, command, Sending::Reminders).await
}

async fn send(app: &App, staff: &Staff, command: RoundChoice, sending: Sending) -> Result<RoundMails> {
    let scope = staff.may(Action::ConsentRound)?;
    let board = app.store.board(&staff.principal.board);
    let mut errors = command.unknown.errors();
    let school_id = text(&mut errors, "school_id", command.school_id, false, TEXT_LIMIT);
    let group_id = text(&mut errors, "group_id", command.group_id, false, TEXT_LIMIT);
    let whole_board = command.whole_board == Some(true);
    let school = match &school_id {
        Some(id) => {
            let school = board.school(scope, id).await?;
            if school.is_none() {
                errors.push(FieldError::new("school_id", "reference.unknown"));
            }
            school
        }
        None => None,
    };
    let group = match &group_id {
        Some(id) => {
            let group = board.group(scope, id).await?;
            match &group {
                None => errors.push(FieldError::new("group_id", "reference.unknown")),
                Some(g) if school_id.as_ref().is_some_and(|s| s != &g.school_id) => {
                    errors.push(FieldError::new("group_id", "group.other_school"));
                }
                Some(_) => {}
            }
            group
        }
        None => None,
    };
    if whole_board && (school_id.is_some() || group_id.is_some()) {
        errors.push(FieldError::new("whole_board", "consent.round_whole_or_school"));
    }
    if !whole_board && school_id.is_none() && group_id.is_none() {
        errors.push(FieldError::new("school_id", "consent.round_school_required"));
    }
    done(errors, Some(()))?;
    let chosen = match (&group, &school) {
        (Some(g), _) => Scope::Groups(vec![(g.id.clone(), g.school_id.clone())]),
        (None, Some(s)) => match scope {
            Scope::Groups(groups) => Scope::Groups(groups.iter().filter(|(_, of)| of == &s.id).cloned().collect()),
            Scope::Board | Scope::Schools(_) => Scope::Schools(vec![s.id.clone()]),
        },
        (None, None) => scope.clone(),
    };
    let school_name = match (&school, &group) {
        (Some(s), _) => Some(s.name.clone()),
        (None, Some(g)) => board.school(scope, &g.school_id).await?.map(|s| s.name),
        (None, None) => None,
    };
    let (year, pupils) = round_in(app, staff, &chosen).await?;
    let interval = SignedDuration::try_from(app.config.consent_reminder_interval).unwrap_or(SignedDuration::MAX);
    let resend_after = remind_again_after(staff.now, interval);
    let (kind, entity, earlier) = match sending {
        Sending::Invitations => ("invite", "consent_invitations", board.consent_invitations(year).await?),
        Sending::Reminders => ("reminder", "consent_reminders", board.consent_reminders_since(resend_after).await?),
    };
    let already: HashSet<(String, String)> = earlier.into_iter().map(|r| (r.pupil_id, r.asked)).collect();
    let schools: HashMap<String, String> = board.schools(scope).await?.into_iter().map(|s| (s.id, s.name)).collect();
    let today = app.clock.today();
    let label = year.label();
    let link = app.link("/ouders");
    let mut planned: Vec<(bool, NewRoundMail)> = Vec::new();
    let mut skipped = 0;
    for pupil in pupils.iter().filter(|p| sending == Sending::Invitations || !p.answered) {
        let school = schools.get(&pupil.school_id).map_or("", String::as_str);
        let args = [("year", label.as_str()), ("link", link.as_str()), ("child", &pupil.name), ("school", school)];
        let (self_deciding, addresses) = asked(pupil, today);
        let audience = if self_deciding { "pupil" } else { "parent" };
        let subject = tf(&format!("consent.{kind}_{audience}_subject"), &args);
        let body = tf(&format!("consent.{kind}_{audience}_body"), &args);
        for (asked, to) in addresses {
            if already.contains(&(pupil.pupil_id.clone(), asked.to_owned())) {
                skipped += 1;
                continue;
            }
            let mail = Mail { to, subject: &subject, body: &body, sensitive: false }.to_new();
            let round_mail = NewRoundMail { pupil_id: pupil.pupil_id.clone(), asked: asked.to_owned(), mail };
            planned.push((self_deciding, round_mail));
        }
    }
    let sent = command.confirm == Some(true);
    let going: Vec<&(bool, NewRoundMail)> = if sent {
        let mails: Vec<NewRoundMail> = planned.iter().map(|(_, r)| r.clone()).collect();
        let actor = staff.actor();
        let event = AuditEvent::new(AuditAction::Create, entity, &label).fields(&["recipients"]);
        let written = match sending {
            Sending::Invitations => board.send_consent_invitations(&actor, &event, &mails, year).await?,
            Sending::Reminders => board.send_consent_reminders(&actor, &event, &mails, resend_after).await?,
        };
        app.mailer.wake();
        skipped += planned.len() - written.len();
        written.into_iter().filter_map(|i| planned.get(i)).collect()
    } else {
        planned.iter().collect()
    };
    let parents = going.iter().filter(|(own, _)| !own).map(|(_, r)| r.mail.to.as_str()).collect::<HashSet<_>>();
    Ok(RoundMails {
        sent,
        school: school_name,
        group: group.map(|g| g.name),
        mails: going.len(),
        parents: parents.len(),
        pupils: going.iter().filter(|(own, _)| *own).count(),
        skipped,
    })
}
