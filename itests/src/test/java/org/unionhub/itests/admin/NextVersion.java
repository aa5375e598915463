package org.unionhub.itests.admin;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.osgi.framework.Bundle;

/**
 * Another version of a shipped module, made the way a region's integrator ships a fix: the module's
 * service bundle with a new {@code Bundle-Version} and more migrations, in a feature {@code unionhub-<id>}
 * of that version, packed as a KAR or as a plain feature repository. (benchmarks/hotdeploy/next-version.sh
 * does the same from the shell.)
 */
final class NextVersion {

    private final String module;
    private final String version;
    private final byte[] jar;
    private final String apiLocation;

    /**
     * @param service     the running service bundle of {@code module}, whose archive is the starting point
     * @param migrations  file name → SQL, added under db/migration/
     * @param extraImport a package the new bundle imports (one nobody exports makes a bundle that cannot resolve), or null
     */
    NextVersion(String module, String version, Bundle service, String apiLocation, Map<String, String> migrations,
            String extraImport) throws IOException {
        this.module = module;
        this.version = version;
        this.apiLocation = apiLocation;
        this.jar = rebuild(service, version, migrations, extraImport);
    }

    private static byte[] rebuild(Bundle service, String version, Map<String, String> migrations, String extraImport)
            throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (InputStream raw = new URL(service.getLocation()).openStream(); JarInputStream in = new JarInputStream(raw)) {
            Manifest mf = new Manifest(in.getManifest());
            Attributes main = mf.getMainAttributes();
            main.putValue("Bundle-Version", version);
            if (extraImport != null) {
                main.putValue("Import-Package", main.getValue("Import-Package") + "," + extraImport);
            }
            try (JarOutputStream jar = new JarOutputStream(out, mf)) {
                for (JarEntry e = in.getNextJarEntry(); e != null; e = in.getNextJarEntry()) {
                    jar.putNextEntry(new JarEntry(e.getName()));
                    in.transferTo(jar);
                    jar.closeEntry();
                }
                for (Map.Entry<String, String> m : migrations.entrySet()) {
                    jar.putNextEntry(new JarEntry("db/migration/" + m.getKey()));
                    jar.write(m.getValue().getBytes(StandardCharsets.UTF_8));
                    jar.closeEntry();
                }
            }
        }
        return out.toByteArray();
    }

    private String features(String bundleLocation) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<features name=\"unionhub-" + module + "-" + version + "\" xmlns=\"http://karaf.apache.org/xmlns/features/v1.6.0\">\n"
                + "  <feature name=\"unionhub-" + module + "\" version=\"" + version + "\">\n"
                + "    <feature>unionhub-core</feature>\n"
                + "    <bundle>" + apiLocation + "</bundle>\n"
                + "    <bundle>" + bundleLocation + "</bundle>\n"
                + "  </feature>\n"
                + "</features>\n";
    }

    /** Writes the KAR into {@code dir} under a temporary name, then renames it, so a watching deployer never reads half a file. */
    Path kar(Path dir) throws IOException {
        String base = "repository/org/unionhub/hotdeploy/" + module + "/" + version + "/" + module + "-" + version;
        Path tmp = dir.resolve(module + "-" + version + ".kar.part");
        try (OutputStream file = Files.newOutputStream(tmp); ZipOutputStream zip = new ZipOutputStream(file)) {
            zip.putNextEntry(new ZipEntry(base + ".jar"));
            zip.write(jar);
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry(base + "-features.xml"));
            zip.write(features("mvn:org.unionhub.hotdeploy/" + module + "/" + version).getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return Files.move(tmp, dir.resolve(module + "-" + version + ".kar"));
    }

    /** A plain feature repository in {@code dir}; answers its URI for {@code feature:repo-add}. */
    java.net.URI repository(Path dir) throws IOException {
        Path bundle = Files.write(dir.resolve(module + "-" + version + ".jar"), jar);
        Path xml = Files.writeString(dir.resolve(module + "-" + version + "-features.xml"), features(bundle.toUri().toString()));
        return xml.toUri();
    }
}
