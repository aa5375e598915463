package org.unionhub.core.internal.modules;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.jar.Manifest;

import org.apache.karaf.features.BundleInfo;
import org.apache.karaf.features.Feature;
import org.unionhub.api.db.ModuleDatabase;
import org.unionhub.core.internal.db.Migration;

/** The migrations a feature's module bundle would bring, read from the bundle archives before installing them. */
final class FeatureMigrations {

    private FeatureMigrations() {
    }

    static List<Migration> of(Feature feature, String moduleId) throws IOException {
        List<Migration> out = new ArrayList<>();
        for (BundleInfo b : feature.getBundles()) {
            try (InputStream raw = new URL(b.getLocation()).openStream(); JarInputStream jar = new JarInputStream(raw)) {
                Manifest mf = jar.getManifest();
                String header = mf == null ? null : mf.getMainAttributes().getValue(ModuleDatabase.MODULE_HEADER);
                if (header == null || !moduleId.equals(header.trim())) {
                    continue;
                }
                String folder = ModuleDatabase.MIGRATIONS_FOLDER.replaceAll("^/|/$", "") + "/";
                for (JarEntry e = jar.getNextJarEntry(); e != null; e = jar.getNextJarEntry()) {
                    String name = e.getName();
                    if (name.startsWith(folder) && name.indexOf('/', folder.length()) < 0) {
                        Migration m = Migration.of(name.substring(folder.length()),
                                new String(jar.readAllBytes(), StandardCharsets.UTF_8));
                        if (m != null) {
                            out.add(m);
                        }
                    }
                }
            }
        }
        return out;
    }
}
