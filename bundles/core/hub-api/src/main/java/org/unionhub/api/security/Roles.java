package org.unionhub.api.security;

/** The roles the hub itself knows; modules declare more through {@code HubModule.roles()}. */
public final class Roles {

    public static final String ADMIN = "admin";
    public static final String OFFICER = "officer";
    public static final String MEMBER = "member";

    private Roles() {
    }
}
