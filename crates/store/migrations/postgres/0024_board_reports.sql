-- The board report on the state of IBP (seed 001 §5–6; issue 17): the IBP
-- manager's section and the FG's opinion per calendar year, and the adopted
-- report frozen as a snapshot whose SHA-256 is the subject of the adoption's
-- audit entry.

CREATE TABLE board_report_texts (
    board_id          TEXT NOT NULL REFERENCES boards(id),
    year              BIGINT NOT NULL,
    part              TEXT NOT NULL CHECK (part IN ('text','opinion')),
    body              TEXT NOT NULL,
    written_by_label  TEXT NOT NULL,
    written_at        BIGINT NOT NULL,
    PRIMARY KEY (board_id, year, part)
);

CREATE TABLE board_report_snapshots (
    board_id          TEXT NOT NULL REFERENCES boards(id),
    year              BIGINT NOT NULL,
    adopted_on        TEXT NOT NULL,
    adopted_by_label  TEXT NOT NULL,
    adopted_at        BIGINT NOT NULL,
    -- The report as the board adopted it (JSON), and its hex SHA-256.
    body              TEXT NOT NULL,
    sha256            TEXT NOT NULL,
    PRIMARY KEY (board_id, year)
);
