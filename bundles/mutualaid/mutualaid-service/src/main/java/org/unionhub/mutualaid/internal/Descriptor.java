package org.unionhub.mutualaid.internal;

import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.unionhub.api.HubModule;
import org.unionhub.api.db.ModuleDatabase;

/** The module's descriptor; it needs the module database, so the hub lists it ACTIVE only when it can serve. */
@Component(service = HubModule.class)
public class Descriptor implements HubModule {

    public static final String ID = "mutualaid";
    /** Reviews claims (take, return, reject, second review), with officer, in the member's organisation chain. */
    public static final String CLAIMS_REVIEWER = "claims-reviewer";
    /** Approves (or rejects) reviewed claims at their computed payout or less. */
    public static final String CLAIMS_APPROVER = "claims-approver";
    /** Pays approved claims from the fund, within its balance. */
    public static final String FUND_PAYER = "fund-payer";

    @Activate
    public Descriptor(@Reference(target = "(unionhub.module=mutualaid)") ModuleDatabase db,
            @Reference DemoData demo) {
        // the reference is the point: no database, no module
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String name() {
        return "Mutual medical aid";
    }

    @Override
    public String restRoot() {
        return "/api/mutual-aid";
    }

    @Override
    public Set<String> roles() {
        return Set.of(CLAIMS_REVIEWER, CLAIMS_APPROVER, FUND_PAYER);
    }
}
