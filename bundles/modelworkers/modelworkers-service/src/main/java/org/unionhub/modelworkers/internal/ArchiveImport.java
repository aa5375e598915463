package org.unionhub.modelworkers.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

import org.osgi.service.event.EventAdmin;
import org.unionhub.api.AuditLog;
import org.unionhub.api.FieldError;
import org.unionhub.api.HubException;
import org.unionhub.api.MemberDirectory;
import org.unionhub.api.Validation;
import org.unionhub.api.csv.Csv;
import org.unionhub.api.csv.CsvException;
import org.unionhub.api.csv.CsvRow;
import org.unionhub.api.db.ModuleDatabase;
import org.unionhub.api.security.Caller;
import org.unionhub.api.security.PersonalDataCipher;
import org.unionhub.api.upload.Uploads;
import org.unionhub.api.validation.IdCardNumber;
import org.unionhub.modelworkers.api.ModelWorkerEvents;

/**
 * The archive's CSV import: every line parsed and checked outside the transaction (the directory has its own
 * connections), then all lines applied in one transaction, so a file imports whole or not at all. A line whose number
 * the archive holds already updates that record (empty optional cells keep what the archive has).
 */
final class ArchiveImport {

    private static final Pattern LONG = Pattern.compile("\\d{1,18}");
    private static final Pattern INT = Pattern.compile("-?\\d{1,9}");
    private static final int MAX_IMPORT_ROWS = 20_000;
    static final List<String> IMPORT_COLUMNS = List.of("name", "idNumber", "title", "yearAwarded", "awardingBody",
            "workplace", "orgId", "contact", "status", "memberId");
    private static final List<String> REQUIRED_COLUMNS = List.of("name", "idNumber", "title", "yearAwarded", "orgId");

    private final ModuleDatabase db;
    private final AuditLog audit;
    private final PersonalDataCipher cipher;
    private final MemberDirectory directory;
    private final Configured config;
    private final Events events;
    private final Archive archive;

    ArchiveImport(ModuleDatabase db, AuditLog audit, PersonalDataCipher cipher, MemberDirectory directory, Configured config,
            EventAdmin eventAdmin, Archive archive) {
        this.db = db;
        this.audit = audit;
        this.cipher = cipher;
        this.directory = directory;
        this.config = config;
        this.events = new Events(db, eventAdmin);
        this.archive = archive;
    }


    ImportReport importCsv(Caller caller, String body) {
        Settings s = config.get();
        if (body == null || body.isBlank()) {
            throw HubException.invalid("body", "a CSV file with a header line is required");
        }
        if (body.length() > s.importMaxBytes()) {
            throw Uploads.tooLarge("the file is larger than " + s.importMaxBytes() + " bytes", "body",
                    "must be at most " + s.importMaxBytes() + " bytes");
        }
        List<CsvRow> rows;
        try {
            rows = Csv.parse(body).stream().filter(r -> !r.isBlank()).toList();
        } catch (CsvException e) {
            throw HubException.invalid("body", e.getMessage());
        }
        if (rows.isEmpty()) {
            throw HubException.invalid("body", "a CSV file with a header line is required");
        }
        Map<String, Integer> cols = new HashMap<>();
        List<String> header = rows.get(0).cells();
        for (int i = 0; i < header.size(); i++) {
            cols.putIfAbsent(header.get(i).trim().toLowerCase(), i);
        }
        List<String> missing = REQUIRED_COLUMNS.stream().filter(n -> !cols.containsKey(n.toLowerCase())).toList();
        if (!missing.isEmpty()) {
            throw HubException.invalid("header", "lacks the column(s) " + String.join(", ", missing) + "; expected "
                    + String.join(",", IMPORT_COLUMNS));
        }
        if (rows.size() - 1 > MAX_IMPORT_ROWS) {
            throw HubException.invalid("body", "at most " + MAX_IMPORT_ROWS + " rows per file");
        }
        // parse and check every row outside the transaction: the directory has its own connections
        Map<Long, String> orgProblems = new HashMap<>();
        Map<Long, Boolean> members = new HashMap<>();
        List<ParsedRow> parsed = new ArrayList<>();
        for (int i = 1; i < rows.size(); i++) {
            parsed.add(parseRow(Math.toIntExact(rows.get(i).line()), rows.get(i).cells(), cols, s, caller, orgProblems, members));
        }
        List<ImportRow> report = Scope.once(() -> db.inTransaction(c -> {
            List<ImportRow> out = new ArrayList<>();
            for (ParsedRow p : parsed) {
                out.add(p.errors().isEmpty() ? apply(c, caller, p, events) : refused(p.line(), p.errors()));
            }
            return out;
        }), "body", "another request added some of these records meanwhile; nothing was imported, import the file again");
        int created = 0;
        int updated = 0;
        int unchanged = 0;
        int refused = 0;
        for (ImportRow r : report) {
            switch (r.outcome()) {
                case CREATED -> created++;
                case UPDATED -> updated++;
                case UNCHANGED -> unchanged++;
                default -> refused++;
            }
        }
        return new ImportReport(report.size(), created, updated, unchanged, refused, report);
    }

