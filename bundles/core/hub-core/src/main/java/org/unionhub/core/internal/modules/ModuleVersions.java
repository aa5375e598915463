package org.unionhub.core.internal.modules;

import org.osgi.framework.Version;

/** Feature versions compared as OSGi versions ({@code 0.1.0-SNAPSHOT} is {@code 0.1.0.SNAPSHOT}). */
final class ModuleVersions {

    private ModuleVersions() {
    }

    static boolean newer(String candidate, String than) {
        return parse(candidate).compareTo(parse(than)) > 0;
    }

    static Version parse(String v) {
        String s = v.trim();
        int dash = s.indexOf('-');
        if (dash > 0) {
            s = s.substring(0, dash) + "." + s.substring(dash + 1).replace('-', '_').replace('.', '_');
        }
        String[] parts = s.split("\\.", 4);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 3; i++) {
            b.append(i < parts.length && parts[i].matches("\\d+") ? parts[i] : "0").append(i < 2 ? "." : "");
        }
        if (parts.length == 4) {
            b.append('.').append(parts[3].replaceAll("[^\\w-]", "_"));
        }
        return Version.parseVersion(b.toString());
    }
}
