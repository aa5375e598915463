package org.unionhub.core.internal.audit;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;

import org.osgi.service.component.annotations.Component;
import org.unionhub.api.AuditLog;
import org.unionhub.api.db.Sql;
import org.unionhub.api.security.Caller;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

@Component
public class AuditLogImpl implements AuditLog {

    private static final int MAX_CHANGES = 8000;
    private final ObjectMapper json = new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .registerModule(new JavaTimeModule());

    @Override
    public void record(Connection connection, Caller caller, String action, String entity, Object entityId,
            Map<String, ?> changes) {
        String text;
        try {
            text = changes == null ? null : json.writeValueAsString(changes);
        } catch (JsonProcessingException e) {
            text = String.valueOf(changes);
        }
        if (text != null && text.length() > MAX_CHANGES) {
            text = text.substring(0, MAX_CHANGES - 3) + "...";
        }
        try {
            Sql.update(connection, "INSERT INTO HUB_AUDIT (OCCURRED_AT, ACTOR, ACTION, ENTITY, ENTITY_ID, CHANGES) VALUES (?, ?, ?, ?, ?, ?)",
                    Instant.now(), caller == null ? "system" : caller.username(), action, entity,
                    entityId == null ? null : String.valueOf(entityId), text);
        } catch (SQLException e) {
            throw new IllegalStateException("audit write failed: " + e.getMessage(), e);
        }
    }
}
