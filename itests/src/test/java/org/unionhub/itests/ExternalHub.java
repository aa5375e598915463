package org.unionhub.itests;

import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

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
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.unionhub.testkit.HubTestSupport;

/**
 * The distribution tar.gz run as an administrator runs it: unpacked into target/, configured through its
 * etc/ files, started and stopped with bin/start and bin/stop. For tests that Pax Exam cannot host:
 * restarts, and browsers driving the console.
 */
final class ExternalHub {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    final Path home;
    final int port;

    private ExternalHub(Path home, int port) {
        this.home = home;
        this.port = port;
    }

    /** Unpacks a fresh copy into {@code target/<name>} with demo data, free ports and cheap test hashing. */
    static ExternalHub unpack(String name) throws Exception {
        String version = System.getProperty("project.version");
        return unpack(name, distribution(version), version);
    }

    /** The distribution tar.gz of {@code version} in the local Maven repository. */
    static Path distribution(String version) {
        Path repo = Path.of(System.getProperty("org.ops4j.pax.url.mvn.localRepository",
                System.getProperty("user.home") + "/.m2/repository"));
        return repo.resolve("org/unionhub/unionhub-distribution/" + version + "/unionhub-distribution-" + version
                + ".tar.gz");
    }

    /** Unpacks {@code tgz} (the release {@code version}) as {@link #unpack(String)} does. */
    static ExternalHub unpack(String name, Path tgz, String version) throws Exception {
        Path dir = Path.of(System.getProperty("project.build.directory", "target"), name);
        new ExternalHub(dir.resolve("unionhub-distribution-" + version), 0).killLeftovers();
        deleteTree(dir);
        untar(tgz, dir);
        ExternalHub hub = new ExternalHub(dir.resolve("unionhub-distribution-" + version), freePort());
        Files.writeString(hub.home.resolve("etc/org.ops4j.pax.web.cfg"), "org.osgi.service.http.port = " + hub.port + "\n");
        hub.replace("etc/org.unionhub.hub.cfg", "demo = false", "demo = true");
        hub.append("etc/org.apache.karaf.shell.cfg", "sshPort = " + freePort());
        hub.append("etc/org.apache.karaf.management.cfg", "rmiRegistryPort = " + freePort() + "\nrmiServerPort = " + freePort());
        Files.writeString(hub.home.resolve("etc/org.unionhub.security.cfg"), "password.iterations = 1000\n");
        return hub;
    }

    /** An installation already unpacked (e.g. one that bin/restore filled), answering on {@code port}. */
    static ExternalHub at(Path home, int port) {
        return new ExternalHub(home, port);
    }

    /**
     * Cuts the hub off every Maven repository but its own {@code system/} folder (and KARs'): no remote
     * repository, and a local repository that is empty, so that nothing can come from this machine's ~/.m2.
     */
    void offline() throws Exception {
        Path empty = Files.createDirectories(home.resolve("no-maven-repository"));
        Path cfg = home.resolve("etc/org.ops4j.pax.url.mvn.cfg");
        StringBuilder kept = new StringBuilder();
        boolean skipping = false;
        for (String line : Files.readAllLines(cfg)) {
            boolean starts = line.trim().startsWith("org.ops4j.pax.url.mvn.repositories");
            if (starts || skipping) {
                skipping = line.trim().endsWith("\\");
                continue;
            }
            kept.append(line).append('\n');
        }
        Files.writeString(cfg, kept + "org.ops4j.pax.url.mvn.repositories =\norg.ops4j.pax.url.mvn.localRepository = "
                + empty.toAbsolutePath() + "\norg.ops4j.pax.url.mvn.offline = true\n");
    }

    void setup(String... args) throws Exception {
        String[] cmd = new String[args.length + 1];
        cmd[0] = "bin/setup";
        System.arraycopy(args, 0, cmd, 1, args.length);
        run(home, cmd);
    }

