package org.unionhub.shell.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.unionhub.api.admin.ModuleAdmin;

@Command(scope = "hub", name = "disable", description = "Disables a service module; its tables and data stay for when it is enabled again")
@Service
public class DisableCommand implements Action {

    @Reference
    ModuleAdmin admin;

    @Argument(index = 0, name = "module", required = true)
    String module;

    @Option(name = "--force", description = "Also disable the modules that need this one")
    boolean force;

    @Option(name = "--dry-run", description = "Only show the impact")
    boolean dryRun;

    @Override
    public Object execute() {
        ModuleAdmin.Impact impact = admin.impact(module);
        System.out.println("Needed by: " + (impact.neededBy().isEmpty() ? "no other module" : impact.neededBy()));
        System.out.println("Data kept:");
        impact.dataKept().forEach(t -> System.out.println("  " + t.table() + ": " + t.rows() + " rows"));
        if (!dryRun) {
            Changes.print(admin.disable(module, force));
        }
        return null;
    }
}
