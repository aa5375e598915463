package org.unionhub.core.internal.join;

/** A union one may join, as the public join page lists it: its name and id only. */
public record JoinUnion(long id, String name) {
}
