package org.unionhub.modelworkers.internal;

import java.math.BigDecimal;
import java.time.Year;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;


/** The module's rules that need no database: eligibility, amounts, survey flags, plausible years. */
public final class Rules {

    /** The archive starts with the first national model-worker conference (1950). */
    public static final int FIRST_YEAR = 1950;

    private Rules() {
    }

    /** Why a record of this status gets no special subsidy, or {@code null} when it may. */
    public static String subsidyRefusal(RecordStatus status, Settings s) {
        if (status == null || s.eligibleStatuses().contains(status)) {
            return null;
        }
        return "the record's status is " + status + "; special subsidies go to records that are "
                + String.join(" or ", s.eligibleStatuses().stream().map(Enum::name).sorted().toList());
    }

    /** The yearly special subsidy for a person with these title levels: the highest configured amount, or null. */
    public static BigDecimal annualAmount(Collection<String> levels, Settings s) {
        BigDecimal best = null;
        for (String level : levels) {
            BigDecimal a = s.annualAmounts().get(level);
            if (a != null && (best == null || a.compareTo(best) > 0)) {
                best = a;
            }
        }
        return best;
    }

    /** Why a survey answer calls for relief; empty when it does not. */
    public static List<String> surveyFlags(Survey.IncomeBand income, Survey.Health health, Survey.Housing housing,
            BigDecimal selfPaidMedical, Settings s) {
        List<String> out = new ArrayList<>();
        boolean poor = income == Survey.IncomeBand.BELOW_LOCAL_MINIMUM || income == Survey.IncomeBand.LOW;
        if (income == Survey.IncomeBand.BELOW_LOCAL_MINIMUM) {
            out.add("income below the local minimum");
        }
        if (health == Survey.Health.SERIOUS_ILLNESS) {
            out.add("serious illness");
        } else if (health == Survey.Health.POOR && poor) {
            out.add("poor health on a low income");
        }
        if (housing == Survey.Housing.INADEQUATE) {
            out.add("inadequate housing");
        }
        if (selfPaidMedical != null && selfPaidMedical.compareTo(s.medicalThreshold()) >= 0) {
            out.add("self-paid medical costs of " + selfPaidMedical.toPlainString() + " CNY");
        }
        return out;
    }

    /** Why {@code year} cannot be the year of a title, or {@code null}. */
    public static String yearProblem(Integer year) {
        if (year == null) {
            return "is required";
        }
        int now = Year.now().getValue();
        if (year < FIRST_YEAR || year > now) {
            return "must be between " + FIRST_YEAR + " and " + now;
        }
        return null;
    }
}
