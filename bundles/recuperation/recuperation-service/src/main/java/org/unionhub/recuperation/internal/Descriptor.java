package org.unionhub.recuperation.internal;

import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.unionhub.api.HubModule;
import org.unionhub.api.ModuleHealth;
import org.unionhub.recuperation.api.RecuperationTopics;

/** The module's descriptor; it needs the booking service, so the module is listed only when it can serve. */
@Component(service = HubModule.class)
public class Descriptor implements HubModule {

    private final Policies policies;

    @Activate
    public Descriptor(@Reference Bookings bookings, @Reference Policies policies, @Reference DemoData demo) {
        this.policies = policies;
    }

    @Override
    public String id() {
        return RecuperationTopics.MODULE;
    }

    @Override
    public String name() {
        return "Recuperation trips (职工疗休养)";
    }

    @Override
    public Set<String> roles() {
        return Set.of();
    }

    /** DOWN while two subsidy policies are installed: bookings are refused until one is removed. */
    @Override
    public ModuleHealth health() {
        String problem = policies.problem();
        return problem == null ? ModuleHealth.up() : ModuleHealth.down(problem);
    }
}
