-- The consent round's invitation about a pupil to each person asked: a
-- custodial guardian (`asked` is the guardian's id) or the pupil of 16 or over
-- (`asked` is the pupil's own id), once per school year (`school_year`: the
-- calendar year it starts in). The insert of this row is the check, in the
-- transaction that queues the mail, so a repeat invites nobody again, while a
-- pupil or guardian added later is invited on the next sending.
CREATE TABLE consent_invitations (
    board_id     TEXT NOT NULL,
    pupil_id     TEXT NOT NULL,
    asked        TEXT NOT NULL,
    school_year  BIGINT NOT NULL,
    sent_at      BIGINT NOT NULL,
    PRIMARY KEY (board_id, pupil_id, asked, school_year),
    FOREIGN KEY (board_id, pupil_id) REFERENCES pupils(board_id, id) ON DELETE CASCADE
);
