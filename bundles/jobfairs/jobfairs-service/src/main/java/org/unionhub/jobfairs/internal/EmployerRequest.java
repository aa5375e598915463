package org.unionhub.jobfairs.internal;

import org.unionhub.api.validation.MaxLength;
import org.unionhub.api.validation.Required;

/**
 * An employer registers for a fair. {@code onsiteBooth} defaults to true at an on-site fair and false
 * elsewhere; {@code accountUsername} (officers and admins only) binds an account with role employer.
 */
public record EmployerRequest(@Required @MaxLength(200) String name, @Required @MaxLength(18) String creditCode,
        @Required @MaxLength(50) String industry, @Required CompanySize size, @Required @MaxLength(100) String contactName,
        @Required @MaxLength(20) String contactPhone, @MaxLength(200) String contactEmail, Boolean onsiteBooth,
        @MaxLength(64) String accountUsername) {
}
