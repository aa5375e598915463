package org.unionhub.testkit;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.fail;
import static org.ops4j.pax.exam.CoreOptions.maven;
import static org.ops4j.pax.exam.CoreOptions.mavenBundle;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.CoreOptions.vmOption;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.configureConsole;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.karafDistributionConfiguration;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.logLevel;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import javax.inject.Inject;

import org.apache.karaf.features.FeaturesService;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.api.console.SessionFactory;
import org.junit.After;
import org.junit.Before;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.karaf.options.KarafDistributionOption;
import org.ops4j.pax.exam.options.DefaultCompositeOption;
import org.ops4j.pax.exam.karaf.options.LogLevelOption.LogLevel;
import org.ops4j.pax.exam.options.MavenArtifactUrlReference;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Boots the assembled UnionHub distribution once per test class (demo data on, a free HTTP port) and
 * gives tests HTTP, JSON, account, shell and feature helpers. The test methods run inside the container
 * and talk to it over loopback HTTP like any client.
 *
 * <p>A module's test extends it, lists its features in {@link #features()} and writes only its scenario. A module
 * built outside the hub's own build adds its feature repository with {@link #featureRepository(String, String...)}
 * in {@link #extraOptions()}, or boots the KAR it has just built with {@link #kar(Path, String...)}.
 *
 * <p>This class lives in the {@code unionhub-testkit} jar. Pax Exam's probe carries only the test's own classes, so
 * the configuration also installs this jar as a bundle into the container; the distribution and that bundle are
 * taken at this jar's own version ({@link #HUB_VERSION}), from the local Maven repository of the build
 * (system property {@code org.ops4j.pax.url.mvn.localRepository}, else {@code ~/.m2/repository}).
 */
// PaxExam, and after the class the check of its answers against the API contract when the build asks (Answers)
@RunWith(HubRunner.class)
@ExamReactorStrategy(PerClass.class)
public abstract class HubTestSupport {

    protected static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();
    private static final String PORT_PROPERTY = "unionhub.test.port";
    private static final String KARAF_VERSION = "4.4.10";
    private static final String LOCAL_REPO = "org.ops4j.pax.url.mvn.localRepository";

    /** The version of this test kit, which is the version of the hub distribution it boots. */
    public static final String HUB_VERSION = ownVersion();

    @Inject
    protected BundleContext bundleContext;

    @Inject
    protected FeaturesService featuresService;

    @Inject
    protected SessionFactory sessionFactory;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Configuration
    public Option[] config() {
        MavenArtifactUrlReference karaf = maven().groupId("org.unionhub").artifactId("unionhub-distribution")
                .version(HUB_VERSION).type("tar.gz");
        String port = Integer.toString(freePort());
        List<Option> options = new ArrayList<>(Arrays.asList(
                karafDistributionConfiguration().frameworkUrl(karaf).name("UnionHub")
                        .unpackDirectory(new File("target/exam")).useDeployFolder(false),
                configureConsole().ignoreLocalConsole().ignoreRemoteShell(),
                logLevel(LogLevel.WARN),
                systemProperty(PORT_PROPERTY).value(port),
                // on a loaded machine the probe's services come late; the default 10 s wait then hangs the run
                systemProperty("pax.exam.service.timeout").value("180000"),
                systemProperty("org.ops4j.pax.exam.raw.extender.intern.Parser.DEFAULT_TIMEOUT").value("180000"),
                // the probe waits 10 s for Pax Exam's Injector service; under load it comes later ("gave up waiting")
                systemProperty("org.ops4j.pax.exam.invoker.junit.internal.JUnitProbeInvokerFactory.DEFAULT_TIMEOUT").value("180000"),
                systemProperty("org.ops4j.pax.swissbox.tracker.ServiceLookup.DEFAULT_TIMEOUT").value("180000"),
                // Felix SCR gives up on a component whose activation waits > 5 s for another thread ("Could not
                // obtain lock"); on a machine shared by several builds that happened at boot and the hub never came up
                systemProperty("ds.lock.timeout.milliseconds").value("60000"),
                editConfigurationFilePut("etc/org.ops4j.pax.web.cfg", "org.osgi.service.http.port", port),
                // several containers may run at once on one machine (CI, parallel module builds)
                editConfigurationFilePut("etc/org.apache.karaf.shell.cfg", "sshPort", Integer.toString(freePort())),
                editConfigurationFilePut("etc/org.unionhub.hub.cfg", "demo", "true"),
                // tests create many accounts: a cheap hash keeps them fast; production keeps the slow default
                editConfigurationFilePut("etc/org.unionhub.security.cfg", "password.iterations", "1000"),
                editConfigurationFilePut("etc/org.apache.karaf.features.cfg", "featuresBoot",
                        "instance,package,log,ssh,framework,system,eventadmin,feature,shell,management,service,jaas,"
                                + "deployer,diagnostic,wrap,bundle,config,kar,scr," + String.join(",", features())),
                vmOption("-Djdk.util.zip.disableZip64ExtraFieldValidation=true"),
                vmOption("-Xmx768m"),
                // this class and its nested records, for the test class in the probe
                mavenBundle("org.unionhub", "unionhub-testkit").version(HUB_VERSION)));
        String localRepo = System.getProperty(LOCAL_REPO);
        if (localRepo != null && !localRepo.isBlank()) {
            // the container resolves the kit, test features and KARs from the same local repository as the build
            options.add(editConfigurationFilePut("etc/org.ops4j.pax.url.mvn.cfg", LOCAL_REPO, localRepo));
        }
        for (String flag : jpmsFlags()) {
            options.add(vmOption(flag));
        }
        Option answers = Answers.option(getClass());
        if (answers != null) {
            options.add(answers);
        }
        options.addAll(Arrays.asList(extraOptions()));
        return options.toArray(new Option[0]);
    }

    /** The boot features of this class's container; modules add theirs. */
    protected String[] features() {
        return new String[] {"unionhub-core"};
    }

    /** More Pax Exam options for a test class. */
    protected Option[] extraOptions() {
        return new Option[0];
    }

    /**
     * A feature repository to add to the container, for {@link #extraOptions()}: e.g.
     * {@code featureRepository("mvn:org.example/stations-feature/1.0.0/xml/features")}. Features named here are
     * installed at boot; features listed in {@link #features()} are booted too, once the repository is known.
     */
    protected static Option featureRepository(String url, String... featureNames) {
        return KarafDistributionOption.features(url, featureNames);
    }

    /**
     * Boots the hub with features from a KAR built in the same run, for {@link #extraOptions()}: the KAR's Maven
     * repository goes into the container's {@code system/} folder (so nothing needs to be installed first), its
     * feature repositories are added and {@code featureNames} are installed at boot. List them in
     * {@link #features()} too if you like; a feature installs once.
     */
    protected static Option kar(Path kar, String... featureNames) {
        List<Option> options = new ArrayList<>();
        try (ZipFile zip = new ZipFile(kar.toFile())) {
            Path unpacked = Files.createTempDirectory("unionhub-kar-");
            for (ZipEntry e : Collections.list(zip.entries())) {
                String name = e.getName();
                if (e.isDirectory() || !name.startsWith("repository/") || name.contains("maven-metadata")) {
                    continue;
                }
                String path = name.substring("repository/".length());
                Path file = unpacked.resolve(path);
                Files.createDirectories(file.getParent());
                try (InputStream in = zip.getInputStream(e)) {
                    Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
                }
                file.toFile().deleteOnExit();
                options.add(KarafDistributionOption.replaceConfigurationFile("system/" + path, file.toFile()));
                if (path.endsWith(".xml")) {
                    options.add(KarafDistributionOption.features(mvnUrl(path), featureNames));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the KAR " + kar, e);
        }
        return new DefaultCompositeOption(options.toArray(new Option[0]));
    }

    /** {@code g/r/oup/artifact/version/artifact-version-classifier.xml} → {@code mvn:g.r.oup/artifact/version/xml/classifier}. */
    private static String mvnUrl(String repositoryPath) {
        String[] parts = repositoryPath.split("/");
        int n = parts.length;
        String artifact = parts[n - 3];
        String version = parts[n - 2];
        String group = String.join(".", Arrays.copyOfRange(parts, 0, n - 3));
        String rest = parts[n - 1].substring((artifact + "-" + version).length(), parts[n - 1].length() - ".xml".length());
        return "mvn:" + group + "/" + artifact + "/" + version + "/xml" + (rest.startsWith("-") ? "/" + rest.substring(1) : "");
    }

    /**
     * Runs {@code call} without judging its answers by the document: for what the document cannot describe, such as
     * the 404 of a module that is not installed (its paths leave the document with it).
     */
    protected <T> T unjudged(java.util.concurrent.Callable<T> call) throws Exception {
        Answers.pause(true);
        try {
            return call.call();
        } finally {
            Answers.pause(false);
        }
    }

    /** The module ids that must be ACTIVE before a test starts. */
    protected String[] expectedModules() {
        return new String[0];
    }

    @Before
    public void waitUntilHubIsUp() throws Exception {
        // the document describes a hub that is up: the answers of one still starting are not judged by it
        Answers.pause(true);
        try {
            waitForHealth();
        } finally {
            Answers.pause(false);
        }
    }

    private static final long[] LOG_SCANNED = {0};
    private static final long[] ANSWERS_SCANNED = {0};
    private static long auditScanned = -1;

    /**
     * Issue 22's log scan, in the container after every test method: what the hub wrote since the last scan to
     * karaf.log, to the audit's change text and into error bodies holds no ID number, phone number or diagnosis
     * ({@link PersonalDataScan}). A class that must see such text (none yet) overrides {@link #scansPersonalData}.
     */
    @After
    public void personalDataStayedWhereItBelongs() throws Exception {
        if (!scansPersonalData()) {
            return;
        }
        List<String> found = new ArrayList<>();
        String data = System.getProperty("karaf.data");
        if (data != null) {
            found.addAll(PersonalDataScan.find("karaf.log", PersonalDataScan.appended(Path.of(data, "log", "karaf.log"),
                    LOG_SCANNED)));
        }
        String answers = System.getProperty(Answers.FILE);
        if (answers != null) {
            for (String line : PersonalDataScan.appended(Path.of(answers), ANSWERS_SCANNED).split("\n")) {
                if (!line.isBlank() && JSON.readTree(line).path("status").asInt() >= 400) {
                    JsonNode a = JSON.readTree(line);
                    found.addAll(PersonalDataScan.find("error body of " + a.path("uri").asText(), a.path("body").asText()));
                }
            }
        }
        Answers.pause(true);
        try {
            found.addAll(newAuditChanges());
        } finally {
            Answers.pause(false);
        }
        if (!found.isEmpty()) {
            fail("personal data where it does not belong: " + found);
        }
    }

    /** Whether {@link #personalDataStayedWhereItBelongs} runs for this class. */
    protected boolean scansPersonalData() {
        return true;
    }

    /** The audit rows written since the last scan, newest first, page by page until the last row scanned. */
    private List<String> newAuditChanges() throws Exception {
        List<String> found = new ArrayList<>();
        long newest = auditScanned;
        String cursor = null;
        do {
            Resp page = get("/api/audit?limit=500" + (cursor == null ? "" : "&cursor=" + cursor), "admin");
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

    /** Set when the hub of this class never came up: its other test methods fail at once instead of waiting again. */
    private static String neverCameUp;

    private void waitForHealth() throws Exception {
        if (neverCameUp != null) {
            fail(neverCameUp);
        }
        long deadline = System.currentTimeMillis() + 180_000;
        String last = "";
        int inARow = 0;
        while (System.currentTimeMillis() < deadline) {
            try {
                Resp health = get("/api/health", null);
                last = health.raw();
                // three answers in a row: the whiteboard rebuilds the application while resources arrive
                inARow = health.status() == 200 && modulesActive(health.json()) ? inARow + 1 : 0;
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

    /** The container's log is gone with its folder after the class: a hub that never came up says why here. */
    public static String lastErrors(Path karafLog) {
        try {
            List<String> lines = Files.readAllLines(karafLog, StandardCharsets.UTF_8);
            List<String> errors = new ArrayList<>();
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).contains("| ERROR |")) {
                    errors.add(String.join("\n", lines.subList(i, Math.min(lines.size(), i + 12))));
                }
            }
            return String.join("\n", errors.subList(Math.max(0, errors.size() - 5), errors.size()));
        } catch (java.io.IOException | RuntimeException e) {
            return "(" + e + ")";
        }
    }

    private boolean modulesActive(JsonNode health) {
        for (String id : expectedModules()) {
            JsonNode m = health.path("modules").path(id);
            if (!"ACTIVE".equals(m.path("state").asText())) {
                return false;
            }
        }
        return true;
    }

    // ---- HTTP

    /** An HTTP answer: status, raw body, and the body as JSON when it is JSON. */
    public record Resp(int status, String raw, java.net.http.HttpHeaders headers) {
        public JsonNode json() {
            try {
                return raw == null || raw.isEmpty() ? JSON.nullNode() : JSON.readTree(raw);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + raw, e);
            }
        }

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        public Resp expect(int expected) {
            assertEquals("HTTP status; body: " + raw, expected, status);
            return this;
        }

        public long id() {
            return json().path("id").asLong();
        }
    }

    /** Credentials: demo accounts have their name as password ("admin", "officer", "member"…); null is anonymous. */
    public record Who(String username, String password) {
        public static Who of(String demoAccount) {
            return demoAccount == null ? null : new Who(demoAccount, demoAccount);
        }
    }

    protected static String baseUrl() {
        return "http://localhost:" + System.getProperty(PORT_PROPERTY, "8181");
    }

    protected Resp get(String path, String demoAccount) throws IOException, InterruptedException {
        return send("GET", path, Who.of(demoAccount), null, null);
    }

    protected Resp post(String path, String demoAccount, Object body) throws IOException, InterruptedException {
        return send("POST", path, Who.of(demoAccount), body, null);
    }

    protected Resp put(String path, String demoAccount, Object body) throws IOException, InterruptedException {
        return send("PUT", path, Who.of(demoAccount), body, null);
    }

    protected Resp delete(String path, String demoAccount) throws IOException, InterruptedException {
        return send("DELETE", path, Who.of(demoAccount), null, null);
    }

    /** Sends {@code body} (a String is sent as is, anything else as JSON) with the given credentials. */
    protected Resp send(String method, String path, Who who, Object body, String contentType)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl() + path)).timeout(Duration.ofSeconds(60));
        if (who != null) {
            String pair = who.username() + ":" + who.password();
            b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
        }
        HttpRequest.BodyPublisher publisher = HttpRequest.BodyPublishers.noBody();
        if (body != null) {
            String text = body instanceof String s ? s : JSON.writeValueAsString(body);
            publisher = HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8);
            b.header("Content-Type", contentType == null ? "application/json" : contentType);
        }
        HttpResponse<String> r = http.send(b.method(method, publisher).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        Answers.record(method, r.uri(), r.statusCode(), r.headers().map(), r.body());
        return new Resp(r.statusCode(), r.body(), r.headers());
    }

    protected static ObjectNode obj(Object... keyValues) {
        ObjectNode n = JSON.createObjectNode();
        for (int i = 0; i < keyValues.length; i += 2) {
            n.set((String) keyValues[i], JSON.valueToTree(keyValues[i + 1]));
        }
        return n;
    }

    /** Asserts a problem+json answer with this status that names {@code field} among its errors. */
    protected static void assertProblem(Resp r, int status, String field) {
        assertEquals("status; body: " + r.raw(), status, r.status());
        String type = r.header("Content-Type");
        if (type == null || !type.startsWith("application/problem+json")) {
            fail("expected application/problem+json, got " + type + ": " + r.raw());
        }
        if (field != null) {
            for (JsonNode e : r.json().path("errors")) {
                if (field.equals(e.path("field").asText())) {
                    return;
                }
            }
            fail("no error names field '" + field + "': " + r.raw());
        }
    }

    // ---- accounts

    /** Creates an account through the API as admin; answers its credentials. */
    protected Who account(String username, String role, Long orgId, Long memberId) throws Exception {
        ObjectNode body = obj("username", username, "password", "secret-" + username, "roles", List.of(role));
        if (orgId != null) {
            body.put("orgId", orgId);
        }
        if (memberId != null) {
            body.put("memberId", memberId);
        }
        post("/api/accounts", "admin", body).expect(201);
        return new Who(username, "secret-" + username);
    }

    // ---- shell and features

    /** Runs a Karaf shell command in the container and answers what it printed. */
    protected String shell(String command) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream ps = new PrintStream(out, true, StandardCharsets.UTF_8);
        Session session = sessionFactory.create(System.in, ps, ps);
        try {
            Object result = session.execute(command);
            if (result != null) {
                ps.println(result);
            }
        } finally {
            session.close();
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static String ownVersion() {
        try (InputStream in = HubTestSupport.class.getResourceAsStream("testkit.properties")) {
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version");
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("testkit.properties is missing from the unionhub-testkit jar", e);
        }
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The Java 9+ module flags of bin/karaf; without them OsgiLocator errors fill the log. */
    private static List<String> jpmsFlags() {
        return List.of("--add-reads=java.xml=java.logging",
                "--add-exports=java.base/org.apache.karaf.specs.locator=java.xml,ALL-UNNAMED",
                "--patch-module", "java.base=lib/endorsed/org.apache.karaf.specs.locator-" + KARAF_VERSION + ".jar",
                "--patch-module", "java.xml=lib/endorsed/org.apache.karaf.specs.java.xml-" + KARAF_VERSION + ".jar",
                "--add-opens", "java.base/java.security=ALL-UNNAMED",
                "--add-opens", "java.base/java.net=ALL-UNNAMED",
                "--add-opens", "java.base/java.lang=ALL-UNNAMED",
                "--add-opens", "java.base/java.util=ALL-UNNAMED",
                "--add-opens", "java.naming/javax.naming.spi=ALL-UNNAMED",
                "--add-opens", "java.rmi/sun.rmi.transport.tcp=ALL-UNNAMED",
                "--add-exports=java.base/sun.net.www.protocol.file=ALL-UNNAMED",
                "--add-exports=java.base/sun.net.www.protocol.ftp=ALL-UNNAMED",
                "--add-exports=java.base/sun.net.www.protocol.http=ALL-UNNAMED",
                "--add-exports=java.base/sun.net.www.protocol.https=ALL-UNNAMED",
                "--add-exports=java.base/sun.net.www.protocol.jar=ALL-UNNAMED",
                "--add-exports=java.base/sun.net.www.content.text=ALL-UNNAMED",
                "--add-exports=jdk.xml.dom/org.w3c.dom.html=ALL-UNNAMED",
                "--add-exports=jdk.naming.rmi/com.sun.jndi.url.rmi=ALL-UNNAMED");
    }
}
