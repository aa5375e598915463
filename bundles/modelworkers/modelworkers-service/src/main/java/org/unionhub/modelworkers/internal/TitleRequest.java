package org.unionhub.modelworkers.internal;

import org.unionhub.api.validation.MaxLength;

public record TitleRequest(@MaxLength(64) String title, Integer yearAwarded, @MaxLength(200) String awardingBody) {
}
