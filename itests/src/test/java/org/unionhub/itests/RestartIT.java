package org.unionhub.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.stream.Stream;

import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The tar.gz as an administrator uses it: unpacked, started with bin/start, stopped with bin/stop and
 * started again. Data and sign-in tokens written before the restart are there after it. (Pax Exam cannot
 * restart its container, so this test drives the real scripts.)
 */
public class RestartIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private static Path home;
    private static int port;

    @BeforeClass
    public static void unpack() throws Exception {
        String version = System.getProperty("project.version");
        Path repo = Path.of(System.getProperty("org.ops4j.pax.url.mvn.localRepository",
                System.getProperty("user.home") + "/.m2/repository"));
        Path tgz = repo.resolve("org/unionhub/unionhub-distribution/" + version + "/unionhub-distribution-" + version
                + ".tar.gz");
        Path dir = Path.of(System.getProperty("project.build.directory", "target"), "restart-it");
        deleteTree(dir);
        Files.createDirectories(dir);
        run(dir.toFile(), "tar", "xzf", tgz.toString());
        home = dir.resolve("unionhub-distribution-" + version);
        port = freePort();
        Files.writeString(home.resolve("etc/org.ops4j.pax.web.cfg"), "org.osgi.service.http.port = " + port + "\n");
        replace("etc/org.unionhub.hub.cfg", "demo = false", "demo = true");
        append("etc/org.apache.karaf.shell.cfg", "sshPort = " + freePort());
        append("etc/org.apache.karaf.management.cfg", "rmiRegistryPort = " + freePort() + "\nrmiServerPort = " + freePort());
        Files.writeString(home.resolve("etc/org.unionhub.security.cfg"), "password.iterations = 1000\n");
    }

    @AfterClass
    public static void stop() throws Exception {
        if (home != null) {
            run(home.toFile(), "bin/stop");
            waitDown();
        }
    }

    @Test
    public void dataWrittenBeforeARestartIsThereAfterIt() throws Exception {
        run(home.toFile(), "bin/start");
        waitUp();
        String body = "{\"name\":\"重启测试\",\"orgId\":4,\"employmentForm\":\"EMPLOYEE\",\"cardNumber\":\"RESTART-1\","
                + "\"idNumber\":\"440524198001010013\"}";
        HttpResponse<String> created = send("POST", "/api/members", "officer:officer", body);
        assertEquals(created.body(), 201, created.statusCode());
        long id = JSON.readTree(created.body()).path("id").asLong();
        JsonNode token = JSON.readTree(send("POST", "/api/auth/token", null,
                "{\"username\":\"officer\",\"password\":\"officer\"}").body());
        long orgsBefore = JSON.readTree(send("GET", "/api/orgs", "admin:admin", null).body()).path("total").asLong();

        run(home.toFile(), "bin/stop");
        waitDown();
        run(home.toFile(), "bin/start");
        waitUp();

        HttpResponse<String> read = send("GET", "/api/members/" + id, "admin:admin", null);
        assertEquals(read.body(), 200, read.statusCode());
        JsonNode member = JSON.readTree(read.body());
        assertEquals("重启测试", member.path("name").asText());
        assertEquals("the sealed ID number still opens with the key on disk", "440524198001010013",
                member.path("idNumber").asText());
        HttpResponse<String> viaToken = HTTP.send(HttpRequest.newBuilder(uri("/api/members/" + id))
                .header("Authorization", "Bearer " + token.path("token").asText()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals("a token issued before the restart still works", 200, viaToken.statusCode());
        assertEquals("demo data was not seeded twice", orgsBefore,
                JSON.readTree(send("GET", "/api/orgs", "admin:admin", null).body()).path("total").asLong());
    }

    private static HttpResponse<String> send(String method, String path, String basic, String json) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30));
        if (basic != null) {
            b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(basic.getBytes(StandardCharsets.UTF_8)));
        }
        if (json != null) {
            b.header("Content-Type", "application/json");
        }
        b.method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static void waitUp() throws Exception {
        long deadline = System.currentTimeMillis() + 120_000;
        while (System.currentTimeMillis() < deadline) {
            try {
                if (send("GET", "/api/health", null, null).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(500);
        }
        fail("the hub did not come up; see " + home.resolve("data/log/karaf.log"));
    }

    private static void waitDown() throws Exception {
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            Process p = new ProcessBuilder("bin/status").directory(home.toFile()).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            if (p.waitFor() != 0) {
                return;
            }
            Thread.sleep(500);
        }
        fail("the hub did not stop within 60 s");
    }

    private static void run(File dir, String... command) throws Exception {
        Process p = new ProcessBuilder(command).directory(dir).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(String.join(" ", command) + " failed: " + out, p.waitFor() == 0);
    }

    private static void replace(String file, String from, String to) throws IOException {
        Path f = home.resolve(file);
        Files.writeString(f, Files.readString(f).replace(from, to));
    }

    private static void append(String file, String line) throws IOException {
        Path f = home.resolve(file);
        Files.writeString(f, Files.readString(f) + "\n" + line + "\n");
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> walk = Files.walk(dir)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
