package ${package}.api;

import java.time.OffsetDateTime;

import org.unionhub.api.validation.Required;

/**
 * An item as the API answers it; the JSON names are these component names. {@code @Required} says the hub always
 * writes the field (its column is NOT NULL), so the document lists it as required and never null; primitives are
 * always written; {@code note} may be null.
 */
public record Item(long id, long orgId, @Required String title, String note, @Required OffsetDateTime createdAt,
        @Required String createdBy) {
}
