package org.unionhub.mutualaid.internal;

import java.util.Set;

import org.osgi.service.component.annotations.Component;
import org.unionhub.api.console.ConsoleExtension;
import org.unionhub.api.security.Roles;

/**
 * Mutual aid in the officer console: plans, enrolments, claims and the fund; the screens are this bundle's
 * src/main/console (Vue, built into console/main.js).
 */
@Component
public class ConsoleScreens implements ConsoleExtension {

    @Override
    public String moduleId() {
        return Descriptor.ID;
    }

    @Override
    public String titleZh() {
        return "医疗互助";
    }

    @Override
    public String titleEn() {
        return "Mutual medical aid";
    }

    @Override
    public Set<String> roles() {
        return Set.of(Roles.ADMIN, Roles.OFFICER, Descriptor.CLAIMS_REVIEWER, Descriptor.CLAIMS_APPROVER,
                Descriptor.FUND_PAYER);
    }

    @Override
    public int order() {
        return 40;
    }
}
