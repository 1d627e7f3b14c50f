//! The consent read model: per board, in memory, everything the consent check
//! reads (pupils, custodians, the decisions that can still count, objections,
//! restrictions, purposes and settings), so a check costs no query beyond the
//! board's versions (`versions.rs`).
//!
//! Never stale: a copy answers only when it is at least at the version read
//! for the request, and every write the check depends on raises that version
//! in its own transaction (migration 0025). When only decisions were added
//! since the copy (`structure` at or below its version), they are read by
//! their stamp and added; any other change makes the copy be rebuilt in the
//! background while the check reads the database as before. This process's
//! own decisions are added by the group commit right after their commit.
//!
//! Bounded: each copy's size is estimated, and when the total passes the
//! budget the least recently used boards are dropped. When the budget is full,
//! a board without a copy gets one only in place of a copy idle for a minute:
//! with more boards checked than fit, the held ones stay and the rest are
//! answered from the database, rather than each check evicting another.

use crate::{BoardId, BoardSettings, BoardVersions, ConsentFacts, DecisionFact, ObjectionFact, Scope};
use jiff::civil::Date;
use std::collections::{HashMap, HashSet};
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, RwLock};
use std::time::{Duration, Instant};

/// The memory the copies may take together (estimated, in MiB) unless the
/// server is told otherwise (`serve --read-model-budget`).
pub const DEFAULT_BUDGET_MIB: u64 = 256;
const DEFAULT_BUDGET_BYTES: usize = DEFAULT_BUDGET_MIB as usize * 1024 * 1024;

/// How long the least recently used copy must have been idle before a board
/// without a copy may take its place when the budget is full.
const IDLE_BEFORE_REPLACED: Duration = Duration::from_secs(60);

/// How much the read model holds, for `/readyz`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct ReadModelSize {
    /// Boards with a copy in memory.
    pub boards: usize,
    /// Their estimated size together.
    pub bytes: usize,
    /// The most they may take together.
    pub budget_bytes: usize,
}

/// A decision as the copy holds it: the fact, and the columns the database
/// orders decisions by (`decided_at`, `created_at`, `id`).
#[derive(Debug, Clone)]
pub(crate) struct HeldDecision {
    pub fact: DecisionFact,
    pub at: i64,
    pub created: i64,
    pub id: String,
}

impl HeldDecision {
    fn order(&self) -> (i64, i64, &str) {
        (self.at, self.created, &self.id)
    }
}

/// What the check needs of one pupil.
#[derive(Debug, Clone)]
pub(crate) struct PupilFacts {
    pub subject: crate::ConsentSubject,
    pub custodians: Vec<(String, bool)>,
    /// In the database's order.
    pub decisions: Vec<HeldDecision>,
    pub objections: Vec<ObjectionFact>,
    /// `None`: all processing is restricted.
    pub restricted: Vec<Option<String>>,
}

/// One board's copy as read from the database.
#[derive(Debug, Clone, Default)]
pub(crate) struct BoardFacts {
    /// The consent version the copy reflects.
    pub consent: i64,
    /// Decisions are held from this instant (seconds) on; `None`: all.
    pub from: Option<i64>,
    pub settings: BoardSettings,
    pub purposes: HashSet<String>,
    pub pupils: HashMap<String, PupilFacts>,
}

/// The instant (seconds) `day` starts in the Netherlands.
pub(crate) fn start_of(day: Date) -> Option<i64> {
    day.to_zoned(aantoonbaar_rules::calendar::dutch_time_zone()).ok().map(|z| z.timestamp().as_second())
}

/// The decisions the check reads for `day`: from the first day that can still
/// count through `day` (`[from, until)`, seconds).
pub(crate) fn decision_window(settings: &BoardSettings, day: Date) -> (i64, i64) {
    let from = settings.consent_renewal.earliest_covering(day).and_then(start_of).unwrap_or(i64::MIN);
    let until = day.tomorrow().ok().and_then(start_of).unwrap_or(i64::MAX);
    (from, until)
}

