package org.unionhub.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A previous release built from its git tag ({@code v<version>}) into {@code target/release-<version>}: its
 * distribution tar.gz and its examples/stations KAR, as an installation of that release would have them. Built
 * once per clean build (about three minutes); the build installs the release's artifacts into the local Maven
 * repository, where release versions never clash with this build's snapshots.
 */
record Release(Path tarGz, Path stationsKar) {

    static Release build(String version) throws Exception {
        Path root = Path.of(System.getProperty("unionhub.root", "..")).toAbsolutePath().normalize();
        Path src = Path.of(System.getProperty("project.build.directory", "target"), "release-" + version).toAbsolutePath();
        Path tgz = src.resolve("distribution/target/unionhub-distribution-" + version + ".tar.gz");
        Path kar = src.resolve("examples/stations/stations-feature/target/stations-feature-1.0.0-SNAPSHOT.kar");
        if (Files.exists(tgz) && Files.exists(kar)) {
            return new Release(tgz, kar);
        }
        String tag = "v" + version;
        Run tagged = Run.of(root, "git", "rev-parse", "--verify", "--quiet", tag + "^{commit}");
        assertEquals("the release tag " + tag + " is needed to build the previous release (a clone with its tags, not a "
                + "shallow one): " + tagged.output(), 0, tagged.status());
        Files.createDirectories(src);
        Run archive = Run.of(root, "sh", "-c", "git archive --format=tar " + tag + " | tar -x -C '" + src + "'");
        assertEquals(archive.output(), 0, archive.status());
        maven(src, "install", "-DskipTests", "-Dinvoker.skip=true", "-Darchetype.test.skip=true", "-pl", "!itests");
        maven(src.resolve("examples/stations"), "package", "-DskipTests");
        assertTrue(tgz + " was not built", Files.exists(tgz));
        assertTrue(kar + " was not built", Files.exists(kar));
        return new Release(tgz, kar);
    }

    private static void maven(Path dir, String... goals) throws Exception {
        String home = System.getProperty("maven.home");
        List<String> cmd = new ArrayList<>(List.of(home == null || home.isBlank() ? "mvn" : home + "/bin/mvn", "-B", "-q",
                "-Dmaven.repo.local=" + System.getProperty("org.ops4j.pax.url.mvn.localRepository")));
        cmd.addAll(List.of(goals));
        Run build = Run.of(dir, cmd.toArray(String[]::new));
        assertEquals("building the previous release failed: " + build.output(), 0, build.status());
    }

    record Run(int status, String output) {
        static Run of(Path dir, String... command) throws Exception {
            Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return new Run(p.waitFor(), out);
        }
    }
}
