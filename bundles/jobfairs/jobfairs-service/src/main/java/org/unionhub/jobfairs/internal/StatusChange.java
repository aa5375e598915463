package org.unionhub.jobfairs.internal;

import org.unionhub.jobfairs.api.ApplicationStatus;

/** Move an application to {@code status}, with an optional note for the applicant. */
public record StatusChange(ApplicationStatus status, String note) {
}
