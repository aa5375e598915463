-- The candidate's consents a nomination was collected under (HUB_CONSENT ids in the core's consent store, written in
-- the nomination's own transaction): the general one to the nomination notice and the separate one for the ID
-- number. The nominating officer attests the candidate's signed paper form. Empty for nominations entered before
-- consent at collection and for the hub's own demo data.
ALTER TABLE MODELWORKERS_NOMINATION ADD COLUMN CONSENT_ID BIGINT;
ALTER TABLE MODELWORKERS_NOMINATION ADD COLUMN ID_NUMBER_CONSENT_ID BIGINT;
