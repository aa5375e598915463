package org.unionhub.modelworkers.internal;

import org.unionhub.api.personal.ConsentGiven;
import org.unionhub.api.validation.MaxLength;
import org.unionhub.api.validation.Required;

/**
 * A nomination's structured fields. A draft may leave any of them empty except {@code orgId}, the
 * nominating union; submission checks all of them and the checklist of materials at once. {@code consent} is the
 * candidate's consent to the nomination notice ({@code GET /api/notices/nomination}) with the separate consent
 * {@code ID_NUMBER}, attested by the nominating officer from the signed paper form (channel {@code PAPER}): required
 * on create, ignored on update.
 */
public record NominationRequest(@Required Long orgId, @MaxLength(100) String candidateName, @MaxLength(18) String idNumber,
        @MaxLength(200) String workplace, @MaxLength(100) String contact,
        @MaxLength(64) String proposedTitle, @MaxLength(4000) String achievements, ConsentGiven consent) {

    /** Fields without a consent: an update, or the hub's own demo data. */
    public NominationRequest(Long orgId, String candidateName, String idNumber, String workplace, String contact,
            String proposedTitle, String achievements) {
        this(orgId, candidateName, idNumber, workplace, contact, proposedTitle, achievements, null);
    }
}
