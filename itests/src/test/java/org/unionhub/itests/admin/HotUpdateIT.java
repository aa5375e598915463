package org.unionhub.itests.admin;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import org.junit.Test;
import org.osgi.framework.Bundle;
import org.unionhub.api.validation.CreditCode;
import org.unionhub.testkit.HubTestSupport;

/**
 * A module updated in a running hub while clients write to it: a new version of fairs with a migration
 * arrives as a KAR in {@code deploy/}, is checked, replaces the old one in place and migrates the data; every
 * write the clients saw acknowledged is there afterwards, no request fails other than with 503, and no other
 * bundle is restarted or refreshed. Rolling back reads the same data; a version whose migration fails, or
 * whose bundle cannot resolve, is refused while the running one keeps serving.
 */
public class HotUpdateIT extends HubTestSupport {

    /** Numbered far above the module's own migrations, so that the next real one never takes its number. */
    private static final String NOTE = "ALTER TABLE FAIRS_FAIR ADD COLUMN NOTE VARCHAR(200) DEFAULT '' NOT NULL;\n";
    private static final AtomicInteger CODES = new AtomicInteger(5_000_000);

    @Override
    protected String[] features() {
        return new String[] {"unionhub-core", "unionhub-fairs", "unionhub-jobfairs"};
    }

    @Override
    protected String[] expectedModules() {
        return new String[] {"fairs", "jobfairs"};
    }

    @Test
    public void updateUnderLoadThenRollBackThenRefuseBrokenVersions() throws Exception {
        Bundle service = bundle("org.unionhub.fairs.service");
        String before = service.getVersion().toString();
        // the next versions after the running one (0.2.0.SNAPSHOT → 0.2.1, 0.2.2, …), whatever release this build is
        org.osgi.framework.Version running = service.getVersion();
        java.util.function.IntFunction<String> next = n -> running.getMajor() + "." + running.getMinor() + "."
                + (running.getMicro() + n);
        String api = bundle("org.unionhub.fairs.api").getLocation();
        Map<Long, String> others = othersLastModified(service);
        long fair = post("/api/fairs", "admin", fairBody()).expect(201).id();
        Path deploy = Path.of(System.getProperty("karaf.base"), "deploy");
        Path work = Files.createTempDirectory(Path.of(System.getProperty("karaf.data")), "next-version");

        // 1. the update, under load
        Load load = new Load(fair);
        load.start();
        Thread.sleep(1500);
        new NextVersion("fairs", next.apply(1), service, api, Map.of("V90__fairs_note.sql", NOTE), null).kar(deploy);
        awaitVersion(service, next.apply(1));
        Thread.sleep(1500);
        load.stop();
        System.out.println("HotUpdateIT: " + load.summary());
        assertEquals("requests that failed other than with 503: " + load.others, 0, load.others.size());
        assertTrue("writes were acknowledged: " + load.summary(), load.acknowledged.size() > 20);
        for (String location : load.acknowledged) {
            get(path(location), "admin").expect(200);
        }
        assertEquals("the migration ran on the live table", "", noteOf(fair));
        assertEquals("updated in place", service.getBundleId(), bundle("org.unionhub.fairs.service").getBundleId());
        assertEquals("no other bundle restarted or refreshed", others, othersLastModified(service));

        // 2. back to the version before: it still reads everything
        String out = shell("hub:update fairs " + before);
        assertTrue(out, out.contains("unionhub-fairs/" + before));
        awaitVersion(service, before);
        for (String location : load.acknowledged) {
            get(path(location), "admin").expect(200);
        }
        post("/api/fairs/" + fair + "/applications", null, application()).expect(201);

        // 3. a version whose migration fails: the KAR is refused, the running version keeps serving
        new NextVersion("fairs", next.apply(2), service, api, Map.of("V90__fairs_note.sql", NOTE,
                "V91__fairs_broken.sql", "ALTER TABLE FAIRS_NO_SUCH_TABLE ADD COLUMN X INT;\n"), null).kar(deploy);
        awaitKarProcessed("fairs-" + next.apply(2));
        assertEquals(before, bundle("org.unionhub.fairs.service").getVersion().toString());
        post("/api/fairs/" + fair + "/applications", null, application()).expect(201);

        // ... and the same asked for over REST: 409 naming the version and why
        featuresService.addRepository(new NextVersion("fairs", next.apply(3), service, api, Map.of("V90__fairs_note.sql", NOTE,
                "V91__fairs_broken.sql", "ALTER TABLE FAIRS_NO_SUCH_TABLE ADD COLUMN X INT;\n"), null).repository(work));
        Resp refused = post("/api/admin/modules", "admin", obj("action", "update", "module", "fairs", "version", next.apply(3)));
        assertProblem(refused, 409, "version");
        assertTrue(refused.raw(), refused.raw().contains("V91"));

        // 4. a version whose bundle does not resolve
        featuresService.addRepository(new NextVersion("fairs", next.apply(4), service, api, Map.of(),
                "org.unionhub.nowhere;version=\"[1,2)\"").repository(work));
        Resp unresolved = post("/api/admin/modules", "admin", obj("action", "update", "module", "fairs", "version", next.apply(4)));
        assertProblem(unresolved, 409, "version");
        assertEquals(before, bundle("org.unionhub.fairs.service").getVersion().toString());
        get("/api/fairs/" + fair, "admin").expect(200);
        assertEquals("still no other bundle restarted or refreshed", others, othersLastModified(service));
    }

