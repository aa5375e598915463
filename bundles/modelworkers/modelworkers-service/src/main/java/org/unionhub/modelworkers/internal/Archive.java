package org.unionhub.modelworkers.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.EventAdmin;
import org.unionhub.api.AuditLog;
import org.unionhub.api.FieldError;
import org.unionhub.api.HubException;
import org.unionhub.api.HubSettings;
import org.unionhub.api.MemberDirectory;
import org.unionhub.api.Page;
import org.unionhub.api.PageRequest;
import org.unionhub.api.Validation;
import org.unionhub.api.db.DatabaseException;
import org.unionhub.api.db.Keyset;
import org.unionhub.api.db.ModuleDatabase;
import org.unionhub.api.db.Sql;
import org.unionhub.api.security.Caller;
import org.unionhub.api.security.ExactIdSearch;
import org.unionhub.api.security.PersonalDataCipher;
import org.unionhub.api.validation.IdCardNumber;
import org.unionhub.modelworkers.api.ModelWorkerEvents;
import org.unionhub.modelworkers.api.ModelWorkerLookup;
import org.unionhub.modelworkers.api.RecordStatus;

/**
 * The model-worker archive: records with their titles and status history, search and counts, CSV export
 * and import. ID-card numbers are kept sealed ({@link PersonalDataCipher}); only admins see them in full.
 */
@Component(service = {Archive.class, ModelWorkerLookup.class})
public class Archive implements ModelWorkerLookup {

    static final String RECORD = "MODELWORKERS_RECORD";
    private static final String COLUMNS = "R.ID, R.NAME, R.ID_SEALED, R.ID_MASKED, R.BIRTH_DATE, R.SEX, R.WORKPLACE, "
            + "R.ORG_ID, R.CONTACT, R.MEMBER_ID, R.STATUS, R.CREATED_AT, R.UPDATED_AT";
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
    private final HubSettings hub;
    private final Configured config;
    private final EventAdmin eventAdmin;
    /** Refusal of a number the archive holds outside the caller's organisation: it names neither place nor person. */
    static final String NOT_YOURS = "this ID-card number cannot be added by your organisation; an admin can";
    private final ExactIdSearch exactSearch = new ExactIdSearch();

    @Activate
    public Archive(@Reference(target = "(unionhub.module=modelworkers)") ModuleDatabase db, @Reference AuditLog audit,
            @Reference PersonalDataCipher cipher, @Reference MemberDirectory directory, @Reference HubSettings hub,
            @Reference Configured config, @Reference EventAdmin eventAdmin) {
        this.db = db;
        this.audit = audit;
        this.cipher = cipher;
        this.directory = directory;
        this.hub = hub;
        this.config = config;
        this.eventAdmin = eventAdmin;
    }

    // ---- records

    public RecordView create(Caller caller, RecordRequest req) {
        Settings s = config.get();
        Validation v = new Validation();
        v.required("name", req.name()).maxLength("name", req.name(), 100);
        IdCardNumber id = idNumber(v, "idNumber", req.idNumber());
        String level = level(v, "title", req.title(), s);
        String yp = Rules.yearProblem(req.yearAwarded());
        v.check(yp == null, "yearAwarded", yp);
        v.maxLength("awardingBody", req.awardingBody(), 200).maxLength("workplace", req.workplace(), 200)
                .maxLength("contact", req.contact(), 100);
        v.required("orgId", req.orgId());
        v.valid("orgId", req.orgId(), o -> directory.org(o).isPresent(), "organisation does not exist");
        v.valid("memberId", req.memberId(), m -> directory.member(m).isPresent(), "member does not exist");
        v.throwIfInvalid();
        Scope.requireManage(caller, req.orgId(), directory);
        RecordStatus status = req.status() == null ? RecordStatus.ACTIVE : req.status();
        Events events = new Events();
        try {
            long recordId = db.inTransaction(c -> {
                events.reset();
                Optional<Long> existing = idByIndex(c, cipher.blindIndex(id.value()));
                if (existing.isPresent()) {
                    boolean yours = rowOf(c, existing.get()).map(r -> caller.canManage(r.orgId(), directory)).orElse(false);
                    // outside the officer's part of the tree the answer must not confirm who is in the archive
                    throw HubException.conflict("idNumber", yours
                            ? "this ID-card number is already in the archive; add a title to that record" : NOT_YOURS);
                }
                return insert(c, caller, new NewRecord(req.name().trim(), id, level, req.yearAwarded(), trim(req.awardingBody()),
                        trim(req.workplace()), req.orgId(), trim(req.contact()), status, req.memberId()), "record created", events);
            });
            events.post(eventAdmin);
            return get(caller, recordId);
        } catch (DatabaseException e) {
            if (Scope.isDuplicate(e)) {
                throw HubException.conflict("idNumber", "this ID-card number is already in the archive");
            }
            throw e;
        }
    }

