package org.unionhub.jobfairs.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.unionhub.api.AuditLog;
import org.unionhub.api.security.Caller;

/**
 * The audit of CV reads: an employer's or an officer's read of an application (its CV) or of its CV file is a read of
 * someone else's personal data, recorded as who read whose application (the member's id, never his values). The
 * applicant's own reads are not recorded. A list page is audited as one row naming the filter and the applications
 * of others it showed (at most a page's 500 ids, within the audit's 8,000 characters), as the claims list is.
 */
public final class CvReads {

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

    /**
     * Audits one list page as one row ({@code action}, the {@code filter} and the ids of the applications of others it
     * showed); a page that showed only the caller's own applications, or none, is not recorded.
     */
    public static void listed(AuditLog audit, Connection c, Caller caller, String action, String entity,
            Map<String, Object> filter, List<Long> others) throws SQLException {
        if (!others.isEmpty()) {
            Map<String, Object> read = new LinkedHashMap<>(filter);
            read.put("rows", others.size());
            read.put("ids", others);
            audit.record(c, caller, action, entity, null, read);
        }
    }
}
