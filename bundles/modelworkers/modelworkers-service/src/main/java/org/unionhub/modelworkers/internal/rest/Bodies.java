package org.unionhub.modelworkers.internal.rest;

import java.io.InputStream;
import java.net.URI;

import javax.ws.rs.core.UriInfo;

import org.unionhub.api.HubException;
import org.unionhub.api.upload.Uploads;

final class Bodies {

    static final String CSV = "text/csv";

    private Bodies() {
    }

    /**
     * Reads at most {@code max + 1} bytes, so that the service can tell "too large" without reading it all; it
     * checks the size after the rules that come first (an unknown checklist item is named before the size).
     */
    static byte[] read(InputStream in, int max) {
        return Uploads.readUpTo(in, max + 1L,
                e -> HubException.badRequest("body", "the upload could not be read: " + e.getMessage()));
    }

    static URI location(UriInfo uri, String path) {
        return uri.getBaseUriBuilder().path(path).build();
    }
}
