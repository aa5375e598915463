package org.unionhub.recuperation.policy.zhejiang;

import java.math.BigDecimal;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.unionhub.recuperation.api.BookingQuote;
import org.unionhub.recuperation.api.SubsidyDecision;
import org.unionhub.recuperation.api.SubsidyPolicy;

/** Registers {@link FrontlineRule} as the installation's subsidy policy, with its settings from Config Admin. */
@Component(service = SubsidyPolicy.class, configurationPid = FrontlinePolicy.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL, property = "unionhub.recuperation.policy=" + FrontlineRule.ID)
@Designate(ocd = FrontlinePolicy.Config.class)
public class FrontlinePolicy implements SubsidyPolicy {

    public static final String PID = "org.unionhub.recuperation.policy.zhejiang";

    @ObjectClassDefinition(name = "UnionHub recuperation: Zhejiang frontline subsidy",
            description = "Free recuperation trips for frontline workers from an annual budget (浙江一线职工疗休养).")
    public @interface Config {
        @AttributeDefinition(description = "CNY per calendar year")
        String annualBudget() default "20000000.00";

        @AttributeDefinition(description = "share of the budget reserved for private-enterprise and new-employment-form workers, 0..1")
        String reservedShare() default "0.5";
    }

    private final String version;
    private volatile FrontlineRule rule;

    @Activate
    public FrontlinePolicy(BundleContext context, Config config) {
        this.version = context.getBundle().getVersion().toString();
        modified(config);
    }

    @Modified
    void modified(Config config) {
        this.rule = new FrontlineRule(new BigDecimal(config.annualBudget().trim()), new BigDecimal(config.reservedShare().trim()));
    }

    @Override
    public String id() {
        return FrontlineRule.ID;
    }

    @Override
    public String version() {
        return version;
    }

    @Override
    public SubsidyDecision decide(BookingQuote quote) {
        return rule.decide(quote);
    }
}
