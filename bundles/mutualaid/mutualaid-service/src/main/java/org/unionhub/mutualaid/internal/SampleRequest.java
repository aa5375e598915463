package org.unionhub.mutualaid.internal;

import java.math.BigDecimal;
import org.unionhub.api.validation.Required;

/**
 * Marks not-yet-paid claims of a plan for a second review: {@code percent} of them (1..100, a random sample),
 * and/or every claim whose self-paid amount is at least {@code above}.
 */
public record SampleRequest(@Required Long planId, Integer percent, BigDecimal above) {
}
