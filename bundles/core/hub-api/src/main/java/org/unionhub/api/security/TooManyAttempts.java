package org.unionhub.api.security;

import java.util.List;

import org.unionhub.api.FieldError;
import org.unionhub.api.HubException;

/**
 * Sign-in refused before the password was even checked: too many failures lately for this account or from this
 * address, or the account is locked; or too many requests of a throttled kind. The REST edge answers {@code 429}
 * with {@code Retry-After}.
 */
public class TooManyAttempts extends HubException {

    private static final long serialVersionUID = 1L;

    private final long retryAfterSeconds;

    public TooManyAttempts(String detail, long retryAfterSeconds) {
        super(429, "Too many requests", detail, List.of());
        this.retryAfterSeconds = Math.max(1, retryAfterSeconds);
    }

    /** Too many requests of one kind (e.g. searches by ID-card number), naming the fields at fault. */
    public TooManyAttempts(String detail, long retryAfterSeconds, List<FieldError> errors) {
        super(429, "Too many requests", detail, errors);
        this.retryAfterSeconds = Math.max(1, retryAfterSeconds);
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
