package org.unionhub.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * A previous release built from its commit (releases.properties; tag {@code v<version>}) into {@code target/release-<version>}: its
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
        String commit = commit(root, version);
        Files.createDirectories(src);
        Run archive = Run.of(root, "sh", "-c", "git archive --format=tar " + commit + " | tar -x -C '" + src + "'");
        assertEquals(archive.output(), 0, archive.status());
        // neither the release's API client, API baseline check and archetype, which the upgrade does not use, nor its
        // examples, whose stations are built below (31 s instead of 58 s); its distribution needs bundles that it names
        // in feature files, not as Maven dependencies, so "-pl distribution -am" would miss them
        maven(src, "install", "-DskipTests", "-Dinvoker.skip=true", "-pl", "!itests,!api-client,!api-baseline,!archetype,!examples");
        maven(src.resolve("examples/stations"), "package", "-DskipTests");
        assertTrue(tgz + " was not built", Files.exists(tgz));
        assertTrue(kar + " was not built", Files.exists(kar));
        return new Release(tgz, kar);
    }

    /** The commit of releases.properties, which must agree with the tag where the clone has it. */
    static String commit(Path root, String version) throws Exception {
        Properties releases = new Properties();
        try (var in = Files.newInputStream(root.resolve("releases.properties"))) {
            releases.load(in);
        }
        String commit = releases.getProperty(version);
        assertNotNull("releases.properties names no commit for release " + version, commit);
        Run present = Run.of(root, "git", "cat-file", "-e", commit + "^{commit}");
        assertEquals("the commit " + commit + " of release " + version + " is not in this clone (a shallow one?): "
                + present.output(), 0, present.status());
        Run tagged = Run.of(root, "git", "rev-parse", "--verify", "--quiet", "v" + version + "^{commit}");
        if (tagged.status() == 0) {
            assertEquals("tag v" + version + " and releases.properties disagree", commit, tagged.output().trim());
        }
        return commit;
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
