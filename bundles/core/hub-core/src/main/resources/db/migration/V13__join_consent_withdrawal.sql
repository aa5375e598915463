-- Issue 22: a join applicant (no account yet) withdraws the consent he gave with his join request, proving his phone
-- with a CONSENT code. A pending request then is WITHDRAWN and can no longer be approved.
ALTER TABLE HUB_JOIN_REQUEST ADD COLUMN CONSENT_WITHDRAWN_AT TIMESTAMP;
