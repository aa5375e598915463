package org.unionhub.api.validation;

/**
 * Free text as a request brings it. It lives beside the validators because it is the step before them: a blank
 * field is an absent field, so {@code Validation.required} and the stores see {@code null}, never {@code "  "}.
 */
public final class Texts {

    private Texts() {
    }

    /** {@code s} trimmed, or {@code null} when it is null, empty or only white space. */
    public static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
