-- The DPIA record (AVG art. 35): a stored screening per activity or product,
-- the DPIA itself (local per the Model DPIA, or a central DPIA with the
-- board's findings) and its approved versions. The board's text, the risks to
-- the people and the central reference are one JSON document (`content`); the
-- register's facts are read from the register, and frozen into a version at
-- approval.

CREATE TABLE dpia_screenings (
    board_id         TEXT NOT NULL REFERENCES boards(id),
    id               TEXT NOT NULL,
    activity_id      TEXT,
    product          TEXT,
    facts            TEXT NOT NULL,
    outcome          TEXT NOT NULL CHECK (outcome IN ('required','not_required')),
    reasons          TEXT NOT NULL,
    screened_by      TEXT,
    screened_by_name TEXT NOT NULL,
    screened_at      INTEGER NOT NULL,
    PRIMARY KEY (board_id, id),
    CHECK ((activity_id IS NULL) <> (product IS NULL))
) STRICT;

CREATE INDEX dpia_screenings_activity ON dpia_screenings (board_id, activity_id, screened_at);

CREATE TABLE dpias (
    board_id         TEXT NOT NULL REFERENCES boards(id),
    id               TEXT NOT NULL,
    title            TEXT NOT NULL,
    activity_id      TEXT,
    product          TEXT,
    kind             TEXT NOT NULL CHECK (kind IN ('local','central')),
    screening_id     TEXT,
    content          TEXT NOT NULL,
    status           TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft','approved','review_required')),
    fg_advice        TEXT,
    fg_advice_by     TEXT,
    fg_advice_at     INTEGER,
    approved_version INTEGER,
    approved_on      TEXT,
    review_due       TEXT,
    -- Why a review is required: JSON list of {at, reason, fields, by}.
    review_reasons   TEXT NOT NULL DEFAULT '[]',
    created_at       INTEGER NOT NULL,
    updated_at       INTEGER NOT NULL,
    PRIMARY KEY (board_id, id),
    UNIQUE (board_id, title),
    CHECK ((activity_id IS NULL) <> (product IS NULL)),
    CHECK ((status = 'draft') OR (approved_on IS NOT NULL))
) STRICT;

CREATE INDEX dpias_activity ON dpias (board_id, activity_id);

CREATE TABLE dpia_versions (
    board_id          TEXT NOT NULL,
    dpia_id           TEXT NOT NULL,
    version           INTEGER NOT NULL,
    approved_on       TEXT NOT NULL,
    approved_by       TEXT,
    approved_by_name  TEXT NOT NULL,
    -- Who approved it, in the board's own words: "het College van Bestuur, besluit 2026-21".
    decision          TEXT NOT NULL,
    body              TEXT NOT NULL,
    sha256            TEXT NOT NULL,
    created_at        INTEGER NOT NULL,
    PRIMARY KEY (board_id, dpia_id, version),
    FOREIGN KEY (board_id, dpia_id) REFERENCES dpias (board_id, id)
) STRICT;
