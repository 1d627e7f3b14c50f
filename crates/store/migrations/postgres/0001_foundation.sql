-- Foundation: boards, schools, groups, pupils, guardians, staff, sign-in, audit.
-- Every table holding a board's data starts its primary key with board_id, and
-- every reference between such tables includes board_id, so a row can never
-- point into another board. Dates are ISO-8601 TEXT; instants are unix seconds.

CREATE TABLE boards (
    id          TEXT PRIMARY KEY,
    name        TEXT NOT NULL UNIQUE,
    audit_seq   BIGINT NOT NULL DEFAULT 0,
    -- SHA-256 of the board's newest audit entry (64 zeros before the first).
    audit_head  TEXT NOT NULL DEFAULT '0000000000000000000000000000000000000000000000000000000000000000',
    created_at  BIGINT NOT NULL
);

CREATE TABLE schools (
    board_id    TEXT NOT NULL REFERENCES boards(id),
    id          TEXT NOT NULL,
    name        TEXT NOT NULL,
    brin        TEXT NOT NULL,
    created_at  BIGINT NOT NULL,
    PRIMARY KEY (board_id, id),
    UNIQUE (board_id, brin)
);

CREATE TABLE school_groups (
    board_id    TEXT NOT NULL,
    id          TEXT NOT NULL,
    school_id   TEXT NOT NULL,
    name        TEXT NOT NULL,
    created_at  BIGINT NOT NULL,
    PRIMARY KEY (board_id, id),
    UNIQUE (board_id, school_id, name),
    UNIQUE (board_id, school_id, id),
    FOREIGN KEY (board_id, school_id) REFERENCES schools(board_id, id)
);

CREATE TABLE pupils (
    board_id          TEXT NOT NULL,
    id                TEXT NOT NULL,
    school_id         TEXT NOT NULL,
    group_id          TEXT NOT NULL,
    external_number   TEXT NOT NULL,
    given_name        TEXT NOT NULL,
    surname_prefix    TEXT,
    surname           TEXT NOT NULL,
    birth_date        TEXT NOT NULL,
    enrolment_date    TEXT NOT NULL,
    leave_date        TEXT,
    leave_destination TEXT CHECK (leave_destination IN ('primary_school','secondary_school','special_education','not_admitted','abroad','other')),
    family_situation  TEXT CHECK (family_situation IN ('together','separated','guardianship')),
    created_at        BIGINT NOT NULL,
    updated_at        BIGINT NOT NULL,
    PRIMARY KEY (board_id, id),
    UNIQUE (board_id, school_id, external_number),
    FOREIGN KEY (board_id, school_id, group_id) REFERENCES school_groups(board_id, school_id, id)
);
CREATE INDEX pupils_by_group ON pupils(board_id, group_id, surname);
CREATE INDEX pupils_by_name ON pupils(board_id, surname, given_name);

CREATE TABLE guardians (
    board_id        TEXT NOT NULL REFERENCES boards(id),
    id              TEXT NOT NULL,
    given_name      TEXT NOT NULL,
    surname_prefix  TEXT,
    surname         TEXT NOT NULL,
    email           TEXT,
    phone           TEXT,
    created_at      BIGINT NOT NULL,
    updated_at      BIGINT NOT NULL,
    PRIMARY KEY (board_id, id)
);
CREATE INDEX guardians_by_email ON guardians(email, board_id);
CREATE INDEX guardians_by_name ON guardians(board_id, surname, given_name);

CREATE TABLE pupil_guardians (
    board_id       TEXT NOT NULL,
    pupil_id       TEXT NOT NULL,
    guardian_id    TEXT NOT NULL,
    relation       TEXT NOT NULL CHECK (relation IN ('mother','father','guardian','carer','foster_parent','other')),
    holds_custody  BOOLEAN NOT NULL,
    recognised     BOOLEAN NOT NULL,
    PRIMARY KEY (board_id, pupil_id, guardian_id),
    FOREIGN KEY (board_id, pupil_id) REFERENCES pupils(board_id, id) ON DELETE CASCADE,
    FOREIGN KEY (board_id, guardian_id) REFERENCES guardians(board_id, id) ON DELETE CASCADE
);
CREATE INDEX pupil_guardians_by_guardian ON pupil_guardians(board_id, guardian_id);

