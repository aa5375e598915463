package org.unionhub.core.internal.personal;

import java.util.List;

/**
 * What a form shows before it collects personal data: what is collected, why, who sees it, how long it is kept, and
 * which sensitive data needs its own consent ({@code MEDICAL}, {@code ID_NUMBER}). {@code version} changes with the
 * text; a consent names the version it was given to.
 */
public record Notice(String purpose, String module, String version, String region, String title, List<String> collects,
        String why, String whoSees, String keptFor, List<String> sensitive, String text) {
}
