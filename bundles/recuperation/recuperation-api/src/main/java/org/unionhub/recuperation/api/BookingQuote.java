package org.unionhub.recuperation.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.unionhub.api.OrgKind;

/**
 * What a policy is asked to price: one booking before it is written.
 *
 * @param startDate          first day of the stay
 * @param days               length of the stay; the stay covers {@code startDate … startDate + days − 1}
 * @param pricePerPersonPerDay what the sanatorium charges
 * @param sanatoriumId       the sanatorium
 * @param sanatoriumRegion   its region, as entered (e.g. 内蒙古)
 * @param unionOwned         whether a union owns the sanatorium (工会疗养院) rather than a partner
 * @param organiserOrgId     the union that organises the trip
 * @param organiserKind      its kind; {@link OrgKind#isCountyLevelOrHigher()} tells its level
 * @param members            who travels
 * @param sanatoriumName     the sanatorium's name as the region's catalogue holds it (null from callers of 1.0), for
 *                           rules that name the sanatoriums that qualify
 * @since 1.1
 */
public record BookingQuote(LocalDate startDate, int days, BigDecimal pricePerPersonPerDay, long sanatoriumId,
        String sanatoriumRegion, boolean unionOwned, long organiserOrgId, OrgKind organiserKind,
        List<Member> members, String sanatoriumName) {

    public BookingQuote {
        members = List.copyOf(members);
    }

    /** The quote of the 1.0 API, without the sanatorium's name. */
    public BookingQuote(LocalDate startDate, int days, BigDecimal pricePerPersonPerDay, long sanatoriumId,
            String sanatoriumRegion, boolean unionOwned, long organiserOrgId, OrgKind organiserKind, List<Member> members) {
        this(startDate, days, pricePerPersonPerDay, sanatoriumId, sanatoriumRegion, unionOwned, organiserOrgId, organiserKind,
                members, null);
    }

    /** Whether every member belongs to the organiser. */
    public boolean ownStaff() {
        return members.stream().allMatch(Member::ownStaff);
    }

    /** The last day of the stay. */
    public LocalDate endDate() {
        return startDate.plusDays(days - 1L);
    }

    /**
     * One traveller.
     *
     * @param memberId the core member id
     * @param orgId    the member's own union
     * @param category the category he travels in, or {@code null} for none
     * @param ownStaff whether he belongs to the organiser (its own organisation or one below it)
     */
    public record Member(long memberId, long orgId, Category category, boolean ownStaff) {
    }
}
