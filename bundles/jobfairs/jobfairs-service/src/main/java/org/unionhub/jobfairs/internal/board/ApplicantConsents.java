package org.unionhub.jobfairs.internal.board;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;

import org.unionhub.api.db.Sql;
import org.unionhub.api.personal.ConsentGiven;
import org.unionhub.api.personal.ConsentRecord;
import org.unionhub.api.personal.Consents;
import org.unionhub.api.security.Caller;

/**
 * The applicant's consent to the job-board or programme notice, on the application's own transaction. A member
 * applying from his account consents as himself (his ID number is in the member record, so none is held here); a
 * non-member or flexible worker gives his ID number, so the separate ID_NUMBER consent is required, and the consent
 * names the application as its subject: through H5 or CONSOLE when he applies himself without an account, PAPER when
 * someone signed in enters his signed form.
 */
public final class ApplicantConsents {

    private ApplicantConsents() {
    }

    /**
     * Checks and writes the consent for application {@code id} of {@code table} (written just before, in the same
     * transaction: a refused consent rolls the application back) and keeps the consent ids on it.
     */
    public static void record(Connection c, Consents consents, Caller caller, Applicants who, String purpose,
            String table, String subjectKind, long id, ConsentGiven consent) throws SQLException {
        ConsentRecord r = who.memberId() != null
                ? consents.record(c, caller, who.memberId(), purpose, consent, Set.of())
                : consents.recordForSubject(c, caller, subjectKind, id, purpose, consent, Set.of("ID_NUMBER"));
        if (r != null) {
            Sql.update(c, "UPDATE " + table + " SET CONSENT_ID = ?, ID_NUMBER_CONSENT_ID = ? WHERE ID = ?", r.generalId(),
                    r.sensitiveId("ID_NUMBER"), id);
        }
    }
}
