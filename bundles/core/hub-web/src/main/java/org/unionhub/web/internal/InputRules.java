package org.unionhub.web.internal;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.unionhub.api.FieldError;
import org.unionhub.api.HubException;
import org.unionhub.api.validation.Decimal;
import org.unionhub.api.validation.MaxLength;
import org.unionhub.api.validation.Required;

/**
 * The limits every JSON request body meets before a module sees it, so that no module can be handed a value its
 * columns cannot hold or its code does not expect: text no longer than its column ({@link MaxLength}) and without
 * control characters, money within {@code DECIMAL(14,2)} (or the field's {@link Decimal}), dates between 1900 and
 * 2200, lists without null elements, and every {@link Required} field present. Checking the parsed records, not the JSON text, lets every error name the
 * field as the client wrote it ({@code cv.expectedSalary}, {@code roles[1]}).
 */
final class InputRules {

    static final int MIN_YEAR = 1900;
    static final int MAX_YEAR = 2200;
    /** Money is DECIMAL(14,2): 12 digits before the point, 2 after. */
    static final int MONEY_PRECISION = 14;
    static final int MONEY_SCALE = 2;

    private static final long MIN_EPOCH_SECOND = LocalDate.of(MIN_YEAR, 1, 1).toEpochDay() * 86_400L - 86_400L;
    private static final long MAX_EPOCH_SECOND = LocalDate.of(MAX_YEAR + 1, 1, 1).toEpochDay() * 86_400L + 86_400L;
    private static final int MAX_DEPTH = 16;

    private final List<FieldError> errors = new ArrayList<>();

    private InputRules() {
    }

    /** Throws a 422 listing every field of {@code body} that breaks a rule. */
    static void check(Object body) {
        InputRules rules = new InputRules();
        rules.value("$", body, null, 0);
        if (!rules.errors.isEmpty()) {
            throw HubException.invalid(rules.errors);
        }
    }

    /** The errors of one value, for tests and for parameters. */
    static List<FieldError> errorsOf(String field, Object value, AnnotatedElement limits) {
        InputRules rules = new InputRules();
        rules.value(field, value, limits, 0);
        return rules.errors;
    }

    private void value(String field, Object value, AnnotatedElement limits, int depth) {
        if (value == null || depth > MAX_DEPTH) {
            return;
        }
        if (value instanceof String s) {
            text(field, s, limits);
        } else if (value instanceof BigDecimal d) {
            decimal(field, d, limits == null ? null : limits.getAnnotation(Decimal.class));
        } else if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            check(Double.isFinite(d), field, "must be a finite number");
        } else if (isDate(value)) {
            date(field, value);
        } else if (value instanceof Collection<?> c) {
            int i = 0;
            for (Object element : c) {
                String at = field + "[" + i++ + "]";
                if (element == null) {
                    errors.add(new FieldError(at, "must not be null"));
                } else {
                    value(at, element, limits, depth + 1);
                }
            }
        } else if (value instanceof Map<?, ?> m) {
            m.forEach((k, v) -> {
                String at = field + "." + k;
                text(at, String.valueOf(k), null);
                value(at, v, null, depth + 1);
            });
        } else if (value.getClass().isRecord()) {
            for (RecordComponent rc : value.getClass().getRecordComponents()) {
                String at = "$".equals(field) ? rc.getName() : field + "." + rc.getName();
                Object component = read(rc, value);
                if (rc.isAnnotationPresent(Required.class) && missing(component)) {
                    // the same words as the modules' Validation.required, so a client sees one message for it
                    errors.add(new FieldError(at, "is required"));
                } else {
                    value(at, component, rc, depth + 1);
                }
            }
        }
    }

    private static boolean missing(Object value) {
        return value == null || (value instanceof String s && s.isBlank())
                || (value instanceof Collection<?> c && c.isEmpty());
    }

    private void text(String field, String s, AnnotatedElement limits) {
        MaxLength max = limits == null ? null : limits.getAnnotation(MaxLength.class);
        int limit = max == null ? MaxLength.DEFAULT : max.value();
        if (s.length() > limit) {
            errors.add(new FieldError(field, "must be at most " + limit + " characters"));
            return;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            // tab and line breaks belong in free text; other control characters (NUL above all) only corrupt it
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f) {
                errors.add(new FieldError(field, "must not contain control characters (found U+"
                        + String.format("%04X", (int) c) + " at position " + i + ")"));
                return;
            }
        }
    }

    /** Checks digits before any arithmetic: {@code 1e2000000} is refused here, never expanded. */
    private void decimal(String field, BigDecimal d, Decimal column) {
        int precision = column == null ? MONEY_PRECISION : column.precision();
        int scale = column == null ? MONEY_SCALE : column.scale();
        int integerDigits = precision - scale;
        if (d.signum() != 0 && d.precision() - d.scale() > integerDigits) {
            errors.add(new FieldError(field, "must be less than 1E+" + integerDigits
                    + " (at most " + integerDigits + " digits before the point)"));
        } else if (d.signum() != 0 && d.stripTrailingZeros().scale() > scale) {
            errors.add(new FieldError(field, "must have at most " + scale + " decimals"));
        } else if (d.signum() == 0 && (d.scale() < -integerDigits || d.scale() > 64)) {
            errors.add(new FieldError(field, "must be written as a plain number"));
        }
    }

    private static boolean isDate(Object v) {
        return v instanceof Instant || v instanceof OffsetDateTime || v instanceof ZonedDateTime
                || v instanceof LocalDate || v instanceof LocalDateTime;
    }

    private void date(String field, Object v) {
        boolean ok;
        if (v instanceof Instant i) {
            ok = i.getEpochSecond() >= MIN_EPOCH_SECOND && i.getEpochSecond() <= MAX_EPOCH_SECOND
                    && year(i) >= MIN_YEAR && year(i) <= MAX_YEAR;
        } else {
            int year = v instanceof OffsetDateTime o ? o.getYear()
                    : v instanceof ZonedDateTime z ? z.getYear()
                    : v instanceof LocalDate l ? l.getYear() : ((LocalDateTime) v).getYear();
            ok = year >= MIN_YEAR && year <= MAX_YEAR;
        }
        check(ok, field, "must be between the years " + MIN_YEAR + " and " + MAX_YEAR);
    }

    private static int year(Instant i) {
        return i.atOffset(java.time.ZoneOffset.UTC).getYear();
    }

    private void check(boolean ok, String field, String message) {
        if (!ok) {
            errors.add(new FieldError(field, message));
        }
    }

    private static Object read(RecordComponent rc, Object record) {
        Method accessor = rc.getAccessor();
        try {
            // records of a module's internal package are package-private: their accessors need opening
            accessor.setAccessible(true);
            return accessor.invoke(record);
        } catch (IllegalAccessException | InvocationTargetException | RuntimeException e) {
            return null;
        }
    }
}
