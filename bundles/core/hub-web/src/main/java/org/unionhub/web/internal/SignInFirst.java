package org.unionhub.web.internal;

import java.util.List;
import java.util.Optional;

import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.Response;

import org.unionhub.api.security.Authenticator;
import org.unionhub.api.security.Caller;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * CXF decides a 406 while it picks the resource method, before the authentication filter runs; answered as is, it
 * would tell a caller who has not signed in that the operation exists and what it does not speak. So a 406 stays a
 * 406 only for an operation open to anyone or a caller whose credentials hold; everyone else gets the 401 the
 * operation would have answered with an acceptable {@code Accept}.
 */
final class SignInFirst {

    private SignInFirst() {
    }

    /** The request as far as this decision needs it. */
    record Asked(String path, String method, String authorization, boolean scripted, String address) {
    }

    /** The 401 to answer instead of a 406, or null when the 406 stands. */
    static Response instead(JsonNode document, Asked asked, Authenticator authenticator) {
        if (document != null && AllowedMethods.isOpen(document, asked.path(), asked.method())) {
            return null;
        }
        String header = asked.authorization();
        if (header != null && !header.isBlank() && authenticator != null) {
            Optional<Caller> caller = AuthFilter.caller(authenticator, header.trim(), asked.address());
            if (caller.isPresent()) {
                return null;
            }
        }
        Response problem = Problem.response(401, "Unauthorized",
                header == null || header.isBlank() ? "sign in: HTTP Basic or a bearer token from POST /api/auth/token"
                        : "the credentials are wrong, expired or unreadable", List.of());
        return asked.scripted() ? problem
                : Response.fromResponse(problem).header(HttpHeaders.WWW_AUTHENTICATE, AuthFilter.REALM).build();
    }
}
