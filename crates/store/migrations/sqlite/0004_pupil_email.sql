-- A pupil's own e-mail address. From the 16th birthday the pupil decides about
-- consent (seed 001 §14.4) and is invited to the portal at this address.
ALTER TABLE pupils ADD COLUMN email TEXT;
