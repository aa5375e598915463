package org.unionhub.fairs.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

import org.unionhub.api.Money;
import org.unionhub.api.db.Sql;
import org.unionhub.fairs.api.CouponKind;

/** One FAIRS_COUPON_BATCH row with its redemption counts. */
record BatchRow(long id, Long fairId, Long orgId, String title, CouponKind kind, BigDecimal threshold,
        BigDecimal discount, String gift, int quantity, int perMemberLimit, Instant validFrom, Instant validTo,
        String merchantCode, int claimed, long redeemed, BigDecimal granted, Instant createdAt) {

    /**
     * Plain columns only: Derby 10.14 threw ClassCastExceptions (ExecRowBuilder vs StaticCompiledOpenConglomInfo)
     * when many threads ran one cached statement with scalar subqueries, so the counts are a query of their own.
     */
    static final String COLUMNS = "SELECT B.ID, B.FAIR_ID, B.ORG_ID, B.TITLE, B.KIND, B.THRESHOLD, B.DISCOUNT, B.GIFT, "
            + "B.QUANTITY, B.PER_MEMBER_LIMIT, B.VALID_FROM, B.VALID_TO, B.MERCHANT_CODE, B.CLAIMED, B.CREATED_AT";
    static final String FROM = " FROM FAIRS_COUPON_BATCH B";
    static final String SELECT = COLUMNS + FROM;

    static final String COUNTS = "SELECT COUNT(REDEEMED_AT), SUM(DISCOUNT) FROM FAIRS_COUPON WHERE BATCH_ID = ?";

    BatchRow withCounts(long redeemedCount, BigDecimal grantedSum) {
        return new BatchRow(id, fairId, orgId, title, kind, threshold, discount, gift, quantity, perMemberLimit, validFrom,
                validTo, merchantCode, claimed, redeemedCount, grantedSum == null ? Money.ZERO : Money.normalize(grantedSum),
                createdAt);
    }

    static BatchRow of(ResultSet rs) throws SQLException {
        return new BatchRow(rs.getLong("ID"), Sql.getLong(rs, "FAIR_ID"), Sql.getLong(rs, "ORG_ID"), rs.getString("TITLE"),
                Sql.getEnum(rs, "KIND", CouponKind.class), rs.getBigDecimal("THRESHOLD"), rs.getBigDecimal("DISCOUNT"),
                rs.getString("GIFT"), rs.getInt("QUANTITY"), rs.getInt("PER_MEMBER_LIMIT"),
                Sql.getInstant(rs, "VALID_FROM"), Sql.getInstant(rs, "VALID_TO"), trim(rs.getString("MERCHANT_CODE")),
                rs.getInt("CLAIMED"), 0, Money.ZERO,
                Sql.getInstant(rs, "CREATED_AT"));
    }

    static String trim(String s) {
        return s == null ? null : s.trim();
    }
}
