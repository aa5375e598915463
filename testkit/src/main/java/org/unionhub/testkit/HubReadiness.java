package org.unionhub.testkit;

import static org.junit.Assert.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.unionhub.testkit.HubTestSupport.Resp;

import com.fasterxml.jackson.databind.JsonNode;

/** Waits, before each test method, until the hub answers healthy with the class's modules ACTIVE. */
final class HubReadiness {

    /** Set when the hub of this class never came up: its other test methods fail at once instead of waiting again. */
    private static String neverCameUp;

    private HubReadiness() {
    }

    static void waitForHealth(HubHttp http, String[] expectedModules) throws Exception {
        if (neverCameUp != null) {
            fail(neverCameUp);
        }
        long deadline = System.currentTimeMillis() + 180_000;
        String last = "";
        int inARow = 0;
        while (System.currentTimeMillis() < deadline) {
            try {
                Resp health = http.get("/api/health", null);
                last = health.raw();
                // three answers in a row: the whiteboard rebuilds the application while resources arrive
                inARow = health.status() == 200 && modulesActive(health.json(), expectedModules) ? inARow + 1 : 0;
                if (inARow == 3) {
                    return;
                }
            } catch (IOException notYet) {
                last = notYet.toString();
                inARow = 0;
            }
            Thread.sleep(250);
        }
        neverCameUp = "the hub did not come up within 180 s: " + last + "\nkaraf.log, its last errors:\n"
                + lastErrors(Path.of(System.getProperty("karaf.data"), "log", "karaf.log"));
        fail(neverCameUp);
    }

    /** The last five errors of a karaf.log, each with the twelve lines that follow it. */
    static String lastErrors(Path karafLog) {
        try {
            List<String> lines = Files.readAllLines(karafLog, StandardCharsets.UTF_8);
            List<String> errors = new ArrayList<>();
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).contains("| ERROR |")) {
                    errors.add(String.join("\n", lines.subList(i, Math.min(lines.size(), i + 12))));
                }
            }
            return String.join("\n", errors.subList(Math.max(0, errors.size() - 5), errors.size()));
        } catch (IOException | RuntimeException e) {
            return "(" + e + ")";
        }
    }

    private static boolean modulesActive(JsonNode health, String[] expectedModules) {
        for (String id : expectedModules) {
            JsonNode m = health.path("modules").path(id);
            if (!"ACTIVE".equals(m.path("state").asText())) {
                return false;
            }
        }
        return true;
    }
}
