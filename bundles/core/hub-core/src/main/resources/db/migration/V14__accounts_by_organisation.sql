-- Issue 20: the console lists the accounts of one organisation (GET /api/accounts?orgId=); (ORG_ID, USERNAME) lets
-- that filter and the keyset paging by user name read only the organisation's rows, in order.
CREATE INDEX HUB_ACCOUNT_ORG ON HUB_ACCOUNT (ORG_ID, USERNAME);
