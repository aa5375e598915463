package org.unionhub.mutualaid.internal;

/** Who paid money into a fund: the member himself, his employer, a union, or another donor. */
public enum PayerKind {
    MEMBER,
    EMPLOYER,
    UNION,
    OTHER
}
