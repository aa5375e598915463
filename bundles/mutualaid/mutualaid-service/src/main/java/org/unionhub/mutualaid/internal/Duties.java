package org.unionhub.mutualaid.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.unionhub.api.FieldError;
import org.unionhub.api.HubException;
import org.unionhub.api.db.Sql;
import org.unionhub.api.security.Caller;

/**
 * Separation of duties on one claim, read from the claim's recorded steps (who moved it to which status). Called
 * inside the step's transaction after its conditional status update, so the claim row is locked and a concurrent
 * step of the same claim has either committed (and is seen) or waits.
 */
final class Duties {

    private Duties() {
    }

    /** Who took each duty on the claim so far (the latest actor of each). */
    static Map<Duty, String> taken(Connection c, long claimId) throws SQLException {
        Map<Duty, String> by = new EnumMap<>(Duty.class);
        List<String[]> steps = Sql.list(c, "SELECT FROM_STATUS, TO_STATUS, ACTOR FROM MUTUALAID_CLAIM_STEP WHERE CLAIM_ID = ? "
                + "ORDER BY ID", rs -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)}, claimId);
        for (String[] s : steps) {
            Duty d = Duty.of(s[0], s[1]);
            if (d != null) {
                by.put(d, s[2]);
            }
        }
        return by;
    }

    /** The duty the caller already took on this claim that keeps him from taking {@code duty}, or null. */
    static Duty conflicting(Map<Duty, String> taken, Caller caller, Duty duty) {
        for (Map.Entry<Duty, String> e : taken.entrySet()) {
            if (e.getKey() != duty && e.getValue().equals(caller.username())) {
                return e.getKey();
            }
        }
        return null;
    }

    /** Refuses (403, field {@code status}) a caller who already took another duty on the claim. */
    static void require(Connection c, long claimId, Caller caller, Duty duty) throws SQLException {
        Duty other = conflicting(taken(c, claimId), caller, duty);
        if (other != null) {
            String message = "SEPARATE_DUTIES: " + caller.username() + " did the " + other.label + " of claim " + claimId
                    + "; its " + duty.label + " must be done by someone else";
            throw new HubException(403, "Separate duties", message, List.of(new FieldError("status", message)));
        }
    }
}
