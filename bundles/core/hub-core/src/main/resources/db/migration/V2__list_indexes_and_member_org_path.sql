-- Lists that stay fast at a province's size (a million members). Every list pages by keyset over an index
-- (sort column, id), so no page reads the rows before it.
--
-- ORG_PATH copies the member's organisation path ('/1/4/17/'), so that an officer's scope (his organisation
-- and everything below it) is one range of the index (ORG_PATH, ID) on the member table itself, not a join
-- that reads rows and drops the ones outside. Directory keeps it up to date when a member or an organisation
-- moves.
ALTER TABLE HUB_MEMBER ADD COLUMN ORG_PATH VARCHAR(1000);
UPDATE HUB_MEMBER SET ORG_PATH = (SELECT O.PATH FROM HUB_ORG O WHERE O.ID = HUB_MEMBER.ORG_ID);
CREATE INDEX HUB_MEMBER_SCOPE ON HUB_MEMBER (ORG_PATH, ID);

-- name prefix search and sorting by name: (NAME, ID) replaces the index on NAME alone
DROP INDEX HUB_MEMBER_NAME;
CREATE INDEX HUB_MEMBER_NAME_ID ON HUB_MEMBER (NAME, ID);
CREATE INDEX HUB_MEMBER_PHONE ON HUB_MEMBER (PHONE);
CREATE INDEX HUB_MEMBER_JOINED ON HUB_MEMBER (JOINED_ON, ID);

-- organisations in tree order (path) and by name
CREATE INDEX HUB_ORG_PATH_ID ON HUB_ORG (PATH, ID);
CREATE INDEX HUB_ORG_NAME_ID ON HUB_ORG (NAME, ID);

-- the audit trail is read newest first, and by who and what
CREATE INDEX HUB_AUDIT_ID_DESC ON HUB_AUDIT (ID DESC);
CREATE INDEX HUB_AUDIT_ACTOR ON HUB_AUDIT (ACTOR, ID);
CREATE INDEX HUB_AUDIT_ACTION ON HUB_AUDIT (ACTION, ID);
