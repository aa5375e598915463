package org.unionhub.recuperation.policy.innermongolia;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.unionhub.api.Money;
import org.unionhub.api.OrgKind;
import org.unionhub.recuperation.api.BookingQuote;
import org.unionhub.recuperation.api.SubsidyDecision;
import org.unionhub.recuperation.api.SubsidyDecision.MemberSubsidy;

/**
 * Inner Mongolia's off-season rule (试行办法), free of OSGi so that it can be tested as a table: a daily
 * rate per person for a stay that lies wholly within the off-season, lasts {@code minDays … maxDays}, is at
 * a union-owned sanatorium and is organised by a county-level-or-higher union, or by a lower union for
 * its own staff. The amount never exceeds what the stay costs. The regional federation's own trips are
 * excluded ("不含自治区总工会本级组织的示范性职工疗休养活动"): they are funded as demonstration programmes, not
 * by this subsidy. Only the region's named union sanatoriums qualify ("在内蒙古工人疗养院、内蒙古工人包头疗养院…"):
 * {@code sanatoriums} holds their names as the region's administrator configured them; empty, any union-owned one does.
 */
public record OffSeasonRule(BigDecimal ratePerDay, MonthDay seasonStart, MonthDay seasonEnd, int minDays, int maxDays,
        Set<String> sanatoriums) {

    /** The two union sanatoriums the rules name; the region's administrator may change the list (config key {@code sanatoriums}). */
    public static final Set<String> NAMED = Set.of("内蒙古工人疗养院", "内蒙古工人包头疗养院");
    /** The rules' figures, with any union-owned sanatorium qualifying. */
    public static final OffSeasonRule DEFAULT = new OffSeasonRule(Money.of(200), MonthDay.of(11, 1), MonthDay.of(5, 31), 2, 6);

    public OffSeasonRule(BigDecimal ratePerDay, MonthDay seasonStart, MonthDay seasonEnd, int minDays, int maxDays) {
        this(ratePerDay, seasonStart, seasonEnd, minDays, maxDays, Set.of());
    }

    public OffSeasonRule {
        sanatoriums = sanatoriums == null ? Set.of() : Set.copyOf(sanatoriums);
        if (ratePerDay == null || ratePerDay.signum() < 0) {
            throw new IllegalArgumentException("ratePerDay must not be negative");
        }
        if (minDays < 1 || maxDays < minDays) {
            throw new IllegalArgumentException("day limits must satisfy 1 <= minDays <= maxDays");
        }
        ratePerDay = Money.normalize(ratePerDay);
    }

    public SubsidyDecision decide(BookingQuote q) {
        String refusal = bookingRefusal(q);
        BigDecimal daily = Money.min(ratePerDay, Money.normalize(q.pricePerPersonPerDay()));
        BigDecimal amount = Money.normalize(daily.multiply(BigDecimal.valueOf(q.days())));
        List<MemberSubsidy> out = new ArrayList<>();
        for (BookingQuote.Member m : q.members()) {
            String why = refusal;
            if (why == null && !q.organiserKind().isCountyLevelOrHigher() && !m.ownStaff()) {
                why = "no subsidy: a " + q.organiserKind() + " union is subsidised only for its own staff, and member "
                        + m.memberId() + " belongs to another union";
            }
            out.add(why != null ? new MemberSubsidy(m.memberId(), Money.ZERO, why, null)
                    : new MemberSubsidy(m.memberId(), amount, "off-season stay of " + q.days() + " days at a union sanatorium: "
                            + q.days() + " × " + daily.toPlainString() + " CNY", null));
        }
        return new SubsidyDecision(out, List.of());
    }

    /** The reason no member of this booking gets a subsidy, or null when it qualifies. */
    private String bookingRefusal(BookingQuote q) {
        if (q.organiserKind() == OrgKind.FEDERATION) {
            return "no subsidy: trips the regional federation organises at its own level are excluded"
                    + " (不含自治区总工会本级组织的示范性职工疗休养活动)";
        }
        if (!q.unionOwned()) {
            return "no subsidy: the sanatorium is not union-owned";
        }
        if (!sanatoriums.isEmpty() && (q.sanatoriumName() == null || !sanatoriums.contains(q.sanatoriumName().trim()))) {
            return "no subsidy: " + (q.sanatoriumName() == null ? "the sanatorium" : q.sanatoriumName())
                    + " is not one of the region's qualifying sanatoriums (" + String.join("、", new java.util.TreeSet<>(sanatoriums)) + ")";
        }
        if (q.days() < minDays || q.days() > maxDays) {
            return "no subsidy: a stay of " + q.days() + " days is outside " + minDays + "–" + maxDays + " days";
        }
        for (LocalDate d = q.startDate(); !d.isAfter(q.endDate()); d = d.plusDays(1)) {
            if (!inSeason(d)) {
                return "no subsidy: the stay " + q.startDate() + " … " + q.endDate() + " is not wholly within the off-season ("
                        + text(seasonStart) + " to " + text(seasonEnd) + "); " + d + " is outside it";
            }
        }
        return null;
    }

    private static String text(MonthDay md) {
        return String.format("%02d-%02d", md.getMonthValue(), md.getDayOfMonth());
    }

    /** The season may wrap the year's end (November to May). */
    boolean inSeason(LocalDate date) {
        MonthDay md = MonthDay.from(date);
        if (!seasonStart.isAfter(seasonEnd)) {
            return !md.isBefore(seasonStart) && !md.isAfter(seasonEnd);
        }
        return !md.isBefore(seasonStart) || !md.isAfter(seasonEnd);
    }
}
