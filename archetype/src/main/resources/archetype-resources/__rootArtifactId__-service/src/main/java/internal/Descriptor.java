package ${package}.internal;

import java.util.Set;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.unionhub.api.HubModule;
import org.unionhub.api.db.ModuleDatabase;

import ${package}.api.ItemService;

/**
 * The module's descriptor for the hub (/api/modules, /api/health, hub:modules). It references the module's
 * database and demo data, so the module is listed ACTIVE only once it can serve.
 */
@Component(service = HubModule.class)
public class Descriptor implements HubModule {

    @Reference(target = "(unionhub.module=${moduleId})")
    ModuleDatabase db;

    @Reference
    DemoData demo;

    @Override
    public String id() {
        return "${moduleId}";
    }

    @Override
    public String name() {
        return "${moduleName}";
    }

    /** Roles this module adds; admins grant them with POST /api/accounts. */
    @Override
    public Set<String> roles() {
        return Set.of(ItemService.READER);
    }
}
