package org.unionhub.modelworkers.internal;

import java.util.Map;

/** Records matching a filter, by title level (a person counts once per level held) and by status. */
public record Counts(long total, Map<String, Long> byLevel, Map<String, Long> byStatus) {
}
