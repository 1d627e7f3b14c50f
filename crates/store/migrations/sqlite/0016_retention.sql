-- Retention (issue 15): the board's retention rules, versioned; its reading of
-- the special-education term; and the holds that stop destruction.

-- Every change of a rule is a new version with who and when; the highest
-- version of a code is in force. A code without a row follows the product's
-- default (rules::retention::default_rules).
CREATE TABLE retention_rules (
    board_id       TEXT NOT NULL REFERENCES boards(id),
    code           TEXT NOT NULL,
    version        INTEGER NOT NULL CHECK (version >= 1),
    category       TEXT NOT NULL,
    subject        TEXT NOT NULL,
    trigger_event  TEXT NOT NULL,
    period         TEXT NOT NULL,
    end_action     TEXT NOT NULL,
    source_kind    TEXT NOT NULL,
    source_text    TEXT NOT NULL,
    source_url     TEXT,
    changed_by     TEXT,
    changed_by_label TEXT NOT NULL,
    changed_at     INTEGER NOT NULL,
    PRIMARY KEY (board_id, code, version)
) STRICT;

-- The board's reading of "SBO 3 jaar" (absent: referred_pupil, seed 001 §14.17).
CREATE TABLE retention_settings (
    board_id     TEXT NOT NULL PRIMARY KEY REFERENCES boards(id),
    sbo_reading  TEXT NOT NULL CHECK (sbo_reading IN ('referred_pupil','sbo_school')),
    updated_at   INTEGER NOT NULL
) STRICT;

-- A hold on a pupil's data (one category, or every category when NULL): in
-- force from placed_on until released_on (dates in Europe/Amsterdam).
CREATE TABLE retention_holds (
    board_id        TEXT NOT NULL,
    id              TEXT NOT NULL,
    pupil_id        TEXT NOT NULL,
    category        TEXT,
    kind            TEXT NOT NULL CHECK (kind IN ('legal_claim','incident','open_request','law','other')),
    reason          TEXT NOT NULL,
    placed_by       TEXT,
    placed_by_label TEXT NOT NULL,
    placed_at       INTEGER NOT NULL,
    placed_on       TEXT NOT NULL,
    released_by     TEXT,
    released_by_label TEXT,
    released_at     INTEGER,
    released_on     TEXT,
    PRIMARY KEY (board_id, id),
    FOREIGN KEY (board_id, pupil_id) REFERENCES pupils(board_id, id),
    CHECK ((released_at IS NULL) = (released_on IS NULL)),
    CHECK ((released_at IS NULL) = (released_by_label IS NULL))
) STRICT;
CREATE INDEX retention_holds_by_pupil ON retention_holds (board_id, pupil_id);

-- The worklist selects leavers by leave date, one query per rule.
CREATE INDEX pupils_by_leave_date ON pupils (board_id, leave_date);
