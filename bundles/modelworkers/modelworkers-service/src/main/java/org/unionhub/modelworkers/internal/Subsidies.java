package org.unionhub.modelworkers.internal;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

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
import org.unionhub.api.personal.Consents;
import org.unionhub.api.security.Caller;
import org.unionhub.api.validation.Texts;
import org.unionhub.modelworkers.api.ModelWorkerEvents;

/**
 * The special subsidy fund: the ledger of paid yearly subsidies and hardship relief (paid through
 * {@link SubsidyApplications}), totals per year, and the annual survey.
 */
@Component(service = Subsidies.class)
public class Subsidies {

    /** The fund's ledger starts with the 2000s; nothing is booked for a future year. */
    static final int FIRST_LEDGER_YEAR = 2000;

    private final ModuleDatabase db;
    private final AuditLog audit;
    private final MemberDirectory directory;
    private final HubSettings hub;
    private final Configured config;
    private final Archive archive;
    private final Consents consents;

    @Activate
    public Subsidies(@Reference(target = "(unionhub.module=modelworkers)") ModuleDatabase db, @Reference AuditLog audit,
            @Reference MemberDirectory directory, @Reference HubSettings hub, @Reference Configured config,
            @Reference Archive archive, @Reference Consents consents) {
        this.consents = consents;
        this.db = db;
        this.audit = audit;
        this.directory = directory;
        this.hub = hub;
        this.config = config;
        this.archive = archive;
    }

    // ---- the ledger: payments only; applications and their review are SubsidyApplications

    private static final Keyset PAGES = Keyset.by("S.ID");

    public Page<SubsidyView> list(Caller caller, Long recordId, Integer year, SubsidyKind kind, Long orgId, PageRequest page) {
        return db.read(c -> {
            List<Object> params = new ArrayList<>();
            String where = ledgerWhere(c, caller, recordId, year, kind, orgId, params);
            return PAGES.page(c, "SELECT S.ID, S.RECORD_ID, R.NAME, S.KIND, S.SUBSIDY_YEAR, S.AMOUNT, S.NOTE, S.PAID_BY, S.PAID_AT, S.APPLICATION_ID, S.PAYING_ORG_ID, S.FUND_SOURCE",
                    " FROM MODELWORKERS_SUBSIDY S JOIN " + Archive.RECORD + " R ON R.ID = S.RECORD_ID" + where, params, page,
                    this::subsidy);
        });
    }

    public List<YearTotal> totals(Caller caller, Integer year, Long orgId) {
        return db.read(c -> {
            List<Object> params = new ArrayList<>();
            String where = ledgerWhere(c, caller, null, year, null, orgId, params);
            String from = " FROM MODELWORKERS_SUBSIDY S JOIN " + Archive.RECORD + " R ON R.ID = S.RECORD_ID" + where;
            Map<Integer, BigDecimal[]> sums = new TreeMap<>();
            Sql.list(c, "SELECT S.SUBSIDY_YEAR, S.KIND, SUM(S.AMOUNT)" + from + " GROUP BY S.SUBSIDY_YEAR, S.KIND", rs -> {
                BigDecimal[] a = sums.computeIfAbsent(rs.getInt(1), y -> new BigDecimal[] {Money.ZERO, Money.ZERO});
                a[SubsidyKind.valueOf(rs.getString(2)).ordinal()] = Money.normalize(rs.getBigDecimal(3));
                return null;
            }, params.toArray());
            Map<Integer, long[]> counts = new TreeMap<>();
            Sql.list(c, "SELECT S.SUBSIDY_YEAR, COUNT(*), COUNT(DISTINCT S.RECORD_ID)" + from + " GROUP BY S.SUBSIDY_YEAR",
                    rs -> counts.put(rs.getInt(1), new long[] {rs.getLong(2), rs.getLong(3)}), params.toArray());
            List<YearTotal> out = new ArrayList<>();
            sums.forEach((y, a) -> {
                long[] n = counts.getOrDefault(y, new long[2]);
                out.add(new YearTotal(y, a[0], a[1], Money.normalize(a[0].add(a[1])), n[0], n[1]));
            });
            return out;
        });
    }

