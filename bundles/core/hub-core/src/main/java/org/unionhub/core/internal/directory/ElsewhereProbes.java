package org.unionhub.core.internal.directory;

import java.util.List;

import org.unionhub.api.FieldError;
import org.unionhub.api.security.Caller;
import org.unionhub.api.security.SlidingWindow;
import org.unionhub.api.security.TooManyAttempts;

/**
 * ID-card numbers and union cards are unique across the region, so refusing one held in another district tells an
 * officer that somebody holds it. That answer cannot be avoided, but it can be rationed: after
 * {@value #PER_WINDOW} such refusals in {@link #WINDOW_MS} an officer registers no member with a number or card
 * until the window has moved on, which stops a walk through guessed numbers and leaves real work a few minutes' pause.
 */
final class ElsewhereProbes {

    static final int PER_WINDOW = 10;
    static final long WINDOW_MS = 10 * 60_000L;
    private final SlidingWindow window = new SlidingWindow(PER_WINDOW, WINDOW_MS);

    /** Throws 429 when the caller has met too many numbers held elsewhere lately; admins see the whole region anyway. */
    void requireNotBlocked(Caller caller, String field, long now) {
        long retry = caller.isAdmin() ? 0 : window.retryAfterSeconds(caller.username(), now);
        if (retry > 0) {
            throw new TooManyAttempts("too many numbers held outside your organisation lately; retry in " + retry + " s",
                    retry, List.of(new FieldError(field, "too many numbers held outside your organisation; retry in "
                            + retry + " s")));
        }
    }

    void record(Caller caller, long now) {
        if (!caller.isAdmin()) {
            window.record(caller.username(), now);
        }
    }
}
