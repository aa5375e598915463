package org.unionhub.core.internal.personal;

import org.unionhub.api.validation.MaxLength;
import org.unionhub.api.validation.Required;

/** Why an officer refuses a request; the member reads it. */
public record RefusalBody(@Required @MaxLength(1000) String reason) {
}
