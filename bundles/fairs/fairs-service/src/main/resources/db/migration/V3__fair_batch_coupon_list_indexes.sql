-- Every list on the keyset contract (issue 18): each sort and filter column is indexed together with the id, and an
-- officer's coupons are a condition on organisations (OrgScope), so a coupon carries its member's organisation.

-- fairs by start (the list's default order), replacing the index on STARTS_AT alone
CREATE INDEX FAIRS_FAIR_STARTS_ID ON FAIRS_FAIR (STARTS_AT, ID);
DROP INDEX FAIRS_FAIR_STARTS;

-- a fair's coupon batches (the index on FAIR_ID alone was never created: Derby skips an index that duplicates
-- the foreign key's own)
CREATE INDEX FAIRS_BATCH_FAIR_ID ON FAIRS_COUPON_BATCH (FAIR_ID, ID);

-- coupons: the member's organisation when he claimed it (the officer's scope), a member's own coupons
ALTER TABLE FAIRS_COUPON ADD COLUMN ORG_ID BIGINT;
UPDATE FAIRS_COUPON SET ORG_ID = (SELECT M.ORG_ID FROM HUB_MEMBER M WHERE M.ID = FAIRS_COUPON.MEMBER_ID);
CREATE INDEX FAIRS_COUPON_ORG_ID ON FAIRS_COUPON (ORG_ID, ID);
CREATE INDEX FAIRS_COUPON_MEMBER_ID ON FAIRS_COUPON (MEMBER_ID, ID);
DROP INDEX FAIRS_COUPON_MEMBER;
