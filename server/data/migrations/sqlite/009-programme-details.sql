-- What respondents are told about who runs a study: the organisation, how to reach it, and any privacy or ethics text
-- (an approval reference, how long answers are kept). Each is optional; the pages word their absence sensibly.
ALTER TABLE programme ADD COLUMN organisation TEXT;
ALTER TABLE programme ADD COLUMN contact TEXT;
ALTER TABLE programme ADD COLUMN study_information TEXT;
