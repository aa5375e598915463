package org.unionhub.api.security;

import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/** Checks credentials against the hub's accounts; the REST edge calls it, modules rarely need it. */
@ProviderType
public interface Authenticator {

    /** A user name and password, checked through the hub's JAAS realm. Empty when they do not match. */
    Optional<Caller> login(String username, String password);

    /**
     * As {@link #login(String, String)}, for a sign-in from {@code address} (the client's IP address, or null):
     * failures are counted per account and per address and audited; throws {@link TooManyAttempts}, before any
     * password is checked, while either is throttled or the account is locked.
     */
    Optional<Caller> login(String username, String password, String address);

    /** A bearer token issued by {@link #issueToken}; empty when unknown or expired. */
    Optional<Caller> bearer(String token);

    /** Issues a bearer token for a caller who has just logged in. */
    Token issueToken(Caller caller);

    /** Withdraws a token (sign-out). */
    void revoke(String token);

    /** Withdraws every token of an account (sign-out everywhere). */
    void revokeAll(String username);

    record Token(String token, java.time.Instant expiresAt) {
    }
}
