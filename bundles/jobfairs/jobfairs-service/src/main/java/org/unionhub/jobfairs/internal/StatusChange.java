package org.unionhub.jobfairs.internal;

import org.unionhub.api.validation.MaxLength;
import org.unionhub.api.validation.Required;

/** Move an application to {@code status}, with an optional note for the applicant. */
public record StatusChange(@Required ApplicationStatus status, @MaxLength(500) String note) {
}
