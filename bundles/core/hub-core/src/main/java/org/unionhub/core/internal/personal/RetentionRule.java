package org.unionhub.core.internal.personal;

/**
 * A kind of record as an administrator sees it: the module's declaration and the days in force ({@code days}, from
 * {@code etc/org.unionhub.<module>.retention.cfg} key {@code <kind>.days}, else {@code defaultDays}).
 */
public record RetentionRule(String module, String kind, String records, int days, int defaultDays, String legalReason) {
}
