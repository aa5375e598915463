package org.unionhub.core.internal.security;

import java.util.Set;
import org.unionhub.api.validation.MaxLength;

/** Create an account, or change one (then every field is optional; a given password resets it). */
public record AccountRequest(@MaxLength(64) String username, @MaxLength(128) String password, Set<String> roles,
        Long orgId, Long memberId,
        Boolean enabled) {
}
