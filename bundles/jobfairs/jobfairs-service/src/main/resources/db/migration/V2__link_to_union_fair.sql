-- A job fair may be the job-recruitment section of a union fair of the fairs module (checked through its api).
ALTER TABLE JOBFAIRS_FAIR ADD COLUMN UNION_FAIR_ID BIGINT;
