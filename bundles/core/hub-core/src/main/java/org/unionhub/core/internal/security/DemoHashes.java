package org.unionhub.core.internal.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.Properties;

/**
 * Hashes computed ahead of time ({@code demo-hashes.properties}) for what every start would otherwise hash afresh:
 * the demo accounts' public passwords (each is its account's name) and the decoy compared against for unknown user
 * names. Used only when the hasher runs the same iteration count, so a hub configured otherwise hashes as before.
 * The demo passwords are published in the README, so a salt shared by every demo install gives nothing away; a
 * non-demo install removes the demo accounts (AccountStore).
 */
final class DemoHashes {

    private static final Properties HASHES = load();

    private DemoHashes() {
    }

    /** The stored hash for a demo account whose password is its name, if one was computed for these iterations. */
    static Optional<String> of(String username, String password, int iterations) {
        if (!AccountStore.DEMO_ACCOUNTS.contains(username) || !username.equals(password)) {
            return Optional.empty();
        }
        return forIterations(HASHES.getProperty(username), iterations);
    }

    /** The decoy hash for these iterations, if one was computed. */
    static Optional<String> decoy(int iterations) {
        return forIterations(HASHES.getProperty("decoy"), iterations);
    }

    private static Optional<String> forIterations(String hash, int iterations) {
        return hash != null && hash.startsWith("pbkdf2-sha256$" + iterations + "$") ? Optional.of(hash) : Optional.empty();
    }

    private static Properties load() {
        Properties p = new Properties();
        try (InputStream in = DemoHashes.class.getResourceAsStream("demo-hashes.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }
}
