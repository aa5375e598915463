package org.unionhub.core.internal.security;

import java.util.Set;

/** Create an account, or change one (then every field is optional; a given password resets it). */
public record AccountRequest(String username, String password, Set<String> roles, Long orgId, Long memberId,
        Boolean enabled) {
}
