package org.unionhub.fairs.api;

/** Body of withdraw, accept and reject: the secret token of an anonymous applicant, or an officer's reason. */
public record ApplicationAction(String withdrawalToken, String reason) {
}
