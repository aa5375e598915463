package org.unionhub.shell.upgrade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Version;

/** A third-party module is kept when the new release exports the api versions it imports, refused otherwise. */
class ApiCheckTest {

    @TempDir
    Path dir;

    @Test
    void readsTheExportsOfTheNewRelease() throws IOException {
        Path system = release("2.3.0");
        Map<String, Version> exported = ApiCheck.exports(system);
        assertEquals(new Version(2, 3, 0), exported.get("org.unionhub.api"));
        assertEquals(new Version(2, 3, 0), exported.get("org.unionhub.api.db"));
    }

    @Test
    void keepsAModuleWhoseImportsTheNewReleaseSatisfies() throws IOException {
        Path kar = kar("[2.1,3)");
        assertEquals(List.of(), ApiCheck.problems(kar, ApiCheck.exports(release("2.3.0"))));
    }

    @Test
    void refusesAModuleBuiltAgainstAnIncompatibleApiAndSaysWhy() throws IOException {
        Path kar = kar("[2.1,3)");
        List<String> problems = ApiCheck.problems(kar, ApiCheck.exports(release("3.0.0")));
        assertEquals(2, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("org.unionhub.stations.service imports org.unionhub.api [2.1.0,3.0.0)"),
                problems.get(0));
        assertTrue(problems.get(0).contains("the new release exports 3.0.0"), problems.get(0));
    }

    @Test
    void aMissingApiPackageIsNamed() throws IOException {
        Path kar = kar("[2.1,3)");
        Path system = dir.resolve("empty/system");
        Files.createDirectories(system.resolve("org/unionhub"));
        List<String> problems = ApiCheck.problems(kar, ApiCheck.exports(system));
        assertTrue(problems.get(0).endsWith("which the new release does not export"), problems.get(0));
    }

    private Path release(String version) throws IOException {
        Path system = dir.resolve(version + "/system");
        Path jar = system.resolve("org/unionhub/org.unionhub.api/" + version + "/org.unionhub.api-" + version + ".jar");
        Files.createDirectories(jar.getParent());
        write(jar, manifest("org.unionhub.api", "org.unionhub.api;version=\"" + version + "\",org.unionhub.api.db;version=\""
                + version + "\";uses:=\"javax.sql,org.unionhub.api\"", null));
        return system;
    }

    /** A module like examples/stations: its api bundle and a service bundle importing both its api and the hub's. */
    private Path kar(String range) throws IOException {
        Path kar = dir.resolve("stations.kar");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(kar))) {
            entry(zip, "repository/org/example/stations-api/1.0/stations-api-1.0.jar",
                    manifest("org.unionhub.stations.api", "org.unionhub.stations.api;version=\"1.0.0\"", null));
            entry(zip, "repository/org/example/stations-service/1.0/stations-service-1.0.jar",
                    manifest("org.unionhub.stations.service", null, "javax.sql,org.unionhub.api;version=\"" + range
                            + "\",org.unionhub.api.db;version=\"" + range + "\",org.unionhub.stations.api;version=\"[1.0,2)\","
                            + "org.unionhub.api.figures;version=\"[1.0,2)\";resolution:=optional"));
        }
        return kar;
    }

    private static Manifest manifest(String bsn, String exports, String imports) {
        Manifest mf = new Manifest();
        Attributes a = mf.getMainAttributes();
        a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        a.putValue("Bundle-SymbolicName", bsn);
        if (exports != null) {
            a.putValue("Export-Package", exports);
        }
        if (imports != null) {
            a.putValue("Import-Package", imports);
        }
        return mf;
    }

    private static void entry(ZipOutputStream zip, String name, Manifest mf) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        write(bytes, mf);
        zip.putNextEntry(new ZipEntry(name));
        zip.write(bytes.toByteArray());
        zip.closeEntry();
    }

    private static void write(Path jar, Manifest mf) throws IOException {
        try (OutputStream out = Files.newOutputStream(jar)) {
            write(out, mf);
        }
    }

    private static void write(OutputStream out, Manifest mf) throws IOException {
        try (JarOutputStream jar = new JarOutputStream(out, mf)) {
            jar.putNextEntry(new ZipEntry("README"));
            jar.write("a bundle".getBytes());
            jar.closeEntry();
        }
    }
}
