-- A staff member's sessions are valid only while they carry the account's current generation: raising it (a new
-- password; later a disabled account or a changed role) ends every session signed in before.
ALTER TABLE staff_user ADD COLUMN session_generation integer NOT NULL DEFAULT 0;