impl BoardFacts {
    /// Whether the copy holds every decision the check for `day` reads.
    fn covers(&self, day: Date) -> bool {
        let (from, _) = decision_window(&self.settings, day);
        self.from.is_none_or(|held| from >= held)
    }

    /// The facts for these pupils (those in `scope`) and one purpose or all,
    /// exactly as the database query gives them.
    fn facts(&self, scope: &Scope, pupil_ids: &[String], purpose: Option<&str>, day: Date) -> ConsentFacts {
        let mut facts = ConsentFacts {
            settings: self.settings,
            purpose_known: purpose.is_none_or(|p| self.purposes.contains(p)),
            ..ConsentFacts::default()
        };
        let (from, until) = decision_window(&self.settings, day);
        let mut seen = HashSet::new();
        for id in pupil_ids {
            let Some(pupil) = self.pupils.get(id) else { continue };
            if !in_scope(scope, &pupil.subject) || !seen.insert(id.as_str()) {
                continue;
            }
            if !pupil.custodians.is_empty() {
                facts.custodians.insert(id.clone(), pupil.custodians.clone());
            }
            facts.decisions.extend(
                pupil
                    .decisions
                    .iter()
                    .filter(|d| purpose.is_none_or(|p| d.fact.purpose == p) && d.at >= from && d.at < until)
                    .map(|d| d.fact.clone()),
            );
            facts.objections.extend(
                pupil
                    .objections
                    .iter()
                    .filter(|o| purpose.is_none_or(|p| o.purpose.as_deref().is_none_or(|op| op == p)))
                    .cloned(),
            );
            facts.restricted.extend(
                pupil
                    .restricted
                    .iter()
                    .filter(|r| purpose.is_none_or(|p| r.as_deref().is_none_or(|rp| rp == p)))
                    .map(|r| (id.clone(), r.clone())),
            );
            facts.pupils.push(pupil.subject.clone());
        }
        facts
    }

    /// Adds decisions (any order) that the copy does not hold yet.
    fn add(&mut self, decisions: Vec<HeldDecision>) -> usize {
        let mut bytes = 0;
        for decision in decisions {
            if self.from.is_some_and(|from| decision.at < from) {
                continue;
            }
            let Some(pupil) = self.pupils.get_mut(&decision.fact.pupil_id) else { continue };
            bytes += decision_bytes(&decision);
            let at = pupil.decisions.partition_point(|held| held.order() <= decision.order());
            pupil.decisions.insert(at, decision);
        }
        bytes
    }

    /// An estimate of the copy's size in memory.
    fn bytes(&self) -> usize {
        let pupils: usize = self
            .pupils
            .values()
            .map(|p| {
                size_of::<PupilFacts>()
                    + 3 * p.subject.id.len()
                    + p.custodians.iter().map(|(g, _)| 32 + g.len()).sum::<usize>()
                    + p.decisions.iter().map(decision_bytes).sum::<usize>()
                    + p.objections.len() * (size_of::<ObjectionFact>() + 96)
                    + p.restricted.len() * 48
            })
            .sum();
        size_of::<Self>() + pupils + self.purposes.iter().map(|p| 32 + p.len()).sum::<usize>()
    }
}

fn decision_bytes(decision: &HeldDecision) -> usize {
    size_of::<HeldDecision>()
        + decision.fact.pupil_id.len()
        + decision.fact.guardian_id.as_ref().map_or(0, String::len)
        + decision.fact.purpose.len()
        + decision.id.len()
}

fn in_scope(scope: &Scope, pupil: &crate::ConsentSubject) -> bool {
    match scope {
        Scope::Board => true,
        Scope::Schools(schools) => schools.contains(&pupil.school_id),
        Scope::Groups(groups) => groups.iter().any(|(group, _)| group == &pupil.group_id),
    }
}

