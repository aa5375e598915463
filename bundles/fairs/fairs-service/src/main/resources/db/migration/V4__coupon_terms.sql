-- Issue 19: a batch's terms beyond the plain batch, one row per batch that has any. RATE: the share of the price a
-- member pays with a PERCENT coupon (0.75 = 7.5折), CAP the most one coupon saves; NEW_FORM_KINDS: the group the batch
-- is aimed at (comma-separated NewFormKind names; null: every member); RELEASE_AT: nobody claims before it; SERIES_ID:
-- the first batch of a monthly series, SERIES_MONTH 1, 2, …; SPONSOR and UNION_SHARE: who funds the savings, and the
-- union's share of each (the sponsor funds the rest).
CREATE TABLE FAIRS_BATCH_TERMS (
  BATCH_ID BIGINT NOT NULL PRIMARY KEY REFERENCES FAIRS_COUPON_BATCH (ID),
  RATE DECIMAL(4,3),
  CAP DECIMAL(14,2),
  NEW_FORM_KINDS VARCHAR(200),
  RELEASE_AT TIMESTAMP,
  SERIES_ID BIGINT,
  SERIES_MONTH INT,
  SPONSOR VARCHAR(200),
  UNION_SHARE DECIMAL(4,3),
  CONSTRAINT FAIRS_BATCH_TERMS_RATE CHECK (RATE IS NULL OR (RATE > 0 AND RATE < 1)),
  CONSTRAINT FAIRS_BATCH_TERMS_SHARE CHECK (UNION_SHARE IS NULL OR (UNION_SHARE >= 0 AND UNION_SHARE <= 1))
);
CREATE INDEX FAIRS_BATCH_TERMS_SERIES ON FAIRS_BATCH_TERMS (SERIES_ID);
