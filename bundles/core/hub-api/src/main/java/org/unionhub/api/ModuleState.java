package org.unionhub.api;

/**
 * One installed module as the hub sees it.
 *
 * @param state  ACTIVE (serving), STARTING (bundle up, services not yet), FAILED (e.g. a migration failed)
 * @param detail why it is not ACTIVE, or the module's own health detail
 */
public record ModuleState(String id, String name, String version, String state, String restRoot,
        ModuleHealth health, String detail) {

    public static final String ACTIVE = "ACTIVE";
    public static final String STARTING = "STARTING";
    public static final String FAILED = "FAILED";
}
