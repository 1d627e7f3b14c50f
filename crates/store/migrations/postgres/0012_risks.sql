-- The risk analysis (seed 001 §6.2, §14.15): each risk with its category,
-- likelihood and impact (1-3; the score likelihood x impact is computed, never
-- stored), its treatment and measures, the residual risk after them, and what
-- it touches (processing activities, systems, incidents: JSON lists of ids).

CREATE TABLE risks (
    board_id             TEXT NOT NULL REFERENCES boards(id),
    id                   TEXT NOT NULL,
    title                TEXT NOT NULL,
    category             TEXT NOT NULL CHECK (category IN
                             ('equipment','services','data','people','environment','organisation','software')),
    scenario             TEXT,
    likelihood           BIGINT NOT NULL CHECK (likelihood BETWEEN 1 AND 3),
    impact               BIGINT NOT NULL CHECK (impact BETWEEN 1 AND 3),
    owner                TEXT,
    treatment            TEXT CHECK (treatment IN ('reduce','accept','avoid','transfer')),
    measures             TEXT,
    residual_likelihood  BIGINT CHECK (residual_likelihood BETWEEN 1 AND 3),
    residual_impact      BIGINT CHECK (residual_impact BETWEEN 1 AND 3),
    review_date          TEXT,
    activity_ids         TEXT NOT NULL DEFAULT '[]',
    system_ids           TEXT NOT NULL DEFAULT '[]',
    incident_ids         TEXT NOT NULL DEFAULT '[]',
    created_at           BIGINT NOT NULL,
    updated_at           BIGINT NOT NULL,
    PRIMARY KEY (board_id, id),
    UNIQUE (board_id, title),
    CHECK ((residual_likelihood IS NULL) = (residual_impact IS NULL))
);

-- The board's classification of scores (a setting; absent: 3 medium, 6 high).
CREATE TABLE risk_settings (
    board_id     TEXT NOT NULL PRIMARY KEY REFERENCES boards(id),
    medium_from  BIGINT NOT NULL CHECK (medium_from BETWEEN 2 AND 9),
    high_from    BIGINT NOT NULL CHECK (high_from BETWEEN 2 AND 9),
    updated_at   BIGINT NOT NULL,
    CHECK (medium_from <= high_from)
);
