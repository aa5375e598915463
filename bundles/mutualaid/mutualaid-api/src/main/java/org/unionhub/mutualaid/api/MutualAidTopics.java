package org.unionhub.mutualaid.api;

import org.unionhub.api.Topics;

/**
 * EventAdmin topics of the module. Properties: {@code planId}, {@code memberId}, and {@code claimId},
 * {@code enrolmentId}, {@code amount} where they apply; never medical details.
 */
public final class MutualAidTopics {

    public static final String MODULE = "mutualaid";
    public static final String ENROLLED = Topics.of(MODULE, "ENROLLED");
    public static final String CLAIM_SUBMITTED = Topics.of(MODULE, "CLAIM_SUBMITTED");
    public static final String CLAIM_APPROVED = Topics.of(MODULE, "CLAIM_APPROVED");
    public static final String CLAIM_REJECTED = Topics.of(MODULE, "CLAIM_REJECTED");
    public static final String CLAIM_RETURNED = Topics.of(MODULE, "CLAIM_RETURNED");
    public static final String CLAIM_PAID = Topics.of(MODULE, "CLAIM_PAID");

    private MutualAidTopics() {
    }
}
