-- Programmes, practices, waves, invitations, responses and answers.
-- No table holds a respondent's name, e-mail or IP address.

CREATE TABLE programme (
  id INTEGER PRIMARY KEY,
  slug TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  intervention TEXT NOT NULL DEFAULT 'social prescribing',
  is_demo INTEGER NOT NULL DEFAULT 0 CHECK (is_demo IN (0, 1)),
  min_practice_n INTEGER NOT NULL DEFAULT 3 CHECK (min_practice_n >= 1),
  min_breakdown_n INTEGER NOT NULL DEFAULT 5 CHECK (min_breakdown_n >= 1),
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);

CREATE TABLE practice (
  id INTEGER PRIMARY KEY,
  programme_id INTEGER NOT NULL REFERENCES programme(id),
  code TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  list_size INTEGER CHECK (list_size IS NULL OR list_size > 0),
  deprivation_quintile INTEGER CHECK (deprivation_quintile IS NULL OR deprivation_quintile BETWEEN 1 AND 5),
  rurality TEXT CHECK (rurality IS NULL OR rurality IN ('urban', 'rural')),
  sp_model TEXT
);
CREATE INDEX practice_programme ON practice(programme_id);

CREATE TABLE wave (
  id INTEGER PRIMARY KEY,
  programme_id INTEGER NOT NULL REFERENCES programme(id),
  slug TEXT NOT NULL,
  title TEXT NOT NULL,
  opens_on TEXT,
  closes_on TEXT,
  status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'open', 'closed')),
  position INTEGER NOT NULL DEFAULT 0,
  UNIQUE (programme_id, slug)
);

CREATE TABLE wave_questionnaire (
  wave_id INTEGER NOT NULL REFERENCES wave(id) ON DELETE CASCADE,
  questionnaire_id TEXT NOT NULL,
  position INTEGER NOT NULL,
  PRIMARY KEY (wave_id, questionnaire_id),
  UNIQUE (wave_id, position)
);

CREATE TABLE questionnaire_version (
  questionnaire_id TEXT NOT NULL,
  version INTEGER NOT NULL,
  content_hash TEXT NOT NULL,
  definition_json TEXT NOT NULL,
  first_loaded_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  PRIMARY KEY (questionnaire_id, version)
);

CREATE TABLE invitation (
  id INTEGER PRIMARY KEY,
  wave_id INTEGER NOT NULL REFERENCES wave(id),
  practice_id INTEGER NOT NULL REFERENCES practice(id),
  token TEXT NOT NULL UNIQUE,
  preset_role TEXT,
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  used_at TEXT
);
CREATE INDEX invitation_wave_practice ON invitation(wave_id, practice_id);

CREATE TABLE response (
  id INTEGER PRIMARY KEY,
  invitation_id INTEGER UNIQUE REFERENCES invitation(id),
  practice_id INTEGER NOT NULL REFERENCES practice(id),
  wave_id INTEGER NOT NULL REFERENCES wave(id),
  resume_token TEXT NOT NULL UNIQUE,
  source TEXT NOT NULL CHECK (source IN ('invitation', 'open_link', 'synthetic')),
  role TEXT,
  setting TEXT CHECK (setting IS NULL OR setting IN ('general_practice', 'link_worker', 'community')),
  status TEXT NOT NULL DEFAULT 'in_progress' CHECK (status IN ('in_progress', 'submitted')),
  started_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  submitted_at TEXT,
  CHECK ((status = 'submitted') = (submitted_at IS NOT NULL))
);
CREATE INDEX response_wave_practice ON response(wave_id, practice_id, status);

-- Pages the respondent has saved with "Continue", so a resumed survey opens at the first page not yet saved.
CREATE TABLE saved_page (
  response_id INTEGER NOT NULL REFERENCES response(id) ON DELETE CASCADE,
  page_key TEXT NOT NULL,
  saved_at TEXT NOT NULL,
  PRIMARY KEY (response_id, page_key)
);

-- One row per stored value; a "multi" item stores one row per chosen option.
CREATE TABLE answer (
  response_id INTEGER NOT NULL REFERENCES response(id) ON DELETE CASCADE,
  questionnaire_id TEXT NOT NULL,
  questionnaire_version INTEGER NOT NULL,
  item_id TEXT NOT NULL,
  value TEXT NOT NULL,
  PRIMARY KEY (response_id, questionnaire_id, item_id, value),
  FOREIGN KEY (questionnaire_id, questionnaire_version) REFERENCES questionnaire_version(questionnaire_id, version)
);
CREATE INDEX answer_questionnaire_version ON answer(questionnaire_id, questionnaire_version);

CREATE TABLE setting (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
