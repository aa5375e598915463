package org.unionhub.api;

/** The state a module reports about itself. */
public record ModuleHealth(Status status, String detail) {

    public enum Status { UP, DOWN }

    public static ModuleHealth up() {
        return new ModuleHealth(Status.UP, null);
    }

    public static ModuleHealth down(String detail) {
        return new ModuleHealth(Status.DOWN, detail);
    }

    public boolean isUp() {
        return status == Status.UP;
    }
}
