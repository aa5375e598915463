package org.unionhub.core.internal.security;

import java.io.Serializable;
import java.security.Principal;

/** Carries an account's organisation and member binding through a JAAS subject. */
public record HubPrincipal(String name, Long orgId, Long memberId) implements Principal, Serializable {

    @Override
    public String getName() {
        return name;
    }
}