-- A custodial parent's (or voogd's) decision that another person linked to the
-- pupil (step-parent, grandparent, foster parent) receives full information
-- (seed 001 §14.13), with the date it was given.
CREATE TABLE information_grants (
    board_id     TEXT NOT NULL,
    pupil_id     TEXT NOT NULL,
    guardian_id  TEXT NOT NULL,
    granted_on   TEXT NOT NULL,
    created_at   BIGINT NOT NULL,
    PRIMARY KEY (board_id, pupil_id, guardian_id),
    FOREIGN KEY (board_id, pupil_id, guardian_id) REFERENCES pupil_guardians(board_id, pupil_id, guardian_id) ON DELETE CASCADE
);

CREATE TABLE users (
    board_id       TEXT NOT NULL REFERENCES boards(id),
    id             TEXT NOT NULL,
    email          TEXT NOT NULL UNIQUE,
    name           TEXT NOT NULL,
    password_hash  TEXT,
    scope_kind     TEXT NOT NULL CHECK (scope_kind IN ('board','school','groups')),
    -- Two-step verification (RFC 6238): the base32 secret, and the last time
    -- step accepted so a code cannot be used twice.
    totp_secret    TEXT,
    totp_last_step BIGINT,
    -- Demo accounts only: may sign in without a second step in demo mode.
    mfa_exempt     BOOLEAN NOT NULL DEFAULT false,
    created_at     BIGINT NOT NULL,
    PRIMARY KEY (board_id, id)
);

CREATE TABLE user_roles (
    board_id  TEXT NOT NULL,
    user_id   TEXT NOT NULL,
    role      TEXT NOT NULL CHECK (role IN ('CvB','ST','D','TL','BS','AP','OP','OPT','FG')),
    PRIMARY KEY (board_id, user_id, role),
    FOREIGN KEY (board_id, user_id) REFERENCES users(board_id, id) ON DELETE CASCADE
);

-- The schools or groups a user with scope 'school' or 'groups' works in.
CREATE TABLE user_scopes (
    board_id   TEXT NOT NULL,
    user_id    TEXT NOT NULL,
    school_id  TEXT NOT NULL,
    group_id   TEXT,
    FOREIGN KEY (board_id, user_id) REFERENCES users(board_id, id) ON DELETE CASCADE,
    FOREIGN KEY (board_id, school_id) REFERENCES schools(board_id, id),
    FOREIGN KEY (board_id, school_id, group_id) REFERENCES school_groups(board_id, school_id, id)
);
CREATE UNIQUE INDEX user_scopes_unique ON user_scopes(board_id, user_id, school_id, COALESCE(group_id, ''));

-- A session is 'full' only after both steps; 'second_factor' and 'enrol' are
-- the few minutes between password and code.
CREATE TABLE sessions (
    token_hash      TEXT PRIMARY KEY,
    board_id        TEXT NOT NULL,
    user_id         TEXT NOT NULL,
    stage           TEXT NOT NULL CHECK (stage IN ('second_factor','enrol','full')),
    pending_secret  TEXT,
    reauth_at       BIGINT,
    created_at      BIGINT NOT NULL,
    last_seen_at    BIGINT NOT NULL,
    FOREIGN KEY (board_id, user_id) REFERENCES users(board_id, id) ON DELETE CASCADE
);
CREATE INDEX sessions_by_user ON sessions(board_id, user_id);

CREATE TABLE api_tokens (
    board_id      TEXT NOT NULL,
    id            TEXT NOT NULL,
    user_id       TEXT NOT NULL,
    name          TEXT NOT NULL,
    token_hash    TEXT NOT NULL UNIQUE,
    created_at    BIGINT NOT NULL,
    last_used_at  BIGINT,
    revoked_at    BIGINT,
    PRIMARY KEY (board_id, id),
    FOREIGN KEY (board_id, user_id) REFERENCES users(board_id, id) ON DELETE CASCADE
);

