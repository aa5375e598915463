package org.unionhub.shell.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.unionhub.api.HubStatus;
import org.unionhub.api.ModuleHealth;
import org.unionhub.api.ModuleState;

@Command(scope = "hub", name = "health", description = "Shows whether the database and each module are up")
@Service
public class HealthCommand implements Action {

    @Reference
    HubStatus status;

    @Override
    public Object execute() {
        ModuleHealth db = status.database();
        System.out.println("Hub: " + (!db.isUp() ? "DOWN" : status.isUp() ? "UP" : "DEGRADED"));
        ShellTable table = new ShellTable();
        table.column("Part");
        table.column("State");
        table.column("Status");
        table.column("Detail");
        table.addRow().addContent("database", "", db.status(), db.detail() == null ? "" : db.detail());
        for (ModuleState m : status.modules()) {
            table.addRow().addContent(m.id(), m.state(), m.health().status(), m.detail() == null ? "" : m.detail());
        }
        table.print(System.out);
        return null;
    }
}
