package org.unionhub.shell.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.unionhub.api.admin.ModuleAdmin;

@Command(scope = "hub", name = "enable", description = "Enables a service module (and the modules it needs); its data, if any, is found again")
@Service
public class EnableCommand implements Action {

    @Reference
    ModuleAdmin admin;

    @Argument(index = 0, name = "module", description = "Module id, e.g. fairs", required = true)
    String module;

    @Argument(index = 1, name = "policy", description = "Policy, for modules that have them, e.g. innermongolia")
    String policy;

    @Override
    public Object execute() {
        Changes.print(admin.enable(module, policy));
        return null;
    }
}
