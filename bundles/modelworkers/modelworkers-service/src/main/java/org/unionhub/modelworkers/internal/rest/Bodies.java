package org.unionhub.modelworkers.internal.rest;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;

import javax.ws.rs.core.UriInfo;

import org.unionhub.api.HubException;

final class Bodies {

    static final String CSV = "text/csv";

    private Bodies() {
    }

    /** Reads at most {@code max + 1} bytes, so that the service can tell "too large" without reading it all. */
    static byte[] read(InputStream in, int max) {
        if (in == null) {
            return new byte[0];
        }
        try (InputStream body = in) {
            return body.readNBytes(max + 1);
        } catch (IOException e) {
            throw HubException.badRequest("body", "the upload could not be read: " + e.getMessage());
        }
    }

    static URI location(UriInfo uri, String path) {
        return uri.getBaseUriBuilder().path(path).build();
    }
}
