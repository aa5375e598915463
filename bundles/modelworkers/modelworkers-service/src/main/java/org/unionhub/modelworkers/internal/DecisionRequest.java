package org.unionhub.modelworkers.internal;

/**
 * Approval ({@code yearAwarded} defaults to this year, {@code awardingBody} optional) or rejection
 * ({@code note} required as the reason).
 */
public record DecisionRequest(Integer yearAwarded, String awardingBody, String note) {
}
