//! Group commit for consent decisions.
//!
//! At the start of a school year hundreds of parents answer at once. With
//! every decision in a transaction of its own, each waits for its own `fsync`
//! (SQLite runs with `synchronous = FULL`), which caps the throughput at the
//! disk's flush rate. Here one writer task takes every decision waiting in the
//! queue, records them in one transaction and answers each caller only after
//! that commit: an acknowledged decision is on disk exactly as before, but one
//! flush serves the whole batch.

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

/// The queue to the writer task.
#[derive(Clone)]
pub(crate) struct DecisionQueue(mpsc::Sender<Pending>);

impl DecisionQueue {
    /// Starts the writer task on the current runtime; it ends when the last
    /// clone of the queue is dropped. Each committed batch is added to the
    /// boards' copies in `model` before the callers hear of it.
    pub(crate) fn start(backend: Backend, model: Arc<ConsentModel>) -> Self {
        let (sender, mut receiver) = mpsc::channel::<Pending>(4 * BATCH);
        tokio::spawn(async move {
            let mut batch = Vec::with_capacity(BATCH);
            while receiver.recv_many(&mut batch, BATCH).await > 0 {
                let items: Vec<_> = batch.iter().map(|p| (&p.board, &p.actor, &p.decision)).collect();
                let outcome = dispatch!(backend: &backend, consent::record_consent_decisions(&items));
                match outcome {
                    Ok((results, stamps)) => {
                        for (board, stamp) in stamps {
                            let decisions = batch
                                .iter()
                                .zip(&results)
                                .filter(|(pending, _)| pending.board == board)
                                .filter_map(|(pending, result)| Some(held(pending, result.as_ref().ok()?)))
                                .collect();
                            model.catch_up(&board, stamp - 1, stamp, decisions);
                        }
                        for (pending, result) in batch.drain(..).zip(results) {
                            let _ = pending.reply.send(result);
                        }
                    }
                    Err(err) => {
                        tracing::error!(%err, decisions = batch.len(), "a batch of consent decisions was not committed");
                        let reason = err.to_string();
                        for pending in batch.drain(..) {
                            let _ = pending.reply.send(Err(StoreError::NotCommitted(reason.clone())));
                        }
                    }
                }
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
        let stopped = || StoreError::NotCommitted("the decision writer has stopped".to_owned());
        self.0.send(pending).await.map_err(|_| stopped())?;
        answer.await.map_err(|_| stopped())?
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
