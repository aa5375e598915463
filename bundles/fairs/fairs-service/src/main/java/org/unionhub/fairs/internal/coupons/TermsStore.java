package org.unionhub.fairs.internal.coupons;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.unionhub.api.HubException;
import org.unionhub.api.Money;
import org.unionhub.api.NewFormKind;
import org.unionhub.api.Validation;
import org.unionhub.api.db.Sql;
import org.unionhub.api.validation.Texts;

/** The SQL of coupon batch terms (table FAIRS_BATCH_TERMS, one row per batch that has terms). */
public final class TermsStore {

    private TermsStore() {
    }

    static void insert(Connection c, long batchId, CouponBatchRequest r, Instant releaseAt, Long seriesId, Integer month)
            throws SQLException {
        String kinds = r.newFormKinds() == null || r.newFormKinds().isEmpty() ? null
                : r.newFormKinds().stream().distinct().map(Enum::name).sorted().collect(Collectors.joining(","));
        Sql.update(c, "INSERT INTO FAIRS_BATCH_TERMS (BATCH_ID, RATE, CAP, NEW_FORM_KINDS, RELEASE_AT, SERIES_ID, SERIES_MONTH, "
                + "SPONSOR, UNION_SHARE) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", batchId, r.rate(), Money.normalize(r.cap()), kinds,
                releaseAt, seriesId, month, Texts.blankToNull(r.sponsor()), r.unionShare());
    }

    public static Optional<BatchTerms> load(Connection c, long batchId, ZoneId zone) throws SQLException {
        return Sql.one(c, "SELECT * FROM FAIRS_BATCH_TERMS WHERE BATCH_ID = ?", rs -> terms(rs, zone), batchId);
    }

    private static BatchTerms terms(ResultSet rs, ZoneId zone) throws SQLException {
        Instant release = Sql.getInstant(rs, "RELEASE_AT");
        return new BatchTerms(rs.getLong("BATCH_ID"), rs.getBigDecimal("RATE"), rs.getBigDecimal("CAP"), kinds(rs.getString(
                "NEW_FORM_KINDS")), release == null ? null : release.atZone(zone).toOffsetDateTime(), Sql.getLong(rs, "SERIES_ID"),
                Sql.getInt(rs, "SERIES_MONTH"), rs.getString("SPONSOR"), rs.getBigDecimal("UNION_SHARE"));
    }

    private static List<NewFormKind> kinds(String column) {
        return column == null ? List.of() : Arrays.stream(column.split(",")).map(NewFormKind::valueOf).toList();
    }

    /**
     * Refuses a claim before the batch's release (409, field {@code releaseAt}) or by a member outside the group it is
     * aimed at (403). A read of terms that never change after creation: the claim itself stays one conditional UPDATE.
     */
    public static void refuseClaim(Connection c, long batchId, NewFormKind member, Instant now, ZoneId zone) throws SQLException {
        Optional<BatchTerms> t = load(c, batchId, zone);
        if (t.isEmpty()) {
            return;
        }
        BatchTerms terms = t.get();
        String why = TermsRules.claimRefusal(terms.releaseAt() == null ? null : terms.releaseAt().toInstant(), terms.newFormKinds(),
                member, now);
        if ("release".equals(why)) {
            throw HubException.conflict("releaseAt", "coupon batch " + batchId + " is released at " + terms.releaseAt()
                    + "; nobody claims before");
        }
        if ("group".equals(why)) {
            throw HubException.forbidden("coupon batch " + batchId + " is for " + terms.newFormKinds().stream().map(Enum::name)
                    .collect(Collectors.joining(", ")) + " only");
        }
    }

    /** The saving of a PERCENT coupon on an order, from its batch's rate and cap. */
    public static BigDecimal percentDiscount(Connection c, long batchId, BigDecimal threshold, BigDecimal amount, Validation v)
            throws SQLException {
        BatchTerms t = load(c, batchId, ZoneId.systemDefault()).orElseThrow(() -> new IllegalStateException(
                "PERCENT batch " + batchId + " has no terms"));
        return TermsRules.percentDiscount(t.rate(), t.cap(), threshold, amount, v);
    }

    /** One batch's redemptions for the spend report: orders, savings, and the terms that split them. */
    record SpendRow(long batchId, Long orgId, String title, String sponsor, BigDecimal unionShare, long redeemed,
            BigDecimal orderTotal, BigDecimal discountTotal) {
    }

    /** Batches with redemptions between {@code from} and {@code to}, optionally of the given organisations only. */
    static List<SpendRow> spend(Connection c, Instant from, Instant to, List<Long> orgIds) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT B.ID, B.ORG_ID, B.TITLE, T.SPONSOR, T.UNION_SHARE, COUNT(*), SUM(C.ORDER_AMOUNT), "
                + "SUM(C.DISCOUNT) FROM FAIRS_COUPON C JOIN FAIRS_COUPON_BATCH B ON B.ID = C.BATCH_ID LEFT JOIN FAIRS_BATCH_TERMS T "
                + "ON T.BATCH_ID = B.ID WHERE C.REDEEMED_AT >= ? AND C.REDEEMED_AT < ?");
        List<Object> params = new ArrayList<>(List.of(from, to));
        if (orgIds != null) {
            if (orgIds.isEmpty()) {
                return List.of();
            }
            sql.append(" AND B.ORG_ID IN (").append("?, ".repeat(orgIds.size() - 1)).append("?)");
            params.addAll(orgIds);
        }
        sql.append(" GROUP BY B.ID, B.ORG_ID, B.TITLE, T.SPONSOR, T.UNION_SHARE ORDER BY B.ID");
        return Sql.list(c, sql.toString(), rs -> new SpendRow(rs.getLong(1), Sql.getLong(rs, "ORG_ID"), rs.getString(3), rs.getString(4),
                rs.getBigDecimal(5), rs.getLong(6), Money.normalize(rs.getBigDecimal(7)), Money.normalize(rs.getBigDecimal(8))),
                params.toArray());
    }

    static List<Long> batchOrgs(Connection c) throws SQLException {
        return Sql.list(c, "SELECT DISTINCT ORG_ID FROM FAIRS_COUPON_BATCH WHERE ORG_ID IS NOT NULL", rs -> rs.getLong(1));
    }
}
