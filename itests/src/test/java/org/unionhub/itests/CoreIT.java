package org.unionhub.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.util.List;

import org.junit.Test;
import org.unionhub.testkit.HubTestSupport;

import com.fasterxml.jackson.databind.JsonNode;

/** The hub runtime over HTTP: health, modules, OpenAPI, organisations, members, scoping, errors, audit, shell. */
public class CoreIT extends HubTestSupport {

    @Test
    public void healthAndModulesAnswer() throws Exception {
        JsonNode health = get("/api/health", null).expect(200).json();
        assertEquals("UP", health.path("status").asText());
        assertEquals("UP", health.path("database").path("status").asText());
        assertTrue(health.path("modules").isObject());
        JsonNode modules = get("/api/modules", null).expect(200).json();
        assertTrue("no service module installed in this container: " + modules, modules.isArray() && modules.isEmpty());
        String shell = shell("hub:health");
        assertTrue(shell, shell.contains("Hub: UP") && shell.contains("database"));
        assertTrue(shell("hub:modules").contains("REST root"));
    }

    /**
     * A resource that selects no application lands in the whiteboard's default application, outside the hub's
     * authentication: it is answered 404 there, and its path under {@code /api} is not served either.
     */
    @Test
    public void aResourceThatSelectsNoApplicationIsNotServed() throws Exception {
        java.util.Hashtable<String, Object> props = new java.util.Hashtable<>();
        props.put("osgi.jaxrs.resource", Boolean.TRUE);
        org.osgi.framework.ServiceRegistration<?> reg = bundleContext.registerService(Object.class, new Unselected(), props);
        try {
            long id = (Long) reg.getReference().getProperty("service.id");
            long until = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
            while (!inDefaultApplication(id)) {
                assertTrue("the whiteboard never took the resource into its default application", System.nanoTime() < until);
                Thread.sleep(200);
            }
            Resp there = get("/api/.default/unselected-probe", null);
            assertEquals(there.raw(), 404, there.status());
            assertTrue(there.header("Content-Type"), there.header("Content-Type").startsWith("application/problem+json"));
            assertTrue(there.raw(), there.raw().contains("selects no hub application"));
            Resp under = get("/api/unselected-probe", null);
            assertEquals(under.raw(), 404, under.status());
            assertFalse(under.raw(), "served".equals(under.raw()));
            assertFalse("documented although not served",
                    get("/api/openapi.json", null).expect(200).json().path("paths").has("/unselected-probe"));
        } finally {
            reg.unregister();
        }
    }

    @javax.ws.rs.Path("unselected-probe")
    public static class Unselected {
        @javax.ws.rs.GET
        @javax.ws.rs.Produces("text/plain")
        public String get() {
            return "served";
        }
    }

    /** Reads the whiteboard's runtime view by reflection: the probe does not import the JAX-RS runtime package. */
    private boolean inDefaultApplication(long serviceId) throws Exception {
        org.osgi.framework.ServiceReference<?> ref =
                bundleContext.getServiceReference("org.osgi.service.jaxrs.runtime.JaxrsServiceRuntime");
        Object runtime = ref == null ? null : bundleContext.getService(ref);
        if (runtime == null) {
            return false;
        }
        Class<?> type = runtime.getClass().getClassLoader().loadClass("org.osgi.service.jaxrs.runtime.JaxrsServiceRuntime");
        Object dto = type.getMethod("getRuntimeDTO").invoke(runtime);
        Object app = dto.getClass().getField("defaultApplication").get(dto);
        for (Object resource : (Object[]) app.getClass().getField("resourceDTOs").get(app)) {
            if (resource.getClass().getField("serviceId").getLong(resource) == serviceId) {
                return true;
            }
        }
        return false;
    }

