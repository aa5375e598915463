package org.unionhub.mutualaid.api;

/** What a claim document is. */
public enum AttachmentKind {
    INVOICE,
    DISCHARGE_SUMMARY,
    OTHER
}
