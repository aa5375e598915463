package org.unionhub.api.web;

import javax.ws.rs.core.SecurityContext;

import org.unionhub.api.HubException;
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

    /** JAX-RS passes null for an empty body: answer 400 naming {@code body} rather than fail later. */
    public static <T> T body(T body) {
        if (body == null) {
            throw HubException.badRequest("body", "a JSON object is required");
        }
        return body;
    }
}