    private record ParsedRow(int line, Archive.NewRecord rec, boolean statusGiven, List<FieldError> errors) {
    }

    private ParsedRow parseRow(int line, List<String> cells, Map<String, Integer> cols, Settings s, Caller caller,
            Map<Long, String> orgProblems, Map<Long, Boolean> members) {
        Validation v = new Validation();
        String name = cell(cells, cols, "name");
        v.required("name", name).maxLength("name", name, 100);
        IdCardNumber id = Archive.idNumber(v, "idNumber", cell(cells, cols, "idNumber"));
        String level = Archive.level(v, "title", cell(cells, cols, "title"), s);
        String yearText = cell(cells, cols, "yearAwarded");
        Integer year = yearText != null && INT.matcher(yearText).matches() ? Integer.valueOf(yearText) : null;
        String yp = yearText != null && year == null ? "must be a year such as 1989" : Rules.yearProblem(year);
        v.check(yp == null, "yearAwarded", yp);
        String body = cell(cells, cols, "awardingBody");
        String workplace = cell(cells, cols, "workplace");
        String contact = cell(cells, cols, "contact");
        v.maxLength("awardingBody", body, 200).maxLength("workplace", workplace, 200).maxLength("contact", contact, 100);
        String orgText = cell(cells, cols, "orgId");
        Long orgId = orgText != null && LONG.matcher(orgText).matches() ? Long.valueOf(orgText) : null;
        if (orgText == null) {
            v.error("orgId", "is required");
        } else if (orgId == null) {
            v.error("orgId", "must be an organisation id");
        } else {
            String problem = orgProblems.computeIfAbsent(orgId, o -> directory.org(o).isEmpty()
                    ? "organisation " + o + " does not exist"
                    : caller.canManage(o, directory) ? "" : "organisation " + o + " is outside your organisation");
            v.check(problem.isEmpty(), "orgId", problem);
        }
        String statusText = cell(cells, cols, "status");
        RecordStatus status = RecordStatus.ACTIVE;
        if (statusText != null) {
            try {
                status = RecordStatus.valueOf(statusText.toUpperCase());
            } catch (IllegalArgumentException e) {
                v.error("status", "must be one of ACTIVE, RETIRED, DECEASED, TITLE_REVOKED");
            }
        }
        String memberText = cell(cells, cols, "memberId");
        Long memberId = null;
        if (memberText != null) {
            memberId = LONG.matcher(memberText).matches() ? Long.valueOf(memberText) : null;
            boolean exists = memberId != null && members.computeIfAbsent(memberId, m -> directory.member(m).isPresent());
            v.check(exists, "memberId", "member " + memberText + " does not exist");
        }
        if (!v.isValid()) {
            return new ParsedRow(line, null, false, v.errors());
        }
        return new ParsedRow(line, new Archive.NewRecord(name, id, level, year, body, workplace, orgId, contact, status, memberId),
                statusText != null, List.of());
    }

