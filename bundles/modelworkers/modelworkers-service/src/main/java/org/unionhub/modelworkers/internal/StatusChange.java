package org.unionhub.modelworkers.internal;

import org.unionhub.api.validation.MaxLength;
import org.unionhub.api.validation.Required;

public record StatusChange(@Required RecordStatus status, @Required @MaxLength(500) String reason) {
}
