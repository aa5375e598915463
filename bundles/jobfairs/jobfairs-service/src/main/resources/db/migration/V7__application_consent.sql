-- The consent to the CV notice an application was made under (the HUB_CONSENT id in the core's consent store,
-- written in the same transaction as the application). Empty for applications made before consent at collection.
ALTER TABLE JOBFAIRS_APPLICATION ADD COLUMN CONSENT_ID BIGINT;
