-- A short code for each personal invitation, for a person reading their letter on paper to type at /code.
-- Invitations made before this get theirs when the mail-merge list is first downloaded.
ALTER TABLE invitation ADD COLUMN short_code text COLLATE "C";
CREATE UNIQUE INDEX invitation_short_code ON invitation(short_code);
