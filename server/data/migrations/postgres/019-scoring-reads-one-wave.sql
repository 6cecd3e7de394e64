-- Scoring reads one wave's submitted responses and their answers to one questionnaire. Without these the database
-- started from every answer to the questionnaire in every wave (the questionnaire-version index) and then threw most
-- away: at 2 waves of 300 practices, 0.27 s for the wave's answers became 0.12 s, and more so with every wave added.
CREATE INDEX response_wave_status ON response(wave_id, status);
CREATE INDEX answer_response_questionnaire ON answer(response_id, questionnaire_id);
