package org.unionhub.modelworkers.internal;

public record TitleRequest(String title, Integer yearAwarded, String awardingBody) {
}
