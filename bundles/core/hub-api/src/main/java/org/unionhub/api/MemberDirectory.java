package org.unionhub.api;

import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/** The core's members and organisations, as modules see them. */
@ProviderType
public interface MemberDirectory {

    Optional<MemberInfo> member(long memberId);

    Optional<OrgInfo> org(long orgId);

    /** The member who holds union card {@code cardNumber} (exact match), e.g. for a bulk enrolment file. */
    Optional<MemberInfo> memberByCardNumber(String cardNumber);

    /** Whether {@code orgId} is {@code scopeOrgId} itself or lies below it in the tree. */
    boolean isWithin(long orgId, long scopeOrgId);

    /**
     * The organisation's materialised path, ids from the root down ({@code /1/4/17/}), for lists that apply an
     * officer's scope in their query: {@link org.unionhub.api.db.OrgScope}. Empty for an unknown organisation
     * (and from directories that keep no paths, such as test doubles), which a scope then matches nothing with.
     */
    default Optional<String> orgPath(long orgId) {
        return Optional.empty();
    }
}
