package org.unionhub.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * Issue 14 rows 7, 12, 13 and 16 on the tar.gz as an administrator installs it: SSH on localhost, HTTPS through
 * {@code bin/setup --tls}, files the hub writes readable by its own user only, and a demo install switched to
 * non-demo losing its demo accounts and getting an admin with a random, owner-only password file.
 */
public class DeploymentSecurityIT {

    private static ExternalHub hub;

    @BeforeClass
    public static void unpack() throws Exception {
        hub = ExternalHub.unpack("deployment-security-it");
    }

    @AfterClass
    public static void stop() throws Exception {
        if (hub != null) {
            hub.stop();
        }
    }

    @Test
    public void httpsOwnerOnlyFilesAndTheEndOfTheDemoAccounts() throws Exception {
        List<String> shell = Files.readAllLines(hub.home.resolve("etc/org.apache.karaf.shell.cfg"));
        assertTrue("SSH listens on localhost as shipped", shell.contains("sshHost = 127.0.0.1"));

        int tlsPort = ExternalHub.freePort();
        hub.setup("--tls", "--keep-http", "--tls-port", Integer.toString(tlsPort));
        assertOwnerOnly(hub.home.resolve("etc/unionhub-tls.p12"));
        hub.start();

        HttpResponse<String> https = trustingClient().send(HttpRequest.newBuilder(
                URI.create("https://localhost:" + tlsPort + "/api/health")).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(https.body(), 200, https.statusCode());
        assertTrue(https.body().contains("\"status\":\"UP\""));
        assertNotNull("HSTS over HTTPS", https.headers().firstValue("Strict-Transport-Security").orElse(null));
        assertTrue(https.version() == HttpClient.Version.HTTP_1_1 || https.version() == HttpClient.Version.HTTP_2);

        assertOwnerOnly(hub.home.resolve("data/log/karaf.log"));
        try (Stream<Path> db = Files.walk(hub.home.resolve("data/derby/unionhub"))) {
            db.filter(Files::isRegularFile).limit(50).forEach(DeploymentSecurityIT::assertOwnerOnly);
        }
        assertEquals(200, hub.send("GET", "/api/accounts/me", "admin:admin", null).statusCode());

        hub.stop();
        hub.setup("--no-demo");
        hub.start();
        for (String demo : List.of("admin", "officer", "siming", "member", "porter", "worker", "reviewer", "approver", "payer")) {
            assertEquals(demo + "/" + demo + " is gone", 401,
                    hub.send("GET", "/api/accounts/me", demo + ":" + demo, null).statusCode());
        }
        Path initial = hub.home.resolve("data/unionhub/initial-admin-password");
        assertOwnerOnly(initial);
        String password = Files.readString(initial).trim();
        assertEquals(200, hub.send("GET", "/api/accounts/me", "admin:" + password, null).statusCode());
    }

    private static void assertOwnerOnly(Path file) {
        try {
            Set<PosixFilePermission> p = Files.getPosixFilePermissions(file);
            for (PosixFilePermission other : List.of(PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE,
                    PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE)) {
                assertFalse(file + " is " + p, p.contains(other));
            }
        } catch (java.io.IOException e) {
            throw new AssertionError(file + ": " + e, e);
        }
    }

    /** The certificate bin/setup generated is self-signed: this test trusts it, as an administrator's curl -k does. */
    private static HttpClient trustingClient() throws Exception {
        TrustManager trustAll = new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        };
        SSLContext ssl = SSLContext.getInstance("TLS");
        ssl.init(null, new TrustManager[] {trustAll}, null);
        SSLParameters params = new SSLParameters();
        params.setEndpointIdentificationAlgorithm(null);
        return HttpClient.newBuilder().sslContext(ssl).sslParameters(params).connectTimeout(Duration.ofSeconds(5)).build();
    }
}
