package org.unionhub.api.personal;

import java.util.List;

/**
 * The {@code consent} a create body carries when it collects personal data (a claim, a CV, a nomination): the
 * version of the notice the form showed, the channel ({@code H5}, {@code CONSOLE}, or {@code PAPER} for a paper form
 * an officer enters) and the separate consents for sensitive data ({@code MEDICAL}, {@code ID_NUMBER}). Same names as
 * {@code POST /api/me/consents}.
 */
public record ConsentGiven(String noticeVersion, String channel, List<String> sensitive) {
}
