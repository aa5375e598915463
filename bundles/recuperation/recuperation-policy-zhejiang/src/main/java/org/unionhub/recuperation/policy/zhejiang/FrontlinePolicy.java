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

        @AttributeDefinition(description = "budgets of particular years, overriding annualBudget: 2024=10000000.00,2025=20000000.00")
        String annualBudgets() default "";

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
        this.rule = new FrontlineRule(new BigDecimal(config.annualBudget().trim()), new BigDecimal(config.reservedShare().trim()),
                byYear(config.annualBudgets()));
    }

    /** {@code 2024=10000000.00, 2025=20000000.00}: a year and its budget per entry. */
    static java.util.Map<Integer, BigDecimal> byYear(String list) {
        java.util.Map<Integer, BigDecimal> out = new java.util.TreeMap<>();
        for (String entry : (list == null ? "" : list).split(",")) {
            if (entry.isBlank()) {
                continue;
            }
            String[] kv = entry.split("=", 2);
            if (kv.length != 2) {
                throw new IllegalArgumentException("annualBudgets: '" + entry.trim() + "' is not year=amount");
            }
            out.put(Integer.parseInt(kv[0].trim()), new BigDecimal(kv[1].trim()));
        }
        return out;
    }

    @Override
    public java.util.List<org.unionhub.recuperation.api.SubsidyDecision.Budget> budgets(int year) {
        return rule.budgets(year);
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
