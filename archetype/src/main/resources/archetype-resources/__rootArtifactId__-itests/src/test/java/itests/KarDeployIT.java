package ${package}.itests;

import static java.nio.file.StandardCopyOption.REPLACE_EXISTING;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.Test;
import org.ops4j.pax.exam.Option;
import org.unionhub.testkit.HubTestSupport;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Deploying as an administrator does: a hub that runs without the module gets the KAR in its deploy/ folder,
 * and the module appears in /api/modules and serves.
 */
public class KarDeployIT extends HubTestSupport {

    private static final String KAR = "module.kar";

    /** The test JVM knows where the KAR is; the container gets it as a system property. */
    @Override
    protected Option[] extraOptions() {
        return new Option[] {systemProperty(KAR).value(System.getProperty(KAR))};
    }

    @Test
    public void theKarInstallsTheModuleIntoTheRunningHub() throws Exception {
        assertTrue("not there before the KAR", !listedActive());
        Path kar = Path.of(System.getProperty(KAR));
        Files.copy(kar, Path.of(System.getProperty("karaf.base"), "deploy", kar.getFileName().toString()), REPLACE_EXISTING);

        long deadline = System.currentTimeMillis() + 180_000;
        int inARow = 0;
        // three good answers in a row: the REST whiteboard rebuilds its application while resources arrive
        while (inARow < 3) {
            if (System.currentTimeMillis() > deadline) {
                fail("the module did not come up from its KAR within 180 s: " + get("/api/health", null).raw());
            }
            boolean up = listedActive() && get(ModuleIT.ITEMS, "admin").status() == 200;
            inARow = up ? inARow + 1 : 0;
            Thread.sleep(250);
        }
        post(ModuleIT.ITEMS, "admin", obj("orgId", 2, "title", "deployed " + System.nanoTime())).expect(201);
        assertTrue("feature unionhub-" + ModuleIT.MODULE + " installed by the KAR",
                featuresService.isInstalled(featuresService.getFeature("unionhub-" + ModuleIT.MODULE)));
    }

    private boolean listedActive() throws Exception {
        Resp modules = get("/api/modules", null);
        if (modules.status() != 200) {
            return false;
        }
        for (JsonNode m : modules.json()) {
            if (ModuleIT.MODULE.equals(m.path("id").asText())) {
                return "ACTIVE".equals(m.path("state").asText());
            }
        }
        return false;
    }
}
