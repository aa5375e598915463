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
}