    @Test
    public void openApiListsTheCoreEndpoints() throws Exception {
        JsonNode doc = get("/api/openapi.json", null).expect(200).json();
        assertEquals("3.0.3", doc.path("openapi").asText());
        for (String path : List.of("/health", "/modules", "/orgs", "/orgs/{id}", "/members", "/members/{id}", "/audit",
                "/accounts", "/auth/token")) {
            assertTrue("OpenAPI lacks " + path, doc.path("paths").has(path));
        }
        assertTrue(doc.path("paths").path("/members").has("post"));
        assertTrue(doc.path("components").path("schemas").path("HubMemberRequest").path("properties").has("idNumber"));
        Resp page = get("/api/docs", null).expect(200);
        assertTrue(page.raw().contains("openapi.json"));
    }

    @Test
    public void officerCreatesReadsAndUpdatesOrganisationsAndMembers() throws Exception {
        long haicang = orgId("海沧区总工会");
        Resp created = post("/api/orgs", "officer", obj("name", "海沧外卖骑手工会", "kind", "GRASSROOTS", "parentId", haicang))
                .expect(201);
        long org = created.id();
        assertTrue(created.header("Location").endsWith("/api/orgs/" + org));
        put("/api/orgs/" + org, "officer", obj("name", "海沧外卖骑手联合工会", "kind", "GRASSROOTS", "parentId", haicang))
                .expect(200);
        assertEquals("海沧外卖骑手联合工会", get("/api/orgs/" + org, "officer").expect(200).json().path("name").asText());

        Resp member = post("/api/members", "officer", obj("name", "赵六", "phone", "13912345678", "orgId", org,
                "employmentForm", "NEW_FORM", "newFormKind", "DELIVERY_RIDER", "cardNumber", "IT-CORE-1",
                "joinedOn", "2025-03-22", "idNumber", "440524198001010013")).expect(201);
        long id = member.id();
        assertTrue(member.header("Location").endsWith("/api/members/" + id));
        JsonNode seenByOfficer = get("/api/members/" + id, "officer").expect(200).json();
        assertEquals("**************0013", seenByOfficer.path("idNumber").asText());
        assertEquals("DELIVERY_RIDER", seenByOfficer.path("newFormKind").asText());
        assertEquals("440524198001010013", get("/api/members/" + id, "admin").expect(200).json().path("idNumber").asText());

        JsonNode changed = put("/api/members/" + id, "officer", obj("name", "赵六", "phone", "13912345679", "orgId", org,
                "employmentForm", "NEW_FORM", "newFormKind", "COURIER", "cardNumber", "IT-CORE-1",
                "idNumber", seenByOfficer.path("idNumber").asText())).expect(200).json();
        assertEquals("COURIER", changed.path("newFormKind").asText());
        assertEquals("the masked number sent back keeps the stored one", "440524198001010013",
                get("/api/members/" + id, "admin").json().path("idNumber").asText());

        JsonNode list = get("/api/members?orgId=" + org + "&newFormKind=COURIER", "officer").expect(200).json();
        assertEquals(1, list.path("total").asLong());

        JsonNode audit = get("/api/audit?entity=member&entityId=" + id, "admin").expect(200).json();
        assertEquals("create and update are audited", 2, audit.path("total").asLong());
        assertEquals("officer", audit.path("items").get(0).path("actor").asText());
    }

    @Test
    public void officersSeeOnlyTheirOwnPartOfTheTree() throws Exception {
        long port = memberId("陈建国");
        get("/api/members/" + port, "officer").expect(200);
        assertProblem(get("/api/members/" + port, "siming"), 404, null);
        long haicangUnion = orgId("厦门海沧港务有限公司工会");
        assertProblem(post("/api/members", "siming", obj("name", "钱七", "orgId", haicangUnion,
                "employmentForm", "EMPLOYEE")), 403, null);
        JsonNode simingMembers = get("/api/members", "siming").expect(200).json();
        for (JsonNode m : simingMembers.path("items")) {
            assertFalse(m.path("name").asText().equals("陈建国"));
        }
        JsonNode own = get("/api/members", "member").expect(200).json();
        assertEquals("a member sees himself only", 1, own.path("total").asLong());
    }

