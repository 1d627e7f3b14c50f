-- Camera surveillance (seed 002 §7; issue 15): the cameras of each school,
-- the append-only log of viewings and disclosures of footage, and the holds
-- that keep an exact time range of footage beyond its retention period.

CREATE TABLE cameras (
    board_id     TEXT NOT NULL REFERENCES boards(id),
    id           TEXT NOT NULL,
    school_id    TEXT NOT NULL,
    name         TEXT NOT NULL,
    location     TEXT NOT NULL,
    coverage     TEXT NOT NULL,
    purpose      TEXT NOT NULL,
    balancing    TEXT NOT NULL,
    dpia_id      TEXT,
    signs        INTEGER NOT NULL CHECK (signs IN (0, 1)),
    signs_where  TEXT,
    viewers      TEXT NOT NULL,
    -- ISO 8601, never longer than the board's camera_footage rule.
    retention    TEXT NOT NULL,
    live_view    INTEGER NOT NULL CHECK (live_view IN (0, 1)),
    status       TEXT NOT NULL CHECK (status IN ('active','removed')),
    created_at   INTEGER NOT NULL,
    updated_at   INTEGER NOT NULL,
    PRIMARY KEY (board_id, id),
    UNIQUE (board_id, school_id, name),
    FOREIGN KEY (board_id, school_id) REFERENCES schools(board_id, id),
    FOREIGN KEY (board_id, dpia_id) REFERENCES dpias(board_id, id)
) STRICT;

-- A viewing or a disclosure of footage (from and to: Unix seconds). Never changed.
CREATE TABLE camera_log (
    board_id          TEXT NOT NULL,
    id                TEXT NOT NULL,
    camera_id         TEXT NOT NULL,
    kind              TEXT NOT NULL CHECK (kind IN ('viewing','disclosure')),
    footage_from      INTEGER NOT NULL,
    footage_to        INTEGER NOT NULL,
    reason            TEXT NOT NULL CHECK (reason IN ('incident','request','other')),
    explanation       TEXT NOT NULL,
    recipient         TEXT CHECK (recipient IN ('police','investigator','other')),
    recipient_name    TEXT,
    request_reference TEXT,
    incident_id       TEXT,
    request_id        TEXT,
    recorded_by       TEXT,
    recorded_by_label TEXT NOT NULL,
    recorded_at       INTEGER NOT NULL,
    PRIMARY KEY (board_id, id),
    FOREIGN KEY (board_id, camera_id) REFERENCES cameras(board_id, id),
    FOREIGN KEY (board_id, incident_id) REFERENCES incidents(board_id, id),
    FOREIGN KEY (board_id, request_id) REFERENCES requests(board_id, id),
    CHECK (footage_from < footage_to),
    CHECK ((kind = 'disclosure') = (recipient IS NOT NULL)),
    CHECK (kind = 'viewing' OR request_reference IS NOT NULL)
) STRICT;
CREATE INDEX camera_log_by_camera ON camera_log (board_id, camera_id, recorded_at);

-- Footage of one camera from..to kept while the hold is not released.
CREATE TABLE footage_holds (
    board_id          TEXT NOT NULL,
    id                TEXT NOT NULL,
    camera_id         TEXT NOT NULL,
    kind              TEXT NOT NULL CHECK (kind IN ('incident','legal_claim','request','other')),
    footage_from      INTEGER NOT NULL,
    footage_to        INTEGER NOT NULL,
    incident_id       TEXT,
    reason            TEXT NOT NULL,
    placed_by         TEXT,
    placed_by_label   TEXT NOT NULL,
    placed_at         INTEGER NOT NULL,
    released_by       TEXT,
    released_by_label TEXT,
    released_at       INTEGER,
    release_reason    TEXT,
    PRIMARY KEY (board_id, id),
    FOREIGN KEY (board_id, camera_id) REFERENCES cameras(board_id, id),
    FOREIGN KEY (board_id, incident_id) REFERENCES incidents(board_id, id),
    CHECK (footage_from < footage_to),
    CHECK (kind <> 'incident' OR incident_id IS NOT NULL),
    CHECK ((released_at IS NULL) = (released_by_label IS NULL)),
    CHECK ((released_at IS NULL) = (release_reason IS NULL))
) STRICT;
CREATE INDEX footage_holds_by_camera ON footage_holds (board_id, camera_id);
CREATE INDEX footage_holds_by_incident ON footage_holds (board_id, incident_id);
