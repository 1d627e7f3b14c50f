-- Systems, suppliers and processor agreements (AVG art. 28; seed 001 §3.1,
-- §14.18–14.19; seed 002 §5.4.2), sub-processors and their notices (art. 28(2)),
-- and the recipients that are not processors (seed 002 §9.2.3).

CREATE TABLE suppliers (
    board_id              TEXT NOT NULL REFERENCES boards(id),
    id                    TEXT NOT NULL,
    name                  TEXT NOT NULL,
    -- Processes personal data on the board's behalf (needs an agreement).
    processor             BOOLEAN NOT NULL DEFAULT TRUE,
    convenant_status      TEXT CHECK (convenant_status IN ('participant','supporter','none')),
    convenant_checked_on  TEXT,
    -- ISO 3166-1 alpha-2.
    data_location         TEXT,
    contact               TEXT,
    created_at            BIGINT NOT NULL,
    updated_at            BIGINT NOT NULL,
    PRIMARY KEY (board_id, id),
    UNIQUE (board_id, name)
);

CREATE TABLE information_systems (
    board_id        TEXT NOT NULL REFERENCES boards(id),
    id              TEXT NOT NULL,
    name            TEXT NOT NULL,
    supplier_id     TEXT,
    product         TEXT,
    holds           TEXT,
    classification  TEXT CHECK (classification IN ('public','internal','confidential','secret')),
    data_location   TEXT,
    in_use          BOOLEAN NOT NULL DEFAULT TRUE,
    created_at      BIGINT NOT NULL,
    updated_at      BIGINT NOT NULL,
    PRIMARY KEY (board_id, id),
    UNIQUE (board_id, name),
    FOREIGN KEY (board_id, supplier_id) REFERENCES suppliers(board_id, id)
);

CREATE TABLE processor_agreements (
    board_id         TEXT NOT NULL REFERENCES boards(id),
    id               TEXT NOT NULL,
    supplier_id      TEXT NOT NULL,
    model            TEXT NOT NULL CHECK (model IN ('privacyconvenant_4','general','own')),
    deviations       TEXT,
    signed_at        TEXT,
    signed_by        TEXT,
    effective_from   TEXT,
    ends_at          TEXT,
    review_date      TEXT,
    -- When the reminder that it ends within 60 days went out (once).
    ending_warned_at BIGINT,
    created_at       BIGINT NOT NULL,
    updated_at       BIGINT NOT NULL,
    PRIMARY KEY (board_id, id),
    FOREIGN KEY (board_id, supplier_id) REFERENCES suppliers(board_id, id)
);
CREATE INDEX processor_agreements_supplier ON processor_agreements (board_id, supplier_id);

CREATE TABLE agreement_documents (
    board_id      TEXT NOT NULL,
    id            TEXT NOT NULL,
    agreement_id  TEXT NOT NULL,
    kind          TEXT NOT NULL CHECK (kind IN ('agreement','privacy_annex','security_annex')),
    -- The product a privacy annex is about.
    product       TEXT,
    file_name     TEXT NOT NULL,
    media_type    TEXT NOT NULL,
    size          BIGINT NOT NULL,
    sha256        TEXT NOT NULL,
    content       BYTEA NOT NULL,
    uploaded_by   TEXT NOT NULL,
    uploaded_at   BIGINT NOT NULL,
    PRIMARY KEY (board_id, id),
    FOREIGN KEY (board_id, agreement_id) REFERENCES processor_agreements(board_id, id)
);
CREATE INDEX agreement_documents_agreement ON agreement_documents (board_id, agreement_id);

CREATE TABLE sub_processors (
    board_id            TEXT NOT NULL,
    id                  TEXT NOT NULL,
    supplier_id         TEXT NOT NULL,
    name                TEXT NOT NULL,
    location            TEXT,
    safeguard           TEXT CHECK (safeguard IN ('adequacy','sccs','bcrs','derogation')),
    notified_on         TEXT NOT NULL,
    objection_deadline  TEXT NOT NULL,
    decision            TEXT CHECK (decision IN ('accepted','objected')),
    decided_on          TEXT,
    decision_note       TEXT,
    -- When the reminder 7 days before the deadline went out (once).
    warned_at           BIGINT,
    created_at          BIGINT NOT NULL,
    updated_at          BIGINT NOT NULL,
    PRIMARY KEY (board_id, id),
    FOREIGN KEY (board_id, supplier_id) REFERENCES suppliers(board_id, id)
);
CREATE INDEX sub_processors_supplier ON sub_processors (board_id, supplier_id);

CREATE TABLE data_recipients (
    board_id      TEXT NOT NULL REFERENCES boards(id),
    id            TEXT NOT NULL,
    name          TEXT NOT NULL,
    kind          TEXT NOT NULL CHECK (kind IN ('third_party','public_authority')),
    legal_ground  TEXT NOT NULL,
    shared        TEXT NOT NULL,
    occasion      TEXT,
    created_at    BIGINT NOT NULL,
    updated_at    BIGINT NOT NULL,
    PRIMARY KEY (board_id, id),
    UNIQUE (board_id, name)
);
