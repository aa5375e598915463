package org.unionhub.recuperation.internal.settle;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

import org.unionhub.api.Money;
import org.unionhub.api.db.Sql;

/** The SQL of attendance and settlements (tables RECUPERATION_BOOKED_MEMBER, RECUPERATION_SETTLEMENT). */
final class SettlementStore {

    private SettlementStore() {
    }

    static void recordAttendance(Connection c, long bookingId, long memberId, int days, boolean completed) throws SQLException {
        Sql.update(c, "UPDATE RECUPERATION_BOOKED_MEMBER SET ATTENDED_DAYS = ?, COMPLETED = ? WHERE BOOKING_ID = ? AND MEMBER_ID = ?",
                days, completed, bookingId, memberId);
    }

    static void recordSettled(Connection c, long bookingId, long memberId, BigDecimal settled) throws SQLException {
        Sql.update(c, "UPDATE RECUPERATION_BOOKED_MEMBER SET SETTLED = ? WHERE BOOKING_ID = ? AND MEMBER_ID = ?", settled, bookingId,
                memberId);
    }

    static List<Settlement.Traveller> lines(Connection c, long bookingId) throws SQLException {
        return Sql.list(c, "SELECT MEMBER_ID, ATTENDED_DAYS, COMPLETED, SUBSIDY, SETTLED FROM RECUPERATION_BOOKED_MEMBER "
                + "WHERE BOOKING_ID = ? ORDER BY ID", rs -> new Settlement.Traveller(rs.getLong("MEMBER_ID"), Sql.getInt(rs, "ATTENDED_DAYS"),
                        completed(rs), rs.getBigDecimal("SUBSIDY"), rs.getBigDecimal("SETTLED")), bookingId);
    }

    private static Boolean completed(ResultSet rs) throws SQLException {
        boolean v = rs.getBoolean("COMPLETED");
        return rs.wasNull() ? null : v;
    }

    /** Files a settlement, or files a rejected one again (one row per booking). Answers its id. */
    static long file(Connection c, long bookingId, long organiserOrgId, int persons, int personDays, BigDecimal booked,
            BigDecimal amount, String by) throws SQLException {
        Optional<Long> existing = Sql.one(c, "SELECT ID FROM RECUPERATION_SETTLEMENT WHERE BOOKING_ID = ?", rs -> rs.getLong(1),
                bookingId);
        if (existing.isPresent()) {
            Sql.update(c, "UPDATE RECUPERATION_SETTLEMENT SET STATUS = ?, PERSONS = ?, PERSON_DAYS = ?, BOOKED_AMOUNT = ?, AMOUNT = ?, "
                    + "FILED_BY = ?, FILED_AT = ?, REVIEWED_BY = NULL, REVIEWED_AT = NULL WHERE ID = ? AND STATUS = ?",
                    Settlement.FILED, persons, personDays, booked, amount, by, Instant.now(), existing.get(), Settlement.REJECTED);
            return existing.get();
        }
        return Sql.insert(c, "INSERT INTO RECUPERATION_SETTLEMENT (BOOKING_ID, ORGANISER_ORG_ID, STATUS, PERSONS, PERSON_DAYS, "
                + "BOOKED_AMOUNT, AMOUNT, FILED_BY, FILED_AT) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", bookingId, organiserOrgId,
                Settlement.FILED, persons, personDays, booked, amount, by, Instant.now());
    }

    /** Moves a settlement from one status to the next; false when another request moved it first. */
    static boolean review(Connection c, long id, String status, String by, String note) throws SQLException {
        return Sql.update(c, "UPDATE RECUPERATION_SETTLEMENT SET STATUS = ?, REVIEWED_BY = ?, REVIEWED_AT = ?, REVIEW_NOTE = ? "
                + "WHERE ID = ? AND STATUS = ?", status, by, Instant.now(), note, id, Settlement.FILED) == 1;
    }

    static boolean pay(Connection c, long id, String by, String reference) throws SQLException {
        return Sql.update(c, "UPDATE RECUPERATION_SETTLEMENT SET STATUS = ?, PAID_BY = ?, PAID_AT = ?, PAYMENT_REFERENCE = ? "
                + "WHERE ID = ? AND STATUS = ?", Settlement.PAID, by, Instant.now(), reference, id, Settlement.APPROVED) == 1;
    }

    static Optional<Long> idOfBooking(Connection c, long bookingId) throws SQLException {
        return Sql.one(c, "SELECT ID FROM RECUPERATION_SETTLEMENT WHERE BOOKING_ID = ?", rs -> rs.getLong(1), bookingId);
    }

    static Optional<Settlement> load(Connection c, long id, Function<Instant, java.time.OffsetDateTime> at) throws SQLException {
        Optional<long[]> head = Sql.one(c, "SELECT BOOKING_ID FROM RECUPERATION_SETTLEMENT WHERE ID = ?", rs -> new long[] {rs.getLong(1)},
                id);
        if (head.isEmpty()) {
            return Optional.empty();
        }
        List<Settlement.Traveller> lines = lines(c, head.get()[0]);
        return Sql.one(c, "SELECT * FROM RECUPERATION_SETTLEMENT WHERE ID = ?", rs -> new Settlement(rs.getLong("ID"),
                rs.getLong("BOOKING_ID"), rs.getLong("ORGANISER_ORG_ID"), rs.getString("STATUS"), rs.getInt("PERSONS"),
                rs.getInt("PERSON_DAYS"), rs.getBigDecimal("BOOKED_AMOUNT"), rs.getBigDecimal("AMOUNT"), lines,
                rs.getString("FILED_BY"), at.apply(Sql.getInstant(rs, "FILED_AT")), rs.getString("REVIEWED_BY"),
                at.apply(Sql.getInstant(rs, "REVIEWED_AT")), rs.getString("REVIEW_NOTE"), rs.getString("PAID_BY"),
                at.apply(Sql.getInstant(rs, "PAID_AT")), rs.getString("PAYMENT_REFERENCE")), id);
    }
}
