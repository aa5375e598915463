package org.unionhub.core.internal.personal;

import java.util.List;

import org.unionhub.api.validation.MaxLength;
import org.unionhub.api.validation.Required;

/**
 * A member consents to the notice of {@code purpose} as shown ({@code noticeVersion}), through {@code channel};
 * {@code sensitive} lists the separate consents he gave (MEDICAL, ID_NUMBER), each of which the notice must ask for.
 */
public record ConsentBody(@Required @MaxLength(64) String purpose, @Required @MaxLength(32) String noticeVersion,
        @Required @MaxLength(16) String channel, List<String> sensitive) {
}
