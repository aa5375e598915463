-- Issue 21: a member hears once that a coupon he has not used is about to expire. REMINDED_AT marks it told.
ALTER TABLE FAIRS_COUPON ADD COLUMN REMINDED_AT TIMESTAMP;
