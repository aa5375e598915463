package org.unionhub.modelworkers.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;

import org.unionhub.api.AuditLog;
import org.unionhub.api.security.Caller;
import org.unionhub.api.security.PersonalDataCipher;
import org.unionhub.api.validation.IdCardNumber;

/**
 * A nomination's ID-card number as the caller sees it: masked for officers, in full for an admin, whose every full
 * read is audited as who read which nomination's number (the nomination's id, never the number).
 */
final class IdReads {

    private IdReads() {
    }

    static String shown(Connection c, Caller caller, long nominationId, String sealed, String masked,
            PersonalDataCipher cipher, AuditLog audit) throws SQLException {
        if (sealed == null) {
            return null;
        }
        if (!caller.isAdmin()) {
            return IdCardNumber.mask(masked);
        }
        audit.record(c, caller, "modelworkers.nomination.id-read", "nomination", nominationId, Map.of("field", "idNumber"));
        return cipher.decrypt(sealed);
    }
}
