package org.unionhub.modelworkers.internal;

/** How many nominations a unit may recommend upward in a year; null for no limit. */
public record QuotaRequest(Integer quota) {
}