-- Single-use recovery codes for a lost authenticator, stored as hashes.
CREATE TABLE recovery_codes (
    board_id   TEXT NOT NULL,
    user_id    TEXT NOT NULL,
    code_hash  TEXT NOT NULL,
    used_at    BIGINT,
    PRIMARY KEY (board_id, user_id, code_hash),
    FOREIGN KEY (board_id, user_id) REFERENCES users(board_id, id) ON DELETE CASCADE
);

-- Failed sign-in and code attempts per key (account + address, or address).
CREATE TABLE throttle (
    key            TEXT PRIMARY KEY,
    failures       BIGINT NOT NULL,
    blocked_until  BIGINT NOT NULL,
    updated_at     BIGINT NOT NULL
);

CREATE TABLE password_links (
    token_hash  TEXT PRIMARY KEY,
    board_id    TEXT NOT NULL,
    user_id     TEXT NOT NULL,
    expires_at  BIGINT NOT NULL,
    used_at     BIGINT,
    FOREIGN KEY (board_id, user_id) REFERENCES users(board_id, id) ON DELETE CASCADE
);

-- Every e-mail the system sends. Without SMTP this is the delivery channel
-- (read in the UI and by tests); with SMTP a record of what was sent, and the
-- body of a mail that carried a sign-in link is blanked once it is delivered.
CREATE TABLE outbox (
    board_id    TEXT NOT NULL REFERENCES boards(id),
    id          TEXT NOT NULL,
    recipient   TEXT NOT NULL,
    subject     TEXT NOT NULL,
    body        TEXT NOT NULL,
    sensitive   BOOLEAN NOT NULL,
    created_at  BIGINT NOT NULL,
    sent_at     BIGINT,
    error       TEXT,
    PRIMARY KEY (board_id, id)
);
CREATE INDEX outbox_by_time ON outbox(board_id, created_at);

-- Parents sign in with a link sent to their e-mail address: single use, 30 minutes.
CREATE TABLE parent_links (
    token_hash  TEXT PRIMARY KEY,
    board_id    TEXT NOT NULL REFERENCES boards(id),
    email       TEXT NOT NULL,
    expires_at  BIGINT NOT NULL,
    used_at     BIGINT
);

CREATE TABLE parent_sessions (
    token_hash    TEXT PRIMARY KEY,
    board_id      TEXT NOT NULL REFERENCES boards(id),
    email         TEXT NOT NULL,
    created_at    BIGINT NOT NULL,
    last_seen_at  BIGINT NOT NULL
);

-- Days a royal decree equates with public holidays for legal deadlines
-- (Algemene termijnenwet art. 3 lid 3), kept by the IBP manager.
CREATE TABLE equated_days (
    board_id     TEXT NOT NULL REFERENCES boards(id),
    day          TEXT NOT NULL,
    description  TEXT NOT NULL,
    created_at   BIGINT NOT NULL,
    PRIMARY KEY (board_id, day)
);

-- The board's choices for consent (seed 001 §12.2: every school year anew, the
-- default; seed 000: once, with a yearly reminder).
CREATE TABLE board_settings (
    board_id                     TEXT PRIMARY KEY REFERENCES boards(id),
    consent_renewal              TEXT NOT NULL DEFAULT 'yearly' CHECK (consent_renewal IN ('yearly','once')),
    both_parents_when_separated  BOOLEAN NOT NULL DEFAULT false
);

CREATE TABLE consent_purposes (
    board_id    TEXT NOT NULL REFERENCES boards(id),
    code        TEXT NOT NULL,
    name        TEXT NOT NULL,
    position    BIGINT NOT NULL,
    PRIMARY KEY (board_id, code)
);

-- Every version of a purpose's text; a decision records the version it answered.
CREATE TABLE consent_purpose_texts (
    board_id      TEXT NOT NULL,
    purpose_code  TEXT NOT NULL,
    version       BIGINT NOT NULL,
    description   TEXT NOT NULL,
    created_at    BIGINT NOT NULL,
    PRIMARY KEY (board_id, purpose_code, version),
    FOREIGN KEY (board_id, purpose_code) REFERENCES consent_purposes(board_id, code)
);

