-- The member's consents a trip request was made under (HUB_CONSENT ids in the core's consent store, written in the
-- request's own transaction): the general one to the trip notice and, with a note, the separate one for health data.
-- Empty for requests made before consent at collection.
ALTER TABLE RECUPERATION_REQUEST ADD COLUMN CONSENT_ID BIGINT;
ALTER TABLE RECUPERATION_REQUEST ADD COLUMN MEDICAL_CONSENT_ID BIGINT;
