package org.unionhub.modelworkers.internal;

import java.util.List;

import org.unionhub.api.FieldError;

/** What happened to one data line of an import ({@code line} counts from 1 at the header). */
public record ImportRow(int line, Outcome outcome, Long recordId, String reason, List<FieldError> errors) {

    public enum Outcome { CREATED, UPDATED, UNCHANGED, REFUSED }
}
