package org.unionhub.jobfairs.internal;

import org.unionhub.api.validation.MaxLength;

/**
 * An employer registers for a fair. {@code onsiteBooth} defaults to true at an on-site fair and false
 * elsewhere; {@code accountUsername} (officers and admins only) binds an account with role employer.
 */
public record EmployerRequest(@MaxLength(200) String name, @MaxLength(18) String creditCode,
        @MaxLength(50) String industry, CompanySize size, @MaxLength(100) String contactName,
        @MaxLength(20) String contactPhone, @MaxLength(200) String contactEmail, Boolean onsiteBooth,
        @MaxLength(64) String accountUsername) {
}
