package org.unionhub.mutualaid.internal;

import java.util.List;

/** The claims newly marked for a second review. */
public record SampleResult(long planId, int considered, List<Long> sampled) {
}
