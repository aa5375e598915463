package org.unionhub.core.internal.directory;

import java.time.LocalDate;

import org.unionhub.api.EmploymentForm;
import org.unionhub.api.NewFormKind;

/** Create or replace a member. On replace, an absent or masked {@code idNumber} keeps the stored one. */
public record MemberRequest(String name, String phone, Long orgId, EmploymentForm employmentForm,
        NewFormKind newFormKind, String cardNumber, LocalDate joinedOn, String idNumber) {
}
