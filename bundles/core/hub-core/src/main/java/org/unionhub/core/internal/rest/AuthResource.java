package org.unionhub.core.internal.rest;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.annotation.security.PermitAll;
import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.unionhub.api.FieldError;
import org.unionhub.api.HubException;
import org.unionhub.api.Validation;
import org.unionhub.api.security.Authenticator;
import org.unionhub.api.security.Caller;
import org.unionhub.api.security.TooManyAttempts;
import org.unionhub.api.web.Requests;
import org.unionhub.api.web.Returns;
import org.unionhub.api.validation.MaxLength;

/**
 * Sign-in: trade a user name and password (JSON or Basic) for a bearer token. A token never mints another one
 * (a stolen token must not outlive its own expiry); {@code DELETE /auth/tokens} signs out everywhere.
 */
@Component(service = AuthResource.class)
@JaxrsResource
@JaxrsApplicationSelect("(osgi.jaxrs.name=unionhub.core)")
@JSONRequired
@Path("auth")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AuthResource {

    public record Credentials(@MaxLength(64) String username, @MaxLength(128) String password) {
    }

    public record TokenResponse(String token, String tokenType, Instant expiresAt, String username, Set<String> roles,
            Long orgId, Long memberId) {
    }

    private final Authenticator authenticator;

    @Activate
    public AuthResource(@Reference Authenticator authenticator) {
        this.authenticator = authenticator;
    }

    @POST
    @Path("token")
    @PermitAll
    @Returns(value = TokenResponse.class, status = 201)
    public Response token(Credentials body, @Context SecurityContext sc, @Context HttpServletRequest http) {
        Caller caller = Requests.caller(sc);
        if (!caller.isAnonymous() && "Bearer".equals(sc.getAuthenticationScheme())) {
            throw new HubException(403, "Forbidden", "a bearer token cannot mint tokens: send the user name and password",
                    List.of(new FieldError("password", "is required to get a token")));
        }
        if (caller.isAnonymous()) {
            Validation v = new Validation();
            v.required("username", body == null ? null : body.username());
            v.required("password", body == null ? null : body.password());
            v.throwIfInvalid();
            try {
                caller = authenticator.login(body.username(), body.password(), http == null ? null : http.getRemoteAddr())
                        .orElseThrow(() -> new HubException(401, "Unauthorized", "wrong user name or password"));
            } catch (TooManyAttempts e) {
                Map<String, Object> problem = new LinkedHashMap<>();
                problem.put("type", "about:blank");
                problem.put("title", e.title());
                problem.put("status", 429);
                problem.put("detail", e.detail());
                problem.put("errors", List.of());
                return Response.status(429).type("application/problem+json").header("Retry-After", e.retryAfterSeconds())
                        .entity(problem).build();
            }
        }
        Authenticator.Token t = authenticator.issueToken(caller);
        return Response.status(201).entity(new TokenResponse(t.token(), "Bearer", t.expiresAt(), caller.username(),
                caller.roles(), caller.orgId(), caller.memberId())).build();
    }

    @DELETE
    @Path("token")
    @Returns(value = Void.class, status = 204)
    public Response revoke(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            authenticator.revoke(authorization.substring(7).trim());
        }
        return Response.noContent().build();
    }

    /** Signs the caller out everywhere: every token of the account is withdrawn. */
    @DELETE
    @Path("tokens")
    public Response revokeAll(@Context SecurityContext sc) {
        authenticator.revokeAll(Requests.caller(sc).username());
        return Response.noContent().build();
    }
}
