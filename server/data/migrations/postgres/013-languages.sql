-- The languages a programme offers respondents, its default first; and the intervention's name in each of the others.
ALTER TABLE programme ADD COLUMN languages text COLLATE "C" NOT NULL DEFAULT 'en-GB';
ALTER TABLE programme ADD COLUMN intervention_translations text COLLATE "C" NOT NULL DEFAULT '{}';

-- The language a response was given in. Answers are stored as codes, so they never depend on it.
ALTER TABLE response ADD COLUMN language text COLLATE "C" NOT NULL DEFAULT 'en-GB';

-- Each translation of a questionnaire version as first loaded, so a wording change in one language is a new revision.
CREATE TABLE questionnaire_translation (
  questionnaire_id text COLLATE "C" NOT NULL,
  version integer NOT NULL,
  language text COLLATE "C" NOT NULL,
  revision integer NOT NULL,
  content_hash text COLLATE "C" NOT NULL,
  translation_json text COLLATE "C" NOT NULL,
  first_loaded_at text COLLATE "C" NOT NULL DEFAULT to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
  PRIMARY KEY (questionnaire_id, version, language, revision),
  FOREIGN KEY (questionnaire_id, version) REFERENCES questionnaire_version(questionnaire_id, version)
);
