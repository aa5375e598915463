package org.unionhub.mutualaid.internal;

/** How a covered family member is related to the member (受益职工及家属). */
public enum FamilyRelation {
    SPOUSE,
    CHILD,
    PARENT
}
