-- The retention job's reports: one row per run, one line per module and kind of record it purged (or found nothing
-- of). AS_OF is the moment the run acted as of (the hub's time, moved forward when an administrator rehearses a purge).
CREATE TABLE HUB_PURGE_RUN (
  ID BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  RAN_AT TIMESTAMP NOT NULL,
  AS_OF TIMESTAMP NOT NULL,
  RAN_BY VARCHAR(64) NOT NULL,
  ROWS_CHANGED BIGINT NOT NULL
);
CREATE TABLE HUB_PURGE_LINE (
  RUN_ID BIGINT NOT NULL REFERENCES HUB_PURGE_RUN (ID),
  MODULE VARCHAR(64) NOT NULL,
  KIND VARCHAR(64) NOT NULL,
  DAYS INT NOT NULL,
  CUTOFF TIMESTAMP NOT NULL,
  ROWS_CHANGED BIGINT NOT NULL,
  PRIMARY KEY (RUN_ID, MODULE, KIND)
);
