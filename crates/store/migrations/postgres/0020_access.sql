-- The access policy (seed 001 §13; issue 16): the policy per information
-- system, the authorisation matrix with its versions, the staff list (everyone
-- with accounts in the board's systems), joiners, movers and leavers with the
-- evidence of every change per system, the account lists imported from each
-- system, and the yearly review campaigns.

-- Seed 001 §13 "Inventarisatie" items 1–6 for one system of the register.
CREATE TABLE access_policies (
    board_id         TEXT NOT NULL,
    system_id        TEXT NOT NULL,
    issued_by        TEXT NOT NULL,
    provisioning     TEXT NOT NULL CHECK (provisioning IN ('sso','manual','sync')),
    two_step         BOOLEAN NOT NULL,
    password_rule    TEXT NOT NULL,
    -- ISO 8601, at most one year (BIO2 5.18.02).
    review_interval  TEXT NOT NULL,
    owner            TEXT NOT NULL,
    updated_at       BIGINT NOT NULL,
    updated_by_label TEXT NOT NULL,
    PRIMARY KEY (board_id, system_id),
    FOREIGN KEY (board_id, system_id) REFERENCES information_systems(board_id, id)
);

-- Every saved state of a system's authorisation matrix (seed 001 §13.2); the
-- highest version is in force, older ones are its history.
CREATE TABLE matrix_versions (
    board_id       TEXT NOT NULL,
    system_id      TEXT NOT NULL,
    version        BIGINT NOT NULL,
    note           TEXT,
    saved_at       BIGINT NOT NULL,
    saved_by_label TEXT NOT NULL,
    PRIMARY KEY (board_id, system_id, version),
    FOREIGN KEY (board_id, system_id) REFERENCES information_systems(board_id, id)
);

-- Role × profile in the system × rights × scope, per version.
CREATE TABLE matrix_rows (
    board_id    TEXT NOT NULL,
    system_id   TEXT NOT NULL,
    version     BIGINT NOT NULL,
    role        TEXT NOT NULL CHECK (role IN ('CvB','ST','D','TL','BS','AP','OP','OPT','FG')),
    profile     TEXT NOT NULL,
    can_view    BOOLEAN NOT NULL,
    can_change  BOOLEAN NOT NULL,
    can_delete  BOOLEAN NOT NULL,
    scope       TEXT NOT NULL CHECK (scope IN ('board','school','group','own')),
    PRIMARY KEY (board_id, system_id, version, role, profile),
    FOREIGN KEY (board_id, system_id, version) REFERENCES matrix_versions(board_id, system_id, version)
);

-- Everyone who has accounts in the board's systems, from the HR export or entered.
CREATE TABLE staff_members (
    board_id          TEXT NOT NULL REFERENCES boards(id),
    id                TEXT NOT NULL,
    given_name        TEXT NOT NULL,
    surname           TEXT NOT NULL,
    -- Lower case: the key the HR import and the account lists match on.
    email             TEXT NOT NULL,
    school_id         TEXT,
    -- JSON array of role codes.
    roles             TEXT NOT NULL,
    employment_start  TEXT NOT NULL,
    employment_end    TEXT,
    created_at        BIGINT NOT NULL,
    updated_at        BIGINT NOT NULL,
    PRIMARY KEY (board_id, id),
    UNIQUE (board_id, email),
    FOREIGN KEY (board_id, school_id) REFERENCES schools(board_id, id),
    CHECK (employment_end IS NULL OR employment_end >= employment_start)
);
CREATE INDEX staff_members_leavers ON staff_members (board_id, employment_end) WHERE employment_end IS NOT NULL;

-- A joiner, mover or leaver change (seed 001 §13: "middels een
-- wijzigingsformulier"), carried out per system in access_change_steps.
CREATE TABLE access_changes (
    board_id            TEXT NOT NULL,
    id                  TEXT NOT NULL,
    staff_id            TEXT NOT NULL,
    kind                TEXT NOT NULL CHECK (kind IN ('join','move','leave')),
    -- join: first day; move: the day of the move; leave: last day of employment.
    effective_on        TEXT NOT NULL,
    -- leave: the first working day after effective_on; otherwise effective_on.
    due_on              TEXT NOT NULL,
    from_school_id      TEXT,
    to_school_id        TEXT,
    roles_before        TEXT,
    roles_after         TEXT,
    note                TEXT,
    -- Created from the staff list's end date, not by a person.
    automatic           BOOLEAN NOT NULL,
    requested_by        TEXT,
    requested_by_label  TEXT NOT NULL,
    requested_at        BIGINT NOT NULL,
    status              TEXT NOT NULL CHECK (status IN ('requested','approved','done','cancelled')),
    approved_by_label   TEXT,
    approved_at         BIGINT,
    -- The day the last system was done (Dutch date).
    done_on             TEXT,
    -- Aantoonbaar's own account of a leaver, disabled by the daily job.
    own_account_disabled_at BIGINT,
    PRIMARY KEY (board_id, id),
    FOREIGN KEY (board_id, staff_id) REFERENCES staff_members(board_id, id),
    CHECK ((status = 'done') = (done_on IS NOT NULL))
);
CREATE INDEX access_changes_by_staff ON access_changes (board_id, staff_id);
CREATE INDEX access_changes_open ON access_changes (board_id, due_on) WHERE status IN ('requested','approved');

CREATE TABLE access_change_steps (
    board_id       TEXT NOT NULL,
    change_id      TEXT NOT NULL,
    system_id      TEXT NOT NULL,
    done_at        BIGINT,
    done_on        TEXT,
    done_by_label  TEXT,
    evidence       TEXT,
    PRIMARY KEY (board_id, change_id, system_id),
    FOREIGN KEY (board_id, change_id) REFERENCES access_changes(board_id, id),
    FOREIGN KEY (board_id, system_id) REFERENCES information_systems(board_id, id),
    CHECK ((done_at IS NULL) = (evidence IS NULL))
);

-- The latest account list of a system, as its CSV export gave it.
CREATE TABLE system_accounts (
    board_id      TEXT NOT NULL,
    system_id     TEXT NOT NULL,
    username      TEXT NOT NULL,
    name          TEXT,
    email         TEXT,
    profile       TEXT,
    last_sign_in  TEXT,
    -- The staff member matched by e-mail (or username), if any.
    staff_id      TEXT,
    import_id     TEXT NOT NULL,
    PRIMARY KEY (board_id, system_id, username),
    FOREIGN KEY (board_id, system_id) REFERENCES information_systems(board_id, id),
    FOREIGN KEY (board_id, staff_id) REFERENCES staff_members(board_id, id)
);
CREATE INDEX system_accounts_by_staff ON system_accounts (board_id, staff_id);

CREATE TABLE account_imports (
    board_id           TEXT NOT NULL,
    id                 TEXT NOT NULL,
    system_id          TEXT NOT NULL,
    accounts           BIGINT NOT NULL,
    orphans            BIGINT NOT NULL,
    leavers            BIGINT NOT NULL,
    excess             BIGINT NOT NULL,
    imported_at        BIGINT NOT NULL,
    imported_by_label  TEXT NOT NULL,
    PRIMARY KEY (board_id, id),
    FOREIGN KEY (board_id, system_id) REFERENCES information_systems(board_id, id)
);
CREATE INDEX account_imports_by_system ON account_imports (board_id, system_id, imported_at);

-- A review of access rights (BIO2 5.18.02; CIS 6.8), per reviewer: the
-- director of each school reviews the accounts of that school's people.
CREATE TABLE review_campaigns (
    board_id          TEXT NOT NULL REFERENCES boards(id),
    id                TEXT NOT NULL,
    name              TEXT NOT NULL,
    started_on        TEXT NOT NULL,
    deadline          TEXT NOT NULL,
    started_by_label  TEXT NOT NULL,
    started_at        BIGINT NOT NULL,
    closed_at         BIGINT,
    closed_by_label   TEXT,
    PRIMARY KEY (board_id, id),
    CHECK (deadline >= started_on)
);

-- The systems a campaign reviews (closing it is each system's completed review).
CREATE TABLE review_campaign_systems (
    board_id     TEXT NOT NULL,
    campaign_id  TEXT NOT NULL,
    system_id    TEXT NOT NULL,
    PRIMARY KEY (board_id, campaign_id, system_id),
    FOREIGN KEY (board_id, campaign_id) REFERENCES review_campaigns(board_id, id),
    FOREIGN KEY (board_id, system_id) REFERENCES information_systems(board_id, id)
);

-- One account to review, as it stood when the campaign started.
CREATE TABLE review_items (
    board_id             TEXT NOT NULL,
    campaign_id          TEXT NOT NULL,
    id                   TEXT NOT NULL,
    system_id            TEXT NOT NULL,
    username             TEXT NOT NULL,
    account_name         TEXT,
    profile              TEXT,
    staff_id             TEXT,
    -- The school whose director reviews it; NULL: the IBP manager.
    school_id            TEXT,
    outcome              TEXT CHECK (outcome IN ('keep','revoke','reduce','unsure')),
    note                 TEXT,
    decided_by_label     TEXT,
    decided_at           BIGINT,
    remediated_at        BIGINT,
    remediated_by_label  TEXT,
    evidence             TEXT,
    PRIMARY KEY (board_id, campaign_id, id),
    FOREIGN KEY (board_id, campaign_id) REFERENCES review_campaigns(board_id, id),
    FOREIGN KEY (board_id, system_id) REFERENCES information_systems(board_id, id),
    CHECK ((outcome IS NULL) = (decided_at IS NULL)),
    CHECK ((remediated_at IS NULL) = (evidence IS NULL))
);
CREATE INDEX review_items_by_school ON review_items (board_id, campaign_id, school_id);

-- A reminder or escalation of a campaign, once per reviewer's school
-- ('' for the IBP manager's part), written with its mails.
CREATE TABLE review_notices (
    board_id     TEXT NOT NULL,
    campaign_id  TEXT NOT NULL,
    school_id    TEXT NOT NULL,
    kind         TEXT NOT NULL CHECK (kind IN ('reminder','escalation')),
    open_items   BIGINT NOT NULL,
    sent_at      BIGINT NOT NULL,
    PRIMARY KEY (board_id, campaign_id, school_id, kind),
    FOREIGN KEY (board_id, campaign_id) REFERENCES review_campaigns(board_id, id)
);

-- A leaver's Aantoonbaar account is disabled, not deleted: the audit trail names it.
ALTER TABLE users ADD COLUMN disabled_at INTEGER;