    public RecordView update(Caller caller, long recordId, RecordUpdate req) {
        Validation v = new Validation();
        v.required("name", req.name()).maxLength("name", req.name(), 100);
        v.maxLength("workplace", req.workplace(), 200).maxLength("contact", req.contact(), 100);
        v.required("orgId", req.orgId());
        v.valid("orgId", req.orgId(), o -> directory.org(o).isPresent(), "organisation does not exist");
        v.valid("memberId", req.memberId(), m -> directory.member(m).isPresent(), "member does not exist");
        Row current = db.read(c -> visibleRow(c, caller, recordId));
        boolean keepId = req.idNumber() == null || req.idNumber().isBlank() || IdCardNumber.isMaskOf(req.idNumber(), current.masked());
        IdCardNumber id = keepId ? null : idNumber(v, "idNumber", req.idNumber());
        v.throwIfInvalid();
        Scope.requireManage(caller, req.orgId(), directory);
        Events events = new Events();
        try {
            db.inTransaction(c -> {
                events.reset();
                Row row = visibleRow(c, caller, recordId);
                StringBuilder sql = new StringBuilder("UPDATE " + RECORD
                        + " SET NAME = ?, WORKPLACE = ?, ORG_ID = ?, CONTACT = ?, MEMBER_ID = ?, UPDATED_AT = ?");
                List<Object> params = new ArrayList<>(List.of(req.name().trim()));
                params.add(trim(req.workplace()));
                params.add(req.orgId());
                params.add(trim(req.contact()));
                params.add(req.memberId());
                params.add(Instant.now());
                if (id != null) {
                    String index = cipher.blindIndex(id.value());
                    Optional<Long> other = idByIndex(c, index);
                    if (other.isPresent() && other.get() != recordId) {
                        throw HubException.conflict("idNumber", "this ID-card number is already in the archive");
                    }
                    sql.append(", ID_SEALED = ?, ID_INDEX = ?, ID_MASKED = ?, BIRTH_DATE = ?, SEX = ?");
                    params.addAll(List.of(cipher.encrypt(id.value()), index, IdCardNumber.mask(id.value()), id.birthDate(),
                            id.sex().name()));
                }
                sql.append(" WHERE ID = ?");
                params.add(recordId);
                Sql.update(c, sql.toString(), params.toArray());
                Map<String, Object> changes = new LinkedHashMap<>();
                changes.put("name", req.name().trim());
                changes.put("workplace", trim(req.workplace()));
                changes.put("orgId", req.orgId());
                changes.put("memberId", req.memberId());
                changes.put("idNumber", id == null ? "(kept)" : "(changed)");
                audit.record(c, caller, "modelworkers.record.update", "record", recordId, changes);
                events.add(ModelWorkerEvents.RECORD_UPDATED, Map.of("recordId", recordId, "orgId", req.orgId(),
                        "previousOrgId", row.orgId()));
                return null;
            });
        } catch (DatabaseException e) {
            if (Scope.isDuplicate(e)) {
                throw HubException.conflict("idNumber", "this ID-card number is already in the archive");
            }
            throw e;
        }
        events.post(eventAdmin);
        return get(caller, recordId);
    }

