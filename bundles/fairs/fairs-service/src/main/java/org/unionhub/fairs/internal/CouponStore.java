package org.unionhub.fairs.internal;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.unionhub.api.HubSettings;
import org.unionhub.api.MemberDirectory;
import org.unionhub.api.Money;
import org.unionhub.api.Page;
import org.unionhub.api.PageRequest;
import org.unionhub.api.db.Sql;
import org.unionhub.api.security.Caller;
import org.unionhub.api.validation.Texts;
import org.unionhub.fairs.api.Coupon;
import org.unionhub.fairs.api.CouponBatch;
import org.unionhub.fairs.api.CouponBatchRequest;
import org.unionhub.fairs.api.CouponKind;

/**
 * The SQL of coupon batches and claimed coupons (FAIRS_COUPON_BATCH, FAIRS_COUPON): rows in, {@link CouponBatch} and
 * {@link Coupon} records out. The rules (the rush on a batch's CLAIMED counter, redemption once) are {@link Coupons}'.
 */
final class CouponStore {

    private static final String COUPON_COLUMNS = "SELECT C.ID, C.CODE, C.BATCH_ID, C.MEMBER_ID, C.CLAIMED_AT, C.REDEEMED_AT, "
            + "C.REDEEMED_BY, C.MERCHANT_CODE, C.ORDER_AMOUNT, C.DISCOUNT AS GRANTED, B.TITLE, B.KIND, B.THRESHOLD, "
            + "B.DISCOUNT, B.GIFT, B.VALID_FROM, B.VALID_TO";
    private static final String COUPON_FROM = " FROM FAIRS_COUPON C JOIN FAIRS_COUPON_BATCH B ON B.ID = C.BATCH_ID WHERE ";
    private static final String COUPON_SELECT = COUPON_COLUMNS + COUPON_FROM;

    private final HubSettings settings;
    private final MemberDirectory directory;

    CouponStore(HubSettings settings, MemberDirectory directory) {
        this.settings = settings;
        this.directory = directory;
    }

    static long insertBatch(Connection c, CouponBatchRequest m, Long orgId, int limit, String merchant) throws SQLException {
        return Sql.insert(c, "INSERT INTO FAIRS_COUPON_BATCH (FAIR_ID, ORG_ID, TITLE, KIND, THRESHOLD, DISCOUNT, GIFT, "
                + "QUANTITY, PER_MEMBER_LIMIT, VALID_FROM, VALID_TO, MERCHANT_CODE, CREATED_AT) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", m.fairId(), orgId, m.title().trim(), m.kind(),
                Money.normalize(m.threshold()), Money.normalize(m.discount()), Texts.blankToNull(m.gift()), m.quantity(), limit,
                m.validFrom(), m.validTo(), merchant, Instant.now());
    }

    static Optional<BatchRow> batchRow(Connection c, long batchId) throws SQLException {
        return Sql.one(c, BatchRow.SELECT + " WHERE B.ID = ?", BatchRow::of, batchId);
    }

    /** The batch as the API shows it, with its redemption counts. */
    CouponBatch batch(Connection c, BatchRow row) throws SQLException {
        BatchRow b = Sql.one(c, BatchRow.COUNTS, rs -> row.withCounts(rs.getLong(1), rs.getBigDecimal(2)), row.id()).orElse(row);
        ZoneId zone = settings.zone();
        return new CouponBatch(b.id(), b.fairId(), b.orgId(), b.title(), b.kind(), Money.normalize(b.threshold()),
                Money.normalize(b.discount()), b.gift(), b.quantity(), b.perMemberLimit(), Rules.at(b.validFrom(), zone),
                Rules.at(b.validTo(), zone), b.merchantCode(), b.quantity(), b.claimed(), b.quantity() - b.claimed(),
                b.redeemed(), b.granted(), Rules.at(b.createdAt(), zone));
    }

    Page<CouponBatch> batches(Connection c, Long fairId, PageRequest page) throws SQLException {
        String where = fairId == null ? " WHERE 1 = 1" : " WHERE B.FAIR_ID = ?";
        List<Object> params = fairId == null ? List.of() : List.of(fairId);
        Page<BatchRow> rows = ListPages.BATCHES.page(c, BatchRow.COLUMNS, BatchRow.FROM + where, params, page, BatchRow::of);
        List<CouponBatch> items = new ArrayList<>();
        for (BatchRow b : rows.items()) {
            items.add(batch(c, b));
        }
        return ListPages.with(rows, items);
    }

