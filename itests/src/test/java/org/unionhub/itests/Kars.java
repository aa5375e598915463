package org.unionhub.itests;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/** KARs as a third party would ship them, changed for tests. */
final class Kars {

    private Kars() {
    }

    /**
     * Copies {@code kar} to {@code to} with every bundle importing the hub's {@code org.unionhub.api} packages in
     * {@code range} instead: a module built against another api version than the hub exports.
     */
    static void requireApi(Path kar, Path to, String range) throws IOException {
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(kar));
                ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(to))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                byte[] bytes = in.readAllBytes();
                out.putNextEntry(new ZipEntry(e.getName()));
                out.write(e.getName().endsWith(".jar") ? withRange(bytes, range) : bytes);
                out.closeEntry();
            }
        }
    }

    private static byte[] withRange(byte[] jar, String range) throws IOException {
        try (JarInputStream in = new JarInputStream(new java.io.ByteArrayInputStream(jar))) {
            Manifest mf = in.getManifest();
            String imports = mf == null ? null : mf.getMainAttributes().getValue("Import-Package");
            if (imports == null) {
                return jar;
            }
            mf.getMainAttributes().putValue("Import-Package",
                    imports.replaceAll("(org\\.unionhub\\.api(\\.[a-z]+)*;version=\")[^\"]*\"", "$1" + range + "\""));
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (JarOutputStream out = new JarOutputStream(bytes, mf)) {
                for (JarEntry e = in.getNextJarEntry(); e != null; e = in.getNextJarEntry()) {
                    out.putNextEntry(new JarEntry(e.getName()));
                    copy(in, out);
                    out.closeEntry();
                }
            }
            return bytes.toByteArray();
        }
    }

    private static void copy(InputStream in, java.io.OutputStream out) throws IOException {
        in.transferTo(out);
    }
}
