-- Data-subject requests (AVG art. 15–21; seed 001 §14.14; seed 002 §10).
-- Identity verification is a method only: there is no column for a copy of an
-- ID document (seed 002 §10.2).

CREATE TABLE requests (
    board_id               TEXT NOT NULL REFERENCES boards(id),
    id                     TEXT NOT NULL,
    kind                   TEXT NOT NULL CHECK (kind IN ('access','rectification','erasure','restriction','objection','portability')),
    -- The subject's school (for a pupil): scope, and the director who decides.
    school_id              TEXT,
    subject_pupil_id       TEXT,
    subject_guardian_id    TEXT,
    subject_description    TEXT,
    requester_guardian_id  TEXT,
    requester_description  TEXT,
    requester_relation     TEXT NOT NULL,
    -- What the requester asks, in their words (e.g. what is wrong for a correction).
    details                TEXT,
    received_on            TEXT NOT NULL,
    channel                TEXT NOT NULL CHECK (channel IN ('in_person','letter','email','phone','portal')),
    identity_check         TEXT NOT NULL CHECK (identity_check IN ('seen_in_person','known_email','portal_sign_in','known_phone')),
    assigned_to            TEXT,
    deadline               TEXT NOT NULL,
    extended_deadline      TEXT,
    extension_reason       TEXT,
    requester_told_on      TEXT,
    outcome                TEXT CHECK (outcome IN ('granted','partly_granted','refused')),
    reason                 TEXT,
    explanation            TEXT,
    decided_on             TEXT,
    objection_balancing    TEXT,
    objection_outcome      TEXT CHECK (objection_outcome IN ('upheld','rejected')),
    created_at             BIGINT NOT NULL,
    PRIMARY KEY (board_id, id),
    FOREIGN KEY (board_id, school_id) REFERENCES schools(board_id, id),
    FOREIGN KEY (board_id, subject_pupil_id) REFERENCES pupils(board_id, id),
    FOREIGN KEY (board_id, subject_guardian_id) REFERENCES guardians(board_id, id),
    FOREIGN KEY (board_id, requester_guardian_id) REFERENCES guardians(board_id, id),
    FOREIGN KEY (board_id, assigned_to) REFERENCES users(board_id, id)
);
CREATE INDEX requests_by_pupil ON requests(board_id, subject_pupil_id);
CREATE INDEX requests_open ON requests(board_id, outcome, deadline);

-- What an erasure did per item: evidence that holds no erased data.
CREATE TABLE request_erasures (
    board_id     TEXT NOT NULL,
    request_id   TEXT NOT NULL,
    item         TEXT NOT NULL,
    erased       BOOLEAN NOT NULL,
    keep_reason  TEXT,
    keep_until   TEXT,
    PRIMARY KEY (board_id, request_id, item),
    FOREIGN KEY (board_id, request_id) REFERENCES requests(board_id, id)
);

-- The recipients told of a rectification, erasure or restriction (seed 001 art. 14.1e).
CREATE TABLE request_recipients_told (
    board_id    TEXT NOT NULL,
    request_id  TEXT NOT NULL,
    recipient   TEXT NOT NULL,
    told_on     TEXT NOT NULL,
    PRIMARY KEY (board_id, request_id, recipient),
    FOREIGN KEY (board_id, request_id) REFERENCES requests(board_id, id)
);

-- The reminders sent before a deadline (at 7 and 2 working days left), each once.
CREATE TABLE request_reminders (
    board_id    TEXT NOT NULL,
    request_id  TEXT NOT NULL,
    days_left   BIGINT NOT NULL,
    sent_at     BIGINT NOT NULL,
    PRIMARY KEY (board_id, request_id, days_left),
    FOREIGN KEY (board_id, request_id) REFERENCES requests(board_id, id)
);

-- The board's recipients of pupil data, to tell after a correction (until the
-- processing register provides them).
CREATE TABLE board_recipients (
    board_id  TEXT NOT NULL REFERENCES boards(id),
    name      TEXT NOT NULL,
    PRIMARY KEY (board_id, name)
);

-- Restriction of processing (AVG art. 18): of the whole pupil (purpose_code '')
-- or of one consent purpose. The consent check honours it.
CREATE TABLE pupil_restrictions (
    board_id      TEXT NOT NULL,
    pupil_id      TEXT NOT NULL,
    purpose_code  TEXT NOT NULL,
    request_id    TEXT NOT NULL,
    created_at    BIGINT NOT NULL,
    PRIMARY KEY (board_id, pupil_id, purpose_code),
    FOREIGN KEY (board_id, pupil_id) REFERENCES pupils(board_id, id) ON DELETE CASCADE,
    FOREIGN KEY (board_id, request_id) REFERENCES requests(board_id, id)
);
