//! Group commit for consent decisions and "viewed" audit entries.
//!
//! At the start of a school year hundreds of parents answer at once, and on a
//! Monday morning every teacher opens a group page that writes an audit entry
//! per pupil shown. With each in a transaction of its own, each waits for its
//! own `fsync` (SQLite runs with `synchronous = FULL`), which caps the
//! throughput at the disk's flush rate. Here one writer task takes everything
//! waiting in the queue, records it in one transaction and answers each caller
//! only after that commit: an acknowledged decision, and the record of a
//! view, is on disk exactly as before, but one flush serves the whole batch.

use crate::consent_model::{ConsentModel, HeldDecision};
use crate::{
    Actor, Backend, BoardId, ConsentDecisionRecord, DecisionFact, NewConsentDecision, Result, StoreError, postgres,
    sqlite,
};
use std::sync::Arc;
use tokio::sync::{mpsc, oneshot};

/// At most this many decisions share a transaction.
const BATCH: usize = 256;

pub(crate) struct Pending {
    pub board: BoardId,
    pub actor: Actor,
    pub decision: NewConsentDecision,
    pub reply: oneshot::Sender<Result<ConsentDecisionRecord>>,
}

/// The pupils (or other records) a page showed, for its "viewed" entries.
pub(crate) struct Viewed {
    pub board: BoardId,
    pub actor: Actor,
    pub entity: &'static str,
    pub ids: Vec<String>,
    pub reply: oneshot::Sender<Result<()>>,
}

pub(crate) enum Job {
    Decision(Pending),
    Views(Viewed),
}

/// The queue to the writer task.
#[derive(Clone)]
pub(crate) struct GroupCommit(mpsc::Sender<Job>);

impl GroupCommit {
    /// Starts the writer task on the current runtime; it ends when the last
    /// clone of the queue is dropped. Each committed batch is added to the
    /// boards' copies in `model` before the callers hear of it.
    pub(crate) fn start(backend: Backend, model: Arc<ConsentModel>) -> Self {
        let (sender, mut receiver) = mpsc::channel::<Job>(4 * BATCH);
        tokio::spawn(async move {
            let mut jobs = Vec::with_capacity(BATCH);
            while receiver.recv_many(&mut jobs, BATCH).await > 0 {
                let (mut batch, mut views) = (Vec::new(), Vec::new());
                for job in jobs.drain(..) {
                    match job {
                        Job::Decision(pending) => batch.push(pending),
                        Job::Views(viewed) => views.push(viewed),
                    }
                }
                commit(&backend, &model, batch, views).await;
            }
        });
        Self(sender)
    }

    /// Queues one decision and waits until the transaction holding it has committed.
    pub(crate) async fn record(
        &self,
        board: &BoardId,
        actor: &Actor,
        decision: &NewConsentDecision,
    ) -> Result<ConsentDecisionRecord> {
        let (reply, answer) = oneshot::channel();
        let pending = Pending { board: board.clone(), actor: actor.clone(), decision: decision.clone(), reply };
        self.0.send(Job::Decision(pending)).await.map_err(|_| stopped())?;
        answer.await.map_err(|_| stopped())?
    }

    /// Queues the "viewed" entries of `ids` and waits until they are committed.
    pub(crate) async fn record_views(
        &self,
        board: &BoardId,
        actor: &Actor,
        entity: &'static str,
        ids: &[String],
    ) -> Result<()> {
        let (reply, answer) = oneshot::channel();
        let viewed = Viewed { board: board.clone(), actor: actor.clone(), entity, ids: ids.to_vec(), reply };
        self.0.send(Job::Views(viewed)).await.map_err(|_| stopped())?;
        answer.await.map_err(|_| stopped())?
    }
}

fn stopped() -> StoreError {
    StoreError::NotCommitted("the writer of decisions and views has stopped".to_owned())
}

/// Writes one batch in one transaction, adds its decisions to the boards'
/// copies in `model`, then answers every caller.
async fn commit(backend: &Backend, model: &ConsentModel, batch: Vec<Pending>, views: Vec<Viewed>) {
    let items: Vec<_> = batch.iter().map(|p| (&p.board, &p.actor, &p.decision)).collect();
    let seen: Vec<_> = views.iter().map(|v| (&v.board, &v.actor, v.entity, v.ids.as_slice())).collect();
    match dispatch!(backend: backend, consent::record_consent_decisions(&items, &seen)) {
        Ok((results, stamps, viewed)) => {
            for (board, stamp) in stamps {
                let decisions = batch
                    .iter()
                    .zip(&results)
                    .filter(|(pending, _)| pending.board == board)
                    .filter_map(|(pending, result)| Some(held(pending, result.as_ref().ok()?)))
                    .collect();
                model.catch_up(&board, stamp - 1, stamp, decisions);
            }
            for (pending, result) in batch.into_iter().zip(results) {
                let _ = pending.reply.send(result);
            }
            for (view, result) in views.into_iter().zip(viewed) {
                let _ = view.reply.send(result);
            }
        }
        Err(err) => {
            tracing::error!(%err, decisions = batch.len(), views = views.len(), "a group commit failed");
            let reason = err.to_string();
            for pending in batch {
                let _ = pending.reply.send(Err(StoreError::NotCommitted(reason.clone())));
            }
            for view in views {
                let _ = view.reply.send(Err(StoreError::NotCommitted(reason.clone())));
            }
        }
    }
}

/// A committed decision as the read model holds it.
fn held(pending: &Pending, record: &ConsentDecisionRecord) -> HeldDecision {
    HeldDecision {
        fact: DecisionFact {
            pupil_id: record.pupil_id.clone(),
            guardian_id: record.guardian_id.clone(),
            purpose: record.purpose.clone(),
            choice: record.decision,
            decided_on: aantoonbaar_rules::calendar::dutch_date(record.decided_at),
        },
        at: record.decided_at.as_second(),
        created: pending.actor.at.as_second(),
        id: record.id.clone(),
    }
}
