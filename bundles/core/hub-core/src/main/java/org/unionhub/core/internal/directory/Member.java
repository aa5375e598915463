package org.unionhub.core.internal.directory;

import java.time.Instant;
import java.time.LocalDate;

import org.unionhub.api.EmploymentForm;
import org.unionhub.api.NewFormKind;

/** A member as the API shows it; {@code idNumber} is masked unless the caller is an admin. */
public record Member(long id, String name, String phone, long orgId, EmploymentForm employmentForm,
        NewFormKind newFormKind, String cardNumber, LocalDate joinedOn, String idNumber, Instant createdAt,
        Instant updatedAt) {
}
