-- Nominations climb the union tree level by level (grassroots → county → prefecture → region): AT_ORG_ID is
-- the union whose reviewers hold a SUBMITTED nomination now. Null for a nomination not submitted, and for one
-- submitted before levels existed, which the region's reviewers decide.
ALTER TABLE MODELWORKERS_NOMINATION ADD COLUMN AT_ORG_ID BIGINT;
CREATE INDEX MODELWORKERS_NOMINATION_AT ON MODELWORKERS_NOMINATION (AT_ORG_ID, STATE);

-- Each time a unit recommends a nomination to the level above. A unit recommends a nomination once: a nomination
-- returned and submitted again passes the units that already recommended it without counting twice.
CREATE TABLE MODELWORKERS_NOMINATION_STEP (
  ID BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  NOMINATION_ID BIGINT NOT NULL REFERENCES MODELWORKERS_NOMINATION (ID),
  FROM_ORG_ID BIGINT NOT NULL,
  TO_ORG_ID BIGINT NOT NULL,
  YEAR_NO INTEGER NOT NULL,
  CREATED_BY VARCHAR(64) NOT NULL,
  CREATED_AT TIMESTAMP NOT NULL,
  CONSTRAINT MODELWORKERS_STEP_ONCE UNIQUE (NOMINATION_ID, FROM_ORG_ID)
);

-- How many nominations a unit may recommend upward in a year. QUOTA null = no limit set by the region; USED
-- counts every recommendation, so a quota set mid-year applies to what was already sent.
CREATE TABLE MODELWORKERS_NOMINATION_QUOTA (
  ORG_ID BIGINT NOT NULL,
  YEAR_NO INTEGER NOT NULL,
  QUOTA INTEGER,
  USED INTEGER NOT NULL,
  PRIMARY KEY (ORG_ID, YEAR_NO)
);
