package org.unionhub.api.web;

import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The hub's memory of {@code Idempotency-Key}s: a create sent twice with one key (a double click, a retry after a
 * lost answer) makes one record and gets the first answer again. The REST edge claims the key before the resource
 * runs and stores the answer after it; the core keeps it for {@link #RETENTION_HOURS} hours.
 */
@ProviderType
public interface IdempotentRequests {

    /** The request header that carries the key. */
    String HEADER = "Idempotency-Key";

    /** How long an answer is kept and replayed. */
    int RETENTION_HOURS = 24;

    /** One request's key, scoped to the account, the method and the path; {@code bodyHash} tells a changed body. */
    record Claim(String account, String method, String path, String key, String bodyHash) {
    }

    /** An answer as it was sent: status, {@code Location} (or null), content type (or null) and body bytes. */
    record Answer(int status, String location, String contentType, byte[] body) {
    }

    /**
     * Claims the key for this request, or finds the answer of the request that claimed it first. While that first
     * request is still running, waits for its answer (a double click gets the same 201).
     *
     * @return empty when this request now owns the key and must run; else the first answer, to replay
     * @throws org.unionhub.api.HubException 422 naming {@value #HEADER} when the key came with another body; 409
     *         when the first request is still running after the wait
     */
    Optional<Answer> begin(Claim claim);

    /** Stores the answer of the request that owns the key. */
    void finish(Claim claim, Answer answer);

    /** Forgets the key (the request failed: a retry with the same key runs again). */
    void release(Claim claim);
}
