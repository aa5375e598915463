-- The consents a claim was collected under (HUB_CONSENT ids in the core's consent store, written in the same
-- transaction as the claim): the general one and the separate consent for medical data. Empty for claims entered
-- before consent at collection and for an officer's entry without a paper consent.
ALTER TABLE MUTUALAID_CLAIM ADD COLUMN CONSENT_ID BIGINT;
ALTER TABLE MUTUALAID_CLAIM ADD COLUMN MEDICAL_CONSENT_ID BIGINT;
