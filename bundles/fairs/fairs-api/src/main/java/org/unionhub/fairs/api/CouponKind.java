package org.unionhub.fairs.api;

/** THRESHOLD: spend {@code threshold}, save {@code discount} (满30减20). GIFT: a free gift. */
public enum CouponKind {
    THRESHOLD, GIFT
}
