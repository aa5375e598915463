package org.unionhub.recuperation.api;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A region's rule for subsidising recuperation trips. A policy bundle registers exactly one as an OSGi
 * service; the booking service uses the one that is installed, and none (zero subsidy) when there is
 * none. Policies are pure: they read the quote and their settings and write nothing; the service records
 * what they answered, with {@link #id()} and {@link #version()}, so later changes never rewrite a booking.
 */
@ConsumerType
public interface SubsidyPolicy {

    /** Stable id, e.g. {@code innermongolia-offseason}. */
    String id();

    /** The version of the rule, recorded with each booking. */
    String version();

    /** Prices one booking: one entry per member of the quote, in the same order. */
    SubsidyDecision decide(BookingQuote quote);

    /**
     * The budgets this policy pays from in {@code year} (the year stays start), so that a province can allocate them
     * before the year's first booking; none for a policy without budgets.
     *
     * @since 1.1
     */
    default java.util.List<SubsidyDecision.Budget> budgets(int year) {
        return java.util.List.of();
    }
}
