package org.unionhub.modelworkers.internal;

import org.unionhub.api.validation.MaxLength;
import org.unionhub.api.validation.Required;

/**
 * Changes to a record's person data. An {@code idNumber} equal to the masked one (as read back) keeps the
 * stored number. Titles and status change through their own endpoints so that each change is kept.
 */
public record RecordUpdate(@Required @MaxLength(100) String name, @MaxLength(18) String idNumber,
        @MaxLength(200) String workplace, @Required Long orgId, @MaxLength(100) String contact, Long memberId) {
}
