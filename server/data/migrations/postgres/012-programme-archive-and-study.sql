-- An archived programme is read-only and left out of lists; its practices, waves and answers stay. NULL while in use.
ALTER TABLE programme ADD COLUMN archived_at text COLLATE "C";

-- Told to respondents when given: the ethics or approval reference, and how long answers are kept.
ALTER TABLE programme ADD COLUMN approval_reference text COLLATE "C";
ALTER TABLE programme ADD COLUMN retention text COLLATE "C";
