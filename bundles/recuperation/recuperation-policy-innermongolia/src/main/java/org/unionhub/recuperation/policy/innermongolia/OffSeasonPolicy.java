package org.unionhub.recuperation.policy.innermongolia;

import java.math.BigDecimal;
import java.time.MonthDay;
import java.time.format.DateTimeFormatter;

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

/** Registers {@link OffSeasonRule} as the installation's subsidy policy, with its settings from Config Admin. */
@Component(service = SubsidyPolicy.class, configurationPid = OffSeasonPolicy.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL, property = "unionhub.recuperation.policy=" + OffSeasonPolicy.ID)
@Designate(ocd = OffSeasonPolicy.Config.class)
public class OffSeasonPolicy implements SubsidyPolicy {

    public static final String ID = "innermongolia-offseason";
    public static final String PID = "org.unionhub.recuperation.policy.innermongolia";
    private static final DateTimeFormatter MONTH_DAY = DateTimeFormatter.ofPattern("MM-dd");

    @ObjectClassDefinition(name = "UnionHub recuperation: Inner Mongolia off-season subsidy",
            description = "Daily subsidy for off-season stays at union-owned sanatoriums (内蒙古职工疗休养淡季补贴).")
    public @interface Config {
        @AttributeDefinition(description = "CNY per person per day")
        String ratePerDay() default "200.00";

        @AttributeDefinition(description = "first day of the off-season, MM-dd")
        String seasonStart() default "11-01";

        @AttributeDefinition(description = "last day of the off-season, MM-dd")
        String seasonEnd() default "05-31";

        @AttributeDefinition(description = "shortest stay that counts, in days")
        int minDays() default 2;

        @AttributeDefinition(description = "longest stay that counts, in days")
        int maxDays() default 6;

        @AttributeDefinition(description = "the union sanatoriums that qualify, by name as in the catalogue, separated by commas;"
                + " blank: every union-owned sanatorium")
        String sanatoriums() default "内蒙古工人疗养院,内蒙古工人包头疗养院";
    }

    private final String version;
    private volatile OffSeasonRule rule;

    @Activate
    public OffSeasonPolicy(BundleContext context, Config config) {
        this.version = context.getBundle().getVersion().toString();
        modified(config);
    }

    @Modified
    void modified(Config config) {
        this.rule = new OffSeasonRule(new BigDecimal(config.ratePerDay().trim()),
                MonthDay.parse(config.seasonStart().trim(), MONTH_DAY), MonthDay.parse(config.seasonEnd().trim(), MONTH_DAY),
                config.minDays(), config.maxDays(), names(config.sanatoriums()));
    }

    static java.util.Set<String> names(String list) {
        java.util.Set<String> out = new java.util.LinkedHashSet<>();
        for (String n : (list == null ? "" : list).split("[,，、]")) {
            if (!n.isBlank()) {
                out.add(n.trim());
            }
        }
        return out;
    }

    @Override
    public String id() {
        return ID;
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
