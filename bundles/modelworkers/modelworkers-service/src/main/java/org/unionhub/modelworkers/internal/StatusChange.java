package org.unionhub.modelworkers.internal;

import org.unionhub.modelworkers.api.RecordStatus;
import org.unionhub.api.validation.MaxLength;

public record StatusChange(RecordStatus status, @MaxLength(500) String reason) {
}
