package org.unionhub.web.internal;

import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import javax.annotation.Priority;
import javax.annotation.security.DenyAll;
import javax.annotation.security.PermitAll;
import javax.annotation.security.RolesAllowed;
import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Priorities;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.ResourceInfo;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ServiceScope;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;
import org.unionhub.api.security.Authenticator;
import org.unionhub.api.security.Caller;
import org.unionhub.api.security.TooManyAttempts;

/**
 * Authentication (HTTP Basic through the hub's JAAS realm, or a bearer token) and role checks for every
 * resource of every module. A method marked {@code @PermitAll} is open; {@code @RolesAllowed} needs one of
 * its roles; with neither, any signed-in account will do. Method annotations win over class ones.
 *
 * <p>A 401 carries {@code WWW-Authenticate: Basic} only for callers that are not scripts of a web page: a request
 * with {@code X-Requested-With} (the console sends it; a cross-site page cannot without a CORS preflight) gets no
 * challenge, so a browser never pops up its password dialog nor starts caching Basic credentials that a cross-site
 * form could ride on. A sign-in that is throttled answers 429 with {@code Retry-After}, before any password hash.
 */
// one instance per application: CXF injects the @Context proxy per application, so a shared instance would see only one
@Component(service = ContainerRequestFilter.class, scope = ServiceScope.PROTOTYPE)
@JaxrsExtension
@JaxrsApplicationSelect("(unionhub.app=true)")
@JaxrsName("unionhub.auth")
@JSONRequired
@Priority(Priorities.AUTHENTICATION)
public class AuthFilter implements ContainerRequestFilter {

    static final String REALM = "Basic realm=\"UnionHub\"";

    private final Authenticator authenticator;

    @Context
    private ResourceInfo resourceInfo;

    /** For the client's address: sign-in failures are throttled per address too. */
    @Context
    private HttpServletRequest servletRequest;

    @Activate
    public AuthFilter(@Reference Authenticator authenticator) {
        this.authenticator = authenticator;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        Caller caller = Caller.ANONYMOUS;
        if (header != null && !header.isBlank()) {
            Optional<Caller> found;
            try {
                found = authenticate(header.trim(), servletRequest == null ? null : servletRequest.getRemoteAddr());
            } catch (TooManyAttempts e) {
                request.abortWith(Response.fromResponse(Problem.response(429, e.title(), e.detail(), List.of()))
                        .header("Retry-After", Long.toString(e.retryAfterSeconds())).build());
                return;
            }
            if (found.isEmpty()) {
                request.abortWith(unauthorized(request, "the credentials are wrong, expired or unreadable"));
                return;
            }
            caller = found.get();
            request.setSecurityContext(new CallerContext(caller, request.getSecurityContext().isSecure(),
                    header.regionMatches(true, 0, "Bearer", 0, 6) ? "Bearer" : SecurityContext.BASIC_AUTH));
        }
        authorize(request, caller);
    }

    private void authorize(ContainerRequestContext request, Caller caller) {
        Method method = resourceInfo == null ? null : resourceInfo.getResourceMethod();
        if (method == null) {
            return; // no resource matched: the 404/405 that follows needs no role
        }
        Class<?> type = resourceInfo.getResourceClass();
        if (method.isAnnotationPresent(DenyAll.class)) {
            request.abortWith(Problem.response(403, "Forbidden", "this operation is not allowed", List.of()));
            return;
        }
        if (method.isAnnotationPresent(PermitAll.class)) {
            return;
        }
        RolesAllowed roles = method.getAnnotation(RolesAllowed.class);
        if (roles == null && !method.isAnnotationPresent(PermitAll.class)) {
            if (type.isAnnotationPresent(PermitAll.class)) {
                return;
            }
            roles = type.getAnnotation(RolesAllowed.class);
        }
        if (caller.isAnonymous()) {
            request.abortWith(unauthorized(request, "sign in: HTTP Basic or a bearer token from POST /api/auth/token"));
            return;
        }
        if (roles != null && !caller.hasAnyRole(roles.value())) {
            request.abortWith(Problem.response(403, "Forbidden",
                    "requires role " + String.join(" or ", roles.value()), List.of()));
        }
    }

    /** 401; the Basic challenge only for callers that are not a web page's scripts (see the class comment). */
    static Response unauthorized(ContainerRequestContext request, String detail) {
        Response problem = Problem.response(401, "Unauthorized", detail, List.of());
        if (request.getHeaderString("X-Requested-With") != null) {
            return problem;
        }
        return Response.fromResponse(problem).header(HttpHeaders.WWW_AUTHENTICATE, REALM).build();
    }

    private Optional<Caller> authenticate(String header, String address) {
        return caller(authenticator, header, address);
    }

    /** The caller an {@code Authorization} header names (Bearer or Basic), if its credentials hold. */
    static Optional<Caller> caller(Authenticator authenticator, String header, String address) {
        if (header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return authenticator.bearer(header.substring(7).trim());
        }
        if (header.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String pair = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
                int colon = pair.indexOf(':');
                if (colon <= 0) {
                    return Optional.empty();
                }
                return authenticator.login(pair.substring(0, colon), pair.substring(colon + 1), address);
            } catch (IllegalArgumentException badBase64) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    record CallerContext(Caller caller, boolean secure, String scheme) implements SecurityContext {
        @Override
        public Principal getUserPrincipal() {
            return caller;
        }

        @Override
        public boolean isUserInRole(String role) {
            return caller.hasRole(role);
        }

        @Override
        public boolean isSecure() {
            return secure;
        }

        @Override
        public String getAuthenticationScheme() {
            return scheme;
        }
    }
}
