package org.unionhub.shell.internal;

import org.unionhub.api.admin.ModuleAdmin;

final class Changes {

    private Changes() {
    }

    static void print(ModuleAdmin.ModuleChange change) {
        System.out.println("Installed:   " + (change.installed().isEmpty() ? "-" : String.join(", ", change.installed())));
        System.out.println("Uninstalled: " + (change.uninstalled().isEmpty() ? "-" : String.join(", ", change.uninstalled())));
        System.out.println("Chosen set (etc/org.unionhub.modules.cfg): " + change.chosen());
    }
}