    /** Writers and a reader of another module, each sending its next request when the last one was answered. */
    private final class Load {
        final ConcurrentLinkedQueue<String> acknowledged = new ConcurrentLinkedQueue<>();
        final ConcurrentLinkedQueue<String> others = new ConcurrentLinkedQueue<>();
        final AtomicLong unavailable = new AtomicLong();
        final AtomicLong requests = new AtomicLong();
        private final long fair;
        private volatile boolean running = true;
        private final List<Thread> threads = new java.util.ArrayList<>();

        Load(long fair) {
            this.fair = fair;
        }

        void start() {
            for (int i = 0; i < 6; i++) {
                boolean writer = i < 4;
                Thread t = new Thread(() -> {
                    while (running) {
                        try {
                            Resp r = writer ? post("/api/fairs/" + fair + "/applications", null, application())
                                    : get("/api/jobfairs?limit=1", "admin");
                            requests.incrementAndGet();
                            if (r.status() == 201) {
                                acknowledged.add(r.header("Location"));
                            } else if (r.status() == 503) {
                                unavailable.incrementAndGet();
                                assertTrue("503 says when to come back", r.header("Retry-After") != null);
                            } else if (r.status() != 200) {
                                others.add(r.status() + " " + r.raw());
                            }
                        } catch (Exception | AssertionError e) {
                            others.add(e.toString());
                        }
                    }
                }, "load-" + i);
                threads.add(t);
                t.start();
            }
        }

        void stop() throws InterruptedException {
            running = false;
            for (Thread t : threads) {
                t.join(120_000);
            }
        }

        String summary() {
            return "requests=" + requests + " acknowledged=" + acknowledged.size() + " s503=" + unavailable + " other="
                    + others.size();
        }
    }

    private Bundle bundle(String symbolicName) {
        for (Bundle b : bundleContext.getBundles()) {
            if (symbolicName.equals(b.getSymbolicName())) {
                return b;
            }
        }
        throw new AssertionError("no bundle " + symbolicName);
    }

    /** Every other bundle: id → name, state and last modified; a restart, refresh or update would change it. */
    private Map<Long, String> othersLastModified(Bundle except) {
        Map<Long, String> out = new TreeMap<>();
        for (Bundle b : bundleContext.getBundles()) {
            if (b.getBundleId() != except.getBundleId()) {
                out.put(b.getBundleId(), b.getSymbolicName() + " state " + b.getState() + " modified " + b.getLastModified());
            }
        }
        return out;
    }

    private void awaitVersion(Bundle service, String version) throws Exception {
        long deadline = System.currentTimeMillis() + 120_000;
        while (System.currentTimeMillis() < deadline) {
            Bundle now = bundle("org.unionhub.fairs.service");
            if (now.getVersion().toString().equals(version) && now.getState() == Bundle.ACTIVE
                    && get("/api/health", null).raw().contains("\"fairs\":{\"state\":\"ACTIVE\"")) {
                return;
            }
            Thread.sleep(200);
        }
        fail("fairs did not reach version " + version + ": " + shell("hub:modules"));
    }

    private void awaitKarProcessed(String name) throws Exception {
        Path folder = Path.of(System.getProperty("karaf.data"), "kar", name);
        long deadline = System.currentTimeMillis() + 60_000;
        while (!Files.exists(folder.resolve("features.cfg")) && System.currentTimeMillis() < deadline) {
            Thread.sleep(200);
        }
        Thread.sleep(3000); // the refusal runs right after the KAR is unpacked
    }

    private String noteOf(long fair) throws Exception {
        DataSource ds = bundleContext.getService(bundleContext.getServiceReferences(DataSource.class,
                "(dataSourceName=unionhub)").iterator().next());
        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT NOTE FROM FAIRS_FAIR WHERE ID = " + fair)) {
            assertTrue(rs.next());
            return rs.getString(1);
        }
    }

    private static String path(String location) {
        return java.net.URI.create(location).getPath();
    }

    private static Object fairBody() {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.ofHours(8)).truncatedTo(ChronoUnit.SECONDS);
        OffsetDateTime starts = now.plusDays(3).withHour(9).withMinute(0).withSecond(0);
        return obj("name", "热更新测试集市", "theme", "工会惠工", "venue", "海沧区文化中心", "startsAt", starts.toString(),
                "endsAt", starts.plusHours(9).toString(), "stallCount", 10_000, "registrationOpensAt",
                now.minusHours(1).toString(), "registrationClosesAt", now.plusDays(2).toString(), "sections", List.of("特惠购物"));
    }

    private static Object application() {
        String body = "91350200MB" + String.format("%07d", CODES.incrementAndGet());
        return obj("companyName", "热更新商户", "creditCode", body + CreditCode.checkCharacter(body), "contact", "陈先生",
                "category", "餐饮", "offersMemberDiscount", false);
    }
}
