package org.unionhub.shell.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.unionhub.api.HubStatus;
import org.unionhub.api.ModuleState;

@Command(scope = "hub", name = "modules", description = "Lists the installed UnionHub service modules")
@Service
public class ModulesCommand implements Action {

    @Reference
    HubStatus status;

    @Override
    public Object execute() {
        ShellTable table = new ShellTable();
        table.column("Id");
        table.column("Name");
        table.column("Version");
        table.column("State");
        table.column("REST root");
        table.column("Detail");
        for (ModuleState m : status.modules()) {
            table.addRow().addContent(m.id(), m.name(), m.version(), m.state(), m.restRoot(),
                    m.detail() == null ? "" : m.detail());
        }
        table.print(System.out);
        return null;
    }
}
