package ${package}.api;

import java.time.OffsetDateTime;

/** An item as the API answers it; the JSON names are these component names. */
public record Item(long id, long orgId, String title, String note, OffsetDateTime createdAt, String createdBy) {
}
