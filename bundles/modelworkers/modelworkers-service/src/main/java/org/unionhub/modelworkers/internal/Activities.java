package org.unionhub.modelworkers.internal;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.unionhub.api.AuditLog;
import org.unionhub.api.HubException;
import org.unionhub.api.HubSettings;
import org.unionhub.api.MemberDirectory;
import org.unionhub.api.Money;
import org.unionhub.api.Page;
import org.unionhub.api.PageRequest;
import org.unionhub.api.Validation;
import org.unionhub.api.db.ModuleDatabase;
import org.unionhub.api.db.Keyset;
import org.unionhub.api.db.Sql;
import org.unionhub.api.security.Caller;
import org.unionhub.api.security.Roles;
import org.unionhub.api.validation.Texts;

/**
 * What model workers do and what their unions do for them: service sessions at enterprises (劳模助企行) with the
 * year's figures, and condolence visits (走访慰问) with the money handed over. Both are kept under the model
 * worker's own union, whose officers (and those above) record and read them.
 */
@Component(service = Activities.class)
public class Activities {

    private static final String ACTIVITY = "SELECT A.ID, A.RECORD_ID, R.NAME, A.ORG_ID, A.HELD_ON, A.ENTERPRISE, A.TOPIC, "
            + "A.HOURS, A.WORKERS_REACHED, A.CREATED_BY, A.CREATED_AT FROM MODELWORKERS_ACTIVITY A "
            + "JOIN MODELWORKERS_RECORD R ON R.ID = A.RECORD_ID WHERE 1 = 1";
    private static final String VISIT = "SELECT V.ID, V.RECORD_ID, R.NAME, V.ORG_ID, V.VISITED_ON, V.OCCASION, V.GIFT_AMOUNT, "
            + "V.NOTE, V.CREATED_BY, V.CREATED_AT FROM MODELWORKERS_VISIT V JOIN MODELWORKERS_RECORD R ON R.ID = V.RECORD_ID "
            + "WHERE 1 = 1";

    private final ModuleDatabase db;
    private final AuditLog audit;
    private final MemberDirectory directory;
    private final HubSettings hub;

    @Activate
    public Activities(@Reference(target = "(unionhub.module=modelworkers)") ModuleDatabase db, @Reference AuditLog audit,
            @Reference MemberDirectory directory, @Reference HubSettings hub) {
        this.db = db;
        this.audit = audit;
        this.directory = directory;
        this.hub = hub;
    }

    private record Owner(long recordId, long orgId) {
    }

    public ActivityView record(Caller caller, ActivityRequest req) {
        caller.require(Roles.ADMIN, Roles.OFFICER);
        Validation v = new Validation();
        v.required("recordId", req.recordId()).required("heldOn", req.heldOn()).required("enterprise", Texts.blankToNull(req.enterprise()))
                .required("topic", Texts.blankToNull(req.topic())).required("hours", req.hours());
        v.maxLength("enterprise", req.enterprise(), 200).maxLength("topic", req.topic(), 200);
        pastDate(v, "heldOn", req.heldOn());
        v.valid("hours", req.hours(), h -> h.signum() > 0 && h.compareTo(BigDecimal.valueOf(24)) <= 0
                && h.stripTrailingZeros().scale() <= 1, "must be more than 0 and at most 24 hours, in tenths of an hour");
        v.valid("workersReached", req.workersReached(), n -> n >= 0 && n <= 1_000_000, "must be between 0 and 1000000");
        v.throwIfInvalid();
        return db.inTransaction(c -> {
            Owner o = owner(c, caller, req.recordId());
            long id = Sql.insert(c, "INSERT INTO MODELWORKERS_ACTIVITY (RECORD_ID, ORG_ID, HELD_ON, ENTERPRISE, TOPIC, HOURS, "
                    + "WORKERS_REACHED, CREATED_BY, CREATED_AT) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", o.recordId(), o.orgId(),
                    req.heldOn(), req.enterprise().trim(), req.topic().trim(), req.hours().setScale(1), req.workersReached(),
                    caller.username(), Instant.now());
            Map<String, Object> ch = new LinkedHashMap<>();
            ch.put("recordId", o.recordId());
            ch.put("heldOn", req.heldOn());
            ch.put("hours", req.hours());
            audit.record(c, caller, "modelworkers.activity.create", "activity", id, ch);
            return Sql.one(c, ACTIVITY + " AND A.ID = ?", this::activity, id).orElseThrow();
        });
    }

