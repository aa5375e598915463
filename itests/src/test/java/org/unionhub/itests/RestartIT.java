package org.unionhub.itests;

import static org.junit.Assert.assertEquals;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The tar.gz as an administrator uses it: started with bin/start, stopped with bin/stop and started again.
 * Data, sealed ID numbers and sign-in tokens written before the restart are there after it. (Pax Exam
 * cannot restart its container, so this test drives the real scripts.)
 */
public class RestartIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static ExternalHub hub;

    @BeforeClass
    public static void unpack() throws Exception {
        hub = ExternalHub.unpack("restart-it");
    }

    @AfterClass
    public static void stop() throws Exception {
        if (hub != null) {
            hub.stop();
        }
    }

    @Test
    public void dataWrittenBeforeARestartIsThereAfterIt() throws Exception {
        hub.start();
        String body = "{\"name\":\"重启测试\",\"orgId\":4,\"employmentForm\":\"EMPLOYEE\",\"cardNumber\":\"RESTART-1\","
                + "\"idNumber\":\"440524198001010013\"}";
        HttpResponse<String> created = hub.send("POST", "/api/members", "officer:officer", body);
        assertEquals(created.body(), 201, created.statusCode());
        long id = JSON.readTree(created.body()).path("id").asLong();
        JsonNode token = JSON.readTree(hub.send("POST", "/api/auth/token", null,
                "{\"username\":\"officer\",\"password\":\"officer\"}").body());
        HttpResponse<String> orgs = hub.send("GET", "/api/orgs", "admin:admin", null);
        assertEquals(orgs.body(), 200, orgs.statusCode());
        long orgsBefore = JSON.readTree(orgs.body()).path("total").asLong();

        hub.stop();
        hub.start();

        HttpResponse<String> read = hub.send("GET", "/api/members/" + id, "admin:admin", null);
        assertEquals(read.body(), 200, read.statusCode());
        JsonNode member = JSON.readTree(read.body());
        assertEquals("重启测试", member.path("name").asText());
        assertEquals("the sealed ID number still opens with the key on disk", "440524198001010013",
                member.path("idNumber").asText());
        HttpResponse<String> viaToken = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(hub.url("/api/members/" + id)))
                .header("Authorization", "Bearer " + token.path("token").asText()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals("a token issued before the restart still works", 200, viaToken.statusCode());
        assertEquals("demo data was not seeded twice", orgsBefore,
                JSON.readTree(hub.send("GET", "/api/orgs", "admin:admin", null).body()).path("total").asLong());
    }
}