    /** Starts the hub and waits until it answers and every module in {@code modules} is ACTIVE. */
    void start(String... modules) throws Exception {
        start(3, modules);
    }

    /**
     * Starts the hub and returns at its first 200 from {@code /api/health}, without any pause: from then on
     * every configured module must answer (health is a readiness check).
     */
    void startUntilReady() throws Exception {
        start(1);
    }

    private void start(int answersInARow, String... modules) throws Exception {
        launch();
        long started = System.currentTimeMillis();
        long deadline = started + 180_000;
        int inARow = 0;
        String last = "";
        boolean relaunched = false;
        while (System.currentTimeMillis() < deadline) {
            if (!relaunched && System.currentTimeMillis() - started > 30_000 && jvms().findAny().isEmpty()) {
                // the JVM is gone without a word (see karaf.out): start it once more rather than wait in vain
                relaunched = true;
                launch();
            }
            try {
                HttpResponse<String> health = get("/api/health");
                last = health.statusCode() + " " + health.body();
                boolean all = health.statusCode() == 200;
                for (String m : modules) {
                    all &= health.body().contains("\"" + m + "\":{\"state\":\"ACTIVE\"");
                }
                inARow = all ? inARow + 1 : 0;
                if (inARow == answersInARow) {
                    return;
                }
            } catch (IOException notYet) {
                last = notYet.toString();
                inARow = 0;
            }
            Thread.sleep(250);
        }
        fail("the hub did not come up within 180 s; /api/health: " + last + "\nkaraf.log, its last errors:\n"
                + HubTestSupport.lastErrors(home.resolve("data/log/karaf.log")) + "\nkaraf.out: " + tail("data/log/karaf.out") + "\nkaraf.log: " + tail("data/log/karaf.log"));
    }

    /**
     * Stops the hub and waits until its JVM has exited. bin/status reports "not running" as soon as the
     * shutdown starts, while the old JVM still holds the Karaf lock, the Derby files and its ports; a
     * bin/start in that moment can lose its start.
     */
    void stop() throws Exception {
        // always asked: the process list does not always show the JVM's arguments; "not running" is no error here
        new ProcessBuilder("bin/stop").directory(home.toFile()).redirectErrorStream(true).start().waitFor();
        long deadline = System.currentTimeMillis() + 90_000;
        while (System.currentTimeMillis() < deadline) {
            if (jvms().findAny().isEmpty()) {
                return;
            }
            Thread.sleep(250);
        }
        stalled();
    }

