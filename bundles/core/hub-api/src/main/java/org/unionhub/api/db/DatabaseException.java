package org.unionhub.api.db;

/** A database failure that is not the client's fault; the REST edge answers 503 or 500 for it. */
public class DatabaseException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final boolean transientFailure;

    public DatabaseException(String message, Throwable cause, boolean transientFailure) {
        super(message, cause);
        this.transientFailure = transientFailure;
    }

    /** True when retrying later may succeed: the database is unreachable or too busy. */
    public boolean isTransient() {
        return transientFailure;
    }
}
