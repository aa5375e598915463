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
                why = "不予补贴：" + kind(q.organiserKind()) + "组织的疗休养只补贴本单位职工，会员 " + m.memberId()
                        + " 不属于本单位";
            }
            out.add(why != null ? new MemberSubsidy(m.memberId(), Money.ZERO, why, null)
                    : new MemberSubsidy(m.memberId(), amount, "淡季在工会疗养院疗休养 " + q.days() + " 天："
                            + q.days() + " × " + daily.toPlainString() + " 元", null));
        }
        return new SubsidyDecision(out, List.of());
    }

    /** The reason no member of this booking gets a subsidy, or null when it qualifies. */
    private String bookingRefusal(BookingQuote q) {
        if (q.organiserKind() == OrgKind.FEDERATION) {
            return "不予补贴：不含自治区总工会本级组织的示范性职工疗休养活动";
        }
        if (!q.unionOwned()) {
            return "不予补贴：该疗养院不属于工会";
        }
        if (!sanatoriums.isEmpty() && (q.sanatoriumName() == null || !sanatoriums.contains(q.sanatoriumName().trim()))) {
            return "不予补贴：" + (q.sanatoriumName() == null ? "该疗养院" : q.sanatoriumName())
                    + "不在本地区补贴的疗养院之列（" + String.join("、", new java.util.TreeSet<>(sanatoriums)) + "）";
        }
        if (q.days() < minDays || q.days() > maxDays) {
            return "不予补贴：疗休养 " + q.days() + " 天，不在 " + minDays + "–" + maxDays + " 天之内";
        }
        for (LocalDate d = q.startDate(); !d.isAfter(q.endDate()); d = d.plusDays(1)) {
            if (!inSeason(d)) {
                return "不予补贴：" + q.startDate() + " 至 " + q.endDate() + " 不全在淡季（" + text(seasonStart) + " 至 "
                        + text(seasonEnd) + "）之内，" + d + " 在淡季之外";
            }
        }
        return null;
    }

    /** The organiser's kind as the rule's text names it. */
    static String kind(OrgKind k) {
        return switch (k) {
            case FEDERATION -> "总工会本级";
            case CITY -> "市级工会";
            case DISTRICT -> "区级工会";
            case COUNTY -> "县级工会";
            case GRASSROOTS -> "基层工会";
            case INDUSTRY -> "产业工会";
            case NEW_FORM_FEDERATION -> "新就业形态工会联合会";
        };
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
