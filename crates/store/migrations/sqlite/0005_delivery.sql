-- Delivery from the outbox with retries: a mail written in the same
-- transaction as the change that causes it is delivered by the sender task,
-- which claims it (next_attempt_at moves on by a lease), and records delivered
-- (sent_at) or failed (error, next_attempt_at after a backoff; NULL once given up).
ALTER TABLE outbox ADD COLUMN attempts INTEGER NOT NULL DEFAULT 0;
ALTER TABLE outbox ADD COLUMN next_attempt_at INTEGER;
CREATE INDEX outbox_due ON outbox(next_attempt_at) WHERE next_attempt_at IS NOT NULL;

-- One server at a time runs each background job: the holder of an unexpired lease.
CREATE TABLE job_leases (
    name    TEXT PRIMARY KEY,
    holder  TEXT NOT NULL,
    until   INTEGER NOT NULL
) STRICT;
