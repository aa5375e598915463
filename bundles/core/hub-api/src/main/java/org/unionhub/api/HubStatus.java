package org.unionhub.api;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/** What is installed and whether it works: the facts behind {@code /api/health} and {@code hub:health}. */
@ProviderType
public interface HubStatus {

    List<ModuleState> modules();

    /** The database: UP when a connection answers a query within a few seconds. */
    ModuleHealth database();

    /** UP when the database and every module are up. */
    default boolean isUp() {
        return database().isUp() && modules().stream()
                .allMatch(m -> ModuleState.ACTIVE.equals(m.state()) && m.health().isUp());
    }
}
