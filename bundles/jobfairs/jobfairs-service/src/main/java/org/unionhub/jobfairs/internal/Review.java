package org.unionhub.jobfairs.internal;

/** An officer's decision on a registration; on approval {@code accountUsername} may bind the employer's account. */
public record Review(String note, String accountUsername) {
}
