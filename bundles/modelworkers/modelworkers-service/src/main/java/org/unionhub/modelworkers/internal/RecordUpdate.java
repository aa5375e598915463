package org.unionhub.modelworkers.internal;

/**
 * Changes to a record's person data. An {@code idNumber} equal to the masked one (as read back) keeps the
 * stored number. Titles and status change through their own endpoints so that each change is kept.
 */
public record RecordUpdate(String name, String idNumber, String workplace, Long orgId, String contact, Long memberId) {
}
