package org.unionhub.api.personal;

import java.util.Map;

/**
 * The consent rows {@link Consents#record} wrote: the {@code GENERAL} one and one per separate sensitive consent
 * ({@code MEDICAL}, {@code ID_NUMBER} → its id). A record keeps these ids.
 */
public record ConsentRecord(long generalId, Map<String, Long> sensitiveIds) {

    public ConsentRecord {
        sensitiveIds = Map.copyOf(sensitiveIds);
    }

    /** The id of the separate consent of {@code kind}, or null when none was given. */
    public Long sensitiveId(String kind) {
        return sensitiveIds.get(kind);
    }
}
