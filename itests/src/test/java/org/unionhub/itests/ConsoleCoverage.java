package org.unionhub.itests;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The gate after the whole suite: every officer's or admin's write operation of the API was performed through the
 * console by a browser test, or is exempted with its reason in hub-console's README. Run by the itests pom in the
 * verify phase when the whole suite ran (not for a single {@code -Dit.test}).
 */
public final class ConsoleCoverage {

    static final String OPERATIONS = "console-write-ops.txt";
    private static final Pattern EXEMPT = Pattern.compile("^- `((?:POST|PUT|PATCH|DELETE) /api/\\S+)`\\s*(.*)$");

    private ConsoleCoverage() {
    }

    /** Adds the operations one browser test's hub offers to those of the classes before it. */
    static synchronized void recordWriteOperations(Path target, Collection<String> ops) throws IOException {
        Path file = target.resolve(OPERATIONS);
        Set<String> all = new TreeSet<>(ops);
        if (Files.exists(file)) {
            all.addAll(Files.readAllLines(file, StandardCharsets.UTF_8));
        }
        Files.write(file, all, StandardCharsets.UTF_8);
    }

    /** Arguments: the itests build directory, hub-console's README, and whether tests were skipped. */
    public static void main(String[] args) throws IOException {
        if (args.length > 2 && Boolean.parseBoolean(args[2])) {
            return;
        }
        Path target = Path.of(args[0]);
        Path ops = target.resolve(OPERATIONS);
        if (!Files.exists(ops)) {
            System.out.println("[console coverage] no browser test ran in this build: nothing to check");
            return;
        }
        List<String> problems = check(Files.readAllLines(ops, StandardCharsets.UTF_8), calls(target.resolve("console-calls")),
                Files.readAllLines(Path.of(args[1]), StandardCharsets.UTF_8));
        if (!problems.isEmpty()) {
            throw new IllegalStateException("The console does not cover the API's write operations (" + problems.size()
                    + "):\n  " + String.join("\n  ", problems) + "\nPerform each through the UI in a browser test, or exempt it "
                    + "with its reason under 'Exempt write operations' in bundles/core/hub-console/README.md.");
        }
        System.out.println("[console coverage] all " + ops.getFileName() + " operations performed through the UI or exempted");
    }

    /** What is wrong: operations neither performed nor exempted, exemptions without a reason or without an operation. */
    static List<String> check(List<String> operations, Set<String> calls, List<String> readme) {
        List<String> exempt = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (String line : readme) {
            Matcher m = EXEMPT.matcher(line.trim());
            if (m.matches()) {
                exempt.add(m.group(1));
                if (m.group(2).replaceAll("^[—:\\-\\s]+", "").isBlank()) {
                    problems.add("exempted without a reason: " + m.group(1));
                }
            }
        }
        for (String op : operations) {
            Pattern p = Pattern.compile(Pattern.quote(op).replaceAll("\\{[^}]+}", "\\\\E[^/]+\\\\Q"));
            if (!exempt.contains(op) && calls.stream().noneMatch(c -> p.matcher(c).matches())) {
                problems.add("not performed through the console: " + op);
            }
        }
        for (String e : exempt) {
            if (!operations.contains(e)) {
                problems.add("exempted but not in the API: " + e);
            }
        }
        return problems;
    }

    private static Set<String> calls(Path dir) throws IOException {
        Set<String> all = new TreeSet<>();
        File[] files = dir.toFile().listFiles();
        if (files != null) {
            for (File f : files) {
                all.addAll(Files.readAllLines(f.toPath(), StandardCharsets.UTF_8));
            }
        }
        return all;
    }
}
