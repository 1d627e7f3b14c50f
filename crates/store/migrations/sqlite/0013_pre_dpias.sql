-- The pre-DPIA (seed 004, "Aanschaf nieuwe software"): a teacher asks before
-- using new software in class; the screening and the supplier lookup are kept
-- as they were at submission; the IBP manager or the FG answers.

CREATE TABLE pre_dpias (
    board_id            TEXT NOT NULL REFERENCES boards(id),
    id                  TEXT NOT NULL,
    requester_id        TEXT NOT NULL,
    requester_name      TEXT NOT NULL,
    school_id           TEXT,
    app_name            TEXT NOT NULL,
    answers             TEXT NOT NULL,
    outcome             TEXT NOT NULL CHECK (outcome IN ('required','not_required')),
    reasons             TEXT NOT NULL,
    supplier_id         TEXT,
    agreement_in_force  INTEGER NOT NULL,
    status              TEXT NOT NULL DEFAULT 'waiting'
                            CHECK (status IN ('waiting','approved','approved_with_conditions','rejected')),
    answer_text         TEXT,
    answered_by         TEXT,
    answered_at         INTEGER,
    reminded_at         INTEGER,
    created_at          INTEGER NOT NULL,
    PRIMARY KEY (board_id, id),
    CHECK ((status = 'waiting') = (answered_at IS NULL))
) STRICT;

CREATE INDEX pre_dpias_waiting ON pre_dpias (status, created_at);
