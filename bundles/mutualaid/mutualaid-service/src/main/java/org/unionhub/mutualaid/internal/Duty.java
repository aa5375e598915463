package org.unionhub.mutualaid.internal;

/**
 * The steps of a claim that must be taken by different people: the grassroots union collects the claim, a
 * higher level reviews it, it is approved, the fund pays it, and a sampled approval gets a second review. One
 * person never takes two of these steps on the same claim (admins included).
 */
enum Duty {
    REVIEW(Descriptor.CLAIMS_REVIEWER, "review"),
    APPROVE(Descriptor.CLAIMS_APPROVER, "approval"),
    SECOND_REVIEW(Descriptor.CLAIMS_REVIEWER, "second review"),
    PAY(Descriptor.FUND_PAYER, "payment");

    /** The role an officer needs for this step. */
    final String role;
    final String label;

    Duty(String role, String label) {
        this.role = role;
        this.label = label;
    }

    /** Which duty a recorded step was, from its statuses; null for steps that are no duty (submit, return, resubmit). */
    static Duty of(String from, String to) {
        if ("UNDER_REVIEW".equals(to)) {
            return REVIEW;
        }
        if ("PAID".equals(to)) {
            return PAY;
        }
        if ("UNDER_REVIEW".equals(from) && "APPROVED".equals(to)) {
            return APPROVE;
        }
        if ("APPROVED".equals(from) && ("APPROVED".equals(to) || "REJECTED".equals(to))) {
            return SECOND_REVIEW;
        }
        return null;
    }
}
