-- The languages a programme offers respondents, its default first; and the intervention's name in each of the others.
ALTER TABLE programme ADD COLUMN languages TEXT NOT NULL DEFAULT 'en-GB';
ALTER TABLE programme ADD COLUMN intervention_translations TEXT NOT NULL DEFAULT '{}';

-- The language a response was given in. Answers are stored as codes, so they never depend on it.
ALTER TABLE response ADD COLUMN language TEXT NOT NULL DEFAULT 'en-GB';

-- Each translation of a questionnaire version as first loaded, so a wording change in one language is a new revision.
CREATE TABLE questionnaire_translation (
  questionnaire_id TEXT NOT NULL,
  version INTEGER NOT NULL,
  language TEXT NOT NULL,
  revision INTEGER NOT NULL,
  content_hash TEXT NOT NULL,
  translation_json TEXT NOT NULL,
  first_loaded_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  PRIMARY KEY (questionnaire_id, version, language, revision),
  FOREIGN KEY (questionnaire_id, version) REFERENCES questionnaire_version(questionnaire_id, version)
);
