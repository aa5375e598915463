package org.unionhub.modelworkers.internal;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.unionhub.api.HubException;
import org.unionhub.api.Money;

/**
 * The module's configuration, parsed once per change; a bad entry falls back to the default rather than failing.
 * The yearly subsidy amounts and the hardship cap are not in the reports the hub is built from: a region sets them
 * ({@code annual.amounts}, {@code hardship.max.amount}). A demo hub uses {@link #DEMO_AMOUNTS} and
 * {@link #DEMO_HARDSHIP_MAX}, demo data only; a non-demo hub without them refuses the payments that need them with
 * a 409 naming the setting, and the module reports NEEDS_CONFIGURATION.
 */
public record Settings(List<String> levels, Set<RecordStatus> eligibleStatuses, Map<String, BigDecimal> annualAmounts,
        BigDecimal hardshipMax, BigDecimal medicalThreshold, List<String> materials, int materialMaxBytes,
        int importMaxBytes, Set<String> conferredLevels) {

    public static final Settings DEFAULTS = new Settings(
            List.of("NATIONAL_MODEL_WORKER", "NATIONAL_ADVANCED_WORKER", "MAY_DAY_MEDAL", "REGIONAL_MODEL_WORKER",
                    "REGIONAL_ADVANCED_WORKER"),
            Set.of(RecordStatus.ACTIVE, RecordStatus.RETIRED),
            Map.of(), null, Money.of("50000.00"),
            List.of("RECOMMENDATION_FORM", "ACHIEVEMENT_REPORT", "ID_CARD_COPY"), 5 * 1024 * 1024, 10 * 1024 * 1024,
            Set.of("REGIONAL_MODEL_WORKER", "REGIONAL_ADVANCED_WORKER"));

    /** Demo data, not policy: invented for the demo hub, in no report. */
    public static final Map<String, BigDecimal> DEMO_AMOUNTS = amounts(new String[] {"NATIONAL_MODEL_WORKER=3000.00",
        "NATIONAL_ADVANCED_WORKER=3000.00", "MAY_DAY_MEDAL=2400.00", "REGIONAL_MODEL_WORKER=1800.00",
        "REGIONAL_ADVANCED_WORKER=1200.00"});
    /** Demo data, not policy. */
    public static final BigDecimal DEMO_HARDSHIP_MAX = Money.of("50000.00");
    public static final String ANNUAL_AMOUNTS = "annual.amounts";
    public static final String HARDSHIP_MAX = "hardship.max.amount";

    public static Settings of(ModuleConfig c) {
        return of(c, false);
    }

    /** On a demo hub the region's empty amounts are filled with the demo ones. */
    public static Settings of(ModuleConfig c, boolean demo) {
        List<String> levels = codes(c.levels());
        Set<RecordStatus> eligible = new LinkedHashSet<>();
        for (String s : c.subsidy_eligible_statuses()) {
            try {
                eligible.add(RecordStatus.valueOf(s.trim().toUpperCase()));
            } catch (IllegalArgumentException ignored) {
                // an unknown status in the config cannot make anyone eligible
            }
        }
        Map<String, BigDecimal> amounts = amounts(c.annual_amounts());
        return new Settings(levels.isEmpty() ? DEFAULTS.levels : levels, Set.copyOf(eligible),
                amounts.isEmpty() && demo ? DEMO_AMOUNTS : amounts,
                money(c.hardship_max_amount(), demo ? DEMO_HARDSHIP_MAX : null),
                money(c.survey_medical_threshold(), DEFAULTS.medicalThreshold),
                codes(c.materials()), Math.max(1, c.material_max_bytes()), Math.max(1024, c.import_max_bytes()),
                Set.copyOf(codes(c.conferred_levels())));
    }

    /** The yearly amounts by level; a 409 naming the setting when the region has set none. */
    @Override
    public Map<String, BigDecimal> annualAmounts() {
        if (annualAmounts.isEmpty()) {
            throw notSet(ANNUAL_AMOUNTS, "the yearly special subsidy by title level");
        }
        return annualAmounts;
    }

    /** The largest one-off hardship relief; a 409 naming the setting when the region has set none. */
    @Override
    public BigDecimal hardshipMax() {
        if (hardshipMax == null) {
            throw notSet(HARDSHIP_MAX, "the largest one-off hardship relief");
        }
        return hardshipMax;
    }

    /** The settings a region must still set before every payment works; empty when none. */
    public List<String> missing() {
        List<String> out = new java.util.ArrayList<>();
        if (annualAmounts.isEmpty()) {
            out.add(ANNUAL_AMOUNTS);
        }
        if (hardshipMax == null) {
            out.add(HARDSHIP_MAX);
        }
        return out;
    }

    private static HubException notSet(String key, String what) {
        return HubException.conflict(key, what + " is the region's to set and is not set: an administrator sets "
                + key + " in configuration " + ModuleConfig.PID);
    }

    /** Whether a regional approval awards this title, rather than recommending the candidate upward. */
    public boolean confersHere(String level) {
        return level != null && conferredLevels.contains(level);
    }

    public boolean knowsLevel(String level) {
        return level != null && levels.contains(level);
    }

    private static List<String> codes(String[] raw) {
        return Arrays.stream(raw == null ? new String[0] : raw).map(String::trim).filter(s -> !s.isEmpty())
                .map(String::toUpperCase).distinct().toList();
    }

    static Map<String, BigDecimal> amounts(String[] raw) {
        Map<String, BigDecimal> out = new LinkedHashMap<>();
        for (String entry : raw == null ? new String[0] : raw) {
            int eq = entry.indexOf('=');
            if (eq > 0) {
                BigDecimal amount = money(entry.substring(eq + 1), null);
                if (amount != null) {
                    out.put(entry.substring(0, eq).trim().toUpperCase(), amount);
                }
            }
        }
        return Map.copyOf(out);
    }

    private static BigDecimal money(String raw, BigDecimal fallback) {
        try {
            BigDecimal v = Money.normalize(new BigDecimal(raw.trim()));
            return v.signum() > 0 ? v : fallback;
        } catch (RuntimeException e) {
            return fallback;
        }
    }
}
