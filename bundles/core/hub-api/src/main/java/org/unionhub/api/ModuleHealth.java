package org.unionhub.api;

/**
 * The state a module reports about itself. NEEDS_CONFIGURATION: the module serves, but refuses the operations that
 * need a figure only the region can set (and the detail names the settings) until an administrator sets them.
 */
public record ModuleHealth(Status status, String detail) {

    public enum Status { UP, DOWN, NEEDS_CONFIGURATION }

    public static ModuleHealth up() {
        return new ModuleHealth(Status.UP, null);
    }

    public static ModuleHealth down(String detail) {
        return new ModuleHealth(Status.DOWN, detail);
    }

    public static ModuleHealth needsConfiguration(String detail) {
        return new ModuleHealth(Status.NEEDS_CONFIGURATION, detail);
    }

    public boolean isUp() {
        return status == Status.UP;
    }
}
