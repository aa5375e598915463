package org.unionhub.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assume.assumeTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import org.junit.After;
import org.junit.Test;

/**
 * /metrics scraped by a real Prometheus (Debian's package) loaded with the example rules of
 * docs/monitoring/unionhub-alerts.yml: when the fairs module answers 5xx (a table lost a column while the hub
 * was stopped), UnionHubModuleErrors fires for module "fairs". Skipped, saying why, where no prometheus binary is
 * installed (.ci/run installs it).
 */
public class MetricsAlertIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private ExternalHub hub;
    private Process prometheus;

    @After
    public void stopAll() throws Exception {
        if (prometheus != null) {
            prometheus.destroy();
            prometheus.waitFor();
        }
        if (hub != null) {
            hub.stop();
        }
    }

    @Test
    public void prometheusSeesAModuleAnswering5xxAndTheExampleRuleFires() throws Exception {
        Path binary = Path.of("/usr/bin/prometheus");
        if (!Files.isExecutable(binary)) {
            System.out.println("MetricsAlertIT skipped: no /usr/bin/prometheus (apt-get install prometheus)");
        }
        assumeTrue("no /usr/bin/prometheus (apt-get install prometheus)", Files.isExecutable(binary));
        String token = UUID.randomUUID() + "-" + UUID.randomUUID();
        hub = ExternalHub.unpack("metrics-it");
        hub.setup("--modules", "fairs");
        Files.writeString(hub.home.resolve("etc/org.unionhub.metrics.cfg"), "scrape.token = " + token + "\nrefresh.seconds = 1\n");
        hub.start("fairs");
        assertEquals(401, scrape(null).statusCode());
        assertEquals(401, scrape("Bearer not-the-token").statusCode());
        assertEquals(403, scrape("Basic " + java.util.Base64.getEncoder().encodeToString("officer:officer".getBytes())).statusCode());
        assertEquals(200, hub.send("GET", "/api/fairs", "admin:admin", null).statusCode());
        HttpResponse<String> metrics = scrape("Bearer " + token);
        assertEquals(200, metrics.statusCode());
        for (int i = 0; i < 20 && !metrics.body().contains("unionhub_module_up{"); i++) {
            Thread.sleep(250); // module states are read every refresh.seconds (1 here)
            metrics = scrape("Bearer " + token);
        }
        assertTrue(metrics.body(), metrics.body().contains("unionhub_http_requests_seconds_count{application=\"unionhub\",method=\"GET\","
                + "module=\"fairs\",route=\"/\",status=\"200\",}"));
        assertTrue(metrics.body(), metrics.body().contains("unionhub_db_pool_total_connections"));
        assertTrue(metrics.body(), metrics.body().contains("jvm_memory_used_bytes"));
        assertTrue(metrics.body(), metrics.body().contains("unionhub_gate_refused_total{application=\"unionhub\",} 0.0"));
        assertTrue(metrics.body(), metrics.body().contains("unionhub_module_up{application=\"unionhub\",module=\"fairs\",state=\"ACTIVE\",} 1.0"));

        hub.stop();
        breakTheFairsTable();
        hub.start("fairs");
        startPrometheus(token);

        long deadline = System.currentTimeMillis() + 180_000;
        boolean firing = false;
        while (!firing && System.currentTimeMillis() < deadline) {
            HttpResponse<String> fairs = hub.send("GET", "/api/fairs/coupon-batches", "admin:admin", null);
            assertTrue("the broken module answers 5xx: " + fairs.statusCode(), fairs.statusCode() >= 500);
            String alerts = prometheusGet("/api/v1/alerts");
            firing = alerts.contains("\"alertname\":\"UnionHubModuleErrors\"") && alerts.contains("\"module\":\"fairs\"")
                    && alerts.contains("\"state\":\"firing\"");
            Thread.sleep(250);
        }
        assertTrue("UnionHubModuleErrors fired for fairs; alerts: " + prometheusGet("/api/v1/alerts"), firing);
    }

    private HttpResponse<String> scrape(String authorization) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(hub.url("/metrics")));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * A column the list of coupon batches reads (and nothing at start-up), dropped with the hub stopped: the module
     * starts and serves, and every list of coupon batches is then a 500.
     */
    private void breakTheFairsTable() throws SQLException {
        String db = "jdbc:derby:" + hub.home.resolve("data/derby/unionhub").toAbsolutePath();
        try (Connection c = DriverManager.getConnection(db); Statement s = c.createStatement()) {
            s.execute("ALTER TABLE FAIRS_COUPON_BATCH DROP COLUMN GIFT");
        }
        try {
            DriverManager.getConnection(db + ";shutdown=true");
        } catch (SQLException shutDown) {
            // 08006: closed, so that the hub can boot it
        }
    }

    private int prometheusPort;

    private void startPrometheus(String token) throws Exception {
        Path dir = hub.home.getParent().resolve("prometheus");
        Files.createDirectories(dir);
        Path docs = Path.of(System.getProperty("project.basedir", "."), "..", "docs", "monitoring", "unionhub-alerts.yml");
        // the shipped rules, with their "for" shortened so that the test need not wait minutes
        Files.writeString(dir.resolve("rules.yml"), Files.readString(docs).replaceAll("for: \\d+m", "for: 0s"));
        Files.writeString(dir.resolve("prometheus.yml"), "global:\n  scrape_interval: 1s\n  evaluation_interval: 1s\n"
                + "rule_files: [rules.yml]\nscrape_configs:\n  - job_name: unionhub\n    authorization:\n      credentials: " + token
                + "\n    static_configs:\n      - targets: ['localhost:" + hub.port + "']\n");
        prometheusPort = ExternalHub.freePort();
        prometheus = new ProcessBuilder("/usr/bin/prometheus", "--config.file=" + dir.resolve("prometheus.yml"),
                "--storage.tsdb.path=" + dir.resolve("data"), "--web.listen-address=127.0.0.1:" + prometheusPort)
                .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(dir.resolve("prometheus.log").toFile()).start();
    }

    private String prometheusGet(String path) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + prometheusPort + path)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        } catch (Exception notYet) {
            return "(" + notYet + ")";
        }
    }
}
