package org.unionhub.jobfairs.internal.board;

import org.unionhub.api.validation.MaxLength;
import org.unionhub.jobfairs.internal.CompanySize;

/**
 * An employer joins the year-round registry of the union {@code orgId} (an officer's own union when left out).
 * {@code accountUsername} is for officers only: an employer account that registers is bound to itself.
 */
public record RegistryRequest(Long orgId, @MaxLength(200) String name, @MaxLength(18) String creditCode,
        @MaxLength(50) String industry, CompanySize size, @MaxLength(100) String contactName,
        @MaxLength(20) String contactPhone, @MaxLength(200) String contactEmail, @MaxLength(64) String accountUsername) {
}
