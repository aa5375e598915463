package org.unionhub.itests.security;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import org.junit.Test;
import org.ops4j.pax.exam.Option;
import org.unionhub.testkit.HubTestSupport;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Issue 14 at the hub's HTTP edge, against the assembled hub: security headers, body limit, cross-site writes,
 * the Basic challenge, WADL, sign-in throttling, lockout and its audit, tokens, password rules, and what an
 * officer may learn about members of another district.
 */
public class SecurityIT extends HubTestSupport {

    private static final String PORT_MEMBER_ID_NUMBER = "11010519491231002X"; // demo member 陈建国, Haicang
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** Lock after 5 failures, and let localhost fail often: every test of this class signs in from it. */
    @Override
    protected Option[] extraOptions() {
        return new Option[] {editConfigurationFilePut("etc/org.unionhub.security.cfg", "signin.lock.after", "5"),
            editConfigurationFilePut("etc/org.unionhub.security.cfg", "signin.lock.minutes", "0"),
            editConfigurationFilePut("etc/org.unionhub.security.cfg", "signin.address.free.failures", "1000"),
            editConfigurationFilePut("etc/org.unionhub.security.cfg", "token.sweep.minutes", "1")};
    }

    @Test
    public void everyAnswerCarriesSecurityHeaders() throws Exception {
        for (String path : List.of("/api/health", "/api/no-such-thing", "/console/", "/api/docs")) {
            Resp r = raw("GET", path, null, null, null);
            assertEquals(path, "nosniff", r.header("X-Content-Type-Options"));
            assertEquals(path, "DENY", r.header("X-Frame-Options"));
            assertEquals(path, "no-referrer", r.header("Referrer-Policy"));
            assertTrue(path + ": " + r.header("Content-Security-Policy"),
                    r.header("Content-Security-Policy") != null && r.header("Content-Security-Policy").contains("frame-ancestors 'none'"));
        }
        assertEquals("no-store", get("/api/members", "officer").header("Cache-Control"));
    }

    /** Expired tokens do not pile up: the sweep (every minute here) deletes them from the database. */
    @Test
    public void expiredTokensAreSwept() throws Exception {
        account("sweep.test", "officer", orgId("海沧区总工会"), null);
        Resp token = raw("POST", "/api/auth/token", null, JSON.writeValueAsString(obj("username", "sweep.test", "password",
                "secret-sweep.test")), "application/json");
        assertTrue(token.raw(), token.status() == 200 || token.status() == 201);
        assertEquals(1, sql("UPDATE HUB_TOKEN SET EXPIRES_AT = {ts '2000-01-01 00:00:00'} WHERE USERNAME = 'sweep.test'"));
        long deadline = System.currentTimeMillis() + 150_000;
        while (sql("SELECT COUNT(*) FROM HUB_TOKEN WHERE USERNAME = 'sweep.test'") > 0) {
            assertTrue("the expired token is still in HUB_TOKEN after 150 s", System.currentTimeMillis() < deadline);
            Thread.sleep(1_000);
        }
    }

