package org.unionhub.web.internal;

import java.sql.SQLException;
import java.sql.SQLTransientException;

import org.unionhub.api.db.DatabaseException;

/**
 * Tells a failure that retrying later may cure (the database busy, unreachable or its pool exhausted) from a bug,
 * so the edge answers 503 with {@code Retry-After} for the first and 500 only for the second. HikariCP's pool
 * timeout ("Connection is not available, request timed out") is an {@link SQLTransientException} that often carries
 * no SQL state at all, so the class counts as much as the state does.
 */
final class TransientFailures {

    private TransientFailures() {
    }

    /** True when {@code e} or one of its causes is a transient database failure. */
    static boolean isTransient(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof DatabaseException d && d.isTransient()) {
                return true;
            }
            if (t instanceof SQLTransientException) {
                return true;
            }
            if (t instanceof SQLException q && q.getSQLState() != null && q.getSQLState().startsWith("08")) {
                // connection exceptions (SQL standard class 08): the database could not be reached
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
