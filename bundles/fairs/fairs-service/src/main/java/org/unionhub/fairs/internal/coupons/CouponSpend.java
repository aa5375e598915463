package org.unionhub.fairs.internal.coupons;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What coupons cost between two dates (redemptions, by batch): the orders, the savings, and how the savings were
 * funded: {@code unionCost} by the union, {@code sponsorCost} by the sponsor, {@code memberPaid} by the members
 * (商家让一点、工会贴一点、职工付一点). A batch whose split was never recorded counts in {@code unsplitCost}.
 */
public record CouponSpend(LocalDate from, LocalDate to, long redeemed, BigDecimal orderTotal, BigDecimal discountTotal,
        BigDecimal unionCost, BigDecimal sponsorCost, BigDecimal unsplitCost, BigDecimal memberPaid, List<BatchSpend> batches) {

    /** One batch; {@code unionCost} and {@code sponsorCost} are null when its split was not recorded. */
    public record BatchSpend(long batchId, String title, String sponsor, BigDecimal unionShare, long redeemed, BigDecimal orderTotal,
            BigDecimal discountTotal, BigDecimal unionCost, BigDecimal sponsorCost, BigDecimal memberPaid) {
    }
}
