package org.unionhub.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.After;
import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A fresh install per shipped region profile, set up with {@code bin/setup --profile <region>} and started
 * with every Maven repository out of reach. Right after the first 200 from {@code /api/health}, with no pause,
 * every module of the profile answers its list and is in {@code /api/modules} (health means ready). Exactly
 * the profile's modules answer — in {@code /api/modules},
 * in the OpenAPI document, in the console menu — and the other modules have no tables at all. On one of the
 * installs an administrator then enables a module outside the profile and swaps a policy, still offline.
 */
public class ProfilesIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> REST_ROOTS = Map.of("fairs", "/fairs", "jobfairs", "/jobfairs",
            "recuperation", "/recuperation", "mutualaid", "/mutual-aid", "modelworkers", "/model-workers");
    private static final Map<String, String> LISTS = Map.of("fairs", "/fairs", "jobfairs", "/jobfairs",
            "recuperation", "/recuperation/sanatoriums", "mutualaid", "/mutual-aid/plans", "modelworkers", "/model-workers/records");
    private ExternalHub hub;

    @After
    public void stop() throws Exception {
        if (hub != null) {
            hub.stop();
        }
    }

    @Test
    public void xiamen() throws Exception {
        install("xiamen", Set.of("fairs", "jobfairs"), null);
    }

    @Test
    public void zhejiang() throws Exception {
        install("zhejiang", Set.of("recuperation", "mutualaid", "modelworkers"), "zhejiang");
    }

    @Test
    public void guizhou() throws Exception {
        install("guizhou", Set.of("mutualaid", "modelworkers", "jobfairs"), null);
    }

    @Test
    public void all() throws Exception {
        install("all", REST_ROOTS.keySet(), "innermongolia");
    }

    /** Inner Mongolia, then offline administration: enable a module from the system repository and swap a policy. */
    @Test
    public void innerMongoliaThenEnableAndSwapOffline() throws Exception {
        install("innermongolia", Set.of("recuperation", "modelworkers"), "innermongolia");

        HttpResponse<String> enabled = hub.send("POST", "/api/admin/modules", "admin:admin",
                "{\"action\":\"enable\",\"module\":\"fairs\"}");
        assertEquals(enabled.body(), 200, enabled.statusCode());
        HttpResponse<String> swapped = hub.send("POST", "/api/admin/modules", "admin:admin",
                "{\"action\":\"swap\",\"module\":\"recuperation\",\"policy\":\"zhejiang\"}");
        assertEquals(swapped.body(), 200, swapped.statusCode());
        awaitModules(Set.of("recuperation", "modelworkers", "fairs"));
        assertEquals("zhejiang", activePolicy("recuperation"));
        assertEquals(200, hub.send("GET", "/api/fairs", "admin:admin", null).statusCode());
        String cfg = Files.readString(hub.home.resolve("etc/org.unionhub.modules.cfg"));
        assertTrue("the change is written back: " + cfg, cfg.contains("fairs") && cfg.contains("recuperation:zhejiang"));
    }

    private void install(String profile, Set<String> modules, String policy) throws Exception {
        hub = ExternalHub.unpack("profile-" + profile);
        hub.offline();
        assertFalse("no remote repository is left", Files.readAllLines(hub.home.resolve("etc/org.ops4j.pax.url.mvn.cfg"))
                .stream().anyMatch(line -> !line.trim().startsWith("#") && line.contains("://")));
        hub.setup("--profile", profile, "--region-code", "000000");
        hub.startUntilReady();
        for (String m : modules) {
            int status = hub.send("GET", "/api" + LISTS.get(m), "admin:admin", null).statusCode();
            assertEquals(m + " answers right after the first 200 from /api/health in " + profile, 200, status);
        }

        Set<String> listed = new TreeSet<>();
        for (JsonNode m : json("/api/modules")) {
            listed.add(m.path("id").asText());
        }
        assertEquals("/api/modules of " + profile, new TreeSet<>(modules), listed);

        JsonNode paths = json("/api/openapi.json").path("paths");
        Set<String> console = new TreeSet<>();
        for (JsonNode e : json("/api/console/extensions")) {
            console.add(e.path("moduleId").asText());
        }
        for (Map.Entry<String, String> m : REST_ROOTS.entrySet()) {
            boolean chosen = modules.contains(m.getKey());
            boolean documented = false;
            for (var it = paths.fieldNames(); it.hasNext();) {
                documented |= it.next().startsWith(m.getValue());
            }
            assertEquals(m.getKey() + " in the OpenAPI document of " + profile, chosen, documented);
            assertEquals(m.getKey() + " in the console menu of " + profile, chosen, console.contains(m.getKey()));
            assertEquals(m.getKey() + " answers in " + profile, chosen ? 200 : 404,
                    hub.send("GET", "/api" + LISTS.get(m.getKey()), "admin:admin", null).statusCode());
            JsonNode tables = json("/api/admin/modules/" + m.getKey() + "/impact").path("dataKept");
            assertEquals(m.getKey() + " tables in " + profile + ": " + tables, chosen, tables.size() > 0);
        }
        if (policy != null) {
            assertEquals(policy, activePolicy("recuperation"));
        }
    }

    private void awaitModules(Set<String> modules) throws Exception {
        long deadline = System.currentTimeMillis() + 120_000;
        String last = "";
        while (System.currentTimeMillis() < deadline) {
            HttpResponse<String> health = hub.get("/api/health");
            last = health.body();
            if (modules.stream().allMatch(m -> health.body().contains("\"" + m + "\":{\"state\":\"ACTIVE\""))) {
                return;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("modules " + modules + " not ACTIVE: " + last);
    }

    private String activePolicy(String module) throws Exception {
        for (JsonNode m : json("/api/admin/modules").path("modules")) {
            if (module.equals(m.path("id").asText())) {
                return m.path("activePolicy").asText(null);
            }
        }
        return null;
    }

    private JsonNode json(String path) throws Exception {
        HttpResponse<String> r = hub.send("GET", path, "admin:admin", null);
        assertEquals(path + ": " + r.body(), 200, r.statusCode());
        return JSON.readTree(r.body());
    }
}
