package org.unionhub.core.internal.directory;

import java.time.LocalDate;

import org.unionhub.api.EmploymentForm;
import org.unionhub.api.NewFormKind;
import org.unionhub.api.validation.MaxLength;
import org.unionhub.api.validation.Required;
import org.unionhub.api.web.Example;

/** Create or replace a member. On replace, an absent or masked {@code idNumber} keeps the stored one. */
@Example("MemberRequest.example.json")
public record MemberRequest(@Required @MaxLength(100) String name, @MaxLength(20) String phone, @Required Long orgId,
        @Required EmploymentForm employmentForm,
        NewFormKind newFormKind, @MaxLength(32) String cardNumber, LocalDate joinedOn, @MaxLength(18) String idNumber) {
}