    @Test
    public void credentialsAndRolesAreChecked() throws Exception {
        Resp anonymous = get("/api/members", null);
        assertProblem(anonymous, 401, null);
        assertNotNull(anonymous.header("WWW-Authenticate"));
        assertProblem(send("GET", "/api/members", new Who("officer", "wrong"), null, null), 401, null);
        assertProblem(get("/api/audit", "officer"), 403, null);
        assertProblem(post("/api/orgs", "member", obj("name", "x", "kind", "GRASSROOTS", "parentId", 1)), 403, null);

        JsonNode token = post("/api/auth/token", null, obj("username", "officer", "password", "officer")).expect(201).json();
        String bearer = token.path("token").asText();
        assertEquals("Bearer", token.path("tokenType").asText());
        Resp viaToken = sendBearer("GET", "/api/members", bearer);
        assertEquals(200, viaToken.status());
        sendBearer("DELETE", "/api/auth/token", bearer);
        assertEquals("a revoked token no longer works", 401, sendBearer("GET", "/api/members", bearer).status());
    }

    @Test
    public void badInputIsRefusedWithTheFieldAndWritesNothing() throws Exception {
        long before = get("/api/members?limit=1", "admin").json().path("total").asLong();
        long auditBefore = get("/api/audit?limit=1", "admin").json().path("total").asLong();
        long org = orgId("厦门海沧港务有限公司工会");

        assertProblem(post("/api/members", "officer", "{\"name\": \"孙八\", \"orgId\": "), 400, "$");
        assertProblem(post("/api/members", "officer", obj("name", "孙八", "orgId", org, "employmentForm", "EMPLOYEE",
                "idNumber", "110105194912310021")), 422, "idNumber");
        assertProblem(post("/api/members", "officer", obj("orgId", org, "employmentForm", "EMPLOYEE")), 422, "name");
        assertProblem(post("/api/members", "officer", obj("name", "孙八", "orgId", "four", "employmentForm", "EMPLOYEE")),
                400, "orgId");
        assertProblem(post("/api/members", "officer", obj("name", "孙八", "orgId", org, "employmentForm", "BOSS")),
                400, "employmentForm");
        assertProblem(post("/api/members", "officer", obj("name", "孙八", "orgId", org, "employmentForm", "NEW_FORM")),
                422, "newFormKind");
        assertProblem(post("/api/members", "officer", obj("name", "孙八", "orgId", 999999, "employmentForm", "EMPLOYEE")),
                422, "orgId");
        assertProblem(post("/api/members", "admin", obj("name", "孙八", "orgId", org, "employmentForm", "EMPLOYEE",
                "cardNumber", "XM-0001")), 409, "cardNumber");
        assertProblem(post("/api/members", "admin", obj("name", "孙八", "orgId", org, "employmentForm", "EMPLOYEE",
                "idNumber", "11010519491231002X")), 409, "idNumber");
        assertProblem(get("/api/members/424242", "admin"), 404, null);
        assertProblem(get("/api/members?limit=100000", "admin"), 400, "limit");

        assertEquals("nothing was written", before, get("/api/members?limit=1", "admin").json().path("total").asLong());
        assertEquals("nothing was audited", auditBefore, get("/api/audit?limit=1", "admin").json().path("total").asLong());
    }

    @Test
    public void adminsManageAccountsAndMembersTheirPassword() throws Exception {
        long port = memberId("陈建国");
        Who who = account("chen.jianguo", "member", null, port);
        assertEquals(port, send("GET", "/api/accounts/me", who, null, null).expect(200).json().path("memberId").asLong());
        assertProblem(post("/api/accounts", "admin", obj("username", "x1", "password", "short", "roles", List.of("member"))),
                422, "password");
        assertProblem(post("/api/accounts", "admin", obj("username", "officer2", "password", "long-enough",
                "roles", List.of("officer"))), 422, "orgId");
        send("PUT", "/api/accounts/me/password", who, obj("currentPassword", who.password(), "newPassword", "another-secret"),
                null).expect(204);
        assertEquals(401, send("GET", "/api/accounts/me", who, null, null).status());
        assertEquals(200, send("GET", "/api/accounts/me", new Who(who.username(), "another-secret"), null, null).status());
    }

