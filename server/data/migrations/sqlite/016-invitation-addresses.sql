-- The e-mail addresses personal invitations were sent to, kept apart from everything else: only to know whom to remind.
-- Nothing joins them to answers; a wave's addresses are deleted when it closes (see invitation-address-repository.ts).
CREATE TABLE invitation_address (
  id INTEGER PRIMARY KEY,
  invitation_id INTEGER NOT NULL UNIQUE REFERENCES invitation(id),
  wave_id INTEGER NOT NULL REFERENCES wave(id),
  email_address TEXT NOT NULL,
  sent_at TEXT,
  -- When the SMTP server refused the message; null once a later message goes through.
  bounced_at TEXT,
  last_reminded_at TEXT,
  reminder_count INTEGER NOT NULL DEFAULT 0,
  UNIQUE (wave_id, email_address)
);
