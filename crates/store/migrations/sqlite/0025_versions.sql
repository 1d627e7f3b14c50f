-- Per-board versions that let a server keep the consent facts and its signed-in
-- principals in memory without ever answering from a stale copy (issue 18).
--
-- `consent` goes up with every write the consent check depends on, in the
-- writing transaction: a batch of decisions raises it once per board and stamps
-- its decisions with the new value (`consent_decisions.version`); any other
-- change (pupils, custodians, objections, restrictions, purposes, settings, a
-- decision changed or deleted) raises it through the triggers below and sets
-- `structure` to the same value. A server whose copy is at version v reads this
-- row before answering: equal, the copy is current; `structure` at or below v,
-- only decisions were added (those stamped above v); else it rebuilds.
-- `access` goes up with every change to users, roles, scopes and token
-- revocation, so a cached principal is confirmed by the same read.

CREATE TABLE board_versions (
    board_id   TEXT PRIMARY KEY REFERENCES boards(id) ON DELETE CASCADE,
    consent    INTEGER NOT NULL DEFAULT 0,
    structure  INTEGER NOT NULL DEFAULT 0,
    access     INTEGER NOT NULL DEFAULT 0
) STRICT;
INSERT INTO board_versions (board_id) SELECT id FROM boards;

CREATE TRIGGER boards_versions AFTER INSERT ON boards BEGIN
    INSERT INTO board_versions (board_id) VALUES (NEW.id);
END;

ALTER TABLE consent_decisions ADD COLUMN version INTEGER NOT NULL DEFAULT 0;
CREATE INDEX consent_decisions_by_version ON consent_decisions(board_id, version);

CREATE TRIGGER pupils_insert_consent AFTER INSERT ON pupils BEGIN
    UPDATE board_versions SET consent = consent + 1, structure = consent + 1 WHERE board_id = NEW.board_id;
END;

CREATE TRIGGER pupils_update_consent AFTER UPDATE ON pupils BEGIN
    UPDATE board_versions SET consent = consent + 1, structure = consent + 1 WHERE board_id = NEW.board_id;
END;

CREATE TRIGGER pupils_delete_consent AFTER DELETE ON pupils BEGIN
    UPDATE board_versions SET consent = consent + 1, structure = consent + 1 WHERE board_id = OLD.board_id;
END;

CREATE TRIGGER pupil_guardians_insert_consent AFTER INSERT ON pupil_guardians BEGIN
    UPDATE board_versions SET consent = consent + 1, structure = consent + 1 WHERE board_id = NEW.board_id;
END;

CREATE TRIGGER pupil_guardians_update_consent AFTER UPDATE ON pupil_guardians BEGIN
    UPDATE board_versions SET consent = consent + 1, structure = consent + 1 WHERE board_id = NEW.board_id;
END;

CREATE TRIGGER pupil_guardians_delete_consent AFTER DELETE ON pupil_guardians BEGIN
    UPDATE board_versions SET consent = consent + 1, structure = consent + 1 WHERE board_id = OLD.board_id;
END;

CREATE TRIGGER consent_objections_insert_consent AFTER INSERT ON consent_objections BEGIN
    UPDATE board_versions SET consent = consent + 1, structure = consent + 1 WHERE board_id = NEW.board_id;
END;

CREATE TRIGGER consent_objections_update_consent AFTER UPDATE ON consent_objections BEGIN
    UPDATE board_versions SET consent = consent + 1, structure = consent + 1 WHERE board_id = NEW.board_id;
END;

CREATE TRIGGER consent_objections_delete_consent AFTER DELETE ON consent_objections BEGIN
    UPDATE board_versions SET consent = consent + 1, structure = consent + 1 WHERE board_id = OLD.board_id;
END;

CREATE TRIGGER pupil_restrictions_insert_consent AFTER INSERT ON pupil_restrictions BEGIN
    UPDATE board_versions SET consent = consent + 1, structure = consent + 1 WHERE board_id = NEW.board_id;
END;

CREATE TRIGGER pupil_restrictions_update_consent AFTER UPDATE ON pupil_restrictions BEGIN
    UPDATE board_versions SET consent = consent + 1, structure = consent + 1 WHERE board_id = NEW.board_id;
END;

CREATE TRIGGER pupil_restrictions_delete_consent AFTER DELETE ON pupil_restrictions BEGIN
    UPDATE board_versions SET consent = consent + 1, structure = consent + 1 WHERE board_id = OLD.board_id;
