-- Issue 21. One-time codes sent to a phone (join, set or reset a password). CODE_HASH is a keyed hash of the
-- code with the phone and purpose (the personal-data key), never the code; a code is good for 5 minutes and a
-- few attempts, and only the newest one of a phone and purpose counts.
CREATE TABLE HUB_PHONE_CODE (
  ID BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  PHONE VARCHAR(20) NOT NULL,
  PURPOSE VARCHAR(16) NOT NULL,
  CODE_HASH VARCHAR(100) NOT NULL,
  CREATED_AT TIMESTAMP NOT NULL,
  EXPIRES_AT TIMESTAMP NOT NULL,
  ATTEMPTS INTEGER DEFAULT 0 NOT NULL,
  USED_AT TIMESTAMP
);
CREATE INDEX HUB_PHONE_CODE_PHONE ON HUB_PHONE_CODE (PHONE, PURPOSE, ID);
