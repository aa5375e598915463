package org.unionhub.api;

import java.time.LocalDate;

/** What a module may know about a member; the ID-card number stays in the core. */
public record MemberInfo(long id, String name, long orgId, EmploymentForm employmentForm, NewFormKind newFormKind,
        String cardNumber, LocalDate joinedOn) {
}
