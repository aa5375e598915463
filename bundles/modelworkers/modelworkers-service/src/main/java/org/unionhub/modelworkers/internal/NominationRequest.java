package org.unionhub.modelworkers.internal;

import org.unionhub.api.validation.MaxLength;
import org.unionhub.api.validation.Required;

/**
 * A nomination's structured fields. A draft may leave any of them empty except {@code orgId}, the
 * nominating union; submission checks all of them and the checklist of materials at once.
 */
public record NominationRequest(@Required Long orgId, @MaxLength(100) String candidateName, @MaxLength(18) String idNumber,
        @MaxLength(200) String workplace, @MaxLength(100) String contact,
        @MaxLength(64) String proposedTitle, @MaxLength(4000) String achievements) {
}