    public Page<ActivityView> activities(Caller caller, Long recordId, Long orgId, Integer year, PageRequest page) {
        caller.require(Roles.ADMIN, Roles.OFFICER);
        return list(caller, ACTIVITY, ACTIVITY_PAGES, "A", "HELD_ON", "MODELWORKERS_ACTIVITY", recordId, orgId, year, page,
                this::activity);
    }

    /** The year's sessions in the caller's part of the tree, or below {@code orgId}. */
    public ActivityTotals totals(Caller caller, int year, Long orgId) {
        caller.require(Roles.ADMIN, Roles.OFFICER);
        year(year);
        return db.read(c -> {
            StringBuilder where = new StringBuilder(" WHERE HELD_ON >= ? AND HELD_ON <= ?");
            List<Object> params = new ArrayList<>(List.of(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31)));
            scope(c, caller, "MODELWORKERS_ACTIVITY", "ORG_ID", orgId, where, params);
            Object[] p = params.toArray();
            // Derby answers one DISTINCT aggregate per query, so the distinct counts are queries of their own
            long enterprises = Sql.count(c, "SELECT COUNT(*) FROM (SELECT DISTINCT ENTERPRISE FROM MODELWORKERS_ACTIVITY" + where
                    + ") E", p);
            long workers = Sql.count(c, "SELECT COUNT(*) FROM (SELECT DISTINCT RECORD_ID FROM MODELWORKERS_ACTIVITY" + where
                    + ") W", p);
            return Sql.one(c, "SELECT COUNT(*), SUM(HOURS), SUM(WORKERS_REACHED) FROM MODELWORKERS_ACTIVITY" + where,
                    rs -> new ActivityTotals(year, orgId, rs.getLong(1), enterprises, workers,
                            rs.getBigDecimal(2) == null ? new BigDecimal("0.0") : rs.getBigDecimal(2), rs.getLong(3)), p)
                    .orElseThrow();
        });
    }

    public VisitView visit(Caller caller, VisitRequest req) {
        caller.require(Roles.ADMIN, Roles.OFFICER);
        Validation v = new Validation();
        v.required("recordId", req.recordId()).required("visitedOn", req.visitedOn()).required("occasion", req.occasion());
        pastDate(v, "visitedOn", req.visitedOn());
        v.money("giftAmount", req.giftAmount());
        v.maxLength("note", req.note(), 500);
        v.throwIfInvalid();
        return db.inTransaction(c -> {
            Owner o = owner(c, caller, req.recordId());
            BigDecimal gift = req.giftAmount() == null ? null : Money.normalize(req.giftAmount());
            long id = Sql.insert(c, "INSERT INTO MODELWORKERS_VISIT (RECORD_ID, ORG_ID, VISITED_ON, OCCASION, GIFT_AMOUNT, NOTE, "
                    + "CREATED_BY, CREATED_AT) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", o.recordId(), o.orgId(), req.visitedOn(),
                    req.occasion(), gift, Texts.blankToNull(req.note()), caller.username(), Instant.now());
            Map<String, Object> ch = new LinkedHashMap<>();
            ch.put("recordId", o.recordId());
            ch.put("occasion", req.occasion());
            ch.put("giftAmount", gift);
            audit.record(c, caller, "modelworkers.visit.create", "visit", id, ch);
            return Sql.one(c, VISIT + " AND V.ID = ?", this::visit, id).orElseThrow();
        });
    }

    public Page<VisitView> visits(Caller caller, Long recordId, Long orgId, Integer year, PageRequest page) {
        caller.require(Roles.ADMIN, Roles.OFFICER);
        return list(caller, VISIT, VISIT_PAGES, "V", "VISITED_ON", "MODELWORKERS_VISIT", recordId, orgId, year, page,
                this::visit);
    }

    /** Newest first; indexes (date, ID), (RECORD_ID, date, ID), (ORG_ID, date, ID) from migration V6. */
    private static final Keyset ACTIVITY_PAGES = Keyset.by("A.ID").sort("heldOn", "A.HELD_ON", LocalDate.class)
            .defaultSort("-heldOn");
    private static final Keyset VISIT_PAGES = Keyset.by("V.ID").sort("visitedOn", "V.VISITED_ON", LocalDate.class)
            .defaultSort("-visitedOn");

    private <T> Page<T> list(Caller caller, String select, Keyset pages, String alias, String dateColumn, String table, Long recordId,
            Long orgId, Integer year, PageRequest page, org.unionhub.api.db.RowMapper<T> mapper) {
        if (year != null) {
            year(year);
        }
        return db.read(c -> {
            StringBuilder where = new StringBuilder();
            List<Object> params = new ArrayList<>();
            if (recordId != null) {
                where.append(" AND ").append(alias).append(".RECORD_ID = ?");
                params.add(recordId);
            }
            if (year != null) {
                where.append(" AND ").append(alias).append('.').append(dateColumn).append(" >= ? AND ").append(alias).append('.')
                        .append(dateColumn).append(" <= ?");
                params.add(LocalDate.of(year, 1, 1));
                params.add(LocalDate.of(year, 12, 31));
            }
            scope(c, caller, table, alias + ".ORG_ID", orgId, where, params);
            int from = select.indexOf(" FROM ");
            return pages.page(c, select.substring(0, from), select.substring(from) + where, params, page, mapper);
        });
    }

    private void scope(Connection c, Caller caller, String table, String column, Long orgId, StringBuilder where,
            List<Object> params) throws SQLException {
        if (orgId != null && !caller.canManage(orgId, directory)) {
            throw HubException.forbidden("organisation " + orgId + " is outside your organisation");
        }
        if (caller.isAdmin() && orgId == null) {
            return;
        }
        Scope.subtree(caller, orgId, column, directory, where, params);
    }

    private Owner owner(Connection c, Caller caller, long recordId) throws SQLException {
        Owner o = Sql.one(c, "SELECT ID, ORG_ID FROM MODELWORKERS_RECORD WHERE ID = ?", rs -> new Owner(rs.getLong(1),
                rs.getLong(2)), recordId).orElse(null);
        if (o == null || !caller.canManage(o.orgId(), directory)) {
            // a record outside the caller's part of the tree is as unknown to him as one that does not exist
            throw HubException.invalid("recordId", "no model-worker record " + recordId + " in your organisation");
        }
        return o;
    }

    private void pastDate(Validation v, String field, LocalDate d) {
        v.valid(field, d, x -> !x.isAfter(LocalDate.now(hub.zone())) && x.getYear() >= 1949,
                "must be a day from 1949 until today");
    }

    private static void year(int year) {
        String problem = Rules.yearProblem(year);
        if (problem != null) {
            throw HubException.badRequest("year", problem);
        }
    }

    private ActivityView activity(ResultSet rs) throws SQLException {
        return new ActivityView(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getLong(4), Sql.getDate(rs, "HELD_ON"),
                rs.getString(6), rs.getString(7), rs.getBigDecimal(8), Sql.getInt(rs, "WORKERS_REACHED"), rs.getString(10),
                time(Sql.getInstant(rs, "CREATED_AT")));
    }

    private VisitView visit(ResultSet rs) throws SQLException {
        return new VisitView(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getLong(4), Sql.getDate(rs, "VISITED_ON"),
                Sql.getEnum(rs, "OCCASION", VisitOccasion.class), rs.getBigDecimal(7), rs.getString(8), rs.getString(9),
                time(Sql.getInstant(rs, "CREATED_AT")));
    }

    private OffsetDateTime time(Instant t) {
        return t == null ? null : OffsetDateTime.ofInstant(t, hub.zone());
    }
}
