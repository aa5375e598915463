package org.unionhub.core.internal.db;

/** A module's schema could not be brought up to date; the module stays down. */
public class MigrationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public MigrationException(String module, Migration migration, String message) {
        super("Migration of module " + module + " failed: " + message);
    }
}