    private ImportRow apply(Connection c, Caller caller, ParsedRow p, Events events) throws SQLException {
        Archive.NewRecord n = p.rec();
        Optional<Long> existing = RecordStore.idByIndex(c, cipher.blindIndex(n.id().value()));
        if (existing.isEmpty()) {
            long id = archive.insert(c, caller, n, "imported (line " + p.line() + ")", events);
            return new ImportRow(p.line(), ImportRow.Outcome.CREATED, id, null, List.of());
        }
        Archive.Row row = RecordStore.rowOf(c, existing.get()).orElseThrow();
        if (!caller.canManage(row.orgId(), directory)) {
            // the same words as for any other organisation outside the caller's: whether the number is in the
            // archive elsewhere is not the officer's to learn
            return refused(p.line(), List.of(new FieldError("idNumber", Archive.NOT_YOURS)));
        }
        // empty optional cells keep what the archive has
        Map<String, Object> changes = new LinkedHashMap<>();
        String workplace = n.workplace() == null ? row.workplace() : n.workplace();
        String contact = n.contact() == null ? row.contact() : n.contact();
        Long memberId = n.memberId() == null ? row.memberId() : n.memberId();
        if (!n.name().equals(row.name())) {
            changes.put("name", n.name());
        }
        if (!Objects.equals(workplace, row.workplace())) {
            changes.put("workplace", workplace);
        }
        if (n.orgId() != row.orgId()) {
            changes.put("orgId", n.orgId());
        }
        if (!Objects.equals(contact, row.contact())) {
            changes.put("contact", contact);
        }
        if (!Objects.equals(memberId, row.memberId())) {
            changes.put("memberId", memberId);
        }
        if (!changes.isEmpty()) {
            RecordStore.update(c, row.id(), n.name(), workplace, n.orgId(), contact, memberId, Instant.now(), null, null, null,
                    null);
            audit.record(c, caller, "modelworkers.record.update", "record", row.id(), changes);
            events.add(ModelWorkerEvents.RECORD_UPDATED, Map.of("recordId", row.id(), "orgId", n.orgId()));
        }
        boolean titleChanged = false;
        Optional<String> body = RecordStore.awardingBody(c, row.id(), n.level(), n.year());
        if (body.isEmpty()) {
            archive.addTitle(c, caller, row.id(), n.level(), n.year(), n.awardingBody());
            titleChanged = true;
        } else if (n.awardingBody() != null && !n.awardingBody().equals(body.get())) {
            RecordStore.setAwardingBody(c, row.id(), n.level(), n.year(), n.awardingBody());
            audit.record(c, caller, "modelworkers.title.update", "record", row.id(),
                    Map.of("title", n.level(), "yearAwarded", n.year(), "awardingBody", n.awardingBody()));
            titleChanged = true;
        }
        boolean statusChanged = p.statusGiven() && n.status() != row.status();
        if (statusChanged) {
            archive.setStatus(c, caller, row, n.status(), "imported (line " + p.line() + ")", events);
        } else if (titleChanged) {
            RecordStore.touch(c, row.id());
        }
        boolean changed = !changes.isEmpty() || titleChanged || statusChanged;
        return new ImportRow(p.line(), changed ? ImportRow.Outcome.UPDATED : ImportRow.Outcome.UNCHANGED, row.id(), null,
                List.of());
    }

    private static ImportRow refused(int line, List<FieldError> errors) {
        String reason = String.join("; ", errors.stream().map(e -> e.field() + ": " + e.message()).toList());
        return new ImportRow(line, ImportRow.Outcome.REFUSED, null, reason, errors);
    }

    private static String cell(List<String> cells, Map<String, Integer> cols, String name) {
        Integer i = cols.get(name.toLowerCase());
        if (i == null || i >= cells.size()) {
            return null;
        }
        String v = cells.get(i).trim();
        return v.isEmpty() ? null : v;
    }
}
