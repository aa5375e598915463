-- Idempotency-Key answers (issue 20): one row per account + method + path + key, found by the SHA-256 of the four
-- (KEY_HASH) so that the primary key stays short whatever the path. STATUS is null while the first request runs.
-- Rows older than 24 hours are swept by the core.
CREATE TABLE HUB_IDEMPOTENCY (
  KEY_HASH CHAR(64) NOT NULL PRIMARY KEY,
  ACCOUNT VARCHAR(64) NOT NULL,
  METHOD VARCHAR(10) NOT NULL,
  PATH VARCHAR(1000) NOT NULL,
  BODY_HASH CHAR(64) NOT NULL,
  STATUS INT,
  LOCATION VARCHAR(1000),
  CONTENT_TYPE VARCHAR(200),
  BODY BLOB(2M),
  CREATED_AT TIMESTAMP NOT NULL
);
CREATE INDEX HUB_IDEMPOTENCY_CREATED ON HUB_IDEMPOTENCY (CREATED_AT);
