package org.unionhub.fairs.api;

import org.unionhub.api.validation.MaxLength;

/** A merchant's stall application. {@code creditCode} is the 18-character unified social credit code. */
public record ApplicationRequest(@MaxLength(200) String companyName, @MaxLength(18) String creditCode,
        @MaxLength(200) String contact, @MaxLength(100) String category,
        Boolean offersMemberDiscount) {
}
