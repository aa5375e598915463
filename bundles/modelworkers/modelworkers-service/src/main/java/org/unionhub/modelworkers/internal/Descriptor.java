package org.unionhub.modelworkers.internal;

import java.util.List;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.unionhub.api.HubModule;
import org.unionhub.api.ModuleHealth;
import org.unionhub.api.db.ModuleDatabase;

/** The module's descriptor; registered only once its database (and so its migrations) is there. */
@Component(service = HubModule.class)
public class Descriptor implements HubModule {

    public static final String ID = "modelworkers";

    @Activate
    public Descriptor(@Reference(target = "(unionhub.module=modelworkers)") ModuleDatabase db,
            @Reference Archive archive, @Reference Nominations nominations, @Reference Subsidies subsidies,
            @Reference DemoData demo, @Reference Configured config) {
        // the references make the module ACTIVE only when every service it answers with has started
        this.config = config;
    }

    private final Configured config;

    /** Serving, but NEEDS_CONFIGURATION while the region has not set the amounts only it can set. */
    @Override
    public ModuleHealth health() {
        List<String> missing = config.get().missing();
        return missing.isEmpty() ? ModuleHealth.up() : ModuleHealth.needsConfiguration("needs configuration: "
                + String.join(", ", missing) + " (configuration " + ModuleConfig.PID + ")");
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String name() {
        return "Model workers";
    }

    @Override
    public String restRoot() {
        return "/api/model-workers";
    }

    @Override
    public Set<String> roles() {
        return Set.of(Nominations.REVIEWER, SubsidyApplications.REVIEWER, SubsidyApplications.PAYER);
    }
}
