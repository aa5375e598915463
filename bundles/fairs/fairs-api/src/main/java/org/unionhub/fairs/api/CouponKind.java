package org.unionhub.fairs.api;

/**
 * THRESHOLD: spend {@code threshold}, save {@code discount} (满30减20). GIFT: a free gift. PERCENT (since 1.1): pay a
 * share of the price (7.5折 pays 75 %), the saving capped; its rate and cap are the batch's terms.
 */
public enum CouponKind {
    THRESHOLD, GIFT, PERCENT
}
