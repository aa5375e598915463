package org.unionhub.api.notify;

import org.unionhub.api.Topics;

/** The core's own events that concern a member; properties {@code memberId}, {@code orgId}, {@code orgName}. */
public final class CoreTopics {

    public static final String MODULE = "core";
    /** A join request was approved: the member record and his account exist. */
    public static final String JOIN_APPROVED = Topics.of(MODULE, "JOIN_APPROVED");
    /** A transfer (转会) was approved: the member belongs to the new union; also {@code fromOrgId}. */
    public static final String TRANSFER_APPROVED = Topics.of(MODULE, "TRANSFER_APPROVED");

    private CoreTopics() {
    }
}
