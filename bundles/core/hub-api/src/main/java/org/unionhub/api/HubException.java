package org.unionhub.api;

import java.util.List;

/**
 * A failure that the client caused or must know about. The REST edge turns it into an
 * {@code application/problem+json} answer with this status, title, detail and field errors.
 */
public class HubException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String title;
    private final List<FieldError> errors;

    public HubException(int status, String title, String detail, List<FieldError> errors) {
        super(detail);
        this.status = status;
        this.title = title;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
    }

    public HubException(int status, String title, String detail) {
        this(status, title, detail, List.of());
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return getMessage();
    }

    public List<FieldError> errors() {
        return errors;
    }

    public static HubException notFound(String what, Object id) {
        return new HubException(404, "Not found", what + " " + id + " does not exist");
    }

    public static HubException conflict(String detail) {
        return new HubException(409, "Conflict", detail);
    }

    /** A conflict that concerns one field, e.g. a duplicate credit code. */
    public static HubException conflict(String field, String detail) {
        return new HubException(409, "Conflict", detail, List.of(new FieldError(field, detail)));
    }

    public static HubException forbidden(String detail) {
        return new HubException(403, "Forbidden", detail);
    }

    public static HubException invalid(String field, String message) {
        return invalid(List.of(new FieldError(field, message)));
    }

    public static HubException invalid(List<FieldError> errors) {
        String detail = errors.size() == 1
                ? errors.get(0).field() + ": " + errors.get(0).message()
                : errors.size() + " fields are invalid";
        return new HubException(422, "Invalid request", detail, errors);
    }

    public static HubException badRequest(String field, String message) {
        return new HubException(400, "Bad request", field + ": " + message, List.of(new FieldError(field, message)));
    }

    /** The module or a resource it needs is being replaced or is not available: the client should retry. */
    public static HubException unavailable(String detail) {
        return new HubException(503, "Service unavailable", detail);
    }
}
