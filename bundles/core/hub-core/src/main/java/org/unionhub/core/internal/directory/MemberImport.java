package org.unionhub.core.internal.directory;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.unionhub.api.AuditLog;
import org.unionhub.api.EmploymentForm;
import org.unionhub.api.FieldError;
import org.unionhub.api.HubException;
import org.unionhub.api.NewFormKind;
import org.unionhub.api.csv.Csv;
import org.unionhub.api.csv.CsvException;
import org.unionhub.api.csv.CsvRow;
import org.unionhub.api.db.ModuleDatabase;
import org.unionhub.api.security.Caller;
import org.unionhub.api.security.Roles;
import org.unionhub.api.validation.IdCardNumber;
import org.unionhub.core.internal.directory.MemberImportReport.RefusedLine;

/**
 * Members from a CSV file (a union's or a city's list), read as a stream: each line is parsed and validated as it
 * arrives, valid lines are written {@value #BATCH} to a transaction, refused lines are reported with their line
 * numbers, and nothing holds the file — a province's million members import in a heap of a few hundred MB.
 * <p>
 * Each member is checked as {@code POST /api/members} checks one (the officer's scope, unique card and ID
 * numbers, also against earlier lines of the same file) and audited as created. A batch that meets a concurrent
 * duplicate is written again line by line, so one line does not refuse its neighbours.
 */
@Component(service = MemberImport.class)
public class MemberImport {

    /** Members written per transaction. */
    static final int BATCH = 500;
    /** Refused lines reported in detail; the rest are counted. */
    static final int MAX_REPORTED = 1_000;
    /** Lines per file: a province's members; a larger file is refused at that line. */
    static final int MAX_ROWS = 2_000_000;

    static final List<String> COLUMNS = List.of("name", "phone", "orgId", "employmentForm", "newFormKind", "cardNumber",
            "joinedOn", "idNumber");

    private final ModuleDatabase db;
    private final Directory directory;
    private final AuditLog audit;

    @Activate
    public MemberImport(@Reference(target = "(unionhub.module=core)") ModuleDatabase db, @Reference Directory directory,
            @Reference AuditLog audit) {
        this.db = db;
        this.directory = directory;
        this.audit = audit;
    }

    private record Line(int line, MemberRequest req, IdCardNumber id) {
    }

    /** The running totals of one import. */
    private static final class Tally {
        int rows;
        int created;
        int refused;
        final List<RefusedLine> reported = new ArrayList<>();

        void refuse(int line, List<FieldError> errors) {
            refused++;
            if (reported.size() < MAX_REPORTED) {
                reported.add(new RefusedLine(line, MemberImportReport.LineError.of(errors)));
            }
        }
    }

