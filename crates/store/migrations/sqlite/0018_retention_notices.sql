-- Retention notices (issue 15): how often a hold is reviewed, when one was
-- last reviewed, and the weekly notice of items due, once per board and week.

-- How long a hold stands before it is reviewed (ISO 8601; absent: P6M).
ALTER TABLE retention_settings ADD COLUMN hold_review TEXT NOT NULL DEFAULT 'P6M';

-- A review that keeps the hold in force starts its next review period.
ALTER TABLE retention_holds ADD COLUMN reviewed_on TEXT;
ALTER TABLE retention_holds ADD COLUMN reviewed_by_label TEXT;

-- One row per board and ISO week (e.g. 2026-W49) once the weekly check ran
-- for it, written with its mails in one transaction: the notice goes out once.
CREATE TABLE retention_notices (
    board_id    TEXT NOT NULL REFERENCES boards(id),
    week        TEXT NOT NULL,
    due_items   INTEGER NOT NULL,
    holds_to_review INTEGER NOT NULL,
    checked_at  INTEGER NOT NULL,
    PRIMARY KEY (board_id, week)
) STRICT;

-- The weekly check selects every board's leavers by leave date, one query per rule.
CREATE INDEX pupils_leavers ON pupils (leave_date) WHERE leave_date IS NOT NULL;
