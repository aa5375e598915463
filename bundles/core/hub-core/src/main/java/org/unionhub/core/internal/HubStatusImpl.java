package org.unionhub.core.internal;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.unionhub.api.HubModule;
import org.unionhub.api.HubStatus;
import org.unionhub.api.ModuleHealth;
import org.unionhub.api.ModuleState;
import org.unionhub.core.internal.db.SchemaExtender;

/** Joins the registered module descriptors with what the schema extender knows of module bundles. */
@Component
public class HubStatusImpl implements HubStatus {

    private final SchemaExtender schemas;
    private final DataSource dataSource;
    private final Map<ServiceReference<HubModule>, HubModule> modules = new ConcurrentHashMap<>();

    @Activate
    public HubStatusImpl(@Reference SchemaExtender schemas,
            @Reference(target = "(dataSourceName=unionhub)") DataSource dataSource) {
        this.schemas = schemas;
        this.dataSource = dataSource;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addModule(ServiceReference<HubModule> ref, HubModule module) {
        modules.put(ref, module);
    }

    void removeModule(ServiceReference<HubModule> ref) {
        modules.remove(ref);
    }

    @Override
    public List<ModuleState> modules() {
        List<ModuleState> out = new ArrayList<>();
        Map<String, Boolean> seen = new ConcurrentHashMap<>();
        modules.forEach((ref, module) -> {
            Bundle b = ref.getBundle();
            if (b == null) {
                return;
            }
            ModuleHealth h;
            try {
                h = module.health();
            } catch (RuntimeException e) {
                h = ModuleHealth.down("health check failed: " + e.getMessage());
            }
            seen.put(module.id(), true);
            out.add(new ModuleState(module.id(), module.name(), b.getVersion().toString(), ModuleState.ACTIVE,
                    module.restRoot(), h, h.detail()));
        });
        schemas.states().values().forEach(s -> {
            if ("core".equals(s.moduleId()) || seen.containsKey(s.moduleId())) {
                return;
            }
            String state = s.ready() ? ModuleState.STARTING : ModuleState.FAILED;
            String detail = s.ready() ? "waiting for the module's services" : s.detail();
            out.add(new ModuleState(s.moduleId(), s.name(), s.version(), state, "/api/" + s.moduleId(),
                    ModuleHealth.down(detail), detail));
        });
        out.sort(Comparator.comparing(ModuleState::id));
        return out;
    }

    @Override
    public ModuleHealth database() {
        try (Connection c = dataSource.getConnection()) {
            return c.isValid(3) ? ModuleHealth.up() : ModuleHealth.down("the database did not answer");
        } catch (Exception | LinkageError e) {
            // a driver whose classes failed to load throws NoClassDefFoundError: the health report says so, not a 500
            return ModuleHealth.down("cannot connect: " + e);
        }
    }
}
