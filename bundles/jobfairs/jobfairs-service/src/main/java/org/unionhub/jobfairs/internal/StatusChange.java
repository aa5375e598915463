package org.unionhub.jobfairs.internal;

import org.unionhub.jobfairs.api.ApplicationStatus;
import org.unionhub.api.validation.MaxLength;

/** Move an application to {@code status}, with an optional note for the applicant. */
public record StatusChange(ApplicationStatus status, @MaxLength(500) String note) {
}
