package org.unionhub.recuperation.internal;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.unionhub.api.HubException;
import org.unionhub.api.Money;
import org.unionhub.api.Page;
import org.unionhub.api.PageRequest;
import org.unionhub.api.db.Keyset;
import org.unionhub.api.db.Sql;
import org.unionhub.recuperation.api.Category;
import org.unionhub.recuperation.api.SubsidyDecision.MemberSubsidy;

/**
 * The SQL of bookings (RECUPERATION_BOOKING, its booked members) and of what a booking takes: places, quota places and
 * beds per night, each with one conditional UPDATE that answers whether it could. The rules are {@link Bookings}'.
 */
final class BookingStore {

    /** Booking list sorts; indexes (PROGRAMME_ID, ID), (ORGANISER_ORG_ID, ID), (START_DATE, ID) from migration V2. */
    private static final Keyset PAGES = Keyset.by("B.ID").sort("startDate", "B.START_DATE", LocalDate.class);

    private final Catalogue catalogue;

    BookingStore(Catalogue catalogue) {
        this.catalogue = catalogue;
    }

    /** A no-op write takes the programme row's exclusive lock: bookings of one programme queue here. */
    static boolean lockProgramme(Connection c, long programmeId) throws SQLException {
        return Sql.update(c, "UPDATE RECUPERATION_PROGRAMME SET TAKEN = TAKEN WHERE ID = ?", programmeId) == 1;
    }

    /** Which of {@code ids} hold a place on the programme already. */
    static List<Long> alreadyBooked(Connection c, long programmeId, List<Long> ids) throws SQLException {
        String in = ids.stream().map(x -> "?").collect(Collectors.joining(", "));
        List<Object> params = new ArrayList<>(List.of(programmeId));
        params.addAll(ids);
        return Sql.list(c, "SELECT MEMBER_ID FROM RECUPERATION_BOOKED_MEMBER WHERE PROGRAMME_ID = ? AND CANCEL_KEY = 0 "
                + "AND MEMBER_ID IN (" + in + ") ORDER BY MEMBER_ID", rs -> rs.getLong(1), params.toArray());
    }

    /** One place of the category's quota while it holds places and is not released. */
    static boolean takeQuotaPlace(Connection c, long programmeId, Category category, LocalDate today) throws SQLException {
        return Sql.update(c, "UPDATE RECUPERATION_QUOTA SET TAKEN = TAKEN + 1 WHERE PROGRAMME_ID = ? "
                + "AND CATEGORY = ? AND TAKEN < PLACES AND RELEASE_ON > ?", programmeId, category, today) == 1;
    }

    /** One of the programme's places, its quota place taken already. */
    static boolean takePlace(Connection c, long programmeId) throws SQLException {
        return Sql.update(c, "UPDATE RECUPERATION_PROGRAMME SET TAKEN = TAKEN + 1 WHERE ID = ? AND TAKEN < PLACES",
                programmeId) == 1;
    }

    /** One open place: neither taken nor held by a quota that is not yet released. */
    static boolean takeOpenPlace(Connection c, long programmeId, LocalDate today) throws SQLException {
        return Sql.update(c, "UPDATE RECUPERATION_PROGRAMME SET TAKEN = TAKEN + 1 WHERE ID = ? AND TAKEN + (SELECT "
                + "COALESCE(SUM(Q.PLACES - Q.TAKEN), 0) FROM RECUPERATION_QUOTA Q WHERE Q.PROGRAMME_ID = ? AND Q.RELEASE_ON > ?) "
                + "< PLACES", programmeId, programmeId, today) == 1;
    }

    /** {@code n} beds on each night of the stay where that many are left; answers the nights it took them on. */
    static int takeBeds(Connection c, Sanatorium s, Programme p, int n) throws SQLException {
        return Sql.update(c, "UPDATE RECUPERATION_NIGHT SET TAKEN = TAKEN + ? WHERE SANATORIUM_ID = ? AND NIGHT BETWEEN ? AND ? "
                + "AND TAKEN + ? <= ?", n, s.id(), p.startDate(), p.endDate(), n, s.bedsPerNight());
    }

    /** The nights of the stay with fewer than {@code n} beds left, earliest first. */
    static List<LocalDate> fullNights(Connection c, Sanatorium s, Programme p, int n) throws SQLException {
        return Sql.list(c, "SELECT NIGHT FROM RECUPERATION_NIGHT WHERE SANATORIUM_ID = ? AND NIGHT BETWEEN ? AND ? "
                + "AND TAKEN + ? > ? ORDER BY NIGHT", rs -> Sql.getDate(rs, "NIGHT"), s.id(), p.startDate(), p.endDate(), n,
                s.bedsPerNight());
    }

    static long insert(Connection c, Programme p, long organiserId, String policyId, String policyVersion, BigDecimal total,
            String reason, String createdBy, Instant now) throws SQLException {
        return Sql.insert(c, "INSERT INTO RECUPERATION_BOOKING (PROGRAMME_ID, ORGANISER_ORG_ID, STATUS, START_DATE, DAYS, "
                + "POLICY_ID, POLICY_VERSION, SUBSIDY_TOTAL, SUBSIDY_REASON, CREATED_BY, CREATED_AT) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", p.id(), organiserId, Booking.ACTIVE, p.startDate(), p.days(), policyId,
                policyVersion, total, reason, createdBy, now);
    }

