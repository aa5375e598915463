package org.unionhub.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;

import javax.ws.rs.core.Response;

import org.junit.jupiter.api.Test;
import org.unionhub.api.security.Authenticator;
import org.unionhub.api.security.Caller;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A 406 tells only a signed-in caller, or anyone on an open operation, that the media type is not offered. */
class SignInFirstTest {

    private static final Caller OFFICER = new Caller("officer", Set.of("officer"), 2L, null);

    /** One account, officer/officer: the hub's own authenticator needs a database. */
    private static final Authenticator ONE_ACCOUNT = new Authenticator() {
        public Optional<Caller> login(String username, String password) {
            return login(username, password, null);
        }

        public Optional<Caller> login(String username, String password, String address) {
            return "officer".equals(username) && "officer".equals(password) ? Optional.of(OFFICER) : Optional.empty();
        }

        public Optional<Caller> bearer(String token) {
            return "good".equals(token) ? Optional.of(OFFICER) : Optional.empty();
        }

        public Token issueToken(Caller caller) {
            throw new UnsupportedOperationException();
        }

        public void revoke(String token) {
        }

        public void revokeAll(String username) {
        }
    };

    private final JsonNode doc = document();

    @Test
    void nobodySignedInGets401OnAnOperationThatNeedsAnAccount() {
        Response r = SignInFirst.instead(doc, asked("/orgs/7", null, false), ONE_ACCOUNT);
        assertNotNull(r);
        assertEquals(401, r.getStatus());
        assertEquals(AuthFilter.REALM, r.getHeaderString("WWW-Authenticate"));
        assertEquals(401, SignInFirst.instead(doc, asked("/orgs", basic("officer:wrong"), false), ONE_ACCOUNT)
                .getStatus());
        assertEquals(401, SignInFirst.instead(doc, asked("/orgs", "Bearer stale", false), ONE_ACCOUNT).getStatus());
        assertNull(SignInFirst.instead(doc, asked("/orgs", "Bearer stale", true), ONE_ACCOUNT)
                .getHeaderString("WWW-Authenticate"));
        // a path the document does not know tells nothing either
        assertEquals(401, SignInFirst.instead(doc, asked("/secret", null, false), ONE_ACCOUNT).getStatus());
    }

    @Test
    void aSignedInCallerOrAnOpenOperationKeepsThe406() {
        assertNull(SignInFirst.instead(doc, asked("/orgs", basic("officer:officer"), false), ONE_ACCOUNT));
        assertNull(SignInFirst.instead(doc, asked("/orgs/7", "Bearer good", false), ONE_ACCOUNT));
        assertNull(SignInFirst.instead(doc, asked("/health", null, false), ONE_ACCOUNT));
    }

    private static SignInFirst.Asked asked(String path, String authorization, boolean scripted) {
        return new SignInFirst.Asked(path, "GET", authorization, scripted, "127.0.0.1");
    }

    private static String basic(String pair) {
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    private static JsonNode document() {
        try {
            return new ObjectMapper().readTree("{\"paths\":{"
                    + "\"/health\":{\"get\":{\"security\":[{}]}},"
                    + "\"/orgs\":{\"get\":{\"security\":[{\"basic\":[]},{\"bearer\":[]}]}},"
                    + "\"/orgs/{id}\":{\"get\":{\"security\":[{\"basic\":[]},{\"bearer\":[]}]}}}}");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
