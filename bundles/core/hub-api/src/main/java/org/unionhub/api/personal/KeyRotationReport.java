package org.unionhub.api.personal;

import java.util.Map;

/**
 * What a personal-data key rotation did: the key it replaced and the one now in force (the first 8 bytes of each
 * key's SHA-256, in hex), whether it resumed a rotation a crash had interrupted, and the values sealed again per
 * {@code TABLE.COLUMN}.
 */
public record KeyRotationReport(String oldKeyId, String newKeyId, boolean resumed, Map<String, Long> resealed,
        long millis) {
}
