package org.unionhub.fairs.api;

import java.math.BigDecimal;
import java.time.LocalDate;

/** Totals across the fairs that start within [from, to] and that the caller may see. */
public record FairsSummary(String region, LocalDate from, LocalDate to, long fairs, long visits, BigDecimal turnover,
        long merchants, long stallsAllocated, long stallsWaitlisted, long feesWaived, BigDecimal feesWaivedAmount,
        long couponsIssued, long couponsClaimed, long couponsRedeemed, BigDecimal discountGranted) {
}
