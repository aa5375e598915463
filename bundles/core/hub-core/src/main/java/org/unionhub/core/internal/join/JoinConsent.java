package org.unionhub.core.internal.join;

import java.time.Instant;
import java.util.List;

/**
 * What a join applicant consented to with one of his join requests, as he sees it himself: the notice's version, the
 * channel, the separate consents ({@code ID_NUMBER}), when he gave it and when he withdrew it; the union and the
 * request's status ({@code WITHDRAWN} once he withdrew a pending request's consent).
 */
public record JoinConsent(long joinRequestId, String orgName, String status, String purpose, String noticeVersion,
        String channel, List<String> sensitive, Instant givenAt, Instant withdrawnAt) {
}
