package org.unionhub.modelworkers.internal;

/** One title a model worker holds. */
public record TitleView(long id, String title, int yearAwarded, String awardingBody) {
}
