package org.unionhub.core.internal.personal;

import java.time.Instant;

/**
 * One consent: to a purpose's notice ({@code noticeVersion}, {@code region}), of a {@code kind} — GENERAL, or the
 * separate consents MEDICAL and ID_NUMBER — through a {@code channel} (CONSOLE, H5, PAPER); withdrawn when
 * {@code withdrawnAt} is set. A consent given before the hub knew the person as a member (a nomination's candidate, an
 * applicant without an account) names no member but the module's record it was given for ({@code subjectKind},
 * {@code subjectRef}).
 */
public record Consent(long id, Long memberId, String subjectKind, Long subjectRef, String purpose, String module,
        String noticeVersion, String region, String kind, String channel, String givenBy, Instant givenAt,
        Instant withdrawnAt) {
}