    @Test
    public void theAccountsOfOneOrganisationPageByCursorFilteredByTheServer() throws Exception {
        long haicang = orgId("海沧区总工会");
        for (String name : List.of("hc.a", "hc.b", "hc.c")) {
            account(name, "officer", haicang, null);
        }
        List<String> expected = new java.util.ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = get("/api/accounts?limit=200" + (cursor == null ? "" : "&cursor="
                    + java.net.URLEncoder.encode(cursor, "UTF-8")), "admin").expect(200).json();
            page.path("items").forEach(a -> {
                if (a.path("orgId").asLong() == haicang) {
                    expected.add(a.path("username").asText());
                }
            });
            cursor = page.path("nextCursor").isTextual() ? page.path("nextCursor").asText() : null;
        } while (cursor != null);
        assertTrue(expected.toString(), expected.containsAll(List.of("hc.a", "hc.b", "hc.c")));

        List<String> paged = new java.util.ArrayList<>();
        cursor = null;
        do {
            JsonNode page = get("/api/accounts?orgId=" + haicang + "&limit=2" + (cursor == null ? "" : "&cursor="
                    + java.net.URLEncoder.encode(cursor, "UTF-8")), "admin").expect(200).json();
            assertTrue(page.toString(), page.path("items").size() <= 2);
            page.path("items").forEach(a -> {
                assertEquals(a.toString(), haicang, a.path("orgId").asLong());
                paged.add(a.path("username").asText());
            });
            cursor = page.path("nextCursor").isTextual() ? page.path("nextCursor").asText() : null;
        } while (cursor != null);
        assertEquals("the organisation's accounts, by user name, each once", expected, paged);
        List<String> officers = names(get("/api/accounts?orgId=" + haicang + "&role=officer&limit=200", "admin"));
        assertTrue(officers.toString(), officers.containsAll(List.of("hc.a", "hc.b", "hc.c")) && expected.containsAll(officers));
        assertEquals(List.of(), names(get("/api/accounts?orgId=424242", "admin")));
        assertProblem(get("/api/accounts?orgId=abc", "admin"), 400, "orgId");
        assertEquals(403, get("/api/accounts?orgId=" + haicang, "officer").status());
    }

    private static List<String> names(Resp r) {
        List<String> out = new java.util.ArrayList<>();
        r.expect(200).json().path("items").forEach(a -> out.add(a.path("username").asText()));
        return out;
    }

    private Resp sendBearer(String method, String path, String token) throws Exception {
        var req = java.net.http.HttpRequest.newBuilder(java.net.URI.create(baseUrl() + path))
                .header("Authorization", "Bearer " + token).method(method, java.net.http.HttpRequest.BodyPublishers.noBody())
                .build();
        var r = java.net.http.HttpClient.newHttpClient().send(req, java.net.http.HttpResponse.BodyHandlers.ofString());
        return new Resp(r.statusCode(), r.body(), r.headers());
    }

    private long orgId(String namePrefix) throws Exception {
        for (JsonNode o : get("/api/orgs?limit=500", "admin").json().path("items")) {
            if (o.path("name").asText().startsWith(namePrefix)) {
                return o.path("id").asLong();
            }
        }
        throw new AssertionError("no demo organisation " + namePrefix);
    }

    private long memberId(String name) throws Exception {
        JsonNode items = get("/api/members?name=" + java.net.URLEncoder.encode(name, "UTF-8"), "admin").json().path("items");
        return items.get(0).path("id").asLong();
    }
}
