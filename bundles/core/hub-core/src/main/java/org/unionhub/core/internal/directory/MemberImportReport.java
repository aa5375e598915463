package org.unionhub.core.internal.directory;

import java.util.List;

import org.unionhub.api.FieldError;

/**
 * What a member import did: {@code rows} read (the header not counted), {@code created}, {@code refused}, and the
 * refused lines with their field errors — the first {@value MemberImport#MAX_REPORTED} of them; the rest are counted
 * in {@code refusedLinesOmitted}, so a report stays small whatever the file.
 */
public record MemberImportReport(int rows, int created, int refused, List<RefusedLine> refusedLines,
        int refusedLinesOmitted) {

    /** One refused line of the file (1 = the header) and why. */
    public record RefusedLine(int line, List<FieldError> errors) {
    }
}