    public RecordView addTitle(Caller caller, long recordId, TitleRequest req) {
        Settings s = config.get();
        Validation v = new Validation();
        String level = level(v, "title", req.title(), s);
        String yp = Rules.yearProblem(req.yearAwarded());
        v.check(yp == null, "yearAwarded", yp);
        v.maxLength("awardingBody", req.awardingBody(), 200);
        v.throwIfInvalid();
        Events events = new Events();
        String held = "the record already holds " + level + " of " + req.yearAwarded();
        Scope.once(() -> db.inTransaction(c -> {
            events.reset();
            Row row = visibleRow(c, caller, recordId);
            if (!addTitle(c, caller, recordId, level, req.yearAwarded(), trim(req.awardingBody()))) {
                throw HubException.conflict("title", held);
            }
            touch(c, recordId);
            events.add(ModelWorkerEvents.RECORD_UPDATED, Map.of("recordId", recordId, "orgId", row.orgId()));
            return null;
        }), "title", held);
        events.post(eventAdmin);
        return get(caller, recordId);
    }

    public RecordView changeStatus(Caller caller, long recordId, StatusChange req) {
        Validation v = new Validation();
        v.required("status", req.status());
        v.required("reason", req.reason()).maxLength("reason", req.reason(), 500);
        v.throwIfInvalid();
        Events events = new Events();
        db.inTransaction(c -> {
            events.reset();
            Row row = visibleRow(c, caller, recordId);
            if (row.status() == req.status()) {
                throw HubException.conflict("status", "the record is already " + req.status());
            }
            if (row.status() == RecordStatus.DECEASED && !caller.isAdmin()) {
                throw HubException.conflict("status", "a DECEASED record changes status only by an admin's correction");
            }
            setStatus(c, caller, row, req.status(), req.reason().trim(), events);
            return null;
        });
        events.post(eventAdmin);
        return get(caller, recordId);
    }

    public RecordView get(Caller caller, long recordId) {
        return db.read(c -> {
            Row row = visibleRow(c, caller, recordId);
            if (caller.isAdmin()) {
                // the full number is shown to admins only here and in the export, and each such read is audited
                audit.record(c, caller, "modelworkers.record.read-id", "record", recordId, Map.of());
            }
            return views(c, caller, List.of(row), caller.isAdmin()).get(0);
        });
    }

    public List<HistoryEntry> history(Caller caller, long recordId) {
        return db.read(c -> {
            visibleRow(c, caller, recordId);
            return Sql.list(c, "SELECT ID, FROM_STATUS, TO_STATUS, REASON, CHANGED_BY, CHANGED_AT FROM MODELWORKERS_STATUS_HISTORY "
                    + "WHERE RECORD_ID = ? ORDER BY ID", rs -> new HistoryEntry(rs.getLong("ID"),
                            Sql.getEnum(rs, "FROM_STATUS", RecordStatus.class), Sql.getEnum(rs, "TO_STATUS", RecordStatus.class),
                            rs.getString("REASON"), rs.getString("CHANGED_BY"), time(Sql.getInstant(rs, "CHANGED_AT"))),
                    recordId);
        });
    }

    // ---- search, counts, export

    /** Record list sorts; (NAME, ID) from migration V2. */
    private static final Keyset PAGES = Keyset.by("R.ID").sort("name", "R.NAME", String.class);

    public Page<RecordView> search(Caller caller, RecordFilter f, PageRequest page) {
        return db.read(c -> {
            List<Object> params = new ArrayList<>();
            String where = where(c, caller, f, params);
            Page<Row> rows = PAGES.page(c, "SELECT " + COLUMNS, " FROM " + RECORD + " R" + where, params, page, Archive::row);
            return new Page<>(views(c, caller, rows.items(), false), rows.total(), rows.offset(), rows.limit(), rows.nextCursor(),
                    rows.totalExact());
        });
    }

    public Counts counts(Caller caller, RecordFilter f) {
        Settings s = config.get();
        return db.read(c -> {
            List<Object> params = new ArrayList<>();
            String where = where(c, caller, f, params);
            long total = Sql.count(c, "SELECT COUNT(*) FROM " + RECORD + " R" + where, params.toArray());
            Map<String, Long> byLevel = new LinkedHashMap<>();
            s.levels().forEach(l -> byLevel.put(l, 0L));
            Sql.list(c, "SELECT T.LEVEL_CODE, COUNT(DISTINCT T.RECORD_ID) FROM MODELWORKERS_TITLE T JOIN " + RECORD
                    + " R ON R.ID = T.RECORD_ID" + where + " GROUP BY T.LEVEL_CODE",
                    rs -> byLevel.put(rs.getString(1), rs.getLong(2)), params.toArray());
            Map<String, Long> byStatus = new LinkedHashMap<>();
            for (RecordStatus st : RecordStatus.values()) {
                byStatus.put(st.name(), 0L);
            }
            Sql.list(c, "SELECT R.STATUS, COUNT(*) FROM " + RECORD + " R" + where + " GROUP BY R.STATUS",
                    rs -> byStatus.put(rs.getString(1), rs.getLong(2)), params.toArray());
            return new Counts(total, byLevel, byStatus);
        });
    }

