package org.unionhub.jobfairs.internal;

/** A member applies; {@code livestreamId} names the session he applies from (else the one live now, if any). */
public record ApplicationRequest(Cv cv, Long livestreamId) {
}
