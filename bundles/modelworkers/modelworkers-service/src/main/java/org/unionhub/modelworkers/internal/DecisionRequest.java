package org.unionhub.modelworkers.internal;

import org.unionhub.api.validation.MaxLength;

/**
 * Approval ({@code yearAwarded} defaults to this year, {@code awardingBody} optional) or rejection
 * ({@code note} required as the reason).
 */
public record DecisionRequest(Integer yearAwarded, @MaxLength(200) String awardingBody, @MaxLength(500) String note) {
}
