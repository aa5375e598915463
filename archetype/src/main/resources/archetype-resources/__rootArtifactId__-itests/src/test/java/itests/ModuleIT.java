package ${package}.itests;

import static java.nio.file.StandardCopyOption.REPLACE_EXISTING;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.Before;
import org.junit.Test;
import org.ops4j.pax.exam.Option;
import org.unionhub.testkit.HubTestSupport;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * ${moduleName} in the real hub distribution. The hub boots without the module (features() is the core only);
 * before the first test the module's KAR is dropped into deploy/, as an administrator would, and every test then
 * talks HTTP to it with the demo accounts (admin; officer, bound to organisation 2).
 *
 * <p>To boot a hub with the module already installed instead, override features() with
 * {"unionhub-core", "unionhub-${moduleId}"} and add its feature repository in extraOptions() with
 * featureRepository("mvn:${groupId}/${rootArtifactId}-feature/&lt;version&gt;/xml/features"): that needs the
 * module installed in the local Maven repository first (mvn install).
 */
public class ModuleIT extends HubTestSupport {

    private static final String MODULE = "${moduleId}";
    private static final String KAR = "module.kar";
    private static final long OFFICERS_ORG = 2;

    /** The test JVM knows where the KAR is; the container gets it as a system property. */
    @Override
    protected Option[] extraOptions() {
        return new Option[] {systemProperty(KAR).value(System.getProperty(KAR))};
    }

    @Before
    public void deployTheKarOnce() throws Exception {
        if (!listedActive()) {
            Path kar = Path.of(System.getProperty(KAR));
            Files.copy(kar, Path.of(System.getProperty("karaf.base"), "deploy", kar.getFileName().toString()), REPLACE_EXISTING);
        }
        long deadline = System.currentTimeMillis() + 180_000;
        int inARow = 0;
        // three good answers in a row: the REST whiteboard rebuilds its application while resources arrive
        while (inARow < 3) {
            if (System.currentTimeMillis() > deadline) {
                fail("the module did not come up from its KAR within 180 s: " + get("/api/health", null).raw());
            }
            boolean up = listedActive() && get("/api/" + MODULE + "/items", "admin").status() == 200;
            inARow = up ? inARow + 1 : 0;
            Thread.sleep(250);
        }
    }

    private boolean listedActive() throws Exception {
        Resp modules = get("/api/modules", null);
        if (modules.status() != 200) {
            return false;
        }
        for (JsonNode m : modules.json()) {
            if (MODULE.equals(m.path("id").asText())) {
                return "ACTIVE".equals(m.path("state").asText());
            }
        }
        return false;
    }

    @Test
    public void theKarInstallsTheModuleIntoTheRunningHub() throws Exception {
        assertTrue(listedActive());
        assertEquals("ACTIVE", get("/api/health", null).expect(200).json().path("modules").path(MODULE).path("state").asText());
        assertTrue("feature unionhub-" + MODULE + " installed by the KAR",
                featuresService.isInstalled(featuresService.getFeature("unionhub-" + MODULE)));
    }

    @Test
    public void anOfficerCreatesAnItemAndReadsItBack() throws Exception {
        String title = "IT item " + System.nanoTime();
        Resp created = post("/api/" + MODULE + "/items", "officer", obj("orgId", OFFICERS_ORG, "title", title, "note", "from the IT"))
                .expect(201);
        long id = created.id();
        String location = created.header("Location");
        assertEquals("/api/" + MODULE + "/items/" + id, URI.create(location).getPath());

        JsonNode item = get(URI.create(location).getPath(), "officer").expect(200).json();
        assertEquals(title, item.path("title").asText());
        assertEquals(OFFICERS_ORG, item.path("orgId").asLong());
        assertEquals("officer", item.path("createdBy").asText());
        assertTrue(get("/api/" + MODULE + "/items?orgId=" + OFFICERS_ORG + "&limit=5", "officer").expect(200)
                .json().path("total").asLong() >= 1);
    }

    @Test
    public void badInputIsAProblemThatNamesTheField() throws Exception {
        assertProblem(post("/api/" + MODULE + "/items", "officer", obj("orgId", OFFICERS_ORG, "title", " ")), 422, "title");
        assertProblem(post("/api/" + MODULE + "/items", "officer", obj("title", "no organisation")), 422, "orgId");
        String title = "Twice " + System.nanoTime();
        post("/api/" + MODULE + "/items", "admin", obj("orgId", OFFICERS_ORG, "title", title)).expect(201);
        assertProblem(post("/api/" + MODULE + "/items", "admin", obj("orgId", OFFICERS_ORG, "title", title)), 409, "title");
    }

    @Test
    public void rolesAndOrganisationsAreEnforced() throws Exception {
        assertProblem(get("/api/" + MODULE + "/items", null), 401, null);
        assertProblem(get("/api/" + MODULE + "/items", "member"), 403, null);
        assertProblem(post("/api/" + MODULE + "/items", "officer", obj("orgId", 1, "title", "above me")), 403, null);
        assertProblem(get("/api/" + MODULE + "/items/987654321", "admin"), 404, null);
    }
}