    /** One line per title held, so that an admin's export imports again unchanged; others get masked numbers. */
    public String export(Caller caller, RecordFilter f) {
        java.io.StringWriter out = new java.io.StringWriter();
        export(caller, f, out);
        return out.toString();
    }

    /** Rows read and written per batch while exporting: the heap holds one batch, never the whole archive. */
    private static final int EXPORT_BATCH = 500;

    /**
     * As {@link #export(Caller, RecordFilter)}, written to {@code out} while the records are read: one JDBC cursor
     * over the records in id order, their titles looked up per batch of {@value #EXPORT_BATCH}.
     */
    public void export(Caller caller, RecordFilter f, java.io.Writer out) {
        db.read(c -> {
            List<Object> params = new ArrayList<>();
            String where = where(c, caller, f, params);
            if (caller.isAdmin()) {
                // an admin's export carries full ID-card numbers: who took which part of the archive is audited
                Map<String, Object> what = new LinkedHashMap<>();
                what.put("orgId", f.orgId());
                what.put("records", Sql.count(c, "SELECT COUNT(*) FROM " + RECORD + " R" + where, params.toArray()));
                audit.record(c, caller, "modelworkers.record.export", "record", null, what);
            }
            try {
                out.write("\uFEFF");
                out.write(Csv.line("recordId", "name", "idNumber", "sex", "birthYear", "title", "yearAwarded",
                        "awardingBody", "workplace", "orgId", "contact", "status", "memberId"));
                List<Row> batch = new ArrayList<>(EXPORT_BATCH);
                Sql.forEach(c, "SELECT " + COLUMNS + " FROM " + RECORD + " R" + where + " ORDER BY R.ID", rs -> {
                    batch.add(row(rs));
                    if (batch.size() == EXPORT_BATCH) {
                        writeBatch(c, caller, batch, out);
                    }
                    return null;
                }, params.toArray());
                writeBatch(c, caller, batch, out);
                out.flush();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return null;
        });
    }

    private void writeBatch(Connection c, Caller caller, List<Row> batch, java.io.Writer out) throws SQLException {
        try {
            for (RecordView r : views(c, caller, batch, caller.isAdmin())) {
                for (TitleView t : r.titles()) {
                    out.write(Csv.line(r.id(), r.name(), r.idNumber(), r.sex(), r.birthYear(), t.title(), t.yearAwarded(),
                            t.awardingBody(), r.workplace(), r.orgId(), r.contact(), r.status(), r.memberId()));
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        batch.clear();
    }

    private String where(Connection c, Caller caller, RecordFilter f, List<Object> params) throws SQLException {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        Scope.subtree(caller, f.orgId(), "R.ORG_ID", directory, where, params);
        if (f.name() != null && !f.name().isBlank()) {
            where.append(" AND LOWER(R.NAME) LIKE ?");
            params.add("%" + f.name().trim().toLowerCase() + "%");
        }
        if (f.status() != null) {
            where.append(" AND R.STATUS = ?");
            params.add(f.status());
        }
        if (f.title() != null || f.year() != null) {
            where.append(" AND EXISTS (SELECT 1 FROM MODELWORKERS_TITLE T2 WHERE T2.RECORD_ID = R.ID");
            if (f.title() != null) {
                String level = f.title().trim().toUpperCase();
                if (!config.get().knowsLevel(level)) {
                    throw HubException.badRequest("title", "must be one of " + String.join(", ", config.get().levels()));
                }
                where.append(" AND T2.LEVEL_CODE = ?");
                params.add(level);
            }
            if (f.year() != null) {
                where.append(" AND T2.YEAR_AWARDED = ?");
                params.add(f.year());
            }
            where.append(")");
        }
        if (f.idNumber() != null && !f.idNumber().isBlank()) {
            exactSearch.admit(caller, f.reason(), System.currentTimeMillis());
            audit.record(c, caller, "modelworkers.record.search-id", "record", null, Map.of("reason", f.reason().trim()));
            IdCardNumber id = IdCardNumber.parse(f.idNumber())
                    .orElseThrow(() -> HubException.badRequest("idNumber", IdCardNumber.problem(f.idNumber())));
            where.append(" AND R.ID_INDEX = ?");
            params.add(cipher.blindIndex(id.value()));
        }
        return where.toString();
    }

    // ---- import

    public ImportReport importCsv(Caller caller, String body) {
        Settings s = config.get();
        if (body == null || body.isBlank()) {
            throw HubException.invalid("body", "a CSV file with a header line is required");
        }
        if (body.length() > s.importMaxBytes()) {
            throw new HubException(413, "Payload too large", "the file is larger than " + s.importMaxBytes() + " bytes",
                    List.of(new FieldError("body", "must be at most " + s.importMaxBytes() + " bytes")));
        }
        List<List<String>> rows = Csv.parse(body);
        if (rows.isEmpty()) {
            throw HubException.invalid("body", "a CSV file with a header line is required");
        }
        Map<String, Integer> cols = new HashMap<>();
        List<String> header = rows.get(0);
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
            parsed.add(parseRow(i + 1, rows.get(i), cols, s, caller, orgProblems, members));
        }
        Events events = new Events();
        List<ImportRow> report = Scope.once(() -> db.inTransaction(c -> {
            events.reset();
            List<ImportRow> out = new ArrayList<>();
            for (ParsedRow p : parsed) {
                out.add(p.errors().isEmpty() ? apply(c, caller, p, events) : refused(p.line(), p.errors()));
            }
            return out;
        }), "body", "another request added some of these records meanwhile; nothing was imported, import the file again");
        events.post(eventAdmin);
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

    private record ParsedRow(int line, NewRecord rec, boolean statusGiven, List<FieldError> errors) {
    }

    private ParsedRow parseRow(int line, List<String> cells, Map<String, Integer> cols, Settings s, Caller caller,
            Map<Long, String> orgProblems, Map<Long, Boolean> members) {
        Validation v = new Validation();
        String name = cell(cells, cols, "name");
        v.required("name", name).maxLength("name", name, 100);
        IdCardNumber id = idNumber(v, "idNumber", cell(cells, cols, "idNumber"));
        String level = level(v, "title", cell(cells, cols, "title"), s);
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
        return new ParsedRow(line, new NewRecord(name, id, level, year, body, workplace, orgId, contact, status, memberId),
                statusText != null, List.of());
    }

    private ImportRow apply(Connection c, Caller caller, ParsedRow p, Events events) throws SQLException {
        NewRecord n = p.rec();
        Optional<Long> existing = idByIndex(c, cipher.blindIndex(n.id().value()));
        if (existing.isEmpty()) {
            long id = insert(c, caller, n, "imported (line " + p.line() + ")", events);
            return new ImportRow(p.line(), ImportRow.Outcome.CREATED, id, null, List.of());
        }
        Row row = rowOf(c, existing.get()).orElseThrow();
        if (!caller.canManage(row.orgId(), directory)) {
            // the same words as for any other organisation outside the caller's: whether the number is in the
            // archive elsewhere is not the officer's to learn
            return refused(p.line(), List.of(new FieldError("idNumber", NOT_YOURS)));
        }
        // empty optional cells keep what the archive has
        Map<String, Object> changes = new LinkedHashMap<>();
        String workplace = n.workplace() == null ? row.workplace() : n.workplace();
        String contact = n.contact() == null ? row.contact() : n.contact();
        Long memberId = n.memberId() == null ? row.memberId() : n.memberId();
        if (!n.name().equals(row.name())) {
            changes.put("name", n.name());
        }
        if (!java.util.Objects.equals(workplace, row.workplace())) {
            changes.put("workplace", workplace);
        }
        if (n.orgId() != row.orgId()) {
            changes.put("orgId", n.orgId());
        }
        if (!java.util.Objects.equals(contact, row.contact())) {
            changes.put("contact", contact);
        }
        if (!java.util.Objects.equals(memberId, row.memberId())) {
            changes.put("memberId", memberId);
        }
        if (!changes.isEmpty()) {
            Sql.update(c, "UPDATE " + RECORD + " SET NAME = ?, WORKPLACE = ?, ORG_ID = ?, CONTACT = ?, MEMBER_ID = ?, "
                    + "UPDATED_AT = ? WHERE ID = ?", n.name(), workplace, n.orgId(), contact, memberId, Instant.now(), row.id());
            audit.record(c, caller, "modelworkers.record.update", "record", row.id(), changes);
            events.add(ModelWorkerEvents.RECORD_UPDATED, Map.of("recordId", row.id(), "orgId", n.orgId()));
        }
        boolean titleChanged = false;
        Optional<String> body = Sql.one(c, "SELECT AWARDING_BODY FROM MODELWORKERS_TITLE WHERE RECORD_ID = ? AND LEVEL_CODE = ? "
                + "AND YEAR_AWARDED = ?", rs -> String.valueOf(rs.getString(1)), row.id(), n.level(), n.year());
        if (body.isEmpty()) {
            addTitle(c, caller, row.id(), n.level(), n.year(), n.awardingBody());
            titleChanged = true;
        } else if (n.awardingBody() != null && !n.awardingBody().equals(body.get())) {
            Sql.update(c, "UPDATE MODELWORKERS_TITLE SET AWARDING_BODY = ? WHERE RECORD_ID = ? AND LEVEL_CODE = ? "
                    + "AND YEAR_AWARDED = ?", n.awardingBody(), row.id(), n.level(), n.year());
            audit.record(c, caller, "modelworkers.title.update", "record", row.id(),
                    Map.of("title", n.level(), "yearAwarded", n.year(), "awardingBody", n.awardingBody()));
            titleChanged = true;
        }
        boolean statusChanged = p.statusGiven() && n.status() != row.status();
        if (statusChanged) {
            setStatus(c, caller, row, n.status(), "imported (line " + p.line() + ")", events);
        } else if (titleChanged) {
            touch(c, row.id());
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

    // ---- the lookup other modules use

    @Override
    public boolean isModelWorker(long memberId, Set<String> levels) {
        return db.read(c -> {
            StringBuilder sql = new StringBuilder("SELECT COUNT(*) FROM " + RECORD + " R WHERE R.MEMBER_ID = ? "
                    + "AND R.STATUS IN ('ACTIVE', 'RETIRED') AND EXISTS (SELECT 1 FROM MODELWORKERS_TITLE T WHERE T.RECORD_ID = R.ID");
            List<Object> params = new ArrayList<>(List.of(memberId));
            if (levels != null && !levels.isEmpty()) {
                sql.append(" AND T.LEVEL_CODE IN (").append("?, ".repeat(levels.size() - 1)).append("?)");
                levels.forEach(l -> params.add(l.trim().toUpperCase()));
            }
            sql.append(")");
            return Sql.count(c, sql.toString(), params.toArray()) > 0;
        });
    }

    // ---- shared with nominations and subsidies

    /** A record's columns without its titles. */
    record Row(long id, String name, String sealed, String masked, LocalDate birthDate, String sex, String workplace,
            long orgId, String contact, Long memberId, RecordStatus status, Instant createdAt, Instant updatedAt) {
    }

    /** What a new record is made of, from the API, a CSV line or an approved nomination. */
    record NewRecord(String name, IdCardNumber id, String level, int year, String awardingBody, String workplace, long orgId,
            String contact, RecordStatus status, Long memberId) {
    }

    /** The record, or 404 when it does not exist or lies outside the caller's organisation. */
    Row visibleRow(Connection c, Caller caller, long recordId) throws SQLException {
        Row row = rowOf(c, recordId).orElseThrow(() -> HubException.notFound("record", recordId));
        if (!caller.canManage(row.orgId(), directory)) {
            throw HubException.notFound("record", recordId);
        }
        return row;
    }

    Optional<Row> rowOf(Connection c, long recordId) throws SQLException {
        return Sql.one(c, "SELECT " + COLUMNS + " FROM " + RECORD + " R WHERE R.ID = ?", Archive::row, recordId);
    }

    Optional<Long> idByIndex(Connection c, String index) throws SQLException {
        return Sql.one(c, "SELECT ID FROM " + RECORD + " WHERE ID_INDEX = ?", rs -> rs.getLong(1), index);
    }

    long insert(Connection c, Caller caller, NewRecord n, String reason, Events events) throws SQLException {
        Instant now = Instant.now();
        long id = Sql.insert(c, "INSERT INTO " + RECORD + " (NAME, ID_SEALED, ID_INDEX, ID_MASKED, BIRTH_DATE, SEX, WORKPLACE, "
                + "ORG_ID, CONTACT, MEMBER_ID, STATUS, CREATED_AT, UPDATED_AT) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                n.name(), cipher.encrypt(n.id().value()), cipher.blindIndex(n.id().value()), IdCardNumber.mask(n.id().value()),
                n.id().birthDate(), n.id().sex().name(), n.workplace(), n.orgId(), n.contact(), n.memberId(), n.status(), now, now);
        Sql.insert(c, "INSERT INTO MODELWORKERS_TITLE (RECORD_ID, LEVEL_CODE, YEAR_AWARDED, AWARDING_BODY, CREATED_AT) "
                + "VALUES (?, ?, ?, ?, ?)", id, n.level(), n.year(), n.awardingBody(), now);
        Sql.insert(c, "INSERT INTO MODELWORKERS_STATUS_HISTORY (RECORD_ID, FROM_STATUS, TO_STATUS, REASON, CHANGED_BY, CHANGED_AT) "
                + "VALUES (?, ?, ?, ?, ?, ?)", id, null, n.status(), reason, caller.username(), now);
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("name", n.name());
        changes.put("idNumber", "(set)");
        changes.put("title", n.level());
        changes.put("yearAwarded", n.year());
        changes.put("orgId", n.orgId());
        changes.put("status", n.status());
        changes.put("memberId", n.memberId());
        audit.record(c, caller, "modelworkers.record.create", "record", id, changes);
        events.add(ModelWorkerEvents.RECORD_CREATED, Map.of("recordId", id, "orgId", n.orgId(), "title", n.level(),
                "status", n.status().name()));
        return id;
    }

    /** Adds a title unless the record holds that level of that year already; answers whether it did. */
    boolean addTitle(Connection c, Caller caller, long recordId, String level, int year, String awardingBody)
            throws SQLException {
        if (Sql.count(c, "SELECT COUNT(*) FROM MODELWORKERS_TITLE WHERE RECORD_ID = ? AND LEVEL_CODE = ? AND YEAR_AWARDED = ?",
                recordId, level, year) > 0) {
            return false;
        }
        Sql.insert(c, "INSERT INTO MODELWORKERS_TITLE (RECORD_ID, LEVEL_CODE, YEAR_AWARDED, AWARDING_BODY, CREATED_AT) "
                + "VALUES (?, ?, ?, ?, ?)", recordId, level, year, awardingBody, Instant.now());
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("title", level);
        changes.put("yearAwarded", year);
        changes.put("awardingBody", awardingBody);
        audit.record(c, caller, "modelworkers.title.add", "record", recordId, changes);
        return true;
    }

    void touch(Connection c, long recordId) throws SQLException {
        Sql.update(c, "UPDATE " + RECORD + " SET UPDATED_AT = ? WHERE ID = ?", Instant.now(), recordId);
    }

    private void setStatus(Connection c, Caller caller, Row row, RecordStatus to, String reason, Events events)
            throws SQLException {
        Instant now = Instant.now();
        // conditional on the status read, so two concurrent changes cannot both write history from the same state
        int n = Sql.update(c, "UPDATE " + RECORD + " SET STATUS = ?, UPDATED_AT = ? WHERE ID = ? AND STATUS = ?", to, now,
                row.id(), row.status());
        if (n == 0) {
            throw HubException.conflict("status", "the record's status changed meanwhile; reload and try again");
        }
        Sql.insert(c, "INSERT INTO MODELWORKERS_STATUS_HISTORY (RECORD_ID, FROM_STATUS, TO_STATUS, REASON, CHANGED_BY, CHANGED_AT) "
                + "VALUES (?, ?, ?, ?, ?, ?)", row.id(), row.status(), to, reason, caller.username(), now);
        audit.record(c, caller, "modelworkers.record.status", "record", row.id(),
                Map.of("from", row.status(), "to", to, "reason", reason));
        events.add(ModelWorkerEvents.STATUS_CHANGED, Map.of("recordId", row.id(), "orgId", row.orgId(),
                "from", row.status().name(), "to", to.name()));
    }

    /** Title levels held by a record, highest first. */
    List<String> levelsOf(Connection c, long recordId) throws SQLException {
        return Sql.list(c, "SELECT DISTINCT LEVEL_CODE FROM MODELWORKERS_TITLE WHERE RECORD_ID = ?", rs -> rs.getString(1),
                recordId);
    }

    /** {@code reveal}: the full number, birth date, birth year and sex (admins' single reads and exports). */
    List<RecordView> views(Connection c, Caller caller, List<Row> rows, boolean reveal) throws SQLException {
        if (rows.isEmpty()) {
            return List.of();
        }
        List<Object> ids = new ArrayList<>();
        rows.forEach(r -> ids.add(r.id()));
        Map<Long, List<TitleView>> titles = new HashMap<>();
        Sql.list(c, "SELECT ID, RECORD_ID, LEVEL_CODE, YEAR_AWARDED, AWARDING_BODY FROM MODELWORKERS_TITLE WHERE RECORD_ID IN ("
                + "?, ".repeat(ids.size() - 1) + "?)", rs -> titles.computeIfAbsent(rs.getLong("RECORD_ID"), k -> new ArrayList<>())
                        .add(new TitleView(rs.getLong("ID"), rs.getString("LEVEL_CODE"), rs.getInt("YEAR_AWARDED"),
                                rs.getString("AWARDING_BODY"))), ids.toArray());
        List<String> order = config.get().levels();
        Comparator<TitleView> highestFirst = Comparator.comparingInt((TitleView t) -> {
            int i = order.indexOf(t.title());
            return i < 0 ? Integer.MAX_VALUE : i;
        }).thenComparingInt(TitleView::yearAwarded);
        List<RecordView> out = new ArrayList<>();
        for (Row r : rows) {
            List<TitleView> held = new ArrayList<>(titles.getOrDefault(r.id(), List.of()));
            held.sort(highestFirst);
            TitleView top = held.isEmpty() ? null : held.get(0);
            boolean admin = caller.isAdmin();
            out.add(new RecordView(r.id(), r.name(), reveal ? cipher.decrypt(r.sealed()) : IdCardNumber.mask(r.masked()),
                    reveal ? r.birthDate() : null, admin ? r.birthDate().getYear() : null, admin ? r.sex() : null, top == null ? null : top.title(),
                    top == null ? null : top.yearAwarded(), top == null ? null : top.awardingBody(), List.copyOf(held),
                    r.workplace(), r.orgId(), r.contact(), r.memberId(), r.status(), time(r.createdAt()), time(r.updatedAt())));
        }
        return out;
    }

    OffsetDateTime time(Instant t) {
        return t == null ? null : OffsetDateTime.ofInstant(t, hub.zone());
    }

    private static Row row(ResultSet rs) throws SQLException {
        return new Row(rs.getLong("ID"), rs.getString("NAME"), rs.getString("ID_SEALED"), rs.getString("ID_MASKED"),
                Sql.getDate(rs, "BIRTH_DATE"), rs.getString("SEX"), rs.getString("WORKPLACE"), rs.getLong("ORG_ID"),
                rs.getString("CONTACT"), Sql.getLong(rs, "MEMBER_ID"), Sql.getEnum(rs, "STATUS", RecordStatus.class),
                Sql.getInstant(rs, "CREATED_AT"), Sql.getInstant(rs, "UPDATED_AT"));
    }

    /** Validates an ID-card number into {@code v}; answers it parsed, or null. */
    static IdCardNumber idNumber(Validation v, String field, String raw) {
        if (raw == null || raw.isBlank()) {
            v.error(field, "is required");
            return null;
        }
        String problem = IdCardNumber.problem(raw);
        v.check(problem == null, field, problem);
        return IdCardNumber.parse(raw).orElse(null);
    }

    /** Validates a title level into {@code v}; answers it normalised, or null. */
    static String level(Validation v, String field, String raw, Settings s) {
        if (raw == null || raw.isBlank()) {
            v.error(field, "is required");
            return null;
        }
        String level = raw.trim().toUpperCase();
        v.check(s.knowsLevel(level), field, "unknown title level '" + raw.trim() + "'; known: " + String.join(", ", s.levels()));
        return level;
    }

    static String trim(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
