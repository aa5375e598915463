package org.unionhub.shell.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.unionhub.api.admin.ModuleAdmin;

@Command(scope = "hub", name = "swap", description = "Replaces a module's policy by another without a restart, e.g. hub:swap recuperation zhejiang")
@Service
public class SwapCommand implements Action {

    @Reference
    ModuleAdmin admin;

    @Argument(index = 0, name = "module", required = true)
    String module;

    @Argument(index = 1, name = "policy", required = true)
    String policy;

    @Override
    public Object execute() {
        Changes.print(admin.swap(module, policy));
        return null;
    }
}