    /** Takes one coupon of the batch if any is left: the conditional UPDATE answers 1 or 0 rows and locks the batch's row. */
    static boolean take(Connection c, long batchId) throws SQLException {
        return Sql.update(c, "UPDATE FAIRS_COUPON_BATCH SET CLAIMED = CLAIMED + 1 WHERE ID = ? AND CLAIMED < QUANTITY",
                batchId) == 1;
    }

    /** How many coupons of the batch the member holds. */
    static long held(Connection c, long batchId, long memberId) throws SQLException {
        return Sql.count(c, "SELECT COUNT(*) FROM FAIRS_COUPON WHERE BATCH_ID = ? AND MEMBER_ID = ?", batchId, memberId);
    }

    static long insertCoupon(Connection c, long batchId, long memberId, int seq, String code, Instant now, String claimedBy,
            Long orgId) throws SQLException {
        return Sql.insert(c, "INSERT INTO FAIRS_COUPON (BATCH_ID, MEMBER_ID, SEQ, CODE, CLAIMED_AT, CLAIMED_BY, ORG_ID) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?)", batchId, memberId, seq, code, now, claimedBy, orgId);
    }

    /** Once only: the second of two concurrent redemptions changes no row and gets false. */
    static boolean redeem(Connection c, long couponId, Instant now, String by, String merchant, BigDecimal amount,
            BigDecimal discount) throws SQLException {
        return Sql.update(c, "UPDATE FAIRS_COUPON SET REDEEMED_AT = ?, REDEEMED_BY = ?, MERCHANT_CODE = ?, ORDER_AMOUNT = ?, "
                + "DISCOUNT = ? WHERE ID = ? AND REDEEMED_AT IS NULL", now, by, merchant, amount, discount, couponId) == 1;
    }

    Optional<Coupon> byCode(Connection c, String code) throws SQLException {
        return Sql.one(c, COUPON_SELECT + "C.CODE = ?", this::coupon, code);
    }

    Optional<Coupon> byId(Connection c, long couponId) throws SQLException {
        return Sql.one(c, COUPON_SELECT + "C.ID = ?", this::coupon, couponId);
    }

    /** A page of claimed coupons, one member's when {@code memberId} is set, within an officer's scope when {@code scoped}. */
    Page<Coupon> coupons(Connection c, Caller caller, Long memberId, boolean scoped, PageRequest page) throws SQLException {
        StringBuilder w = new StringBuilder(memberId == null ? "1 = 1" : "C.MEMBER_ID = ?");
        List<Object> p = new ArrayList<>();
        if (memberId != null) {
            p.add(memberId);
        }
        if (scoped) {
            CouponAccess.officerClause(caller, directory, w, p);
        }
        return ListPages.COUPONS.page(c, COUPON_COLUMNS, COUPON_FROM + w, p, page, this::coupon);
    }

    private Coupon coupon(ResultSet rs) throws SQLException {
        ZoneId zone = settings.zone();
        return new Coupon(rs.getLong("ID"), rs.getString("CODE"), rs.getLong("BATCH_ID"), rs.getString("TITLE"),
                Sql.getEnum(rs, "KIND", CouponKind.class), Money.normalize(rs.getBigDecimal("THRESHOLD")),
                Money.normalize(rs.getBigDecimal("DISCOUNT")), rs.getString("GIFT"), rs.getLong("MEMBER_ID"),
                Rules.at(Sql.getInstant(rs, "VALID_FROM"), zone), Rules.at(Sql.getInstant(rs, "VALID_TO"), zone),
                Rules.at(Sql.getInstant(rs, "CLAIMED_AT"), zone), Rules.at(Sql.getInstant(rs, "REDEEMED_AT"), zone),
                rs.getString("REDEEMED_BY"), BatchRow.trim(rs.getString("MERCHANT_CODE")),
                Money.normalize(rs.getBigDecimal("ORDER_AMOUNT")), Money.normalize(rs.getBigDecimal("GRANTED")));
    }
}
