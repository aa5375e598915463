package org.unionhub.core.internal.directory;

import org.unionhub.api.EmploymentForm;
import org.unionhub.api.NewFormKind;

/**
 * Filters of the member listing; null means "any". {@code orgId} includes the organisations below it; {@code name}
 * is the beginning of the name; {@code cardNumber}, {@code phone} and {@code idNumber} are exact; {@code reason}
 * says why an admin searches by ID-card number (audited).
 */
public record MemberFilter(Long orgId, String name, EmploymentForm employmentForm, NewFormKind newFormKind,
        String cardNumber, String phone, String idNumber, String reason) {
}
