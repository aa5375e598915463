package org.unionhub.api.web;

import javax.ws.rs.core.SecurityContext;

import org.unionhub.api.security.Caller;

/** Helpers for module REST resources. */
public final class Requests {

    private Requests() {
    }

    /** The caller the hub's authentication filter established; {@link Caller#ANONYMOUS} when none. */
    public static Caller caller(SecurityContext context) {
        if (context != null && context.getUserPrincipal() instanceof Caller c) {
            return c;
        }
        return Caller.ANONYMOUS;
    }
}
