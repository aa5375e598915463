-- Applications page newest first by keyset over the primary key; filtered by fair or position over these.
CREATE INDEX JOBFAIRS_APPLICATION_FAIR_ID ON JOBFAIRS_APPLICATION (FAIR_ID, ID);
CREATE INDEX JOBFAIRS_APPLICATION_POSITION ON JOBFAIRS_APPLICATION (POSITION_ID, ID);
