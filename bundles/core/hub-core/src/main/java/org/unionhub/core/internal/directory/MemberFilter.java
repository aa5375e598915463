package org.unionhub.core.internal.directory;

import org.unionhub.api.EmploymentForm;
import org.unionhub.api.NewFormKind;

/** Filters of the member listing; null means "any". {@code orgId} includes the organisations below it. */
public record MemberFilter(Long orgId, String name, EmploymentForm employmentForm, NewFormKind newFormKind,
        String cardNumber) {
}
