-- How far each practice has got with the intervention at each wave: a practice moves from piloting to embedded over a
-- study, so the stage belongs to the practice and the wave together. No row: not recorded.
CREATE TABLE practice_stage (
  practice_id INTEGER NOT NULL REFERENCES practice(id) ON DELETE CASCADE,
  wave_id INTEGER NOT NULL REFERENCES wave(id),
  stage TEXT NOT NULL CHECK (stage IN ('not_started', 'piloting', 'implementing', 'embedding', 'embedded')),
  PRIMARY KEY (practice_id, wave_id)
);
CREATE INDEX practice_stage_wave ON practice_stage(wave_id);
