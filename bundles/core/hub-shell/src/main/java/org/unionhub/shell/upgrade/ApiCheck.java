package org.unionhub.shell.upgrade;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarFile;
import java.util.jar.JarInputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.osgi.framework.Version;
import org.osgi.framework.VersionRange;

/**
 * Run by {@code bin/upgrade} before anything changes, outside any running hub: does each third-party module in
 * {@code deploy/} (a KAR or a bundle) still import the hub's api packages in versions the new release exports?
 * Only the JDK and the OSGi core jar of the new release's {@code lib/boot} are on its class path.
 *
 * <pre>java -cp org.unionhub.shell.jar:osgi.core.jar org.unionhub.shell.upgrade.ApiCheck NEW_SYSTEM_DIR FILE...</pre>
 *
 * Prints one line per module ({@code kept} or {@code refused} with the reason) and exits 0 when every module
 * is kept, 1 when one is refused, 2 on bad arguments.
 */
public final class ApiCheck {

    private static final String API_PREFIX = "org.unionhub.";

    private ApiCheck() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: ApiCheck NEW_SYSTEM_DIR [MODULE.kar|MODULE.jar]...");
            System.exit(2);
        }
        Map<String, Version> exported = exports(Path.of(args[0]));
        boolean allKept = true;
        for (int i = 1; i < args.length; i++) {
            Path module = Path.of(args[i]);
            List<String> problems = problems(module, exported);
            allKept &= problems.isEmpty();
            System.out.println(problems.isEmpty() ? "kept     " + module.getFileName()
                    : "refused  " + module.getFileName() + ":\n           " + String.join("\n           ", problems));
        }
        System.exit(allKept ? 0 : 1);
    }

    /** The hub's packages exported by the bundles under {@code system/org/unionhub}, with their versions. */
    static Map<String, Version> exports(Path system) throws IOException {
        Map<String, Version> exported = new TreeMap<>();
        try (Stream<Path> jars = Files.walk(system.resolve("org/unionhub"))) {
            for (Path jar : jars.filter(p -> p.toString().endsWith(".jar")).toList()) {
                try (JarFile file = new JarFile(jar.toFile())) {
                    Manifest mf = file.getManifest();
                    String header = mf == null ? null : mf.getMainAttributes().getValue("Export-Package");
                    for (Clause c : Clause.parse(header)) {
                        if (c.name().startsWith(API_PREFIX)) {
                            exported.put(c.name(), Version.parseVersion(c.attribute("version", "0.0.0")));
                        }
                    }
                }
            }
        }
        return exported;
    }

    /** Why the module would not resolve against the new release's api; empty when it would. */
    static List<String> problems(Path module, Map<String, Version> exported) throws IOException {
        List<String> problems = new ArrayList<>();
        for (Manifest mf : manifests(module)) {
            String bundle = mf.getMainAttributes().getValue("Bundle-SymbolicName");
            for (Clause c : Clause.parse(mf.getMainAttributes().getValue("Import-Package"))) {
                if (!c.name().startsWith(API_PREFIX) || "optional".equals(c.directive("resolution"))) {
                    continue;
                }
                if (own(mf, c.name())) {
                    continue;
                }
                VersionRange wanted = new VersionRange(c.attribute("version", "0.0.0"));
                Version offered = exported.get(c.name());
                if (offered == null) {
                    problems.add(bundle + " imports " + c.name() + " " + wanted + ", which the new release does not export");
                } else if (!wanted.includes(offered)) {
                    problems.add(bundle + " imports " + c.name() + " " + wanted + ", the new release exports " + offered);
                }
            }
        }
        return problems;
    }

    /** A module's own api packages (e.g. org.unionhub.stations.api) are exported by one of its own bundles. */
    private static boolean own(Manifest mf, String pkg) {
        return Clause.parse(mf.getMainAttributes().getValue("Export-Package")).stream().anyMatch(e -> e.name().equals(pkg));
    }

    private static List<Manifest> manifests(Path module) throws IOException {
        List<Manifest> found = new ArrayList<>();
        if (module.toString().endsWith(".jar")) {
            try (JarFile jar = new JarFile(module.toFile())) {
                if (jar.getManifest() != null) {
                    found.add(jar.getManifest());
                }
            }
            return found;
        }
        // a KAR: a zip whose repository/ holds the module's bundles
        try (ZipFile kar = new ZipFile(module.toFile())) {
            for (ZipEntry e : kar.stream().filter(e -> e.getName().endsWith(".jar")).toList()) {
                try (InputStream in = kar.getInputStream(e); JarInputStream jar = new JarInputStream(in)) {
                    Manifest mf = jar.getManifest();
                    if (mf != null && mf.getMainAttributes().getValue("Bundle-SymbolicName") != null) {
                        found.add(mf);
                    }
                }
            }
        }
        // a module's own exports satisfy its other bundles' imports: merge them into each manifest's view
        List<String> exports = new ArrayList<>();
        for (Manifest mf : found) {
            String e = mf.getMainAttributes().getValue("Export-Package");
            if (e != null) {
                exports.add(e);
            }
        }
        for (Manifest mf : found) {
            mf.getMainAttributes().putValue("Export-Package", String.join(",", exports));
        }
        return found;
    }
}
