package org.example.stations.internal;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.unionhub.api.HubModule;
import org.unionhub.api.db.ModuleDatabase;

/** The stations module's descriptor: listed ACTIVE once its database (and so its schema) and demo data are there. */
@Component(service = HubModule.class)
public class Descriptor implements HubModule {

    @Reference(target = "(unionhub.module=stations)")
    ModuleDatabase db;

    /** Seeded (or skipped) before the module counts as ACTIVE. */
    @Reference
    DemoData demo;

    @Override
    public String id() {
        return "stations";
    }

    @Override
    public String name() {
        return "Union rest stations (工会驿站)";
    }
}
