package org.unionhub.modelworkers.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;

import org.unionhub.api.db.Sql;
import org.unionhub.api.personal.ConsentGiven;
import org.unionhub.api.personal.ConsentRecord;
import org.unionhub.api.personal.Consents;
import org.unionhub.api.security.Caller;

/**
 * The candidate's consent to the nomination notice, with the separate consent for his ID number: the candidate is
 * usually not signed in and may not be a member, so the nominating officer attests his signed paper form (channel
 * {@code PAPER}) and the core records it under the nomination, not under a member.
 */
final class NominationConsents {

    /** The consent ids a nomination keeps, as its detail shows them. */
    record Ids(Long consentId, Long idNumberConsentId) {
    }

    private NominationConsents() {
    }

    /** Checks and writes the consent on the nomination's own transaction, and keeps its ids on the nomination. */
    static void record(Connection c, Consents consents, Caller caller, long nominationId, ConsentGiven consent)
            throws SQLException {
        // a nomination holds (or will hold, by submission) the candidate's ID number: its separate consent is asked now
        ConsentRecord r = consents.recordForSubject(c, caller, "nomination", nominationId, "nomination", consent,
                Set.of("ID_NUMBER"));
        if (r != null) {
            Sql.update(c, "UPDATE MODELWORKERS_NOMINATION SET CONSENT_ID = ?, ID_NUMBER_CONSENT_ID = ? WHERE ID = ?",
                    r.generalId(), r.sensitiveId("ID_NUMBER"), nominationId);
        }
    }

    static Ids of(Connection c, long nominationId) throws SQLException {
        return Sql.one(c, "SELECT CONSENT_ID, ID_NUMBER_CONSENT_ID FROM MODELWORKERS_NOMINATION WHERE ID = ?",
                rs -> new Ids(Sql.getLong(rs, "CONSENT_ID"), Sql.getLong(rs, "ID_NUMBER_CONSENT_ID")), nominationId)
                .orElse(new Ids(null, null));
    }
}
