package org.unionhub.core.internal.join;

import java.util.List;

import org.unionhub.core.internal.personal.Notice;

/**
 * The privacy notice the join page shows before anything is sent: what is collected, why, and how long it is kept.
 * It is the notice store's {@code join} notice ({@code GET /api/notices/join}, replaceable by the region), in the
 * shape {@code GET /api/join/privacy-notice} has always answered: one text and one version for both.
 */
public record PrivacyNotice(String version, String title, List<String> collected, String purpose, String retention,
        String text, List<String> sensitive) {

    public static final String PURPOSE = "join";

    public static PrivacyNotice of(Notice n) {
        return new PrivacyNotice(n.version(), n.title(), n.collects(), n.why(), n.keptFor(), n.text(), n.sensitive());
    }
}
