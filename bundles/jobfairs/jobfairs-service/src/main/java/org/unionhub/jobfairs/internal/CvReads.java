package org.unionhub.jobfairs.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.unionhub.api.AuditLog;
import org.unionhub.api.security.Caller;

/**
 * The audit of CV reads: an employer's or an officer's read of an application (its CV) or of its CV file is a read of
 * someone else's personal data, recorded as who read whose application (the member's id, never his values). The
 * applicant's own reads are not recorded.
 */
final class CvReads {

    private CvReads() {
    }

    static Application audited(AuditLog audit, Connection c, Caller caller, Application app, String what)
            throws SQLException {
        boolean own = caller.memberId() != null && caller.memberId() == app.memberId();
        if (!own) {
            Map<String, Object> read = new LinkedHashMap<>();
            read.put("memberId", app.memberId());
            read.put("read", what);
            audit.record(c, caller, "jobfairs.application.read", "application", app.id(), read);
        }
        return app;
    }
}
