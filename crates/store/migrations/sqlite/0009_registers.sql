-- The board's registers (AVG art. 30; seed 001 art. 4, 7, 15; seed 002 §3.5,
-- §4.1.2): the board as controller with its FG, the processing activities, the
-- adopted versions of the register and the FG's comments.

-- The controller and the FG (art. 30(1)(a), art. 13(1)(a)–(b)).
CREATE TABLE board_profiles (
    board_id       TEXT PRIMARY KEY REFERENCES boards(id),
    name           TEXT NOT NULL,
    address        TEXT NOT NULL,
    kvk            TEXT,
    contact_email  TEXT NOT NULL,
    dpo_name       TEXT NOT NULL,
    dpo_email      TEXT NOT NULL,
    dpo_phone      TEXT,
    updated_at     INTEGER NOT NULL
) STRICT;

-- One processing activity. `body` is the activity as JSON
-- (rules::register::Activity): its lists belong to it alone and are always read
-- whole; name and status are columns for ordering and filtering.
CREATE TABLE processing_activities (
    board_id    TEXT NOT NULL REFERENCES boards(id),
    id          TEXT NOT NULL,
    -- NULL: done for every school of the board.
    school_id   TEXT,
    name        TEXT NOT NULL,
    status      TEXT NOT NULL CHECK (status IN ('draft','in_review','adopted','retired')),
    body        TEXT NOT NULL,
    created_at  INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL,
    PRIMARY KEY (board_id, id),
    UNIQUE (board_id, name),
    FOREIGN KEY (board_id, school_id) REFERENCES schools(board_id, id)
) STRICT;

-- An adoption of the register: the snapshot (rules::register::Register as
-- JSON) and its SHA-256, which also goes into the audit trail.
CREATE TABLE register_versions (
    board_id         TEXT NOT NULL REFERENCES boards(id),
    version          INTEGER NOT NULL,
    adopted_at       INTEGER NOT NULL,
    adopted_by       TEXT,
    adopted_by_name  TEXT NOT NULL,
    -- Who adopted it, in the board's own words: "het College van Bestuur, besluit 2026-14".
    decision         TEXT NOT NULL,
    body             TEXT NOT NULL,
    sha256           TEXT NOT NULL,
    PRIMARY KEY (board_id, version)
) STRICT;

-- The FG's advice on an activity (AVG art. 39(1)(a)).
CREATE TABLE register_comments (
    board_id     TEXT NOT NULL,
    id           TEXT NOT NULL,
    activity_id  TEXT NOT NULL,
    author_id    TEXT,
    author_name  TEXT NOT NULL,
    body         TEXT NOT NULL,
    created_at   INTEGER NOT NULL,
    PRIMARY KEY (board_id, id),
    FOREIGN KEY (board_id, activity_id) REFERENCES processing_activities(board_id, id)
) STRICT;
CREATE INDEX register_comments_activity ON register_comments (board_id, activity_id, created_at);
