package org.unionhub.modelworkers.internal;

import java.io.StringWriter;
import java.io.Writer;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.EventAdmin;
import org.unionhub.api.AuditLog;
import org.unionhub.api.HubException;
import org.unionhub.api.HubSettings;
import org.unionhub.api.MemberDirectory;
import org.unionhub.api.Page;
import org.unionhub.api.PageRequest;
import org.unionhub.api.Validation;
import org.unionhub.api.db.DatabaseException;
import org.unionhub.api.db.ModuleDatabase;
import org.unionhub.api.db.Sql;
import org.unionhub.api.security.Caller;
import org.unionhub.api.security.PersonalDataCipher;
import org.unionhub.api.validation.IdCardNumber;
import org.unionhub.api.validation.Texts;
import org.unionhub.modelworkers.api.ModelWorkerEvents;
import org.unionhub.modelworkers.api.ModelWorkerLookup;

/**
 * The model-worker archive: records with their titles and status history, search and counts, CSV export
 * and import. ID-card numbers are kept sealed ({@link PersonalDataCipher}); only admins see them in full.
 */
@Component(service = {Archive.class, ModelWorkerLookup.class})
public class Archive implements ModelWorkerLookup {

    static final String RECORD = RecordStore.RECORD;

    private final ModuleDatabase db;
    private final AuditLog audit;
    private final PersonalDataCipher cipher;
    private final MemberDirectory directory;
    private final HubSettings hub;
    private final Configured config;
    private final Events events;
    /** Refusal of a number the archive holds outside the caller's organisation: it names neither place nor person. */
    static final String NOT_YOURS = "this ID-card number cannot be added by your organisation; an admin can";
    private final RecordViews views;
    private final ArchiveSearch search;
    private final ArchiveImport importer;

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
        this.events = new Events(db, eventAdmin);
        this.views = new RecordViews(cipher, hub, config);
        this.search = new ArchiveSearch(db, audit, cipher, directory, config, this);
        this.importer = new ArchiveImport(db, audit, cipher, directory, config, eventAdmin, this);
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
        try {
            long recordId = db.inTransaction(c -> {
                Optional<Long> existing = idByIndex(c, cipher.blindIndex(id.value()));
                if (existing.isPresent()) {
                    boolean yours = rowOf(c, existing.get()).map(r -> caller.canManage(r.orgId(), directory)).orElse(false);
                    // outside the officer's part of the tree the answer must not confirm who is in the archive
                    throw HubException.conflict("idNumber", yours
                            ? "this ID-card number is already in the archive; add a title to that record" : NOT_YOURS);
                }
                return insert(c, caller, new NewRecord(req.name().trim(), id, level, req.yearAwarded(), Texts.blankToNull(req.awardingBody()),
                        Texts.blankToNull(req.workplace()), req.orgId(), Texts.blankToNull(req.contact()), status, req.memberId()), "record created", events);
            });
            return get(caller, recordId);
        } catch (DatabaseException e) {
            if (Sql.isDuplicateKey(e)) {
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
        try {
            db.inTransaction(c -> {
                Row row = visibleRow(c, caller, recordId);
                String sealed = null;
                String index = null;
                if (id != null) {
                    index = cipher.blindIndex(id.value());
                    Optional<Long> other = idByIndex(c, index);
                    if (other.isPresent() && other.get() != recordId) {
                        throw HubException.conflict("idNumber", "this ID-card number is already in the archive");
                    }
                    sealed = cipher.encrypt(id.value());
                }
                RecordStore.update(c, recordId, req.name().trim(), Texts.blankToNull(req.workplace()), req.orgId(), Texts.blankToNull(req.contact()),
                        req.memberId(), Instant.now(), sealed, index, id == null ? null : IdCardNumber.mask(id.value()), id);
                Map<String, Object> changes = new LinkedHashMap<>();
                changes.put("name", req.name().trim());
                changes.put("workplace", Texts.blankToNull(req.workplace()));
                changes.put("orgId", req.orgId());
                changes.put("memberId", req.memberId());
                changes.put("idNumber", id == null ? "(kept)" : "(changed)");
                audit.record(c, caller, "modelworkers.record.update", "record", recordId, changes);
                events.add(ModelWorkerEvents.RECORD_UPDATED, Map.of("recordId", recordId, "orgId", req.orgId(),
                        "previousOrgId", row.orgId()));
                return null;
            });
        } catch (DatabaseException e) {
            if (Sql.isDuplicateKey(e)) {
                throw HubException.conflict("idNumber", "this ID-card number is already in the archive");
            }
            throw e;
        }
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
        String held = "the record already holds " + level + " of " + req.yearAwarded();
        Scope.once(() -> db.inTransaction(c -> {
            Row row = visibleRow(c, caller, recordId);
            if (!addTitle(c, caller, recordId, level, req.yearAwarded(), Texts.blankToNull(req.awardingBody()))) {
                throw HubException.conflict("title", held);
            }
            touch(c, recordId);
            events.add(ModelWorkerEvents.RECORD_UPDATED, Map.of("recordId", recordId, "orgId", row.orgId()));
            return null;
        }), "title", held);
        return get(caller, recordId);
    }

    public RecordView changeStatus(Caller caller, long recordId, StatusChange req) {
        Validation v = new Validation();
        v.required("status", req.status());
        v.required("reason", req.reason()).maxLength("reason", req.reason(), 500);
        v.throwIfInvalid();
        db.inTransaction(c -> {
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
            return RecordStore.history(c, recordId).stream().map(h -> new HistoryEntry(h.id(), h.from(), h.to(), h.reason(),
                    h.changedBy(), time(h.changedAt()))).toList();
        });
    }

    // ---- search, counts, export, import: ArchiveSearch and ArchiveImport

    public Page<RecordView> search(Caller caller, RecordFilter f, PageRequest page) {
        return search.search(caller, f, page);
    }

    public Counts counts(Caller caller, RecordFilter f) {
        return search.counts(caller, f);
    }

    /** One line per title held, so that an admin's export imports again unchanged; others get masked numbers. */
    public String export(Caller caller, RecordFilter f) {
        StringWriter out = new StringWriter();
        export(caller, f, out);
        return out.toString();
    }

    /** As {@link #export(Caller, RecordFilter)}, written to {@code out} while the records are read. */
    public void export(Caller caller, RecordFilter f, Writer out) {
        search.export(caller, f, out);
    }

    public ImportReport importCsv(Caller caller, String body) {
        return importer.importCsv(caller, body);
    }

    // ---- the lookup other modules use

    @Override
    public boolean isModelWorker(long memberId, Set<String> levels) {
        return db.read(c -> RecordStore.isModelWorker(c, memberId, levels));
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
        return RecordStore.rowOf(c, recordId);
    }

    Optional<Long> idByIndex(Connection c, String index) throws SQLException {
        return RecordStore.idByIndex(c, index);
    }

    long insert(Connection c, Caller caller, NewRecord n, String reason, Events events) throws SQLException {
        Instant now = Instant.now();
        long id = RecordStore.insert(c, n, cipher.encrypt(n.id().value()), cipher.blindIndex(n.id().value()),
                IdCardNumber.mask(n.id().value()), reason, caller.username(), now);
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
        if (RecordStore.holdsTitle(c, recordId, level, year)) {
            return false;
        }
        RecordStore.insertTitle(c, recordId, level, year, awardingBody, Instant.now());
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("title", level);
        changes.put("yearAwarded", year);
        changes.put("awardingBody", awardingBody);
        audit.record(c, caller, "modelworkers.title.add", "record", recordId, changes);
        return true;
    }

    void touch(Connection c, long recordId) throws SQLException {
        RecordStore.touch(c, recordId);
    }

    void setStatus(Connection c, Caller caller, Row row, RecordStatus to, String reason, Events events)
            throws SQLException {
        Instant now = Instant.now();
        // conditional on the status read, so two concurrent changes cannot both write history from the same state
        int n = RecordStore.setStatus(c, row.id(), row.status(), to, now);
        if (n == 0) {
            throw HubException.conflict("status", "the record's status changed meanwhile; reload and try again");
        }
        RecordStore.insertHistory(c, row.id(), row.status(), to, reason, caller.username(), now);
        audit.record(c, caller, "modelworkers.record.status", "record", row.id(),
                Map.of("from", row.status(), "to", to, "reason", reason));
        events.add(ModelWorkerEvents.STATUS_CHANGED, Map.of("recordId", row.id(), "orgId", row.orgId(),
                "from", row.status().name(), "to", to.name()));
    }

    /** Title levels held by a record, highest first. */
    List<String> levelsOf(Connection c, long recordId) throws SQLException {
        return RecordStore.levelsOf(c, recordId);
    }

    List<RecordView> views(Connection c, Caller caller, List<Row> rows, boolean reveal) throws SQLException {
        return views.of(c, caller, rows, reveal);
    }

    OffsetDateTime time(Instant t) {
        return views.time(t);
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
}
