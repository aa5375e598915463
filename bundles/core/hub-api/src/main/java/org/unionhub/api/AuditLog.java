package org.unionhub.api;

import java.sql.Connection;
import java.util.Map;

import org.osgi.annotation.versioning.ProviderType;
import org.unionhub.api.security.Caller;

/**
 * The hub's audit trail: who changed what, when. Pass the connection of the write's own
 * transaction so that the audit row commits or rolls back with the change itself.
 */
@ProviderType
public interface AuditLog {

    /**
     * @param action   dotted, module first: {@code fairs.application.withdraw}
     * @param entity   the kind of record, e.g. {@code application}
     * @param entityId its id
     * @param changes  the fields written, by name (serialised as JSON; keep personal data out)
     */
    void record(Connection connection, Caller caller, String action, String entity, Object entityId,
            Map<String, ?> changes);
}
