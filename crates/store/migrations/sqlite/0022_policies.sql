-- The board's policy documents (issue 17; seed 001's version table): every
-- version of every kind, drafted by the IBP manager, adopted by the CvB on a
-- date with the GMR's consent where required, in force for staff from then
-- on; the signatures every employee gives the code of conduct and the
-- confidentiality statement (seed 001 §14.8, seed 002 §8.1.2); and the
-- reminders sent to those who have not signed yet.

CREATE TABLE policy_documents (
    board_id          TEXT NOT NULL REFERENCES boards(id),
    id                TEXT NOT NULL,
    kind              TEXT NOT NULL CHECK (kind IN ('ibp_policy','privacy_regulation','code_of_conduct',
                                                    'confidentiality','responsible_disclosure','pupil_internet_rules')),
    title             TEXT NOT NULL,
    version           TEXT NOT NULL,
    -- What changed against the version before, in the words of its author.
    change_note       TEXT,
    -- The text written in the product, or an uploaded file; a draft may have neither yet.
    body              TEXT,
    file_name         TEXT,
    media_type        TEXT,
    content           BLOB,
    -- SHA-256 of the text (UTF-8) or of the file: what exactly was adopted and signed.
    sha256            TEXT,
    public            INTEGER NOT NULL CHECK (public IN (0, 1)),
    adopted_on        TEXT,
    adopted_by        TEXT CHECK (adopted_by IN ('CvB')),
    gmr_consent_on    TEXT,
    adopted_at        INTEGER,
    -- 1, 2, 3 … per kind in the order of adoption: the highest is in force.
    adoption_number   INTEGER,
    adopted_by_label  TEXT,
    created_at        INTEGER NOT NULL,
    created_by_label  TEXT NOT NULL,
    updated_at        INTEGER NOT NULL,
    PRIMARY KEY (board_id, id),
    UNIQUE (board_id, kind, version),
    UNIQUE (board_id, kind, adoption_number),
    CHECK (body IS NULL OR content IS NULL),
    CHECK (adopted_on IS NULL OR (sha256 IS NOT NULL AND adoption_number IS NOT NULL))
) STRICT;

-- One employee's signature under one version (online after reading it, or
-- on paper as recorded by the administration).
CREATE TABLE policy_signatures (
    board_id           TEXT NOT NULL,
    policy_id          TEXT NOT NULL,
    staff_id           TEXT NOT NULL,
    -- The name as it stood on the staff list when signing.
    signer_name        TEXT NOT NULL,
    signed_on          TEXT NOT NULL,
    channel            TEXT NOT NULL CHECK (channel IN ('online','paper')),
    recorded_at        INTEGER NOT NULL,
    recorded_by_label  TEXT NOT NULL,
    PRIMARY KEY (board_id, policy_id, staff_id),
    FOREIGN KEY (board_id, policy_id) REFERENCES policy_documents(board_id, id),
    FOREIGN KEY (board_id, staff_id) REFERENCES staff_members(board_id, id)
) STRICT;

-- The reminders an employee had for one version, and whether their
-- director was told; the daily job reads and advances it.
CREATE TABLE policy_signature_reminders (
    board_id      TEXT NOT NULL,
    policy_id     TEXT NOT NULL,
    staff_id      TEXT NOT NULL,
    sent          INTEGER NOT NULL,
    last_on       TEXT NOT NULL,
    escalated_on  TEXT,
    PRIMARY KEY (board_id, policy_id, staff_id),
    FOREIGN KEY (board_id, policy_id) REFERENCES policy_documents(board_id, id),
    FOREIGN KEY (board_id, staff_id) REFERENCES staff_members(board_id, id)
) STRICT;