    public SubsidyView one(Caller caller, long id) {
        return db.read(c -> {
            long recordId = Sql.one(c, "SELECT RECORD_ID FROM MODELWORKERS_SUBSIDY WHERE ID = ?", rs -> rs.getLong(1), id)
                    .orElseThrow(() -> HubException.notFound("subsidy", id));
            Archive.Row row = archive.rowOf(c, recordId).orElseThrow();
            if (!caller.canManage(row.orgId(), directory)) {
                throw HubException.notFound("subsidy", id);
            }
            return Sql.one(c, "SELECT S.ID, S.RECORD_ID, R.NAME, S.KIND, S.SUBSIDY_YEAR, S.AMOUNT, S.NOTE, S.PAID_BY, "
                    + "S.PAID_AT, S.APPLICATION_ID, S.PAYING_ORG_ID, S.FUND_SOURCE FROM MODELWORKERS_SUBSIDY S JOIN " + Archive.RECORD + " R ON R.ID = S.RECORD_ID WHERE S.ID = ?",
                    this::subsidy, id).orElseThrow();
        });
    }

    private String ledgerWhere(Connection c, Caller caller, Long recordId, Integer year, SubsidyKind kind, Long orgId,
            List<Object> params) throws SQLException {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        Scope.subtree(caller, orgId, "R.ORG_ID", directory, where, params);
        if (recordId != null) {
            where.append(" AND S.RECORD_ID = ?");
            params.add(recordId);
        }
        if (year != null) {
            where.append(" AND S.SUBSIDY_YEAR = ?");
            params.add(year);
        }
        if (kind != null) {
            where.append(" AND S.KIND = ?");
            params.add(kind);
        }
        return where.toString();
    }

    private SubsidyView subsidy(ResultSet rs) throws SQLException {
        return new SubsidyView(rs.getLong(1), rs.getLong(2), rs.getString(3), SubsidyKind.valueOf(rs.getString(4)), rs.getInt(5),
                Money.normalize(rs.getBigDecimal(6)), rs.getString(7), rs.getString(8), time(Sql.getInstant(rs, "PAID_AT")),
                Sql.getLong(rs, "APPLICATION_ID"), Sql.getLong(rs, "PAYING_ORG_ID"), rs.getString("FUND_SOURCE"));
    }

    // ---- the annual living-conditions survey

    public SurveyView putSurvey(Caller caller, long recordId, int year, SurveyRequest req) {
        Settings s = config.get();
        Validation v = new Validation();
        yearInto(v, "year", year);
        v.required("incomeBand", req.incomeBand());
        v.required("health", req.health());
        v.required("housing", req.housing());
        v.money("selfPaidMedical", req.selfPaidMedical());
        v.maxLength("needs", req.needs(), 1000);
        v.throwIfInvalid();
        BigDecimal medical = Money.normalize(req.selfPaidMedical());
        List<String> flags = Rules.surveyFlags(req.incomeBand(), req.health(), req.housing(), medical, s);
        Scope.once(() -> db.inTransaction(c -> {
            Archive.Row row = archive.visibleRow(c, caller, recordId);
            if (row.status() == RecordStatus.DECEASED) {
                throw HubException.conflict("recordId", "the record is DECEASED; there is no one to survey");
            }
            Instant now = Instant.now();
            Object[] values = {req.incomeBand(), req.health(), req.housing(), medical, Texts.blankToNull(req.needs()), !flags.isEmpty(),
                flags.isEmpty() ? null : String.join("; ", flags), caller.username(), now};
            List<Object> update = new ArrayList<>(Arrays.asList(values));
            update.add(recordId);
            update.add(year);
            int n = Sql.update(c, "UPDATE MODELWORKERS_SURVEY SET INCOME_BAND = ?, HEALTH = ?, HOUSING = ?, SELF_PAID_MEDICAL = ?, "
                    + "NEEDS = ?, FLAGGED = ?, FLAG_REASONS = ?, SURVEYED_BY = ?, SURVEYED_AT = ? WHERE RECORD_ID = ? "
                    + "AND SURVEY_YEAR = ?", update.toArray());
            long surveyId;
            if (n == 0) {
                List<Object> insert = new ArrayList<>(List.of(recordId, year));
                insert.addAll(Arrays.asList(values));
                surveyId = Sql.insert(c, "INSERT INTO MODELWORKERS_SURVEY (RECORD_ID, SURVEY_YEAR, INCOME_BAND, HEALTH, HOUSING, "
                        + "SELF_PAID_MEDICAL, NEEDS, FLAGGED, FLAG_REASONS, SURVEYED_BY, SURVEYED_AT) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", insert.toArray());
            } else {
                surveyId = Sql.one(c, "SELECT ID FROM MODELWORKERS_SURVEY WHERE RECORD_ID = ? AND SURVEY_YEAR = ?",
                        rs -> rs.getLong(1), recordId, year).orElseThrow();
            }
            // the answers hold his health: the consent he signed on the visit comes with them, or nothing is kept
            SurveyConsents.record(c, consents, caller, surveyId, req.consent());
            Map<String, Object> changes = new LinkedHashMap<>();
            changes.put("year", year);
            changes.put("incomeBand", req.incomeBand());
            changes.put("health", req.health());
            changes.put("housing", req.housing());
            changes.put("flagged", !flags.isEmpty());
            audit.record(c, caller, "modelworkers.survey." + (n == 0 ? "create" : "update"), "record", recordId, changes);
            return null;
        }), "year", "the " + year + " survey was recorded meanwhile; send it again to replace it");
        return surveys(caller, recordId).stream().filter(sv -> sv.year() == year).findFirst().orElseThrow();
    }

