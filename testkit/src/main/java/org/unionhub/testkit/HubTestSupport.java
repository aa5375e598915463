package org.unionhub.testkit;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

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
 *
 * <p>The work is done by small helpers beside it: {@link HubOptions} (the container's options), {@link HubHttp}
 * (requests), {@link HubReadiness} (waiting for health), {@link PersonalDataCheck} (the scan after each method),
 * {@link Problems} (problem+json assertions) and {@link JsonBodies} (request bodies); this class keeps the API that
 * tests extend.
 */
// PaxExam, and after the class the check of its answers against the API contract when the build asks (Answers)
@RunWith(HubRunner.class)
@ExamReactorStrategy(PerClass.class)
public abstract class HubTestSupport {

    protected static final ObjectMapper JSON = JsonBodies.JSON;

    /** The version of this test kit, which is the version of the hub distribution it boots. */
    public static final String HUB_VERSION = HubOptions.ownVersion();

    @Inject
    protected BundleContext bundleContext;

    @Inject
    protected FeaturesService featuresService;

    @Inject
    protected SessionFactory sessionFactory;

    private final HubHttp http = new HubHttp();

    @Configuration
    public Option[] config() {
        List<Option> options = HubOptions.base(HUB_VERSION, features(), getClass());
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
        return HubOptions.kar(kar, featureNames);
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
        List<String> found = PersonalDataCheck.sinceLastScan(http);
        if (!found.isEmpty()) {
            fail("personal data where it does not belong: " + found);
        }
    }

    /** Whether {@link #personalDataStayedWhereItBelongs} runs for this class. */
    protected boolean scansPersonalData() {
        return true;
    }

    private void waitForHealth() throws Exception {
        HubReadiness.waitForHealth(http, expectedModules());
    }

    /** The container's log is gone with its folder after the class: a hub that never came up says why here. */
    public static String lastErrors(Path karafLog) {
        return HubReadiness.lastErrors(karafLog);
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
        return HubHttp.baseUrl();
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
        return http.send(method, path, who, body, contentType);
    }

    protected static ObjectNode obj(Object... keyValues) {
        return JsonBodies.obj(keyValues);
    }

    /** Asserts a problem+json answer with this status that names {@code field} among its errors. */
    protected static void assertProblem(Resp r, int status, String field) {
        Problems.assertProblem(r, status, field);
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

    // ---- demo data

    /**
     * The demo member with this card number ({@code XM-0001} 陈建国 … {@code XM-0004}): row ids are not guaranteed to
     * start at 1 (Derby once gave the demo organisations ids from 100), so tests find demo rows by what they are.
     */
    protected long demoMember(String cardNumber) throws Exception {
        JsonNode items = get("/api/members?cardNumber=" + cardNumber, "admin").expect(200).json().path("items");
        assertEquals("demo members with card " + cardNumber, 1, items.size());
        return items.get(0).path("id").asLong();
    }

    /** The demo organisation whose (bilingual) name starts with {@code name}, e.g. {@code 海沧区总工会}. */
    protected long demoOrg(String name) throws Exception {
        JsonNode items = get("/api/orgs?limit=200&name=" + URLEncoder.encode(name, StandardCharsets.UTF_8), "admin")
                .expect(200).json().path("items");
        for (JsonNode o : items) {
            if (o.path("name").asText().startsWith(name)) {
                return o.path("id").asLong();
            }
        }
        throw new AssertionError("no demo organisation named " + name + " in " + items);
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
}
