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

/**
 * Authentication (HTTP Basic through the hub's JAAS realm, or a bearer token) and role checks for every
 * resource of every module. A method marked {@code @PermitAll} is open; {@code @RolesAllowed} needs one of
 * its roles; with neither, any signed-in account will do. Method annotations win over class ones.
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

    @Activate
    public AuthFilter(@Reference Authenticator authenticator) {
        this.authenticator = authenticator;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        Caller caller = Caller.ANONYMOUS;
        if (header != null && !header.isBlank()) {
            Optional<Caller> found = authenticate(header.trim());
            if (found.isEmpty()) {
                request.abortWith(Response.fromResponse(Problem.response(401, "Unauthorized",
                        "the credentials are wrong, expired or unreadable", List.of()))
                        .header(HttpHeaders.WWW_AUTHENTICATE, REALM).build());
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
            request.abortWith(Response.fromResponse(Problem.response(401, "Unauthorized",
                    "sign in: HTTP Basic or a bearer token from POST /api/auth/token", List.of()))
                    .header(HttpHeaders.WWW_AUTHENTICATE, REALM).build());
            return;
        }
        if (roles != null && !caller.hasAnyRole(roles.value())) {
            request.abortWith(Problem.response(403, "Forbidden",
                    "requires role " + String.join(" or ", roles.value()), List.of()));
        }
    }

    private Optional<Caller> authenticate(String header) {
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
                return authenticator.login(pair.substring(0, colon), pair.substring(colon + 1));
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
