-- The published privacy statements (AVG art. 12–14; seed 001 art. 15): each
-- version as it was published, for one audience, with the adopted register
-- version it was generated from, so the board can show which statement was
-- in force on a given day.
CREATE TABLE privacy_statements (
    board_id           TEXT NOT NULL REFERENCES boards(id),
    audience           TEXT NOT NULL CHECK (audience IN ('parents','pupils','staff','applicants')),
    version            INTEGER NOT NULL,
    published_at       INTEGER NOT NULL,
    published_by       TEXT,
    published_by_name  TEXT NOT NULL,
    register_version   INTEGER NOT NULL,
    -- The sections as JSON: [{code, title, text}].
    body               TEXT NOT NULL,
    sha256             TEXT NOT NULL,
    PRIMARY KEY (board_id, audience, version),
    FOREIGN KEY (board_id, register_version) REFERENCES register_versions(board_id, version)
) STRICT;
CREATE INDEX privacy_statements_published ON privacy_statements (board_id, audience, published_at);
