-- A consent whose person need not be a member (a nomination's candidate, attested on paper by the nominating
-- officer): MEMBER_ID may be empty, and SUBJECT_KIND/SUBJECT_REF name the module's record that holds the person's
-- data instead (e.g. 'nomination' and its id). Every row names a member or a subject.
-- Derby spells "drop NOT NULL" as ALTER COLUMN ... NULL; PostgreSQL's port writes ALTER COLUMN ... DROP NOT NULL.
ALTER TABLE HUB_CONSENT ALTER COLUMN MEMBER_ID NULL;
ALTER TABLE HUB_CONSENT ADD COLUMN SUBJECT_KIND VARCHAR(32);
ALTER TABLE HUB_CONSENT ADD COLUMN SUBJECT_REF BIGINT;
CREATE INDEX HUB_CONSENT_SUBJECT ON HUB_CONSENT (SUBJECT_KIND, SUBJECT_REF);
