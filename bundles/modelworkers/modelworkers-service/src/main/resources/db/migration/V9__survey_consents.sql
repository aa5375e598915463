-- The model worker's consents a care survey was recorded under (HUB_CONSENT ids in the core's consent store, written
-- in the survey's own transaction): the general one to the survey notice and the separate one for his health data
-- (MEDICAL). The visiting officer attests the model worker's signed paper form. Empty for surveys recorded before
-- consent at collection and for the hub's own demo data.
ALTER TABLE MODELWORKERS_SURVEY ADD COLUMN CONSENT_ID BIGINT;
ALTER TABLE MODELWORKERS_SURVEY ADD COLUMN MEDICAL_CONSENT_ID BIGINT;
