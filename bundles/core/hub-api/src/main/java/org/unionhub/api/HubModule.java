package org.unionhub.api;

import java.util.Set;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * The descriptor a service module registers as an OSGi service; the hub lists installed modules from these.
 * Modules implement it, so it is a consumer type: adding a default method stays compatible with them.
 */
@ConsumerType
public interface HubModule {

    /** Short, stable id: also the REST root {@code /api/<id>}, the table prefix and the config PID suffix. */
    String id();

    /** Human-readable name, e.g. "Union fairs". */
    String name();

    /** Where the module's REST resources live. */
    default String restRoot() {
        return "/api/" + id();
    }

    /** Roles the module adds beside admin, officer and member, e.g. "merchant". */
    default Set<String> roles() {
        return Set.of();
    }

    /** The module's own view of its health; called on every health request, so keep it cheap. */
    default ModuleHealth health() {
        return ModuleHealth.up();
    }
}
