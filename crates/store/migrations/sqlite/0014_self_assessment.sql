-- The self-assessment against a framework (seed 003: the Aanpak IBP's norms
-- and maturity levels; level 3 is the sector's minimum). A framework is data:
-- the file as imported (body, JSON in the format of docs/frameworks.md). The
-- framework that ships with the product is not stored: every board has it.

CREATE TABLE frameworks (
    board_id     TEXT NOT NULL REFERENCES boards(id),
    code         TEXT NOT NULL,
    title        TEXT NOT NULL,
    version      TEXT NOT NULL,
    source       TEXT NOT NULL,
    body         TEXT NOT NULL,
    imported_by  TEXT,
    imported_at  INTEGER NOT NULL,
    PRIMARY KEY (board_id, code)
) STRICT;

-- The board's answer per norm: the level now and the target (1-5; the target
-- at least 3), the evidence, the measures, who owns them and by when.
CREATE TABLE assessments (
    board_id        TEXT NOT NULL REFERENCES boards(id),
    framework_code  TEXT NOT NULL,
    norm_reference  TEXT NOT NULL,
    level           INTEGER NOT NULL CHECK (level BETWEEN 1 AND 5),
    target          INTEGER NOT NULL CHECK (target BETWEEN 3 AND 5),
    evidence        TEXT,
    measures        TEXT,
    owner           TEXT,
    due_date        TEXT,
    updated_by      TEXT,
    updated_at      INTEGER NOT NULL,
    PRIMARY KEY (board_id, framework_code, norm_reference)
) STRICT;
