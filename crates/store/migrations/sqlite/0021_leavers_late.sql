-- A leaver's removal that passed its deadline is told once (issue 16).
ALTER TABLE access_changes ADD COLUMN late_warned_at INTEGER;
