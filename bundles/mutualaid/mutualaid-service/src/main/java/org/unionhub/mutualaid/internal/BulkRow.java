package org.unionhub.mutualaid.internal;

/**
 * One row of a bulk enrolment report: {@code row} is the line in a CSV file (the header is line 1) or the
 * 1-based position in a JSON list; {@code reason} says why a row was refused.
 */
public record BulkRow(int row, Long memberId, String cardNumber, BulkStatus status, Long enrolmentId, String reason) {
}
