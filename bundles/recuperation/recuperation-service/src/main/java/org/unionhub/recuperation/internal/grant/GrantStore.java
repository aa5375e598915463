package org.unionhub.recuperation.internal.grant;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.function.Function;

import org.unionhub.api.db.Sql;

/** The SQL of enterprise grants (table RECUPERATION_GRANT); each step moves the row only from the status it expects. */
final class GrantStore {

    private GrantStore() {
    }

    static long insert(Connection c, GrantRequest r, String creditCode, String by) throws SQLException {
        return Sql.insert(c, "INSERT INTO RECUPERATION_GRANT (ORG_ID, ENTERPRISE_NAME, CREDIT_CODE, TITLE, START_DATE, DAYS, PERSONS, "
                + "REQUESTED, STATUS, APPLIED_BY, APPLIED_AT) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", r.orgId(),
                r.enterpriseName().trim(), creditCode, r.title().trim(), r.startDate(), r.days(), r.persons(), r.amount(), Grant.APPLIED,
                by, Instant.now());
    }

    static boolean review(Connection c, long id, boolean approve, BigDecimal amount, String by, String note) throws SQLException {
        return Sql.update(c, "UPDATE RECUPERATION_GRANT SET STATUS = ?, APPROVED = ?, REVIEWED_BY = ?, REVIEWED_AT = ?, REVIEW_NOTE = ? "
                + "WHERE ID = ? AND STATUS = ?", approve ? Grant.APPROVED : Grant.REJECTED, approve ? amount : null, by, Instant.now(),
                note, id, Grant.APPLIED) == 1;
    }

    static boolean pay(Connection c, long id, String by, String reference) throws SQLException {
        return Sql.update(c, "UPDATE RECUPERATION_GRANT SET STATUS = ?, PAID_BY = ?, PAID_AT = ?, PAYMENT_REFERENCE = ? WHERE ID = ? "
                + "AND STATUS = ?", Grant.PAID, by, Instant.now(), reference, id, Grant.APPROVED) == 1;
    }

    static boolean report(Connection c, long id, GrantReport r) throws SQLException {
        return Sql.update(c, "UPDATE RECUPERATION_GRANT SET STATUS = ?, REPORTED_PERSONS = ?, REPORTED_PERSON_DAYS = ?, REPORTED_SPENT = ?, "
                + "REPORTED_AT = ? WHERE ID = ? AND STATUS = ?", Grant.REPORTED, r.persons(), r.personDays(), r.spent(), Instant.now(), id,
                Grant.PAID) == 1;
    }

    static Optional<Grant> load(Connection c, long id, Function<Instant, OffsetDateTime> at) throws SQLException {
        return Sql.one(c, "SELECT * FROM RECUPERATION_GRANT WHERE ID = ?", rs -> grant(rs, at), id);
    }

    private static Grant grant(ResultSet rs, Function<Instant, OffsetDateTime> at) throws SQLException {
        return new Grant(rs.getLong("ID"), rs.getLong("ORG_ID"), rs.getString("ENTERPRISE_NAME"), rs.getString("CREDIT_CODE").trim(),
                rs.getString("TITLE"), Sql.getDate(rs, "START_DATE"), rs.getInt("DAYS"), rs.getInt("PERSONS"), rs.getBigDecimal("REQUESTED"),
                rs.getString("STATUS"), rs.getBigDecimal("APPROVED"), rs.getString("APPLIED_BY"), at.apply(Sql.getInstant(rs, "APPLIED_AT")),
                rs.getString("REVIEWED_BY"), at.apply(Sql.getInstant(rs, "REVIEWED_AT")), rs.getString("REVIEW_NOTE"),
                rs.getString("PAID_BY"), at.apply(Sql.getInstant(rs, "PAID_AT")), rs.getString("PAYMENT_REFERENCE"),
                Sql.getInt(rs, "REPORTED_PERSONS"), Sql.getInt(rs, "REPORTED_PERSON_DAYS"), rs.getBigDecimal("REPORTED_SPENT"),
                at.apply(Sql.getInstant(rs, "REPORTED_AT")));
    }
}