    static void insertMember(Connection c, long bookingId, long programmeId, MemberSubsidy m, Category category, Category quota,
            Map<String, Long> allocationOf) throws SQLException {
        Sql.update(c, "INSERT INTO RECUPERATION_BOOKED_MEMBER (BOOKING_ID, PROGRAMME_ID, MEMBER_ID, CATEGORY, QUOTA_CATEGORY, "
                + "SUBSIDY, REASON, BUDGET_KEY, ALLOCATION_ORG_ID) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", bookingId, programmeId,
                m.memberId(), category, quota, m.amount(), Bookings.clip(m.reason(), 1000), m.budget(),
                m.budget() == null ? null : allocationOf.get(m.budget()));
    }

    /** Gives back what a booking of {@code n} members took: places, quota places, beds. */
    static void release(Connection c, Booking b) throws SQLException {
        int n = b.memberIds().size();
        Sql.update(c, "UPDATE RECUPERATION_PROGRAMME SET TAKEN = TAKEN - ? WHERE ID = ?", n, b.programmeId());
        for (BookedMember m : b.subsidyPerMember()) {
            if (m.quota() != null) {
                Sql.update(c, "UPDATE RECUPERATION_QUOTA SET TAKEN = TAKEN - 1 WHERE PROGRAMME_ID = ? AND CATEGORY = ?",
                        b.programmeId(), m.quota());
            }
        }
        long sanatoriumId = Sql.one(c, "SELECT SANATORIUM_ID FROM RECUPERATION_PROGRAMME WHERE ID = ?", rs -> rs.getLong(1),
                b.programmeId()).orElseThrow();
        Sql.update(c, "UPDATE RECUPERATION_NIGHT SET TAKEN = TAKEN - ? WHERE SANATORIUM_ID = ? AND NIGHT BETWEEN ? AND ?", n,
                sanatoriumId, b.startDate(), b.startDate().plusDays(b.days() - 1L));
    }

    /** Frees the members' places for another booking of the programme (the unique key counts CANCEL_KEY = 0 only). */
    static void freeMembers(Connection c, long bookingId) throws SQLException {
        Sql.update(c, "UPDATE RECUPERATION_BOOKED_MEMBER SET CANCEL_KEY = ? WHERE BOOKING_ID = ?", bookingId, bookingId);
    }

    static void markCancelled(Connection c, long bookingId, Instant now) throws SQLException {
        Sql.update(c, "UPDATE RECUPERATION_BOOKING SET STATUS = ?, CANCELLED_AT = ? WHERE ID = ?", Booking.CANCELLED, now,
                bookingId);
    }

    /** A page of booking ids; {@code from} starts with " FROM RECUPERATION_BOOKING B". */
    static Page<Long> page(Connection c, String from, List<Object> params, PageRequest page) throws SQLException {
        return PAGES.page(c, "SELECT B.ID", from, params, page, rs -> rs.getLong(1));
    }

    Booking load(Connection c, long id) throws SQLException {
        List<BookedMember> members = Sql.list(c, "SELECT MEMBER_ID, CATEGORY, QUOTA_CATEGORY, SUBSIDY, REASON, BUDGET_KEY "
                + "FROM RECUPERATION_BOOKED_MEMBER WHERE BOOKING_ID = ? ORDER BY ID", rs -> new BookedMember(rs.getLong("MEMBER_ID"),
                        Sql.getEnum(rs, "CATEGORY", Category.class), Sql.getEnum(rs, "QUOTA_CATEGORY", Category.class),
                        rs.getBigDecimal("SUBSIDY"), rs.getString("REASON"), rs.getString("BUDGET_KEY")), id);
        return Sql.one(c, "SELECT * FROM RECUPERATION_BOOKING WHERE ID = ?", rs -> booking(rs, members), id)
                .orElseThrow(() -> HubException.notFound("booking", id));
    }

    private Booking booking(ResultSet rs, List<BookedMember> members) throws SQLException {
        return new Booking(rs.getLong("ID"), rs.getLong("PROGRAMME_ID"), rs.getLong("ORGANISER_ORG_ID"), rs.getString("STATUS"),
                Sql.getDate(rs, "START_DATE"), rs.getInt("DAYS"), members.stream().map(BookedMember::memberId).toList(), members,
                rs.getBigDecimal("SUBSIDY_TOTAL"), rs.getString("POLICY_ID"), rs.getString("POLICY_VERSION"),
                rs.getString("SUBSIDY_REASON"), rs.getString("CREATED_BY"), catalogue.at(Sql.getInstant(rs, "CREATED_AT")),
                catalogue.at(Sql.getInstant(rs, "CANCELLED_AT")));
    }

    static List<BudgetLine> budgets(Connection c) throws SQLException {
        return Sql.list(c, "SELECT * FROM RECUPERATION_BUDGET ORDER BY BUDGET_KEY", rs -> new BudgetLine(
                rs.getString("BUDGET_KEY"), rs.getString("POLICY_ID"), rs.getString("DESCRIPTION"), rs.getBigDecimal("TOTAL"),
                rs.getBigDecimal("SPENT"), Money.normalize(rs.getBigDecimal("TOTAL").subtract(rs.getBigDecimal("SPENT")))));
    }
}
