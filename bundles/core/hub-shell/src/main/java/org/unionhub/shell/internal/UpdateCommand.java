package org.unionhub.shell.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.unionhub.api.admin.ModuleAdmin;

@Command(scope = "hub", name = "update", description = "Updates an enabled module in place to another version of its feature "
        + "(default: the newest in the feature repositories) while the hub serves, e.g. hub:update fairs 0.1.1. "
        + "Refused, with the running version kept, when the new bundles do not resolve or a new migration fails.")
@Service
public class UpdateCommand implements Action {

    @Reference
    ModuleAdmin admin;

    @Argument(index = 0, name = "module", required = true)
    String module;

    @Argument(index = 1, name = "version", description = "the feature version to go to; also the way back to an earlier one")
    String version;

    @Override
    public Object execute() {
        Changes.print(admin.update(module, version));
        return null;
    }
}
