package org.unionhub.jobfairs.internal;

import org.unionhub.api.personal.ConsentGiven;
import org.unionhub.api.validation.Required;

/**
 * A member applies; {@code livestreamId} names the session he applies from (else the one live now, if any);
 * {@code consent} is his consent to the CV notice ({@code GET /api/notices/cv}), required.
 */
public record ApplicationRequest(@Required Cv cv, Long livestreamId, ConsentGiven consent) {
}
