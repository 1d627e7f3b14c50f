-- The last consent-round reminder about a pupil to each person asked: a
-- custodial guardian (`asked` is the guardian's id) or the pupil of 16 or over
-- (`asked` is the pupil's own id). A reminder goes again only once the
-- interval has passed: the conditional write of this row is the check, in the
-- transaction that queues the mail, so two confirmations at once send once.
CREATE TABLE consent_reminders (
    board_id      TEXT NOT NULL,
    pupil_id      TEXT NOT NULL,
    asked         TEXT NOT NULL,
    last_sent_at  BIGINT NOT NULL,
    PRIMARY KEY (board_id, pupil_id, asked),
    FOREIGN KEY (board_id, pupil_id) REFERENCES pupils(board_id, id) ON DELETE CASCADE
);
