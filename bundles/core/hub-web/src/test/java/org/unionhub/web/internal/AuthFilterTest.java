package org.unionhub.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.annotation.security.DenyAll;
import javax.annotation.security.PermitAll;
import javax.annotation.security.RolesAllowed;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.unionhub.api.security.Authenticator;
import org.unionhub.api.security.Caller;
import org.unionhub.api.security.TooManyAttempts;

/** Who may call what: the authentication filter over real HTTP in CXF, with a stand-in for the core's account service. */
class AuthFilterTest {

    private static WebStack web;
    private static final List<String> logins = new CopyOnWriteArrayList<>();

    /** The account service's contract as the filter sees it: a password, a token, a throttled name. */
    static final class Accounts implements Authenticator {
        public Optional<Caller> login(String username, String password) {
            return login(username, password, null);
        }

        public Optional<Caller> login(String username, String password, String address) {
            logins.add(username + "@" + address);
            if (username.equals("flood")) {
                throw new TooManyAttempts("too many failed sign-ins; retry in 8 s", 8);
            }
            return username.equals("officer") && password.equals("Haicang:7742")
                    ? Optional.of(new Caller("officer", Set.of("officer"), 2L, null)) : Optional.empty();
        }

        public Optional<Caller> bearer(String token) {
            return token.equals("admin-token") ? Optional.of(new Caller("admin", Set.of("admin"), null, null)) : Optional.empty();
        }

        public Token issueToken(Caller caller) {
            throw new UnsupportedOperationException();
        }

        public void revoke(String token) {
        }

        public void revokeAll(String username) {
        }
    }

    @Path("/guarded")
    @Produces(MediaType.APPLICATION_JSON)
    public static class Guarded {
        @GET
        @Path("open")
        @PermitAll
        public String open() {
            return "\"open\"";
        }

        @GET
        @Path("who")
        public String who(@Context SecurityContext security) {
            return "\"" + security.getUserPrincipal().getName() + " " + security.getAuthenticationScheme() + "\"";
        }

        @GET
        @Path("officers")
        @RolesAllowed({"officer", "admin"})
        public String officers() {
            return "\"officers\"";
        }

        @GET
        @Path("admins")
        @RolesAllowed("admin")
        public String admins() {
            return "\"admins\"";
        }

        @DELETE
        @Path("never")
        @DenyAll
        @PermitAll
        public void never() {
        }
    }

    @BeforeAll
    static void start() throws Exception {
        web = new WebStack(Set.of(new JsonProvider(), new ProblemMappers(), new AuthFilter(new Accounts()), new Guarded()));
    }

    @AfterAll
    static void stop() throws Exception {
        web.close();
    }

    private static HttpResponse<String> get(String path, String authorization, boolean script) throws Exception {
        HttpRequest.Builder r = web.to(path).GET();
        if (authorization != null) {
            r.header("Authorization", authorization);
        }
        if (script) {
            r.header("X-Requested-With", "XMLHttpRequest");
        }
        return web.send(r);
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void anOpenOperationNeedsNoSignInAndOthersAskForOne() throws Exception {
        assertEquals(200, get("/guarded/open", null, false).statusCode());
        HttpResponse<String> anonymous = get("/guarded/who", null, false);
        assertEquals(401, anonymous.statusCode());
        assertEquals("application/problem+json", anonymous.headers().firstValue("Content-Type").orElse(""));
        assertEquals("Basic realm=\"UnionHub\"", anonymous.headers().firstValue("WWW-Authenticate").orElse(""));
    }

    @Test
    void aWebPagesScriptGetsNoBasicChallengeSoTheBrowserNeverCachesCredentials() throws Exception {
        HttpResponse<String> r = get("/guarded/who", null, true);
        assertEquals(401, r.statusCode());
        assertFalse(r.headers().firstValue("WWW-Authenticate").isPresent());
    }

    @Test
    void basicAndBearerCredentialsNameTheCallerAndTheScheme() throws Exception {
        assertEquals("\"officer BASIC\"", get("/guarded/who", basic("officer", "Haicang:7742"), false).body());
        assertTrue(logins.stream().anyMatch(l -> l.startsWith("officer@127.0.0.1")), "the address is passed for throttling: " + logins);
        assertEquals("\"admin Bearer\"", get("/guarded/who", "Bearer admin-token", false).body());
        assertEquals("\"admin Bearer\"", get("/guarded/who", "bearer admin-token", false).body());
    }

    @Test
    void wrongOrUnreadableCredentialsAre401EvenOnAnOpenOperation() throws Exception {
        for (String bad : List.of(basic("officer", "wrong"), "Basic !!!not-base64", basic("officer", ""), "Basic "
                + Base64.getEncoder().encodeToString("no-colon".getBytes(StandardCharsets.UTF_8)), "Bearer nope", "Digest x")) {
            HttpResponse<String> r = get("/guarded/open", bad, false);
            assertEquals(401, r.statusCode(), bad);
            assertTrue(r.body().contains("wrong, expired or unreadable"), r.body());
        }
    }

    @Test
    void rolesAreCheckedAndAMissingRoleIsNamed() throws Exception {
        assertEquals(200, get("/guarded/officers", basic("officer", "Haicang:7742"), false).statusCode());
        assertEquals(200, get("/guarded/officers", "Bearer admin-token", false).statusCode());
        HttpResponse<String> denied = get("/guarded/admins", basic("officer", "Haicang:7742"), false);
        assertEquals(403, denied.statusCode());
        assertTrue(denied.body().contains("requires role admin"), denied.body());
        assertEquals(401, get("/guarded/admins", null, false).statusCode());
    }

    @Test
    void denyAllWinsOverEverythingElse() throws Exception {
        HttpResponse<String> r = web.send(web.to("/guarded/never").DELETE().header("Authorization", "Bearer admin-token"));
        assertEquals(403, r.statusCode());
    }

    @Test
    void aThrottledSignInIs429WithRetryAfter() throws Exception {
        HttpResponse<String> r = get("/guarded/who", basic("flood", "x"), false);
        assertEquals(429, r.statusCode());
        assertEquals("8", r.headers().firstValue("Retry-After").orElse(""));
        assertTrue(r.body().contains("retry in 8 s"), r.body());
    }
}
