package org.unionhub.jobfairs.internal.board;

/**
 * Who applies: a member (signed in with a member account), or somebody with no member record — a non-member
 * worker, or a flexibly employed one (灵活就业直通车). The last two give their ID number.
 */
public enum ApplicantKind {
    MEMBER, NON_MEMBER, FLEXIBLE
}
