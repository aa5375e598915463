package org.unionhub.mutualaid.internal;

/** What a claim document is. */
public enum AttachmentKind {
    INVOICE,
    DISCHARGE_SUMMARY,
    OTHER
}
