package org.unionhub.jobfairs.internal;

import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.unionhub.api.HubModule;
import org.unionhub.api.ModuleHealth;
import org.unionhub.api.db.ModuleDatabase;
import org.unionhub.api.db.Sql;

/** Declares the module to the hub; it references the services so that it is listed only when it can serve. */
@Component(service = HubModule.class)
public class Descriptor implements HubModule {

    private final ModuleDatabase db;

    @Activate
    public Descriptor(@Reference(target = "(unionhub.module=jobfairs)") ModuleDatabase db,
            @Reference ApplicationService applications, @Reference StatsService stats,
            @Reference LivestreamService livestreams, @Reference DemoData demo) {
        this.db = db;
    }

    @Override
    public String id() {
        return Env.MODULE;
    }

    @Override
    public String name() {
        return "Job fairs";
    }

    @Override
    public Set<String> roles() {
        return Set.of(Env.EMPLOYER_ROLE);
    }

    @Override
    public ModuleHealth health() {
        try {
            db.read(c -> Sql.count(c, "SELECT COUNT(*) FROM JOBFAIRS_FAIR WHERE ID = -1"));
            return ModuleHealth.up();
        } catch (RuntimeException e) {
            return ModuleHealth.down("database: " + e.getMessage());
        }
    }
}
