package org.unionhub.jobfairs.internal;

/**
 * An employer registers for a fair. {@code onsiteBooth} defaults to true at an on-site fair and false
 * elsewhere; {@code accountUsername} (officers and admins only) binds an account with role employer.
 */
public record EmployerRequest(String name, String creditCode, String industry, CompanySize size, String contactName,
        String contactPhone, String contactEmail, Boolean onsiteBooth, String accountUsername) {
}
