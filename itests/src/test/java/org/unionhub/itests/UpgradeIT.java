package org.unionhub.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * An installation of the previous release (0.1.0, built here from its tag) with demo data, a changed etc/ and
 * examples/stations in deploy/, upgraded to this build with bin/upgrade: first refused, unchanged, while
 * deploy/ holds a stations module built against an api this build does not export; then upgraded, and the
 * data, the settings, the module set and the stations module all there after the start.
 */
public class UpgradeIT {

    static final String PREVIOUS = "0.1.0";
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");
    private static ExternalHub hub;

    @BeforeClass
    public static void installThePreviousRelease() throws Exception {
        Release previous = Release.build(PREVIOUS);
        hub = ExternalHub.unpack("upgrade-it", previous.tarGz(), PREVIOUS);
        hub.setup("--profile", "all", "--region-name", "厦门市总工会");
        Path backupCfg = hub.home.resolve("etc/org.unionhub.backup.cfg");
        Files.writeString(backupCfg, Files.readString(backupCfg).replace("retention.count = 7", "retention.count = 3"));
        hub.start("fairs", "jobfairs", "recuperation", "mutualaid", "modelworkers");
        Files.copy(previous.stationsKar(), hub.home.resolve("deploy/stations.kar"));
        hub.awaitModule("stations");
    }

    @AfterClass
    public static void stop() throws Exception {
        if (hub != null) {
            hub.stop();
        }
    }

    @Test
    public void upgradesWithDataSettingsAndStationsOrRefusesBeforeAnyChange() throws Exception {
        String member = created(hub.send("POST", "/api/members", "admin:admin",
                "{\"name\":\"升级检查\",\"orgId\":5,\"employmentForm\":\"EMPLOYEE\",\"phone\":\"13900000017\"}"));
        String station = created(hub.send("POST", "/api/stations", "officer:officer",
                "{\"name\":\"升级检查驿站\",\"address\":\"思明区湖滨南路1号\",\"open24h\":true,\"services\":[\"rest\"]}"));
        String members = total(hub.send("GET", "/api/members?limit=1", "admin:admin", null));
        hub.stop();
        Path newTgz = ExternalHub.distribution(System.getProperty("project.version"));
        Path upgrade = hub.home.getParent().resolve("new-release");
        ExternalHub.untar(newTgz, upgrade);
        Path script;
        try (Stream<Path> top = Files.list(upgrade)) {
            script = top.findFirst().orElseThrow().resolve("bin/upgrade");
        }
        Path baseTgz = Release.build(PREVIOUS).tarGz();

        // a stations module built against an api this release does not export: refused, nothing changed
        Path good = hub.home.resolve("deploy/stations.kar");
        Path kept = hub.home.getParent().resolve("stations.kar");
        Files.move(good, kept);
        Kars.requireApi(kept, hub.home.resolve("deploy/stations-incompatible.kar"), "[9.0,10)");
        String before = listing(hub.home);
        Release.Run refused = Release.Run.of(hub.home.getParent(), "sh", script.toString(), newTgz.toString(), "--home",
                hub.home.toString(), "--base", baseTgz.toString());
        assertEquals(refused.output(), 1, refused.status());
        assertTrue(refused.output(), refused.output().contains("refused  stations-incompatible.kar:"));
        assertTrue(refused.output(), refused.output().contains("org.example.stations.service imports org.unionhub.api "
                + "[9.0.0,10.0.0), the new release exports "));
        assertTrue(refused.output(), refused.output().contains("nothing was changed"));
        assertEquals(before, listing(hub.home));

        // the module built against 0.1.0's api: upgraded
        Files.delete(hub.home.resolve("deploy/stations-incompatible.kar"));
        Files.move(kept, good);
        Release.Run upgraded = Release.Run.of(hub.home.getParent(), "sh", script.toString(), newTgz.toString(), "--home",
                hub.home.toString(), "--base", baseTgz.toString());
        System.out.println("bin/upgrade said:\n" + upgraded.output());
        assertEquals(upgraded.output(), 0, upgraded.status());
        assertTrue(upgraded.output(), upgraded.output().contains("kept     stations.kar"));
        assertTrue(upgraded.output().contains("upgrade " + hub.home + ": " + PREVIOUS + " -> "
                + System.getProperty("project.version")));
        try (Stream<Path> aside = Files.list(hub.home.getParent())) {
            assertEquals("the way back is kept", 1, aside.filter(p -> p.getFileName().toString()
                    .startsWith(hub.home.getFileName() + ".before-")).count());
        }

        hub.start("fairs", "jobfairs", "recuperation", "mutualaid", "modelworkers", "stations");
        HttpResponse<String> health = hub.get("/api/health");
        assertTrue(health.body(), health.body().contains("\"name\":\"厦门市总工会\""));
        assertTrue(Files.readString(hub.home.resolve("etc/org.unionhub.backup.cfg")).contains("retention.count = 3"));
        assertTrue(Files.isDirectory(hub.home.resolve("system/org/unionhub/unionhub-features/"
                + System.getProperty("project.version"))));
        assertEquals(members, total(hub.send("GET", "/api/members?limit=1", "admin:admin", null)));
        HttpResponse<String> m = hub.send("GET", "/api/members/" + member, "admin:admin", null);
        assertEquals(m.body(), 200, m.statusCode());
        assertTrue(m.body(), m.body().contains("升级检查"));
        HttpResponse<String> s = hub.send("GET", "/api/stations/" + station, "officer:officer", null);
        assertEquals(s.body(), 200, s.statusCode());
        assertTrue(s.body(), s.body().contains("升级检查驿站"));
        assertFalse(Files.exists(hub.home.resolve("deploy/stations-incompatible.kar")));
    }

    private static String created(HttpResponse<String> r) {
        assertEquals(r.body(), 201, r.statusCode());
        Matcher id = ID.matcher(r.body());
        assertTrue(r.body(), id.find());
        return id.group(1);
    }

    private static String total(HttpResponse<String> r) {
        assertEquals(r.body(), 200, r.statusCode());
        Matcher total = Pattern.compile("\"total\"\\s*:\\s*(\\d+)").matcher(r.body());
        assertTrue(r.body(), total.find());
        return total.group(1);
    }

    /** Every file of the installation but the logs, with its size: a refused upgrade leaves it as it was. */
    private static String listing(Path home) throws Exception {
        try (Stream<Path> files = Files.walk(home)) {
            List<String> lines = files.filter(Files::isRegularFile).filter(p -> !p.startsWith(home.resolve("data/log")))
                    .map(p -> home.relativize(p) + " " + p.toFile().length()).sorted().toList();
            return String.join("\n", lines);
        }
    }
}
