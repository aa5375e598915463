package org.unionhub.api.web;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The problem catalogue ({@link ProblemTexts}' files of every active bundle) for answers that carry field errors
 * outside a problem, such as a member import's per-line report: each message's stable code and its text in the
 * caller's language, exactly as the REST edge translates a problem. hub-web provides it.
 */
@ProviderType
public interface ProblemMessages {

    /** The catalogue key whose English text {@code english} matches (the core's texts first), or null when none does. */
    String code(String english);

    /**
     * {@code english} in the caller's language: Chinese when {@code acceptLanguage} puts {@code zh} first (property
     * names inside it as their labels), otherwise {@code english} as it is.
     */
    String message(String english, String acceptLanguage);
}
