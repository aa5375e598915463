-- The consents a job-board or programme application was made under (HUB_CONSENT ids in the core's consent store,
-- written in the application's own transaction): the general one to the jobboard or programme notice and, when a
-- non-member gives his ID number, the separate one for it. Empty for applications made before consent at collection.
ALTER TABLE JOBFAIRS_JOB_APPLICATION ADD COLUMN CONSENT_ID BIGINT;
ALTER TABLE JOBFAIRS_JOB_APPLICATION ADD COLUMN ID_NUMBER_CONSENT_ID BIGINT;
ALTER TABLE JOBFAIRS_PROGRAMME_APPLICATION ADD COLUMN CONSENT_ID BIGINT;
ALTER TABLE JOBFAIRS_PROGRAMME_APPLICATION ADD COLUMN ID_NUMBER_CONSENT_ID BIGINT;
-- the retention job finds applications by their last change
CREATE INDEX JOBFAIRS_JOB_APPLICATION_UPDATED ON JOBFAIRS_JOB_APPLICATION (UPDATED_AT);
CREATE INDEX JOBFAIRS_PROGRAMME_APPLICATION_UPDATED ON JOBFAIRS_PROGRAMME_APPLICATION (UPDATED_AT);
