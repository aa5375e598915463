package org.unionhub.testkit;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import org.unionhub.testkit.HubTestSupport.Resp;
import org.unionhub.testkit.HubTestSupport.Who;

/**
 * HTTP to the hub under test over loopback, as any client: Basic credentials, JSON bodies, and every answer
 * recorded for the check against the API contract ({@link Answers}).
 */
final class HubHttp {

    /** The system property that carries the container's HTTP port from the configuration into the container. */
    static final String PORT_PROPERTY = "unionhub.test.port";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    static String baseUrl() {
        return "http://localhost:" + System.getProperty(PORT_PROPERTY, "8181");
    }

    Resp get(String path, String demoAccount) throws IOException, InterruptedException {
        return send("GET", path, Who.of(demoAccount), null, null);
    }

    /** Sends {@code body} (a String is sent as is, anything else as JSON) with the given credentials. */
    Resp send(String method, String path, Who who, Object body, String contentType)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl() + path)).timeout(Duration.ofSeconds(60));
        if (who != null) {
            String pair = who.username() + ":" + who.password();
            b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
        }
        HttpRequest.BodyPublisher publisher = HttpRequest.BodyPublishers.noBody();
        if (body != null) {
            String text = body instanceof String s ? s : JsonBodies.JSON.writeValueAsString(body);
            publisher = HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8);
            b.header("Content-Type", contentType == null ? "application/json" : contentType);
        }
        HttpResponse<String> r = http.send(b.method(method, publisher).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        Answers.record(method, r.uri(), r.statusCode(), r.headers().map(), r.body());
        return new Resp(r.statusCode(), r.body(), r.headers());
    }
}