struct Copy {
    facts: RwLock<BoardFacts>,
    bytes: AtomicUsize,
    /// Last used, in milliseconds since the model's epoch.
    used: AtomicU64,
}

/// What a copy says about a check.
pub(crate) enum Answer {
    /// The facts, from memory.
    Facts(ConsentFacts),
    /// Only these decisions are missing: read them (stamped after `after`, up
    /// to `upto`) and [`ConsentModel::catch_up`].
    Behind { after: i64, upto: i64 },
    /// No copy that can answer: read the database; `rebuild` says whether a
    /// new copy should be built.
    Database { rebuild: bool },
}

/// The copies of every board this process has checked recently.
pub(crate) struct ConsentModel {
    copies: Mutex<HashMap<BoardId, Arc<Copy>>>,
    rebuilding: Mutex<HashSet<BoardId>>,
    used: AtomicUsize,
    budget: AtomicUsize,
    /// When the model was made: copies note their last use in milliseconds since.
    epoch: Instant,
}

impl ConsentModel {
    pub(crate) fn new() -> Self {
        Self {
            copies: Mutex::new(HashMap::new()),
            rebuilding: Mutex::new(HashSet::new()),
            used: AtomicUsize::new(0),
            budget: AtomicUsize::new(DEFAULT_BUDGET_BYTES),
            epoch: Instant::now(),
        }
    }

    fn now_ms(&self) -> u64 {
        u64::try_from(self.epoch.elapsed().as_millis()).unwrap_or(u64::MAX)
    }

    /// Whether a board without a copy should get one: when the budget has
    /// room for a copy of average size, or when the least recently used copy
    /// has not been used for [`IDLE_BEFORE_REPLACED`]. So when more boards are
    /// checked than fit, the ones held stay held and the others are answered
    /// from the database, instead of every check rebuilding a copy that
    /// pushes out another one that is rebuilt next.
    fn admits(&self) -> bool {
        let copies = lock(&self.copies);
        let (used, budget) = (self.used.load(Ordering::Relaxed), self.budget.load(Ordering::Relaxed));
        if copies.is_empty() || used + used / copies.len() <= budget {
            return true;
        }
        let now = self.now_ms();
        copies.values().map(|copy| copy.used.load(Ordering::Relaxed)).min().is_some_and(|oldest| {
            now.saturating_sub(oldest) >= u64::try_from(IDLE_BEFORE_REPLACED.as_millis()).unwrap_or(u64::MAX)
        })
    }

    /// Sets the budget, dropping copies at once when they no longer fit.
    pub(crate) fn set_budget(&self, bytes: usize) {
        self.budget.store(bytes, Ordering::Relaxed);
        self.evict(None);
    }

    pub(crate) fn size(&self) -> ReadModelSize {
        ReadModelSize {
            boards: lock(&self.copies).len(),
            bytes: self.used.load(Ordering::Relaxed),
            budget_bytes: self.budget.load(Ordering::Relaxed),
        }
    }

    fn copy(&self, board: &BoardId) -> Option<Arc<Copy>> {
        let copy = lock(&self.copies).get(board).cloned()?;
        copy.used.store(self.now_ms(), Ordering::Relaxed);
        Some(copy)
    }

    /// The check's facts from the board's copy when it is current at `seen`.
    pub(crate) fn answer(
        &self,
        board: &BoardId,
        seen: BoardVersions,
        scope: &Scope,
        pupil_ids: &[String],
        purpose: Option<&str>,
        day: Date,
    ) -> Answer {
        let Some(copy) = self.copy(board) else { return Answer::Database { rebuild: self.admits() } };
        let facts = copy.facts.read().unwrap_or_else(std::sync::PoisonError::into_inner);
        if seen.structure > facts.consent {
            return Answer::Database { rebuild: true };
        }
        if seen.consent > facts.consent {
            return Answer::Behind { after: facts.consent, upto: seen.consent };
        }
        if !facts.covers(day) {
            return Answer::Database { rebuild: false };
        }
        Answer::Facts(facts.facts(scope, pupil_ids, purpose, day))
    }

