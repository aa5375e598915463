package org.unionhub.fairs.internal;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.unionhub.api.HubSettings;
import org.unionhub.api.Money;
import org.unionhub.api.db.Sql;
import org.unionhub.fairs.api.ApplicationStatus;
import org.unionhub.fairs.api.FairState;
import org.unionhub.fairs.api.FairStats;
import org.unionhub.fairs.api.VisitSlot;

/**
 * The SQL of the figures officers report (FAIRS_VISIT, FAIRS_SALE) and of a fair's statistics, which count its
 * applications and coupons as well: rows in, {@link FairStats} out. The rules are {@link Figures}'.
 */
final class FigureStore {

    private final HubSettings settings;

    FigureStore(HubSettings settings) {
        this.settings = settings;
    }

    static long insertVisit(Connection c, long fairId, OffsetDateTime slotStart, OffsetDateTime slotEnd, int visits,
            String recordedBy) throws SQLException {
        return Sql.insert(c, "INSERT INTO FAIRS_VISIT (FAIR_ID, SLOT_START, SLOT_END, VISITORS, RECORDED_AT, RECORDED_BY) "
                + "VALUES (?, ?, ?, ?, ?, ?)", fairId, slotStart, slotEnd, visits, Instant.now(), recordedBy);
    }

    static long insertSale(Connection c, long fairId, String merchant, String creditCode, BigDecimal amount, Instant soldAt,
            String recordedBy) throws SQLException {
        return Sql.insert(c, "INSERT INTO FAIRS_SALE (FAIR_ID, MERCHANT, CREDIT_CODE, AMOUNT, SOLD_AT, RECORDED_AT, "
                + "RECORDED_BY) VALUES (?, ?, ?, ?, ?, ?, ?)", fairId, merchant, creditCode, amount, soldAt,
                Instant.now(), recordedBy);
    }

    FairStats stats(Connection c, FairRow f, Instant now) throws SQLException {
        ZoneId zone = settings.zone();
        long fairId = f.id();
        List<VisitSlot> slots = Sql.list(c, "SELECT ID, SLOT_START, SLOT_END, VISITORS FROM FAIRS_VISIT WHERE FAIR_ID = ? "
                + "ORDER BY SLOT_START, ID", rs -> new VisitSlot(rs.getLong(1), Rules.at(Sql.getInstant(rs, "SLOT_START"), zone),
                        Rules.at(Sql.getInstant(rs, "SLOT_END"), zone), rs.getInt(4)), fairId);
        long visits = slots.stream().mapToLong(VisitSlot::visits).sum();
        BigDecimal turnover = sum(c, "SELECT SUM(AMOUNT) FROM FAIRS_SALE WHERE FAIR_ID = ?", fairId);
        long withSales = Sql.count(c, "SELECT COUNT(DISTINCT MERCHANT) FROM FAIRS_SALE WHERE FAIR_ID = ?", fairId);
        Map<ApplicationStatus, Long> byStatus = new HashMap<>();
        Sql.list(c, "SELECT STATUS, COUNT(*) FROM FAIRS_APPLICATION WHERE FAIR_ID = ? GROUP BY STATUS", rs -> {
            byStatus.put(ApplicationStatus.valueOf(rs.getString(1)), rs.getLong(2));
            return null;
        }, fairId);
        long allocated = byStatus.getOrDefault(ApplicationStatus.ALLOCATED, 0L);
        long waived = Sql.count(c, "SELECT COUNT(*) FROM FAIRS_APPLICATION WHERE FAIR_ID = ? AND STATUS = ? AND OFFERS_DISCOUNT = TRUE",
                fairId, ApplicationStatus.ALLOCATED);
        BigDecimal feesDue = sum(c, "SELECT SUM(FEE) FROM FAIRS_APPLICATION WHERE FAIR_ID = ? AND STATUS = ?", fairId,
                ApplicationStatus.ALLOCATED);
        BigDecimal waivedAmount = Money.normalize(Rules.fullFee(f.feePerDay(), Rules.days(f.startsAt(), f.endsAt(), zone))
                .multiply(BigDecimal.valueOf(waived)));
        long issued = Sql.count(c, "SELECT COALESCE(SUM(QUANTITY), 0) FROM FAIRS_COUPON_BATCH WHERE FAIR_ID = ?", fairId);
        long claimed = Sql.count(c, "SELECT COALESCE(SUM(CLAIMED), 0) FROM FAIRS_COUPON_BATCH WHERE FAIR_ID = ?", fairId);
        long redeemed = Sql.count(c, "SELECT COUNT(*) FROM FAIRS_COUPON C JOIN FAIRS_COUPON_BATCH B ON B.ID = C.BATCH_ID "
                + "WHERE B.FAIR_ID = ? AND C.REDEEMED_AT IS NOT NULL", fairId);
        BigDecimal granted = sum(c, "SELECT SUM(C.DISCOUNT) FROM FAIRS_COUPON C JOIN FAIRS_COUPON_BATCH B ON B.ID = C.BATCH_ID "
                + "WHERE B.FAIR_ID = ?", fairId);
        FairState state = Rules.state(now, f.regOpens(), f.regCloses(), f.startsAt(), f.endsAt(), f.closedAt());
        return new FairStats(fairId, f.name(), state, visits, turnover, allocated, withSales, allocated,
                byStatus.getOrDefault(ApplicationStatus.OFFERED, 0L), byStatus.getOrDefault(ApplicationStatus.WAITLISTED, 0L),
                waived, waivedAmount, feesDue, issued, claimed, redeemed, granted, slots);
    }

    private static BigDecimal sum(Connection c, String sql, Object... params) throws SQLException {
        BigDecimal v = Sql.one(c, sql, rs -> rs.getBigDecimal(1), params).orElse(null);
        return v == null ? Money.ZERO : Money.normalize(v);
    }
}
