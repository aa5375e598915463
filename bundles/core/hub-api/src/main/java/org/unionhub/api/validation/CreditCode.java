package org.unionhub.api.validation;

/**
 * The unified social credit code of an organisation (GB 32100-2015): 18 characters from a
 * 31-character alphabet, the last one a check character over the first 17.
 */
public final class CreditCode {

    private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    private CreditCode() {
    }

    /** Why {@code raw} is not a valid code, or {@code null} when it is. Lower case is accepted. */
    public static String problem(String raw) {
        if (raw == null) {
            return "is required";
        }
        String v = raw.trim().toUpperCase();
        if (v.length() != 18) {
            return "must be 18 characters";
        }
        for (int i = 0; i < 18; i++) {
            if (ALPHABET.indexOf(v.charAt(i)) < 0) {
                return "character " + (i + 1) + " ('" + v.charAt(i) + "') is not allowed";
            }
        }
        for (int i = 2; i < 8; i++) {
            if (!Character.isDigit(v.charAt(i))) {
                return "characters 3 to 8 must be the digits of an administrative division";
            }
        }
        if (checkCharacter(v) != v.charAt(17)) {
            return "check character does not match";
        }
        return null;
    }

    public static boolean isValid(String raw) {
        return problem(raw) == null;
    }

    public static String normalize(String raw) {
        return raw == null ? null : raw.trim().toUpperCase();
    }

    /** The check character for the first 17 characters of {@code v}. */
    public static char checkCharacter(String v) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += ALPHABET.indexOf(v.charAt(i)) * WEIGHTS[i];
        }
        int c = 31 - sum % 31;
        return ALPHABET.charAt(c == 31 ? 0 : c);
    }
}
