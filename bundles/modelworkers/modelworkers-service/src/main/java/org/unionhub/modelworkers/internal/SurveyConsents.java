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
 * The model worker's consent to the care survey's notice, with the separate consent for his health data (PIPL arts.
 * 28-29): officers record the survey on their visit, so the officer attests the model worker's signed paper form
 * (channel {@code PAPER}) and the core records it under the survey, not under a member (a model worker need not be one;
 * one who is sees it among his own consents).
 */
final class SurveyConsents {

    private SurveyConsents() {
    }

    /** Checks and writes the consent on the survey's own transaction, and keeps its ids on the survey. */
    static void record(Connection c, Consents consents, Caller caller, long surveyId, ConsentGiven consent)
            throws SQLException {
        // a survey always holds his health (the health answer, self-paid medical costs): its separate consent is asked
        ConsentRecord r = consents.recordForSubject(c, caller, "survey", surveyId, "survey", consent, Set.of("MEDICAL"));
        if (r != null) {
            Sql.update(c, "UPDATE MODELWORKERS_SURVEY SET CONSENT_ID = ?, MEDICAL_CONSENT_ID = ? WHERE ID = ?",
                    r.generalId(), r.sensitiveId("MEDICAL"), surveyId);
        }
    }
}
