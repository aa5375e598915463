package org.unionhub.recuperation.internal;

import java.util.List;
import java.util.stream.Collectors;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.unionhub.api.HubException;
import org.unionhub.recuperation.api.SubsidyPolicy;

/**
 * The installed subsidy policy. Policy bundles come and go at runtime (a region swaps one feature for
 * another), so the reference is dynamic and greedy. It takes every registered policy, not at most one,
 * so that two installed at once are seen and refused with a clear error rather than one picked silently.
 */
@Component(service = Policies.class)
public class Policies {

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile List<SubsidyPolicy> policies;

    /** For tests outside a framework: the policies as DS would inject them. */
    void set(List<SubsidyPolicy> installed) {
        this.policies = List.copyOf(installed);
    }

    /** The policy to price a booking with; empty when none is installed; 409 when several are. */
    public java.util.Optional<SubsidyPolicy> current() {
        List<SubsidyPolicy> now = snapshot();
        if (now.size() > 1) {
            throw HubException.conflict(conflict(now));
        }
        return now.stream().findFirst();
    }

    /** Null when at most one policy is installed, else the reason the module cannot price bookings. */
    public String problem() {
        List<SubsidyPolicy> now = snapshot();
        return now.size() > 1 ? conflict(now) : null;
    }

    public List<SubsidyPolicy> snapshot() {
        List<SubsidyPolicy> now = policies;
        return now == null ? List.of() : List.copyOf(now);
    }

    private static String conflict(List<SubsidyPolicy> now) {
        return (now.size() == 2 ? "two" : Integer.toString(now.size())) + " subsidy policies are active: "
                + now.stream().map(p -> p.id() + " " + p.version()).collect(Collectors.joining(", "))
                + "; uninstall all but one (feature:uninstall unionhub-recuperation-<region>)";
    }
}
