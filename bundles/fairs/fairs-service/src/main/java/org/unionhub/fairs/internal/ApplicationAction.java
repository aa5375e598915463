package org.unionhub.fairs.internal;

import org.unionhub.api.validation.MaxLength;

/** Body of withdraw, accept and reject: the secret token of an anonymous applicant, or an officer's reason. */
public record ApplicationAction(@MaxLength(128) String withdrawalToken, @MaxLength(500) String reason) {
}
