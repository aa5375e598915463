package org.unionhub.api;

import java.math.BigDecimal;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Predicate;

/**
 * Collects every field error of a request so that the client learns all of them at once.
 * <pre>
 * Validation v = new Validation();
 * v.required("name", req.name()).maxLength("name", req.name(), 200);
 * v.positive("stallCount", req.stallCount());
 * v.throwIfInvalid();
 * </pre>
 */
public final class Validation {

    private final List<FieldError> errors = new ArrayList<>();

    public Validation error(String field, String message) {
        errors.add(new FieldError(field, message));
        return this;
    }

    /** Records {@code message} for {@code field} unless {@code ok}. */
    public Validation check(boolean ok, String field, String message) {
        if (!ok) {
            error(field, message);
        }
        return this;
    }

    public Validation required(String field, Object value) {
        boolean missing = value == null
                || (value instanceof String s && s.isBlank())
                || (value instanceof Collection<?> c && c.isEmpty());
        return check(!missing, field, "is required");
    }

    public Validation maxLength(String field, String value, int max) {
        return check(value == null || value.length() <= max, field, "must be at most " + max + " characters");
    }

    public Validation positive(String field, Number value) {
        return check(value == null || signum(value) > 0, field, "must be greater than 0");
    }

    public Validation notNegative(String field, Number value) {
        return check(value == null || signum(value) >= 0, field, "must not be negative");
    }

    /** Checks that {@code value} matches {@code rule} when it is present; absence is {@link #required}'s business. */
    public <T> Validation valid(String field, T value, Predicate<T> rule, String message) {
        return check(value == null || rule.test(value), field, message);
    }

    /** Checks that {@code end} is not before {@code start} when both are present. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public <T extends Temporal & Comparable<? super T>> Validation notBefore(String endField, T end, String startField, T start) {
        return check(end == null || start == null || ((Comparable) end).compareTo(start) >= 0,
                endField, "must not be before " + startField);
    }

    /** Checks a money amount: not negative, fits DECIMAL(14,2) (checked on its digits, before any arithmetic). */
    public Validation money(String field, BigDecimal value) {
        if (value != null) {
            check(value.signum() >= 0, field, "must not be negative");
            if (value.signum() != 0 && value.precision() - value.scale() > Money.MAX_INTEGER_DIGITS) {
                return error(field, "must be less than 1E+" + Money.MAX_INTEGER_DIGITS);
            }
            check(value.stripTrailingZeros().scale() <= 2, field, "must have at most two decimals");
        }
        return this;
    }

    public boolean isValid() {
        return errors.isEmpty();
    }

    public List<FieldError> errors() {
        return List.copyOf(errors);
    }

    /** Throws a 422 {@link HubException} with every error collected so far. */
    public void throwIfInvalid() {
        if (!errors.isEmpty()) {
            throw HubException.invalid(errors);
        }
    }

    private static int signum(Number n) {
        if (n instanceof BigDecimal b) {
            return b.signum();
        }
        return Double.compare(n.doubleValue(), 0d);
    }
}