    public List<SurveyView> surveys(Caller caller, long recordId) {
        return db.read(c -> {
            archive.visibleRow(c, caller, recordId);
            return Sql.list(c, SURVEY_SELECT + " WHERE V.RECORD_ID = ? ORDER BY V.SURVEY_YEAR DESC", this::survey, recordId);
        });
    }

    /** Surveys that call for relief, scoped to the caller's organisation. */
    public List<SurveyView> flagged(Caller caller, Integer year, Long orgId) {
        return db.read(c -> {
            StringBuilder where = new StringBuilder(" WHERE V.FLAGGED = TRUE");
            List<Object> params = new ArrayList<>();
            Scope.subtree(caller, orgId, "R.ORG_ID", directory, where, params);
            if (year != null) {
                where.append(" AND V.SURVEY_YEAR = ?");
                params.add(year);
            }
            return Sql.list(c, SURVEY_SELECT + where + " ORDER BY V.SURVEY_YEAR DESC, R.NAME", this::survey, params.toArray());
        });
    }

    private static final String SURVEY_SELECT = "SELECT V.RECORD_ID, R.NAME, R.ORG_ID, V.SURVEY_YEAR, V.INCOME_BAND, V.HEALTH, "
            + "V.HOUSING, V.SELF_PAID_MEDICAL, V.NEEDS, V.FLAGGED, V.FLAG_REASONS, V.SURVEYED_BY, V.SURVEYED_AT, "
            + "V.CONSENT_ID, V.MEDICAL_CONSENT_ID "
            + "FROM MODELWORKERS_SURVEY V JOIN " + Archive.RECORD + " R ON R.ID = V.RECORD_ID";

    private SurveyView survey(ResultSet rs) throws SQLException {
        String reasons = rs.getString("FLAG_REASONS");
        BigDecimal medical = rs.getBigDecimal("SELF_PAID_MEDICAL");
        return new SurveyView(rs.getLong("RECORD_ID"), rs.getString("NAME"), rs.getLong("ORG_ID"), rs.getInt("SURVEY_YEAR"),
                Sql.getEnum(rs, "INCOME_BAND", Survey.IncomeBand.class), Sql.getEnum(rs, "HEALTH", Survey.Health.class),
                Sql.getEnum(rs, "HOUSING", Survey.Housing.class), Money.normalize(medical), rs.getString("NEEDS"),
                rs.getBoolean("FLAGGED"), reasons == null ? List.of() : List.of(reasons.split("; ")),
                rs.getString("SURVEYED_BY"), time(Sql.getInstant(rs, "SURVEYED_AT")), Sql.getLong(rs, "CONSENT_ID"),
                Sql.getLong(rs, "MEDICAL_CONSENT_ID"));
    }

    private void yearInto(Validation v, String field, Integer year) {
        int now = LocalDate.now(hub.zone()).getYear();
        v.required(field, year);
        v.valid(field, year, y -> y >= FIRST_LEDGER_YEAR && y <= now, "must be between " + FIRST_LEDGER_YEAR + " and " + now);
    }

    private OffsetDateTime time(Instant t) {
        return t == null ? null : OffsetDateTime.ofInstant(t, hub.zone());
    }
}
