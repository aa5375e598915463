-- A waitlisted application's position counts the fair's waitlist up to it: from this index alone, without reading
-- each application's row.
CREATE INDEX FAIRS_APP_WAITLIST ON FAIRS_APPLICATION (FAIR_ID, STATUS, WAITLIST_SEQ);
