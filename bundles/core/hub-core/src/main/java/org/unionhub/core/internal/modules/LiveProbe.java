package org.unionhub.core.internal.modules;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Dictionary;

import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * Asks the hub itself, over the loopback, for {@code /api/health/live}: what a load balancer would get. The
 * whiteboard's runtime view can say the core's application is served while Pax Web has lost its servlet (a server
 * controller rebuilt while the hub's Jetty services registered, under load); only a request shows it.
 */
final class LiveProbe {

    static final String PAX_WEB = "org.ops4j.pax.web";
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    /** The status of {@code GET /api/health/live} on the plain HTTP port, or 0 when there is none or no answer. */
    int status(ConfigurationAdmin cm) {
        Integer port = port(cm);
        if (port == null) {
            return 0;
        }
        try {
            HttpRequest get = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/health/live"))
                    .timeout(Duration.ofSeconds(5)).GET().build();
            return http.send(get, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    private static Integer port(ConfigurationAdmin cm) {
        try {
            Configuration[] found = cm == null ? null : cm.listConfigurations("(service.pid=" + PAX_WEB + ")");
            Dictionary<String, Object> p = found == null || found.length == 0 ? null : found[0].getProperties();
            if (p == null || "false".equals(String.valueOf(p.get("org.osgi.service.http.enabled")).trim())) {
                return null;
            }
            Object port = p.get("org.osgi.service.http.port");
            return port == null ? null : Integer.valueOf(String.valueOf(port).trim());
        } catch (IOException | InvalidSyntaxException | NumberFormatException e) {
            return null;
        }
    }
}
