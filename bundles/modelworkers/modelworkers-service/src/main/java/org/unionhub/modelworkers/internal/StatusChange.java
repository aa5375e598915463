package org.unionhub.modelworkers.internal;

import org.unionhub.modelworkers.api.RecordStatus;

public record StatusChange(RecordStatus status, String reason) {
}
