package ${package}.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.net.URI;
import java.nio.file.Path;

import org.junit.Test;
import org.ops4j.pax.exam.Option;
import org.unionhub.testkit.HubTestSupport;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * ${moduleName} in the real hub distribution, booted with the module's feature from the KAR built in this run
 * (so {@code mvn verify} needs nothing installed). The tests talk HTTP with the demo accounts: admin; officer,
 * bound to organisation 2; member.
 *
 * <p>To boot from an installed feature repository instead, use
 * {@code featureRepository("mvn:${groupId}/${rootArtifactId}-feature/<version>/xml/features", "unionhub-${moduleId}")}.
 */
public class ModuleIT extends HubTestSupport {

    static final String MODULE = "${moduleId}";
    static final String ITEMS = "/api/" + MODULE + "/items";
    private static final long OFFICERS_ORG = 2;

    @Override
    protected String[] features() {
        return new String[] {"unionhub-core", "unionhub-" + MODULE};
    }

    @Override
    protected String[] expectedModules() {
        return new String[] {MODULE};
    }

    /** The KAR's path comes from the pom (system property module.kar). */
    @Override
    protected Option[] extraOptions() {
        return new Option[] {kar(Path.of(System.getProperty("module.kar")), "unionhub-" + MODULE)};
    }

    @Test
    public void theModuleIsActive() throws Exception {
        assertEquals("ACTIVE", get("/api/health", null).expect(200).json().path("modules").path(MODULE).path("state").asText());
        boolean listed = false;
        for (JsonNode m : get("/api/modules", null).expect(200).json()) {
            listed |= MODULE.equals(m.path("id").asText()) && "ACTIVE".equals(m.path("state").asText());
        }
        assertTrue("/api/modules lists " + MODULE + " as ACTIVE", listed);
    }

    /** The member app lists the module's screen (app/main.js in the service bundle) and serves it. */
    @Test
    public void theMemberAppHasTheModulesScreen() throws Exception {
        boolean listed = false;
        for (JsonNode e : get("/api/app/extensions", null).expect(200).json()) {
            listed |= MODULE.equals(e.path("moduleId").asText());
        }
        assertTrue("/api/app/extensions lists " + MODULE, listed);
        assertTrue(get("/m/modules/" + MODULE + "/main.js", null).expect(200).raw().contains("export const routes"));
    }

    @Test
    public void anOfficerCreatesAnItemAndReadsItBack() throws Exception {
        String title = "IT item " + System.nanoTime();
        Resp created = post(ITEMS, "officer", obj("orgId", OFFICERS_ORG, "title", title, "note", "from the IT")).expect(201);
        long id = created.id();
        String location = URI.create(created.header("Location")).getPath();
        assertEquals(ITEMS + "/" + id, location);

        JsonNode item = get(location, "officer").expect(200).json();
        assertEquals(title, item.path("title").asText());
        assertEquals(OFFICERS_ORG, item.path("orgId").asLong());
        assertEquals("officer", item.path("createdBy").asText());
        assertTrue(get(ITEMS + "?orgId=" + OFFICERS_ORG + "&limit=5", "officer").expect(200).json().path("total").asLong() >= 1);
    }

    @Test
    public void badInputIsAProblemThatNamesTheField() throws Exception {
        assertProblem(post(ITEMS, "officer", obj("orgId", OFFICERS_ORG, "title", " ")), 422, "title");
        assertProblem(post(ITEMS, "officer", obj("title", "no organisation")), 422, "orgId");
        String title = "Twice " + System.nanoTime();
        post(ITEMS, "admin", obj("orgId", OFFICERS_ORG, "title", title)).expect(201);
        assertProblem(post(ITEMS, "admin", obj("orgId", OFFICERS_ORG, "title", title)), 409, "title");
    }

    @Test
    public void rolesAndOrganisationsAreEnforced() throws Exception {
        assertProblem(get(ITEMS, null), 401, null);
        // a member (the member app's screen) reads his own union's items, and no other union's
        long own = get("/api/me", "member").expect(200).json().path("orgId").asLong(-1);
        for (JsonNode item : get(ITEMS + "?limit=100", "member").expect(200).json().path("items")) {
            assertEquals(own, item.path("orgId").asLong());
        }
        assertProblem(get(ITEMS + "?orgId=" + (own == 1 ? 2 : 1), "member"), 403, null);
        assertProblem(post(ITEMS, "officer", obj("orgId", 1, "title", "above my organisation")), 403, null);
        assertProblem(get(ITEMS + "/987654321", "admin"), 404, null);
    }
}
