package org.unionhub.api.web;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The security headers every answer of the hub carries (OWASP ASVS 14.4): the REST edge adds them to every API
 * answer, the console's servlet to its files. A module serving something of its own outside both adds them too.
 */
public final class SecurityHeaders {

    /** Only the hub's own origin; no framing, no plugins; inline styles (the console's) but no inline scripts. */
    public static final String CSP = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
            + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    private SecurityHeaders() {
    }

    /**
     * The headers for an answer to {@code path}; {@code secure} when it goes out over HTTPS (then with HSTS).
     * The API's documentation page carries its script inline, so it alone may run inline scripts.
     */
    public static Map<String, String> of(String path, boolean secure) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("X-Content-Type-Options", "nosniff");
        h.put("X-Frame-Options", "DENY");
        h.put("Referrer-Policy", "no-referrer");
        h.put("Content-Security-Policy", path != null && path.contains("/docs")
                ? CSP.replace("default-src 'self';", "default-src 'self'; script-src 'self' 'unsafe-inline';") : CSP);
        h.put("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
        if (secure) {
            h.put("Strict-Transport-Security", "max-age=31536000");
        }
        return h;
    }
}
