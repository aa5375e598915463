package org.unionhub.api.security;

import java.util.List;

import org.unionhub.api.FieldError;
import org.unionhub.api.HubException;

/**
 * Who may search personal records (members, the model-worker archive) by an exact ID-card number, and how often. An exact match answers "this person is
 * in the archive" for any number one guesses, so only admins may ask, each time with a reason that goes to the
 * audit, and at most {@link #PER_WINDOW} times per admin in {@link #WINDOW_MS}: enough for a desk, far too few to
 * walk the few dozen numbers that share a birth date and the last four characters.
 */
public final class ExactIdSearch {

    public static final int PER_WINDOW = 20;
    public static final long WINDOW_MS = 10 * 60_000L;
    private final SlidingWindow window = new SlidingWindow(PER_WINDOW, WINDOW_MS);

    /** Throws 403 for a non-admin, 422 without a reason, 429 when the admin asked too often lately. */
    public void admit(Caller caller, String reason, long now) {
        if (!caller.isAdmin()) {
            throw new HubException(403, "Forbidden", "idNumber: only an admin may search by ID-card number",
                    List.of(new FieldError("idNumber", "only an admin may search by ID-card number")));
        }
        if (reason == null || reason.isBlank() || reason.length() > 200) {
            throw HubException.invalid("reason", "say why you search by ID-card number (1 to 200 characters); it is audited");
        }
        long retry = window.retryAfterSeconds(caller.username(), now);
        if (retry > 0) {
            throw new TooManyAttempts("at most " + PER_WINDOW + " searches by ID-card number per " + WINDOW_MS / 60_000
                    + " minutes; retry in " + retry + " s", retry,
                    List.of(new FieldError("idNumber", "too many searches by ID-card number; retry in " + retry + " s")));
        }
        window.record(caller.username(), now);
    }
}