    /** Runs an update (its count) or a count query (its value) on the hub's own database. */
    private long sql(String statement) throws Exception {
        org.osgi.framework.ServiceReference<javax.sql.DataSource> ref = bundleContext
                .getServiceReferences(javax.sql.DataSource.class, "(dataSourceName=unionhub)").iterator().next();
        javax.sql.DataSource ds = bundleContext.getService(ref);
        try (java.sql.Connection c = ds.getConnection(); java.sql.Statement st = c.createStatement()) {
            if (statement.startsWith("SELECT")) {
                try (java.sql.ResultSet rs = st.executeQuery(statement)) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
            return st.executeUpdate(statement);
        } finally {
            bundleContext.ungetService(ref);
        }
    }

    @Test
    public void wadlIsNotServed() throws Exception {
        for (String path : List.of("/api/health?_wadl", "/api/members?_wadl", "/api/?_wadl")) {
            Resp r = raw("GET", path, null, null, null);
            assertProblem(r, 400, "_wadl");
            assertFalse(path, r.raw().contains("wadl.dev.java.net"));
        }
    }

    @Test
    public void largeBodiesAreRefusedBeforeTheyAreRead() throws Exception {
        String big = "{\"username\":\"" + "x".repeat(2 * 1024 * 1024) + "\",\"password\":\"y\"}";
        assertProblem(raw("POST", "/api/auth/token", null, big, "application/json"), 413, "body");
    }

    @Test
    public void crossSiteWritesAreRefused() throws Exception {
        long haicang = orgId("海沧区总工会");
        String org = JSON.writeValueAsString(obj("name", "跨站测试工会", "kind", "GRASSROOTS", "parentId", haicang));
        assertProblem(raw("POST", "/api/orgs", "officer", org, "text/plain"), 415, "Content-Type");
        assertProblem(raw("POST", "/api/orgs", "officer", "name=x", "application/x-www-form-urlencoded"), 415, "Content-Type");
        assertProblem(raw("POST", "/api/orgs", "officer", org, "application/json", "Origin", "https://evil.example"), 403, "Origin");
        String host = URI.create(baseUrl()).getAuthority();
        raw("POST", "/api/orgs", "officer", org, "application/json", "Origin", "http://" + host).expect(201);
    }

    @Test
    public void scriptsOfAPageGetNoBasicChallenge() throws Exception {
        Resp xhr = raw("GET", "/api/members", null, null, null, "X-Requested-With", "XMLHttpRequest");
        assertProblem(xhr, 401, null);
        assertNull(xhr.header("WWW-Authenticate"));
        assertNotNull(raw("GET", "/api/members", null, null, null).header("WWW-Authenticate"));
    }

    @Test
    public void failedSignInsAreThrottledAuditedAndLockTheAccount() throws Exception {
        Who who = account("lock.test", "officer", orgId("海沧区总工会"), null);
        for (int i = 0; i < 4; i++) {
            assertProblem(token(who.username(), "wrong-" + i), 401, null);
        }
        Resp throttled = token(who.username(), who.password());
        assertProblem(throttled, 429, null);
        assertNotNull("Retry-After", throttled.header("Retry-After"));
        assertEquals("Basic is throttled as well", 429,
                send("GET", "/api/accounts/me", who, null, null).status());
        Thread.sleep(1_100);
        assertProblem(token(who.username(), "wrong-5"), 401, null);
        assertProblem(token(who.username(), who.password()), 429, null);
        Thread.sleep(1_100);
        assertProblem(token(who.username(), who.password()), 429, null); // locked: time alone does not help
        JsonNode failures = get("/api/audit?action=core.signin.failure&entityId=lock.test", "admin").expect(200).json();
        assertEquals("every failed sign-in is audited, the refused-at-once ones are not attempts", 5, failures.path("total").asLong());
        assertProblem(post("/api/accounts/lock.test/unlock", "officer", obj()), 403, null);
        assertEquals(204, post("/api/accounts/lock.test/unlock", "admin", obj()).status());
        token(who.username(), who.password()).expect(201);
    }

    @Test
    public void tokensNeedAPasswordAndSignOutReachesEveryToken() throws Exception {
        Who who = account("token.test", "officer", orgId("海沧区总工会"), null);
        String first = token(who.username(), who.password()).expect(201).json().path("token").asText();
        Resp minted = raw("POST", "/api/auth/token", null, "{}", "application/json", "Authorization", "Bearer " + first);
        assertProblem(minted, 403, "password");
        String second = send("POST", "/api/auth/token", who, obj(), null).expect(201).json().path("token").asText();
        assertEquals(200, raw("GET", "/api/accounts/me", null, null, null, "Authorization", "Bearer " + second).status());
        assertEquals(204, raw("DELETE", "/api/auth/tokens", null, null, null, "Authorization", "Bearer " + first).status());
        assertEquals(401, raw("GET", "/api/accounts/me", null, null, null, "Authorization", "Bearer " + first).status());
        assertEquals(401, raw("GET", "/api/accounts/me", null, null, null, "Authorization", "Bearer " + second).status());
    }

    @Test
    public void commonPasswordsAndOwnNamesAreRefused() throws Exception {
        assertProblem(post("/api/accounts", "admin", obj("username", "weak.one", "password", "password123", "roles",
                List.of("officer"), "orgId", demoOrg("厦门市总工会"))), 422, "password");
        assertProblem(post("/api/accounts", "admin", obj("username", "weak.two", "password", "Weak.Two2025", "roles",
                List.of("officer"), "orgId", demoOrg("厦门市总工会"))), 422, "password");
        assertProblem(post("/api/accounts", "admin", obj("username", "weak.three", "password", "woaini1314", "roles",
                List.of("officer"), "orgId", demoOrg("厦门市总工会"))), 422, "password");
    }

    @Test
    public void anOfficerLearnsNothingOfAnotherDistrictsMembers() throws Exception {
        long siming = orgId("思明区软件园工会");
        Resp id = post("/api/members", "siming", obj("name", "探测", "orgId", siming, "employmentForm", "EMPLOYEE",
                "idNumber", PORT_MEMBER_ID_NUMBER));
        assertProblem(id, 409, "idNumber");
        assertFalse("names no other member: " + id.raw(), id.raw().contains("another member"));
        Resp card = post("/api/members", "siming", obj("name", "探测", "orgId", siming, "employmentForm", "EMPLOYEE",
                "cardNumber", "XM-0001"));
        assertProblem(card, 409, "cardNumber");
        assertFalse("names no other member: " + card.raw(), card.raw().contains("another member"));
        // the answer "somebody holds it" is rationed: a walk through guessed numbers stops with 429 after a few
        Who prober = account("probe.officer", "officer", orgId("思明区总工会"), null);
        int conflicts = 0;
        Resp last = null;
        for (int i = 0; i < 12; i++) {
            last = send("POST", "/api/members", prober, obj("name", "探测", "orgId", siming, "employmentForm", "EMPLOYEE",
                    "idNumber", PORT_MEMBER_ID_NUMBER), null);
            if (last.status() != 409) {
                break;
            }
            conflicts++;
        }
        assertEquals(10, conflicts);
        assertProblem(last, 429, "idNumber");
        assertNotNull(last.header("Retry-After"));
        assertProblem(send("POST", "/api/members", prober, obj("name", "新会员", "orgId", siming, "employmentForm", "EMPLOYEE",
                "idNumber", "110101199003070054"), null), 429, "idNumber");
        // the admin's single read shows the full number and is audited; lists show the last 4 characters
        long port = memberId("陈建国");
        assertEquals(PORT_MEMBER_ID_NUMBER, get("/api/members/" + port, "admin").json().path("idNumber").asText());
        assertTrue(get("/api/audit?action=core.member.read-id&entityId=" + port, "admin").json().path("total").asLong() >= 1);
        assertTrue(get("/api/members?name=" + java.net.URLEncoder.encode("陈建国", StandardCharsets.UTF_8), "admin").raw()
                .contains("**************002X"));
        assertEquals("**************002X", get("/api/members/" + port, "officer").json().path("idNumber").asText());
    }

    // ---- helpers

    private Resp token(String username, String password) throws Exception {
        return post("/api/auth/token", null, obj("username", username, "password", password));
    }

    /** A request with the demo account's Basic credentials (or none) and extra headers as name, value pairs. */
    private Resp raw(String method, String path, String demoAccount, String body, String type, String... headers)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl() + path)).timeout(Duration.ofSeconds(60));
        if (demoAccount != null) {
            b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    (demoAccount + ":" + demoAccount).getBytes(StandardCharsets.UTF_8)));
        }
        if (type != null) {
            b.header("Content-Type", type);
        }
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        HttpResponse<String> r = http.send(b.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Resp(r.statusCode(), r.body(), r.headers());
    }

    private long orgId(String prefix) throws Exception {
        for (JsonNode o : get("/api/orgs?limit=500", "admin").json().path("items")) {
            if (o.path("name").asText().startsWith(prefix)) {
                return o.path("id").asLong();
            }
        }
        throw new AssertionError("no demo organisation " + prefix);
    }

    private long memberId(String name) throws Exception {
        JsonNode items = get("/api/members?name=" + java.net.URLEncoder.encode(name, StandardCharsets.UTF_8), "admin").json()
                .path("items");
        assertEquals(1, items.size());
        return items.get(0).path("id").asLong();
    }
}
