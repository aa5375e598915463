package org.unionhub.testkit;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.ops4j.pax.exam.CoreOptions;
import org.ops4j.pax.exam.Option;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Every answer a test class gets through {@link HubTestSupport}'s HTTP helpers, kept so that the build can check
 * each against the API contract. The test methods run inside the container, where the contract's validator is not;
 * so {@link #record} appends each exchange as a JSON line to a file, and after the class, back in the test driver's
 * JVM, {@link HubRunner} hands that file to the checker the build names ({@link #check}). The hub's own build sets
 * {@value #DIR} and {@value #CHECKER} (itests: every answer validated against {@code api-client/openapi.json});
 * without them nothing is recorded or checked, as in an integrator's build.
 */
public final class Answers {

    /** The folder for the recordings, one file per test class. */
    public static final String DIR = "unionhub.answers.dir";
    /** The class of a {@code Consumer<Path>} that throws an {@link AssertionError} for answers that break the contract. */
    public static final String CHECKER = "unionhub.answers.checker";
    /** The recording of this container's test class, as the container sees it. */
    static final String FILE = "unionhub.answers.file";

    private static final ObjectMapper JSON = new ObjectMapper();

    private static volatile boolean paused;

    private Answers() {
    }

    /** The container's recording file for {@code testClass}, emptied now; null when the build asks for none. */
    static Option option(Class<?> testClass) {
        Path file = file(testClass);
        if (file == null) {
            return null;
        }
        try {
            Files.createDirectories(file.getParent());
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new IllegalStateException("cannot prepare " + file, e);
        }
        return CoreOptions.systemProperty(FILE).value(file.toString());
    }

    private static Path file(Class<?> testClass) {
        String dir = System.getProperty(DIR);
        return dir == null || dir.isBlank() ? null : Path.of(dir).toAbsolutePath().resolve(testClass.getName() + ".jsonl");
    }

    /** Stops or resumes recording, e.g. while the hub is still starting. */
    static void pause(boolean pause) {
        paused = pause;
    }

    /** Appends one exchange to this container's recording, if there is one. */
    static synchronized void record(String method, URI uri, int status, Map<String, List<String>> headers, String body) {
        String file = System.getProperty(FILE);
        if (file == null || paused) {
            return;
        }
        ObjectNode line = JSON.createObjectNode().put("method", method).put("uri", uri.toString()).put("status", status);
        line.set("headers", JSON.valueToTree(headers));
        line.put("body", body);
        try {
            Files.writeString(Path.of(file), JSON.writeValueAsString(line) + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new IllegalStateException("cannot record an answer in " + file, e);
        }
    }

    /**
     * After the class, in the test driver's JVM: the build's checker judges the class's recording; nothing when no
     * check is asked for or inside the container (where the driver checks afterwards).
     */
    static void check(Class<?> testClass) throws ReflectiveOperationException {
        String checker = System.getProperty(CHECKER);
        Path file = file(testClass);
        if (checker == null || checker.isBlank() || file == null || System.getProperty(FILE) != null) {
            return;
        }
        @SuppressWarnings("unchecked")
        Consumer<Path> check = (Consumer<Path>) Class.forName(checker, true, testClass.getClassLoader())
                .getConstructor().newInstance();
        check.accept(file);
    }
}
