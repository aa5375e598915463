package org.unionhub.fairs.internal;

import java.util.Set;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.unionhub.api.HubModule;
import org.unionhub.api.db.ModuleDatabase;

/** The fairs module's descriptor: listed ACTIVE once its database (and so its schema) is there. */
@Component(service = HubModule.class)
public class Descriptor implements HubModule {

    @Reference(target = "(unionhub.module=fairs)")
    ModuleDatabase db;

    /** Seeded (or skipped) before the module counts as ACTIVE: a demo hub is ready when its demo data is. */
    @Reference
    DemoData demo;

    @Override
    public String id() {
        return "fairs";
    }

    @Override
    public String name() {
        return "Union fairs (工会集市)";
    }

    /** Merchants redeem coupons; admins grant the role with POST /api/accounts. */
    @Override
    public Set<String> roles() {
        return Set.of(FairsServiceImpl.MERCHANT);
    }
}
