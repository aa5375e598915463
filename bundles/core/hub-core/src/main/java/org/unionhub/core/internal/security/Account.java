package org.unionhub.core.internal.security;

import java.time.Instant;
import java.util.Set;

/** An account as the API shows it: never with its password hash. */
public record Account(String username, Set<String> roles, Long orgId, Long memberId, boolean enabled,
        Instant createdAt, Instant updatedAt) {
}
