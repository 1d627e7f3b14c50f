//! Who is told: the one place that decides which staff of a board hear of an
//! incident, a request or a deadline, so every notice reaches the same people.

use aantoonbaar_rules::Role;
use aantoonbaar_store::{BoardStore, NewMail, Scope, StoreError, User};

/// The staff who act on something about one school (or the whole board): its
/// directors (who decide, seed 002 §10.10.2; seed 001 §14.8), the IBP
/// managers (ST) and the FG (who supervises, seed 002 §3.3).
#[derive(Debug, Clone, Default)]
pub struct Responsible {
    /// The school's directors as (user id, e-mail), by e-mail address.
    pub directors: Vec<(String, String)>,
    pub st: Vec<String>,
    pub fg: Vec<String>,
}

impl Responsible {
    /// Everyone, each address once, sorted.
    #[must_use]
    pub fn everyone(&self) -> Vec<String> {
        self.addresses(true)
    }

    /// The directors and the FG, each address once, sorted (a new request:
    /// the IBP manager reads the list, the FG supervises).
    #[must_use]
    pub fn directors_and_fg(&self) -> Vec<String> {
        self.addresses(false)
    }

    fn addresses(&self, with_st: bool) -> Vec<String> {
        let st: &[String] = if with_st { &self.st } else { &[] };
        let mut all: Vec<String> =
            self.directors.iter().map(|(_, email)| email).chain(st).chain(&self.fg).cloned().collect();
        all.sort();
        all.dedup();
        all
    }

    /// The director a request about this school is assigned to: the first by address.
    #[must_use]
    pub fn assignee(&self) -> Option<&str> {
        self.directors.first().map(|(id, _)| id.as_str())
    }
}

/// The responsible staff for `school` (`None`: a board-wide matter, no director).
///
/// # Errors
/// When the store cannot be read.
pub async fn responsible(board: BoardStore<'_>, school: Option<&str>) -> Result<Responsible, StoreError> {
    Ok(responsible_among(&board.users(&Scope::Board).await?, school))
}

/// As [`responsible`], from the board's users read once (a job that tells
/// people about many records reads them once per board).
#[must_use]
pub fn responsible_among(users: &[User], school: Option<&str>) -> Responsible {
    let with_role = |role: Role| -> Vec<String> {
        let mut emails: Vec<String> =
            users.iter().filter(|u| u.roles.contains(&role)).map(|u| u.email.clone()).collect();
        emails.sort();
        emails
    };
    let mut directors: Vec<(String, String)> = users
        .iter()
        .filter(|u| u.roles.contains(&Role::D) && school.is_some_and(|s| u.scope_ids.iter().any(|id| id == s)))
        .map(|u| (u.id.clone(), u.email.clone()))
        .collect();
    directors.sort_by(|a, b| a.1.cmp(&b.1));
    Responsible { directors, st: with_role(Role::St), fg: with_role(Role::Fg) }
}

/// The same notice to the board's IBP managers and, with `with_fg`, its FGs:
/// each address once.
pub(crate) fn to_responsible(users: &[User], with_fg: bool, subject: &str, body: &str) -> Vec<NewMail> {
    let responsible = responsible_among(users, None);
    let fg = if with_fg { responsible.fg.as_slice() } else { &[] };
    let mut to: Vec<&String> = responsible.st.iter().chain(fg).collect();
    to.sort();
    to.dedup();
    to.into_iter().map(|to| crate::mail::Mail { to, subject, body, sensitive: false }.to_new()).collect()
}
