package org.unionhub.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.AfterClass;
import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * bin/backup on a hub that is being written to (members created and enrolled in mutual aid, so its fund ledger
 * grows), bin/restore of that backup onto a freshly unpacked install, and the restored hub checked: the restore
 * script finds every file's SHA-256 and the hub every table's rows and checksum and every fund balance equal to
 * the manifest; the restored hub serves the backup's members (ID numbers readable with the key kept apart), and
 * not the ones written after the backup.
 */
public class BackupRestoreIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static ExternalHub source;
    private static ExternalHub restored;

    @AfterClass
    public static void stopBoth() throws Exception {
        for (ExternalHub h : new ExternalHub[] {source, restored}) {
            if (h != null) {
                h.stop();
            }
        }
    }

    @Test
    public void aBackupUnderWriteLoadRestoresOntoAFreshInstallWithEveryFigureEqual() throws Exception {
        source = ExternalHub.unpack("backup-it-source");
        source.setup("--modules", "mutualaid,fairs");
        source.start("mutualaid");
        HttpResponse<String> sealed = source.send("POST", "/api/members", "admin:admin", "{\"name\":\"备份测试\",\"orgId\":4,"
                + "\"employmentForm\":\"EMPLOYEE\",\"cardNumber\":\"BACKUP-1\",\"idNumber\":\"440524198001010013\"}");
        assertEquals(sealed.body(), 201, sealed.statusCode());
        long sealedId = JSON.readTree(sealed.body()).path("id").asLong();
        List<Long> plans = new ArrayList<>();
        waitFor(() -> JSON.readTree(source.send("GET", "/api/mutual-aid/plans", "admin:admin", null).body()).size() > 0,
                "the demo's mutual-aid plans");
        JSON.readTree(source.send("GET", "/api/mutual-aid/plans", "admin:admin", null).body())
                .forEach(p -> plans.add(p.path("id").asLong()));

        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger members = new AtomicInteger();
        AtomicInteger enrolments = new AtomicInteger();
        AtomicReference<String> failure = new AtomicReference<>();
        Thread load = new Thread(() -> write(plans, stop, members, enrolments, failure), "backup-it-load");
        load.start();
        waitFor(() -> members.get() >= 5 && enrolments.get() >= 3, "the load to write");

        ProcessResult backup = run(source.home, List.of("bin/backup"), "UNIONHUB_ADMIN", "admin:admin");
        int membersAtBackup = members.get();
        assertEquals(backup.out, 0, backup.code);
        waitFor(() -> members.get() >= membersAtBackup + 3, "the load to go on after the backup");
        stop.set(true);
        load.join(60_000);
        assertEquals("the load saw no error", null, failure.get());
        String path = backup.out.lines().filter(l -> l.startsWith("backup written: ")).findFirst().orElseThrow()
                .substring("backup written: ".length()).trim();
        JsonNode manifest = JSON.readTree(Files.readString(Path.of(path, "manifest.json")));
        assertFalse("fund balances are in the manifest: " + manifest, manifest.path("funds").isEmpty());
        long backedUpMembers = manifest.path("tables").path("HUB_MEMBER").path("rows").asLong();
        assertTrue(manifest.toString(), backedUpMembers > 0);
        assertFalse("the key is not inside the backup folder", Files.exists(Path.of(path, "data/unionhub/personal-data.key")));
        long membersLive = JSON.readTree(source.send("GET", "/api/members?limit=1", "admin:admin", null).body()).path("total").asLong();
        assertTrue("writes went on after the backup: " + membersLive + " > " + backedUpMembers, membersLive > backedUpMembers);
        int port = source.port;
        source.stop();

        ExternalHub fresh = ExternalHub.unpack("backup-it-restored");
        ProcessResult restore = run(fresh.home, List.of("bin/restore", path), "CHECK_ROOT_INSTANCE_RUNNING", "false");
        restored = ExternalHub.at(fresh.home, port); // the restored etc/ brings the source's ports
        assertEquals(restore.out, 0, restore.code);
        assertTrue(restore.out, restore.out.contains("files equal to the backup"));
        assertTrue(restore.out, restore.out.contains("EQUAL: " + manifest.path("tables").size() + " tables"));
        assertTrue(restore.out, restore.out.contains(manifest.path("funds").size() + " mutual-aid fund balances"));

        waitFor(() -> restored.get("/api/health").statusCode() == 200, "the restored hub to be ready");
        assertEquals(backedUpMembers, JSON.readTree(restored.send("GET", "/api/members?limit=1", "admin:admin", null).body())
                .path("total").asLong());
        JsonNode member = JSON.readTree(restored.send("GET", "/api/members/" + sealedId, "admin:admin", null).body());
        assertEquals("the sealed ID number opens with the restored key", "440524198001010013", member.path("idNumber").asText());
    }

    /** Creates members and enrols each in every demo plan that takes it, until told to stop. */
    private static void write(List<Long> plans, AtomicBoolean stop, AtomicInteger members, AtomicInteger enrolments,
            AtomicReference<String> failure) {
        try {
            for (int n = 0; !stop.get(); n++) {
                HttpResponse<String> m = source.send("POST", "/api/members", "admin:admin", "{\"name\":\"负载" + n
                        + "\",\"orgId\":4,\"employmentForm\":\"EMPLOYEE\"}");
                if (m.statusCode() != 201) {
                    failure.set("member: " + m.statusCode() + " " + m.body());
                    return;
                }
                members.incrementAndGet();
                long id = JSON.readTree(m.body()).path("id").asLong();
                for (long plan : plans) {
                    HttpResponse<String> e = source.send("POST", "/api/mutual-aid/plans/" + plan + "/enrolments", "admin:admin",
                            "{\"memberId\":" + id + "}");
                    if (e.statusCode() == 201) {
                        enrolments.incrementAndGet();
                    } else if (e.statusCode() >= 500) {
                        failure.set("enrolment: " + e.statusCode() + " " + e.body());
                        return;
                    }
                }
            }
        } catch (Exception e) {
            failure.set(e.toString());
        }
    }

    private record ProcessResult(int code, String out) {
    }

    private static ProcessResult run(Path dir, List<String> command, String envName, String envValue) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().put(envName, envValue);
        pb.environment().put("KARAF_REDIRECT", dir.resolve("data/log/karaf.out").toString());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new ProcessResult(p.waitFor(), out);
    }

    private interface Check {
        boolean holds() throws Exception;
    }

    private static void waitFor(Check check, String what) throws Exception {
        long deadline = System.currentTimeMillis() + 180_000;
        while (System.currentTimeMillis() < deadline) {
            try {
                if (check.holds()) {
                    return;
                }
            } catch (java.io.IOException notYet) {
                // not answering yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError("timed out waiting for " + what);
    }
}
