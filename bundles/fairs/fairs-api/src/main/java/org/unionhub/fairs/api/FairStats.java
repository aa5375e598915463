package org.unionhub.fairs.api;

import java.math.BigDecimal;
import java.util.List;

/**
 * The figures of one fair. {@code merchants} counts merchants holding a stall; {@code feesWaived} counts those
 * whose fee is waived for member discounts and {@code feesWaivedAmount} is what they would have paid.
 */
public record FairStats(long fairId, String name, FairState state, long visits, BigDecimal turnover, long merchants,
        long merchantsWithSales, long stallsAllocated, long stallsOffered, long stallsWaitlisted, long feesWaived,
        BigDecimal feesWaivedAmount, BigDecimal feesDue, long couponsIssued, long couponsClaimed, long couponsRedeemed,
        BigDecimal discountGranted, List<VisitSlot> visitsBySlot) {
}