-- Every decision as it was made, counting or not (a non-custodial parent's or a
-- pupil's under 16 is kept: it is what happened; the check says why it does not count).
CREATE TABLE consent_decisions (
    board_id         TEXT NOT NULL,
    id               TEXT NOT NULL,
    pupil_id         TEXT NOT NULL,
    purpose_code     TEXT NOT NULL,
    purpose_version  BIGINT NOT NULL,
    decision         TEXT NOT NULL CHECK (decision IN ('granted','refused')),
    guardian_id      TEXT,
    by_pupil         BOOLEAN NOT NULL DEFAULT false,
    decided_at       BIGINT NOT NULL,
    decided_on       TEXT NOT NULL,
    channel          TEXT NOT NULL CHECK (channel IN ('paper','portal','staff')),
    signed           BOOLEAN,
    recorded_by      TEXT NOT NULL,
    created_at       BIGINT NOT NULL,
    PRIMARY KEY (board_id, id),
    FOREIGN KEY (board_id, pupil_id) REFERENCES pupils(board_id, id) ON DELETE CASCADE,
    FOREIGN KEY (board_id, purpose_code, purpose_version) REFERENCES consent_purpose_texts(board_id, purpose_code, version),
    FOREIGN KEY (board_id, guardian_id) REFERENCES guardians(board_id, id)
);
CREATE INDEX consent_decisions_by_pupil ON consent_decisions(board_id, pupil_id, purpose_code, decided_at);

-- The school knows that this parent objects (seed 001 §14.6), to one purpose or to all.
CREATE TABLE consent_objections (
    board_id      TEXT NOT NULL,
    id            TEXT NOT NULL,
    pupil_id      TEXT NOT NULL,
    guardian_id   TEXT NOT NULL,
    purpose_code  TEXT,
    noted_on      TEXT NOT NULL,
    created_at    BIGINT NOT NULL,
    PRIMARY KEY (board_id, id),
    FOREIGN KEY (board_id, pupil_id) REFERENCES pupils(board_id, id) ON DELETE CASCADE,
    FOREIGN KEY (board_id, guardian_id) REFERENCES guardians(board_id, id)
);
CREATE INDEX consent_objections_by_pupil ON consent_objections(board_id, pupil_id);

CREATE TABLE import_runs (
    board_id    TEXT NOT NULL,
    id          TEXT NOT NULL,
    school_id   TEXT NOT NULL,
    at          BIGINT NOT NULL,
    actor       TEXT NOT NULL,
    file_name   TEXT NOT NULL,
    created     BIGINT NOT NULL,
    updated     BIGINT NOT NULL,
    unchanged   BIGINT NOT NULL,
    left_school BIGINT NOT NULL,
    PRIMARY KEY (board_id, id),
    FOREIGN KEY (board_id, school_id) REFERENCES schools(board_id, id)
);

-- Append-only trail of every change and every view of a pupil's data. `seq`
-- numbers a board's entries without gaps; each entry carries the hash of the
-- previous one and its own, over its canonical form, so a changed, removed or
-- inserted row is detected by `aantoonbaar audit verify`.
CREATE TABLE audit_events (
    board_id    TEXT NOT NULL REFERENCES boards(id),
    seq         BIGINT NOT NULL,
    at          BIGINT NOT NULL,
    actor       TEXT NOT NULL,
    ip          TEXT,
    action      TEXT NOT NULL,
    entity      TEXT NOT NULL,
    entity_id   TEXT NOT NULL,
    fields      TEXT NOT NULL,
    prev_hash   TEXT NOT NULL,
    hash        TEXT NOT NULL,
    PRIMARY KEY (board_id, seq)
);
CREATE INDEX audit_events_by_entity ON audit_events(board_id, entity_id, seq);
CREATE INDEX audit_events_by_actor ON audit_events(board_id, actor, seq);
