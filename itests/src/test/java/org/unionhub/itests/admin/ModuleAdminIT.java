package org.unionhub.itests.admin;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.BundleListener;
import org.unionhub.testkit.HubTestSupport;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Modules enabled, disabled and enabled again at runtime, through REST and the shell: the chosen set is
 * written to etc/org.unionhub.modules.cfg, data stays, endpoints come and go, and no bundle of another
 * module or of the runtime is stopped on the way.
 */
public class ModuleAdminIT extends HubTestSupport {

    @Test
    public void enableDisableAndEnableAgainKeepsTheDataAndTouchesNoOtherBundle() throws Exception {
        List<String> stopped = Collections.synchronizedList(new ArrayList<>());
        BundleListener watch = e -> {
            if (e.getType() == BundleEvent.STOPPING && !e.getBundle().getSymbolicName().startsWith("org.unionhub.mutualaid")) {
                stopped.add(e.getBundle().getSymbolicName());
            }
        };
        bundleContext.addBundleListener(watch);
        try {
            JsonNode listed = get("/api/admin/modules", "admin").expect(200).json();
            assertFalse(enabled(listed, "mutualaid"));
            assertProblem(post("/api/admin/modules", "admin", obj("action", "enable", "module", "banking")), 422, "modules");
            assertProblem(post("/api/admin/modules", "officer", obj("action", "enable", "module", "mutualaid")), 403, null);

            JsonNode change = post("/api/admin/modules", "admin", obj("action", "enable", "module", "mutualaid")).expect(200).json();
            assertTrue(change.path("installed").toString().contains("unionhub-mutualaid"));
            waitForModule("mutualaid", true);
            assertTrue(configFile().contains("modules = mutualaid") || configFile().contains("modules=mutualaid"));
            assertTrue(get("/api/openapi.json", null).json().path("paths").has("/mutual-aid/plans"));

            long plan = post("/api/mutual-aid/plans", "admin", obj("name", "运行时启停测试", "kind", "INPATIENT",
                    "periodStart", "2026-01-01", "periodEnd", "2026-12-31", "contribution", 30, "waitingDays", 0,
                    "deductible", 1000, "bands", List.of(obj("upTo", null, "ratio", 0.5)), "capPerClaim", 60000,
                    "capPerPeriod", 100000)).expect(201).id();

            JsonNode impact = get("/api/admin/modules/mutualaid/impact", "admin").expect(200).json();
            assertTrue(impact.path("dataKept").toString(), impact.path("dataKept").toString().contains("MUTUALAID_PLAN"));
            String shellOut = shell("hub:disable mutualaid");
            assertTrue(shellOut, shellOut.contains("MUTUALAID_PLAN") && shellOut.contains("Uninstalled: unionhub-mutualaid"));
            waitForModule("mutualaid", false);
            assertEquals(404, (int) unjudged(() -> get("/api/mutual-aid/plans", "admin").status()));
            assertFalse(get("/api/openapi.json", null).json().path("paths").has("/mutual-aid/plans"));
            assertFalse(configFile().contains("mutualaid"));

            assertTrue(shell("hub:enable mutualaid").contains("Installed:   unionhub-mutualaid"));
            waitForModule("mutualaid", true);
            assertEquals("运行时启停测试", get("/api/mutual-aid/plans/" + plan, "admin").expect(200).json().path("name").asText());

            assertEquals("no bundle outside the module was stopped (no refresh): " + stopped, List.of(), stopped);
            for (Bundle b : bundleContext.getBundles()) {
                if (b.getSymbolicName().startsWith("org.unionhub.") && b.getSymbolicName().contains("core")) {
                    assertEquals(b.getSymbolicName(), Bundle.ACTIVE, b.getState());
                }
            }
        } finally {
            bundleContext.removeBundleListener(watch);
        }
    }

    private String configFile() throws Exception {
        return Files.readString(Path.of(System.getProperty("karaf.etc"), "org.unionhub.modules.cfg"));
    }

    private static boolean enabled(JsonNode list, String id) {
        for (JsonNode m : list.path("modules")) {
            if (id.equals(m.path("id").asText())) {
                return m.path("enabled").asBoolean();
            }
        }
        throw new AssertionError("module " + id + " is not shipped: " + list);
    }

    private void waitForModule(String id, boolean present) throws Exception {
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            JsonNode modules = get("/api/modules", null).json();
            boolean active = false;
            for (JsonNode m : modules) {
                active |= id.equals(m.path("id").asText()) && "ACTIVE".equals(m.path("state").asText());
            }
            if (active == present && (present ? get("/api/health", null).status() == 200 : true)) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("module " + id + (present ? " did not come up" : " did not go"));
    }
}
