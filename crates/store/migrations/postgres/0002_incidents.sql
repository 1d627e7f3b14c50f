-- Incidents and data breaches (seed 001 §10, §14.8, §14.10, §14.16; seed 002 §8.4;
-- AVG art. 33 and 34). One register for every incident, notifiable or not,
-- including vulnerability reports (responsible disclosure).

CREATE TABLE incidents (
    board_id              TEXT NOT NULL REFERENCES boards(id),
    id                    TEXT NOT NULL,
    -- INC-2026-0001: numbered per board and calendar year.
    reference             TEXT NOT NULL,
    year                  BIGINT NOT NULL,
    number                BIGINT NOT NULL,
    kind                  TEXT NOT NULL CHECK (kind IN ('incident','vulnerability')),
    channel               TEXT NOT NULL CHECK (channel IN ('staff','portal','public')),
    school_id             TEXT,
    reported_by           TEXT,
    reporter_name         TEXT NOT NULL,
    reporter_email        TEXT,
    what_happened         TEXT NOT NULL,
    discovered_at         BIGINT NOT NULL,
    reported_at           BIGINT NOT NULL,
    data_concerned        TEXT NOT NULL,
    people_concerned      TEXT NOT NULL,
    device                TEXT NOT NULL,
    ongoing               BOOLEAN NOT NULL,
    -- Reported more than 24 hours after discovery (seed 002 §8.4.5).
    reported_late         BOOLEAN NOT NULL,
    status                TEXT NOT NULL CHECK (status IN ('reported','assessed','closed')),
    -- The assessment: the facts (JSON, rules::breach::BreachFacts) and the outcome.
    facts                 TEXT,
    is_breach             BOOLEAN,
    severity              TEXT,
    outcome_notify_authority BOOLEAN,
    outcome_notify_subjects  BOOLEAN,
    subjects_alternative  TEXT,
    -- JSON array of the outcome's reasons, each with the rule that produced it.
    reasons               TEXT,
    aware_at              BIGINT,
    deadline_at           BIGINT,
    -- The decision: the outcome, or the director's overrule with a written reason.
    notify_authority      BOOLEAN,
    notify_subjects       BOOLEAN,
    overrule_reason       TEXT,
    decided_by            TEXT,
    decided_at            BIGINT,
    -- The notification to the AP and the reasons for a late one (AVG art. 33 lid 1).
    authority_sent_at     BIGINT,
    authority_reference   TEXT,
    delay_reason          TEXT,
    -- Communication to the data subjects (AVG art. 34).
    subjects_decision     TEXT CHECK (subjects_decision IN ('letters','not_needed','public_announcement')),
    subjects_reason       TEXT,
    announcement          TEXT,
    -- Closing: measures, cause and evaluation (seed 001 §10.4).
    measures              TEXT,
    cause                 TEXT,
    evaluation            TEXT,
    closed_at             BIGINT,
    closed_by             TEXT,
    -- Deadline warnings sent, and when the AP deadline was found passed.
    warned_24_at          BIGINT,
    warned_8_at           BIGINT,
    overdue_at            BIGINT,
    created_at            BIGINT NOT NULL,
    PRIMARY KEY (board_id, id),
    UNIQUE (board_id, reference),
    FOREIGN KEY (board_id, school_id) REFERENCES schools(board_id, id),
    FOREIGN KEY (board_id, reported_by) REFERENCES users(board_id, id)
);
CREATE INDEX incidents_by_time ON incidents(board_id, reported_at);

-- Further information sent to the AP after the first notification (AVG art. 33 lid 4).
CREATE TABLE incident_follow_ups (
    board_id     TEXT NOT NULL,
    incident_id  TEXT NOT NULL,
    id           TEXT NOT NULL,
    sent_at      BIGINT NOT NULL,
    content      TEXT NOT NULL,
    recorded_by  TEXT NOT NULL,
    created_at   BIGINT NOT NULL,
    PRIMARY KEY (board_id, id),
    FOREIGN KEY (board_id, incident_id) REFERENCES incidents(board_id, id)
);

-- The people whose data the incident concerns: a pupil, a guardian or a staff member.
CREATE TABLE incident_subjects (
    board_id     TEXT NOT NULL,
    incident_id  TEXT NOT NULL,
    id           TEXT NOT NULL,
    pupil_id     TEXT,
    guardian_id  TEXT,
    user_id      TEXT,
    created_at   BIGINT NOT NULL,
    PRIMARY KEY (board_id, id),
    CHECK ((pupil_id IS NOT NULL)::int + (guardian_id IS NOT NULL)::int + (user_id IS NOT NULL)::int = 1),
    FOREIGN KEY (board_id, incident_id) REFERENCES incidents(board_id, id),
    FOREIGN KEY (board_id, pupil_id) REFERENCES pupils(board_id, id) ON DELETE CASCADE,
    FOREIGN KEY (board_id, guardian_id) REFERENCES guardians(board_id, id) ON DELETE CASCADE,
    FOREIGN KEY (board_id, user_id) REFERENCES users(board_id, id)
);
CREATE UNIQUE INDEX incident_subject_pupils ON incident_subjects(board_id, incident_id, pupil_id);
CREATE UNIQUE INDEX incident_subject_guardians ON incident_subjects(board_id, incident_id, guardian_id);
CREATE UNIQUE INDEX incident_subject_users ON incident_subjects(board_id, incident_id, user_id);
CREATE INDEX incident_subjects_by_pupil ON incident_subjects(board_id, pupil_id);

-- Every letter sent to a person concerned (AVG art. 34 lid 2), by e-mail with a PDF.
CREATE TABLE incident_letters (
    board_id        TEXT NOT NULL,
    incident_id     TEXT NOT NULL,
    id              TEXT NOT NULL,
    guardian_id     TEXT,
    pupil_id        TEXT,
    recipient_name  TEXT NOT NULL,
    recipient_email TEXT,
    -- The letter as sent (AVG art. 34 lid 2), for the PDF and the register.
    body            TEXT NOT NULL,
    sent_at         BIGINT NOT NULL,
    PRIMARY KEY (board_id, id),
    FOREIGN KEY (board_id, incident_id) REFERENCES incidents(board_id, id),
    FOREIGN KEY (board_id, guardian_id) REFERENCES guardians(board_id, id),
    FOREIGN KEY (board_id, pupil_id) REFERENCES pupils(board_id, id)
);
