package org.unionhub.api.personal;

/**
 * A kind of record a module keeps for a limited time: {@code kind} its key ({@code application.cv}), {@code records}
 * what it covers in words, {@code defaultDays} how long it is kept after the moment its module counts from (a region
 * sets its own in {@code etc/org.unionhub.<module>.retention.cfg}, key {@code <kind>.days}), {@code legalReason} why.
 */
public record RetentionKind(String kind, String records, int defaultDays, String legalReason) {
}
