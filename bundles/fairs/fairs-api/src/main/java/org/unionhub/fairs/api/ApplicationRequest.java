package org.unionhub.fairs.api;

/** A merchant's stall application. {@code creditCode} is the 18-character unified social credit code. */
public record ApplicationRequest(String companyName, String creditCode, String contact, String category,
        Boolean offersMemberDiscount) {
}
