package org.unionhub.mutualaid.internal;

import java.time.LocalDate;
import org.unionhub.api.validation.MaxLength;

/**
 * Enrol one member: {@code memberId} (a member enrolling himself may leave it out) or, in bulk files,
 * {@code cardNumber}; {@code enrolledOn} defaults to today and only an admin may backdate it. {@code paidBy} says who
 * pays the contribution: {@code MEMBER} (the default), {@code EMPLOYER} or {@code UNION}, with {@code payerName}
 * naming the employer or union.
 */
public record EnrolmentRequest(Long memberId, @MaxLength(32) String cardNumber, LocalDate enrolledOn, PayerKind paidBy,
        @MaxLength(200) String payerName) {
}
