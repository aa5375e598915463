package org.unionhub.modelworkers.internal;

/**
 * A nomination's structured fields. A draft may leave any of them empty except {@code orgId}, the
 * nominating union; submission checks all of them and the checklist of materials at once.
 */
public record NominationRequest(Long orgId, String candidateName, String idNumber, String workplace, String contact,
        String proposedTitle, String achievements) {
}
