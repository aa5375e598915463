package org.unionhub.core.internal.directory;

import java.util.List;

import org.unionhub.api.FieldError;
import org.unionhub.api.web.ProblemMessages;

/**
 * What a member import did: {@code rows} read (the header not counted), {@code created}, {@code refused}, and the
 * refused lines with their field errors — the first {@value MemberImport#MAX_REPORTED} of them; the rest are counted
 * in {@code refusedLinesOmitted}, so a report stays small whatever the file.
 */
public record MemberImportReport(int rows, int created, int refused, List<RefusedLine> refusedLines,
        int refusedLinesOmitted) {

    /** One refused line of the file (1 = the header) and why. */
    public record RefusedLine(int line, List<LineError> errors) {
    }

    /**
     * Why a line was refused: the {@code field} (a column's JSON name, or {@code body} for the file), the
     * {@code message} in the caller's language, and its {@code code}: the key of the message in the problem catalogue,
     * the same whatever the language (null for a message the catalogue does not know, such as a parser's own).
     */
    public record LineError(String field, String message, String code) {

        static List<LineError> of(List<FieldError> errors) {
            return errors.stream().map(e -> new LineError(e.field(), e.message(), null)).toList();
        }
    }

    /** This report with each line's errors coded and in the language {@code acceptLanguage} puts first. */
    public MemberImportReport inLanguage(ProblemMessages texts, String acceptLanguage) {
        List<RefusedLine> lines = refusedLines.stream().map(l -> new RefusedLine(l.line(), l.errors().stream()
                .map(e -> new LineError(e.field(), texts.message(e.message(), acceptLanguage), texts.code(e.message())))
                .toList())).toList();
        return new MemberImportReport(rows, created, refused, lines, refusedLinesOmitted);
    }
}