    public MemberImportReport importCsv(Caller caller, InputStream body) {
        if (!caller.isAdmin() && !(caller.hasRole(Roles.OFFICER) && caller.orgId() != null)) {
            throw HubException.forbidden("requires role officer or admin");
        }
        Tally tally = new Tally();
        List<Line> batch = new ArrayList<>();
        int at = 1;
        try (Csv csv = Csv.read(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            CsvRow header = csv.next();
            if (header == null || header.isBlank()) {
                throw HubException.invalid("body", "a CSV file with a header line is required; columns: "
                        + String.join(",", COLUMNS));
            }
            Map<String, Integer> cols = columns(header.cells());
            for (CsvRow row = csv.next(); row != null; row = csv.next()) {
                at = Math.toIntExact(row.line());
                if (row.cells().size() == 1 && row.cells().get(0).isBlank()) {
                    continue;
                }
                if (++tally.rows > MAX_ROWS) {
                    tally.rows--;
                    tally.refuse(at, List.of(new FieldError("body", "at most " + MAX_ROWS
                            + " rows per file; the import stopped here, the lines before it were imported")));
                    break;
                }
                Line line = parse(at, row.cells(), cols, tally);
                if (line != null) {
                    batch.add(line);
                    if (batch.size() == BATCH) {
                        write(caller, batch, tally);
                    }
                }
            }
            write(caller, batch, tally);
        } catch (CsvException e) {
            // a broken file (an open quote, an endless cell): what came before it stays imported
            tally.refuse(Math.toIntExact(e.line()), List.of(new FieldError("body", e.getMessage())));
            write(caller, batch, tally);
        } catch (IOException e) {
            // the upload broke off: what came before it stays imported
            tally.refuse(at + 1, List.of(new FieldError("body", "the upload broke off after line " + at)));
            write(caller, batch, tally);
        }
        db.inTransaction(c -> {
            audit.record(c, caller, "core.member.import", "member", null, Map.of("rows", tally.rows, "created",
                    tally.created, "refused", tally.refused));
            return null;
        });
        return new MemberImportReport(tally.rows, tally.created, tally.refused, tally.reported,
                tally.refused - tally.reported.size());
    }

    private static Map<String, Integer> columns(List<String> header) {
        Map<String, Integer> cols = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i).trim().replace("\uFEFF", "").toLowerCase(Locale.ROOT);
            for (String known : COLUMNS) {
                if (known.toLowerCase(Locale.ROOT).equals(name)) {
                    cols.putIfAbsent(known, i);
                }
            }
        }
        List<String> missing = List.of("name", "orgId", "employmentForm").stream().filter(n -> !cols.containsKey(n)).toList();
        if (!missing.isEmpty()) {
            throw HubException.invalid("header", "lacks the column(s) " + String.join(", ", missing) + "; columns: "
                    + String.join(",", COLUMNS));
        }
        return cols;
    }

    /** The line as a validated request, or null when it is refused (and reported). */
    private Line parse(int lineNo, List<String> cells, Map<String, Integer> cols, Tally tally) {
        List<FieldError> errors = new ArrayList<>();
        Long orgId = null;
        String org = cell(cells, cols, "orgId");
        if (org != null) {
            try {
                orgId = Long.valueOf(org);
            } catch (NumberFormatException e) {
                errors.add(new FieldError("orgId", "'" + org + "' is not a number"));
            }
        }
        EmploymentForm form = enumCell(cells, cols, "employmentForm", EmploymentForm.class, errors);
        NewFormKind kind = enumCell(cells, cols, "newFormKind", NewFormKind.class, errors);
        LocalDate joined = null;
        String joinedText = cell(cells, cols, "joinedOn");
        if (joinedText != null) {
            try {
                joined = LocalDate.parse(joinedText);
            } catch (DateTimeParseException e) {
                errors.add(new FieldError("joinedOn", "'" + joinedText + "' is not a date (yyyy-MM-dd)"));
            }
        }
        MemberRequest req = new MemberRequest(cell(cells, cols, "name"), cell(cells, cols, "phone"), orgId, form, kind,
                cell(cells, cols, "cardNumber"), joined, cell(cells, cols, "idNumber"));
        try {
            IdCardNumber id = directory.validateMember(req, null);
            if (errors.isEmpty()) {
                return new Line(lineNo, req, id);
            }
        } catch (HubException e) {
            errors.addAll(e.errors().isEmpty() ? List.of(new FieldError("body", e.detail())) : e.errors());
        }
        tally.refuse(lineNo, errors);
        return null;
    }

    /** Writes a batch in one transaction; a line the checks refuse is reported and leaves the others in. */
    private void write(Caller caller, List<Line> batch, Tally tally) {
        if (batch.isEmpty()) {
            return;
        }
        List<Object[]> outcomes;
        try {
            outcomes = db.inTransaction(c -> {
                List<Object[]> out = new ArrayList<>();
                for (Line l : batch) {
                    try {
                        directory.insertMember(c, caller, l.req(), l.id());
                        out.add(new Object[] {l, null});
                    } catch (HubException e) {
                        out.add(new Object[] {l, e});
                    }
                }
                return out;
            });
        } catch (RuntimeException e) {
            // a concurrent writer took a card or ID number the checks had seen free: line by line, each on its own
            outcomes = new ArrayList<>();
            for (Line l : batch) {
                try {
                    db.inTransaction(c -> directory.insertMember(c, caller, l.req(), l.id()));
                    outcomes.add(new Object[] {l, null});
                } catch (HubException refused) {
                    outcomes.add(new Object[] {l, refused});
                } catch (RuntimeException raced) {
                    outcomes.add(new Object[] {l, HubException.conflict("cardNumber",
                            "another request added a member with this card or ID number meanwhile")});
                }
            }
        }
        for (Object[] o : outcomes) {
            if (o[1] == null) {
                tally.created++;
            } else {
                HubException e = (HubException) o[1];
                tally.refuse(((Line) o[0]).line(), e.errors().isEmpty() ? List.of(new FieldError("body", e.detail()))
                        : e.errors());
            }
        }
        batch.clear();
    }

    private static String cell(List<String> cells, Map<String, Integer> cols, String name) {
        Integer i = cols.get(name);
        if (i == null || i >= cells.size()) {
            return null;
        }
        String v = cells.get(i).trim();
        return v.isEmpty() ? null : v;
    }

    private static <E extends Enum<E>> E enumCell(List<String> cells, Map<String, Integer> cols, String name, Class<E> type,
            List<FieldError> errors) {
        String v = cell(cells, cols, name);
        if (v == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, v.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(name, "'" + v + "' is not one of " + java.util.Arrays.toString(type.getEnumConstants())));
            return null;
        }
    }
}
