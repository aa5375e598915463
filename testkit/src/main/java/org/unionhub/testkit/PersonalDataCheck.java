package org.unionhub.testkit;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.unionhub.testkit.HubTestSupport.Resp;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Issue 22's log scan, run in the container after every test method: what the hub wrote since the last scan to
 * karaf.log, to the audit's change text and into error bodies, each searched by {@link PersonalDataScan}.
 */
final class PersonalDataCheck {

    private static final long[] LOG_SCANNED = {0};
    private static final long[] ANSWERS_SCANNED = {0};
    private static long auditScanned = -1;

    private PersonalDataCheck() {
    }

    /** What was found since the last call: empty when no ID number, phone number or diagnosis leaked. */
    static List<String> sinceLastScan(HubHttp http) throws Exception {
        List<String> found = new ArrayList<>();
        String data = System.getProperty("karaf.data");
        if (data != null) {
            found.addAll(PersonalDataScan.find("karaf.log", PersonalDataScan.appended(Path.of(data, "log", "karaf.log"),
                    LOG_SCANNED)));
        }
        String answers = System.getProperty(Answers.FILE);
        if (answers != null) {
            for (String line : PersonalDataScan.appended(Path.of(answers), ANSWERS_SCANNED).split("\n")) {
                if (!line.isBlank() && JsonBodies.JSON.readTree(line).path("status").asInt() >= 400) {
                    JsonNode a = JsonBodies.JSON.readTree(line);
                    found.addAll(PersonalDataScan.find("error body of " + a.path("uri").asText(), a.path("body").asText()));
                }
            }
        }
        Answers.pause(true);
        try {
            found.addAll(newAuditChanges(http));
        } finally {
            Answers.pause(false);
        }
        return found;
    }

    /** The audit rows written since the last scan, newest first, page by page until the last row scanned. */
    private static List<String> newAuditChanges(HubHttp http) throws Exception {
        List<String> found = new ArrayList<>();
        long newest = auditScanned;
        String cursor = null;
        do {
            Resp page = http.get("/api/audit?limit=500" + (cursor == null ? "" : "&cursor=" + cursor), "admin");
            if (page.status() != 200) {
                return found; // the core is not up (a test stopped it): the next scan reads these rows
            }
            boolean older = false;
            for (JsonNode e : page.json().path("items")) {
                long id = e.path("id").asLong();
                older |= id <= auditScanned;
                newest = Math.max(newest, id);
                if (id > auditScanned) {
                    found.addAll(PersonalDataScan.find("audit " + e.path("action").asText(), e.path("changes").asText()));
                }
            }
            cursor = older ? null : page.json().path("nextCursor").asText(null);
        } while (cursor != null);
        auditScanned = newest;
        return found;
    }
}
