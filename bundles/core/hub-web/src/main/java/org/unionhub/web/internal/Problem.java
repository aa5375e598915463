package org.unionhub.web.internal;

import java.util.List;

import javax.ws.rs.core.Response;

import org.unionhub.api.FieldError;

/** An RFC 9457 problem document; {@code errors} lists the fields at fault. */
public record Problem(String type, String title, int status, String detail, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public static Response response(int status, String title, String detail, List<FieldError> errors) {
        return Response.status(status).type(MEDIA_TYPE)
                .entity(new Problem("about:blank", title, status, detail, errors == null ? List.of() : errors)).build();
    }
}
