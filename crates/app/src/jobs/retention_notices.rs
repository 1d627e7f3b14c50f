//! The weekly retention notice (issue 15): once per ISO week, from Monday
//! 07:00 in the Netherlands, each board's IBP managers hear how many items are
//! due for destruction and how many holds are to be reviewed, and each
//! director the same for their school. Seed 001's risk analysis scores
//! "Gegevens niet tijdig vernietigd" as a daily occurrence: a weekly nudge
//! keeps the worklist short.
//!
//! The items due are counted for every board at once: one set-based query per
//! pupil rule (and per variant of it, when boards changed a rule or read the
//! special-education term differently), counted by the database per board and
//! school — never a loop over pupils. A board is checked once a week: its row
//! in `retention_notices` is written with its mails in one transaction, also
//! when there is nothing to tell, so the check does not run again that week.

use crate::App;
use crate::i18n::tf;
use crate::mail::Mail;
use crate::people::responsible_among;
use crate::retention::{DueRule, due_rules, in_force};
use aantoonbaar_rules::Role;
use aantoonbaar_rules::policy::ScopeKind;
use aantoonbaar_store::retention::{DueCount, RetentionSettings, RuleSelection, StoredRule, WeeklyCheck};
use aantoonbaar_store::{BoardId, NewMail, Scope, StoreError, User};
use jiff::civil::{Date, Weekday};
use std::collections::{BTreeMap, HashMap};

/// The hour (Netherlands) from which the week's notice goes out.
const FROM_HOUR: i8 = 7;

/// The ISO week of `day`, e.g. `2026-W49`.
#[must_use]
pub fn iso_week(day: Date) -> String {
    let week = day.iso_week_date();
    format!("{}-W{:02}", week.year(), week.week())
}

/// Per board and school, the items due; per board and school, the holds to review.
#[derive(Debug, Default)]
struct Found {
    due: HashMap<BoardId, BTreeMap<String, i64>>,
    reviews: HashMap<BoardId, BTreeMap<String, i64>>,
}

/// The items due on `today` of `boards` (every board of the store when
/// `all`), with each board's `settings` (absent: the defaults), per board
/// and school: the pupil rules in force are grouped by
/// what their query selects, so boards that follow the same rule share one
/// query (the benchmark `benches/retention.rs` measures this across 1,000 boards).
///
/// # Errors
/// When the store cannot be read.
pub async fn due_items(
    app: &App,
    settings: &HashMap<BoardId, RetentionSettings>,
    boards: &[BoardId],
    all: bool,
    today: Date,
) -> Result<HashMap<BoardId, BTreeMap<String, i64>>, StoreError> {
    let mut rules: HashMap<BoardId, Vec<StoredRule>> = HashMap::new();
    for (board, rule) in app.store.retention_rules_of_every_board().await? {
        rules.entry(board).or_default().push(rule);
    }
    // One query per distinct selection and cutoff, with the boards it serves.
    let mut groups: Vec<(RuleSelection, Date, Vec<BoardId>)> = Vec::new();
    for board in boards {
        let in_force = in_force(rules.get(board).into_iter().flatten());
        let reading = settings.get(board).copied().unwrap_or_default().sbo_reading;
        for DueRule { selection, cutoff, .. } in due_rules(&in_force, reading, today) {
            match groups.iter_mut().find(|(s, c, _)| *s == selection && *c == cutoff) {
                Some((_, _, members)) => members.push(board.clone()),
                None => groups.push((selection, cutoff, vec![board.clone()])),
            }
        }
    }
    let mut found: HashMap<BoardId, BTreeMap<String, i64>> = HashMap::new();
    for (selection, cutoff, members) in &groups {
        let filter = (!(all && members.len() == boards.len())).then_some(members.as_slice());
        for DueCount { board_id, school_id, items } in
            app.store.retention_due_counts(filter, selection, *cutoff, today).await?
        {
            *found.entry(board_id).or_default().entry(school_id).or_default() += items;
        }
    }
    Ok(found)
}

/// Runs the week's check for every board not checked yet this week; how many
/// boards were told something.
///
/// # Errors
/// When the store cannot be read or written; boards committed stay checked.
pub async fn run(app: &App) -> Result<u64, StoreError> {
    let now = app.clock.now().to_zoned(aantoonbaar_rules::calendar::dutch_time_zone());
    if now.weekday() == Weekday::Monday && now.hour() < FROM_HOUR {
        return Ok(0);
    }
    let today = now.date();
    let week = iso_week(today);
    let boards = app.store.boards_unchecked_in(&week).await?;
    if boards.is_empty() {
        return Ok(0);
    }
    let all = boards.len() == app.store.board_ids().await?.len();
    let settings: HashMap<BoardId, RetentionSettings> =
        app.store.retention_settings_of_every_board().await?.into_iter().collect();
    let mut found = Found { due: due_items(app, &settings, &boards, all, today).await?, ..Found::default() };
    for open in app.store.open_holds_of_every_board().await? {
        let every = settings.get(&open.board_id).copied().unwrap_or_default().hold_review;
        if open.hold.review_date(every).is_some_and(|d| d <= today) {
            *found.reviews.entry(open.board_id).or_default().entry(open.school_id).or_default() += 1;
        }
    }
    let mut told = 0;
    for board_id in boards {
        let due = found.due.remove(&board_id).unwrap_or_default();
        let reviews = found.reviews.remove(&board_id).unwrap_or_default();
        let check = WeeklyCheck { due_items: due.values().sum(), holds_to_review: reviews.values().sum() };
        let board = app.store.board(&board_id);
        let mails = if check.due_items + check.holds_to_review > 0 {
            notices(app, &board.users(&Scope::Board).await?, &due, &reviews)
        } else {
            Vec::new()
        };
        let any = !mails.is_empty();
        if board.record_weekly_check(&week, check, app.clock.now(), &mails).await? && any {
            told += 1;
        }
    }
    Ok(told)
}

/// The mails of one board: to each IBP manager the board's totals, to each
/// director the totals of the schools in their scope (none when those are 0).
fn notices(app: &App, users: &[User], due: &BTreeMap<String, i64>, reviews: &BTreeMap<String, i64>) -> Vec<NewMail> {
    let link = app.link("/bewaartermijnen/werklijst");
    let holds_link = app.link("/bewaartermijnen/blokkades");
    let mail = |to: &str, items: i64, holds: i64| {
        let (items, holds) = (items.to_string(), holds.to_string());
        let args = [("items", items.as_str()), ("holds", holds.as_str()), ("link", &link), ("holds_link", &holds_link)];
        let subject = tf("retention.mail.weekly_subject", &args);
        let body = tf("retention.mail.weekly_body", &args);
        Mail { to, subject: &subject, body: &body, sensitive: false }.to_new()
    };
    let mut mails = Vec::new();
    let board_total = |counts: &BTreeMap<String, i64>| counts.values().sum::<i64>();
    for to in responsible_among(users, None).st {
        mails.push(mail(&to, board_total(due), board_total(reviews)));
    }
    for director in users.iter().filter(|u| u.roles.contains(&Role::D) && !u.roles.contains(&Role::St)) {
        let of_mine = |counts: &BTreeMap<String, i64>| -> i64 {
            let mine = |school: &String| director.scope_kind == ScopeKind::Board || director.scope_ids.contains(school);
            counts.iter().filter(|(school, _)| mine(school)).map(|(_, n)| n).sum()
        };
        let (items, holds) = (of_mine(due), of_mine(reviews));
        if items + holds > 0 {
            mails.push(mail(&director.email, items, holds));
        }
    }
    mails
}
