package org.unionhub.jobfairs.internal;

import org.unionhub.api.validation.MaxLength;

/** An officer's decision on a registration; on approval {@code accountUsername} may bind the employer's account. */
public record Review(@MaxLength(500) String note, @MaxLength(64) String accountUsername) {
}
