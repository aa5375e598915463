package org.unionhub.jobfairs.internal.rest;

import org.unionhub.api.HubException;

final class Bodies {

    private Bodies() {
    }

    /** JAX-RS passes null for an empty body; answer 400 rather than fail later. */
    static <T> T require(T body) {
        if (body == null) {
            throw HubException.badRequest("body", "a JSON object is required");
        }
        return body;
    }
}
