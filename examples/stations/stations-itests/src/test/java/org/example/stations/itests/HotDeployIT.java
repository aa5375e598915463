package org.example.stations.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.Test;
import org.ops4j.pax.exam.Option;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.BundleListener;
import org.unionhub.testkit.HubTestSupport;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A hub running the fairs and mutual-aid modules, without stations. The stations KAR is dropped into
 * {@code deploy/} while clients keep calling the other modules: stations comes up and serves, and not one bundle
 * that was there before is refreshed, restarted or updated, and the other modules answer 200 throughout.
 */
public class HotDeployIT extends HubTestSupport {

    private static final List<String> OTHERS = List.of("/api/fairs", "/api/mutual-aid/plans", "/api/health");

    @Override
    protected String[] features() {
        return new String[] {"unionhub-core", "unionhub-fairs", "unionhub-mutualaid"};
    }

    @Override
    protected String[] expectedModules() {
        return new String[] {"fairs", "mutualaid"};
    }

    @Override
    protected Option[] extraOptions() {
        return new Option[] {systemProperty("module.kar").value(StationsIT.kar())};
    }

    /** id, state and last-modified time of a bundle. */
    private record Seen(long id, int state, long lastModified) {
    }

    @Test
    public void theKarDeploysIntoARunningHubAndLeavesTheOtherModulesUntouched() throws Exception {
        assertEquals(404, get("/api/stations", null).status());
        for (String path : OTHERS) {
            get(path, "admin").expect(200);
        }
        Map<String, Seen> before = new TreeMap<>();
        for (Bundle b : bundleContext.getBundles()) {
            before.put(b.getSymbolicName() + "@" + b.getBundleId(), new Seen(b.getBundleId(), b.getState(), b.getLastModified()));
        }
        assertTrue(before.keySet().toString(), before.keySet().stream().anyMatch(k -> k.startsWith("org.unionhub.fairs.service@")));
        assertTrue(before.keySet().stream().anyMatch(k -> k.startsWith("org.unionhub.mutualaid.service@")));

        List<String> stopped = Collections.synchronizedList(new ArrayList<>());
        BundleListener watch = e -> {
            String name = e.getBundle().getSymbolicName();
            if ((e.getType() == BundleEvent.STOPPING || e.getType() == BundleEvent.UNRESOLVED || e.getType() == BundleEvent.UPDATED)
                    && !name.startsWith("org.example.stations")) {
                stopped.add(name + " " + e.getType());
            }
        };
        // clients of the other modules keep calling while the KAR goes in
        AtomicBoolean polling = new AtomicBoolean(true);
        AtomicInteger calls = new AtomicInteger();
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        List<Long> failedAt = Collections.synchronizedList(new ArrayList<>());
        Thread poller = new Thread(() -> {
            while (polling.get()) {
                for (String path : OTHERS) {
                    try {
                        Resp r = get(path, "admin");
                        calls.incrementAndGet();
                        if (r.status() != 200) {
                            failures.add(path + " " + r.status() + " " + r.raw());
                            failedAt.add(System.currentTimeMillis());
                        }
                    } catch (Exception e) {
                        failures.add(path + " " + e);
                    }
                }
            }
        }, "other-modules-poller");
        bundleContext.addBundleListener(watch);
        poller.start();
        long deployed;
        long started = System.currentTimeMillis();
        try {
            Thread.sleep(500);
            Path deploy = Path.of(System.getProperty("karaf.base"), "deploy");
            Files.createDirectories(deploy);
            // copied beside and moved in, so that the deployer never sees half a file
            Path staged = Path.of(System.getProperty("karaf.base"), "stations-feature.kar.part");
            Files.copy(Path.of(System.getProperty("module.kar")), staged, StandardCopyOption.REPLACE_EXISTING);
            started = System.currentTimeMillis();
            Files.move(staged, deploy.resolve("stations-feature.kar"), StandardCopyOption.ATOMIC_MOVE);
            deployed = waitForStations(started);
            Thread.sleep(1000);
        } finally {
            polling.set(false);
            poller.join(30_000);
            bundleContext.removeBundleListener(watch);
        }
        System.out.println("stations served " + (deployed - started) + " ms after the KAR was dropped into deploy/; "
                + calls.get() + " calls to the other modules meanwhile");

        // The JAX-RS whiteboard rebuilds the hub's one /api application when the module's resources join it; the
        // hub's request gate answers the requests that meet the rebuild again, so the other modules never fail.
        long window = failedAt.isEmpty() ? 0 : failedAt.get(failedAt.size() - 1) - failedAt.get(0);
        System.out.println("other modules: " + failures.size() + " of " + calls.get() + " calls failed, within " + window + " ms");
        assertEquals("the other modules answered 200 throughout", List.of(), failures);
        assertTrue("the poller ran during the deploy: " + calls.get(), calls.get() >= OTHERS.size());
        assertEquals("no bundle that was there before was stopped, unresolved or updated", List.of(), stopped);
        for (Bundle b : bundleContext.getBundles()) {
            Seen was = before.get(b.getSymbolicName() + "@" + b.getBundleId());
            if (was != null) {
                assertEquals(b.getSymbolicName() + " state", was.state(), b.getState());
                assertEquals(b.getSymbolicName() + " last modified", was.lastModified(), b.getLastModified());
            } else {
                assertTrue("only the module's bundles are new: " + b.getSymbolicName(),
                        b.getSymbolicName().startsWith("org.example.stations"));
            }
        }
        for (Seen was : before.values()) {
            assertTrue("bundle " + was.id() + " is still installed", bundleContext.getBundle(was.id()) != null);
        }
        for (String id : new String[] {"fairs", "mutualaid"}) {
            assertEquals(id, "ACTIVE", get("/api/health", null).json().path("modules").path(id).path("state").asText());
        }

        // and it serves: the demo stations, a booking by a member
        JsonNode stations = get("/api/stations?service=lockers", null).expect(200).json();
        assertTrue(stations.toString(), stations.path("total").asLong() >= 2);
        long station = stations.path("items").get(0).path("id").asLong();
        long compartment = get("/api/stations/" + station + "/lockers", null).expect(200).json().get(0)
                .path("compartments").get(0).path("id").asLong();
        post("/api/stations/" + station + "/bookings", "member", obj("compartmentId", compartment, "slotStart", StationsIT.slot(1)))
                .expect(201);
        get("/api/fairs", "admin").expect(200);
    }

    private long waitForStations(long started) throws Exception {
        long deadline = started + 120_000;
        String last = "";
        while (System.currentTimeMillis() < deadline) {
            // while the whiteboard rebuilds /api for the new resources, an answer may be no JSON at all
            Resp modules = get("/api/modules", null);
            boolean listed = false;
            if (modules.status() == 200) {
                for (JsonNode m : modules.json()) {
                    listed |= "stations".equals(m.path("id").asText()) && "ACTIVE".equals(m.path("state").asText());
                }
            }
            Resp health = get("/api/health", null);
            boolean healthy = health.status() == 200
                    && "ACTIVE".equals(health.json().path("modules").path("stations").path("state").asText());
            Resp list = get("/api/stations", null);
            last = modules.status() + " " + list.status() + " " + health.raw();
            if (listed && healthy && list.status() == 200) {
                return System.currentTimeMillis();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("stations did not come up within 120 s of the deploy: " + last);
    }
}
