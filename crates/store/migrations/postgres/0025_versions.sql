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
    consent    BIGINT NOT NULL DEFAULT 0,
    structure  BIGINT NOT NULL DEFAULT 0,
    access     BIGINT NOT NULL DEFAULT 0
);
INSERT INTO board_versions (board_id) SELECT id FROM boards;

CREATE FUNCTION board_versions_row() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO board_versions (board_id) VALUES (NEW.id);
    RETURN NULL;
END $$;
CREATE TRIGGER boards_versions AFTER INSERT ON boards FOR EACH ROW EXECUTE FUNCTION board_versions_row();

ALTER TABLE consent_decisions ADD COLUMN version BIGINT NOT NULL DEFAULT 0;
CREATE INDEX consent_decisions_by_version ON consent_decisions(board_id, version);

-- Set-based: one raise per board per statement, so an import of thousands of
-- rows costs one update per board.
CREATE FUNCTION bump_consent() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE board_versions SET consent = consent + 1, structure = consent + 1
    WHERE board_id IN (SELECT DISTINCT board_id FROM changed);
    RETURN NULL;
END $$;

-- The same for decisions inserted without their stamp.
CREATE FUNCTION bump_consent_unstamped() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE board_versions SET consent = consent + 1, structure = consent + 1
    WHERE board_id IN (SELECT DISTINCT board_id FROM changed WHERE version = 0);
    RETURN NULL;
END $$;

CREATE FUNCTION bump_access() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    changed RECORD;
BEGIN
    IF TG_OP = 'DELETE' THEN changed := OLD; ELSE changed := NEW; END IF;
    IF TG_TABLE_NAME = 'boards' THEN
        UPDATE board_versions SET access = access + 1 WHERE board_id = changed.id;
    ELSE
        UPDATE board_versions SET access = access + 1 WHERE board_id = changed.board_id;
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER pupils_insert_consent AFTER INSERT ON pupils REFERENCING NEW TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION bump_consent();
CREATE TRIGGER pupils_update_consent AFTER UPDATE ON pupils REFERENCING NEW TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION bump_consent();
CREATE TRIGGER pupils_delete_consent AFTER DELETE ON pupils REFERENCING OLD TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION bump_consent();
CREATE TRIGGER pupil_guardians_insert_consent AFTER INSERT ON pupil_guardians REFERENCING NEW TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION bump_consent();
CREATE TRIGGER pupil_guardians_update_consent AFTER UPDATE ON pupil_guardians REFERENCING NEW TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION bump_consent();
CREATE TRIGGER pupil_guardians_delete_consent AFTER DELETE ON pupil_guardians REFERENCING OLD TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION bump_consent();
CREATE TRIGGER consent_objections_insert_consent AFTER INSERT ON consent_objections REFERENCING NEW TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION bump_consent();
CREATE TRIGGER consent_objections_update_consent AFTER UPDATE ON consent_objections REFERENCING NEW TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION bump_consent();
CREATE TRIGGER consent_objections_delete_consent AFTER DELETE ON consent_objections REFERENCING OLD TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION bump_consent();
CREATE TRIGGER pupil_restrictions_insert_consent AFTER INSERT ON pupil_restrictions REFERENCING NEW TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION bump_consent();
CREATE TRIGGER pupil_restrictions_update_consent AFTER UPDATE ON pupil_restrictions REFERENCING NEW TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION bump_consent();
CREATE TRIGGER pupil_restrictions_delete_consent AFTER DELETE ON pupil_restrictions REFERENCING OLD TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION bump_consent();
CREATE TRIGGER consent_purposes_insert_consent AFTER INSERT ON consent_purposes REFERENCING NEW TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION bump_consent();
CREATE TRIGGER consent_purposes_update_consent AFTER UPDATE ON consent_purposes REFERENCING NEW TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION bump_consent();
CREATE TRIGGER consent_purposes_delete_consent AFTER DELETE ON consent_purposes REFERENCING OLD TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION bump_consent();
CREATE TRIGGER board_settings_insert_consent AFTER INSERT ON board_settings REFERENCING NEW TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION bump_consent();
CREATE TRIGGER board_settings_update_consent AFTER UPDATE ON board_settings REFERENCING NEW TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION bump_consent();
CREATE TRIGGER board_settings_delete_consent AFTER DELETE ON board_settings REFERENCING OLD TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION bump_consent();
CREATE TRIGGER consent_decisions_insert_consent AFTER INSERT ON consent_decisions REFERENCING NEW TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION bump_consent_unstamped();
CREATE TRIGGER consent_decisions_update_consent AFTER UPDATE ON consent_decisions REFERENCING NEW TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION bump_consent();
CREATE TRIGGER consent_decisions_delete_consent AFTER DELETE ON consent_decisions REFERENCING OLD TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION bump_consent();

CREATE TRIGGER users_update_access AFTER UPDATE ON users FOR EACH ROW EXECUTE FUNCTION bump_access();
CREATE TRIGGER users_delete_access AFTER DELETE ON users FOR EACH ROW EXECUTE FUNCTION bump_access();
CREATE TRIGGER user_roles_insert_access AFTER INSERT ON user_roles FOR EACH ROW EXECUTE FUNCTION bump_access();
CREATE TRIGGER user_roles_update_access AFTER UPDATE ON user_roles FOR EACH ROW EXECUTE FUNCTION bump_access();
CREATE TRIGGER user_roles_delete_access AFTER DELETE ON user_roles FOR EACH ROW EXECUTE FUNCTION bump_access();
CREATE TRIGGER user_scopes_insert_access AFTER INSERT ON user_scopes FOR EACH ROW EXECUTE FUNCTION bump_access();
CREATE TRIGGER user_scopes_update_access AFTER UPDATE ON user_scopes FOR EACH ROW EXECUTE FUNCTION bump_access();
CREATE TRIGGER user_scopes_delete_access AFTER DELETE ON user_scopes FOR EACH ROW EXECUTE FUNCTION bump_access();
CREATE TRIGGER api_tokens_update_access AFTER UPDATE OF revoked_at, user_id ON api_tokens FOR EACH ROW EXECUTE FUNCTION bump_access();
CREATE TRIGGER api_tokens_delete_access AFTER DELETE ON api_tokens FOR EACH ROW EXECUTE FUNCTION bump_access();
CREATE TRIGGER boards_update_access AFTER UPDATE OF name ON boards FOR EACH ROW EXECUTE FUNCTION bump_access();
