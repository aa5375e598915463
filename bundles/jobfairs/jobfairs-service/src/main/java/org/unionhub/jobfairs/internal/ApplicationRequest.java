package org.unionhub.jobfairs.internal;

import org.unionhub.api.validation.Required;

/** A member applies; {@code livestreamId} names the session he applies from (else the one live now, if any). */
public record ApplicationRequest(@Required Cv cv, Long livestreamId) {
}
