package org.unionhub.fairs.internal;

/** Body of a claim: empty for a member claiming for himself; an officer names the member. */
public record ClaimRequest(Long memberId) {
}
