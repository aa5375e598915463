package org.unionhub.jobfairs.internal;

import java.util.List;


/**
 * The statuses a caller may move a job application to now, for {@code GET /applications/{id}/actions} (issue 20:
 * the console offers only these): the status's next ones, {@code WITHDRAWN} for the applicant alone, the others for
 * the employer and the fair's officers — as {@code PUT /applications/{id}/status} checks them.
 */
public final class ApplicationSteps {

    /** The application's id and status, and the statuses ({@code PUT …/status}) the caller may move it to. */
    public record JobApplicationSteps(long applicationId, String status, List<String> actions) {
    }

    private ApplicationSteps() {
    }

    static JobApplicationSteps of(long id, ApplicationStatus status, boolean applicant, boolean recruiter) {
        List<String> out = status.next().stream()
                .filter(s -> s == ApplicationStatus.WITHDRAWN ? applicant : recruiter)
                .sorted().map(Enum::name).toList();
        return new JobApplicationSteps(id, status.name(), out);
    }
}
