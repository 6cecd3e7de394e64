-- Which responses each raise of a wave's scores version changed, so that a scorer holding a wave's respondents as of
-- one version re-reads only the responses changed since, not the wave: at 1,000 practices × 20 respondents a whole
-- read is about half a second a questionnaire, a submit changes one response. A change to the whole wave (its
-- questionnaires) has no responses to name: whole_since is the last version that made one, and a scorer holding an
-- older version reads the wave again.
CREATE TABLE scores_change (
  wave_id integer NOT NULL REFERENCES wave(id),
  version integer NOT NULL,
  response_id integer NOT NULL REFERENCES response(id) ON DELETE CASCADE,
  PRIMARY KEY (wave_id, version, response_id)
);
ALTER TABLE wave_scores_version ADD COLUMN whole_since integer NOT NULL DEFAULT 0;