    /**
     * bin/stop was answered but the JVM is still there after 90 s: seen once, after every test of a class had passed,
     * with the framework's stop waiting two minutes between the JAX-RS whiteboard and Pax Web. The threads go to a file
     * beside the hub for whoever looks into it, and the JVM is killed so that the next class starts clean; the
     * classes' own assertions are what the tests are about.
     */
    private void stalled() throws Exception {
        Path dump = home.resolveSibling(home.getFileName() + "-stop-threads.txt");
        for (ProcessHandle p : jvms().toList()) {
            Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                    String.valueOf(p.pid()), "Thread.print").redirectErrorStream(true).redirectOutput(dump.toFile()).start();
            jcmd.waitFor(30, java.util.concurrent.TimeUnit.SECONDS);
            p.destroyForcibly();
        }
        long deadline = System.currentTimeMillis() + 30_000;
        while (jvms().findAny().isPresent()) {
            if (System.currentTimeMillis() > deadline) {
                fail("the hub's JVM did not exit within 90 s of bin/stop, nor when killed; its threads: " + dump);
            }
            Thread.sleep(250);
        }
        System.err.println("WARNING: the hub's JVM did not exit within 90 s of bin/stop and was killed; its threads: " + dump);
    }

    /** A JVM still running from an aborted earlier run would hold the lock and the database of the new copy. */
    private void killLeftovers() throws Exception {
        if (!Files.exists(home)) {
            return;
        }
        for (ProcessHandle p : jvms().toList()) {
            p.destroyForcibly();
            p.onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
        }
    }

    private java.util.stream.Stream<ProcessHandle> jvms() throws IOException {
        java.util.Set<String> markers = new java.util.HashSet<>(java.util.List.of("-Dkaraf.base=" + home.toAbsolutePath(),
                "-Dkaraf.base=" + home.toRealPath()));
        return ProcessHandle.allProcesses().filter(p -> arguments(p).stream().anyMatch(markers::contains));
    }

    /** A process's arguments, from /proc where there is one: ProcessHandle.Info does not always have them. */
    private static List<String> arguments(ProcessHandle p) {
        try {
            byte[] raw = Files.readAllBytes(Path.of("/proc", Long.toString(p.pid()), "cmdline"));
            return java.util.Arrays.asList(new String(raw, StandardCharsets.UTF_8).split("\0"));
        } catch (IOException | RuntimeException noProc) {
            return p.info().arguments().map(java.util.Arrays::asList).orElse(List.of());
        }
    }

    /**
     * bin/start, with the JVM's own output kept in data/log/karaf.out (Karaf sends it to /dev/null) and the
     * root-instance check off: stop() has already seen the previous JVM exit, and that check can refuse a
     * start for a recycled pid without a word.
     */
    private void launch() throws Exception {
        ProcessBuilder pb = new ProcessBuilder("bin/start").directory(home.toFile()).redirectErrorStream(true);
        pb.environment().put("KARAF_REDIRECT", home.resolve("data/log/karaf.out").toString());
        pb.environment().put("CHECK_ROOT_INSTANCE_RUNNING", "false");
        // a hub that lives for one test class: see HubOptions in the test kit
        pb.environment().put("EXTRA_JAVA_OPTS", "-XX:TieredStopAtLevel=1");
        Files.createDirectories(home.resolve("data/log"));
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue("bin/start failed: " + out, p.waitFor() == 0);
    }

    private String tail(String file) {
        try {
            List<String> lines = Files.readAllLines(home.resolve(file));
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
        } catch (IOException e) {
            return "(" + e.getMessage() + ")";
        }
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    HttpResponse<String> get(String path) throws Exception {
        return send("GET", path, null, null);
    }

    HttpResponse<String> send(String method, String path, String basic, String json) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(60));
        if (basic != null) {
            b.header("Authorization", "Basic " + java.util.Base64.getEncoder()
                    .encodeToString(basic.getBytes(StandardCharsets.UTF_8)));
        }
        if (json != null) {
            b.header("Content-Type", "application/json");
        }
        b.method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** Unpacks {@code tgz} into a new folder {@code dir}. */
    static void untar(Path tgz, Path dir) throws Exception {
        deleteTree(dir);
        Files.createDirectories(dir);
        run(dir, "tar", "xzf", tgz.toAbsolutePath().toString());
    }

    /** Waits until {@code /api/health} reports the module ACTIVE (e.g. after its KAR was dropped into deploy/). */
    void awaitModule(String module) throws Exception {
        long deadline = System.currentTimeMillis() + 120_000;
        while (System.currentTimeMillis() < deadline) {
            HttpResponse<String> health = get("/api/health");
            if (health.statusCode() == 200 && health.body().contains("\"" + module + "\":{\"state\":\"ACTIVE\"")) {
                return;
            }
            Thread.sleep(250);
        }
        fail("module " + module + " did not become ACTIVE; karaf.log: " + tail("data/log/karaf.log"));
    }

    private static void run(Path dir, String... command) throws Exception {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(String.join(" ", command) + " failed: " + out, p.waitFor() == 0);
    }

    private void replace(String file, String from, String to) throws IOException {
        Path f = home.resolve(file);
        Files.writeString(f, Files.readString(f).replace(from, to));
    }

    private void append(String file, String line) throws IOException {
        Path f = home.resolve(file);
        Files.writeString(f, Files.readString(f) + "\n" + line + "\n");
    }

    static int freePort() throws IOException {
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
