-- When each staff account last signed in (for the accounts list), and whether its password was handed out by someone
-- else (a new account, a reset) and so must be replaced by one its owner chooses before they do anything else.
ALTER TABLE staff_user ADD COLUMN last_signed_in_at text COLLATE "C";
ALTER TABLE staff_user ADD COLUMN must_change_password integer NOT NULL DEFAULT 0 CHECK (must_change_password IN (0, 1));
