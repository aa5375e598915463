package org.unionhub.fairs.api;

/**
 * EventAdmin topics of the fairs module ({@code org/unionhub/fairs/<EVENT>}). Properties: {@code fairId},
 * {@code applicationId}, {@code stallNumber}, {@code batchId}, {@code couponId}, {@code discount}.
 */
public final class FairsEvents {

    public static final String MODULE = "fairs";
    public static final String STALL_ALLOCATED = "org/unionhub/fairs/STALL_ALLOCATED";
    public static final String STALL_OFFERED = "org/unionhub/fairs/STALL_OFFERED";
    public static final String COUPON_REDEEMED = "org/unionhub/fairs/COUPON_REDEEMED";
    public static final String FAIR_CLOSED = "org/unionhub/fairs/FAIR_CLOSED";

    private FairsEvents() {
    }
}
