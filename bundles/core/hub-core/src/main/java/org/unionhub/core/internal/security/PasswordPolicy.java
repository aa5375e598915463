package org.unionhub.core.internal.security;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * What a new password must be (ASVS 2.1): at least {@link #MIN_LENGTH} characters, at most {@link #MAX_LENGTH}, not
 * one of the common passwords shipped in {@code common-passwords.txt}, and not the account's own name (forwards or
 * backwards) with only digits or signs added.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 8;
    /** Long enough for passphrases; bounded so that a megabyte "password" never reaches PBKDF2. */
    public static final int MAX_LENGTH = 128;

    private static final Set<String> COMMON = load();

    private PasswordPolicy() {
    }

    /** Why {@code password} may not be used by {@code username}, or null when it may. */
    public static String problem(String password, String username) {
        if (password == null) {
            return "is required";
        }
        if (password.length() < MIN_LENGTH) {
            return "must be at least " + MIN_LENGTH + " characters";
        }
        if (password.length() > MAX_LENGTH) {
            return "must be at most " + MAX_LENGTH + " characters";
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (COMMON.contains(lower)) {
            return "is one of the most common passwords; choose another";
        }
        if (lower.chars().distinct().count() <= 2) {
            return "repeats one or two characters; choose another";
        }
        String stripped = lower.replaceAll("[^a-z]", "");
        String name = username == null ? "" : username.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
        if (name.length() >= 3 && (stripped.equals(name) || stripped.equals(new StringBuilder(name).reverse().toString()))) {
            return "must not be the user name with digits or signs added";
        }
        if (stripped.length() >= 3 && COMMON.contains(stripped) && lower.length() - stripped.length() <= 6) {
            return "is a common password with a few digits or signs added; choose another";
        }
        return null;
    }

    static int commonCount() {
        return COMMON.size();
    }

    private static Set<String> load() {
        Set<String> words = new HashSet<>();
        try (InputStream in = PasswordPolicy.class.getResourceAsStream("common-passwords.txt")) {
            if (in == null) {
                throw new IllegalStateException("common-passwords.txt is missing from the bundle");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                String w = line.trim();
                if (!w.isEmpty() && !w.startsWith("#")) {
                    words.add(w.toLowerCase(Locale.ROOT));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read common-passwords.txt", e);
        }
        return Set.copyOf(words);
    }
}
