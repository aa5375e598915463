package org.unionhub.fairs.api;

import org.unionhub.api.validation.MaxLength;
import org.unionhub.api.validation.Required;

/** A merchant's stall application. {@code creditCode} is the 18-character unified social credit code. */
public record ApplicationRequest(@Required @MaxLength(200) String companyName, @MaxLength(18) String creditCode,
        @Required @MaxLength(200) String contact, @Required @MaxLength(100) String category,
        @Required Boolean offersMemberDiscount) {
}
