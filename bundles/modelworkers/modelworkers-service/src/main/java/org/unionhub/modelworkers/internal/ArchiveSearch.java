package org.unionhub.modelworkers.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.unionhub.api.AuditLog;
import org.unionhub.api.HubException;
import org.unionhub.api.MemberDirectory;
import org.unionhub.api.Page;
import org.unionhub.api.PageRequest;
import org.unionhub.api.csv.Csv;
import org.unionhub.api.db.Keyset;
import org.unionhub.api.db.ModuleDatabase;
import org.unionhub.api.security.Caller;
import org.unionhub.api.security.ExactIdSearch;
import org.unionhub.api.security.PersonalDataCipher;
import org.unionhub.api.validation.IdCardNumber;

/**
 * Reading the archive through a {@link RecordFilter}: search, counts and the CSV export. The filter is scoped to the
 * caller's part of the tree; a search by exact ID-card number needs a reason, is rate-limited and audited.
 */
final class ArchiveSearch {

    /** Record list sorts; (NAME, ID) from migration V2. */
    private static final Keyset PAGES = Keyset.by("R.ID").sort("name", "R.NAME", String.class);
    /** Rows read and written per batch while exporting: the heap holds one batch, never the whole archive. */
    private static final int EXPORT_BATCH = 500;

    private final ModuleDatabase db;
    private final AuditLog audit;
    private final PersonalDataCipher cipher;
    private final MemberDirectory directory;
    private final Configured config;
    private final Archive archive;
    private final ExactIdSearch exactSearch = new ExactIdSearch();

    ArchiveSearch(ModuleDatabase db, AuditLog audit, PersonalDataCipher cipher, MemberDirectory directory, Configured config,
            Archive archive) {
        this.db = db;
        this.audit = audit;
        this.cipher = cipher;
        this.directory = directory;
        this.config = config;
        this.archive = archive;
    }

    Page<RecordView> search(Caller caller, RecordFilter f, PageRequest page) {
        return db.read(c -> {
            List<Object> params = new ArrayList<>();
            String where = where(c, caller, f, params);
            Page<Archive.Row> rows = PAGES.page(c, "SELECT " + RecordStore.COLUMNS, " FROM " + RecordStore.RECORD + " R" + where,
                    params, page, RecordStore::row);
            return new Page<>(archive.views(c, caller, rows.items(), false), rows.total(), rows.offset(), rows.limit(),
                    rows.nextCursor(), rows.totalExact());
        });
    }

    Counts counts(Caller caller, RecordFilter f) {
        Settings s = config.get();
        return db.read(c -> {
            List<Object> params = new ArrayList<>();
            String where = where(c, caller, f, params);
            long total = RecordStore.count(c, where, params);
            Map<String, Long> byLevel = new LinkedHashMap<>();
            s.levels().forEach(l -> byLevel.put(l, 0L));
            RecordStore.countByLevel(c, where, params, byLevel);
            Map<String, Long> byStatus = new LinkedHashMap<>();
            for (RecordStatus st : RecordStatus.values()) {
                byStatus.put(st.name(), 0L);
            }
            RecordStore.countByStatus(c, where, params, byStatus);
            return new Counts(total, byLevel, byStatus);
        });
    }

    /**
     * One line per title held, so that an admin's export imports again unchanged; others get masked numbers. Written to
     * {@code out} while the records are read: one JDBC cursor over the records in id order, their titles looked up per
     * batch of {@value #EXPORT_BATCH}.
     */
    void export(Caller caller, RecordFilter f, Writer out) {
        db.read(c -> {
            List<Object> params = new ArrayList<>();
            String where = where(c, caller, f, params);
            if (caller.isAdmin()) {
                // an admin's export carries full ID-card numbers: who took which part of the archive is audited
                Map<String, Object> what = new LinkedHashMap<>();
                what.put("orgId", f.orgId());
                what.put("records", RecordStore.count(c, where, params));
                audit.record(c, caller, "modelworkers.record.export", "record", null, what);
            }
            try {
                out.write("\uFEFF");
                out.write(Csv.line("recordId", "name", "idNumber", "sex", "birthYear", "title", "yearAwarded",
                        "awardingBody", "workplace", "orgId", "contact", "status", "memberId"));
                List<Archive.Row> batch = new ArrayList<>(EXPORT_BATCH);
                RecordStore.forEach(c, where, params, rs -> {
                    batch.add(RecordStore.row(rs));
                    if (batch.size() == EXPORT_BATCH) {
                        writeBatch(c, caller, batch, out);
                    }
                    return null;
                });
                writeBatch(c, caller, batch, out);
                out.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return null;
        });
    }

    private void writeBatch(Connection c, Caller caller, List<Archive.Row> batch, Writer out) throws SQLException {
        try {
            for (RecordView r : archive.views(c, caller, batch, caller.isAdmin())) {
                for (TitleView t : r.titles()) {
                    out.write(Csv.line(r.id(), r.name(), r.idNumber(), r.sex(), r.birthYear(), t.title(), t.yearAwarded(),
                            t.awardingBody(), r.workplace(), r.orgId(), r.contact(), r.status(), r.memberId()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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
}
