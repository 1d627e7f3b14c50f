-- Destruction batches (issue 15): the items of a worklist frozen at creation,
-- two approvals (the director and the IBP manager), a confirmation per system
-- of how and when the data were destroyed there, and the certificate of
-- destruction ("verklaring van vernietiging") once every system confirmed.

-- status: awaiting_approval → approved (both approvals) → completed (every
-- system confirmed). The certificate's PDF bytes are stored as made at
-- completion, with their SHA-256 (also in the audit trail), so the PDF served
-- later is byte for byte the one that was hashed.
CREATE TABLE retention_batches (
    board_id            TEXT NOT NULL REFERENCES boards(id),
    id                  TEXT NOT NULL,
    school_id           TEXT,
    worklist_date       TEXT NOT NULL,
    status              TEXT NOT NULL CHECK (status IN ('awaiting_approval','approved','completed')),
    created_by          TEXT,
    created_by_label    TEXT NOT NULL,
    created_at          BIGINT NOT NULL,
    director_by         TEXT,
    director_by_label   TEXT,
    director_name       TEXT,
    director_at         BIGINT,
    manager_by          TEXT,
    manager_by_label    TEXT,
    manager_name        TEXT,
    manager_at          BIGINT,
    completed_at        BIGINT,
    completed_on        TEXT,
    certificate         BYTEA,
    certificate_sha256  TEXT,
    PRIMARY KEY (board_id, id),
    FOREIGN KEY (board_id, school_id) REFERENCES schools(board_id, id),
    CHECK ((director_at IS NULL) = (director_by_label IS NULL)),
    CHECK ((manager_at IS NULL) = (manager_by_label IS NULL)),
    CHECK ((status = 'completed') = (completed_at IS NOT NULL)),
    CHECK ((completed_at IS NULL) = (certificate_sha256 IS NULL))
);

-- One item of a batch: a pupil's data of one category as the worklist showed
-- it at creation. outcome is set at completion: destroyed (destroyed_on the
-- last system's date), or held (a hold in force on that day kept it).
CREATE TABLE retention_batch_items (
    board_id      TEXT NOT NULL,
    batch_id      TEXT NOT NULL,
    pupil_id      TEXT NOT NULL,
    category      TEXT NOT NULL,
    rule          TEXT NOT NULL,
    school_id     TEXT NOT NULL,
    due_date      TEXT NOT NULL,
    end_action    TEXT NOT NULL,
    systems       TEXT NOT NULL,
    outcome       TEXT CHECK (outcome IN ('destroyed','held')),
    destroyed_on  TEXT,
    PRIMARY KEY (board_id, batch_id, pupil_id, category),
    FOREIGN KEY (board_id, batch_id) REFERENCES retention_batches(board_id, id),
    FOREIGN KEY (board_id, pupil_id) REFERENCES pupils(board_id, id),
    CHECK ((outcome = 'destroyed') = (destroyed_on IS NOT NULL))
);
CREATE INDEX retention_batch_items_by_pupil ON retention_batch_items (board_id, pupil_id, category);

-- How and when one system of a batch destroyed its items.
CREATE TABLE retention_batch_confirmations (
    board_id            TEXT NOT NULL,
    batch_id            TEXT NOT NULL,
    system              TEXT NOT NULL,
    destroyed_on        TEXT NOT NULL,
    method              TEXT NOT NULL,
    confirmed_by        TEXT,
    confirmed_by_label  TEXT NOT NULL,
    confirmed_at        BIGINT NOT NULL,
    PRIMARY KEY (board_id, batch_id, system),
    FOREIGN KEY (board_id, batch_id) REFERENCES retention_batches(board_id, id)
);
