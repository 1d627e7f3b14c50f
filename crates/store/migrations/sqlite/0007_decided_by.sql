-- Who decided a request (a user of the board): the answer letter is signed with
-- their name and the request page names them.
ALTER TABLE requests ADD COLUMN decided_by TEXT;
