package org.unionhub.api.validation;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;

/**
 * A resident ID-card number of the People's Republic of China (GB 11643-1999): 17 digits, the
 * last six of the first fourteen a birth date, and a check character 0-9 or X. Lower-case x is
 * accepted and normalised.
 */
public record IdCardNumber(String value, LocalDate birthDate, Sex sex) {

    public enum Sex { MALE, FEMALE }

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK = "10X98765432";

    /** The parsed number, or empty with {@link #problem} telling why. */
    public static Optional<IdCardNumber> parse(String raw) {
        return problem(raw) == null ? Optional.of(build(raw.trim().toUpperCase())) : Optional.empty();
    }

    /** Why {@code raw} is not a valid number, or {@code null} when it is. */
    public static String problem(String raw) {
        if (raw == null) {
            return "is required";
        }
        String v = raw.trim().toUpperCase();
        if (v.length() != 18) {
            return "must be 18 characters";
        }
        for (int i = 0; i < 17; i++) {
            if (!Character.isDigit(v.charAt(i)) || v.charAt(i) > '9') {
                return "the first 17 characters must be digits";
            }
        }
        if (birthDateOf(v) == null) {
            return "does not hold a valid birth date";
        }
        if (checkCharacter(v) != v.charAt(17)) {
            return "check digit does not match";
        }
        return null;
    }

    public static boolean isValid(String raw) {
        return problem(raw) == null;
    }

    /** The check character for the first 17 digits of {@code v}. */
    public static char checkCharacter(String v) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (v.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK.charAt(sum % 11);
    }

    /**
     * Masked for display: only the last 4 characters, e.g. {@code **************002X}. The region code and birth
     * date at the front, with the sex and check digit, let a guesser rebuild the whole number in a few dozen tries.
     * Masking a masked value gives the same mask, so numbers masked the older way display the new way.
     */
    public static String mask(String v) {
        if (v == null || v.length() < 8) {
            return v == null ? null : "*".repeat(v.length());
        }
        return "*".repeat(v.length() - 4) + v.substring(v.length() - 4);
    }

    /** True when {@code sent} is a masked number (as read back) for the stored mask {@code stored}: keep the number. */
    public static boolean isMaskOf(String sent, String stored) {
        return sent != null && stored != null && sent.indexOf('*') >= 0 && mask(sent.trim()).equals(mask(stored));
    }

    private static IdCardNumber build(String v) {
        Sex sex = (v.charAt(16) - '0') % 2 == 1 ? Sex.MALE : Sex.FEMALE;
        return new IdCardNumber(v, birthDateOf(v), sex);
    }

    private static LocalDate birthDateOf(String v) {
        try {
            LocalDate d = LocalDate.of(Integer.parseInt(v.substring(6, 10)), Integer.parseInt(v.substring(10, 12)),
                    Integer.parseInt(v.substring(12, 14)));
            return d.getYear() < 1900 || d.isAfter(LocalDate.now()) ? null : d;
        } catch (DateTimeException e) {
            return null;
        }
    }
}
