-- The yearly IBP cycle (issue 17): awareness activities with attendance, and
-- the activity calendar of each school year with the reminders sent.

CREATE TABLE awareness_activities (
    board_id    TEXT NOT NULL REFERENCES boards(id),
    id          TEXT NOT NULL,
    kind        TEXT NOT NULL CHECK (kind IN ('training','campaign','team_meeting','phishing','refresher')),
    title       TEXT NOT NULL,
    held_on     TEXT NOT NULL,
    audience    TEXT NOT NULL CHECK (audience IN ('board','school','roles')),
    school_id   TEXT,
    roles       TEXT NOT NULL DEFAULT '[]',
    material    TEXT,
    created_at  BIGINT NOT NULL,
    updated_at  BIGINT NOT NULL,
    PRIMARY KEY (board_id, id),
    CHECK ((audience = 'school') = (school_id IS NOT NULL))
);

-- Who attended an activity (people of the staff list).
CREATE TABLE awareness_attendance (
    board_id     TEXT NOT NULL,
    activity_id  TEXT NOT NULL,
    staff_id     TEXT NOT NULL,
    recorded_at  BIGINT NOT NULL,
    recorded_by  TEXT NOT NULL,
    PRIMARY KEY (board_id, activity_id, staff_id),
    FOREIGN KEY (board_id, activity_id) REFERENCES awareness_activities(board_id, id),
    FOREIGN KEY (board_id, staff_id) REFERENCES staff_members(board_id, id)
);

CREATE INDEX awareness_attendance_staff ON awareness_attendance (board_id, staff_id);

-- A school year whose calendar was made (so removed items do not come back).
CREATE TABLE calendar_years (
    board_id     TEXT NOT NULL REFERENCES boards(id),
    start_year   BIGINT NOT NULL,
    created_at   BIGINT NOT NULL,
    created_by   TEXT NOT NULL,
    PRIMARY KEY (board_id, start_year)
);

CREATE TABLE calendar_items (
    board_id       TEXT NOT NULL,
    id             TEXT NOT NULL,
    start_year     BIGINT NOT NULL,
    kind           TEXT NOT NULL CHECK (kind IN ('consent_round','access_review','dpia_reviews',
                       'self_assessment','policy_evaluation','board_report','custom')),
    title          TEXT NOT NULL,
    owner_role     TEXT,
    owner_user_id  TEXT,
    due_on         TEXT NOT NULL,
    source         TEXT,
    evidence       TEXT,
    done_on        TEXT,
    done_by        TEXT,
    created_at     BIGINT NOT NULL,
    updated_at     BIGINT NOT NULL,
    PRIMARY KEY (board_id, id),
    FOREIGN KEY (board_id, start_year) REFERENCES calendar_years(board_id, start_year),
    CHECK ((done_on IS NULL) = (done_by IS NULL))
);

CREATE INDEX calendar_items_year ON calendar_items (board_id, start_year, due_on);

-- Each reminder of an item, sent once.
CREATE TABLE calendar_reminders (
    board_id   TEXT NOT NULL,
    item_id    TEXT NOT NULL,
    reminder   TEXT NOT NULL CHECK (reminder IN ('two_weeks','day_before','overdue')),
    sent_at    BIGINT NOT NULL,
    PRIMARY KEY (board_id, item_id, reminder)
);
