package org.unionhub.core.internal.personal;

import java.time.Instant;

/**
 * One consent: to a purpose's notice ({@code noticeVersion}, {@code region}), of a {@code kind} — GENERAL, or the
 * separate consents MEDICAL and ID_NUMBER — through a {@code channel} (CONSOLE, H5, PAPER); withdrawn when
 * {@code withdrawnAt} is set.
 */
public record Consent(long id, long memberId, String purpose, String module, String noticeVersion, String region,
        String kind, String channel, String givenBy, Instant givenAt, Instant withdrawnAt) {
}