END;

CREATE TRIGGER consent_purposes_insert_consent AFTER INSERT ON consent_purposes BEGIN
    UPDATE board_versions SET consent = consent + 1, structure = consent + 1 WHERE board_id = NEW.board_id;
END;

CREATE TRIGGER consent_purposes_update_consent AFTER UPDATE ON consent_purposes BEGIN
    UPDATE board_versions SET consent = consent + 1, structure = consent + 1 WHERE board_id = NEW.board_id;
END;

CREATE TRIGGER consent_purposes_delete_consent AFTER DELETE ON consent_purposes BEGIN
    UPDATE board_versions SET consent = consent + 1, structure = consent + 1 WHERE board_id = OLD.board_id;
END;

CREATE TRIGGER board_settings_insert_consent AFTER INSERT ON board_settings BEGIN
    UPDATE board_versions SET consent = consent + 1, structure = consent + 1 WHERE board_id = NEW.board_id;
END;

CREATE TRIGGER board_settings_update_consent AFTER UPDATE ON board_settings BEGIN
    UPDATE board_versions SET consent = consent + 1, structure = consent + 1 WHERE board_id = NEW.board_id;
END;

CREATE TRIGGER board_settings_delete_consent AFTER DELETE ON board_settings BEGIN
    UPDATE board_versions SET consent = consent + 1, structure = consent + 1 WHERE board_id = OLD.board_id;
END;

-- A decision written without its stamp (by a path that does not know about it)
-- makes every server rebuild rather than miss it.

CREATE TRIGGER consent_decisions_insert_consent AFTER INSERT ON consent_decisions WHEN NEW.version = 0 BEGIN
    UPDATE board_versions SET consent = consent + 1, structure = consent + 1 WHERE board_id = NEW.board_id;
END;

CREATE TRIGGER consent_decisions_update_consent AFTER UPDATE ON consent_decisions BEGIN
    UPDATE board_versions SET consent = consent + 1, structure = consent + 1 WHERE board_id = NEW.board_id;
END;

CREATE TRIGGER consent_decisions_delete_consent AFTER DELETE ON consent_decisions BEGIN
    UPDATE board_versions SET consent = consent + 1, structure = consent + 1 WHERE board_id = OLD.board_id;
END;

CREATE TRIGGER users_update_access AFTER UPDATE ON users BEGIN
    UPDATE board_versions SET access = access + 1 WHERE board_id = NEW.board_id;
END;

CREATE TRIGGER users_delete_access AFTER DELETE ON users BEGIN
    UPDATE board_versions SET access = access + 1 WHERE board_id = OLD.board_id;
END;

CREATE TRIGGER user_roles_insert_access AFTER INSERT ON user_roles BEGIN
    UPDATE board_versions SET access = access + 1 WHERE board_id = NEW.board_id;
END;

CREATE TRIGGER user_roles_update_access AFTER UPDATE ON user_roles BEGIN
    UPDATE board_versions SET access = access + 1 WHERE board_id = NEW.board_id;
END;

CREATE TRIGGER user_roles_delete_access AFTER DELETE ON user_roles BEGIN
    UPDATE board_versions SET access = access + 1 WHERE board_id = OLD.board_id;
END;

CREATE TRIGGER user_scopes_insert_access AFTER INSERT ON user_scopes BEGIN
    UPDATE board_versions SET access = access + 1 WHERE board_id = NEW.board_id;
END;

CREATE TRIGGER user_scopes_update_access AFTER UPDATE ON user_scopes BEGIN
    UPDATE board_versions SET access = access + 1 WHERE board_id = NEW.board_id;
END;

CREATE TRIGGER user_scopes_delete_access AFTER DELETE ON user_scopes BEGIN
    UPDATE board_versions SET access = access + 1 WHERE board_id = OLD.board_id;
END;

CREATE TRIGGER api_tokens_update_access AFTER UPDATE OF revoked_at, user_id ON api_tokens BEGIN
    UPDATE board_versions SET access = access + 1 WHERE board_id = NEW.board_id;
END;

CREATE TRIGGER api_tokens_delete_access AFTER DELETE ON api_tokens BEGIN
    UPDATE board_versions SET access = access + 1 WHERE board_id = OLD.board_id;
END;

CREATE TRIGGER boards_update_access AFTER UPDATE OF name ON boards BEGIN
    UPDATE board_versions SET access = access + 1 WHERE board_id = NEW.id;
END;