    /// Adds the decisions stamped after `after` up to `upto`, when the copy is
    /// still at `after`.
    pub(crate) fn catch_up(&self, board: &BoardId, after: i64, upto: i64, decisions: Vec<HeldDecision>) {
        let Some(copy) = self.copy(board) else { return };
        let mut facts = copy.facts.write().unwrap_or_else(std::sync::PoisonError::into_inner);
        if facts.consent != after {
            return;
        }
        let added = facts.add(decisions);
        facts.consent = upto;
        drop(facts);
        copy.bytes.fetch_add(added, Ordering::Relaxed);
        self.used.fetch_add(added, Ordering::Relaxed);
        self.evict(Some(board));
    }

    /// Marks that a copy of `board` is being built; `false` when one already is.
    pub(crate) fn start_rebuild(&self, board: &BoardId) -> bool {
        lock(&self.rebuilding).insert(board.clone())
    }

    /// Puts a newly built copy in place (unless the one there is newer).
    pub(crate) fn install(&self, board: &BoardId, facts: Option<BoardFacts>) {
        lock(&self.rebuilding).remove(board);
        let Some(facts) = facts else { return };
        let bytes = facts.bytes();
        let consent = facts.consent;
        let copy = Arc::new(Copy {
            facts: RwLock::new(facts),
            bytes: AtomicUsize::new(bytes),
            used: AtomicU64::new(self.now_ms()),
        });
        {
            let mut copies = lock(&self.copies);
            if let Some(old) = copies.get(board) {
                if old.facts.read().unwrap_or_else(std::sync::PoisonError::into_inner).consent > consent {
                    return;
                }
                self.used.fetch_sub(old.bytes.load(Ordering::Relaxed), Ordering::Relaxed);
            }
            copies.insert(board.clone(), copy);
        }
        self.used.fetch_add(bytes, Ordering::Relaxed);
        self.evict(Some(board));
    }

    /// Drops the least recently used copies (never `keep`, the one just
    /// used) until the total is within the budget.
    fn evict(&self, keep: Option<&BoardId>) {
        let mut copies = lock(&self.copies);
        while self.used.load(Ordering::Relaxed) > self.budget.load(Ordering::Relaxed) {
            let oldest = copies
                .iter()
                .filter(|(board, _)| Some(*board) != keep)
                .min_by_key(|(_, copy)| copy.used.load(Ordering::Relaxed))
                .map(|(board, _)| board.clone());
            let Some(board) = oldest else { break };
            if let Some(copy) = copies.remove(&board) {
                self.used.fetch_sub(copy.bytes.load(Ordering::Relaxed), Ordering::Relaxed);
            }
        }
    }
}

fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn board(name: &str) -> BoardId {
        BoardId(name.to_owned())
    }

    fn wants_copy(model: &ConsentModel, name: &str) -> bool {
        let seen = BoardVersions { consent: 0, structure: 0, access: 0 };
        let day = jiff::civil::date(2026, 11, 22);
        matches!(model.answer(&board(name), seen, &Scope::Board, &[], None, day), Answer::Database { rebuild: true })
    }

    #[test]
    fn a_full_model_keeps_the_boards_in_use_and_answers_others_from_the_database() {
        let model = ConsentModel::new();
        model.install(&board("a"), Some(BoardFacts::default()));
        assert!(wants_copy(&model, "b"), "room for a second copy");
        let one = model.size().bytes;
        model.set_budget(one);
        assert!(!wants_copy(&model, "b"), "the one copy was just used: it stays");
        assert_eq!(model.size().boards, 1);
        assert!(matches!(
            model.answer(
                &board("a"),
                BoardVersions { consent: 0, structure: 0, access: 0 },
                &Scope::Board,
                &[],
                None,
                jiff::civil::date(2026, 11, 22)
            ),
            Answer::Facts(_)
        ));
    }
}
